// First: tracing (when the OTEL_* variables ask for it) must patch http, express and pg before they load.
import '@pay/common/dist/tracing/register';
import 'reflect-metadata';
import {
  configureLogger,
  loadConfigOrExit,
  logger,
  startMetricsServer,
  stopOnSignals,
  stopTracing,
} from '@pay/common';
import { loadGatewayConfig } from './config';
import { createGatewayServer } from './server';

/** Process entry: config → gateway → listen (and the internal metrics listener) → graceful stop. */
async function main(): Promise<void> {
  const config = loadConfigOrExit(() => loadGatewayConfig());
  configureLogger({ service: 'gateway', level: config.logLevel });
  const server = await createGatewayServer(config);
  const listening = await server.start();
  logger().info({ url: `${listening.url}/graphql` }, 'gateway listening');
  // /metrics only on the internal listener: the public port answers it like any unknown path.
  const metrics = await startMetricsServer(config.metrics);
  logger().info({ url: `${metrics.url}/metrics` }, 'metrics listening (internal)');
  stopOnSignals([() => server.stop(), () => metrics.close(), () => stopTracing()]);
}

main().catch((error: unknown) => {
  logger().fatal({ err: error }, 'gateway failed to start');
  process.exit(1);
});
