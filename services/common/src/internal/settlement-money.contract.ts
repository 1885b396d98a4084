import { z } from 'zod';
import { MAX_FEN } from '../money';
import type { InternalContract } from './internal-client';

// The ledger's money endpoints for the settlement service: one schema per request and
// answer, validated by the sender before it sends and by the ledger when it receives.

/** A caller's id that becomes part of an idempotency key and the posting's order number (100 characters at most). */
const reference = z.string().min(1).max(100).regex(/^\S+$/, 'must not contain spaces');
const merchantId = z.number().int().positive().max(2_147_483_647);
/** Whole fen within what the ledger represents exactly. */
const fen = z.number().int().min(-MAX_FEN).max(MAX_FEN);
/** Who caused the movement (an operator's name, `auto`, a service): recorded on the posting. */
const actor = z.string().trim().min(1).max(200);
/** Posting ids are bigints: decimal text, like the graph's `ID`. */
const postingId = z.string().regex(/^\d+$/);
/** The posting made (created: true) or the one made by an earlier call with the same id. */
const postingAnswer = z.object({ postingId, created: z.boolean() });

export const RECHARGE_METHODS = ['ALIPAY', 'API'] as const;
export type RechargeMethod = (typeof RECHARGE_METHODS)[number];

/** A settlement's payout from the merchant's available balance, once per settlement code. */
export const settlementPayoutContract = {
  path: '/internal/settlement-payouts',
  request: z.object({ settlementCode: reference, merchantId, amount: fen.positive(), actor }),
  answer: postingAnswer,
} satisfies InternalContract;

/** A recharge (or API correction) of the prepaid fee wallet, once per recharge id. */
export const walletRechargeContract = {
  path: '/internal/prepaid-wallet/recharges',
  request: z.object({
    rechargeId: reference,
    merchantId,
    amount: fen.refine((v) => v !== 0, 'must not be zero'),
    method: z.enum(RECHARGE_METHODS),
    actor,
  }),
  answer: postingAnswer,
} satisfies InternalContract;

/** A bill collected from the wallet as far as it reaches, once per collection id. */
export const walletCollectionContract = {
  path: '/internal/prepaid-wallet/collections',
  request: z.object({
    collectionId: reference,
    merchantId,
    maxAmount: fen.positive(),
    description: z.string().trim().min(1).max(300),
    actor,
  }),
  answer: z.object({ collected: z.number().int().nonnegative(), postingId: postingId.nullable() }),
} satisfies InternalContract;

export type SettlementPayoutCommand = z.infer<typeof settlementPayoutContract.request>;
export type WalletRechargeCommand = z.infer<typeof walletRechargeContract.request>;
export type WalletCollectionCommand = z.infer<typeof walletCollectionContract.request>;
