import { ACTOR_HEADER, AppError, isErrorCode, postGraphQL, signActorHeader, type Actor } from '@pay/common';

export type OrderAction = 'completeOrder' | 'cancelOrder' | 'refundOrder';

/**
 * Money changes of a resolution go through the orders service (which asks the ledger),
 * never around it: this calls its subgraph with the operator as the signed actor, so the
 * orders service applies its own rules and audits the operator.
 */
export interface OrdersClient {
  act(action: OrderAction, platformOrderNo: string, actor: Actor, note: string): Promise<{ status: string }>;
}

export function httpOrdersClient(ordersUrl: string, internalSecret: string): OrdersClient {
  return {
    async act(action, platformOrderNo, actor, note) {
      const result = await postGraphQL<Record<OrderAction, { order: { status: string } }>>(
        `${ordersUrl}/graphql`,
        `mutation ($input: ManualOrderActionInput!) { ${action}(input: $input) { order { status } } }`,
        { input: { platformOrderNo, note } },
        { [ACTOR_HEADER]: signActorHeader(actor, internalSecret) },
      );
      const error = result.body.errors?.[0];
      if (error) {
        const code = error.extensions?.code;
        throw isErrorCode(code)
          ? new AppError(code, error.message)
          : new AppError('DEPENDENCY_UNAVAILABLE', 'the orders service failed; nothing was resolved');
      }
      if (!result.body.data)
        throw new AppError('DEPENDENCY_UNAVAILABLE', 'the orders service did not answer');
      return { status: result.body.data[action].order.status };
    },
  };
}
