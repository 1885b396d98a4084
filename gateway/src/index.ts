import 'reflect-metadata';
import { configureLogger, loadConfigOrExit, logger } from '@pay/common';
import { loadGatewayConfig } from './config';
import { createGatewayServer } from './server';

/** Process entry: config → gateway → listen → graceful stop. */
async function main(): Promise<void> {
  const config = loadConfigOrExit(() => loadGatewayConfig());
  configureLogger({ service: 'gateway', level: config.logLevel });
  const server = await createGatewayServer(config);
  const listening = await server.start();
  logger().info({ url: `${listening.url}/graphql` }, 'gateway listening');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger().info({ signal }, 'stopping');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  logger().fatal({ err: error }, 'gateway failed to start');
  process.exit(1);
});
