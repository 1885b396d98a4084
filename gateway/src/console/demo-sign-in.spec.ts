import express from 'express';
import type { AddressInfo } from 'node:net';
import { verifyJwt } from '@pay/common';
import { demoSignInEnabled, demoSignInRoutes } from './demo-sign-in';

const DEMO = { secret: 'demo-jwt-secret-not-for-production', issuer: 'payoffice' };
const REAL = { secret: 'a-real-secret-from-the-vault-0123', issuer: 'payoffice' };

async function serve(env: string, jwt: typeof DEMO) {
  const app = express().use(demoSignInRoutes({ env, jwt }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signIn = (identity: unknown) =>
    fetch(`${base}/console/demo-sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identity }),
    });
  return { base, signIn, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('demo sign-in', () => {
  it('is on only outside production and only with the demo secret', () => {
    expect(demoSignInEnabled('development', DEMO)).toBe(true);
    expect(demoSignInEnabled('test', DEMO)).toBe(true);
    expect(demoSignInEnabled('production', DEMO)).toBe(false);
    expect(demoSignInEnabled('development', REAL)).toBe(false);
  });

  it('issues a token for a demo identity the gateway accepts, and refuses unknown ones', async () => {
    const demo = await serve('development', DEMO);
    try {
      const identities = (await (await fetch(`${demo.base}/console/demo-identities`)).json()) as {
        identities: { id: string; role: string }[];
      };
      expect(identities.identities.map((i) => i.id)).toEqual(
        expect.arrayContaining(['operator', 'checker', 'analyst', 'merchant']),
      );
      const answer = await demo.signIn('checker');
      expect(answer.status).toBe(200);
      const { token } = (await answer.json()) as { token: string };
      expect(verifyJwt(token, DEMO)).toMatchObject({ sub: 'demo-checker', role: 'OPERATOR' });
      expect((await demo.signIn('root')).status).toBe(400);
      expect((await demo.signIn({ id: 'operator' })).status).toBe(400);
    } finally {
      await demo.close();
    }
  });

  it('answers 404 in production and with real secrets: nobody mints a token by asking', async () => {
    for (const [env, jwt] of [
      ['production', DEMO],
      ['development', REAL],
    ] as const) {
      const server = await serve(env, jwt);
      try {
        expect((await fetch(`${server.base}/console/demo-identities`)).status).toBe(404);
        expect((await server.signIn('operator')).status).toBe(404);
      } finally {
        await server.close();
      }
    }
  });
});
