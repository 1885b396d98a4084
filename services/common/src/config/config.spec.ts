import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import {
  commonEnvShape,
  ConfigError,
  loadConfigOrExit,
  parseEnv,
  port,
  rejectDemoSecretsInProduction,
} from './config';

const schema = z.object({ ...commonEnvShape, ORDERS_PORT: port(4001) });

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError, nothing was thrown');
}

describe('parseEnv', () => {
  it('applies the defaults to an empty environment', () => {
    expect(parseEnv(schema, {})).toEqual({
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      INTERNAL_SIGNING_SECRET: 'demo-internal-signing-secret-not-for-production',
      JWT_SECRET: 'demo-jwt-secret-not-for-production',
      JWT_ISSUER: 'payoffice',
      DATABASE_POOL_MAX: 10,
      METRICS_HOST: '127.0.0.1',
      ORDERS_PORT: 4001,
    });
  });

  it('coerces and keeps given values', () => {
    const env = parseEnv(schema, {
      NODE_ENV: 'production',
      LOG_LEVEL: 'debug',
      DATABASE_URL: 'postgresql://u:p@localhost:5432/db',
      JWT_SECRET: 'x'.repeat(16),
      ORDERS_PORT: '8080',
    });
    expect(env.NODE_ENV).toBe('production');
    expect(env.LOG_LEVEL).toBe('debug');
    expect(env.DATABASE_URL).toBe('postgresql://u:p@localhost:5432/db');
    expect(env.JWT_SECRET).toBe('xxxxxxxxxxxxxxxx');
    expect(env.ORDERS_PORT).toBe(8080);
  });

  it('treats empty strings as unset, so defaults apply', () => {
    const env = parseEnv(schema, { ORDERS_PORT: '', LOG_LEVEL: '', JWT_SECRET: '', DATABASE_URL: '' });
    expect(env.ORDERS_PORT).toBe(4001);
    expect(env.LOG_LEVEL).toBe('info');
    expect(env.JWT_SECRET).toBe('demo-jwt-secret-not-for-production');
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('ignores variables the schema does not name', () => {
    expect(parseEnv(schema, { PATH: '/usr/bin', HOME: '/root' })).not.toHaveProperty('PATH');
  });

  it('reports every problem at once, one line each naming the variable', () => {
    const problems = problemsOf(() =>
      parseEnv(schema, {
        ORDERS_PORT: 'eighty',
        NODE_ENV: 'staging',
        JWT_SECRET: 'short',
        DATABASE_URL: 'mysql://localhost/db',
        LOG_LEVEL: 'verbose',
      }),
    );
    expect(problems).toHaveLength(5);
    for (const line of problems) expect(line).toMatch(/^invalid configuration: [A-Z_]+: \S/);
    const byName = (name: string) =>
      problems.filter((line) => line.startsWith(`invalid configuration: ${name}: `));
    for (const name of ['ORDERS_PORT', 'NODE_ENV', 'JWT_SECRET', 'DATABASE_URL', 'LOG_LEVEL']) {
      expect(byName(name)).toHaveLength(1);
    }
    expect(byName('JWT_SECRET')[0]).toBe('invalid configuration: JWT_SECRET: must be at least 16 characters');
    expect(byName('DATABASE_URL')[0]).toBe('invalid configuration: DATABASE_URL: must be a postgres:// URL');
  });

  it.each(['0', '65536', '-1', '80.5', 'abc'])('rejects the port %p', (value) => {
    const problems = problemsOf(() => parseEnv(schema, { ORDERS_PORT: value }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^invalid configuration: ORDERS_PORT: /);
  });

  it('puts the problems in the error message, one per line', () => {
    try {
      parseEnv(schema, { ORDERS_PORT: '0', JWT_SECRET: 'short' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const configError = error as ConfigError;
      expect(configError.name).toBe('ConfigError');
      expect(configError.message.split('\n')).toEqual(configError.problems);
      expect(configError.problems).toHaveLength(2);
    }
  });
});

describe('secrets from files (NAME_FILE)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'config-secret-'));
  const secretFile = join(dir, 'jwt');
  writeFileSync(secretFile, 'a-jwt-secret-from-a-file-0123\n');

  it('reads NAME from the file NAME_FILE names, without its trailing newline', () => {
    expect(parseEnv(schema, { JWT_SECRET_FILE: secretFile }).JWT_SECRET).toBe(
      'a-jwt-secret-from-a-file-0123',
    );
  });

  it('lets NAME itself win over NAME_FILE', () => {
    const env = parseEnv(schema, {
      JWT_SECRET: 'set-directly-in-the-environment',
      JWT_SECRET_FILE: secretFile,
    });
    expect(env.JWT_SECRET).toBe('set-directly-in-the-environment');
  });

  it("leaves alone *_FILE variables of names the schema does not read (other tools')", () => {
    expect(parseEnv(schema, { TF_CLI_CONFIG_FILE: join(dir, 'missing') }).JWT_SECRET).toMatch(/^demo-/);
  });

  it('names a file it cannot read, beside the other problems', () => {
    expect(
      problemsOf(() => parseEnv(schema, { JWT_SECRET_FILE: join(dir, 'missing'), ORDERS_PORT: 'x' })),
    ).toEqual([
      `invalid configuration: JWT_SECRET_FILE: cannot read ${join(dir, 'missing')} (ENOENT)`,
      expect.stringMatching(/^invalid configuration: ORDERS_PORT: /),
    ]);
  });

  it('sizes the database pool from DATABASE_POOL_MAX (10 by default, at least 1)', () => {
    expect(parseEnv(schema, {}).DATABASE_POOL_MAX).toBe(10);
    expect(parseEnv(schema, { DATABASE_POOL_MAX: '40' }).DATABASE_POOL_MAX).toBe(40);
    expect(problemsOf(() => parseEnv(schema, { DATABASE_POOL_MAX: '0' }))[0]).toMatch(
      /^invalid configuration: DATABASE_POOL_MAX: /,
    );
  });
});

describe('rejectDemoSecretsInProduction', () => {
  const secrets = {
    INTERNAL_SIGNING_SECRET: 'demo-internal-signing-secret-not-for-production',
    JWT_SECRET: 'a-real-secret-from-the-vault-0123',
  };

  it('names each demo secret in production', () => {
    expect(rejectDemoSecretsInProduction({ NODE_ENV: 'production' }, secrets)).toEqual([
      'invalid configuration: INTERNAL_SIGNING_SECRET: the demo default must not be used in production',
    ]);
    expect(
      rejectDemoSecretsInProduction(
        { NODE_ENV: 'production' },
        { A: 'demo-aaaaaaaaaaaaaaaa', B: 'demo-bbbbbbbbbbbbbbbb' },
      ),
    ).toHaveLength(2);
  });

  it('accepts real secrets in production', () => {
    expect(
      rejectDemoSecretsInProduction({ NODE_ENV: 'production' }, { JWT_SECRET: secrets.JWT_SECRET }),
    ).toEqual([]);
  });

  it.each(['development', 'test'])('allows the demo secrets in %s', (nodeEnv) => {
    expect(rejectDemoSecretsInProduction({ NODE_ENV: nodeEnv }, secrets)).toEqual([]);
  });
});

describe('loadConfigOrExit', () => {
  afterEach(() => jest.restoreAllMocks());

  it('returns the loaded value', () => {
    expect(loadConfigOrExit(() => 42)).toBe(42);
  });

  it('prints each problem on its own line and exits 1 on a ConfigError', () => {
    const written: string[] = [];
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const exit = jest.spyOn(process, 'exit').mockImplementation((code?: string | number | null) => {
      throw new Error(`exit ${code}`);
    });
    expect(() =>
      loadConfigOrExit(() => {
        throw new ConfigError(['invalid configuration: A: bad', 'invalid configuration: B: bad']);
      }),
    ).toThrow('exit 1');
    expect(exit).toHaveBeenCalledWith(1);
    expect(written).toEqual(['invalid configuration: A: bad\n', 'invalid configuration: B: bad\n']);
  });

  it('rethrows other errors', () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation(() => {
      throw new Error('must not exit');
    });
    expect(() =>
      loadConfigOrExit(() => {
        throw new TypeError('boom');
      }),
    ).toThrow(TypeError);
    expect(exit).not.toHaveBeenCalled();
  });
});
