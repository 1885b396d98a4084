import { randomBytes } from 'node:crypto';
import express, { type Router } from 'express';
import { AppError, formatChinaDateTime, formatFen, logger, signAlipayNotification } from '@pay/common';
import type { OrdersRuntime } from '../../context';
import { Order } from '../order/order.entity';
import { OrderStatus } from '../order/order-status';
import { UpstreamAdapterKind, UpstreamConfig } from '../upstream/upstream-config.entity';
import { signWechatV2Notification } from '../upstream/wechat-pay-v2.adapter';
import { toWechatXml } from '../upstream/wechat-xml';
import { alipayGatewayRoutes } from './alipay-gateway.routes';
import { escapeHtml } from './html';
import { payWithLostCallback, refundAtChannel, sandboxTradeNo } from './sandbox-book';
import type { SandboxKeys } from './sandbox-keys';
import { sandboxQueryHandler } from './sandbox-query';
import { chinaDayStart, sandboxStatementFile } from './sandbox-statements';

/** The notification a real channel of this kind would send for a successful payment. */
export function sandboxNotification(
  kind: UpstreamAdapterKind,
  keys: SandboxKeys,
  order: Order,
  tradeNo: string,
  paidAt: Date,
): { body: string; contentType: string } {
  if (kind === UpstreamAdapterKind.SANDBOX_WECHAT) {
    const params = signWechatV2Notification(
      {
        return_code: 'SUCCESS',
        result_code: 'SUCCESS',
        appid: keys.wechatAppId,
        mch_id: keys.wechatMchId,
        nonce_str: randomBytes(8).toString('hex'),
        openid: `sandbox-openid-${order.id}`,
        trade_type: 'NATIVE',
        bank_type: 'OTHERS',
        fee_type: 'CNY',
        total_fee: String(order.amount),
        transaction_id: tradeNo,
        out_trade_no: order.platformOrderNo,
        time_end: formatChinaDateTime(paidAt).replace(/\D/g, ''),
      },
      keys.wechatApiKey,
    );
    return { body: toWechatXml(params), contentType: 'text/xml' };
  }
  const params = signAlipayNotification(
    {
      notify_time: formatChinaDateTime(new Date()),
      notify_type: 'trade_status_sync',
      notify_id: randomBytes(16).toString('hex'),
      app_id: keys.alipayAppId,
      charset: 'utf-8',
      version: '1.0',
      trade_no: tradeNo,
      out_trade_no: order.platformOrderNo,
      buyer_id: `2088${order.id.toString().padStart(12, '0')}`,
      trade_status: 'TRADE_SUCCESS',
      total_amount: formatFen(order.amount),
      receipt_amount: formatFen(order.amount),
      gmt_payment: formatChinaDateTime(paidAt),
      subject: order.productTitle,
    },
    keys.alipayPrivateKeyPem,
  );
  return { body: new URLSearchParams(params).toString(), contentType: 'application/x-www-form-urlencoded' };
}

/**
 * The sandbox upstream: a pay page per order, and a "pay" button that makes the
 * channel send its signed callback over real HTTP to `/callbacks/:pzid`, exactly as a
 * real channel's would arrive.
 */
