import type { Actor, ActorProof } from '@pay/common';
import type { SubgraphFailure } from './single-subgraph-passthrough';

/** What the gateway knows about a request: who is calling, and its request id. */
export interface GatewayContext {
  actor: Actor;
  requestId: string;
  /**
   * Set when `actor` is a claim the gateway has not verified: the passthrough sends it as
   * one (`signClaimHeader`) for the subgraph to check with this proof. Never set on the
   * normal path, which only ever sends verified actors.
   */
  claim?: ActorProof;
  /**
   * With `claim`, on a query's plan (the REST shim's `runClaimed`): the subgraph that keeps
   * the keys gets the claim with this proof in its fetch's `extensions` and checks it
   * before it runs anything; every other subgraph of the plan gets `actor` as a query run
   * early, whose answer nobody sees unless that check accepts the claim.
   */
  claimCheck?: ClaimCheck;
  /** The single-subgraph passthrough's failed call, answered from instead of calling again. */
  subgraphFailure?: SubgraphFailure;
}

/**
 * The check of a claim on a query's plan. `verdict` is what the checking subgraph answered
 * (its verdict header), written by the data source: on this object, because Apollo Server
 * runs an operation with a shallow copy of the context it is given.
 */
export interface ClaimCheck {
  subgraph: string;
  extensions: Record<string, unknown>;
  verdict?: string;
}
