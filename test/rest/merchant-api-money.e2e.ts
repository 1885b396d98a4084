import { randomUUID } from 'node:crypto';
import { dataOf, eventually, startMerchantReceiver } from '@pay/common';
import { ADJUSTMENT, AccountPurpose, merchantAccount, post, PostingType } from '@pay/ledger';
import { ACTORS, startPlatform, type Platform } from '../support/platform';
import {
  legacyMerchantSign,
  MASTER_KEY,
  MERCHANT_KEYS,
  merchantApiCall,
  nowSeconds,
} from '../support/legacy-clients';

type Data = Record<string, unknown>;
type Envelope = { code: number; message: string; data: Data | null };
type Item = Record<string, unknown>;

const MONEY = /^-?\d+\.\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

const ADD_CARD = `mutation ($input: AddBankCardInput!) { addBankCard(input: $input) { id } }`;
const APPROVE_CARD = `mutation ($input: ApproveBankCardInput!) { approveBankCard(input: $input) { id } }`;
const CREATE = `mutation ($input: CreateOrderInput!) {
  createOrder(input: $input) { paymentUrl order { platformOrderNo pzid channel { code } } }
}`;
const ORDER = `query ($no: String) { order(platformOrderNo: $no) { notifyAttempts } }`;

const sortedKeys = (value: unknown): string[] => Object.keys(value as Data).sort();
const items = (body: Envelope): Item[] => body.data!.items as Item[];

const WITHDRAW_KEYS = [
  'withdraw_id',
  'withdraw_no',
  'amount',
  'fee',
  'status_code',
  'status',
  'agentpay_status_code',
  'agentpay_status',
  'notify_status_code',
  'notify_status',
  'account_name',
  'account_number',
  'bank_name',
  'branch',
  'province',
  'city',
  'unionpay_code',
  'created_at',
  'extend',
].sort();
const DAILY_KEYS = ['date', 'order_count', 'gross_amount', 'merchant_income', 'agent_income'].sort();
const MONEY_LOG_KEYS = [
  'log_id',
  'change_amount',
  'balance_after',
  'type_code',
  'type',
  'description',
  'order_no',
  'unique_no',
  'created_at',
].sort();
const PAGE_KEYS = ['merchant_id', 'page', 'page_size', 'total', 'total_pages', 'items'].sort();

function expectWithdrawal(w: Item): void {
  expect(sortedKeys(w)).toEqual(WITHDRAW_KEYS);
  expect(typeof w.withdraw_id).toBe('number');
  expect(w.withdraw_no).toMatch(/^qzf\d+$/);
  expect(w.amount).toMatch(MONEY);
  expect(w.fee).toMatch(MONEY);
  expect(w.created_at).toMatch(DATE_TIME);
  expect(w.extend).toEqual([]);
  for (const key of ['status_code', 'agentpay_status_code', 'notify_status_code'])
    expect(typeof w[key]).toBe('number');
}

function expectDaily(item: Item): void {
  expect(item.date).toMatch(DATE);
  expect(typeof item.order_count).toBe('number');
  for (const key of ['gross_amount', 'merchant_income', 'agent_income']) expect(item[key]).toMatch(MONEY);
}

