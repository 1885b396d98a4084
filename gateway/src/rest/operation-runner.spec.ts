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
  /** What the claim's checking subgraph answers on its fetch of a plan (as the data source notes it). */
  planVerdict?: string,
) {
  const contexts: GatewayContext[] = [];
  const sent: { request: GraphqlRequest; context: GatewayContext }[] = [];
  const apollo = {
    executeOperation: async (_request: GraphqlRequest, options: { contextValue: GatewayContext }) => {
      // As Apollo Server does: the operation runs with a shallow copy of the context.
      const context = { ...options.contextValue };
      contexts.push(context);
      if (context.claimCheck && planVerdict !== undefined) context.claimCheck.verdict = planVerdict;
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

describe('runClaimed: a query planned over several subgraphs', () => {
  const claim = { actor: TEST_ACTORS.merchant, proof: 'merchant-api' as const };
  const proof = { subgraph: 'orders', extensions: { merchantApiSignature: { params: { sign: 'S' } } } };
  const planned = { data: { balance: { available: '5.00' } } };
  const refusedFetch = { errors: [{ message: 'bad signature', extensions: { code: 'SIGNATURE_INVALID' } }] };

  it('runs the plan as the claim, the proof for the keys’ owner, and answers when it accepted', async () => {
    const { runClaimed, contexts } = runnerWith({ kind: 'declined' }, planned, null, 'ok');
    expect(await runClaimed('Balance', {}, claim, proof)).toEqual({ verdict: 'ok', data: planned.data });
    expect(contexts).toEqual([
      {
        actor: TEST_ACTORS.merchant,
        claim: 'merchant-api',
        claimCheck: { ...proof, verdict: 'ok' },
        requestId: 'req-1',
      },
    ]);
  });

  it('answers the refusal of the keys’ owner alone, whatever the plan answered', async () => {
    const refused = runnerWith({ kind: 'declined' }, refusedFetch, null, 'SIGNATURE_INVALID');
    expect(await refused.runClaimed('Balance', {}, claim, proof)).toEqual({
      verdict: 'refused',
      code: 'SIGNATURE_INVALID',
    });
    const disabledWithData = runnerWith({ kind: 'declined' }, planned, null, 'MERCHANT_DISABLED');
    expect(await disabledWithData.runClaimed('Balance', {}, claim, proof)).toEqual({
      verdict: 'refused',
      code: 'MERCHANT_DISABLED',
    });
  });

  it('hands the answer on, unread, when the plan never asked the keys’ owner', async () => {
    const silent = runnerWith({ kind: 'declined' }, planned, null);
    const outcome = await silent.runClaimed('Balance', {}, claim, proof);
    expect(outcome).toEqual({ verdict: 'not-folded', early: expect.any(Promise) as unknown });
    expect(outcome.verdict === 'not-folded' && (await outcome.early)).toEqual(planned.data);
    const failing = runnerWith({ kind: 'declined' }, refusedFetch, null, 'MAYBE');
    const failed = await failing.runClaimed('Balance', {}, claim, proof);
    await new Promise((resolve) => setImmediate(resolve)); // no unhandled rejection meanwhile
    await expect(failed.verdict === 'not-folded' ? failed.early : null).rejects.toEqual(
      new OperationError('SIGNATURE_INVALID', 'bad signature'),
    );
  });

  it('fails as the operation failed once the keys’ owner accepted the claim', async () => {
    const accepted = runnerWith(
      { kind: 'declined' },
      { errors: [{ message: 'down', extensions: { code: 'DEPENDENCY_UNAVAILABLE' } }] },
      null,
      'ok',
    );
    await expect(accepted.runClaimed('Balance', {}, claim, proof)).rejects.toEqual(
      new OperationError('DEPENDENCY_UNAVAILABLE', 'down'),
    );
  });

  it('never runs a mutation’s plan before its verdict', async () => {
    const { runClaimed, sent, contexts } = runnerWith({ kind: 'declined' }, planned, null, 'ok');
    expect(await runClaimed('Adjust', {}, claim, proof)).toEqual({ verdict: 'not-folded' });
    expect(sent).toEqual([]);
    expect(contexts).toEqual([]);
  });
});
