import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../errors/app-error';
import { ACTOR_HEADER } from '../auth/actor-header';
import { createInternalClient, type InternalTransport } from './internal-client';
import { verifyTotpContract } from './merchant-security.contract';
import { walletRechargeContract } from './settlement-money.contract';

describe('the internal client', () => {
  let server: Server;
  let baseUrl: string;
  const received: { path: string; actor: string | undefined; body: unknown }[] = [];
  let answer: { status: number; body: unknown } = { status: 200, body: { postingId: '7', created: true } };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({
          path: req.url ?? '',
          actor: req.headers[ACTOR_HEADER] as string | undefined,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
        });
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    received.length = 0;
    answer = { status: 200, body: { postingId: '7', created: true } };
  });

  const client = (transport?: InternalTransport) =>
    createInternalClient({
      service: 'the ledger',
      baseUrl,
      caller: { sub: 'service:test', role: 'SYSTEM' },
      internalSecret: 'test-internal-secret-0123456789',
      timeoutMs: 2000,
      transport,
    });
  const recharge = { rechargeId: 'R-1', merchantId: 1, amount: 100, method: 'API' as const, actor: 'ops' };

  it('posts the checked body, signed, and answers the contract’s answer', async () => {
    expect(await client()(walletRechargeContract, recharge)).toEqual({ postingId: '7', created: true });
    expect(received).toEqual([
      { path: '/internal/prepaid-wallet/recharges', actor: expect.any(String), body: recharge },
    ]);
  });

  it('sends through a given transport, with the same signed headers, body and checks', async () => {
    const sent: { url: string; headers: Record<string, string>; body: string }[] = [];
    const call = createInternalClient({
      service: 'the ledger',
      baseUrl,
      caller: { sub: 'service:test', role: 'SYSTEM' },
      internalSecret: 'test-internal-secret-0123456789',
      timeoutMs: 2000,
      transport: (url, init) => {
        sent.push({ url, headers: init.headers, body: init.body });
        return Promise.resolve({
          status: 200,
          json: () => Promise.resolve({ postingId: '8', created: false }),
        });
      },
    });
    expect(await call(walletRechargeContract, recharge)).toEqual({ postingId: '8', created: false });
    expect(received).toEqual([]);
    expect(sent).toEqual([
      {
        url: `${baseUrl.replace(/\/$/, '')}/internal/prepaid-wallet/recharges`,
        headers: expect.objectContaining({ [ACTOR_HEADER]: expect.any(String) }) as unknown,
        body: JSON.stringify(recharge),
      },
    ]);
  });

  it('answers DEPENDENCY_UNAVAILABLE when a given transport fails', async () => {
    const call = client(() => Promise.reject(new DOMException('late', 'TimeoutError')));
    await expect(call(walletRechargeContract, recharge)).rejects.toMatchObject({
      code: 'DEPENDENCY_UNAVAILABLE',
      message: expect.stringContaining('did not answer within 2000 ms') as unknown,
    });
  });

  it('fills the path’s parameters', async () => {
    answer = { status: 200, body: { required: true, valid: false } };
    expect(await client()(verifyTotpContract, { code: '123456' }, { id: 42 })).toEqual({
      required: true,
      valid: false,
    });
    expect(received.map((r) => r.path)).toEqual(['/internal/merchants/42/verify-totp']);
    answer = { status: 404, body: { code: 'NOT_FOUND', message: 'merchant 43 not found' } };
    await expect(client()(verifyTotpContract, {}, { id: 43 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a body the contract refuses before sending anything', async () => {
    const refused = await client()(walletRechargeContract, { ...recharge, amount: 0 }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/amount/) });
    expect(received).toEqual([]);
  });

  it('keeps a refusal’s known code; a malformed answer or a 5xx is DEPENDENCY_UNAVAILABLE', async () => {
    answer = { status: 409, body: { code: 'INSUFFICIENT_BALANCE', message: 'short' } };
    await expect(client()(walletRechargeContract, recharge)).rejects.toMatchObject({
      code: 'INSUFFICIENT_BALANCE',
    });
    answer = { status: 200, body: { postingId: 7 } };
    await expect(client()(walletRechargeContract, recharge)).rejects.toMatchObject({
      code: 'DEPENDENCY_UNAVAILABLE',
    });
    answer = { status: 500, body: { code: 'INSUFFICIENT_BALANCE' } };
    await expect(client()(walletRechargeContract, recharge)).rejects.toMatchObject({
      code: 'DEPENDENCY_UNAVAILABLE',
    });
  });
});
