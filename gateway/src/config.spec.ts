import express from 'express';
import { ConfigError } from '@pay/common';
import { loadGatewayConfig } from './config';

describe('loadGatewayConfig', () => {
  it('has working defaults for the local demo', () => {
    const config = loadGatewayConfig({});
    expect(config.http.port).toBe(4000);
    expect(config.subgraphs.orders).toBe('http://127.0.0.1:4001/graphql');
    expect(config.supergraphPath).toMatch(/schema[/\\]supergraph\.graphql$/);
    expect(config.subgraphs.settlement).toBe('http://127.0.0.1:4004/graphql');
    expect(config.http.trustProxy).toEqual(['loopback']);
    expect(config.files).toEqual({
      reconciliationUrl: 'http://127.0.0.1:4003',
      settlementUrl: 'http://127.0.0.1:4004',
      maxStatementBytes: 200 * 1024 * 1024,
      maxVoucherBytes: 5 * 1024 * 1024,
    });
  });

  it('takes the settlement service and the voucher limit from the environment', () => {
    const config = loadGatewayConfig({
      SETTLEMENT_URL: 'http://settlement:8080/graphql',
      VOUCHER_UPLOAD_MAX_BYTES: '1048576',
    });
    expect(config.subgraphs.settlement).toBe('http://settlement:8080/graphql');
    expect(config.files.settlementUrl).toBe('http://settlement:8080');
    expect(config.files.maxVoucherBytes).toBe(1048576);
  });

  it.each([
    ['false', false],
    ['2', 2],
    [
      'loopback, 10.0.0.0/8, 192.168.1.1/255.255.255.0, fd00::/8, ::1',
      ['loopback', '10.0.0.0/8', '192.168.1.1/255.255.255.0', 'fd00::/8', '::1'],
    ],
    ['', ['loopback']],
  ])('reads TRUST_PROXY %p into a setting express takes', (value, expected) => {
    const trustProxy = loadGatewayConfig({ TRUST_PROXY: value }).http.trustProxy;
    expect(trustProxy).toEqual(expected);
    // express compiles the setting at once and throws on what it cannot use.
    expect(() => express().set('trust proxy', trustProxy)).not.toThrow();
  });

  it.each([
    ['true', /would trust any client/],
    ['loopback,proxy.internal', /"proxy\.internal"/],
    ['10.0.0.0/33', /"10\.0\.0\.0\/33"/],
    ['10.0.0.1/8/1', /not a proxy/],
  ])('refuses TRUST_PROXY %p', (value, message) => {
    expect(() => loadGatewayConfig({ TRUST_PROXY: value })).toThrow(message);
    expect(() => loadGatewayConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
  });

  it('names every wrong variable, one line each', () => {
    try {
      loadGatewayConfig({
        GATEWAY_PORT: '70000',
        ORDERS_URL: 'not a url',
        MAX_DEPTH: '1',
        SETTLEMENT_URL: 'settlement',
        VOUCHER_UPLOAD_MAX_BYTES: '0',
      });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(5);
      expect(problems.join('\n')).toMatch(/SETTLEMENT_URL/);
      expect(problems.join('\n')).toMatch(/VOUCHER_UPLOAD_MAX_BYTES/);
      expect(problems.join('\n')).toMatch(/GATEWAY_PORT/);
      expect(problems.join('\n')).toMatch(/ORDERS_URL/);
      expect(problems.join('\n')).toMatch(/MAX_DEPTH/);
    }
  });

  it('refuses the demo secrets in production', () => {
    expect(() => loadGatewayConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
  });
});

describe('loadGatewayConfig: OpenID Connect', () => {
  const oidcEnv = {
    OIDC_ISSUER: 'https://id.example.com/realms/pay',
    OIDC_AUDIENCE: 'https://api.payoffice.example',
  };

  it('is off without OIDC_ISSUER', () => {
    expect(loadGatewayConfig({}).auth.oidc).toBeNull();
  });

  it('reads the issuer and audience, with the claim names and JWKS settings defaulted', () => {
    expect(loadGatewayConfig(oidcEnv).auth.oidc).toEqual({
      issuer: 'https://id.example.com/realms/pay',
      audience: 'https://api.payoffice.example',
      jwksUrl: undefined,
      clientId: undefined,
      roleClaim: 'roles',
      merchantClaim: 'merchant_id',
      clockToleranceSeconds: 30,
      jwks: { timeoutMs: 5000, cooldownMs: 30_000 },
    });
  });

  it('takes the JWKS URL, the console client id and the claim names when given', () => {
    const oidc = loadGatewayConfig({
      ...oidcEnv,
      OIDC_JWKS_URL: 'https://id.example.com/keys',
      OIDC_CLIENT_ID: 'payoffice-console',
      OIDC_ROLE_CLAIM: 'https://payoffice.example/roles',
      OIDC_MERCHANT_CLAIM: 'mch',
    }).auth.oidc;
    expect(oidc).toMatchObject({
      jwksUrl: 'https://id.example.com/keys',
      clientId: 'payoffice-console',
      roleClaim: 'https://payoffice.example/roles',
      merchantClaim: 'mch',
    });
  });

  it('keeps the issuer exactly as given (iss is compared as a string)', () => {
    const issuer = 'https://tenant.example.auth0.com/';
    expect(loadGatewayConfig({ ...oidcEnv, OIDC_ISSUER: issuer }).auth.oidc?.issuer).toBe(issuer);
  });

  it.each([
    [{ OIDC_ISSUER: 'https://id.example.com' }, /OIDC_AUDIENCE: is required when OIDC_ISSUER is set/],
    [{ OIDC_ISSUER: 'id.example.com', OIDC_AUDIENCE: 'api' }, /OIDC_ISSUER/],
    [{ OIDC_ISSUER: 'ftp://id.example.com', OIDC_AUDIENCE: 'api' }, /OIDC_ISSUER: must be an http\(s\) URL/],
    [{ ...oidcEnv, OIDC_JWKS_URL: 'keys.json' }, /OIDC_JWKS_URL/],
    [{ OIDC_AUDIENCE: 'api' }, /OIDC_AUDIENCE: is set but OIDC_ISSUER is not/],
    [{ OIDC_ROLE_CLAIM: 'groups' }, /OIDC_ROLE_CLAIM: is set but OIDC_ISSUER is not/],
    [{ ...oidcEnv, JWT_ISSUER: oidcEnv.OIDC_ISSUER }, /OIDC_ISSUER: must differ from JWT_ISSUER/],
  ])('refuses %p', (env, message) => {
    expect(() => loadGatewayConfig(env)).toThrow(message);
  });

  it('wants https for the issuer and the key set in production', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'a-real-jwt-secret-of-some-length',
      INTERNAL_SIGNING_SECRET: 'a-real-internal-secret-of-some-length',
    };
    expect(() =>
      loadGatewayConfig({
        ...production,
        OIDC_ISSUER: 'http://id.example.com',
        OIDC_AUDIENCE: 'api',
        OIDC_JWKS_URL: 'http://id.example.com/keys',
      }),
    ).toThrow(
      expect.objectContaining({
        problems: [
          'invalid configuration: OIDC_ISSUER: must be an https URL in production',
          'invalid configuration: OIDC_JWKS_URL: must be an https URL in production',
        ],
      }),
    );
    expect(loadGatewayConfig({ ...production, ...oidcEnv }).auth.oidc?.issuer).toBe(oidcEnv.OIDC_ISSUER);
  });
});
