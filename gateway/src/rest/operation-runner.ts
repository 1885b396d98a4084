import type { ApolloServer } from '@apollo/server';
import type { Actor } from '@pay/common';
import type { GatewayContext } from '../graphql/context';
import type { SingleSubgraphPassthrough } from '../graphql/single-subgraph-passthrough';
import type { RestOperation } from './graphql-documents';

/** A GraphQL error a REST route renders in its legacy envelope. */
export class OperationError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'OperationError';
  }
}

/**
 * Runs a named operation. `T` and `V` are its generated result and variable types
 * (src/rest/generated.ts, e.g. `MerchantApiOrdersQuery` / `MerchantApiOrdersQueryVariables`),
 * so a route's variables and its reading of the answer are checked against the schema.
 */
export type RunOperation = <T, V extends object = Record<string, unknown>>(
  name: string,
  variables: V,
  actor: Actor,
) => Promise<T>;

/**
 * Runs the REST shim's named operations in-process through the gateway (the same
 * planning, limits and subgraph calls with the signed actor as `/graphql`; a query one
 * subgraph answers whole goes straight there, as on `/graphql`). The first
 * GraphQL error becomes an OperationError with its extensions' code; data with errors
 * is an error too — a legacy envelope has no room for partial answers.
 */
export function createOperationRunner(
  apollo: ApolloServer<GatewayContext>,
  passthrough: SingleSubgraphPassthrough,
  operations: Map<string, RestOperation>,
  requestId: () => string,
): RunOperation {
  return async <T, V extends object = Record<string, unknown>>(
    name: string,
    variables: V,
    actor: Actor,
  ): Promise<T> => {
    const operation = operations.get(name);
    if (!operation) throw new Error(`no REST operation named ${name}`);
    const request = {
      query: operation.source,
      operationName: name,
      variables: variables as Record<string, unknown>,
    };
    const context: GatewayContext = { actor, requestId: requestId() };
    const outcome = await passthrough.send(request, context);
    if (outcome.kind === 'answered') return (JSON.parse(outcome.body.toString('utf8')) as { data: T }).data;
    if (outcome.kind === 'failed') context.subgraphFailure = outcome.failure;
    const response = await apollo.executeOperation(request, { contextValue: context });
    if (response.body.kind !== 'single') throw new Error(`operation ${name} answered incrementally`);
    const { data, errors } = response.body.singleResult;
    if (errors?.length) {
      const [first] = errors;
      const extensions = (first?.extensions ?? {}) as { code?: unknown; details?: unknown };
      throw new OperationError(
        typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR',
        first?.message ?? 'error',
        extensions.details,
      );
    }
    return data as T;
  };
}
