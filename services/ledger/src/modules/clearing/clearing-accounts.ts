import { AccountPurpose, OwnerType, type AccountRef } from '../account/account-purpose';

/** The unshared balance of a main account. */
export const mainAccountLedger = (mainAccountId: number): AccountRef => ({
  ownerType: OwnerType.MAIN_ACCOUNT,
  ownerId: String(mainAccountId),
  purpose: AccountPurpose.MAIN_ACCOUNT,
});

/** A child account's money. */
export const childAccountLedger = (childAccountId: number): AccountRef => ({
  ownerType: OwnerType.CHILD_ACCOUNT,
  ownerId: String(childAccountId),
  purpose: AccountPurpose.CHILD_ACCOUNT,
});

/** What the channel of an incoming payment owes the platform (one receivable per pay way). */
export const clearingReceivable = (payWay: string): AccountRef => ({
  ownerType: OwnerType.CHANNEL,
  ownerId: `clearing:${payWay}`,
  purpose: AccountPurpose.CHANNEL_RECEIVABLE,
});

/** Posting keys: one posting per record, ever. */
export const POSTING_KEYS = {
  incoming: (mainAccountId: number, clientSn: string) => `clearing-in:${mainAccountId}:${clientSn}`,
  clearing: (mainAccountId: number, clientSn: string) => `clearing:${mainAccountId}:${clientSn}`,
  withdrawal: (childAccountId: number, clientSn: string) => `child-withdraw:${childAccountId}:${clientSn}`,
};
