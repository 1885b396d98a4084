import { ACTOR_HEADER, requestIdHeader, signActorHeader, type Actor } from '@pay/common';

export interface VoucherClientOptions {
  /** The settlement service's base URL (no /graphql). */
  settlementUrl: string;
  internalSecret: string;
  /** How long the settlement service may take to start answering. */
  timeoutMs?: number;
}

/**
 * Opens a stored voucher at the settlement service (`GET /internal/vouchers/:sha256`) as
 * `actor`, who the service decides may see it or not; resolves with its answer once it
 * starts (the body still to stream). Gives up when the service does not start answering
 * within the deadline, and when `cancelled` fires (the caller went away). A stream, so not
 * the JSON internal client; the same signed actor, request id and deadline.
 */
export async function openVoucher(
  options: VoucherClientOptions,
  actor: Actor,
  sha256: string,
  cancelled: AbortSignal,
): Promise<globalThis.Response> {
  // The deadline covers the start of the answer only: a large file streams for as long as it takes.
  const started = new AbortController();
  const timer = setTimeout(() => started.abort(), options.timeoutMs ?? 10_000);
  try {
    return await fetch(`${options.settlementUrl}/internal/vouchers/${sha256.toLowerCase()}`, {
      headers: { [ACTOR_HEADER]: signActorHeader(actor, options.internalSecret), ...requestIdHeader() },
      signal: AbortSignal.any([started.signal, cancelled]),
    });
  } finally {
    clearTimeout(timer);
  }
}
