import express from 'express';
import { listen, type Listening } from '../http/service-app';
import { metricsRegistry } from './metrics';

/** Where a process serves `/metrics`: an internal listener, apart from its public port. */
export interface MetricsListenConfig {
  /** 0 for any free port. */
  port: number;
  /** 127.0.0.1 by default (METRICS_HOST): only the machine itself, or a scraper on a private network. */
  host: string;
}

/**
 * Serves this process's metrics registry at `/metrics` on a listener of its own, so the
 * public ports (the gateway's, and the subgraphs' that payers and channels reach) never
 * expose them. Everything else answers 404.
 */
export async function startMetricsServer(config: MetricsListenConfig): Promise<Listening> {
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', async (_req, res) => {
    res.setHeader('content-type', metricsRegistry.contentType);
    res.send(await metricsRegistry.metrics());
  });
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  return listen(app, config.port, config.host);
}
