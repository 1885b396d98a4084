import { Migration } from '@mikro-orm/migrations';

/**
 * A read-only view this service publishes for the settlement service's bulk work
 * (ARCHITECTURE.md, "Boundaries"): every paid order it knows with its reconciliation
 * status (1 reconciled, 2 not yet, 3 abnormal, 4 reversed, 5 doubtful). Periodic
 * settlement takes PAID orders with status 1; monthly bills count every paid order.
 * `merchant_income` is what the merchant keeps (`fee` is the channel fee plus the agent's
 * commission). Versioned: a change of shape is a new `_v2` view.
 */
export class Migration20261121180000_settlement_payment_view extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create view "settlement_payment_v1" as
      select p."platform_order_no", p."merchant_id", p."merchant_name", p."channel_code", p."pay_type",
             p."amount", p."fee", p."amount" - p."fee" as "merchant_income",
             p."status", p."status_code", p."paid_at",
             coalesce(pr."status", 2)::smallint as "reconciliation_status"
      from "payment" p
      left join "payment_reconciliation" pr on pr."platform_order_no" = p."platform_order_no"
      where p."paid_at" is not null`);
  }
}
