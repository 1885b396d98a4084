import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataOf, eventually, formatChinaDate, parseYuan, signJwt } from '@pay/common';
import { unfreezeMerchant } from '@pay/ledger';
import { givenStatement } from '../../services/reconciliation/test/support/recon-fixtures';
import { ACTORS, startPlatform, type Platform } from '../support/platform';

const FIXTURES = join(__dirname, '..', '..', 'services', 'settlement', 'test', 'fixtures');
const MERCHANT = ACTORS.merchant.merchantId;
/** pay-admin-api.md's times: China wall-clock ISO-like, microseconds when not zero. */
const ADMIN_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?$/;

type Json = Record<string, unknown>;
type Actor = (typeof ACTORS)[keyof typeof ACTORS];

/** The China wall-clock time of an instant as the admin API renders it (computed independently). */
function chinaIso(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  const text = d.toISOString().replace('Z', '');
  return text.endsWith('.000') ? text.slice(0, -4) : `${text}000`;
}

describe('/pay/* admin API (pay-admin-api.md): bearer auth, envelopes, reconciliation and settlement', () => {
  let platform: Platform;
  let base: string;
  const orders: { no: string; amountFen: number; createdAt: string }[] = [];
  let runCode = '';
  let settlementCode = '';

  const call = async (
    path: string,
    options: {
      actor?: Actor | null;
      token?: string;
      method?: string;
      body?: FormData | URLSearchParams;
      json?: Json;
    } = {},
  ): Promise<{ status: number; body: Json }> => {
    const headers: Record<string, string> = {};
    const actor = options.actor === undefined ? ACTORS.operator : options.actor;
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    else if (actor) headers.authorization = `Bearer ${platform.token(actor)}`;
    let body: FormData | URLSearchParams | string | undefined = options.body;
    if (options.json) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await fetch(`${base}${path}`, { method: options.method ?? 'GET', headers, body });
    const text = await response.text();
    expect(text).not.toMatch(/at \w+ \(|node_modules/); // never a stack trace
    return { status: response.status, body: JSON.parse(text) as Json };
  };
  const dataAt = (body: Json) => body.data as Json;

  beforeAll(async () => {
    platform = await startPlatform();
    base = platform.gatewayUrl.replace(/\/graphql$/, '');

    dataOf(
      await platform.gql(
        `mutation ($input: CreateSettlementAccountInput!) { createSettlementAccount(input: $input) { code } }`,
        {
          input: {
            merchantId: MERCHANT,
            method: 'ALIPAY',
            accountName: 'jl888 结算',
            accountNo: 'settle-2024164@example.com',
            period: 'DAILY',
          },
        },
      ),
    );
    for (const amount of ['1.98', '45.50', '12.00']) {
      const created = dataOf(
        await platform.gql<{
          createOrder: { paymentUrl: string; order: { platformOrderNo: string; createdAt: string } };
        }>(
          `mutation ($amount: String!) { createOrder(input: { amount: $amount, channelCode: "zfbwthf", notifyUrl: "http://127.0.0.1:9/n" }) {
            paymentUrl order { platformOrderNo createdAt } } }`,
          { amount },
          ACTORS.merchant,
        ),
      ).createOrder;
      expect((await fetch(created.paymentUrl, { method: 'POST' })).status).toBe(200);
      orders.push({
        no: created.order.platformOrderNo,
        amountFen: parseYuan(amount),
        createdAt: created.order.createdAt,
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
    // The channel lists the first two; the third stays a shortage.
    await givenStatement(platform.reconciliationOrm.em.fork(), {
      source: 'sandbox-alipay',
      billDate: formatChinaDate(paidAt),
      lines: orders
        .slice(0, 2)
        .map((o) => ({ tradeTime: paidAt, platformOrderNo: o.no, amount: o.amountFen })),
    });
    runCode = dataOf(
      await platform.gql<{ startReconciliationRun: { code: string } }>(
        `mutation ($input: StartReconciliationRunInput!) { startReconciliationRun(input: $input) { code } }`,
        {
          input: {
            source: 'sandbox-alipay',
            periodStart: new Date(paidAt.getTime() - 3600_000).toISOString(),
            periodEnd: new Date(paidAt.getTime() + 30 * 60_000).toISOString(),
            remark: 'pay-admin e2e',
          },
        },
      ),
    ).startReconciliationRun.code;
    dataOf(
      await platform.gql(
        `mutation ($input: RunSettlementsInput) { runSettlements(input: $input) { settlementsCreated } }`,
        { input: { merchantId: MERCHANT } },
      ),
    );
    settlementCode = dataOf(
      await platform.gql<{ settlements: { nodes: { code: string }[] } }>(
        `query { settlements(filter: { state: PENDING }) { nodes { code } } }`,
      ),
    ).settlements.nodes[0]!.code;
  });
  afterAll(async () => {
    await platform?.close();
  });

  describe('authentication (LEGACY-PROTOCOLS.md: operator bearer token, analysts read only)', () => {
    it('refuses a missing, forged or foreign-issuer token in the API envelope', async () => {
      const none = await call('/pay/account/', { actor: null });
      expect(none).toEqual({ status: 401, body: { code: 401, msg: '未授权', data: null } });
      const forged = await call('/pay/account/', { token: 'not.a.jwt' });
      expect(forged.body).toEqual({ code: 401, msg: '未授权', data: null });
      const foreign = signJwt(ACTORS.operator, { secret: 'another-secret-entirely', issuer: 'elsewhere' });
      expect((await call('/pay/check_record/', { token: foreign })).body).toEqual({
        code: 401,
        msg: '未授权',
        data: null,
      });
      // The list's own envelope renders code as the example does: a string.
      expect((await call('/pay/consume_order', { actor: null })).body).toEqual({
        code: '401',
        msg: '未授权',
        data: null,
      });
      expect((await call(`/pay/check_bills?code=${runCode}`, { actor: null })).body).toEqual({
        code: 401,
        msg: '未授权',
        state: 1,
        data: null,
      });
    });

    it('refuses merchants everywhere and analysts on the POSTs; analysts may read', async () => {
      expect(await call('/pay/consume_order', { actor: ACTORS.merchant })).toEqual({
        status: 403,
        body: { code: '403', msg: '无权限', data: null },
      });
      expect((await call('/pay/settlement/', { actor: ACTORS.merchant })).body).toEqual({
        code: 403,
        msg: '无权限',
        data: null,
      });
      expect((await call('/pay/settlement/', { actor: ACTORS.analyst })).body.code).toBe(200);
      const post = await call('/pay/consume_order', {
        actor: ACTORS.analyst,
        method: 'POST',
        json: { code: orders[0]!.no, auto: false },
      });
      expect(post).toEqual({ status: 403, body: { code: '403', msg: '无权限', data: null } });
    });
  });

  describe('一 对账列表', () => {
    it('/pay/consume_order lists orders with statistics in the example’s shape', async () => {
      const { status, body } = await call('/pay/consume_order');
      expect(status).toBe(200);
      expect(Object.keys(body).sort()).toEqual(['code', 'data']);
      expect(body.code).toBe('200');
      const data = dataAt(body);
      const statistics = data.statistics as Json;
      expect(Object.keys(statistics).sort()).toEqual(
        ['count_price', 'fail_bill', 'fail_price', 'order_num', 'success_bill', 'success_price'].sort(),
      );
      const total = orders.reduce((s, o) => s + o.amountFen, 0);
      expect(statistics).toMatchObject({
        order_num: 3,
        count_price: { total_fee__sum: total },
        success_bill: 2,
        success_price: { total_fee__sum: orders[0]!.amountFen + orders[1]!.amountFen },
      });
      const order = data.order as { num: number; data: Json[] };
      expect(order.num).toBe(3);
      const first = order.data.find((o) => o.code === orders[0]!.no)!;
      expect(Object.keys(first).sort()).toEqual(
        [
          'auto',
          'code',
          'create_time',
          'equipment_no',
          'merchant__name',
          'pay_method',
          'reconciliation_status',
          'total_fee',
        ].sort(),
      );
      expect(first).toMatchObject({ total_fee: 198, pay_method: 3, reconciliation_status: 1 });
      expect(typeof first.merchant__name).toBe('string');
      expect(typeof first.auto).toBe('boolean');
      expect(first.create_time).toMatch(ADMIN_TIME);
      expect(first.create_time).toBe(chinaIso(orders[0]!.createdAt));
    });

    it('/pay/consume_order filters by code, fen range, status, pay method and merchant name', async () => {
      const list = async (query: string) =>
        (dataAt((await call(`/pay/consume_order?${query}`)).body).order as { data: Json[] }).data.map(
          (o) => o.code,
        );
      expect(await list(`code=${orders[1]!.no}`)).toEqual([orders[1]!.no]);
      expect(await list('total_fee__gte=1200&total_fee__lte=1200')).toEqual([orders[2]!.no]);
      expect((await list('total_fee__lte=198')).sort()).toEqual([orders[0]!.no]);
      expect((await list('reconciliation_status=1')).sort()).toEqual([orders[0]!.no, orders[1]!.no].sort());
      expect(await list('pay_method=2')).toEqual([]);
      expect(await list('merchant__name=no-such-merchant-name')).toEqual([]);
      const empty = dataAt((await call('/pay/consume_order?code=none')).body).statistics as Json;
      expect(empty).toMatchObject({ order_num: 0, count_price: { total_fee__sum: null } });
      expect((await call('/pay/consume_order?total_fee__gte=abc')).body).toEqual({
        code: '400',
        msg: '参数错误',
        data: null,
      });
      expect((await call('/pay/consume_order?reconciliation_status=9')).status).toBe(400);
    });

    it('/pay/consume_order POST switches automatic reconciliation (form or JSON)', async () => {
      const off = await call('/pay/consume_order', {
        method: 'POST',
        body: new URLSearchParams({ code: orders[2]!.no, auto: 'false' }),
      });
      expect(off.status).toBe(200);
      expect(off.body).toMatchObject({ code: '200' });
      const row = async () =>
        (dataAt((await call(`/pay/consume_order?code=${orders[2]!.no}`)).body).order as { data: Json[] })
          .data[0]!.auto as boolean;
      expect(await row()).toBe(false);
      await call('/pay/consume_order', { method: 'POST', json: { code: orders[2]!.no, auto: true } });
      expect(await row()).toBe(true);
      expect(
        (await call('/pay/consume_order', { method: 'POST', json: { code: orders[2]!.no, auto: 'maybe' } }))
          .body,
      ).toEqual({ code: '400', msg: '参数错误', data: null });
    });

    it('/pay/order_details shows the order, the channel’s line and the verdict', async () => {
      const { status, body } = await call(`/pay/order_details?code=${orders[0]!.no}&pay_way=3`);
      expect(status).toBe(200);
      expect(body.code).toBe(200);
      const data = dataAt(body);
      expect(Object.keys(data).sort()).toEqual(['bill_data', 'bill_info', 'third_bill']);
      const [bill] = data.bill_data as Json[];
      expect(Object.keys(bill!).sort()).toEqual(
        [
          'code',
          'create_time',
          'equipment_no',
          'name__nick_name',
          'pay_method',
          'platform_code',
          'reconciliation_status',
          'status',
          'total_fee',
        ].sort(),
      );
      expect(bill).toMatchObject({
        code: orders[0]!.no,
        platform_code: orders[0]!.no,
        total_fee: 198,
        pay_method: 3,
        status: 2,
        reconciliation_status: 1,
      });
      expect(bill!.create_time).toMatch(ADMIN_TIME);
      const third = data.third_bill as Json;
      expect(Object.keys(third).sort()).toEqual(
        ['device', 'openid', 'out_trade_no', 'total_money', 'trade_time', 'transaction_id'].sort(),
      );
      expect(third).toMatchObject({ out_trade_no: orders[0]!.no, total_money: 198 });
      expect(typeof third.device).toBe('string');
      expect(third.trade_time).toMatch(ADMIN_TIME);
      const info = data.bill_info as Json;
      expect(Object.keys(info).sort()).toEqual(['admin', 'create_time', 'issue', 'note', 'odd_id'].sort());
      expect(info).toMatchObject({ odd_id: runCode, issue: 4, note: '正常', admin: 'ops-alice' });

      expect((await call(`/pay/order_details?code=${orders[0]!.no}`)).body).toEqual({
        code: 400,
        msg: '参数错误',
        data: null,
      });
      expect((await call('/pay/order_details?code=nope&pay_way=2')).body).toEqual({
        code: 404,
        msg: '订单不存在',
        data: null,
      });
    });

    it('/pay/check_record/ lists the runs, by day and operator', async () => {
      const { body } = await call('/pay/check_record/');
      expect(body.code).toBe(200);
      const data = dataAt(body) as { num: number; data: Json[] };
      expect(data.num).toBe(1);
      expect(data.data[0]).toEqual({
        create_time: expect.stringMatching(ADMIN_TIME),
        person: 'ops-alice',
        code: runCode,
      });
      const today = formatChinaDate(new Date());
      expect((dataAt((await call(`/pay/check_record/?time=${today}&user=ops-alice`)).body) as Json).num).toBe(
        1,
      );
      expect((dataAt((await call('/pay/check_record/?time=2020-04-02')).body) as Json).num).toBe(0);
      expect((dataAt((await call('/pay/check_record/?user=auto')).body) as Json).num).toBe(0);
      expect((await call('/pay/check_record/?time=yesterday')).body).toEqual({
        code: 400,
        msg: '参数错误',
        data: null,
      });
    });

    it('/pay/check_bills renders the run’s header and grid', async () => {
      const { body } = await call(`/pay/check_bills?code=${runCode}`);
      expect(body).toMatchObject({ code: 200, msg: '查询成功', state: 0 });
      const data = dataAt(body) as { header: Json[]; grid: Json[] };
      expect(data.header).toHaveLength(1);
      const header = data.header[0]!;
      expect(Object.keys(header).sort()).toEqual(
        [
          'abnormal_amount',
          'abnormal_singular',
          'always_singular',
          'code',
          'create_time',
          'end_time',
          'is_delete',
          'person',
          'remark',
          'singular_amount',
          'singular_success',
          'start_time',
          'total',
        ].sort(),
      );
      expect(header).toMatchObject({
        is_delete: false,
        code: runCode,
        person: 'ops-alice',
        remark: 'pay-admin e2e',
        always_singular: 3,
        singular_success: 2,
        singular_amount: orders[0]!.amountFen + orders[1]!.amountFen,
        abnormal_singular: 1,
        abnormal_amount: orders[2]!.amountFen,
        total: orders.reduce((s, o) => s + o.amountFen, 0),
      });
      for (const key of ['start_time', 'end_time', 'create_time']) expect(header[key]).toMatch(ADMIN_TIME);
      expect(data.grid).toHaveLength(3);
      const line = data.grid.find((g) => g.out_trade_no === orders[0]!.no)!;
      expect(Object.keys(line).sort()).toEqual(
        [
          'code',
          'create_time',
          'equipment_id',
          'is_delete',
          'issue',
          'name',
          'note',
          'odd_id',
          'out_trade_no',
          'pay_money',
          'source',
          'trade_time',
          'user',
        ].sort(),
      );
      expect(line).toMatchObject({
        is_delete: false,
        odd_id: runCode,
        issue: 4,
        note: '正常',
        pay_money: 198,
      });
      expect(line.code).toMatch(/^[0-9a-f]{32}$/);
      expect(line.trade_time).toMatch(ADMIN_TIME);
      expect(data.grid.find((g) => g.out_trade_no === orders[2]!.no)).toMatchObject({ issue: 2 });

      expect((await call('/pay/check_bills?code=ffffffffffffffffffffffffffffffff')).body).toEqual({
        code: 404,
        msg: '订单不存在',
        state: 1,
        data: null,
      });
      expect((await call('/pay/check_bills')).body).toMatchObject({ code: 400, msg: '参数错误', state: 1 });
    });
  });

  describe('二 商户结算', () => {
    it('/pay/account/ lists settlement accounts by merchant name and account', async () => {
      const { body } = await call('/pay/account/');
      expect(body).toMatchObject({ code: 200, msg: '查询成功' });
      const data = dataAt(body) as { num: number; data: Json[] };
      expect(data.num).toBe(1);
      const account = data.data[0]!;
      expect(Object.keys(account).sort()).toEqual(
        [
          'account',
          'code',
          'create_time',
          'is_delete',
          'merchant',
          'method',
          'name',
          'period',
          'remarks',
        ].sort(),
      );
      expect(account).toMatchObject({
        is_delete: false,
        method: 3,
        name: 'jl888 结算',
        account: 'settle-2024164@example.com',
        period: 1,
      });
      expect(typeof account.code).toBe('string');
      expect(typeof account.merchant).toBe('string');
      expect(account.create_time).toMatch(ADMIN_TIME);
      const merchantName = encodeURIComponent(String(account.merchant));
      expect((dataAt((await call(`/pay/account/?name=${merchantName}`)).body) as Json).num).toBe(1);
      expect((dataAt((await call('/pay/account/?account=nobody@example.com')).body) as Json).num).toBe(0);
      // Without the trailing slash too.
      expect((await call('/pay/account')).body.code).toBe(200);
    });

    it('/pay/settlement/ lists settlements by code, method, state, day and remark', async () => {
      const { body } = await call('/pay/settlement/');
      expect(body).toMatchObject({ code: 200, msg: '查询成功' });
      const data = dataAt(body) as { num: number; data: Json[] };
      expect(data.num).toBe(1);
      const row = data.data[0]!;
      expect(Object.keys(row).sort()).toEqual(
        [
          'code',
          'create_time',
          'end_time',
          'is_delete',
          'method',
          'name',
          'num',
          'person',
          'remark',
          'settlement_time',
          'start_time',
          'state',
          'total',
          'voucher_img',
        ].sort(),
      );
      expect(row).toMatchObject({
        is_delete: false,
        code: settlementCode,
        num: 2,
        method: 3,
        person: 'ops-alice',
        state: 1,
        voucher_img: null,
        settlement_time: null,
      });
      expect(Number.isInteger(row.total)).toBe(true);
      expect(row.end_time).toMatch(ADMIN_TIME);
      const count = async (query: string) =>
        (dataAt((await call(`/pay/settlement/?${query}`)).body) as Json).num;
      expect(await count(`code=${settlementCode}`)).toBe(1);
      expect(await count('state=1&method=3')).toBe(1);
      expect(await count('state=2')).toBe(0);
      expect(await count('method=2')).toBe(0);
      expect(await count('settlement_time=2020-04-01')).toBe(0);
      expect((await call('/pay/settlement/?state=7')).body).toEqual({
        code: 400,
        msg: '参数错误',
        data: null,
      });
    });

    it('/pay/settlement/ POST settles with an uploaded voucher, once', async () => {
      const form = (file: { bytes: Buffer; name: string; type: string }, fields: Record<string, string>) => {
        const body = new FormData();
        for (const [k, v] of Object.entries(fields)) body.set(k, v);
        body.set('voucher', new Blob([file.bytes], { type: file.type }), file.name);
        return body;
      };
      const png = readFileSync(join(FIXTURES, 'voucher.png'));
      const fields = { person: '财务小王', code: settlementCode, remark: '已打款' };

      // Analysts may not; a non-image is refused; a missing field is a parameter error.
      expect(
        (
          await call('/pay/settlement/', {
            actor: ACTORS.analyst,
            method: 'POST',
            body: form({ bytes: png, name: 'v.png', type: 'image/png' }, fields),
          })
        ).body,
      ).toEqual({ code: 403, msg: '无权限', data: null });
      const notImage = await call('/pay/settlement/', {
        method: 'POST',
        body: form(
          { bytes: readFileSync(join(FIXTURES, 'not-an-image.png')), name: 'v.png', type: 'image/png' },
          fields,
        ),
      });
      expect(notImage).toEqual({
        status: 400,
        body: { code: 400, msg: '结算凭证格式错误或文件过大', data: null },
      });
      // Over the voucher limit (5 MiB by default): refused while streaming, nothing settled.
      const huge = await call('/pay/settlement/', {
        method: 'POST',
        body: form(
          { bytes: Buffer.concat([png, Buffer.alloc(6 * 1024 * 1024)]), name: 'big.png', type: 'image/png' },
          fields,
        ),
      });
      expect(huge).toEqual({
        status: 400,
        body: { code: 400, msg: '结算凭证格式错误或文件过大', data: null },
      });
      const unknownOrder = await call('/pay/consume_order', {
        method: 'POST',
        json: { code: 'nope', auto: true },
      });
      expect(unknownOrder.body).toEqual({ code: '404', msg: '订单不存在', data: null });
      const noPerson = await call('/pay/settlement/', {
        method: 'POST',
        body: form({ bytes: png, name: 'v.png', type: 'image/png' }, { code: settlementCode }),
      });
      expect(noPerson.body).toEqual({ code: 400, msg: '参数错误', data: null });

      // The payout needs the orders' income unfrozen (T+1).
      await unfreezeMerchant(platform.ledgerOrm.em.fork(), MERCHANT, new Date(Date.now() + 24 * 3600_000));
      const settled = await call('/pay/settlement/', {
        method: 'POST',
        body: form({ bytes: png, name: '凭证.png', type: 'image/png' }, fields),
      });
      expect(settled.status).toBe(200);
      expect(settled.body).toMatchObject({
        code: 200,
        data: { code: settlementCode, state: 2, person: '财务小王', remark: '已打款' },
      });
      const data = dataAt(settled.body);
      expect(data.voucher_img).toMatch(/^\/files\/vouchers\/[0-9a-f]{64}$/);
      expect(data.settlement_time).toMatch(ADMIN_TIME);
      expect(await (await call(`/pay/settlement/?state=2`)).body).toMatchObject({ data: { num: 1 } });

      const again = await call('/pay/settlement/', {
        method: 'POST',
        body: form({ bytes: png, name: 'v.png', type: 'image/png' }, fields),
      });
      expect(again).toEqual({ status: 409, body: { code: 409, msg: '该结算记录已结算', data: null } });
    });
  });
});
