import { logger } from '../logging/logger';

/**
 * Runs `steps` in order on SIGINT/SIGTERM (once), then exits: what every service entry
 * point needs for a graceful stop. A step that fails is logged and the rest still run.
 */
export function stopOnSignals(steps: (() => Promise<unknown>)[]): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger().info({ signal }, 'stopping');
    let code = 0;
    for (const step of steps) {
      await step().catch((error: unknown) => {
        code = 1;
        logger().error({ err: error }, 'error while stopping');
      });
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
