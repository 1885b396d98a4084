import 'reflect-metadata';
import { configureLogger, loadConfigOrExit, logger, stopOnSignals } from '@pay/common';
import { loadGatewayConfig } from './config';
import { createGatewayServer } from './server';

/** Process entry: config → gateway → listen → graceful stop. */
async function main(): Promise<void> {
  const config = loadConfigOrExit(() => loadGatewayConfig());
  configureLogger({ service: 'gateway', level: config.logLevel });
  const server = await createGatewayServer(config);
  const listening = await server.start();
  logger().info({ url: `${listening.url}/graphql` }, 'gateway listening');
  stopOnSignals([() => server.stop()]);
}

main().catch((error: unknown) => {
  logger().fatal({ err: error }, 'gateway failed to start');
  process.exit(1);
});
