import { dataOf, formatChinaDate } from '@pay/common';
import { loadGatewayConfig } from '@pay/gateway';
import { ACTORS, startPlatform, type Platform } from '../support/platform';

/** crm-billing-api.md's envelope. */
type Envelope<T = Record<string, unknown>> = { msg: string; status: number; data: T | null };
type Call<T> = { status: number; body: Envelope<T>; text: string };

const MERCHANT = ACTORS.merchant.merchantId!;
const UNKNOWN_MERCHANT = 999_999;
/** An address off every allow-list; the gateway believes X-Forwarded-For from loopback (TRUST_PROXY). */
const STRANGER_IP = '203.0.113.9';

const IP_REFUSED = { msg: 'IP不在白名单内', status: 1, data: null };
const NO_MERCHANT = { msg: '商户号不存在或已停用', status: 1, data: null };

type DetailBill = {
  this_month_left_money: number;
  total_left_money: number;
  balance: number;
  detail_bill: Record<string, unknown>[];
};
type ReceivableDetail = { resp_items: Record<string, unknown>[] };

describe('CRM billing API (crm-billing-api.md) under /make_crm/api/', () => {
  let platform: Platform;
  let root: string;

  /** A legacy CRM client: GET with the query string (and the trailing slash the spec's URLs show). */
  async function crmGet<T = Record<string, unknown>>(
    name: string,
    params: Record<string, string | number>,
    options: { from?: string; slash?: boolean } = {},
  ): Promise<Call<T>> {
    const query = new URLSearchParams(
      Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]),
    ).toString();
    const response = await fetch(
      `${root}/make_crm/api/${name}${options.slash === false ? '' : '/'}?${query}`,
      {
        headers: options.from ? { 'x-forwarded-for': options.from } : {},
      },
    );
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text) as Envelope<T>, text };
  }

  /** `mch_api_recharge` as a POST form. */
  async function crmPostForm<T = Record<string, unknown>>(
    name: string,
    params: Record<string, string | number>,
    options: { from?: string } = {},
  ): Promise<Call<T>> {
    const response = await fetch(`${root}/make_crm/api/${name}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(options.from ? { 'x-forwarded-for': options.from } : {}),
      },
      body: new URLSearchParams(
        Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]),
      ).toString(),
    });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text) as Envelope<T>, text };
  }

  /** Sets merchant 2024164's own IP allow-list (test set-up in the orders schema). */
  async function merchantIpAllowList(ips: string[]): Promise<void> {
    await platform.orm.em
      .fork()
      .getConnection()
      .execute(`update "orders"."merchant" set "ip_allow_list" = ?::jsonb where "id" = ?`, [
        JSON.stringify(ips),
        MERCHANT,
      ]);
  }

  const now = new Date();
  const thisMonth = formatChinaDate(now).slice(0, 7);
  const [year, month] = thisMonth.split('-').map(Number) as [number, number];
  const lastMonth = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
  const [lastYear, lastMonthNumber] = lastMonth.split('-').map(Number) as [number, number];

  beforeAll(async () => {
    platform = await startPlatform();
    root = platform.gatewayUrl.replace(/\/graphql$/, '');
    // The world the CRM reads: billing terms with a sales person, and last month's paid
    // orders (reconciliation's copy), billed at 6 %: 150.55 → 9.03 receivable.
    dataOf(
      await platform.gql(
        `mutation ($input: SetMerchantBillingTermsInput!) { setMerchantBillingTerms(input: $input) { ratePpm } }`,
        { input: { merchantId: MERCHANT, rate: '6', salesName: '张楠' } },
      ),
    );
    await platform.reconciliationOrm.em
      .fork()
      .getConnection()
      .execute(
        `insert into payment (platform_order_no, merchant_id, merchant_name, merchant_order_no, channel_code, pay_type,
           amount, fee, status, status_code, admin_status_code, created_at, paid_at, seq)
         values ('HCRM00000000000001', ?, 'jl888', 'c1', 'zfbwthf', 'alipay', 10000, 1150, 'PAID', 1, 2, ?::timestamptz, ?::timestamptz, 1),
                ('HCRM00000000000002', ?, 'jl888', 'c2', 'zfbwthf', 'alipay', 5055, 581, 'PAID', 1, 2, ?::timestamptz, ?::timestamptz, 2)`,
        [
          MERCHANT,
          `${lastMonth}-10T12:00:00+08:00`,
          `${lastMonth}-10T12:00:00+08:00`,
          MERCHANT,
          `${lastMonth}-20T12:00:00+08:00`,
          `${lastMonth}-20T12:00:00+08:00`,
        ],
      );
  });
  afterAll(async () => {
    await platform.close();
  });

  it('get_mch_detail_bill before any bill: no bills, nothing owed, an empty wallet', async () => {
    const { status, body, text } = await crmGet<DetailBill>('get_mch_detail_bill', { mch_id: MERCHANT });
    expect(status).toBe(200);
    expect(body).toEqual({
      msg: '',
      status: 0,
      data: { this_month_left_money: 0, detail_bill: [], total_left_money: 0, balance: 0 },
    });
    // JSON numbers, not strings (the example's 0.0 renders as 0 from JS).
    expect(text).toContain('"total_left_money":0');
    expect((await crmGet<ReceivableDetail>('get_mch_receivable_detail', { mch_id: MERCHANT })).body).toEqual({
      msg: '',
      status: 0,
      data: { resp_items: [] },
    });
  });

  it('bills, API recharges (GET and POST form) and an Alipay link paid: every endpoint renders the example’s keys and types', async () => {
    const issued = dataOf(
      await platform.gql<{ issueMonthlyBills: { issuedCount: number } }>(
        `mutation ($input: IssueMonthlyBillsInput!) { issueMonthlyBills(input: $input) { issuedCount } }`,
        { input: { month: lastMonth, merchantId: MERCHANT } },
      ),
    );
    expect(issued.issueMonthlyBills.issuedCount).toBe(1);

    // mch_api_recharge, GET: 5 yuan pays part of the 9.03.
    const recharge = await crmGet<{ id: number }>('mch_api_recharge', { mch_id: MERCHANT, amount: 5 });
    expect(recharge.status).toBe(200);
    expect(recharge.body).toMatchObject({ msg: '', status: 0 });
    expect(Object.keys(recharge.body.data!)).toEqual(['id']);
    expect(Number.isInteger(recharge.body.data!.id)).toBe(true);
    expect(recharge.text).toMatch(/"data":\{"id":\d+\}/);

    let bill = await crmGet<DetailBill>('get_mch_detail_bill', { mch_id: MERCHANT }, { slash: false });
    expect(bill.body).toMatchObject({ msg: '', status: 0 });
    expect(Object.keys(bill.body.data!)).toEqual([
      'this_month_left_money',
      'detail_bill',
      'total_left_money',
      'balance',
    ]);
    // Bill month midnight, China wall clock read as UTC, as the example's 1564617600000 is 2019-08-01.
    const billTimeStamp = Date.UTC(lastYear, lastMonthNumber - 1, 1);
    expect(bill.body.data).toEqual({
      this_month_left_money: 4.03,
      detail_bill: [
        {
          pay_remark: '暂无',
          order_count: 2,
          recv_money: '5.00',
          receivable: '9.03',
          total_amount: 150.55,
          group_index: `${lastMonth}_${MERCHANT}`,
          mch_name: 'jl888',
          bill_time_stamp: billTimeStamp,
          sales_name: '张楠',
          bill_month: `${lastMonth}-01`,
          left_money: '4.03',
        },
      ],
      total_left_money: 4.03,
      balance: 0,
    });
    // Key order and JSON types exactly as the example: strings for recv_money, receivable,
    // left_money; numbers for order_count, total_amount, bill_time_stamp and the totals.
    expect(Object.keys(bill.body.data!.detail_bill[0]!)).toEqual([
      'pay_remark',
      'order_count',
      'recv_money',
      'receivable',
      'total_amount',
      'group_index',
      'mch_name',
      'bill_time_stamp',
      'sales_name',
      'bill_month',
      'left_money',
    ]);
    expect(bill.text).toContain(
      `"order_count":2,"recv_money":"5.00","receivable":"9.03","total_amount":150.55,`,
    );
    expect(bill.text).toContain(`"bill_time_stamp":${billTimeStamp},`);

    // create_mch_recharge: a signed Alipay wap.pay link; the sandbox channel pays it.
    const link = await crmGet<{ pay_url: string }>('create_mch_recharge', {
      mch_id: MERCHANT,
      amount: '10.00',
    });
    expect(link.status).toBe(200);
    expect(link.body).toMatchObject({ msg: '', status: 0 });
    expect(Object.keys(link.body.data!)).toEqual(['pay_url']);
    const payUrl = new URL(link.body.data!.pay_url);
    expect(payUrl.searchParams.get('method')).toBe('alipay.trade.wap.pay');
    expect(payUrl.searchParams.get('app_id')).toBe(platform.alipayAppId);
    expect(payUrl.searchParams.get('sign_type')).toBe('RSA2');
    expect(payUrl.searchParams.get('sign')).toBeTruthy();
    const biz = JSON.parse(payUrl.searchParams.get('biz_content')!) as Record<string, unknown>;
    expect(biz).toMatchObject({ total_amount: '10.00', subject: 'recharge' });
    const paid = await fetch(new URL('/sandbox/alipay/gateway.do/pay', payUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request: payUrl.search.slice(1) }).toString(),
    });
    expect(paid.status).toBe(200);

    // The 10.00 pays off the 4.03 left; 5.97 stays in the wallet.
    bill = await crmGet<DetailBill>('get_mch_detail_bill', { mch_id: MERCHANT });
    expect(bill.body.data).toMatchObject({ this_month_left_money: 0, total_left_money: 0, balance: 5.97 });
    expect(bill.body.data!.detail_bill[0]).toMatchObject({ recv_money: '9.03', left_money: '0.00' });

    // mch_api_recharge, POST form: a debit of 1.5 (negative amounts debit the wallet).
    const debit = await crmPostForm<{ id: number }>('mch_api_recharge', { mch_id: MERCHANT, amount: '-1.5' });
    expect(debit.body).toMatchObject({ msg: '', status: 0 });
    expect(debit.body.data!.id).toBeGreaterThan(recharge.body.data!.id);
    bill = await crmGet<DetailBill>('get_mch_detail_bill', { mch_id: MERCHANT });
    expect(bill.body.data!.balance).toBe(4.47);

    // get_mch_receivable_detail: every receipt, oldest first, in the example's shape.
    const receipts = await crmGet<ReceivableDetail>('get_mch_receivable_detail', { mch_id: MERCHANT });
    expect(receipts.body).toMatchObject({ msg: '', status: 0 });
    const items = receipts.body.data!.resp_items;
    expect(items.map(({ amount, pay_method }) => ({ amount, pay_method }))).toEqual([
      { amount: 5, pay_method: 'API充值' },
      { amount: 10, pay_method: '支付宝自助充值' },
      { amount: -1.5, pay_method: 'API充值' },
    ]);
    const today = formatChinaDate(new Date());
    for (const item of items) {
      expect(Object.keys(item)).toEqual(['amount', 'pay_method', 'recv_time', 'recv_time_stamp']);
      expect(item.recv_time).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isInteger(item.recv_time_stamp)).toBe(true);
      // The China wall-clock time read as UTC: its UTC date is the China date shown.
      expect(new Date(item.recv_time_stamp as number).toISOString().slice(0, 10)).toBe(item.recv_time);
    }
    expect([today, formatChinaDate(new Date(Date.now() - 60_000))]).toContain(items[2]!.recv_time);
    expect(receipts.text).toContain('"amount":5,"pay_method":"API充值"');
  });

  it('mch_api_recharge with a request_id moves the money once and answers the same id', async () => {
    const first = await crmGet<{ id: number }>('mch_api_recharge', {
      mch_id: MERCHANT,
      amount: '0.01',
      request_id: 'crm-e2e-1',
    });
    const again = await crmPostForm<{ id: number }>('mch_api_recharge', {
      mch_id: MERCHANT,
      amount: '0.01',
      request_id: 'crm-e2e-1',
    });
    expect(first.body.status).toBe(0);
    expect(again.body).toEqual(first.body);
    const bill = await crmGet<DetailBill>('get_mch_detail_bill', { mch_id: MERCHANT });
    expect(bill.body.data!.balance).toBe(4.48);
  });

  it('refuses amounts out of range or malformed with the documented messages, recording nothing', async () => {
    const before = (await crmGet<ReceivableDetail>('get_mch_receivable_detail', { mch_id: MERCHANT })).body
      .data!.resp_items.length;
    const outOfRange = { msg: '充值金额范围为-1000到10000', status: 1, data: null };
    for (const amount of ['10000.01', '-1000.01', '0']) {
      const refused = await crmGet('mch_api_recharge', { mch_id: MERCHANT, amount });
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual(outOfRange);
    }
    expect((await crmGet('create_mch_recharge', { mch_id: MERCHANT, amount: '10000.01' })).body).toEqual(
      outOfRange,
    );
    for (const amount of ['abc', '1.001', '1e3']) {
      expect((await crmGet('mch_api_recharge', { mch_id: MERCHANT, amount })).body).toEqual({
        msg: '金额格式错误',
        status: 1,
        data: null,
      });
    }
    expect((await crmGet('create_mch_recharge', { mch_id: MERCHANT, amount: '-1' })).body).toEqual({
      msg: '金额格式错误',
      status: 1,
      data: null,
    });
    // A debit the wallet cannot cover.
    expect((await crmPostForm('mch_api_recharge', { mch_id: MERCHANT, amount: '-999' })).body).toEqual({
      msg: '余额不足',
      status: 1,
      data: null,
    });
    const after = (await crmGet<ReceivableDetail>('get_mch_receivable_detail', { mch_id: MERCHANT })).body
      .data!.resp_items.length;
    expect(after).toBe(before);
  });

  it('refuses missing or malformed parameters and unknown merchants in the envelope', async () => {
    const badInput = { msg: '参数错误', status: 1, data: null };
    for (const name of [
      'get_mch_detail_bill',
      'get_mch_receivable_detail',
      'create_mch_recharge',
      'mch_api_recharge',
    ]) {
      const missing = await crmGet(name, { amount: '1.00' });
      expect(missing.status).toBe(400);
      expect(missing.body).toEqual(badInput);
      expect((await crmGet(name, { mch_id: 'abc', amount: '1.00' })).body).toEqual(badInput);
      const unknown = await crmGet(name, { mch_id: UNKNOWN_MERCHANT, amount: '1.00' });
      expect(unknown.body).toEqual(NO_MERCHANT);
      expect(unknown.status).toBeLessThan(500);
      expect((await crmGet(name, { mch_id: '99999999999', amount: '1.00' })).body).toEqual(NO_MERCHANT);
    }
    expect((await crmGet('create_mch_recharge', { mch_id: MERCHANT })).body).toEqual(badInput);
    expect((await crmPostForm('mch_api_recharge', { mch_id: MERCHANT })).body).toEqual(badInput);
    // A parameter given twice is ambiguous.
    const twice = await fetch(`${root}/make_crm/api/get_mch_detail_bill/?mch_id=${MERCHANT}&mch_id=2023100`);
    expect(await twice.json()).toEqual(badInput);
  });

  it('answers only callers on CRM_ALLOWED_IPS: others get status 1 and a message, never data', async () => {
    const calls: [string, Record<string, string | number>][] = [
      ['get_mch_detail_bill', { mch_id: MERCHANT }],
      ['get_mch_receivable_detail', { mch_id: MERCHANT }],
      ['create_mch_recharge', { mch_id: MERCHANT, amount: '1.00' }],
      ['mch_api_recharge', { mch_id: MERCHANT, amount: '1.00' }],
      // Refused before the parameters are looked at: a stranger learns nothing about them.
      ['get_mch_detail_bill', {}],
      ['mch_api_recharge', { mch_id: UNKNOWN_MERCHANT, amount: 'abc' }],
    ];
    for (const [name, params] of calls) {
      const refused = await crmGet(name, params, { from: STRANGER_IP });
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual(IP_REFUSED);
    }
    const form = await crmPostForm(
      'mch_api_recharge',
      { mch_id: MERCHANT, amount: '1.00' },
      { from: STRANGER_IP },
    );
    expect(form.body).toEqual(IP_REFUSED);
    // The same requests from loopback (the default list) are answered.
    expect((await crmGet('get_mch_detail_bill', { mch_id: MERCHANT })).body.status).toBe(0);
  });

  it('mch_api_recharge also requires the merchant’s own IP list when it has one', async () => {
    const balance = async () =>
      (await crmGet<DetailBill>('get_mch_detail_bill', { mch_id: MERCHANT })).body.data!.balance;
    const before = await balance();
    await merchantIpAllowList(['198.51.100.7']);
    try {
      expect((await crmGet('mch_api_recharge', { mch_id: MERCHANT, amount: '1.00' })).body).toEqual(
        IP_REFUSED,
      );
      expect((await crmPostForm('mch_api_recharge', { mch_id: MERCHANT, amount: '1.00' })).body).toEqual(
        IP_REFUSED,
      );
      // Only the API recharge is bound to the merchant's list; the CRM's reads and links are not.
      expect((await crmGet('create_mch_recharge', { mch_id: MERCHANT, amount: '1.00' })).body.status).toBe(0);
      expect(await balance()).toBe(before);
      // On the merchant's list (and the platform's), it goes through.
      await merchantIpAllowList(['198.51.100.7', '127.0.0.1']);
      expect((await crmGet('mch_api_recharge', { mch_id: MERCHANT, amount: '1.00' })).body.status).toBe(0);
      // In fen, so the expectation has no float drift.
      expect(await balance()).toBe((Math.round(before * 100) + 100) / 100);
    } finally {
      await merchantIpAllowList([]);
    }
  });

  it('reads CRM_ALLOWED_IPS as a comma list of addresses, loopback by default, refusing anything else', () => {
    expect(loadGatewayConfig({}).crm.allowedIps).toEqual(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
    expect(loadGatewayConfig({ CRM_ALLOWED_IPS: ' 10.0.0.7, 2001:db8::1 ' }).crm.allowedIps).toEqual([
      '10.0.0.7',
      '2001:db8::1',
    ]);
    expect(() => loadGatewayConfig({ CRM_ALLOWED_IPS: '10.0.0.0/8' })).toThrow(/CRM_ALLOWED_IPS/);
    expect(() => loadGatewayConfig({ CRM_ALLOWED_IPS: ',' })).toThrow(/CRM_ALLOWED_IPS/);
  });
});
