import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ACTOR_HEADER, TEST_ACTORS, verifyActorHeader, type Actor } from '@pay/common';
import { statementUploads } from './statement-uploads';

const SECRET = 'test-internal-secret';

/** A stand-in for the reconciliation service's upload endpoint: hashes what it receives. */
async function startReceiver() {
  const received: { actor: Actor | null; fileName: string; size: number }[] = [];
  const app = express();
  app.post('/internal/statement-uploads', async (req, res) => {
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of req) {
        hash.update(chunk as Buffer);
        size += (chunk as Buffer).length;
      }
    } catch {
      return; // the gateway gave up on this upload
    }
    received.push({
      actor: verifyActorHeader(req.header(ACTOR_HEADER), SECRET),
      fileName: decodeURIComponent(req.header('x-statement-file-name') ?? ''),
      size,
    });
    res.json({ uploadId: hash.digest('hex') });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The gateway's chain in small: an actor, the upload middleware, then whatever body Apollo would see. */
async function startGateway(reconciliationUrl: string, actor: Actor, maxFileBytes = 1000) {
  const app = express();
  app.use(
    '/graphql',
    (_req, res, next) => {
      res.locals.actor = actor;
      next();
    },
    statementUploads({ reconciliationUrl, internalSecret: SECRET, maxFileBytes }),
    express.json(),
    (req, res) => res.json({ contentType: req.header('content-type'), body: req.body as unknown }),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function multipart(parts: {
  operations?: unknown;
  map?: unknown;
  files?: [string, Buffer, string][];
}): FormData {
  const form = new FormData();
  if (parts.operations !== undefined) form.set('operations', JSON.stringify(parts.operations));
  if (parts.map !== undefined) form.set('map', JSON.stringify(parts.map));
  for (const [name, bytes, fileName] of parts.files ?? []) form.set(name, new Blob([bytes]), fileName);
  return form;
}

const OPERATIONS = {
  query: 'mutation ($input: ImportStatementInput!) { x }',
  variables: { input: { file: null } },
};
const post = (url: string, body: FormData, preflight = true) =>
  fetch(url, { method: 'POST', body, headers: preflight ? { 'apollo-require-preflight': 'true' } : {} });

describe('GraphQL multipart uploads at the gateway', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  beforeAll(async () => {
    receiver = await startReceiver();
    gateway = await startGateway(receiver.url, TEST_ACTORS.operator);
  });
  afterAll(async () => {
    await gateway.close();
    await receiver.close();
  });

  it('streams the file to reconciliation and passes on a JSON request with the upload id', async () => {
    const bytes = Buffer.from('交易时间,商户订单号\r\n');
    const response = await post(
      gateway.url,
      multipart({
        operations: OPERATIONS,
        map: { 0: ['variables.input.file'] },
        files: [['0', bytes, '账单.csv']],
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      contentType: 'application/json',
      body: {
        ...OPERATIONS,
        variables: { input: { file: createHash('sha256').update(bytes).digest('hex') } },
      },
    });
    expect(receiver.received.at(-1)).toEqual({
      actor: { sub: 'upload:ops-alice', role: 'SYSTEM' },
      fileName: '账单.csv',
      size: bytes.length,
    });
  });

  it('leaves JSON requests alone', async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ a }' }),
    });
    expect(await response.json()).toEqual({ contentType: 'application/json', body: { query: '{ a }' } });
  });

  it('refuses a file over the limit (413) without keeping it', async () => {
    const before = receiver.received.length;
    const response = await post(
      gateway.url,
      multipart({
        operations: OPERATIONS,
        map: { 0: ['variables.input.file'] },
        files: [['0', Buffer.alloc(5000, 65), 'big.csv']],
      }),
    );
    expect(response.status).toBe(413);
    expect(
      ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe('PAYLOAD_TOO_LARGE');
    expect(receiver.received.length).toBe(before);
  });

  it.each([
    [
      'no preflight header',
      { operations: OPERATIONS, map: { 0: ['variables.input.file'] } },
      false,
      /apollo-require-preflight/,
    ],
    [
      'no map',
      { operations: OPERATIONS, files: [['0', Buffer.from('x'), 'a.csv']] },
      true,
      /must come before the files/,
    ],
    [
      'a missing file part',
      { operations: OPERATIONS, map: { 0: ['variables.input.file'] } },
      true,
      /file part "0" is missing/,
    ],
    [
      'a file not in the map',
      {
        operations: OPERATIONS,
        map: { 0: ['variables.input.file'] },
        files: [['1', Buffer.from('x'), 'a.csv']],
      },
      true,
      /file part "1" is not in "map"/,
    ],
    [
      'a path that is not there',
      { operations: OPERATIONS, map: { 0: ['variables.other'] }, files: [['0', Buffer.from('x'), 'a.csv']] },
      true,
      /does not exist/,
    ],
    ['a batch', { operations: [OPERATIONS], map: {} }, true, /batching is off/],
  ] as const)('answers 400 for %s', async (_name, parts, preflight, message) => {
    const response = await post(gateway.url, multipart(parts as Parameters<typeof multipart>[0]), preflight);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0]?.message).toMatch(message);
  });

  it('is for operators only', async () => {
    const merchantGateway = await startGateway(receiver.url, TEST_ACTORS.merchant);
    try {
      const response = await post(
        merchantGateway.url,
        multipart({
          operations: OPERATIONS,
          map: { 0: ['variables.input.file'] },
          files: [['0', Buffer.from('x'), 'a']],
        }),
      );
      expect(response.status).toBe(403);
    } finally {
      await merchantGateway.close();
    }
  });
});
