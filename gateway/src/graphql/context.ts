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
  /** The single-subgraph passthrough's failed call, answered from instead of calling again. */
  subgraphFailure?: SubgraphFailure;
}
