import {
  ACTOR_HEADER,
  AppError,
  isErrorCode,
  requestIdHeader,
  signActorHeader,
  type Actor,
} from '@pay/common';

export type OrderAction = 'completeOrder' | 'cancelOrder' | 'refundOrder';

/**
 * Money changes of a resolution go through the orders service (which asks the ledger),
 * never around it: this calls its subgraph with the operator as the signed actor, so the
 * orders service applies its own rules and audits the operator.
 */
export interface OrdersClient {
  act(action: OrderAction, platformOrderNo: string, actor: Actor, note: string): Promise<{ status: string }>;
}

interface Answer {
  data?: Partial<Record<OrderAction, { order: { status: string } }>> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const unavailable = () =>
  new AppError('DEPENDENCY_UNAVAILABLE', 'the orders service did not answer; nothing was resolved');

/**
 * The call runs while the resolution's rows are locked, so it is bounded by a timeout;
 * a refusal by the orders service keeps its typed code, anything else is
 * DEPENDENCY_UNAVAILABLE.
 */
export function httpOrdersClient(
  ordersUrl: string,
  internalSecret: string,
  timeoutMs = 15_000,
): OrdersClient {
  return {
    async act(action, platformOrderNo, actor, note) {
      let answer: Answer;
      try {
        const response = await fetch(`${ordersUrl}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [ACTOR_HEADER]: signActorHeader(actor, internalSecret),
            ...requestIdHeader(),
          },
          body: JSON.stringify({
            query: `mutation ($input: ManualOrderActionInput!) { ${action}(input: $input) { order { status } } }`,
            variables: { input: { platformOrderNo, note } },
          }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        answer = (await response.json()) as Answer;
      } catch {
        throw unavailable();
      }
      const error = answer.errors?.[0];
      if (error) {
        const code = error.extensions?.code;
        throw isErrorCode(code) && code !== 'INTERNAL_SERVER_ERROR'
          ? new AppError(code, error.message)
          : unavailable();
      }
      const result = answer.data?.[action];
      if (!result) throw unavailable();
      return { status: result.order.status };
    },
  };
}
