import { Migration } from '@mikro-orm/migrations';

/**
 * The platform's counterpart accounts of the settlement service's money movements:
 * periodic settlement payouts leave a merchant's available balance for
 * SETTLEMENT_PAYOUT, and prepaid-wallet recharges enter MERCHANT_PREPAID_FEE from
 * BILLING_RECHARGE. Both are shared by every merchant (hot, balance in slots) and hold
 * money that left or entered the platform, so they carry a debit balance (may go negative).
 */
export class Migration20261121180000_settlement_accounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`insert into "account_purpose" ("purpose", "hot", "allow_negative", "description") values
      ('SETTLEMENT_PAYOUT', true, true, 'Money paid out to merchants by periodic settlement (a debit balance)'),
      ('BILLING_RECHARGE', true, true, 'Money merchants paid into their prepaid fee wallets (a debit balance)')`);
  }
}
