import type { ApolloServer } from '@apollo/server';
import { parse } from 'graphql';
import { TEST_ACTORS } from '@pay/common';
import type { GatewayContext } from '../graphql/context';
import type {
  GraphqlRequest,
  PassthroughOutcome,
  SingleSubgraphPassthrough,
} from '../graphql/single-subgraph-passthrough';
import { createOperationRunner, OperationError } from './operation-runner';

const SOURCE = 'query Balance { balance { available } }';
const MUTATION = 'mutation Adjust { adjust { available } }';
const operations = new Map([
  ['Balance', { name: 'Balance', source: SOURCE, document: parse(SOURCE), file: 'x' }],
  ['Adjust', { name: 'Adjust', source: MUTATION, document: parse(MUTATION), file: 'x' }],
]);

/** The runner's two ways: the passthrough's outcome, then Apollo Server's execution when it declines or fails. */
function runnerWith(
  outcome: PassthroughOutcome,
  executed: { errors?: unknown[]; data?: unknown } = {},
  subgraph: string | null = 'orders',
) {
  const contexts: GatewayContext[] = [];
  const sent: { request: GraphqlRequest; context: GatewayContext }[] = [];
  const apollo = {
    executeOperation: async (_request: unknown, options: { contextValue: GatewayContext }) => {
      contexts.push(options.contextValue);
      return { body: { kind: 'single', singleResult: executed } };
    },
  } as unknown as ApolloServer<GatewayContext>;
  const passthrough = {
    send: async (request: GraphqlRequest, context: GatewayContext) => {
      sent.push({ request, context });
      return outcome;
    },
    subgraphOf: () => subgraph,
  } as unknown as SingleSubgraphPassthrough;
  const { run, runClaimed } = createOperationRunner(apollo, passthrough, operations, () => 'req-1');
  return { run, runClaimed, contexts, sent };
}

describe('the REST shim’s operation runner', () => {
  it('answers from the passthrough without executing through the gateway', async () => {
    const { run, contexts } = runnerWith({
      kind: 'answered',
      body: Buffer.from('{"data":{"balance":{"available":"1.00"}}}'),
    });
    expect(await run('Balance', {}, TEST_ACTORS.merchant)).toEqual({ balance: { available: '1.00' } });
    expect(contexts).toEqual([]);
  });

  it('executes through the gateway when the passthrough declines', async () => {
    const { run, contexts } = runnerWith({ kind: 'declined' }, { data: { balance: { available: '2.00' } } });
    expect(await run('Balance', {}, TEST_ACTORS.merchant)).toEqual({ balance: { available: '2.00' } });
    expect(contexts).toEqual([{ actor: TEST_ACTORS.merchant, requestId: 'req-1' }]);
  });

  it('hands a failed call to the gateway to answer from, and renders its error', async () => {
    const failure = { subgraph: 'ledger', error: new Error('timeout') };
    const { run, contexts } = runnerWith(
      { kind: 'failed', failure },
      {
        errors: [
          { message: 'the ledger service did not answer', extensions: { code: 'DEPENDENCY_UNAVAILABLE' } },
        ],
      },
    );
    await expect(run('Balance', {}, TEST_ACTORS.merchant)).rejects.toEqual(
      new OperationError('DEPENDENCY_UNAVAILABLE', 'the ledger service did not answer'),
    );
    expect(contexts[0]?.subgraphFailure).toBe(failure);
  });
});

