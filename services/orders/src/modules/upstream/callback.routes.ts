import express, { type Router } from 'express';
import { AppError, logger } from '@pay/common';
import type { OrdersRuntime } from '../../context';
import { ChannelSignatureError } from './channel-adapter';
import { receiveChannelCallback } from './channel-callback';
import { createChannelAdapters } from './channel-adapters';
import { UpstreamConfig } from './upstream-config.entity';

/**
 * `POST /callbacks/:pzid` — where channels (and the sandbox) post payment results.
 * The upstream config decides the adapter; the adapter verifies the signature; the
 * order service applies the payment idempotently; the channel gets the answer it expects.
 */
export function callbackRoutes(runtime: OrdersRuntime): Router {
  const adapters = createChannelAdapters(runtime.sandboxKeys);
  const router = express.Router();
  router.post('/callbacks/:pzid', express.text({ type: () => true, limit: '64kb' }), async (req, res) => {
    const pzid = Number(req.params.pzid);
    const em = runtime.orm.em.fork();
    const config = Number.isInteger(pzid) ? await em.findOne(UpstreamConfig, { pzid }) : null;
    if (!config) {
      res.status(404).type('text/plain').send('unknown upstream config');
      return;
    }
    const adapter = adapters[config.adapter];
    const rawBody = typeof req.body === 'string' ? req.body : '';
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]),
    );
    try {
      const { platformOrderNo, outcome } = await receiveChannelCallback(em, adapter, { headers, rawBody });
      logger().info({ pzid, platformOrderNo, outcome }, 'channel callback applied');
      if (outcome === 'PAID') runtime.relay.nudge();
      const ack = adapter.acknowledge(true);
      res.status(ack.status).type(ack.contentType).send(ack.body);
    } catch (error) {
      const reason =
        error instanceof ChannelSignatureError || error instanceof AppError
          ? error.message
          : 'internal error';
      if (!(error instanceof ChannelSignatureError || error instanceof AppError))
        logger().error({ err: error }, 'callback failed');
      else logger().warn({ pzid, reason }, 'channel callback refused');
      const ack = adapter.acknowledge(false);
      res
        .status(ack.status === 200 ? 400 : ack.status)
        .type(ack.contentType)
        .send(ack.body);
    }
  });
  return router;
}
