import { DemoStepError, type PlatformClient } from '../platform-client';

/**
 * Waits until the orders service's outbox has delivered everything to every consumer
 * (the ledger, reconciliation's copy, merchant notifications), read from its
 * `outbox_pending_events` metric: reconciling before the copy is complete would find
 * shortages that are not there.
 */
export async function waitForOutbox(client: PlatformClient, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  while (Date.now() < deadline) {
    const text = await client.ordersMetrics();
    const pending = [...text.matchAll(/^outbox_pending_events\{[^}]*\} (\d+)/gm)].map((m) => Number(m[1]));
    quiet = pending.length > 0 && pending.every((n) => n === 0) ? quiet + 1 : 0;
    if (quiet >= 2) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new DemoStepError('the orders outbox did not drain in time');
}
