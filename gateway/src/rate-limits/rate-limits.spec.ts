import { parse, type OperationDefinitionNode } from 'graphql';
import type { RateLimitConfig } from '../config';
import { twoFactorFailureLimits } from './graphql-rate-limits';
import { RateLimits } from './rate-limits';

const CONFIG: RateLimitConfig = {
  databaseUrl: null,
  windowSeconds: 60,
  perMerchant: 2,
  perIp: 0,
  perActor: 2,
  failures: 2,
  failureWindowSeconds: 60,
  blockSeconds: 300,
};

describe('RateLimits (in memory, no DATABASE_URL)', () => {
  it('lets a key through up to its limit, then answers the seconds to wait', async () => {
    const limits = await RateLimits.create(CONFIG);
    expect(await limits.hit('merchant', 'm1')).toBeNull();
    expect(await limits.hit('merchant', 'm1')).toBeNull();
    const retryAfter = await limits.hit('merchant', 'm1');
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limits.hit('merchant', 'm2')).toBeNull();
    // 0 is off.
    for (let i = 0; i < 5; i += 1) expect(await limits.hit('ip', 'a')).toBeNull();
  });

  it('blocks a key for blockSeconds once it failed `failures` times', async () => {
    const limits = await RateLimits.create(CONFIG);
    await limits.fail('k');
    expect(await limits.blocked('k')).toBeNull();
    await limits.fail('k');
    expect(await limits.blocked('k')).toBeGreaterThan(250);
    expect(await limits.blocked('other')).toBeNull();
  });
});

describe('twoFactorFailureLimits', () => {
  const actor = { sub: 'merchant:1', role: 'MERCHANT' as const, merchantId: 1 };
  const operation = (source: string) => parse(source).definitions[0] as OperationDefinitionNode;

  async function run(limits: RateLimits, source: string, errorCode?: string) {
    const hooks = await twoFactorFailureLimits(limits).requestDidStart!({} as never);
    const contextValue = { actor, requestId: '' };
    const http = { status: undefined as number | undefined, headers: new Map<string, string>() };
    let thrown: unknown = null;
    try {
      await hooks!.didResolveOperation!({ contextValue, operation: operation(source) } as never);
    } catch (error) {
      thrown = error;
    }
    const code = (thrown as { extensions?: { code?: string } } | null)?.extensions?.code ?? errorCode;
    const errors = code ? [{ message: 'x', extensions: { code, details: { retryAfter: 7 } } }] : undefined;
    await hooks!.willSendResponse!({
      contextValue,
      response: { body: { kind: 'single', singleResult: { errors } }, http },
    } as never);
    return { code, status: http.status, retryAfter: http.headers.get('retry-after') };
  }

  it('refuses requestWithdrawal after too many TOTP_INVALID answers, not other operations', async () => {
    const limits = await RateLimits.create(CONFIG);
    const withdraw = 'mutation { requestWithdrawal(input: { amount: "1.00" }) { id } }';
    expect((await run(limits, withdraw, 'TOTP_INVALID')).code).toBe('TOTP_INVALID');
    expect((await run(limits, withdraw, 'TOTP_INVALID')).code).toBe('TOTP_INVALID');
    expect(await run(limits, withdraw)).toEqual({ code: 'RATE_LIMITED', status: 429, retryAfter: '7' });
    expect((await run(limits, '{ me { sub } }')).code).toBeUndefined();
  });
});
