import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface ConsoleOidcProviderSetup {
  /** The console's public client id (authorization code + PKCE, no secret). */
  clientId: string;
  /** The API (resource indicator) whose access tokens are JWTs with aud = this. */
  resource: string;
  /** Login name → claims (name, roles, merchant_id, …) of the account the dev login signs in as. */
  accounts: Record<string, Record<string, unknown>>;
}

export interface ConsoleOidcProvider {
  /** The issuer, exactly as the provider puts it in `iss` (http://127.0.0.1:<port>). */
  issuer: string;
  /** Registers the console's callback as a redirect URI of the client (and a CORS origin). */
  allowRedirectUri(uri: string): Promise<void>;
  stop(): Promise<void>;
}

type Message = { type: 'ready'; issuer: string } | { type: 'redirect-uri-set' };

/**
 * Starts a real oidc-provider (test/support/oidc-provider.mjs) with its own login and
 * consent pages in a child process — it is ESM-only, which jest on Node 20 cannot load —
 * on a free port of 127.0.0.1.
 */
export async function startConsoleOidcProvider(
  setup: ConsoleOidcProviderSetup,
): Promise<ConsoleOidcProvider> {
  const child = fork(join(__dirname, 'oidc-provider.mjs'), [JSON.stringify(setup)], {
    execArgv: [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = await nextMessage(child, 'ready', () => stderr);
  return {
    issuer: ready.issuer,
    async allowRedirectUri(uri) {
      const set = nextMessage(child, 'redirect-uri-set', () => stderr);
      child.send({ type: 'redirect-uri', uri });
      await set;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    },
  };
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
