import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alipaySign, alipayVerify, ConfigError } from '@pay/common';
import { loadOrdersConfig } from '../../config';
import { createSandboxKeys } from './sandbox-keys';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'upstream', 'fixtures', name), 'utf8');
const privateKeyPem = fixture('test-alipay-private.pem');
const publicKeyPem = fixture('test-alipay-public.pem');
/** As a .env line holds it: one line, newlines written as `\n`. */
const oneLine = (pem: string) => pem.trim().replace(/\n/g, '\\n');

describe('createSandboxKeys', () => {
  it('makes a fresh Alipay key pair per start when no key is configured', () => {
    const config = loadOrdersConfig({});
    expect(config.sandbox.alipayPrivateKeyPem).toBeNull();
    expect(config.sandbox.alipayAppPublicKeyPem).toBeNull();
    const first = createSandboxKeys(config.sandbox);
    const second = createSandboxKeys(config.sandbox);
    expect(first.alipayPublicKeyPem).not.toBe(second.alipayPublicKeyPem);
    expect(first.alipayAppPublicKeyPem).toBeNull();
  });

  it('uses SANDBOX_ALIPAY_PRIVATE_KEY (with \\n escapes) and derives its public key', () => {
    const config = loadOrdersConfig({
      SANDBOX_ALIPAY_PRIVATE_KEY: oneLine(privateKeyPem),
      SANDBOX_ALIPAY_APP_PUBLIC_KEY: oneLine(publicKeyPem),
    });
    const keys = createSandboxKeys(config.sandbox);
    expect(keys.alipayPublicKeyPem.trim()).toBe(publicKeyPem.trim());
    expect(keys.alipayAppPublicKeyPem?.trim()).toBe(publicKeyPem.trim());
    const params = { out_trade_no: 'R1', total_amount: '1.00' };
    expect(
      alipayVerify(params, alipaySign(params, keys.alipayPrivateKeyPem, { forNotify: true }), publicKeyPem),
    ).toBe(true);
  });

  it('refuses a key that is not a PEM key of its kind, naming the variable', () => {
    const problems = (env: Record<string, string>): string[] => {
      try {
        loadOrdersConfig(env);
      } catch (error) {
        if (error instanceof ConfigError) return error.problems;
        throw error;
      }
      return [];
    };
    expect(
      problems({
        SANDBOX_ALIPAY_PRIVATE_KEY: 'not a key',
        SANDBOX_ALIPAY_APP_PUBLIC_KEY: privateKeyPem,
      }),
    ).toEqual([
      'invalid configuration: SANDBOX_ALIPAY_PRIVATE_KEY: must be an RSA private key in PEM',
      'invalid configuration: SANDBOX_ALIPAY_APP_PUBLIC_KEY: must be an RSA public key in PEM',
    ]);
  });
});
