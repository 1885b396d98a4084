// A real OpenID provider (oidc-provider) for the gateway's OIDC tests, run as a child
// process: oidc-provider 9 is ESM-only and jest on Node 20 cannot load it. The parent
// starts this with child_process.fork and one JSON argument (the setup below), and talks
// to it over IPC:
//   → { type: 'ready', issuer, kid }   once listening (on a free port of 127.0.0.1)
//   ← { type: 'rotate' }               sign with a new key from now on (the old one stays published)
//   → { type: 'rotated', kid }
//
// Setup: { resources: string[], clients: [{ id, secret, claims, expired? }] }
// - every resource is an API whose access tokens are JWTs (RFC 9068) with aud = the resource;
// - each client may use the client credentials grant; `claims` go into its access tokens
//   (extraTokenClaims); `expired: true` makes its tokens expire before they are issued
//   (formats.customizers.jwt), so a test needs no clock tricks to see an expired token.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import Provider, { errors } from 'oidc-provider';

const setup = JSON.parse(process.argv[2] ?? '{}');
const resources = new Set(setup.resources ?? []);
const clientsById = new Map((setup.clients ?? []).map((client) => [client.id, client]));

/** A fresh RSA signing key as a private JWK with a key id. */
function signingKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

function providerFor(issuer, keys) {
  const provider = new Provider(issuer, {
    // The first key signs; the others stay in the published JWKS (rotation).
    jwks: { keys },
    cookies: { keys: ['oidc-test-cookie-key'] },
    clients: [...clientsById.values()].map((client) => ({
      client_id: client.id,
      client_secret: client.secret,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    })),
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        async getResourceServerInfo(_ctx, resourceIndicator) {
          if (!resources.has(resourceIndicator)) throw new errors.InvalidTarget();
          return { scope: 'api', audience: resourceIndicator, accessTokenFormat: 'jwt', accessTokenTTL: 300 };
        },
      },
    },
    async extraTokenClaims(_ctx, token) {
      return clientsById.get(token.clientId)?.claims;
    },
    formats: {
      customizers: {
        async jwt(_ctx, token, jwt) {
          if (clientsById.get(token.clientId)?.expired) {
            const now = Math.floor(Date.now() / 1000);
            jwt.payload.iat = now - 3600;
            jwt.payload.exp = now - 600;
          }
        },
      },
    },
  });
  provider.on('server_error', (_ctx, error) => process.stderr.write(`oidc-provider: ${error.stack}\n`));
  return provider;
}

let keys = [signingKey()];
let handle = () => {};
const server = createServer((req, res) => handle(req, res));
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  handle = providerFor(issuer, keys).callback();
  process.on('message', (message) => {
    if (message?.type !== 'rotate') return;
    keys = [signingKey(), ...keys];
    handle = providerFor(issuer, keys).callback();
    process.send({ type: 'rotated', kid: keys[0].kid });
  });
  // The parent going away (IPC closed) ends this process.
  process.on('disconnect', () => process.exit(0));
  process.send({ type: 'ready', issuer, kid: keys[0].kid });
});
