import type { Actor } from '@pay/common';
import type { SubgraphFailure } from './single-subgraph-passthrough';

/** What the gateway knows about a request: who is calling, and its request id. */
export interface GatewayContext {
  actor: Actor;
  requestId: string;
  /** The single-subgraph passthrough's failed call, answered from instead of calling again. */
  subgraphFailure?: SubgraphFailure;
}