export function sandboxRoutes(runtime: OrdersRuntime): Router {
  const router = express.Router();

  const page = async (req: express.Request, res: express.Response) => {
    const order = await runtime.orm.em
      .fork()
      .findOne(Order, { platformOrderNo: String(req.params.platformOrderNo) });
    if (!order) {
      res.status(404).type('text/plain').send('order not found');
      return;
    }
    const paid = order.status !== OrderStatus.PENDING;
    res.type('html')
      .send(`<!doctype html><html><head><meta charset="utf-8"><title>Sandbox pay</title></head><body>
<h1>Sandbox upstream${req.path.includes('/cashier/') ? ' — cashier' : ''}</h1>
<p>Order ${escapeHtml(order.platformOrderNo)}: ${escapeHtml(order.productTitle)} — ¥${formatFen(order.amount)}</p>
${
  paid
    ? '<p>This order is already paid.</p>'
    : `<form method="post" action="/sandbox/pay/${encodeURIComponent(order.platformOrderNo)}"><button type="submit">Pay ¥${formatFen(order.amount)}</button></form>
<form method="post" action="/sandbox/pay/${encodeURIComponent(order.platformOrderNo)}?callback=lost"><button type="submit">Pay, but lose the channel's callback</button></form>`
}
</body></html>`);
  };
  router.get('/sandbox/pay/:platformOrderNo', page);
  router.get('/sandbox/cashier/:platformOrderNo', page);
  // The channel's order query: reconciliation asks it about doubtful orders.
  router.get('/sandbox/query/:platformOrderNo', sandboxQueryHandler(runtime));

  router.post('/sandbox/pay/:platformOrderNo', async (req, res) => {
    const em = runtime.orm.em.fork();
    const order = await em.findOne(Order, { platformOrderNo: String(req.params.platformOrderNo) });
    if (!order) {
      res.status(404).json({ paid: false, error: 'order not found' });
      return;
    }
    // `?callback=lost`: the payer pays, the channel's callback never arrives (for trying reconciliation).
    if (req.query.callback === 'lost') {
      try {
        const entry = await payWithLostCallback(em, order);
        res.status(200).json({ paid: true, tradeNo: entry.tradeNo, callbackDelivered: false });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        res.status(409).json({ paid: false, error: error.message });
      }
      return;
    }
    const config = await em.findOneOrFail(UpstreamConfig, { pzid: order.upstreamConfig.pzid });
    const tradeNo = sandboxTradeNo();
    const notification = sandboxNotification(config.adapter, runtime.sandboxKeys, order, tradeNo, new Date());
    const callbackUrl = `${runtime.publicUrl}/callbacks/${config.pzid}`;
    try {
      const answer = await fetch(callbackUrl, {
        method: 'POST',
        headers: { 'content-type': notification.contentType },
        body: notification.body,
        signal: AbortSignal.timeout(10_000),
      });
      const text = await answer.text();
      const accepted = answer.ok && (text === 'success' || text.includes('SUCCESS'));
      if (req.accepts(['json', 'html']) === 'html') {
        res.redirect(303, order.returnUrl);
        return;
      }
      res
        .status(accepted ? 200 : 502)
        .json({ paid: accepted, tradeNo, callbackStatus: answer.status, returnUrl: order.returnUrl });
    } catch (error) {
      logger().error({ err: error }, 'sandbox callback failed');
      res.status(502).json({ paid: false, error: 'callback failed' });
    }
  });

  // A refund made on the channel's side, which the platform is not told about.
  router.post('/sandbox/refund/:platformOrderNo', async (req, res) => {
    const em = runtime.orm.em.fork();
    const order = await em.findOne(Order, { platformOrderNo: String(req.params.platformOrderNo) });
    if (!order) {
      res.status(404).json({ refunded: false, error: 'order not found' });
      return;
    }
    try {
      const entry = await refundAtChannel(em, order);
      res.status(200).json({ refunded: true, tradeNo: entry.tradeNo, amount: formatFen(entry.amount) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      res.status(409).json({ refunded: false, error: error.message });
    }
  });

  // The sandbox channel's daily statement (a China day), in the real WeChat/Alipay bill format.
  router.get('/sandbox/statements/:kind/:date', async (req, res) => {
    const kind = String(req.params.kind);
    const dayStart = chinaDayStart(String(req.params.date));
    if ((kind !== 'wechat' && kind !== 'alipay') || !dayStart) {
      res.status(400).json({ error: 'use /sandbox/statements/wechat|alipay/YYYY-MM-DD' });
      return;
    }
    const file = await sandboxStatementFile(runtime.orm.em.fork(), runtime.sandboxKeys, kind, dayStart);
    res.status(200).type(file.contentType).attachment(file.fileName).send(file.body);
  });
  router.use(alipayGatewayRoutes(runtime.sandboxKeys));
  return router;
}
