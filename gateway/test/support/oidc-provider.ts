import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface OidcTestClient {
  id: string;
  secret: string;
  /** Claims the provider puts into this client's access tokens. */
  claims?: Record<string, unknown>;
  /** The provider issues this client's tokens already expired. */
  expired?: boolean;
}

export interface OidcProviderSetup {
  /** APIs (resource indicators) the provider issues JWT access tokens for; `aud` = the resource. */
  resources: string[];
  clients: OidcTestClient[];
}

export interface TestOidcProvider {
  issuer: string;
  /** The key id the provider signs with now. */
  kid: string;
  /** An access token for `resource`, by the client credentials grant over HTTP. */
  clientCredentialsToken(client: OidcTestClient, resource: string): Promise<string>;
  /** Signs with a new key from now on (the old one stays published); resolves to the new key id. */
  rotateKeys(): Promise<string>;
  stop(): Promise<void>;
}

type Message = { type: 'ready'; issuer: string; kid: string } | { type: 'rotated'; kid: string };

/**
 * Starts a real oidc-provider (test/support/oidc-provider.mjs) in a child process — it is
 * ESM-only, which jest on Node 20 cannot load — on a free port of 127.0.0.1.
 */
export async function startOidcProvider(setup: OidcProviderSetup): Promise<TestOidcProvider> {
  const child = fork(join(__dirname, 'oidc-provider.mjs'), [JSON.stringify(setup)], {
    execArgv: [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = await nextMessage(child, 'ready', () => stderr);
  let tokenEndpoint: string | undefined;
  let kid = ready.kid;

  return {
    issuer: ready.issuer,
    get kid() {
      return kid;
    },
    async clientCredentialsToken(client, resource) {
      tokenEndpoint ??= await discoverTokenEndpoint(ready.issuer);
      const response = await fetch(tokenEndpoint, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', resource, scope: 'api' }),
      });
      const body = (await response.json()) as { access_token?: string };
      if (!response.ok || !body.access_token) {
        throw new Error(`token request failed: ${response.status} ${JSON.stringify(body)}\n${stderr}`);
      }
      return body.access_token;
    },
    async rotateKeys() {
      const rotated = nextMessage(child, 'rotated', () => stderr);
      child.send({ type: 'rotate' });
      kid = (await rotated).kid;
      return kid;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    },
  };
}

async function discoverTokenEndpoint(issuer: string): Promise<string> {
  const response = await fetch(`${issuer}/.well-known/openid-configuration`);
  const document = (await response.json()) as { token_endpoint: string };
  return document.token_endpoint;
}

function nextMessage<T extends Message['type']>(
  child: ChildProcess,
  type: T,
  stderr: () => string,
): Promise<Extract<Message, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: Message) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as Extract<Message, { type: T }>);
    };
    const onExit = (code: number | null) => {
      child.off('message', onMessage);
      reject(new Error(`the OIDC provider exited (${code}) before "${type}":\n${stderr()}`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
