import type { AddressInfo } from 'node:net';
import express from 'express';
import { loadGatewayConfig } from '../config';
import { consoleAuthConfig } from './console-auth-config';

async function authConfigServedWith(env: Record<string, string>) {
  const app = express().use(consoleAuthConfig(loadGatewayConfig(env).auth.oidc));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/console/auth-config`);
    expect(response.status).toBe(200);
    return await response.json();
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('GET /console/auth-config', () => {
  const oidcEnv = { OIDC_ISSUER: 'https://id.example.com', OIDC_AUDIENCE: 'https://api.example' };

  it('tells the console where to sign in, without secrets', async () => {
    expect(await authConfigServedWith({ ...oidcEnv, OIDC_CLIENT_ID: 'payoffice-console' })).toEqual({
      oidc: {
        issuer: 'https://id.example.com',
        clientId: 'payoffice-console',
        audience: 'https://api.example',
        scopes: ['openid', 'profile'],
        roleClaim: 'roles',
        merchantClaim: 'merchant_id',
      },
    });
  });

  it('names the claims the gateway reads the role and merchant id from', async () => {
    const env = {
      ...oidcEnv,
      OIDC_CLIENT_ID: 'payoffice-console',
      OIDC_ROLE_CLAIM: 'https://payoffice.example/roles',
      OIDC_MERCHANT_CLAIM: 'shop',
    };
    expect(await authConfigServedWith(env)).toMatchObject({
      oidc: { roleClaim: 'https://payoffice.example/roles', merchantClaim: 'shop' },
    });
  });

  it('says null when OIDC is off, or no console client is configured', async () => {
    expect(await authConfigServedWith({})).toEqual({ oidc: null });
    expect(await authConfigServedWith(oidcEnv)).toEqual({ oidc: null });
  });
});
