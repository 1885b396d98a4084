import type { Actor } from '@pay/common';

/** What the gateway knows about a request: who is calling, and its request id. */
export interface GatewayContext {
  actor: Actor;
  requestId: string;
}
