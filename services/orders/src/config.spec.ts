import { ConfigError } from '@pay/common';
import { DEFAULT_NOTIFY_SCHEDULE_SECONDS, loadOrdersConfig, testOrdersConfig } from './config';

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadOrdersConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError, nothing was thrown');
}

describe('loadOrdersConfig', () => {
  it('has working defaults', () => {
    const config = loadOrdersConfig({});
    expect(config.env).toBe('development');
    expect(config.http).toEqual({ port: 4001, host: '127.0.0.1', publicUrl: 'http://127.0.0.1:4001' });
    expect(config.notify).toEqual({
      scheduleSeconds: DEFAULT_NOTIFY_SCHEDULE_SECONDS,
      timeoutMs: 10000,
      logRetentionMonths: 24,
    });
    // The audit trail is kept forever unless a retention is set.
    expect(config.auditRetentionMonths).toBeNull();
    expect(loadOrdersConfig({ ORDER_AUDIT_RETENTION_MONTHS: '84' }).auditRetentionMonths).toBe(84);
    expect(config.outbox.intervalMs).toBe(500);
    expect(config.seedDemoData).toBe(false);
    expect(config.db.url).toBeUndefined();
  });

  it('reads the variables it names', () => {
    const config = loadOrdersConfig({
      ORDERS_PORT: '5001',
      ORDERS_PUBLIC_URL: 'https://pay.example.com',
      NOTIFY_RETRY_SCHEDULE: '5,10,60',
      NOTIFY_LOG_RETENTION_MONTHS: '0',
      SEED_DEMO_DATA: 'true',
      DATABASE_URL: 'postgres://localhost/orders',
      INTERNAL_SIGNING_SECRET: 'another-secret-of-enough-length',
    });
    expect(config.http.port).toBe(5001);
    expect(config.http.publicUrl).toBe('https://pay.example.com');
    expect(config.notify.scheduleSeconds).toEqual([5, 10, 60]);
    // 0: notify logs are kept forever (no partition is dropped).
    expect(config.notify.logRetentionMonths).toBeNull();
    expect(config.seedDemoData).toBe(true);
    expect(config.db.url).toBe('postgres://localhost/orders');
    expect(config.auth.internalSecret).toBe('another-secret-of-enough-length');
  });

  it('keeps merchant credentials 300 s at most by default, 0 keeping none, and refuses a negative time', () => {
    expect(loadOrdersConfig({}).auth.merchantCredentialsTtlMs).toBe(300_000);
    expect(loadOrdersConfig({ MERCHANT_CREDENTIALS_TTL_SECONDS: '0' }).auth.merchantCredentialsTtlMs).toBe(0);
    expect(problemsOf({ MERCHANT_CREDENTIALS_TTL_SECONDS: '-1' })).toEqual([
      expect.stringContaining('MERCHANT_CREDENTIALS_TTL_SECONDS'),
    ]);
  });

  it('derives the public URL from the port', () => {
    expect(loadOrdersConfig({ ORDERS_PORT: '4999' }).http.publicUrl).toBe('http://127.0.0.1:4999');
  });

  it('treats an empty NOTIFY_RETRY_SCHEDULE as unset', () => {
    expect(loadOrdersConfig({ NOTIFY_RETRY_SCHEDULE: '' }).notify.scheduleSeconds).toEqual(
      DEFAULT_NOTIFY_SCHEDULE_SECONDS,
    );
  });

  it.each(['0', '70000', 'http', '12.5'])('rejects ORDERS_PORT=%p', (value) => {
    const problems = problemsOf({ ORDERS_PORT: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^invalid configuration: ORDERS_PORT: /);
  });

  it.each(['15;30', '15,,30', '15,', 'a,b', '-5,10', '15 30'])(
    'rejects NOTIFY_RETRY_SCHEDULE=%p',
    (value) => {
      expect(problemsOf({ NOTIFY_RETRY_SCHEDULE: value })).toEqual([
        'invalid configuration: NOTIFY_RETRY_SCHEDULE: must be comma-separated seconds, e.g. 15,15,30',
      ]);
    },
  );

  it('reports several bad variables together', () => {
    const problems = problemsOf({
      ORDERS_PORT: '0',
      NOTIFY_RETRY_SCHEDULE: 'x',
      SANDBOX_WECHAT_API_KEY: 'short',
      SEED_DEMO_DATA: 'yes',
    });
    expect(problems.map((line) => line.split(':')[1]!.trim()).sort()).toEqual([
      'NOTIFY_RETRY_SCHEDULE',
      'ORDERS_PORT',
      'SANDBOX_WECHAT_API_KEY',
      'SEED_DEMO_DATA',
    ]);
  });

  it('refuses to run production with the demo internal signing secret or master key', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'invalid configuration: INTERNAL_SIGNING_SECRET: the demo default must not be used in production',
      'invalid configuration: MERCHANT_API_MASTER_KEY: the demo default must not be used in production',
    ]);
    expect(
      problemsOf({
        NODE_ENV: 'production',
        INTERNAL_SIGNING_SECRET: 'demo-but-long-enough-to-pass',
        MERCHANT_API_MASTER_KEY: 'a-real-master-key-from-the-vault',
      }),
    ).toHaveLength(1);
  });

  it('runs production with a real secret', () => {
    const config = loadOrdersConfig({
      NODE_ENV: 'production',
      INTERNAL_SIGNING_SECRET: 'a-real-secret-from-the-vault',
      MERCHANT_API_MASTER_KEY: 'a-real-master-key-from-the-vault',
    });
    expect(config.env).toBe('production');
    expect(config.auth.masterKey).toBe('a-real-master-key-from-the-vault');
  });
});

describe('testOrdersConfig', () => {
  it('applies overrides over the test defaults', () => {
    const config = testOrdersConfig({ seedDemoData: true });
    expect(config.env).toBe('test');
    expect(config.logLevel).toBe('warn');
    expect(config.seedDemoData).toBe(true);
  });
});
