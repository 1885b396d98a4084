import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ACTOR_HEADER, TEST_ACTORS, verifyActorHeader, type Actor } from '@pay/common';
import { fileUploads } from './file-uploads';
import { uploadTargets } from './upload-targets';

const SECRET = 'test-internal-secret';

interface Received {
  endpoint: string;
  actor: Actor | null;
  fileName: string;
  contentType: string;
  size: number;
}

/**
 * Stand-ins for the reconciliation and settlement upload endpoints: each hashes what it
 * receives. The settlement one refuses what does not start like a PDF (as the real one
 * refuses what is not an image or a PDF), after reading it to the end.
 */
async function startReceiver() {
  const received: Received[] = [];
  const app = express();
  const receive =
    (endpoint: string, fileNameHeader: string, accept: (head: Buffer) => boolean) =>
    async (req: express.Request, res: express.Response) => {
      if (req.header(fileNameHeader) === 'refuse-at-once') {
        // Like a service that judges the first bytes and does not read the rest.
        req.once('data', () =>
          res.status(400).json({ code: 'VOUCHER_INVALID', message: 'refused at the first bytes' }),
        );
        return;
      }
      const hash = createHash('sha256');
      const head: Buffer[] = [];
      let size = 0;
      try {
        for await (const chunk of req) {
          hash.update(chunk as Buffer);
          if (size < 16) head.push(chunk as Buffer);
          size += (chunk as Buffer).length;
        }
      } catch {
        return; // the gateway gave up on this upload
      }
      if (!accept(Buffer.concat(head))) {
        res
          .status(400)
          .json({ code: 'VOUCHER_INVALID', message: 'a voucher is an image (PNG, JPEG) or a PDF' });
        return;
      }
      received.push({
        endpoint,
        actor: verifyActorHeader(req.header(ACTOR_HEADER), SECRET),
        fileName: decodeURIComponent(req.header(fileNameHeader) ?? ''),
        contentType: req.header('content-type') ?? '',
        size,
      });
      res.json({ uploadId: hash.digest('hex'), size, contentType: req.header('content-type') });
    };
  app.post(
    '/internal/statement-uploads',
    receive('statement-uploads', 'x-statement-file-name', () => true),
  );
  app.post(
    '/internal/voucher-uploads',
    receive('voucher-uploads', 'x-voucher-file-name', (head) => head.subarray(0, 4).toString() === '%PDF'),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The gateway's chain in small: an actor, the upload middleware, then whatever body Apollo would see. */
async function startGateway(serviceUrl: string, actor: Actor, maxVoucherBytes = 300) {
  const app = express();
  app.use(
    '/graphql',
    (_req, res, next) => {
      res.locals.actor = actor;
      next();
    },
    fileUploads({
      targets: uploadTargets({
        reconciliationUrl: serviceUrl,
        settlementUrl: serviceUrl,
        maxStatementBytes: 1000,
        maxVoucherBytes,
      }),
      internalSecret: SECRET,
    }),
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
  files?: ([string, Buffer, string] | [string, Buffer, string, string])[];
}): FormData {
  const form = new FormData();
  if (parts.operations !== undefined) form.set('operations', JSON.stringify(parts.operations));
  if (parts.map !== undefined) form.set('map', JSON.stringify(parts.map));
  for (const [name, bytes, fileName, type] of parts.files ?? [])
    form.set(name, new Blob([bytes], type ? { type } : {}), fileName);
  return form;
}

const OPERATIONS = {
  query: 'mutation ($input: ImportStatementInput!) { importStatement(input: $input) { created } }',
  variables: { input: { file: null } },
};
const SETTLE = {
  query: 'mutation Settle($input: SettleSettlementInput!) { settleSettlement(input: $input) { id state } }',
  operationName: 'Settle',
  variables: { input: { id: 'U2V0dGxlbWVudDox', voucher: null, person: 'alice', remark: '11月' } },
};
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const firstError = async (response: globalThis.Response) =>
  ((await response.json()) as { errors: { message: string; extensions: { code: string } }[] }).errors[0];
/** The operator as authenticate() leaves it: with the caller's IP. */
const OPERATOR: Actor = { ...TEST_ACTORS.operator, ip: '203.0.113.7' };
const post = (url: string, body: FormData, preflight = true) =>
  fetch(url, { method: 'POST', body, headers: preflight ? { 'apollo-require-preflight': 'true' } : {} });

describe('GraphQL multipart uploads at the gateway', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  beforeAll(async () => {
    receiver = await startReceiver();
    gateway = await startGateway(receiver.url, OPERATOR);
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
      endpoint: 'statement-uploads',
      actor: { sub: 'upload:ops-alice', role: 'SYSTEM', ip: '203.0.113.7' },
      fileName: '账单.csv',
      contentType: 'application/octet-stream',
      size: bytes.length,
    });
  });

  it('streams a voucher to settlement with its name and type, and passes on its upload id', async () => {
    const before = receiver.received.length;
    const response = await post(
      gateway.url,
      multipart({
        operations: SETTLE,
        map: { voucher: ['variables.input.voucher'] },
        files: [['voucher', PDF, '11月 凭证.pdf', 'application/pdf']],
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      contentType: 'application/json',
      body: { ...SETTLE, variables: { input: { ...SETTLE.variables.input, voucher: sha256(PDF) } } },
    });
    expect(receiver.received.slice(before)).toEqual([
      {
        endpoint: 'voucher-uploads',
        actor: { sub: 'upload:ops-alice', role: 'SYSTEM', ip: '203.0.113.7' },
        fileName: '11月 凭证.pdf',
        contentType: 'application/pdf',
        size: PDF.length,
      },
    ]);
  });

  it('sends a voucher without a type as application/octet-stream', async () => {
    const response = await post(
      gateway.url,
      multipart({
        operations: SETTLE,
        map: { 0: ['variables.input.voucher'] },
        files: [['0', PDF, 'scan']],
      }),
    );
    expect(response.status).toBe(200);
    expect(receiver.received.at(-1)).toMatchObject({
      endpoint: 'voucher-uploads',
      contentType: 'application/octet-stream',
    });
  });

  it("passes settlement's refusal on as a GraphQL error with its code and message (400)", async () => {
    const before = receiver.received.length;
    const response = await post(
      gateway.url,
      multipart({
        operations: SETTLE,
        map: { 0: ['variables.input.voucher'] },
        files: [['0', Buffer.from('<html>not a voucher</html>'), 'voucher.pdf', 'application/pdf']],
      }),
    );
    expect(response.status).toBe(400);
    expect(await firstError(response)).toEqual({
      message: 'a voucher is an image (PNG, JPEG) or a PDF',
      extensions: { code: 'VOUCHER_INVALID' },
    });
    expect(receiver.received.length).toBe(before);
  });

  it('passes on a refusal that comes before the file was sent whole', async () => {
    const roomy = await startGateway(receiver.url, OPERATOR, 64 * 1024 * 1024);
    try {
      const response = await post(
        roomy.url,
        multipart({
          operations: SETTLE,
          map: { 0: ['variables.input.voucher'] },
          files: [['0', Buffer.alloc(8 * 1024 * 1024, 65), 'refuse-at-once']],
        }),
      );
      expect(response.status).toBe(400);
      expect(await firstError(response)).toEqual({
        message: 'refused at the first bytes',
        extensions: { code: 'VOUCHER_INVALID' },
      });
    } finally {
      await roomy.close();
    }
  });

  it("holds each file to its target's limit: a voucher of 301 bytes is too large, a statement is not", async () => {
    const before = receiver.received.length;
    const bytes = Buffer.concat([PDF, Buffer.alloc(301 - PDF.length, 32)]);
    const voucher = await post(
      gateway.url,
      multipart({
        operations: SETTLE,
        map: { 0: ['variables.input.voucher'] },
        files: [['0', bytes, 'v.pdf']],
      }),
    );
    expect(voucher.status).toBe(413);
    expect(await firstError(voucher)).toEqual({
      message: 'a voucher file is larger than 300 bytes',
      extensions: { code: 'PAYLOAD_TOO_LARGE' },
    });
    expect(receiver.received.length).toBe(before);

    const statement = await post(
      gateway.url,
      multipart({
        operations: OPERATIONS,
        map: { 0: ['variables.input.file'] },
        files: [['0', bytes, 's.csv']],
      }),
    );
    expect(statement.status).toBe(200);
    expect(receiver.received.slice(before).map((r) => [r.endpoint, r.size])).toEqual([
      ['statement-uploads', 301],
    ]);
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
    [
      'a mutation that takes no files',
      {
        operations: {
          query: 'mutation { createMerchant(input: $input) { id } }',
          variables: { input: null },
        },
        map: { 0: ['variables.input'] },
        files: [['0', Buffer.from('x'), 'a.csv']],
      },
      true,
      /"createMerchant" does not take files/,
    ],
    [
      'files for reconciliation and settlement in one request',
      {
        operations: {
          query:
            'mutation ($s: ImportStatementInput!, $v: SettleSettlementInput!) { importStatement(input: $s) { created } settleSettlement(input: $v) { id } }',
          variables: { s: { file: null }, v: { voucher: null } },
        },
        map: { 0: ['variables.s.file'], 1: ['variables.v.voucher'] },
        files: [
          ['0', Buffer.from('x'), 'a.csv'],
          ['1', PDF, 'v.pdf'],
        ],
      },
      true,
      /one kind of upload only/,
    ],
  ] as const)('answers 400 for %s', async (_name, parts, preflight, message) => {
    const before = receiver.received.length;
    const response = await post(gateway.url, multipart(parts as Parameters<typeof multipart>[0]), preflight);
    expect(response.status).toBe(400);
    expect(await firstError(response)).toEqual({
      message: expect.stringMatching(message),
      extensions: { code: 'BAD_REQUEST' },
    });
    expect(receiver.received.length).toBe(before);
  });

  it.each([
    ['a merchant', TEST_ACTORS.merchant, OPERATIONS, 'variables.input.file'],
    ['a merchant', TEST_ACTORS.merchant, SETTLE, 'variables.input.voucher'],
    ['an analyst', TEST_ACTORS.analyst, SETTLE, 'variables.input.voucher'],
  ] as const)('is for operators only: %s gets 403', async (_name, actor, operations, path) => {
    const before = receiver.received.length;
    const otherGateway = await startGateway(receiver.url, actor);
    try {
      const response = await post(
        otherGateway.url,
        multipart({ operations, map: { 0: [path] }, files: [['0', PDF, 'a']] }),
      );
      expect(response.status).toBe(403);
      expect((await firstError(response))?.extensions.code).toBe('FORBIDDEN');
      expect(receiver.received.length).toBe(before);
    } finally {
      await otherGateway.close();
    }
  });
});
