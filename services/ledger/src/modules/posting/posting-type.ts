import { registerEnumType } from 'type-graphql';

/**
 * Posting (money log) types. 0-3 are the merchant API's `type_code`s; the rest extend
 * them for movements the old system did not distinguish.
 */
export enum PostingType {
  ADJUSTMENT = 0,
  INCOME = 1,
  WITHDRAWAL = 2,
  COMMISSION = 3,
  REVERSAL = 4,
  UNFREEZE = 5,
  WITHDRAWAL_RETURN = 6,
  WITHDRAWAL_PAYOUT = 7,
  CLEARING_IN = 8,
  CLEARING_SHARE = 9,
  CLEARING_WITHDRAWAL = 10,
  FEE = 11,
  SETTLEMENT_PAYOUT = 12,
  WALLET_RECHARGE = 13,
  BILL_COLLECTION = 14,
}
registerEnumType(PostingType, { name: 'PostingType', description: 'Kind of money movement.' });

/** The merchant API's `type` names for `type_code`s (`recharge` is what it calls income). */
export const POSTING_TYPE_NAMES: Record<PostingType, string> = {
  [PostingType.ADJUSTMENT]: 'adjustment',
  [PostingType.INCOME]: 'recharge',
  [PostingType.WITHDRAWAL]: 'withdraw',
  [PostingType.COMMISSION]: 'commission',
  [PostingType.REVERSAL]: 'reversal',
  [PostingType.UNFREEZE]: 'unfreeze',
  [PostingType.WITHDRAWAL_RETURN]: 'withdraw_return',
  [PostingType.WITHDRAWAL_PAYOUT]: 'withdraw_payout',
  [PostingType.CLEARING_IN]: 'clearing_in',
  [PostingType.CLEARING_SHARE]: 'clearing_share',
  [PostingType.CLEARING_WITHDRAWAL]: 'clearing_withdraw',
  [PostingType.FEE]: 'fee',
  [PostingType.SETTLEMENT_PAYOUT]: 'settlement_payout',
  [PostingType.WALLET_RECHARGE]: 'wallet_recharge',
  [PostingType.BILL_COLLECTION]: 'bill_collection',
};
