import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  dataOf,
  errorCodes,
  eventually,
  formatChinaDate,
  formatFen,
  parseYuan,
  signAlipayNotification,
} from '@pay/common';
import { unfreezeMerchant } from '@pay/ledger';
import { givenStatement } from '../services/reconciliation/test/support/recon-fixtures';
import { ACTORS, startPlatform, type Platform } from './support/platform';

const FIXTURES = join(__dirname, '..', 'services', 'settlement', 'test', 'fixtures');
const MERCHANT = ACTORS.merchant.merchantId;

/** Rows of another service's schema, read as the test's own check (never by the code under test). */
async function rows<T>(platform: Platform, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await platform.ledgerOrm.em.fork().getConnection().execute(sql, params)) as T[];
}

/** A GraphQL multipart request through the gateway: one file for `variables.input.voucher`. */
async function uploadVoucher(
  platform: Platform,
  input: { code: string; person: string; remark?: string },
  file: { bytes: Buffer; name: string; type: string },
): Promise<{ status: number; body: { data?: unknown; errors?: { extensions?: { code?: string } }[] } }> {
  const form = new FormData();
  form.set(
    'operations',
    JSON.stringify({
      query: `mutation ($input: SettleSettlementInput!) { settleSettlement(input: $input) {
        code state stateCode person remark settlementTime voucher { sha256 url contentType size fileName } } }`,
      variables: { input: { ...input, voucher: null } },
    }),
  );
  form.set('map', JSON.stringify({ 0: ['variables.input.voucher'] }));
  form.set('0', new Blob([file.bytes], { type: file.type }), file.name);
  const response = await fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${platform.token(ACTORS.operator)}`,
      'apollo-require-preflight': 'true',
    },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as never };
}

describe('settling reconciled orders through the gateway: run → voucher upload → ledger payout, once', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform.close();
  });

  it('settles only the reconciled orders, pays the settlement out once, and serves its voucher to those allowed', async () => {
    // A daily settlement account for the merchant (operators only).
    const createAccount = `mutation ($input: CreateSettlementAccountInput!) {
      createSettlementAccount(input: $input) { code merchantName methodCode periodCode accountNo } }`;
    const accountInput = {
      merchantId: MERCHANT,
      method: 'ALIPAY',
      accountName: 'jl888 结算',
      accountNo: 'settle-2024164@example.com',
      period: 'DAILY',
    };
    expect(errorCodes(await platform.gql(createAccount, { input: accountInput }, ACTORS.merchant))).toEqual([
      'FORBIDDEN',
    ]);
    const account = dataOf(
      await platform.gql<{ createSettlementAccount: Record<string, unknown> }>(createAccount, {
        input: accountInput,
      }),
    ).createSettlementAccount;
    expect(account).toMatchObject({ methodCode: 3, periodCode: 1, accountNo: accountInput.accountNo });

    // Three orders paid at the sandbox channel.
    const orders: { no: string; income: number; amount: number }[] = [];
    for (const amount of ['30.00', '45.50', '12.00']) {
      const created = dataOf(
        await platform.gql<{
          createOrder: { paymentUrl: string; order: { platformOrderNo: string; merchantIncome: string } };
        }>(
          `mutation ($amount: String!) { createOrder(input: { amount: $amount, channelCode: "zfbwthf", notifyUrl: "http://127.0.0.1:9/n" }) {
            paymentUrl order { platformOrderNo merchantIncome } } }`,
          { amount },
          ACTORS.merchant,
        ),
      ).createOrder;
      expect((await fetch(created.paymentUrl, { method: 'POST' })).status).toBe(200);
      orders.push({
        no: created.order.platformOrderNo,
        income: parseYuan(created.order.merchantIncome),
        amount: parseYuan(amount),
      });
    }
    const paidAt = await eventually(async () => {
      const copies = (await platform.reconciliationOrm.em
        .fork()
        .getConnection()
        .execute(
          `select paid_at from payment where platform_order_no = any(?::text[]) and paid_at is not null`,
          [`{${orders.map((o) => o.no).join(',')}}`],
        )) as { paid_at: Date }[];
      return copies.length === 3 ? new Date(copies[0]!.paid_at) : undefined;
    }, 'the paid orders in reconciliation');

    // The channel's statement lists the first two; the third stays unreconciled and must wait.
    await givenStatement(platform.reconciliationOrm.em.fork(), {
      source: 'sandbox-alipay',
      billDate: formatChinaDate(paidAt),
      lines: orders.slice(0, 2).map((o) => ({ tradeTime: paidAt, platformOrderNo: o.no, amount: o.amount })),
    });
    dataOf(
      await platform.gql(
        `mutation ($input: StartReconciliationRunInput!) { startReconciliationRun(input: $input) { code } }`,
        {
          input: {
            source: 'sandbox-alipay',
            periodStart: new Date(paidAt.getTime() - 3600_000).toISOString(),
            periodEnd: new Date(paidAt.getTime() + 30 * 60_000).toISOString(),
          },
        },
      ),
    );

    const run = `mutation ($input: RunSettlementsInput) { runSettlements(input: $input) { settlementsCreated ordersSettled total } }`;
    expect(errorCodes(await platform.gql(run, { input: { merchantId: MERCHANT } }, ACTORS.merchant))).toEqual(
      ['FORBIDDEN'],
    );
    const result = dataOf(
      await platform.gql<{
        runSettlements: { settlementsCreated: number; ordersSettled: number; total: string };
      }>(run, { input: { merchantId: MERCHANT } }),
    ).runSettlements;
    const expectedTotal = orders[0]!.income + orders[1]!.income;
    expect(result).toEqual({ settlementsCreated: 1, ordersSettled: 2, total: formatFen(expectedTotal) });
    // Again: nothing is settled twice.
    expect(
      dataOf(
        await platform.gql<{ runSettlements: { ordersSettled: number } }>(run, {
          input: { merchantId: MERCHANT },
        }),
      ).runSettlements.ordersSettled,
    ).toBe(0);

    const list = `query ($filter: SettlementFilter) { settlements(filter: $filter) { totalCount nodes {
      code orderCount total state stateCode person voucher { url } } } }`;
    const pending = dataOf(
      await platform.gql<{
        settlements: {
          totalCount: number;
          nodes: { code: string; orderCount: number; total: string; stateCode: number }[];
        };
      }>(list, { filter: { merchantId: MERCHANT, state: 'PENDING' } }, ACTORS.merchant),
    ).settlements;
    expect(pending.totalCount).toBe(1);
    const settlement = pending.nodes[0]!;
    expect(settlement).toMatchObject({ orderCount: 2, total: formatFen(expectedTotal), stateCode: 1 });

    // The orders' income is frozen until the next day (T+1); let the ledger's clock get there.
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    await unfreezeMerchant(platform.ledgerOrm.em.fork(), MERCHANT, tomorrow);

    // A voucher that is not an image or PDF, and one too large, are refused before anything changes.
    const notImage = await uploadVoucher(
      platform,
      { code: settlement.code, person: '财务小王' },
      { bytes: readFileSync(join(FIXTURES, 'not-an-image.png')), name: 'voucher.png', type: 'image/png' },
    );
    expect(notImage.status).toBe(400);
    expect(notImage.body.errors?.[0]?.extensions?.code).toBe('VOUCHER_INVALID');
    const png = readFileSync(join(FIXTURES, 'voucher.png'));
    const huge = await uploadVoucher(
      platform,
      { code: settlement.code, person: '财务小王' },
      { bytes: Buffer.concat([png, Buffer.alloc(6 * 1024 * 1024)]), name: 'big.png', type: 'image/png' },
    );
    expect(huge.status).toBe(413);
    const payouts = () =>
      rows<{ id: string }>(platform, `select id from posting where unique_no = ?`, [
        `stl_${settlement.code}`,
      ]);
    expect(await payouts()).toHaveLength(0);

    // The real voucher settles it and posts the payout.
    const settled = await uploadVoucher(
      platform,
      { code: settlement.code, person: '财务小王', remark: '已打款' },
      { bytes: png, name: '凭证.png', type: 'image/png' },
    );
    expect(settled.status).toBe(200);
    const body = settled.body.data as {
      settleSettlement: {
        state: string;
        stateCode: number;
        person: string;
        voucher: { url: string; contentType: string };
      };
    };
    expect(body.settleSettlement).toMatchObject({ state: 'SETTLED', stateCode: 2, person: '财务小王' });
    expect(body.settleSettlement.voucher.contentType).toBe('image/png');
    const [payout] = await payouts();
    expect(payout).toBeDefined();
    const legs = await rows<{ amount: string }>(
      platform,
      `select amount from leg where posting_id = ? and amount < 0`,
      [payout!.id],
    );
    expect(legs.map((l) => Number(l.amount))).toEqual([-expectedTotal]);

    // A second upload for the same record changes nothing.
    const again = await uploadVoucher(
      platform,
      { code: settlement.code, person: '财务小王' },
      { bytes: readFileSync(join(FIXTURES, 'voucher.pdf')), name: 'again.pdf', type: 'application/pdf' },
    );
    expect(again.body.errors?.[0]?.extensions?.code).toBe('ALREADY_SETTLED');
    expect(await payouts()).toHaveLength(1);

    // The voucher is served by an authenticated URL: operators and the merchant itself only.
    const url = new URL(body.settleSettlement.voucher.url, platform.gatewayUrl).toString();
    const download = (actor: (typeof ACTORS)[keyof typeof ACTORS] | null) =>
      fetch(url, actor ? { headers: { authorization: `Bearer ${platform.token(actor)}` } } : {});
    const asOperator = await download(ACTORS.operator);
    expect(asOperator.status).toBe(200);
    expect(Buffer.from(await asOperator.arrayBuffer()).equals(png)).toBe(true);
    expect((await download(ACTORS.merchant)).status).toBe(200);
    expect((await download(ACTORS.otherMerchant)).status).toBe(404);
    expect((await download(null)).status).toBe(401);
  });
});

describe('billing a merchant through the gateway: bill → wallet collection → recharges pay off what is left', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform.close();
  });

  const SUMMARY = `query ($id: Int!) { billingSummary(merchantId: $id) { totalLeft thisMonthLeft bills {
    billMonth orderCount salesTotal receivable received left groupIndex } } }`;
  type Summary = {
    billingSummary: {
      totalLeft: string;
      thisMonthLeft: string;
      bills: {
        billMonth: string;
        orderCount: number;
        salesTotal: string;
        receivable: string;
        received: string;
        left: string;
      }[];
    };
  };
  const prepaid = async () =>
    dataOf(
      await platform.gql<{ merchant: { prepaidBalance: string } }>(
        `query { merchant { prepaidBalance } }`,
        {},
        ACTORS.merchant,
      ),
    ).merchant.prepaidBalance;

  it('issues last month’s bill, collects what the wallet holds, and lets API and Alipay recharges pay off the rest', async () => {
    dataOf(
      await platform.gql(
        `mutation ($input: SetMerchantBillingTermsInput!) { setMerchantBillingTerms(input: $input) { ratePpm } }`,
        { input: { merchantId: MERCHANT, rate: '6', salesName: '张楠' } },
      ),
    );
    // Last month's paid orders, as reconciliation's copy holds them (fixture rows).
    const now = new Date();
    const thisMonth = formatChinaDate(now).slice(0, 7);
    const [y, m] = thisMonth.split('-').map(Number) as [number, number];
    const lastMonth = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    await platform.reconciliationOrm.em
      .fork()
      .getConnection()
      .execute(
        `insert into payment (platform_order_no, merchant_id, merchant_name, merchant_order_no, channel_code, pay_type,
           amount, fee, status, status_code, admin_status_code, created_at, paid_at, seq)
         values ('HBILL0000000000001', ?, 'jl888', 'b1', 'zfbwthf', 'alipay', 10000, 1150, 'PAID', 1, 2, ?::timestamptz, ?::timestamptz, 1),
                ('HBILL0000000000002', ?, 'jl888', 'b2', 'zfbwthf', 'alipay', 5055, 581, 'PAID', 1, 2, ?::timestamptz, ?::timestamptz, 2)`,
        [
          MERCHANT,
          `${lastMonth}-10T12:00:00+08:00`,
          `${lastMonth}-10T12:00:00+08:00`,
          MERCHANT,
          `${lastMonth}-20T12:00:00+08:00`,
          `${lastMonth}-20T12:00:00+08:00`,
        ],
      );

    const issue = `mutation ($input: IssueMonthlyBillsInput!) { issueMonthlyBills(input: $input) { issuedCount } }`;
    expect(
      errorCodes(
        await platform.gql(issue, { input: { month: lastMonth, merchantId: MERCHANT } }, ACTORS.merchant),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      dataOf(
        await platform.gql<{ issueMonthlyBills: { issuedCount: number } }>(issue, {
          input: { month: lastMonth, merchantId: MERCHANT },
        }),
      ).issueMonthlyBills.issuedCount,
    ).toBe(1);
    // 150.55 at 6 % = 9.033 → 9.03; the wallet is empty, so nothing is collected yet.
    let summary = dataOf(
      await platform.gql<Summary>(SUMMARY, { id: MERCHANT }, ACTORS.merchant),
    ).billingSummary;
    expect(summary.bills).toEqual([
      {
        billMonth: `${lastMonth}-01`,
        orderCount: 2,
        salesTotal: '150.55',
        receivable: '9.03',
        received: '0.00',
        left: '9.03',
        groupIndex: `${lastMonth}_${MERCHANT}`,
      },
    ]);
    expect(summary.totalLeft).toBe('9.03');

    // API recharge: allow-listed callers only, within -1000 … 10000 yuan.
    const recharge = `mutation ($input: ApiRechargeWalletInput!) { apiRechargeWallet(input: $input) { id state amount } }`;
    const fromElsewhere = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${platform.token(ACTORS.operator)}`,
        'x-forwarded-for': '203.0.113.9',
      },
      body: JSON.stringify({
        query: recharge,
        variables: { input: { merchantId: MERCHANT, amount: '5.00' } },
      }),
    });
    expect(errorCodes({ body: (await fromElsewhere.json()) as never })).toEqual(['IP_NOT_ALLOWED']);
    expect(
      errorCodes(await platform.gql(recharge, { input: { merchantId: MERCHANT, amount: '10000.01' } })),
    ).toEqual(['RECHARGE_AMOUNT_OUT_OF_RANGE']);
    expect(await prepaid()).toBe('0.00');

    const api = dataOf(
      await platform.gql<{ apiRechargeWallet: { id: string; state: string; amount: string } }>(recharge, {
        input: { merchantId: MERCHANT, amount: '5.00', requestId: 'e2e-1' },
      }),
    ).apiRechargeWallet;
    expect(api).toMatchObject({ state: 'PAID', amount: '5.00' });
    summary = dataOf(await platform.gql<Summary>(SUMMARY, { id: MERCHANT }, ACTORS.merchant)).billingSummary;
    expect(summary.bills[0]).toMatchObject({ received: '5.00', left: '4.03' });
    expect(await prepaid()).toBe('0.00');

    // Alipay recharge: a signed wap.pay link the sandbox channel pays locally.
    const link = dataOf(
      await platform.gql<{ createWalletRecharge: { id: string; payUrl: string } }>(
        `mutation ($input: CreateWalletRechargeInput!) { createWalletRecharge(input: $input) { id payUrl } }`,
        { input: { merchantId: MERCHANT, amount: '10.00' } },
        ACTORS.merchant,
      ),
    ).createWalletRecharge;
    const payUrl = new URL(link.payUrl);
    expect(payUrl.searchParams.get('method')).toBe('alipay.trade.wap.pay');
    expect(payUrl.searchParams.get('sign_type')).toBe('RSA2');
    const page = await fetch(payUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('10.00');

    // A forged notification for it is refused and credits nothing.
    const forged = signAlipayNotification(
      {
        app_id: platform.alipayAppId,
        out_trade_no: JSON.parse(payUrl.searchParams.get('biz_content')!).out_trade_no,
        total_amount: '10.00',
        trade_status: 'TRADE_SUCCESS',
        trade_no: '2099FORGED',
      },
      (await import('node:crypto')).generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
    );
    const refused = await fetch(`${platform.settlementUrl}/notify/alipay/wallet-recharge`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(forged).toString(),
    });
    expect(await refused.text()).toBe('failure');
    expect(await prepaid()).toBe('0.00');

    const paid = await fetch(new URL('/sandbox/alipay/gateway.do/pay', payUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request: payUrl.search.slice(1) }).toString(),
    });
    expect(paid.status).toBe(200);

    // The 10.00 pays off the 4.03 left; 5.97 stays in the wallet.
    summary = dataOf(await platform.gql<Summary>(SUMMARY, { id: MERCHANT }, ACTORS.merchant)).billingSummary;
    expect(summary.bills[0]).toMatchObject({ received: '9.03', left: '0.00' });
    expect(summary.totalLeft).toBe('0.00');
    expect(await prepaid()).toBe('5.97');

    const receipts = dataOf(
      await platform.gql<{ billReceipts: { amount: string; methodText: string }[] }>(
        `query ($id: Int!) { billReceipts(merchantId: $id) { amount methodText } }`,
        { id: MERCHANT },
        ACTORS.merchant,
      ),
    ).billReceipts;
    expect(receipts).toEqual([
      { amount: '5.00', methodText: 'API充值' },
      { amount: '10.00', methodText: '支付宝自助充值' },
    ]);
    // Another merchant sees none of it.
    expect(errorCodes(await platform.gql(SUMMARY, { id: MERCHANT }, ACTORS.otherMerchant))).toEqual([
      'FORBIDDEN',
    ]);
  });
});
