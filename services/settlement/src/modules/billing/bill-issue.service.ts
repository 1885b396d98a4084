import { AppError, logger } from '@pay/common';
import type { SettlementRuntime } from '../../context';
import { parseBillMonth, type BillMonth } from './bill-month';
import { query } from './billing-sql';
import { DEFAULT_PAY_REMARK } from './merchant-billing.entity';
import { MerchantBill } from './merchant-bill.entity';
import { collectFromWallet } from './wallet-collection.service';

export type BillingRuntime = Pick<SettlementRuntime, 'orm' | 'config' | 'ledger'>;

export interface IssueMonthlyBillsCommand {
  /** "YYYY-MM" */
  month: string;
  /** Only this merchant (else every merchant with terms or paid orders in the month). */
  merchantId?: number | null;
  /** `auto` (the monthly job) or the operator. */
  person: string;
  now?: Date;
}

export interface IssueMonthlyBillsResult {
  month: BillMonth;
  /** Bills this call issued (a month already billed issues nothing), as collected. */
  bills: MerchantBill[];
  /** Merchants whose collection failed; their pending collections are re-driven. */
  failedCollections: number[];
}

/** How many merchants' collections run at once after issuing. */
const COLLECTION_CONCURRENCY = 4;

/**
 * Issues the month's bills in one statement from the reconciliation service's published
 * paid orders: per merchant, the merchant-visible paid orders (status_code 1) paid within
 * the month in China time, their total, and the fee at the merchant's rate — computed in
 * integers exactly as `applyRate` does: floor((total × ppm + 500000) / 1000000), rounded
 * once on the month's total. Merchants with billing terms but no orders get a zero bill.
 * A month is billed once (`on conflict do nothing`), so issuing again changes nothing.
 *
 * Then each bill with something left that no bill collection has tried yet is collected
 * from the prepaid wallet — also the bills of an earlier call whose collection failed,
 * so running the issue again finishes its work.
 */
export async function issueMonthlyBills(
  runtime: BillingRuntime,
  command: IssueMonthlyBillsCommand,
): Promise<IssueMonthlyBillsResult> {
  const month = parseBillMonth(command.month);
  const now = command.now ?? new Date();
  if (month.end.getTime() > now.getTime())
    throw new AppError(
      'BAD_USER_INPUT',
      `${month.text} is not over yet: a month is billed once it has ended`,
      {
        argument: 'month',
      },
    );
  const merchantId = command.merchantId ?? null;
  const em = runtime.orm.em.fork();
  const payments = `"${runtime.config.views.paymentsSchema}"."settlement_payment_v1"`;
  const issued = await query<{ id: string }>(
    em,
    `with sales as (
       select p.merchant_id, count(*)::int as order_count, sum(p.amount)::bigint as sales_total
       from ${payments} p
       where p.status_code = 1 and p.paid_at >= ?::timestamptz and p.paid_at < ?::timestamptz
         and (?::int is null or p.merchant_id = ?::int)
       group by p.merchant_id
     ),
     billed as (
       select merchant_id from sales
       union
       select merchant_id from merchant_billing where ?::int is null or merchant_id = ?::int
     ),
     figures as (
       select b.merchant_id,
              coalesce(s.order_count, 0) as order_count,
              coalesce(s.sales_total, 0) as sales_total,
              coalesce(t.rate_ppm, ?::int) as rate_ppm,
              coalesce(t.pay_remark, ?) as pay_remark
       from billed b
       left join sales s on s.merchant_id = b.merchant_id
       left join merchant_billing t on t.merchant_id = b.merchant_id
     )
     insert into merchant_bill
       (merchant_id, bill_month, order_count, sales_total, rate_ppm, receivable, pay_remark, issued_by)
     select merchant_id, ?::date, order_count, sales_total, rate_ppm,
            div(sales_total::numeric * rate_ppm + 500000, 1000000)::bigint, pay_remark, ?
     from figures
     order by merchant_id
     on conflict on constraint merchant_bill_month_unique do nothing
     returning id`,
    [
      month.start.toISOString(),
      month.end.toISOString(),
      merchantId,
      merchantId,
      merchantId,
      merchantId,
      runtime.config.billingDefaultRatePpm,
      DEFAULT_PAY_REMARK,
      month.firstDay,
      command.person,
    ],
  );
  const uncollected = await query<{ id: string; merchant_id: number }>(
    em,
    `select b.id, b.merchant_id from merchant_bill b
     where b.bill_month = ?::date and (?::int is null or b.merchant_id = ?::int)
       and b.received < b.receivable
       and not exists (select 1 from wallet_collection c where c.bill_id = b.id)
     order by b.merchant_id`,
    [month.firstDay, merchantId, merchantId],
  );
  const failedCollections = await collectAll(runtime, uncollected, command.person);
  logger().info(
    { month: month.text, merchantId, issued: issued.length, failedCollections },
    'monthly bills issued',
  );
  const ids = issued.map((r) => Number(r.id));
  const bills =
    ids.length === 0
      ? []
      : await runtime.orm.em
          .fork()
          .find(MerchantBill, { id: { $in: ids } }, { orderBy: { merchantId: 'asc' } });
  return { month, bills, failedCollections };
}

/** Collects each bill's merchant a few at a time; a failure is logged and reported, not thrown. */
async function collectAll(
  runtime: BillingRuntime,
  bills: { id: string; merchant_id: number }[],
  person: string,
): Promise<number[]> {
  const failed: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < bills.length) {
      const bill = bills[next]!;
      next += 1;
      try {
        await collectFromWallet(runtime, {
          merchantId: bill.merchant_id,
          trigger: 'BILL',
          billId: Number(bill.id),
          actor: person,
        });
      } catch (error) {
        failed.push(bill.merchant_id);
        logger().error(
          { err: error, merchantId: bill.merchant_id, billId: bill.id },
          'bill collection failed',
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(COLLECTION_CONCURRENCY, bills.length) }, worker));
  return failed.sort((a, b) => a - b);
}
