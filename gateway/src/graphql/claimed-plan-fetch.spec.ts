import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import {
  ACTOR_HEADER,
  SIGNATURE_VERDICT_HEADER,
  TEST_ACTORS,
  verifyActorHeader,
  verifyClaimHeader,
} from '@pay/common';
import { loadGatewayConfig } from '../config';
import type { ClaimCheck, GatewayContext } from './context';
import { SignedActorDataSource } from './subgraph-data-source';

const SECRET = 'claimed-plan-fetch-secret-0123456789';
const policy = loadGatewayConfig({}).subgraphCalls;

/** A subgraph stand-in: notes what each fetch carried and answers with `verdict` as its header. */
async function standIn(verdict: string | null) {
  const seen: { headers: IncomingHttpHeaders; body: Record<string, unknown> }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString()) as never });
      if (verdict) res.setHeader(SIGNATURE_VERDICT_HEADER, verdict);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { whoami: 'ok' } }));
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    seen,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** One planned fetch through the data source, as Apollo Gateway's executor sends it. */
async function fetchThrough(name: string, url: string, context: GatewayContext) {
  const source = new SignedActorDataSource(url, SECRET, { name, policy });
  try {
    return await source.process({
      kind: GraphQLDataSourceRequestKind.HEALTH_CHECK,
      request: { query: '{ whoami }' },
      context,
    });
  } finally {
    source.shutdown();
  }
}

describe('a claimed actor on a query’s plan', () => {
  const claimed = (check?: ClaimCheck): GatewayContext => ({
    actor: TEST_ACTORS.merchant,
    claim: 'merchant-api',
    requestId: 'req-1',
    ...(check ? { claimCheck: check } : {}),
  });
  const proof = { merchantApiSignature: { params: { merchant_id: '2024164', sign: 'S' } } };

  it('goes to the checking subgraph as a claim with its proof, and notes its verdict', async () => {
    const orders = await standIn('ok');
    try {
      const check: ClaimCheck = { subgraph: 'orders', extensions: proof };
      await fetchThrough('orders', orders.url, claimed(check));
      const [call] = orders.seen;
      expect(verifyClaimHeader(call!.headers[ACTOR_HEADER] as string, SECRET)).toEqual({
        actor: TEST_ACTORS.merchant,
        proof: 'merchant-api',
      });
      expect(verifyActorHeader(call!.headers[ACTOR_HEADER] as string, SECRET)).toBeNull();
      expect(call!.body.extensions).toEqual(proof);
      expect(check.verdict).toBe('ok');
    } finally {
      await orders.close();
    }
  });

  it('goes to every other subgraph as the actor, without the proof, and takes no verdict from it', async () => {
    const ledger = await standIn('ok');
    try {
      const check: ClaimCheck = { subgraph: 'orders', extensions: proof };
      await fetchThrough('ledger', ledger.url, claimed(check));
      const [call] = ledger.seen;
      expect(verifyActorHeader(call!.headers[ACTOR_HEADER] as string, SECRET)).toEqual(TEST_ACTORS.merchant);
      expect(call!.body.extensions).toBeUndefined();
      expect(check.verdict).toBeUndefined();
    } finally {
      await ledger.close();
    }
  });

  it('keeps a refusal once given: a later fetch’s ok does not undo it', async () => {
    const refusing = await standIn('SIGNATURE_INVALID');
    const accepting = await standIn('ok');
    try {
      const check: ClaimCheck = { subgraph: 'orders', extensions: proof };
      await fetchThrough('orders', accepting.url, claimed(check));
      await fetchThrough('orders', refusing.url, claimed(check));
      await fetchThrough('orders', accepting.url, claimed(check));
      expect(check.verdict).toBe('SIGNATURE_INVALID');
    } finally {
      await refusing.close();
      await accepting.close();
    }
  });

  it('is refused before anything is sent when no check comes with it', async () => {
    const orders = await standIn('ok');
    try {
      await expect(fetchThrough('orders', orders.url, claimed())).rejects.toThrow(
        /a claimed actor reached a planned subgraph fetch/,
      );
      expect(orders.seen).toEqual([]);
    } finally {
      await orders.close();
    }
  });
});
