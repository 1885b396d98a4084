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
