import { registerEnumType } from 'type-graphql';

/** What an account holds money for; decides whether it is hot and may go negative (see the migration). */
export enum AccountPurpose {
  MERCHANT_AVAILABLE = 'MERCHANT_AVAILABLE',
  MERCHANT_FROZEN = 'MERCHANT_FROZEN',
  MERCHANT_PENDING_WITHDRAWAL = 'MERCHANT_PENDING_WITHDRAWAL',
  MERCHANT_PREPAID_FEE = 'MERCHANT_PREPAID_FEE',
  AGENT_COMMISSION = 'AGENT_COMMISSION',
  PLATFORM_REVENUE = 'PLATFORM_REVENUE',
  UPSTREAM_COST = 'UPSTREAM_COST',
  CHANNEL_RECEIVABLE = 'CHANNEL_RECEIVABLE',
  WITHDRAWAL_PAYOUT = 'WITHDRAWAL_PAYOUT',
  ADJUSTMENT = 'ADJUSTMENT',
  MAIN_ACCOUNT = 'MAIN_ACCOUNT',
  CHILD_ACCOUNT = 'CHILD_ACCOUNT',
  SETTLEMENT_PAYOUT = 'SETTLEMENT_PAYOUT',
  BILLING_RECHARGE = 'BILLING_RECHARGE',
}
registerEnumType(AccountPurpose, { name: 'AccountPurpose', description: 'What an account holds money for.' });

export enum OwnerType {
  MERCHANT = 'MERCHANT',
  AGENT = 'AGENT',
  PLATFORM = 'PLATFORM',
  UPSTREAM = 'UPSTREAM',
  CHANNEL = 'CHANNEL',
  MAIN_ACCOUNT = 'MAIN_ACCOUNT',
  CHILD_ACCOUNT = 'CHILD_ACCOUNT',
}
registerEnumType(OwnerType, { name: 'AccountOwnerType', description: 'Who an account belongs to.' });

/** Identifies an account without knowing its id: accounts are created on first use. */
export interface AccountRef {
  ownerType: OwnerType;
  ownerId: string;
  purpose: AccountPurpose;
}

export const merchantAccount = (merchantId: number, purpose: AccountPurpose): AccountRef => ({
  ownerType: OwnerType.MERCHANT,
  ownerId: String(merchantId),
  purpose,
});

export const PLATFORM_REVENUE: AccountRef = {
  ownerType: OwnerType.PLATFORM,
  ownerId: 'platform',
  purpose: AccountPurpose.PLATFORM_REVENUE,
};
export const WITHDRAWAL_PAYOUT: AccountRef = {
  ownerType: OwnerType.PLATFORM,
  ownerId: 'platform',
  purpose: AccountPurpose.WITHDRAWAL_PAYOUT,
};
export const ADJUSTMENT: AccountRef = {
  ownerType: OwnerType.PLATFORM,
  ownerId: 'platform',
  purpose: AccountPurpose.ADJUSTMENT,
};
/** Counterpart of settlement payouts: what periodic settlement paid out to merchants. */
export const SETTLEMENT_PAYOUT: AccountRef = {
  ownerType: OwnerType.PLATFORM,
  ownerId: 'platform',
  purpose: AccountPurpose.SETTLEMENT_PAYOUT,
};
/** Counterpart of prepaid-wallet recharges: what merchants paid into their fee wallets. */
export const BILLING_RECHARGE: AccountRef = {
  ownerType: OwnerType.PLATFORM,
  ownerId: 'platform',
  purpose: AccountPurpose.BILLING_RECHARGE,
};
export const channelReceivable = (channelCode: string): AccountRef => ({
  ownerType: OwnerType.CHANNEL,
  ownerId: channelCode,
  purpose: AccountPurpose.CHANNEL_RECEIVABLE,
});
export const upstreamCost = (pzid: number): AccountRef => ({
  ownerType: OwnerType.UPSTREAM,
  ownerId: String(pzid),
  purpose: AccountPurpose.UPSTREAM_COST,
});
export const agentCommission = (agentId: number): AccountRef => ({
  ownerType: OwnerType.AGENT,
  ownerId: String(agentId),
  purpose: AccountPurpose.AGENT_COMMISSION,
});
