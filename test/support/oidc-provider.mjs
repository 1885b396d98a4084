// A real OpenID provider (oidc-provider) for the console's sign-in in a browser, run as a
// child process: oidc-provider 9 is ESM-only and jest on Node 20 cannot load it. The parent
// (oidc-provider.ts) starts it with child_process.fork and one JSON argument, the setup:
//   { clientId, resource, accounts: { <login>: { name, ...claims } } }
// and talks to it over IPC:
//   → { type: 'ready', issuer }            listening on a free port of 127.0.0.1
//   ← { type: 'redirect-uri', uri }         the console's callback (known once the gateway listens)
//   → { type: 'redirect-uri-set' }
//
// - `clientId` is a public client (no secret, `token_endpoint_auth_method: none`) of the
//   authorization code flow, PKCE (S256) required;
// - the provider's own login and consent pages (devInteractions): any login name signs in
//   as that account; the accounts' claims go into their JWT access tokens for `resource`
//   (RFC 8707 resource indicator, RFC 9068 JWT access tokens, aud = the resource) and into
//   their ID tokens (aud = the client).
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import Provider, { errors } from 'oidc-provider';

const setup = JSON.parse(process.argv[2] ?? '{}');
const accounts = setup.accounts ?? {};
const redirectUris = [];

function signingKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

/** The claims of an account: what the test set up for its login name (sub = the login). */
const claimsOf = (accountId) => ({ sub: accountId, ...(accounts[accountId] ?? {}) });
const extraClaimNames = [...new Set(Object.values(accounts).flatMap((claims) => Object.keys(claims)))];

function providerFor(issuer, keys) {
  const provider = new Provider(issuer, {
    jwks: { keys },
    cookies: { keys: ['oidc-console-test-cookie-key'] },
    clients: [
      {
        client_id: setup.clientId,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [...redirectUris],
      },
    ],
    pkce: { required: () => true },
    // The test's accounts: any login name the dev login page is given.
    async findAccount(_ctx, sub) {
      return { accountId: sub, claims: async () => claimsOf(sub) };
    },
    // The profile scope releases the name and the test claims; with conformIdTokenClaims off
    // the ID token carries them too (so refusing it shows the gateway checks `aud`, not roles).
    claims: { openid: ['sub'], profile: ['name', ...extraClaimNames.filter((c) => c !== 'name')] },
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => undefined,
        useGrantedResource: () => true,
        async getResourceServerInfo(_ctx, resourceIndicator) {
          if (resourceIndicator !== setup.resource) throw new errors.InvalidTarget();
          return {
            scope: 'api',
            audience: resourceIndicator,
            accessTokenFormat: 'jwt',
            accessTokenTTL: 600,
          };
        },
      },
    },
    // The account's claims in its access tokens for the API (RFC 9068 lets them ride along).
    async extraTokenClaims(_ctx, token) {
      if (!token.accountId) return undefined;
      const { sub: _sub, ...claims } = claimsOf(token.accountId);
      return claims;
    },
    clientBasedCORS: (_ctx, origin) => redirectUris.some((uri) => new URL(uri).origin === origin),
  });
  provider.on('server_error', (_ctx, error) => process.stderr.write(`oidc-provider: ${error.stack}\n`));
  return provider;
}

const keys = [signingKey()];
let handle = (_req, res) => res.writeHead(503).end();
const server = createServer((req, res) => handle(req, res));
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  handle = providerFor(issuer, keys).callback();
  process.on('message', (message) => {
    if (message?.type !== 'redirect-uri') return;
    redirectUris.push(message.uri);
    handle = providerFor(issuer, keys).callback();
    process.send({ type: 'redirect-uri-set' });
  });
  // The parent going away (IPC closed) ends this process.
  process.on('disconnect', () => process.exit(0));
  process.send({ type: 'ready', issuer });
});