describe('merchant API §8–17: money, withdrawals, summaries and reports', () => {
  let platform: Platform;
  let platformOrderNo = '';
  let pzid = 0;
  let cardId = '';
  let firstWithdrawNo = '';
  let firstWithdrawId = 0;
  const merchantOrderNo = `MONEY-${Date.now()}`;

  beforeAll(async () => {
    platform = await startPlatform();
    // 1000.00 of available balance by a manual adjustment (a type-0 money log).
    await post(platform.ledgerOrm.em.fork(), {
      uniqueNo: `e2e-fund:${randomUUID()}`,
      type: PostingType.ADJUSTMENT,
      description: 'e2e funding',
      actor: 'e2e',
      legs: [
        { ...ADJUSTMENT, amount: -100_000 },
        {
          ...merchantAccount(ACTORS.merchant.merchantId, AccountPurpose.MERCHANT_AVAILABLE),
          amount: 100_000,
        },
      ],
    });
    // One paid, notified order: a recharge money log, a summary day, a notify log.
    const receiver = await startMerchantReceiver();
    try {
      const created = dataOf(
        await platform.gql<{
          createOrder: { paymentUrl: string; order: { platformOrderNo: string; pzid: number } };
        }>(
          CREATE,
          { input: { amount: '100.00', notifyUrl: receiver.url, merchantOrderNo, notifyStyle: 'FORM' } },
          ACTORS.merchant,
        ),
      ).createOrder;
      platformOrderNo = created.order.platformOrderNo;
      pzid = created.order.pzid;
      await fetch(created.paymentUrl, { method: 'POST' });
      await eventually(async () => {
        const o = dataOf(
          await platform.gql<{ order: { notifyAttempts: number } }>(
            ORDER,
            { no: platformOrderNo },
            ACTORS.merchant,
          ),
        ).order;
        return o.notifyAttempts >= 1 ? o : undefined;
      }, 'the merchant notification');
    } finally {
      await receiver.close();
    }
    cardId = dataOf(
      await platform.gql<{ addBankCard: { id: string } }>(
        ADD_CARD,
        {
          input: {
            accountName: 'jl888',
            accountNumber: '6217000010001234',
            bankName: '中国建设银行',
            branch: '深圳福田支行',
            province: '广东省',
            city: '深圳市',
            unionpayCode: '105584000017',
          },
        },
        ACTORS.merchant,
      ),
    ).addBankCard.id;
    dataOf(await platform.gql(APPROVE_CARD, { input: { bankCardId: cardId } }, ACTORS.operator));
  });
  afterAll(async () => {
    await platform.close();
  });

  describe('/summarybydaypzid (platform, master key only)', () => {
    const masterCall = (params: Record<string, string | number>) =>
      merchantApiCall<Envelope>(
        platform,
        '/summarybydaypzid',
        { access_key: MASTER_KEY, ...params },
        { merchant: null, secret: MASTER_KEY },
      );

    it('answers the master key without merchant_id, in the example’s shape', async () => {
      const { status, body } = await masterCall({ pzid });
      expect(status).toBe(200);
      expect(body).toMatchObject({ code: 0, message: 'success' });
      expect(sortedKeys(body.data)).toEqual(['end_date', 'items', 'pz_name', 'pzid', 'start_date'].sort());
      expect(body.data!.pzid).toBe(pzid);
      expect(typeof body.data!.pz_name).toBe('string');
      expect(body.data!.start_date).toMatch(DATE);
      expect(body.data!.end_date).toMatch(DATE);
      expect(items(body).length).toBeGreaterThanOrEqual(1);
      for (const item of items(body)) {
        expect(sortedKeys(item)).toEqual(DAILY_KEYS);
        expectDaily(item);
      }
      const today = items(body).at(-1)!;
      expect(today.order_count).toBeGreaterThanOrEqual(1);
    });

    it('takes start_date/end_date like start_time/end_time, and refuses a reversed range', async () => {
      const ok = await masterCall({ pzid, start_date: '2025-11-11', end_date: '2025-11-17' });
      expect(ok.body.data).toMatchObject({ start_date: '2025-11-11', end_date: '2025-11-17', items: [] });
      const reversed = await masterCall({ pzid, start_time: '2025-11-17', end_time: '2025-11-10' });
      expect(reversed.body).toMatchObject({ code: 1, data: null });
    });

    it('refuses a merchant key — with or without merchant_id, with access_key set to it — and a missing access_key', async () => {
      const merchantSigned = await merchantApiCall<Envelope>(platform, '/summarybydaypzid', { pzid });
      expect(merchantSigned.body).toEqual({ code: 1, message: '签名错误', data: null });
      const claimed = await merchantApiCall<Envelope>(platform, '/summarybydaypzid', {
        pzid,
        access_key: MERCHANT_KEYS.merchant.key,
      });
      expect(claimed.body).toEqual({ code: 1, message: '签名错误', data: null });
      const noMerchant = await merchantApiCall<Envelope>(
        platform,
        '/summarybydaypzid',
        { pzid, access_key: MERCHANT_KEYS.merchant.key },
        { merchant: null, secret: MERCHANT_KEYS.merchant.key },
      );
      expect(noMerchant.body).toEqual({ code: 1, message: '签名错误', data: null });
      const noAccessKey = await merchantApiCall<Envelope>(
        platform,
        '/summarybydaypzid',
        { pzid },
        { merchant: null, secret: MASTER_KEY },
      );
      expect(noAccessKey.body).toEqual({ code: 1, message: '签名错误', data: null });
      const forged = await masterCall({ pzid, sign: 'A'.repeat(32) });
      expect(forged.body.message).toBe('签名错误');
    });

    it('refuses a missing or malformed pzid, and an unknown one, without data', async () => {
      for (const params of [{}, { pzid: 'abc' }, { pzid: 0 }, { pzid: 999_999 }] as Record<
        string,
        string | number
      >[]) {
        const { body } = await masterCall(params);
        expect(body).toMatchObject({ code: 1, data: null });
      }
    });
  });

  describe('/moneylogs', () => {
    it('lists money logs newest first in the example’s shape', async () => {
      const { body } = await merchantApiCall<Envelope>(platform, '/moneylogs', {});
      expect(body).toMatchObject({ code: 0, message: 'success' });
      expect(sortedKeys(body.data)).toEqual(PAGE_KEYS);
      expect(body.data).toMatchObject({ merchant_id: '2024164', page: 1, page_size: 20 });
      expect(body.data!.total).toBeGreaterThanOrEqual(2);
      expect(typeof body.data!.total_pages).toBe('number');
      for (const item of items(body)) {
        expect(sortedKeys(item)).toEqual(MONEY_LOG_KEYS);
        expect(typeof item.log_id).toBe('number');
        expect(item.change_amount).toMatch(MONEY);
        expect(item.balance_after).toMatch(MONEY);
        expect(typeof item.type_code).toBe('number');
        expect(typeof item.type).toBe('string');
        expect(item.created_at).toMatch(DATE_TIME);
      }
      const recharge = items(body).find((i) => i.type_code === 1)!;
      expect(recharge).toMatchObject({ type: 'recharge', order_no: `2024164${merchantOrderNo}` });
      expect(String(recharge.unique_no)).toContain('2024164');
    });

    it('filters by style, pages, cuts page_size to 200 and keeps it to the merchant', async () => {
      const adjustments = await merchantApiCall<Envelope>(platform, '/moneylogs', { style: 0 });
      expect(items(adjustments.body).every((i) => i.type_code === 0)).toBe(true);
      expect(items(adjustments.body)[0]).toMatchObject({ change_amount: '1000.00', order_no: null });
      const recharges = await merchantApiCall<Envelope>(platform, '/moneylogs', { style: 1 });
      expect(items(recharges.body).every((i) => i.type_code === 1)).toBe(true);

      const page = await merchantApiCall<Envelope>(platform, '/moneylogs', { page: 2, page_size: 1 });
      expect(page.body.data).toMatchObject({ page: 2, page_size: 1 });
      expect(items(page.body)).toHaveLength(1);
      const big = await merchantApiCall<Envelope>(platform, '/moneylogs', { page_size: 5000 });
      expect(big.body.data!.page_size).toBe(200);

      const future = await merchantApiCall<Envelope>(platform, '/moneylogs', {
        start_time: '2099-01-01',
        end_time: '2099-01-02',
      });
      expect(future.body.data).toMatchObject({ total: 0, items: [] });

      const other = await merchantApiCall<Envelope>(
        platform,
        '/moneylogs',
        {},
        { merchant: MERCHANT_KEYS.other },
      );
      expect(other.body.data).toMatchObject({ merchant_id: '2023100', total: 0, items: [] });

      const bad = await merchantApiCall<Envelope>(platform, '/moneylogs', { style: 'x' });
      expect(bad.body).toEqual({ code: 1, message: '参数错误', data: null });
    });
  });

  describe('/sendmoney', () => {
    it('applies a withdrawal (amount) and answers the example’s fields', async () => {
      const { body } = await merchantApiCall<Envelope>(platform, '/sendmoney', { amount: '100.00' });
      expect(body.code).toBe(0);
      expect(sortedKeys(body.data)).toEqual(
        ['merchant_id', 'withdraw', 'balance_after', 'pending_withdraw', 'frozen_today', 'fee'].sort(),
      );
      expect(body.data!.merchant_id).toBe('2024164');
      for (const key of ['balance_after', 'pending_withdraw', 'frozen_today', 'fee'])
        expect(body.data![key]).toMatch(MONEY);
      const w = body.data!.withdraw as Item;
      expectWithdrawal(w);
      expect(w).toMatchObject({
        amount: '100.00',
        status_code: 0,
        status: 'pending',
        agentpay_status_code: 0,
        agentpay_status: 'not_submitted',
        notify_status_code: 0,
        notify_status: 'pending',
        account_name: 'jl888',
        account_number: '621700******1234',
        bank_name: '中国建设银行',
        branch: '深圳福田支行',
        province: '广东省',
        city: '深圳市',
        unionpay_code: '105584000017',
      });
      firstWithdrawNo = String(w.withdraw_no);
      firstWithdrawId = Number(w.withdraw_id);
    });

    it('takes the aliases money and bank_id, and a replayed request withdraws once', async () => {
      const params = {
        merchant_id: MERCHANT_KEYS.merchant.id,
        timestamp: nowSeconds(),
        money: '50.00',
        bank_id: cardId,
      };
      const signed = { ...params, sign: legacyMerchantSign(params, MERCHANT_KEYS.merchant.key) };
      const first = await merchantApiCall<Envelope>(platform, '/sendmoney', signed, { merchant: null });
      expect(first.body.code).toBe(0);
      expect(first.body.message).toBe('提现申请提交成功');
      expect((first.body.data!.withdraw as Item).amount).toBe('50.00');
      const replay = await merchantApiCall<Envelope>(platform, '/sendmoney', signed, { merchant: null });
      expect((replay.body.data!.withdraw as Item).withdraw_no).toBe(
        (first.body.data!.withdraw as Item).withdraw_no,
      );
      const list = await merchantApiCall<Envelope>(platform, '/withdrawlist', {});
      expect(list.body.data!.total).toBe(2);
    });

    it('refuses with the documented messages: 金额格式错误, 未绑定银行卡, 余额不足', async () => {
      for (const amount of ['abc', '-5', '1.234', '0']) {
        const { body } = await merchantApiCall<Envelope>(platform, '/sendmoney', { amount });
        expect(body).toEqual({ code: 1, message: '金额格式错误', data: null });
      }
      const missing = await merchantApiCall<Envelope>(platform, '/sendmoney', {});
      expect(missing.body.message).toBe('金额格式错误');
      const tooMuch = await merchantApiCall<Envelope>(platform, '/sendmoney', { amount: '999999.00' });
      expect(tooMuch.body).toEqual({ code: 1, message: '余额不足', data: null });
      const noCard = await merchantApiCall<Envelope>(
        platform,
        '/sendmoney',
        { amount: '1.00' },
        { merchant: MERCHANT_KEYS.other },
      );
      expect(noCard.body).toEqual({ code: 1, message: '未绑定银行卡', data: null });
      const wrongCard = await merchantApiCall<Envelope>(platform, '/sendmoney', {
        amount: '1.00',
        bank_id: '987654',
      });
      expect(wrongCard.body.message).toBe('未绑定银行卡');
    });
  });

  describe('/withdrawlist and /withdrawdetail', () => {
    it('lists withdrawals newest first in the example’s shape, filtered by status and time', async () => {
      const { body } = await merchantApiCall<Envelope>(platform, '/withdrawlist', {});
      expect(body).toMatchObject({ code: 0, message: 'success' });
      expect(sortedKeys(body.data)).toEqual(PAGE_KEYS);
      expect(body.data).toMatchObject({
        merchant_id: '2024164',
        page: 1,
        page_size: 20,
        total: 2,
        total_pages: 1,
      });
      items(body).forEach(expectWithdrawal);
      expect(items(body).map((w) => w.amount)).toEqual(['50.00', '100.00']);

      const pending = await merchantApiCall<Envelope>(platform, '/withdrawlist', { status: 0 });
      expect(pending.body.data!.total).toBe(2);
      const paid = await merchantApiCall<Envelope>(platform, '/withdrawlist', { status: 1 });
      expect(paid.body.data).toMatchObject({ total: 0, items: [] });
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      const byDay = await merchantApiCall<Envelope>(platform, '/withdrawlist', {
        start_time: today,
        end_time: today,
      });
      expect(byDay.body.data!.total).toBe(2);
      const before = await merchantApiCall<Envelope>(platform, '/withdrawlist', { end_time: '2020-01-01' });
      expect(before.body.data!.total).toBe(0);
      const paged = await merchantApiCall<Envelope>(platform, '/withdrawlist', { page: 2, page_size: 1 });
      expect(paged.body.data).toMatchObject({ page: 2, page_size: 1, total_pages: 2 });
      expect(items(paged.body)[0]!.withdraw_no).toBe(firstWithdrawNo);

      for (const params of [{ status: 9 }, { start_time: 'yesterday' }]) {
        const bad = await merchantApiCall<Envelope>(platform, '/withdrawlist', params);
        expect(bad.body).toEqual({ code: 1, message: '参数错误', data: null });
      }
      const other = await merchantApiCall<Envelope>(
        platform,
        '/withdrawlist',
        {},
        { merchant: MERCHANT_KEYS.other },
      );
      expect(other.body.data).toMatchObject({ merchant_id: '2023100', total: 0 });
    });

    it('shows one withdrawal by withdraw_no, withdraw_id or order_no, with logs and upstream records', async () => {
      for (const params of [
        { withdraw_no: firstWithdrawNo },
        { withdraw_id: firstWithdrawId },
        { order_no: firstWithdrawId },
      ]) {
        const { body } = await merchantApiCall<Envelope>(platform, '/withdrawdetail', params);
        expect(body).toMatchObject({ code: 0, message: 'success' });
        expect(sortedKeys(body.data)).toEqual(['merchant_id', 'withdraw']);
        expect(body.data!.merchant_id).toBe('2024164');
        const w = body.data!.withdraw as Item;
        const { notify_logs: notifyLogs, upstream_records: upstreamRecords, ...base } = w;
        expectWithdrawal(base);
        expect(w).toMatchObject({
          withdraw_no: firstWithdrawNo,
          withdraw_id: firstWithdrawId,
          amount: '100.00',
        });
        expect(notifyLogs).toEqual([]);
        expect(upstreamRecords).toEqual([]);
      }
    });

    it('hides other merchants’ withdrawals and refuses a missing or malformed id', async () => {
      const other = await merchantApiCall<Envelope>(
        platform,
        '/withdrawdetail',
        { withdraw_no: firstWithdrawNo },
        { merchant: MERCHANT_KEYS.other },
      );
      expect(other.body).toMatchObject({ code: 1, data: null });
      const unknown = await merchantApiCall<Envelope>(platform, '/withdrawdetail', { withdraw_no: 'qzf0' });
      expect(unknown.body).toMatchObject({ code: 1, data: null });
      for (const params of [{}, { withdraw_id: 'x' }]) {
        const bad = await merchantApiCall<Envelope>(platform, '/withdrawdetail', params);
        expect(bad.body).toEqual({ code: 1, message: '参数错误', data: null });
      }
    });
  });

  describe('/notifylogs', () => {
    it('lists an order’s notification attempts in the example’s shape', async () => {
      for (const params of [{ merchant_order_no: merchantOrderNo }, { platform_order_no: platformOrderNo }]) {
        const { body } = await merchantApiCall<Envelope>(platform, '/notifylogs', params);
        expect(body).toMatchObject({ code: 0, message: 'success' });
        expect(sortedKeys(body.data)).toEqual([...PAGE_KEYS, 'merchant_order_no'].sort());
        expect(body.data).toMatchObject({
          merchant_id: '2024164',
          merchant_order_no: merchantOrderNo,
          total: 1,
        });
        const [log] = items(body);
        expect(sortedKeys(log)).toEqual(
          [
            'log_id',
            'merchant_order_no_full',
            'callback_url',
            'request_payload',
            'response_body',
            'status',
            'created_at',
          ].sort(),
        );
        expect(typeof log!.log_id).toBe('number');
        expect(log!.merchant_order_no_full).toBe(`2024164${merchantOrderNo}`);
        expect(log!.response_body).toBe('success');
        expect(typeof log!.status).toBe('string');
        expect(log!.created_at).toMatch(DATE_TIME);
        expect(log!.request_payload).toMatchObject({
          fxid: '2024164',
          fxddh: merchantOrderNo,
          fxorder: platformOrderNo,
          fxfee: '100.00',
          fxstatus: 1,
        });
      }
    });

    it('refuses no order number, and an unknown or another merchant’s order', async () => {
      expect((await merchantApiCall<Envelope>(platform, '/notifylogs', {})).body).toEqual({
        code: 1,
        message: '参数错误',
        data: null,
      });
      const other = await merchantApiCall<Envelope>(
        platform,
        '/notifylogs',
        { platform_order_no: platformOrderNo },
        { merchant: MERCHANT_KEYS.other },
      );
      expect(other.body).toEqual({ code: 1, message: '订单不存在', data: null });
    });
  });

  describe('/summarybyday and /summarybydaychannel', () => {
    it('answers /summarybyday per day in the example’s shape', async () => {
      const { body } = await merchantApiCall<Envelope>(platform, '/summarybyday', {});
      expect(body).toMatchObject({ code: 0, message: 'success' });
      expect(sortedKeys(body.data)).toEqual(
        ['merchant_id', 'start_date', 'end_date', 'channel_code', 'items'].sort(),
      );
      expect(body.data).toMatchObject({ merchant_id: '2024164', channel_code: null });
      items(body).forEach((item) => {
        expect(sortedKeys(item)).toEqual(DAILY_KEYS);
        expectDaily(item);
      });
      expect(items(body).length).toBeGreaterThanOrEqual(1);
      const one = await merchantApiCall<Envelope>(platform, '/summarybyday', { channel_code: 'zfbwthf' });
      expect(one.body.data!.channel_code).toBe('zfbwthf');
      const range = await merchantApiCall<Envelope>(platform, '/summarybyday', {
        start_time: '2025-11-11',
        end_time: '2025-11-17',
      });
      expect(range.body.data).toMatchObject({ start_date: '2025-11-11', end_date: '2025-11-17' });
    });

    it('answers /summarybydaychannel per day and channel; channel_codes as an array or a comma list', async () => {
      const { body } = await merchantApiCall<Envelope>(platform, '/summarybydaychannel', {});
      expect(sortedKeys(body.data)).toEqual(
        ['merchant_id', 'start_date', 'end_date', 'channel_codes', 'items'].sort(),
      );
      expect(body.data!.channel_codes).toBeNull();
      for (const item of items(body)) {
        expect(Object.keys(item)).toEqual([
          'date',
          'channel_code',
          'channel_name',
          'order_count',
          'gross_amount',
          'merchant_income',
          'agent_income',
        ]);
        expectDaily(item);
      }
      expect(items(body).some((i) => i.channel_code === 'zfbwthf')).toBe(true);
      const comma = await merchantApiCall<Envelope>(platform, '/summarybydaychannel', {
        channel_codes: 'zfbwthf,qqhf',
      });
      expect(comma.body.data!.channel_codes).toEqual(['zfbwthf', 'qqhf']);
      const array = await merchantApiCall<Envelope>(platform, '/summarybydaychannel', {
        channel_codes: ['qqhf'],
      });
      expect(array.body.data).toMatchObject({ channel_codes: ['qqhf'], items: [] });
    });
  });

  describe('/channelstatus, /feestatement, /riskstats, /manualadjustments', () => {
    it('answers /channelstatus with every channel in the example’s shape', async () => {
      const { body } = await merchantApiCall<Envelope>(platform, '/channelstatus', {});
      expect(body).toMatchObject({ code: 0, data: { merchant_id: '2024164' } });
      expect(items(body).length).toBeGreaterThan(0);
      for (const c of items(body)) {
        expect(Object.keys(c)).toEqual([
          'channel_code',
          'channel_name',
          'system_enabled',
          'merchant_enabled',
          'rate',
          'user_defined_rate',
          'is_round_robin',
          'min_amount',
          'max_amount',
          'daily_quota',
          'daily_used',
          'last_used_at',
        ]);
        expect(typeof c.rate).toBe('number');
        expect(c.min_amount).toMatch(MONEY);
        for (const key of ['max_amount', 'daily_quota', 'daily_used'])
          expect(c[key] === null || MONEY.test(String(c[key]))).toBe(true);
      }
      const used = items(body).find((c) => c.channel_code === 'zfbwthf')!;
      expect(used.last_used_at).toMatch(DATE_TIME);
    });

    it('answers /feestatement with totals as two-decimal strings', async () => {
      const { body } = await merchantApiCall<Envelope>(platform, '/feestatement', {});
      expect(sortedKeys(body.data)).toEqual(
        [
          'merchant_id',
          'start_date',
          'end_date',
          'order_count',
          'gross_amount',
          'merchant_income',
          'agent_income',
          'platform_income',
          'platform_fee',
        ].sort(),
      );
      expect(body.data!.merchant_id).toBe('2024164');
      expect(body.data!.order_count).toBeGreaterThanOrEqual(1);
      for (const key of [
        'gross_amount',
        'merchant_income',
        'agent_income',
        'platform_income',
        'platform_fee',
      ])
        expect(body.data![key]).toMatch(MONEY);
    });

    it('answers /riskstats with counts and a legacy timestamp; high_amount sets the threshold', async () => {
      const { body } = await merchantApiCall<Envelope>(platform, '/riskstats', {});
      expect(sortedKeys(body.data)).toEqual(
        [
          'merchant_id',
          'timestamp',
          'pending_orders_over_30m',
          'high_value_orders_today',
          'failed_notifications',
          'withheld_orders',
        ].sort(),
      );
      expect(body.data!.timestamp).toMatch(DATE_TIME);
      expect(body.data!.high_value_orders_today).toBe(0);
      const low = await merchantApiCall<Envelope>(platform, '/riskstats', { high_amount: '50' });
      expect(low.body.data!.high_value_orders_today).toBeGreaterThanOrEqual(1);
    });

    it('answers /manualadjustments with the adjustment logs, paged', async () => {
      const { body } = await merchantApiCall<Envelope>(platform, '/manualadjustments', {});
      expect(sortedKeys(body.data)).toEqual(PAGE_KEYS);
      expect(body.data).toMatchObject({ merchant_id: '2024164', page: 1, page_size: 20, total: 1 });
      expect(sortedKeys(items(body)[0])).toEqual(MONEY_LOG_KEYS);
      expect(items(body)[0]).toMatchObject({ type_code: 0, change_amount: '1000.00' });
      const other = await merchantApiCall<Envelope>(
        platform,
        '/manualadjustments',
        {},
        { merchant: MERCHANT_KEYS.other },
      );
      expect(other.body.data).toMatchObject({ total: 0, total_pages: 0, items: [] });
    });
  });
});
