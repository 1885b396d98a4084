import { ConfigError } from '@pay/common';
import { loadGatewayConfig } from './config';

describe('loadGatewayConfig', () => {
  it('has working defaults for the local demo', () => {
    const config = loadGatewayConfig({});
    expect(config.http.port).toBe(4000);
    expect(config.subgraphs.orders).toBe('http://127.0.0.1:4001/graphql');
    expect(config.supergraphPath).toMatch(/schema[/\\]supergraph\.graphql$/);
  });

  it('names every wrong variable, one line each', () => {
    try {
      loadGatewayConfig({ GATEWAY_PORT: '70000', ORDERS_URL: 'not a url', MAX_DEPTH: '1' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(3);
      expect(problems.join('\n')).toMatch(/GATEWAY_PORT/);
      expect(problems.join('\n')).toMatch(/ORDERS_URL/);
      expect(problems.join('\n')).toMatch(/MAX_DEPTH/);
    }
  });

  it('refuses the demo secrets in production', () => {
    expect(() => loadGatewayConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
  });
});
