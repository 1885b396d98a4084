import type { Actor } from '@pay/common';
import type { RunOperation } from './operation-runner';

/** What a route that runs an operation needs of its API's request: the runner and who to run as. */
export interface OperationRequest {
  ctx: { run: RunOperation };
  actor: Actor;
}

/**
 * A route that runs one named operation, as a row of its API's table: the operation, how
 * the request becomes its variables, and how its answer becomes the legacy fields. `Q`
 * and `V` are the operation's generated result and variable types (src/rest/generated.ts),
 * so both ends stay checked against the schema.
 */
export interface OperationRouteSpec<R, Q, V> {
  /** The named operation (a `.graphql` document beside the route). */
  operation: string;
  /** The request's variables; a refused parameter throws here, before anything runs. */
  variables: (request: R) => V;
  /** The legacy answer; checks of the answer (e.g. NOT_FOUND on a null) throw here. */
  respond: (data: Q, request: R, variables: V) => unknown;
}

/**
 * The `handle` of a route that only translates (SOFA's way): most legacy endpoints compute
 * variables, run one operation and rename its answer, and written as a table row — the
 * operation it runs, how the request becomes its variables, how its answer becomes the
 * legacy fields — each says only what is its own, the running being the same for all.
 * The operation runs as the request's actor through its API's runner (`request.ctx.run`).
 */
export function runsOperation<R extends OperationRequest, Q, V extends object>(
  spec: OperationRouteSpec<R, Q, V>,
): (request: R) => Promise<unknown> {
  return async (request) => {
    const variables = spec.variables(request);
    const data = await request.ctx.run<Q, V>(spec.operation, variables, request.actor);
    return spec.respond(data, request, variables);
  };
}
