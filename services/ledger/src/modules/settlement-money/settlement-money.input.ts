import { z } from 'zod';
import { MAX_FEN } from '@pay/common';

/** A caller's id that becomes part of an idempotency key and the posting's order number (100 characters at most). */
const reference = z.string().min(1).max(100).regex(/^\S+$/, 'must not contain spaces');
const merchantId = z.number().int().positive().max(2_147_483_647);
/** Whole fen within what the ledger represents exactly. */
const fen = z.number().int().min(-MAX_FEN).max(MAX_FEN);
/** Who caused the movement (an operator's name, `auto`, a service): recorded on the posting. */
const actor = z.string().trim().min(1).max(200);

export const settlementPayoutSchema = z.object({
  settlementCode: reference,
  merchantId,
  amount: fen.positive(),
  actor,
});
export type SettlementPayoutCommand = z.infer<typeof settlementPayoutSchema>;

export const RECHARGE_METHODS = ['ALIPAY', 'API'] as const;
export type RechargeMethod = (typeof RECHARGE_METHODS)[number];

export const walletRechargeSchema = z.object({
  rechargeId: reference,
  merchantId,
  amount: fen.refine((v) => v !== 0, 'must not be zero'),
  method: z.enum(RECHARGE_METHODS),
  actor,
});
export type WalletRechargeCommand = z.infer<typeof walletRechargeSchema>;

export const walletCollectionSchema = z.object({
  collectionId: reference,
  merchantId,
  maxAmount: fen.positive(),
  description: z.string().trim().min(1).max(300),
  actor,
});
export type WalletCollectionCommand = z.infer<typeof walletCollectionSchema>;
