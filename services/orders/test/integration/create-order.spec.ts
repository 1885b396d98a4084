import type { Actor } from '@pay/common';
import { Merchant } from '../../src/modules/merchant/merchant.entity';
import {
  buildChannel,
  buildMerchant,
  buildMerchantChannel,
  buildUpstreamConfig,
} from '../../src/db/seeders/builders';
import { ACTORS, startOrdersTestApp, type OrdersTestApp } from '../support/orders-app';
import {
  completeOrder,
  CREATE_ORDER,
  createOrder,
  DEAD_NOTIFY_URL,
  expectError,
  sql,
  tableCounts,
} from '../support/order-helpers';

/** A merchant of this file's own: channels checked in sort order, some switched off. */
const ROUTING_MERCHANT = 2025001;
const routingActor: Actor = {
  sub: `merchant:${ROUTING_MERCHANT}`,
  role: 'MERCHANT',
  merchantId: ROUTING_MERCHANT,
};

describe('createOrder (/createorder rules)', () => {
  let app: OrdersTestApp;

  beforeAll(async () => {
    app = await startOrdersTestApp();
    const em = app.orm.em.fork();
    const merchant = await buildMerchant(em, { id: ROUTING_MERCHANT, name: 'routing shop' });
    // Auto-choice candidates, in sort order: off for the system, off for the merchant,
    // 100-200 only, any amount.
    const sysoff = await buildChannel(em, { code: 'sysoff', systemEnabled: false, sortOrder: 1 });
    const mchoff = await buildChannel(em, { code: 'mchoff', sortOrder: 2 });
    const bigonly = await buildChannel(em, { code: 'bigonly', min: '100.00', max: '200.00', sortOrder: 3 });
    const anyamt = await buildChannel(em, { code: 'anyamt', sortOrder: 4 });
    await buildUpstreamConfig(em, { pzid: 801, channel: sysoff });
    await buildUpstreamConfig(em, { pzid: 802, channel: mchoff });
    await buildUpstreamConfig(em, { pzid: 803, channel: bigonly });
    await buildUpstreamConfig(em, { pzid: 804, channel: anyamt });
    await buildMerchantChannel(em, { merchant, channel: sysoff, rate: '10' });
    await buildMerchantChannel(em, { merchant, channel: mchoff, rate: '10', enabled: false });
    await buildMerchantChannel(em, { merchant, channel: bigonly, rate: '10' });
    await buildMerchantChannel(em, { merchant, channel: anyamt, rate: '10' });
    // Weighted routing: only 901 and 902 may carry orders.
    const weighted = await buildChannel(em, { code: 'weighted', sortOrder: 10 });
    await buildUpstreamConfig(em, { pzid: 901, channel: weighted, weight: 1 });
    await buildUpstreamConfig(em, { pzid: 902, channel: weighted, weight: 3 });
    await buildUpstreamConfig(em, { pzid: 903, channel: weighted, weight: 5, enabled: false });
    await buildUpstreamConfig(em, { pzid: 904, channel: weighted, weight: 0 });
    await buildMerchantChannel(em, { merchant, channel: weighted, rate: '10' });
    // No usable upstream config at all.
    const stranded = await buildChannel(em, { code: 'stranded', sortOrder: 11 });
    await buildUpstreamConfig(em, { pzid: 905, channel: stranded, enabled: false });
    await buildUpstreamConfig(em, { pzid: 906, channel: stranded, weight: 0 });
    await buildMerchantChannel(em, { merchant, channel: stranded, rate: '10' });
    // 100.00 a day, paid orders counted.
    const quota = await buildChannel(em, { code: 'quota', dailyQuota: '100.00', sortOrder: 12 });
    await buildUpstreamConfig(em, { pzid: 911, channel: quota });
    await buildMerchantChannel(em, { merchant, channel: quota, rate: '10' });
    // A merchant switched on for quota too, to show the quota is per channel, not per merchant.
    const standard = await em.findOneOrFail(Merchant, { id: 2024164 });
    await buildMerchantChannel(em, { merchant: standard, channel: quota, rate: '10' });
  });

  afterAll(async () => {
    await app.close();
  });

  const create = (input: Record<string, unknown>, actor: Actor = ACTORS.operator) =>
    app.gql(CREATE_ORDER, { input: { notifyUrl: DEAD_NOTIFY_URL, ...input } }, actor);

  /** Asserts the create is refused with `code` and writes nothing. */
  async function expectRefused(
    input: Record<string, unknown>,
    code: string,
    actor: Actor = ACTORS.operator,
  ): Promise<void> {
    const before = await tableCounts(app);
    expectError(await create(input, actor), code);
    expect(await tableCounts(app)).toEqual(before);
  }

  describe('defaults', () => {
    it('fills notify/return URL, description and a generated merchant order number', async () => {
      const result = await app.gql<{
        createOrder: { paymentUrl: string; orderMd5: string; order: Record<string, unknown> };
      }>(CREATE_ORDER, { input: { amount: '12.34' } }, ACTORS.merchant);
      expect(result.body.errors).toBeUndefined();
      const { order, paymentUrl, orderMd5 } = result.body.data!.createOrder;
      expect(order).toMatchObject({
        merchantId: 2024164,
        amount: '12.34',
        statusCode: 0,
        statusName: 'pending',
        statusText: '未支付',
        channelCode: 'zfbwthf',
        notifyUrl: 'https://example.com',
        returnUrl: 'https://example.com',
        productTitle: '商品支付',
        attach: '',
        paidAt: null,
      });
      expect(order.merchantOrderNo).toMatch(/^\d{18}$/);
      expect(order.platformOrderNo).toMatch(/^H\d{20}$/);
      expect(orderMd5).toMatch(/^[0-9a-f]{16}$/);
      expect(paymentUrl).toContain(order.platformOrderNo as string);

      const [row] = await sql<Record<string, unknown>>(
        app,
        'select merchant_order_no, notify_url, return_url, product_title, attach, status from "order" where platform_order_no = ?',
        [order.platformOrderNo],
      );
      expect(row).toEqual({
        merchant_order_no: order.merchantOrderNo,
        notify_url: 'https://example.com',
        return_url: 'https://example.com',
        product_title: '商品支付',
        attach: '',
        status: 'PENDING',
      });
    });

    it('generates a different merchant order number for every order and keeps the ones given', async () => {
      const a = await createOrder(app, { amount: '1.00' }, ACTORS.merchant);
      const b = await createOrder(app, { amount: '1.00' }, ACTORS.merchant);
      expect(a.merchantOrderNo).not.toBe(b.merchantOrderNo);
      const given = await createOrder(
        app,
        {
          amount: '1.00',
          merchantOrderNo: 'GIVEN-01',
          description: 'phone bill',
          attach: 'k=v',
          returnUrl: 'http://shop.test/back',
        },
        ACTORS.merchant,
      );
      expect(given).toMatchObject({
        merchantOrderNo: 'GIVEN-01',
        productTitle: 'phone bill',
        attach: 'k=v',
        returnUrl: 'http://shop.test/back',
      });
    });
  });

  describe('channel choice', () => {
    it('takes the first channel enabled for both system and merchant whose min/max fits', async () => {
      const pick = async (amount: string) => (await createOrder(app, { amount }, routingActor)).channelCode;
      expect(await pick('50.00')).toBe('anyamt');
      expect(await pick('99.99')).toBe('anyamt');
      expect(await pick('100.00')).toBe('bigonly');
      expect(await pick('150.00')).toBe('bigonly');
      expect(await pick('200.00')).toBe('bigonly');
      expect(await pick('200.01')).toBe('anyamt');
      expect((await createOrder(app, { amount: '50.00', merchantId: 2023100 })).channelCode).toBe('wxhftest');
    });

    it('refuses with AMOUNT_OUT_OF_RANGE when no channel of the merchant fits', async () => {
      await expectRefused({ amount: '5.00', merchantId: 2023100 }, 'AMOUNT_OUT_OF_RANGE');
      await expectRefused({ amount: '600.00', merchantId: 2023100 }, 'AMOUNT_OUT_OF_RANGE');
    });

    it.each([
      ['system-disabled channel (cwtlt)', 2024164, 'cwtlt'],
      ['channel the merchant has no setting for', 2024164, 'wxhftest'],
      ['channel switched off for the merchant', ROUTING_MERCHANT, 'mchoff'],
      ['system-disabled channel the merchant has on', ROUTING_MERCHANT, 'sysoff'],
      ['channel without an enabled upstream config', ROUTING_MERCHANT, 'stranded'],
    ])('refuses an explicit %s with CHANNEL_UNAVAILABLE', async (_what, merchantId, channelCode) => {
      await expectRefused({ amount: '150.00', merchantId, channelCode }, 'CHANNEL_UNAVAILABLE');
    });

    it("refuses amounts outside the explicit channel's min/max with AMOUNT_OUT_OF_RANGE, bounds included", async () => {
      const input = { merchantId: 2023100, channelCode: 'wxhftest' };
      await expectRefused({ ...input, amount: '5.00' }, 'AMOUNT_OUT_OF_RANGE');
      await expectRefused({ ...input, amount: '600.00' }, 'AMOUNT_OUT_OF_RANGE');
      await expectRefused({ ...input, amount: '9.99' }, 'AMOUNT_OUT_OF_RANGE');
      await expectRefused({ ...input, amount: '500.01' }, 'AMOUNT_OUT_OF_RANGE');
      expect((await createOrder(app, { ...input, amount: '10.00' })).pzid).toBe(337);
      expect((await createOrder(app, { ...input, amount: '500.00' })).pzid).toBe(337);
      // Within the merchant's channels the explicit one is used even when another fits first.
      expect(
        (await createOrder(app, { amount: '50.00', channelCode: 'anyamt' }, routingActor)).channelCode,
      ).toBe('anyamt');
      await expectRefused({ amount: '50.00', channelCode: 'bigonly' }, 'AMOUNT_OUT_OF_RANGE', routingActor);
    });
  });

  it("refuses an order beyond the channel's daily quota of paid orders with DAILY_QUOTA_EXCEEDED", async () => {
    const first = await createOrder(app, { amount: '60.00', channelCode: 'quota' }, routingActor);
    // Pending orders do not use the quota.
    const pending = await createOrder(app, { amount: '90.00', channelCode: 'quota' }, routingActor);
    await completeOrder(app, { platformOrderNo: first.platformOrderNo });
    await expectRefused({ amount: '40.01', channelCode: 'quota' }, 'DAILY_QUOTA_EXCEEDED', routingActor);
    // Exactly up to the quota is allowed, across merchants.
    const second = await createOrder(app, { amount: '40.00', channelCode: 'quota', merchantId: 2024164 });
    await completeOrder(app, { platformOrderNo: second.platformOrderNo });
    await expectRefused({ amount: '0.01', channelCode: 'quota' }, 'DAILY_QUOTA_EXCEEDED', routingActor);
    await expectRefused(
      { amount: '0.01', channelCode: 'quota', merchantId: 2024164 },
      'DAILY_QUOTA_EXCEEDED',
    );
    expect(pending.statusCode).toBe(0);
  });

  it('routes round robin over 332 and 333 when the merchant asks for it', async () => {
    const pzids: number[] = [];
    for (let i = 0; i < 6; i += 1)
      pzids.push((await createOrder(app, { amount: '10.00', channelCode: 'zfbwthf' }, ACTORS.merchant)).pzid);
    expect(new Set(pzids)).toEqual(new Set([332, 333]));
    for (let i = 1; i < pzids.length; i += 1) expect(pzids[i]).not.toBe(pzids[i - 1]);
  });

  it('routes by weight only to enabled upstream configs with a weight above zero', async () => {
    const pzids = new Set<number>();
    for (let i = 0; i < 24; i += 1)
      pzids.add((await createOrder(app, { amount: '10.00', channelCode: 'weighted' }, routingActor)).pzid);
    expect([...pzids].every((p) => p === 901 || p === 902)).toBe(true);
    // 902 carries 3/4 of the weight: missing it 24 times in a row has odds of 0.25^24.
    expect(pzids.has(902)).toBe(true);
  });

  it('refuses a merchant order number used before by the same merchant with DUPLICATE_ORDER', async () => {
    await createOrder(app, { amount: '10.00', merchantOrderNo: 'DUP-0001' }, ACTORS.merchant);
    await expectRefused({ amount: '20.00', merchantOrderNo: 'DUP-0001' }, 'DUPLICATE_ORDER', ACTORS.merchant);
    await expectRefused(
      { amount: '20.00', merchantOrderNo: 'DUP-0001', merchantId: 2024164 },
      'DUPLICATE_ORDER',
    );
    // Another merchant may use the same number.
    expect(
      (await createOrder(app, { amount: '20.00', merchantOrderNo: 'DUP-0001' }, ACTORS.otherMerchant))
        .merchantId,
    ).toBe(2023100);
  });

  it('refuses a disabled or unknown merchant with MERCHANT_DISABLED', async () => {
    await expectRefused({ amount: '10.00', merchantId: 2020001 }, 'MERCHANT_DISABLED');
    await expectRefused({ amount: '10.00' }, 'MERCHANT_DISABLED', {
      sub: 'merchant:2020001',
      role: 'MERCHANT',
      merchantId: 2020001,
    });
    await expectRefused({ amount: '10.00', merchantId: 9999999 }, 'MERCHANT_DISABLED');
  });

  it.each(['ftp://x', 'not a url', 'javascript:alert(1)', '//example.com/no-scheme'])(
    'refuses notifyUrl %p with INVALID_NOTIFY_URL',
    async (notifyUrl) => {
      await expectRefused({ amount: '10.00', notifyUrl }, 'INVALID_NOTIFY_URL', ACTORS.merchant);
    },
  );

  it('refuses an invalid returnUrl with BAD_USER_INPUT', async () => {
    await expectRefused({ amount: '10.00', returnUrl: 'ftp://x' }, 'BAD_USER_INPUT', ACTORS.merchant);
  });

  it('stores the fee split computed at creation (100.00 → 88.50 / 4.00 / 7.50 / 0.50 / 7.00)', async () => {
    const order = await createOrder(app, { amount: '100.00', channelCode: 'zfbwthf' }, ACTORS.merchant);
    expect(order).toMatchObject({
      amount: '100.00',
      merchantIncome: '88.50',
      agentIncome: '4.00',
      channelFee: '7.50',
      upstreamCost: '0.50',
      platformProfit: '7.00',
    });
    const [row] = await sql<Record<string, string | number>>(
      app,
      `select amount, merchant_income, agent_income, channel_fee, upstream_cost, platform_profit,
              merchant_rate_ppm, agent_rate_ppm, upstream_cost_rate_ppm, agent_id
         from "order" where platform_order_no = ?`,
      [order.platformOrderNo],
    );
    expect(Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]))).toEqual({
      amount: 10000,
      merchant_income: 8850,
      agent_income: 400,
      channel_fee: 750,
      upstream_cost: 50,
      platform_profit: 700,
      merchant_rate_ppm: 115000,
      agent_rate_ppm: 40000,
      upstream_cost_rate_ppm: 5000,
      agent_id: app.world.agent.id,
    });
    // Without an agent: 10 % fee, 0.6 % upstream cost.
    const other = await createOrder(app, { amount: '100.00' }, ACTORS.otherMerchant);
    expect(other).toMatchObject({
      merchantIncome: '90.00',
      agentIncome: '0.00',
      channelFee: '10.00',
      upstreamCost: '0.60',
      platformProfit: '9.40',
    });
  });
});
