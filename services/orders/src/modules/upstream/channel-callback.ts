import type { EntityManager } from '@mikro-orm/postgresql';
import { applyChannelPayment, type PaymentOutcome } from '../order/order.service';
import type { ChannelAdapter } from './channel-adapter';

/** A channel's callback as it arrived: headers and the body's exact text (signatures cover it). */
export interface ChannelCallbackRequest {
  headers: Record<string, string | undefined>;
  rawBody: string;
}

/**
 * Verifies a channel callback with the config's adapter and applies the payment it
 * reports. The HTTP route and the demo seed (which replays the sandbox channel's signed
 * notifications for past days) both come through here, so a seeded payment passes the
 * same signature check and state machine as a live one. Throws ChannelSignatureError or
 * AppError when the callback is refused.
 */
export async function receiveChannelCallback(
  em: EntityManager,
  adapter: ChannelAdapter,
  request: ChannelCallbackRequest,
): Promise<{ platformOrderNo: string; outcome: PaymentOutcome }> {
  const notice = adapter.verifyCallback(request);
  const outcome = await applyChannelPayment(em, {
    platformOrderNo: notice.platformOrderNo,
    upstreamOrderNo: notice.upstreamOrderNo,
    amountFen: notice.amountFen,
    paid: notice.paid,
    paidAt: notice.paidAt,
    payerId: notice.raw.buyer_id ?? notice.raw.openid ?? null,
  });
  return { platformOrderNo: notice.platformOrderNo, outcome };
}
