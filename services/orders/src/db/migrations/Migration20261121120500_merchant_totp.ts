import { Migration } from '@mikro-orm/migrations';

/**
 * Merchants' TOTP (Google Authenticator) secrets for two-factor withdrawals, and the
 * last time step a code was accepted at, so each code works only once.
 */
export class Migration20261121120500_merchant_totp extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "merchant" add column "totp_secret" varchar(64) null`);
    this.addSql(`alter table "merchant" add column "totp_last_step" bigint null`);
  }
}
