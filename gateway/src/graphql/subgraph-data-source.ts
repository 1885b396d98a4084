import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { ACTOR_HEADER, signActorHeader } from '@pay/common';
import type { GatewayContext } from './context';

/**
 * Forwards the verified actor to subgraphs in a header signed with the internal
 * secret; subgraphs refuse calls without it. The actor carries the caller's IP as
 * `authenticate` established it (`req.ip` under TRUST_PROXY, see auth/client-ip.ts), so
 * subgraphs can check IP allow-lists. The client's own headers are not passed on.
 */
export class SignedActorDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly internalSecret: string,
  ) {
    super({ url });
  }

  override willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]): void {
    if (!context.actor) return;
    request.http?.headers.set(ACTOR_HEADER, signActorHeader(context.actor, this.internalSecret));
    if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
  }
}
