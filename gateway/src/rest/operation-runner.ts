import type { ApolloServer } from '@apollo/server';
import { Kind, OperationTypeNode } from 'graphql';
import type { Actor, ActorClaim } from '@pay/common';
import type { ClaimCheck, GatewayContext } from '../graphql/context';
import type { GraphqlRequest, SingleSubgraphPassthrough } from '../graphql/single-subgraph-passthrough';
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

/** What a claimed actor's first operation came to (see `RunClaimed`). */
export type ClaimedRun<T> =
  | { verdict: 'ok'; data: T }
  | { verdict: 'refused'; code: 'SIGNATURE_INVALID' | 'MERCHANT_DISABLED' }
  /**
   * The operation is not one `subgraph` answers alone, or the call failed: ask for the
   * verdict on its own. `early`: a query already running as the claim beside that verdict
   * (see RunClaimed), to be answered only once the verdict has accepted the claim.
   */
  | { verdict: 'not-folded'; early?: Promise<T> };

/**
 * Runs a named operation as a claimed actor, folding the signature verdict into the call:
 * only when `subgraph` (the keys' owner) answers the operation whole through the
 * passthrough. The subgraph checks the claim's proof (`extensions`) before it runs
 * anything and says so in its answer; data with errors after an accepted verdict is
 * answered by the normal path as the then verified actor.
 *
 * A query planned over several subgraphs (`/balance`: orders' merchant, the ledger's
 * balance) runs as the claim with the proof on the keys' owner's own fetch, which checks it
 * there: no verdict call of its own. A query another subgraph answers alone starts at once
 * as the claim, beside the caller's own verdict call, instead of after it. Either changes
 * nothing, and its answer reaches nobody unless the verdict accepts the claim. Mutations
 * never run before their verdict.
 */
export type RunClaimed = <T, V extends object = Record<string, unknown>>(
  name: string,
  variables: V,
  claim: ActorClaim,
  proof: { subgraph: string; extensions: Record<string, unknown> },
) => Promise<ClaimedRun<T>>;

const REFUSALS = new Set(['SIGNATURE_INVALID', 'MERCHANT_DISABLED']);

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
): { run: RunOperation; runClaimed: RunClaimed } {
  const requestOf = (name: string, variables: object) => {
    const operation = operations.get(name);
    if (!operation) throw new Error(`no REST operation named ${name}`);
    return { query: operation.source, operationName: name, variables: variables as Record<string, unknown> };
  };
  const execute = async <T>(request: GraphqlRequest, context: GatewayContext): Promise<T> => {
    const response = await apollo.executeOperation(request, { contextValue: context });
    if (response.body.kind !== 'single')
      throw new Error(`operation ${request.operationName} answered incrementally`);
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
  const isQuery = (name: string) =>
    operations
      .get(name)
      ?.document.definitions.some(
        (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === OperationTypeNode.QUERY,
      ) === true;
  const dataOf = <T>(body: Buffer): T => (JSON.parse(body.toString('utf8')) as { data: T }).data;

  const run: RunOperation = async <T, V extends object = Record<string, unknown>>(
    name: string,
    variables: V,
    actor: Actor,
  ): Promise<T> => {
    const request = requestOf(name, variables);
    const context: GatewayContext = { actor, requestId: requestId() };
    const outcome = await passthrough.send(request, context);
    if (outcome.kind === 'answered') return dataOf<T>(outcome.body);
    if (outcome.kind === 'failed') context.subgraphFailure = outcome.failure;
    return execute<T>(request, context);
  };

  const runClaimed: RunClaimed = async <T, V extends object = Record<string, unknown>>(
    name: string,
    variables: V,
    claim: ActorClaim,
    proof: { subgraph: string; extensions: Record<string, unknown> },
  ): Promise<ClaimedRun<T>> => {
    const request = requestOf(name, variables);
    const answeredBy = passthrough.subgraphOf(request);
    if (answeredBy !== proof.subgraph) {
      if (!isQuery(name)) return { verdict: 'not-folded' };
      if (answeredBy === null) return runPlanClaimed<T>(request, claim, proof);
      const early = run<T, V>(name, variables, claim.actor);
      // Unread when the verdict refuses the claim: its failure is nobody's then.
      early.catch(() => undefined);
      return { verdict: 'not-folded', early };
    }
    const outcome = await passthrough.send(
      { ...request, extensions: proof.extensions },
      { actor: claim.actor, claim: claim.proof, requestId: requestId() },
    );
    const verdict = outcome.kind === 'failed' ? undefined : outcome.signatureVerdict;
    if (verdict !== 'ok') {
      return verdict !== undefined && REFUSALS.has(verdict)
        ? { verdict: 'refused', code: verdict as 'SIGNATURE_INVALID' | 'MERCHANT_DISABLED' }
        : { verdict: 'not-folded' };
    }
    if (outcome.kind === 'answered') return { verdict: 'ok', data: dataOf<T>(outcome.body) };
    return { verdict: 'ok', data: await execute<T>(request, { actor: claim.actor, requestId: requestId() }) };
  };

  /**
   * A query planned over several subgraphs, run as the claim: the keys' owner checks it on
   * its own fetch of the plan (`claimCheck`, subgraph-data-source.ts), so no verdict call
   * of its own is needed; a plan that never asks the keys' owner hands its answer on as
   * `early`, for the caller's own verdict to release.
   */
  const runPlanClaimed = async <T>(
    request: GraphqlRequest,
    claim: ActorClaim,
    proof: { subgraph: string; extensions: Record<string, unknown> },
  ): Promise<ClaimedRun<T>> => {
    const check: ClaimCheck = { ...proof };
    const context: GatewayContext = {
      actor: claim.actor,
      claim: claim.proof,
      claimCheck: check,
      requestId: requestId(),
    };
    let answer: { data: T } | { error: unknown };
    try {
      answer = { data: await execute<T>(request, context) };
    } catch (error) {
      answer = { error };
    }
    const { verdict } = check;
    if (verdict !== undefined && REFUSALS.has(verdict))
      return { verdict: 'refused', code: verdict as 'SIGNATURE_INVALID' | 'MERCHANT_DISABLED' };
    if (verdict === 'ok') {
      if ('error' in answer) throw answer.error;
      return { verdict: 'ok', data: answer.data };
    }
    const early = 'error' in answer ? Promise.reject(answer.error) : Promise.resolve(answer.data);
    // Unread when the verdict refuses the claim: its failure is nobody's then.
    early.catch(() => undefined);
    return { verdict: 'not-folded', early };
  };

  return { run, runClaimed };
}
