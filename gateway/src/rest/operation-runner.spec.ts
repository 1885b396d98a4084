import type { ApolloServer } from '@apollo/server';
import { parse } from 'graphql';
import { TEST_ACTORS } from '@pay/common';
import type { GatewayContext } from '../graphql/context';
import type { PassthroughOutcome, SingleSubgraphPassthrough } from '../graphql/single-subgraph-passthrough';
import { createOperationRunner, OperationError } from './operation-runner';

const SOURCE = 'query Balance { balance { available } }';
const operations = new Map([
  ['Balance', { name: 'Balance', source: SOURCE, document: parse(SOURCE), file: 'x' }],
]);

/** The runner's two ways: the passthrough's outcome, then Apollo Server's execution when it declines or fails. */
function runnerWith(outcome: PassthroughOutcome, executed: { errors?: unknown[]; data?: unknown } = {}) {
  const contexts: GatewayContext[] = [];
  const apollo = {
    executeOperation: async (_request: unknown, options: { contextValue: GatewayContext }) => {
      contexts.push(options.contextValue);
      return { body: { kind: 'single', singleResult: executed } };
    },
  } as unknown as ApolloServer<GatewayContext>;
  const passthrough = { send: async () => outcome } as unknown as SingleSubgraphPassthrough;
  return { run: createOperationRunner(apollo, passthrough, operations, () => 'req-1'), contexts };
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
