/**
 * Tracing's stop hook, apart from the SDK so that importing @pay/common never loads it:
 * `startTracing` registers how to flush and stop; a graceful stop calls `stopTracing`.
 */
let stopper: (() => Promise<void>) | null = null;

export function onTracingStop(stop: () => Promise<void>): void {
  stopper = stop;
}

/** Flushes the spans not yet exported and stops tracing (nothing when it is off). */
export async function stopTracing(): Promise<void> {
  const stop = stopper;
  stopper = null;
  await stop?.().catch(() => undefined);
}