describe('runClaimed: a signature verdict folded into the operation', () => {
  const claim = { actor: TEST_ACTORS.merchant, proof: 'merchant-api' as const };
  const proof = { subgraph: 'orders', extensions: { merchantApiSignature: { params: { sign: 'S' } } } };
  const data = Buffer.from('{"data":{"balance":{"available":"3.00"}}}');

  it('sends the claim and its proof to the keys’ owner and answers its data when accepted', async () => {
    const { runClaimed, sent, contexts } = runnerWith({
      kind: 'answered',
      body: data,
      signatureVerdict: 'ok',
    });
    expect(await runClaimed('Balance', {}, claim, proof)).toEqual({
      verdict: 'ok',
      data: { balance: { available: '3.00' } },
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.request.extensions).toEqual(proof.extensions);
    expect(sent[0]!.context).toEqual({
      actor: TEST_ACTORS.merchant,
      claim: 'merchant-api',
      requestId: 'req-1',
    });
    expect(contexts).toEqual([]);
  });

  it('answers the refusal the subgraph gave, running nothing else', async () => {
    const { runClaimed, contexts } = runnerWith({ kind: 'declined', signatureVerdict: 'MERCHANT_DISABLED' });
    expect(await runClaimed('Balance', {}, claim, proof)).toEqual({
      verdict: 'refused',
      code: 'MERCHANT_DISABLED',
    });
    expect(contexts).toEqual([]);
  });

  it('runs the normal path as the verified actor (no claim) when accepted but answered with errors', async () => {
    const { runClaimed, contexts } = runnerWith(
      { kind: 'declined', signatureVerdict: 'ok' },
      { data: { balance: { available: '4.00' } } },
    );
    expect(await runClaimed('Balance', {}, claim, proof)).toEqual({
      verdict: 'ok',
      data: { balance: { available: '4.00' } },
    });
    expect(contexts).toEqual([{ actor: TEST_ACTORS.merchant, requestId: 'req-1' }]);
  });

  it('folds nothing when another subgraph answers, the call fails, or no verdict comes back', async () => {
    const elsewhere = runnerWith({ kind: 'answered', body: data, signatureVerdict: 'ok' }, {}, 'ledger');
    expect(await elsewhere.runClaimed('Adjust', {}, claim, proof)).toEqual({ verdict: 'not-folded' });
    expect(elsewhere.sent).toEqual([]);
    const failed = runnerWith({
      kind: 'failed',
      failure: { subgraph: 'orders', error: new Error('timeout') },
    });
    expect(await failed.runClaimed('Balance', {}, claim, proof)).toEqual({ verdict: 'not-folded' });
    const silent = runnerWith({ kind: 'answered', body: data });
    expect(await silent.runClaimed('Balance', {}, claim, proof)).toEqual({ verdict: 'not-folded' });
    const unknown = runnerWith({ kind: 'declined', signatureVerdict: 'MAYBE' });
    expect(await unknown.runClaimed('Balance', {}, claim, proof)).toEqual({ verdict: 'not-folded' });
  });

  it('starts a query another subgraph answers at once, as the claim without its proof, for later', async () => {
    const elsewhere = runnerWith({ kind: 'answered', body: data }, {}, 'ledger');
    const outcome = await elsewhere.runClaimed('Balance', {}, claim, proof);
    expect(outcome).toEqual({ verdict: 'not-folded', early: expect.any(Promise) as unknown });
    expect(elsewhere.sent).toHaveLength(1);
    expect(elsewhere.sent[0]!.request.extensions).toBeUndefined();
    expect(elsewhere.sent[0]!.context).toEqual({ actor: TEST_ACTORS.merchant, requestId: 'req-1' });
    expect(outcome.verdict === 'not-folded' && (await outcome.early)).toEqual({
      balance: { available: '3.00' },
    });
  });

  it('leaves an early query’s failure unread until someone reads it (no unhandled rejection)', async () => {
    const elsewhere = runnerWith(
      { kind: 'declined' },
      { errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] },
      'ledger',
    );
    const outcome = await elsewhere.runClaimed('Balance', {}, claim, proof);
    await new Promise((resolve) => setImmediate(resolve));
    await expect(outcome.verdict === 'not-folded' ? outcome.early : null).rejects.toEqual(
      new OperationError('FORBIDDEN', 'no'),
    );
  });
});
