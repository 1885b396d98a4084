import express, { type Router } from 'express';
import { logger } from '@pay/common';
import type { RechargeRuntime } from './wallet-recharge.service';
import { acceptAlipayNotification } from './alipay-notify.service';

/** Where Alipay posts recharge notifications (config.alipay.notifyUrl points here). */
export const ALIPAY_RECHARGE_NOTIFY_PATH = '/notify/alipay/wallet-recharge';

/** Repeated form fields would make the signed content ambiguous: such a form is refused. */
function formParams(body: unknown): Record<string, string> | null {
  if (typeof body !== 'object' || body === null) return null;
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value !== 'string') return null;
    params[key] = value;
  }
  return params;
}

/**
 * `POST /notify/alipay/wallet-recharge`: public (Alipay calls it, with no actor); the
 * signature is the authentication. Answers exactly `success` once the recharge is
 * credited (or was already), `failure` with 400 for a notification that does not check
 * out, and `failure` with 500 when the ledger could not be reached — Alipay retries then.
 */
export function alipayNotifyRoutes(runtime: RechargeRuntime): Router {
  const router = express.Router();
  router.post(
    ALIPAY_RECHARGE_NOTIFY_PATH,
    express.urlencoded({ extended: false, limit: '64kb' }),
    async (req, res) => {
      const params = formParams(req.body);
      try {
        const outcome = params
          ? await acceptAlipayNotification(runtime, params)
          : ({ accepted: false, reason: 'not a form of single values' } as const);
        if (!outcome.accepted) {
          logger().warn(
            { reason: outcome.reason, outTradeNo: params?.out_trade_no, tradeNo: params?.trade_no },
            'Alipay recharge notification refused',
          );
          res.status(400).type('text/plain').send('failure');
          return;
        }
        res.status(200).type('text/plain').send('success');
      } catch (error) {
        logger().error(
          { err: error, outTradeNo: params?.out_trade_no },
          'Alipay recharge notification failed',
        );
        res.status(500).type('text/plain').send('failure');
      }
    },
  );
  return router;
}
