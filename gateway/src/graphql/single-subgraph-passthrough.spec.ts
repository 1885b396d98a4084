import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { GraphQLError } from 'graphql';
import { signJwt, TEST_ACTORS } from '@pay/common';
import { loadGatewayConfig } from '../config';
import { composeSupergraph } from '../schema/compose';
import { createGatewayServer, type GatewayServer } from '../server';
import { QueryVerdicts } from './single-subgraph-passthrough';

const ORDERS_SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { whoami: String  items(named: [String!]): [Item!]! }
  type Mutation { touch: String }
  type Item @key(fields: "id") { id: ID!  name: String! }`;
const LEDGER_SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Item @key(fields: "id") { id: ID!  balance: Int! }`;

type Answer = (body: { query: string; variables?: Record<string, unknown> }) => {
  status: number;
  json: unknown;
};

/** A scripted subgraph that notes the query text of every call. */
async function startSubgraph(answer: Answer) {
  const queries: string[] = [];
  const app = express();
  const state = { answer };
  app.post('/graphql', express.json(), (req, res) => {
    const body = req.body as { query: string; variables?: Record<string, unknown> };
    queries.push(body.query);
    const { status, json } = state.answer(body);
    res.status(status).json(json);
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    queries,
    state,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const itemsAnswer: Answer = ({ query }) =>
  query.includes('_entities')
    ? { status: 200, json: { data: { _entities: [{ balance: 7 }] } } }
    : query.includes('touch')
      ? { status: 200, json: { data: { touch: 'done' } } }
      : { status: 200, json: { data: { items: [{ id: '1', name: 'one', __typename: 'Item' }] } } };

describe('single-subgraph passthrough', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-passthrough-'));
  const supergraphSdl = composeSupergraph([
    { name: 'orders', url: 'http://baked-in.invalid/graphql', sdl: ORDERS_SDL },
    { name: 'ledger', url: 'http://baked-in.invalid/graphql', sdl: LEDGER_SDL },
  ]);
  const supergraphPath = join(dir, 'supergraph.graphql');
  writeFileSync(supergraphPath, supergraphSdl);
  let orders: Awaited<ReturnType<typeof startSubgraph>>;
  let ledger: Awaited<ReturnType<typeof startSubgraph>>;
  let gateway: GatewayServer;
  let call: (query: string, variables?: Record<string, unknown>) => Promise<{ status: number; text: string }>;
  let gatewayUrl: string;
  let token: string;

  beforeAll(async () => {
    orders = await startSubgraph(itemsAnswer);
    ledger = await startSubgraph(itemsAnswer);
    const config = loadGatewayConfig({
      NODE_ENV: 'test',
      SUPERGRAPH_PATH: supergraphPath,
      ORDERS_URL: orders.url,
      LEDGER_URL: ledger.url,
      SUBGRAPH_TIMEOUT_MS: '1000',
    });
    gateway = await createGatewayServer(config);
    const { url } = await gateway.start(0, '127.0.0.1');
    gatewayUrl = url;
    token = signJwt(TEST_ACTORS.operator, {
      secret: config.auth.jwtSecret,
      issuer: config.auth.jwtIssuer,
    });
    call = async (query, variables) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, text: await response.text() };
    };
  });
  beforeEach(() => {
    orders.queries.length = 0;
    ledger.queries.length = 0;
    orders.state.answer = itemsAnswer;
  });
  afterAll(async () => {
    await gateway.stop();
    await orders.close();
    await ledger.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // The planner reprints what it sends, so the client's comment marks a passed-through text.
  const CLIENT_PAGE = '# as the client wrote it\nquery Page { items { id name } }';

  it('answers a body that is not JSON, or not an object, as the body parser did (400 BAD_REQUEST)', async () => {
    for (const body of ['{"query": ', '"just a string"']) {
      const response = await fetch(`${gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
      });
    }
    expect(orders.queries).toHaveLength(0);
  });

  it('leaves a bad token to the authentication that answers every request (401), calling no subgraph', async () => {
    const response = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
      body: JSON.stringify({ query: CLIENT_PAGE }),
    });
    expect(response.status).toBe(401);
    expect(orders.queries).toHaveLength(0);
  });

  it('counts each request once against the rate limit, whether the lane or Apollo answers it', async () => {
    const limited = await createGatewayServer(
      loadGatewayConfig({
        NODE_ENV: 'test',
        SUPERGRAPH_PATH: supergraphPath,
        ORDERS_URL: orders.url,
        LEDGER_URL: ledger.url,
        RATE_LIMIT_PER_ACTOR: '4',
      }),
    );
    const { url } = await limited.start(0, '127.0.0.1');
    try {
      const statuses: number[] = [];
      // Passed through, planned (a mutation goes on to Apollo), passed through, planned; then refused.
      for (const query of [
        CLIENT_PAGE,
        'mutation { touch }',
        CLIENT_PAGE,
        'mutation { touch }',
        CLIENT_PAGE,
      ]) {
        const response = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query }),
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 429]);
    } finally {
      await limited.stop();
    }
  });

  it('sends a query one subgraph answers whole as the client wrote it, and its answer unchanged', async () => {
    const answer = await call(CLIENT_PAGE);
    expect(answer.status).toBe(200);
    expect(orders.queries).toEqual([CLIENT_PAGE]);
    // Byte for byte what the subgraph said (the normal path would have dropped the __typename).
    expect(answer.text).toBe('{"data":{"items":[{"id":"1","name":"one","__typename":"Item"}]}}');
  });

  it('plans a query that needs a second subgraph as before', async () => {
    const answer = await call('# as the client wrote it\n{ items { id name balance } }');
    expect(JSON.parse(answer.text)).toEqual({ data: { items: [{ id: '1', name: 'one', balance: 7 }] } });
    expect(orders.queries).toHaveLength(1);
    expect(orders.queries[0]).not.toContain('as the client wrote it');
    expect(ledger.queries[0]).toContain('_entities');
  });

  it('never passes a mutation through', async () => {
    const answer = await call('# as the client wrote it\nmutation { touch }');
    expect(JSON.parse(answer.text)).toEqual({ data: { touch: 'done' } });
    expect(orders.queries).toHaveLength(1);
    expect(orders.queries[0]).not.toContain('as the client wrote it');
  });

  it('answers a subgraph error the normal way (the query asked again through the plan)', async () => {
    orders.state.answer = () => ({
      status: 200,
      json: { errors: [{ message: 'no items today', extensions: { code: 'NOT_FOUND' } }], data: null },
    });
    const answer = await call(CLIENT_PAGE);
    const body = JSON.parse(answer.text) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]).toMatchObject({ message: 'no items today', extensions: { code: 'NOT_FOUND' } });
    expect(orders.queries).toHaveLength(2);
    expect(orders.queries[0]).toBe(CLIENT_PAGE);
    expect(orders.queries[1]).not.toContain('as the client wrote it');
  });

  it('answers an unavailable subgraph with DEPENDENCY_UNAVAILABLE after one call, not two', async () => {
    orders.state.answer = () => ({ status: 503, json: { message: 'down for maintenance' } });
    const answer = await call(CLIENT_PAGE);
    const body = JSON.parse(answer.text) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('DEPENDENCY_UNAVAILABLE');
    expect(orders.queries).toEqual([CLIENT_PAGE]);
  });

  it('leaves variables the API schema refuses to the normal path and its error', async () => {
    const answer = await call('query ($n: Int!) { items { id } }', { n: 'many' });
    expect(answer.status).toBe(400);
    expect(orders.queries).toEqual([]);
  });

  it('leaves a NUL character (in a variable or a literal) to the input guard of the normal path', async () => {
    const viaVariable = await call('query ($names: [String!]) { items(named: $names) { id } }', {
      names: ['ok', 'bad\u0000name'],
    });
    expect(viaVariable.status).toBe(400);
    expect(JSON.parse(viaVariable.text)).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', argument: 'named[1]' } }],
    });
    const viaLiteral = await call('{ items(named: ["bad\\u0000name"]) { id } }');
    expect(viaLiteral.status).toBe(400);
    expect(orders.queries).toEqual([]);
    // The same query with clean values passes through.
    await call('query ($names: [String!]) { items(named: $names) { id } }', { names: ['ok'] });
    expect(orders.queries).toHaveLength(1);
    expect(orders.queries[0]).toContain('$names');
  });

  describe('verdicts', () => {
    const verdicts = new QueryVerdicts({ supergraphSdl, validationRules: [], maxTokens: 1000 });

    it('names the one subgraph of a plain query', () => {
      expect(verdicts.of('{ items { id name } whoami }')?.subgraph).toBe('orders');
      expect(verdicts.of('query A { whoami } query B { items { id } }', 'B')?.subgraph).toBe('orders');
    });

    it('refuses what the normal path must judge or plan', () => {
      expect(verdicts.of('{ items { balance } }')).toBeNull();
      expect(verdicts.of('mutation { touch }')).toBeNull();
      expect(verdicts.of('{ __schema { types { name } } }')).toBeNull();
      expect(verdicts.of('{ nope }')).toBeNull();
      expect(verdicts.of('{ whoami')).toBeNull();
      expect(verdicts.of('query A { whoami } query B { whoami }')).toBeNull();
      const strict = new QueryVerdicts({ supergraphSdl, validationRules: [], maxTokens: 5 });
      expect(strict.of('{ items { id name } whoami }')).toBeNull();
    });

    it('checks the validation rules it is given', () => {
      const noItems = new QueryVerdicts({
        supergraphSdl,
        validationRules: [
          (context) => ({
            Field(node) {
              if (node.name.value === 'items') context.reportError(new GraphQLError('no items here'));
            },
          }),
        ],
        maxTokens: 1000,
      });
      expect(noItems.of('{ items { id } }')).toBeNull();
      expect(noItems.of('{ whoami }')?.subgraph).toBe('orders');
    });
  });
});
