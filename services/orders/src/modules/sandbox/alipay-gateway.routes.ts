import express, { type Router } from 'express';
import { formatFen, logger } from '@pay/common';
import {
  parseWapPayRequest,
  singleValuedParams,
  wapPayNotification,
  WapPayRequestError,
  type WapPayRequest,
} from './alipay-gateway';
import { escapeHtml } from './html';
import type { SandboxKeys } from './sandbox-keys';

const GATEWAY_PATH = '/sandbox/alipay/gateway.do';
/** Longest receiver answer shown on the result page. */
const SHOWN_ANSWER_CHARS = 2000;

/**
 * The sandbox's Alipay gateway: `GET gateway.do?<signed wap.pay params>` shows a pay page,
 * its Pay button (`POST gateway.do/pay`) sends Alipay's notification to the request's
 * `notify_url` and shows what the receiver answered.
 */
export function alipayGatewayRoutes(keys: SandboxKeys): Router {
  const router = express.Router();

  router.get(GATEWAY_PATH, (req, res) => {
    const search = new URL(req.originalUrl, 'http://sandbox.invalid').searchParams;
    const request = readRequest(() => singleValuedParams(search), keys, res);
    if (!request) return;
    const amount = formatFen(request.totalAmount);
    // The form hands the signed parameters back as they came; the pay step checks them again.
    res.type('html').send(
      page(`<p>Order ${escapeHtml(request.outTradeNo)}: ${escapeHtml(request.subject)} — ¥${amount}</p>
<p>App ${escapeHtml(request.appId)}</p>
<form method="post" action="gateway.do/pay"><input type="hidden" name="request" value="${escapeHtml(search.toString())}"><button type="submit">Pay ¥${amount}</button></form>`),
    );
  });

  router.post(
    `${GATEWAY_PATH}/pay`,
    express.text({ type: 'application/x-www-form-urlencoded', limit: '32kb' }),
    async (req, res) => {
      const body = typeof req.body === 'string' ? req.body : '';
      // Either the pay page's form (`request` = the original query) or the signed parameters themselves.
      const request = readRequest(
        () => {
          const form = singleValuedParams(new URLSearchParams(body));
          return form.request === undefined ? form : singleValuedParams(new URLSearchParams(form.request));
        },
        keys,
        res,
      );
      if (!request) return;
      const notification = wapPayNotification(request, keys, new Date());
      let answer: { status: number; text: string };
      try {
        const response = await fetch(request.notifyUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
          body: new URLSearchParams(notification).toString(),
          signal: AbortSignal.timeout(10_000),
        });
        answer = { status: response.status, text: await response.text() };
      } catch (error) {
        logger().warn({ err: error, notifyUrl: request.notifyUrl }, 'sandbox alipay notification failed');
        res
          .status(502)
          .type('html')
          .send(page(`<p>The notification to ${escapeHtml(request.notifyUrl)} could not be delivered.</p>`));
        return;
      }
      // Alipay stops retrying only on exactly `success`.
      const accepted = answer.text === 'success';
      const shown =
        answer.text.length > SHOWN_ANSWER_CHARS
          ? `${answer.text.slice(0, SHOWN_ANSWER_CHARS)}…`
          : answer.text;
      res
        .status(accepted ? 200 : 502)
        .type('html')
        .send(
          page(`<p>${accepted ? 'Paid' : 'Not confirmed'}: order ${escapeHtml(request.outTradeNo)} — ¥${formatFen(request.totalAmount)}, trade ${escapeHtml(notification.trade_no ?? '')}</p>
<p>The receiver answered HTTP ${answer.status}: <code>${escapeHtml(shown)}</code>${accepted ? '' : ' (expected exactly <code>success</code>)'}</p>
${request.returnUrl ? `<p><a href="${escapeHtml(request.returnUrl)}">Back to the merchant</a></p>` : ''}`),
        );
    },
  );

  return router;
}

/** Reads and checks a request; on a refusal answers 400 with the reason and returns null. */
function readRequest(
  read: () => Record<string, string>,
  keys: SandboxKeys,
  res: express.Response,
): WapPayRequest | null {
  try {
    return parseWapPayRequest(read(), keys.alipayAppPublicKeyPem);
  } catch (error) {
    if (!(error instanceof WapPayRequestError)) throw error;
    res
      .status(400)
      .type('html')
      .send(page(`<p>Refused: ${escapeHtml(error.message)}</p>`));
    return null;
  }
}

function page(body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Sandbox Alipay</title></head><body>
<h1>Sandbox upstream — Alipay</h1>
${body}
</body></html>`;
}
