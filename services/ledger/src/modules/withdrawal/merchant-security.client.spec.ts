import { ConfigError } from '@pay/common';
import { loadLedgerConfig } from '../../config';
import { merchantSecurityFor, noMerchantSecurity } from './merchant-security.client';

const PRODUCTION = {
  NODE_ENV: 'production',
  INTERNAL_SIGNING_SECRET: 'a-real-internal-secret-0123456789',
  JWT_SECRET: 'a-real-jwt-secret-0123456789',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadLedgerConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('ORDERS_URL (where withdrawal TOTP codes are checked)', () => {
  it('is optional outside production: no merchant then needs a code', async () => {
    const config = loadLedgerConfig({ NODE_ENV: 'test' });
    expect(config.ordersUrl).toBeNull();
    expect(merchantSecurityFor(config)).toBe(noMerchantSecurity);
    expect(await noMerchantSecurity.verifyTotp(1, '123456')).toEqual({ required: false, valid: false });
  });

  it('is required in production', () => {
    expect(problemsOf(PRODUCTION)).toEqual([
      'invalid configuration: ORDERS_URL: required in production (withdrawal two-factor codes)',
    ]);
    expect(problemsOf({ ...PRODUCTION, ORDERS_URL: 'http://orders:4001' })).toEqual([]);
  });

  it('must be a URL', () => {
    expect(problemsOf({ ORDERS_URL: '127.0.0.1 port 4001' })).toHaveLength(1);
    expect(problemsOf({ ORDERS_URL: '127.0.0.1 port 4001' })[0]).toMatch(
      /^invalid configuration: ORDERS_URL: /,
    );
  });

  it('switches to the HTTP client when set', () => {
    const config = loadLedgerConfig({ ORDERS_URL: 'http://127.0.0.1:4001' });
    expect(config.ordersUrl).toBe('http://127.0.0.1:4001');
    expect(merchantSecurityFor(config)).not.toBe(noMerchantSecurity);
  });
});
