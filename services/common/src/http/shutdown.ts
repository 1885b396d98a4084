import { logger } from '../logging/logger';

/** A stop that takes longer than this is cut short: nobody may be left to SIGKILL the process. */
const STOP_DEADLINE_MS = 10_000;

/**
 * Runs `steps` in order on SIGINT/SIGTERM (once), then exits: what every service entry
 * point needs for a graceful stop. A step that fails is logged and the rest still run.
 *
 * A process started with an IPC channel (as `npm start` starts every service) also stops
 * when the channel closes: its parent is gone, however it ended (even SIGKILL), and an
 * orphaned service would keep its port and database connections forever.
 */
export function stopOnSignals(steps: (() => Promise<unknown>)[]): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger().info({ signal }, 'stopping');
    setTimeout(() => {
      logger().error({ signal, deadlineMs: STOP_DEADLINE_MS }, 'graceful stop took too long; exiting');
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
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
  if (process.send) {
    if (!process.connected) void stop('disconnect');
    else process.on('disconnect', () => void stop('disconnect'));
  }
}
