import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { graphqlOperations } from './metrics';

/** Operation names come from callers: cut long ones so one label value stays small. */
const MAX_NAME_LENGTH = 64;

/**
 * An Apollo Server plugin that counts every operation it answers in
 * `graphql_operations_total{type, operation, outcome}`: `type` is query, mutation or
 * subscription (`unknown` when the document did not parse or validate), `operation` the
 * operation's name (`anonymous` without one), `outcome` `error` when the response carries
 * errors, else `success`. Used by the gateway and every subgraph.
 */
export function graphqlMetricsPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(requestContext) {
          countGraphqlOperation(
            requestContext.operation?.operation ?? 'unknown',
            requestContext.operationName,
            (requestContext.errors?.length ?? 0) > 0 ? 'error' : 'success',
          );
        },
      };
    },
  };
}

/** One answered operation in `graphql_operations_total` (also for answers given outside Apollo Server). */
export function countGraphqlOperation(
  type: string,
  operationName: string | null | undefined,
  outcome: 'success' | 'error',
): void {
  graphqlOperations.inc({
    type,
    operation: (operationName ?? 'anonymous').slice(0, MAX_NAME_LENGTH),
    outcome,
  });
}
