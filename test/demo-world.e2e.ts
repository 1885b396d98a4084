import { dataOf, eventually } from '@pay/common';
import { findingCount, formatReport, verifyLedger } from '@pay/ledger';
import { seedDemoWorld, DEMO_ACTORS } from '@pay/demo';
import { DEMO_DAYS_AGO } from '@pay/orders';
import { Secret, TOTP } from 'otpauth';
import { startPlatform, type Platform } from './support/platform';

/**
 * The world `npm start` seeds, on a fresh database: the demo days replayed through the
 * orders service and the sandbox channel, then reconciliation, resolutions, settlement,
 * billing and withdrawals driven through the gateway. Every figure must agree across
 * the services that each hold a part of it.
 */
let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform({ world: 'demo' });
}, 240_000);

afterAll(async () => {
  await platform?.close();
});

/** SQL over the one test database (every schema is reachable from any service's connection). */
async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await platform.orm.em.fork().getConnection().execute(sql, params)) as T[];
}

const CREDITED = [
  'PAID',
  'REFUND_UNDER_REVIEW',
  'REFUND_CONFIRMED',
  'REFUND_REJECTED',
  'PLATFORM_INTERVENTION',
  'INTERVENTION_APPROVED',
  'INTERVENTION_REJECTED',
];

describe('the demo world, seeded through the real code paths', () => {
  it('was seeded, with the two-factor merchant’s TOTP secret to hand out', () => {
    expect(platform.demoWorld?.seeded).toBe(true);
    expect(platform.demoWorld?.twoFactorSecret).toMatch(/^[A-Z2-7]{16,}$/);
  });

  it('leaves the ledger verification clean', async () => {
    const report = await verifyLedger(platform.ledgerOrm.em.fork());
    expect(findingCount(report)).toBe(0);
    expect(formatReport(report)).toContain('result: clean');
  });

  it('has orders of both merchants in every status, over several days', async () => {
    const statuses = await rows<{ status: string; merchants: number; days: number }>(
      `select status, count(distinct merchant_id)::int as merchants,
              count(distinct (created_at at time zone 'Asia/Shanghai')::date)::int as days
         from orders."order" group by status`,
    );
    expect(statuses.map((s) => s.status).sort()).toEqual(
      [...CREDITED, 'PENDING', 'WITHHELD', 'EXPIRED', 'REFUNDED', 'CANCELLED_BY_USER'].sort(),
    );
    const [span] = await rows<{ days: number; merchants: number; channels: number }>(
      `select count(distinct (created_at at time zone 'Asia/Shanghai')::date)::int as days,
              count(distinct merchant_id)::int as merchants, count(distinct channel_code)::int as channels
         from orders."order" where status = 'PAID'`,
    );
    expect(span!.days).toBe(DEMO_DAYS_AGO.length + 1);
    expect(span!.merchants).toBe(2);
    expect(span!.channels).toBeGreaterThanOrEqual(5);
  });

  it('credits every credited order exactly once in the ledger, and nothing else', async () => {
    const mismatches = await rows<{
      platform_order_no: string;
      status: string;
      credited: string;
      income: string;
    }>(
      `with net as (
         select p.platform_order_no, sum(l.amount) as credited
           from ledger.posting p join ledger.leg l on l.posting_id = p.id
           join ledger.account a on a.id = l.account_id
          where a.owner_type = 'MERCHANT' and a.purpose in ('MERCHANT_FROZEN', 'MERCHANT_AVAILABLE')
            and p.type in (1, 4) group by p.platform_order_no)
       select o.platform_order_no, o.status, coalesce(n.credited, 0) as credited, o.merchant_income as income
         from orders."order" o left join net n on n.platform_order_no = o.platform_order_no
        where coalesce(n.credited, 0) <> case when o.status = any(?::text[]) then o.merchant_income else 0 end`,
      [`{${CREDITED.join(',')}}`],
    );
    expect(mismatches).toEqual([]);
    const [posted] = await rows<{ orders: number }>(
      `select count(distinct platform_order_no)::int as orders from ledger.posting where type = 1`,
    );
    expect(posted!.orders).toBeGreaterThan(100);
  });

  it('has every verdict of pay-admin-api.md among the results, and reconciled orders are the matched or resolved ones', async () => {
    const issues = await rows<{ issue: number }>(
      `select distinct issue from reconciliation.reconciliation_result order by issue`,
    );
    expect(issues.map((i) => i.issue)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const unexplained = await rows<{ platform_order_no: string }>(
      `select pr.platform_order_no from reconciliation.payment_reconciliation pr
        where pr.status = 1 and not exists (
          select 1 from reconciliation.reconciliation_result r
           where r.platform_order_no = pr.platform_order_no
             and (r.issue = 4 or exists (select 1 from reconciliation.resolution s
                                          where s.result_id = r.id and s.state = 'EXECUTED')))`,
    );
    expect(unexplained).toEqual([]);
    const sources = await rows<{ source: string; days: number }>(
      `select source, count(distinct period_start)::int as days from reconciliation.reconciliation_run group by source`,
    );
    expect(sources).toEqual(
      expect.arrayContaining([
        { source: 'sandbox-wechat', days: DEMO_DAYS_AGO.length },
        { source: 'sandbox-alipay', days: DEMO_DAYS_AGO.length },
      ]),
    );
  });

  it('resolved some discrepancies, left some open, and one large resolution waits for the checker', async () => {
    const resolutions = await rows<{ action: string; state: string; requested_by: string }>(
      `select action, state, requested_by from reconciliation.resolution order by id`,
    );
    expect(
      resolutions
        .filter((r) => r.state === 'EXECUTED')
        .map((r) => r.action)
        .sort(),
    ).toEqual(['ACCEPT', 'CANCEL_ORDER', 'COMPLETE_ORDER', 'REFUND_ORDER']);
    const waiting = resolutions.filter((r) => r.state === 'PENDING_APPROVAL');
    expect(waiting).toEqual([
      { action: 'COMPLETE_ORDER', state: 'PENDING_APPROVAL', requested_by: 'demo-operator' },
    ]);
    const open = await rows<{ n: number }>(
      `select count(*)::int as n from reconciliation.reconciliation_result r
        where r.issue <> 4 and not exists (select 1 from reconciliation.resolution s where s.result_id = r.id)
          and r.issue in (0, 1, 2, 3)`,
    );
    expect(open[0]!.n).toBeGreaterThan(0);
  });

  it('pays out settled totals through the ledger, once each, and keeps a served voucher', async () => {
    const settlements = await rows<{
      code: string;
      state: number;
      total: string;
      voucher_sha256: string | null;
    }>(`select code, state, total, voucher_sha256 from settlement.settlement order by id`);
    expect(settlements.some((s) => s.state === 1)).toBe(true);
    const settled = settlements.filter((s) => s.state === 2);
    expect(settled.length).toBeGreaterThanOrEqual(1);
    const payouts = await rows<{ order_no: string; amount: string }>(
      `select p.order_no, sum(l.amount) filter (where l.amount > 0) as amount
         from ledger.posting p join ledger.leg l on l.posting_id = p.id where p.type = 12 group by p.order_no`,
    );
    expect(payouts.map((p) => [p.order_no, Number(p.amount)]).sort()).toEqual(
      settled.map((s) => [s.code, Number(s.total)]).sort(),
    );
    const sha = settled[0]!.voucher_sha256!;
    const base = platform.gatewayUrl.replace(/\/graphql$/, '');
    const served = await fetch(`${base}/files/vouchers/${sha}`, {
      headers: { authorization: `Bearer ${platform.token(DEMO_ACTORS.merchant(2024164))}` },
    });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await served.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  it('bills the past two months: received equals what the wallet collections took; one month paid, one partly', async () => {
    const bills = await rows<{ merchant_id: number; receivable: string; received: string }>(
      `select merchant_id, receivable, received from settlement.merchant_bill where merchant_id = 2024164 order by bill_month`,
    );
    expect(bills).toHaveLength(2);
    const [older, newer] = bills.map((b) => ({
      receivable: Number(b.receivable),
      received: Number(b.received),
    }));
    expect(older!.received).toBe(older!.receivable);
    expect(older!.receivable).toBeGreaterThan(0);
    expect(newer!.received).toBeGreaterThan(0);
    expect(newer!.received).toBeLessThan(newer!.receivable);
    const [totals] = await rows<{ received: string; collected: string }>(
      `select (select coalesce(sum(received), 0) from settlement.merchant_bill) as received,
              (select coalesce(-sum(l.amount), 0) from ledger.posting p join ledger.leg l on l.posting_id = p.id
                 join ledger.account a on a.id = l.account_id
                where p.type = 14 and a.purpose = 'MERCHANT_PREPAID_FEE') as collected`,
    );
    expect(Number(totals!.collected)).toBe(Number(totals!.received));
    const recharges = await rows<{ method: string; state: string }>(
      `select method, state from settlement.wallet_recharge order by id`,
    );
    expect(recharges.map((r) => r.method).sort()).toEqual(['ALIPAY', 'API']);
  });

  it('has bank cards approved and pending, withdrawals in every state, and a merchant with two-factor', async () => {
    const cards = await rows<{ approved: boolean }>(`select approved from ledger.bank_card`);
    expect(new Set(cards.map((c) => c.approved))).toEqual(new Set([true, false]));
    const states = await rows<{ status: string }>(
      `select distinct status from ledger.withdrawal order by status`,
    );
    expect(states.map((s) => s.status)).toEqual(['APPLIED', 'CANCELLED', 'FROZEN', 'PAID']);
    // The secret handed out really is the merchant's: a code made from it withdraws (the
    // next step's: the seed used this one, and a code is good once).
    const code = new TOTP({ secret: Secret.fromBase32(platform.demoWorld!.twoFactorSecret!) }).generate({
      timestamp: Date.now() + 30_000,
    });
    const withdrawal = dataOf(
      await platform.gql<{ requestWithdrawal: { withdrawal: { statusName: string } } }>(
        `mutation ($input: RequestWithdrawalInput!) { requestWithdrawal(input: $input) { withdrawal { statusName } } }`,
        { input: { amount: '10.00', totpCode: code, requestId: 'demo-world-e2e' } },
        DEMO_ACTORS.merchant(2023100),
      ),
    ).requestWithdrawal;
    expect(withdrawal.withdrawal.statusName).toBeTruthy();
  });

  it('keeps the clearing demo: incoming payments, clearings to several children, a child withdrawal', async () => {
    const [clearing] = await rows<{
      incoming: number;
      children: number;
      cleared_to: number;
      withdrawals: number;
    }>(
      `select (select count(*)::int from ledger.incoming_payment) as incoming,
              (select count(*)::int from ledger.child_account) as children,
              (select count(distinct child_account_id)::int from ledger.clearing) as cleared_to,
              (select count(*)::int from ledger.child_withdrawal) as withdrawals`,
    );
    expect(clearing!.incoming).toBeGreaterThan(0);
    expect(clearing!.cleared_to).toBeGreaterThanOrEqual(2);
    expect(clearing!.withdrawals).toBeGreaterThan(0);
  });

  it('notifies the merchants’ real receiver: delivered, and failed where the receiver is broken', async () => {
    const outcomes = await eventually(async () => {
      const found = await rows<{ broken: boolean; delivered: boolean }>(
        `select distinct callback_url like '%/broken' as broken, delivered from orders.notify_log`,
      );
      return found.length >= 2 ? found : undefined;
    }, 'first notification attempts');
    expect(outcomes).toEqual(
      expect.arrayContaining([
        { broken: false, delivered: true },
        { broken: true, delivered: false },
      ]),
    );
  });

  it('seeds nothing the second time', async () => {
    const again = await seedDemoWorld({
      platform: {
        gatewayUrl: platform.gatewayUrl.replace(/\/graphql$/, ''),
        ordersUrl: platform.ordersUrl.replace(/\/graphql$/, ''),
        token: platform.token,
      },
      daysAgo: DEMO_DAYS_AGO,
      merchantId: 2024164,
      otherMerchantId: 2023100,
    });
    expect(again).toEqual({ seeded: false, twoFactorSecret: null });
  });
});
