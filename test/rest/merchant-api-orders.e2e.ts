import { eventually, startMerchantReceiver } from '@pay/common';
import { startPlatform, type Platform } from '../support/platform';
import { MERCHANT_KEYS, merchantApiCall } from '../support/legacy-clients';

type Data = Record<string, unknown>;
type Envelope = { code: number; message: string; data: Data | null };

const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const MONEY = /^-?\d+\.\d{2}$/;

/** merchant-api.md §5: the keys of an order item, in the example's order. */
const ORDER_ITEM_KEYS = [
  'merchant_order_no',
  'platform_order_no',
  'status_code',
  'status',
  'status_text',
  'notify_status_code',
  'notify_status',
  'notify_status_text',
  'total_amount',
  'merchant_income',
  'agent_income',
  'channel_code',
  'channel_name',
  'created_at',
  'paid_at',
  'product_title',
  'attach',
  'notify_url',
  'return_url',
];

function expectOrderItem(item: Data): void {
  expect(Object.keys(item)).toEqual(ORDER_ITEM_KEYS);
  for (const key of ['total_amount', 'merchant_income', 'agent_income']) expect(item[key]).toMatch(MONEY);
  for (const key of ['status_code', 'notify_status_code']) expect(typeof item[key]).toBe('number');
  expect(item.created_at).toMatch(DATE_TIME);
  expect(item.paid_at === null || DATE_TIME.test(String(item.paid_at))).toBe(true);
}

