import { z } from 'zod';
import { ACTOR_HEADER, AppError, isErrorCode, logger, signActorHeader, type Actor } from '@pay/common';
import type { LedgerClient } from './ledger.client';

export interface LedgerClientOptions {
  /** The ledger's base URL (e.g. http://127.0.0.1:4002); null: every call is DEPENDENCY_UNAVAILABLE. */
  ledgerUrl: string | null;
  /** Signs the SYSTEM actor header the ledger's internal endpoints require. */
  internalSecret: string;
  /** How long one call may take; the callers hold database locks meanwhile. */
  timeoutMs?: number;
}

const SETTLEMENT_SERVICE: Actor = { sub: 'service:settlement', role: 'SYSTEM' };

const postingAnswer = z.object({ postingId: z.string().regex(/^\d+$/), created: z.boolean() });
const collectionAnswer = z.object({
  collected: z.number().int().nonnegative(),
  postingId: z.string().regex(/^\d+$/).nullable(),
});
const refusal = z.object({ code: z.string(), message: z.string().optional() });

const unavailable = () =>
  new AppError('DEPENDENCY_UNAVAILABLE', 'the ledger did not answer; nothing may be assumed posted');

/**
 * The ledger's internal money endpoints over HTTP (`POST /internal/settlement-payouts`,
 * `/internal/prepaid-wallet/recharges`, `/internal/prepaid-wallet/collections`) as a
 * signed SYSTEM actor, each call bounded by a timeout. A refusal by the ledger (4xx with
 * a known code) keeps its code; a missing URL, no answer, a 5xx, our own credentials
 * refused (401: a deployment fault, not the user's) or a malformed answer is
 * DEPENDENCY_UNAVAILABLE.
 */
export function createLedgerClient(options: LedgerClientOptions): LedgerClient {
  const base = options.ledgerUrl?.replace(/\/+$/, '') ?? null;
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function call<T>(path: string, body: object, answer: z.ZodType<T>): Promise<T> {
    if (!base) throw new AppError('DEPENDENCY_UNAVAILABLE', 'the ledger is not configured (LEDGER_URL)');
    let status: number;
    let payload: unknown;
    try {
      const response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [ACTOR_HEADER]: signActorHeader(SETTLEMENT_SERVICE, options.internalSecret),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      payload = await response.json().catch(() => null);
    } catch (error) {
      logger().warn({ err: error, path }, 'ledger unreachable');
      throw unavailable();
    }
    if (status === 200) {
      const parsed = answer.safeParse(payload);
      if (parsed.success) return parsed.data;
      logger().error({ path, payload }, 'ledger answered in an unexpected shape');
      throw unavailable();
    }
    const refused = refusal.safeParse(payload);
    if (status >= 400 && status < 500 && status !== 401 && refused.success) {
      const { code, message } = refused.data;
      if (isErrorCode(code)) throw new AppError(code, message);
    }
    logger().warn({ path, status, payload }, 'ledger failed a call');
    throw unavailable();
  }

  return {
    async postSettlementPayout(input) {
      const { postingId } = await call('/internal/settlement-payouts', input, postingAnswer);
      return { postingId };
    },
    async postWalletRecharge(input) {
      const { postingId } = await call('/internal/prepaid-wallet/recharges', input, postingAnswer);
      return { postingId };
    },
    async collectFromWallet(input) {
      return call('/internal/prepaid-wallet/collections', input, collectionAnswer);
    },
  };
}