describe('merchant API (merchant-api.md §4–7.4): rates, orders, stats, order detail and order commands', () => {
  let platform: Platform;
  let receiver: Awaited<ReturnType<typeof startMerchantReceiver>>;
  const call = (path: string, params: Data = {}, options: Parameters<typeof merchantApiCall>[3] = {}) =>
    merchantApiCall<Envelope>(platform, path, params as Parameters<typeof merchantApiCall>[2], options).then(
      (r) => r.body,
    );

  beforeAll(async () => {
    platform = await startPlatform();
    receiver = await startMerchantReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await platform.close();
  });

  it('/rates: every channel with the merchant’s switch and rate, as in the example', async () => {
    const body = await call('/rates');
    expect(body).toMatchObject({ code: 0, message: 'success', data: { merchant_id: '2024164' } });
    expect(Object.keys(body.data!)).toEqual(['merchant_id', 'items']);
    const items = body.data!.items as Data[];
    for (const item of items)
      expect(Object.keys(item)).toEqual([
        'channel_code',
        'channel_name',
        'status',
        'merchant_switch',
        'system_switch',
        'rate',
        'rate_display',
        'user_defined_rate',
      ]);
    const byCode = new Map(items.map((i) => [i.channel_code, i]));
    expect(byCode.get('zfbwthf')).toEqual({
      channel_code: 'zfbwthf',
      channel_name: '支付宝网厅话费',
      status: 'enabled',
      merchant_switch: true,
      system_switch: true,
      rate: 11.5,
      rate_display: '11.5%',
      user_defined_rate: true,
    });
    expect(byCode.get('wxhftest')).toMatchObject({
      status: 'disabled',
      merchant_switch: false,
      rate: 0,
      rate_display: '-',
      user_defined_rate: false,
    });
    expect(byCode.get('cwtlt')).toMatchObject({ status: 'disabled', system_switch: false });
  });

  it('/createorder: creates orders (merchant_order_no or order_no, defaults) in the example’s shape', async () => {
    const body = await call('/createorder', {
      merchant_order_no: 'MAPI-1',
      amount: '100.00',
      notify_url: receiver.url,
      description: 'desc',
      notify_style: 'json',
    });
    expect(body.code).toBe(0);
    expect(body.message).toBe('订单创建成功');
    expect(Object.keys(body.data!)).toEqual([
      'merchant_id',
      'merchant_order_no',
      'amount',
      'channel_code',
      'description',
      'payment',
      'payment_url',
      'order_id',
      'platform_order_no',
      'order_md5',
      'status',
    ]);
    expect(body.data).toMatchObject({
      merchant_id: '2024164',
      merchant_order_no: 'MAPI-1',
      amount: '100.00',
      channel_code: 'zfbwthf',
      description: 'desc',
      payment: null,
      status: 0,
    });
    expect(typeof body.data!.order_id).toBe('number');
    expect(body.data!.payment_url).toMatch(/^https?:\/\//);
    expect(body.data!.order_md5).toMatch(/^[0-9a-f]{16}$/);
    expect(typeof body.data!.platform_order_no).toBe('string');

    const legacy = await call('/createorder', { order_no: 'MAPI-2', amount: '50', channel_code: 'zfbwthf' });
    expect(legacy.data).toMatchObject({
      merchant_order_no: 'MAPI-2',
      amount: '50.00',
      description: '商品支付',
    });

    const generated = await call('/createorder', { amount: '1.00' });
    expect(generated.code).toBe(0);
    expect(String(generated.data!.merchant_order_no).length).toBeGreaterThan(0);
  });

  it('/createorder: documented failures in the envelope', async () => {
    const failure = async (params: Data, options: Parameters<typeof merchantApiCall>[3] = {}) =>
      (await call('/createorder', params, options)).message;
    expect(await failure({ merchant_order_no: 'MAPI-1', amount: '100.00' })).toBe('订单号重复');
    expect(await failure({})).toBe('参数错误');
    expect(await failure({ amount: '1.234' })).toBe('金额格式错误');
    expect(await failure({ amount: '10.00', channel_code: 'wxhftest' })).toBe('通道不可用');
    expect(await failure({ amount: '10.00', notify_url: 'ftp://example.com' })).toBe('notify_url 无效');
    expect(await failure({ amount: '5.00' }, { merchant: MERCHANT_KEYS.other })).toBe('没有对应金额');
    const body = await call('/createorder', { amount: 'abc' });
    expect(body).toEqual({ code: 1, message: '金额格式错误', data: null });
  });

  it('/orders: pages, filters and totals in the example’s shape', async () => {
    const body = await call('/orders');
    expect(body).toMatchObject({ code: 0, message: 'success' });
    expect(Object.keys(body.data!)).toEqual([
      'merchant_id',
      'page',
      'page_size',
      'total',
      'total_pages',
      'items',
      'summary',
    ]);
    expect(body.data).toMatchObject({
      merchant_id: '2024164',
      page: 1,
      page_size: 20,
      total: 3,
      total_pages: 1,
    });
    const items = body.data!.items as Data[];
    items.forEach(expectOrderItem);
    expect(items.map((i) => i.merchant_order_no)).toContain('MAPI-1');
    const first = items.find((i) => i.merchant_order_no === 'MAPI-1')!;
    expect(first).toMatchObject({
      status_code: 0,
      status: 'pending',
      status_text: '未支付',
      notify_status_code: 0,
      notify_status: 'pending',
      total_amount: '100.00',
      merchant_income: '88.50',
      agent_income: '4.00',
      channel_code: 'zfbwthf',
      channel_name: '支付宝网厅话费',
      paid_at: null,
      product_title: 'desc',
      attach: '',
      notify_url: receiver.url,
      return_url: 'https://example.com',
    });
    expect(body.data!.summary).toEqual({
      gross_amount: '151.00',
      merchant_income: expect.stringMatching(MONEY),
      agent_income: expect.stringMatching(MONEY),
    });

    const paged = await call('/orders', { page: 2, page_size: 2 });
    expect(paged.data).toMatchObject({ page: 2, page_size: 2, total: 3, total_pages: 2 });
    expect(paged.data!.items).toHaveLength(1);
    expect((await call('/orders', { page_size: 500 })).data).toMatchObject({ page_size: 100 });

    const one = await call('/orders', { merchant_order_no: 'MAPI-2', status: 0, channel_code: 'zfbwthf' });
    expect((one.data!.items as Data[]).map((i) => i.merchant_order_no)).toEqual(['MAPI-2']);
    expect((await call('/orders', { status: 1 })).data).toMatchObject({ total: 0, items: [] });
    expect((await call('/orders', { min_amount: '60', max_amount: '100.00' })).data).toMatchObject({
      total: 1,
    });
    expect((await call('/orders', { start_date: '2000-01-01', end_date: '2000-01-02' })).data).toMatchObject({
      total: 0,
    });
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect((await call('/orders', { start_time: today, end_time: today })).data).toMatchObject({ total: 3 });

    expect(await call('/orders', { status: 7 })).toEqual({ code: 1, message: '参数错误', data: null });
    expect((await call('/orders', { start_time: 'yesterday' })).message).toBe('参数错误');
    // Another merchant sees none of these orders (its only attempt was refused).
    expect((await call('/orders', {}, { merchant: MERCHANT_KEYS.other })).data).toMatchObject({
      merchant_id: '2023100',
      total: 0,
      items: [],
    });
  });

  it('/orderdetail: the order with its extended fields; failures', async () => {
    const body = await call('/orderdetail', { merchant_order_no: 'MAPI-1' });
    expect(body).toMatchObject({ code: 0, message: 'success' });
    expect(Object.keys(body.data!)).toEqual(['merchant_id', 'merchant_order_no', 'order']);
    expect(body.data).toMatchObject({ merchant_id: '2024164', merchant_order_no: 'MAPI-1' });
    const order = body.data!.order as Data;
    expect(Object.keys(order)).toEqual([...ORDER_ITEM_KEYS, 'extended']);
    const { extended, ...item } = order as Data & { extended: Data };
    expectOrderItem(item);
    expect(Object.keys(extended)).toEqual([
      'order_id',
      'merchant_order_no_full',
      'raw_channel_code',
      'request_ip',
      'notify_status_code',
      'upstream_order_no',
      'upstream_channel',
      'client_attach',
      'status_code',
      'notify_retries',
      'deduct_status',
      'created_at',
      'paid_at',
      'channel_fee',
      'platform_profit',
    ]);
    expect(extended).toMatchObject({
      merchant_order_no_full: '2024164MAPI-1',
      raw_channel_code: 'zfbwthf',
      notify_status_code: 0,
      upstream_channel: '',
      status_code: 0,
      notify_retries: 0,
      deduct_status: 2,
      paid_at: null,
      channel_fee: '7.50',
      platform_profit: '7.00',
    });
    expect(typeof extended.order_id).toBe('number');
    expect(extended.created_at).toMatch(DATE_TIME);
    expect(Object.keys(extended.client_attach as Data)).toEqual([
      'fxdesc',
      'fxattch',
      'fxnotifyurl',
      'fxbackurl',
      'fxip',
      'fxbankcode',
      'fxfs',
      'fxuserid',
      'fxnotifystyle',
      'fxsignstring',
    ]);
    expect(extended.client_attach).toMatchObject({
      fxdesc: 'desc',
      fxnotifyurl: receiver.url,
      fxbankcode: null,
    });

    const byPlatformNo = await call('/orderdetail', { platform_order_no: item.platform_order_no as string });
    expect(byPlatformNo.data).toMatchObject({ merchant_order_no: 'MAPI-1' });
    expect(Object.keys(byPlatformNo.data!)).not.toContain('notify_logs');

    expect(await call('/orderdetail', {})).toEqual({ code: 1, message: '参数错误', data: null });
    expect(await call('/orderdetail', { merchant_order_no: 'NOPE' })).toEqual({
      code: 1,
      message: '订单不存在',
      data: null,
    });
    expect(
      (await call('/orderdetail', { merchant_order_no: 'MAPI-1' }, { merchant: MERCHANT_KEYS.other }))
        .message,
    ).toBe('订单不存在');
    expect(
      (await call('/orderdetail', { merchant_order_no: 'MAPI-1', with_notify_logs: 'maybe' })).message,
    ).toBe('参数错误');
  });

  it('/manualcompleteorder: pending → paid, amount check, already paid unchanged; /stats and notify logs follow', async () => {
    expect(
      (await call('/manualcompleteorder', { merchant_order_no: 'MAPI-1', amount: '99.99' })).message,
    ).toBe('金额不匹配');
    expect((await call('/manualcompleteorder', {})).message).toBe('参数错误');
    expect((await call('/manualcompleteorder', { platform_order_no: 'NOPE' })).message).toBe('订单不存在');

    const body = await call('/manualcompleteorder', { merchant_order_no: 'MAPI-1', amount: '100.00' });
    expect(body.code).toBe(0);
    expect(Object.keys(body.data!)).toEqual(['merchant_id', 'merchant_order_no', 'order']);
    expect(body.data).toMatchObject({ merchant_id: '2024164', merchant_order_no: 'MAPI-1' });
    const order = body.data!.order as Data;
    expectOrderItem(order);
    expect(order).toMatchObject({
      status_code: 1,
      status: 'paid',
      status_text: '支付成功',
      total_amount: '100.00',
    });
    expect(order.paid_at).toMatch(DATE_TIME);

    const again = await call('/manualcompleteorder', { merchant_order_no: 'MAPI-1' });
    expect(again.code).toBe(0);
    expect(again.message).toBe('订单已是成功状态。');
    expect(again.data!.order).toMatchObject({ status_code: 1, paid_at: order.paid_at });

    // The paid order is notified (the receiver answers `success`): its log shows in /orderdetail.
    const detail = await eventually(async () => {
      const d = await call('/orderdetail', { merchant_order_no: 'MAPI-1', with_notify_logs: 'true' });
      return (d.data!.notify_logs as Data[]).length > 0 ? d : undefined;
    }, 'the notification of MAPI-1');
    expect(Object.keys(detail.data!)).toEqual(['merchant_id', 'merchant_order_no', 'order', 'notify_logs']);
    const [log] = detail.data!.notify_logs as Data[];
    expect(Object.keys(log!)).toEqual([
      'log_id',
      'callback_url',
      'request_payload',
      'response_body',
      'status',
      'created_at',
    ]);
    expect(log).toMatchObject({ callback_url: receiver.url, response_body: 'success', status: '' });
    expect(typeof log!.log_id).toBe('number');
    expect(log!.created_at).toMatch(DATE_TIME);
    expect(log!.request_payload).toMatchObject({
      fxid: '2024164',
      fxddh: 'MAPI-1',
      fxfee: '100.00',
      fxstatus: 1,
    });
    const withOne = await call('/orderdetail', { merchant_order_no: 'MAPI-1', with_notify_logs: 1 });
    expect(Object.keys(withOne.data!)).toContain('notify_logs');
    expect((withOne.data!.order as Data).notify_status_code).toBe(2);

    const stats = await call('/stats');
    expect(stats).toMatchObject({ code: 0, message: 'success' });
    expect(Object.keys(stats.data!)).toEqual(['merchant_id', 'today', 'yesterday', 'total', 'pending']);
    expect(stats.data).toEqual({
      merchant_id: '2024164',
      today: { order_count: 1, gross_amount: '100.00', merchant_income: '88.50', agent_income: '4.00' },
      yesterday: { order_count: 0, gross_amount: '0.00', merchant_income: '0.00', agent_income: '0.00' },
      total: { order_count: 1, gross_amount: '100.00', merchant_income: '88.50', agent_income: '4.00' },
      pending: { order_count: 2, gross_amount: '51.00' },
    });
  });

  it('/findpzidbyorder: the order’s upstream config and channel', async () => {
    const body = await call('/findpzidbyorder', { merchant_order_no: 'MAPI-1' });
    expect(body).toMatchObject({ code: 0, message: 'success' });
    expect(Object.keys(body.data!)).toEqual([
      'merchant_id',
      'merchant_order_no',
      'merchant_order_no_full',
      'platform_order_no',
      'order_id',
      'pzid',
      'pz_name',
      'channel_code',
      'channel_name',
      'status_code',
      'status',
      'status_text',
    ]);
    expect(body.data).toMatchObject({
      merchant_id: '2024164',
      merchant_order_no: 'MAPI-1',
      merchant_order_no_full: '2024164MAPI-1',
      channel_code: 'zfbwthf',
      channel_name: '支付宝网厅话费',
      status_code: 1,
      status: 'paid',
      status_text: '支付成功',
    });
    expect([332, 333]).toContain(body.data!.pzid);
    expect(String(body.data!.pz_name)).toMatch(/^华捷四方/);
    expect(typeof body.data!.order_id).toBe('number');
    expect(await call('/findpzidbyorder', {})).toEqual({ code: 1, message: '参数错误', data: null });
    expect((await call('/findpzidbyorder', { merchant_order_no: 'NOPE' })).message).toBe('订单不存在');
  });

  it('/manualcancelorder: a paid order back to pending (reversed); failures', async () => {
    expect((await call('/manualcancelorder', { merchant_order_no: 'MAPI-1', amount: '1.00' })).message).toBe(
      '金额不匹配',
    );
    expect((await call('/manualcancelorder', {})).message).toBe('参数错误');
    expect((await call('/manualcancelorder', { merchant_order_no: 'NOPE' })).message).toBe('订单不存在');
    const body = await call('/manualcancelorder', { merchant_order_no: 'MAPI-1', amount: '100.00' });
    expect(body.code).toBe(0);
    expect(Object.keys(body.data!)).toEqual(['merchant_id', 'merchant_order_no', 'order']);
    const order = body.data!.order as Data;
    expectOrderItem(order);
    expect(order).toMatchObject({ status_code: 0, status: 'pending', status_text: '未支付', paid_at: null });
    const pending = await call('/manualcancelorder', { merchant_order_no: 'MAPI-2' });
    expect(pending.data!.order).toMatchObject({ status_code: 0, merchant_order_no: 'MAPI-2' });
  });

  it('refuses unsigned and badly signed calls on every endpoint', async () => {
    for (const path of [
      '/rates',
      '/orders',
      '/stats',
      '/orderdetail',
      '/manualcompleteorder',
      '/manualcancelorder',
      '/createorder',
      '/findpzidbyorder',
    ])
      expect(await call(path, { sign: 'BAD' })).toEqual({ code: 1, message: '签名错误', data: null });
  });
});
