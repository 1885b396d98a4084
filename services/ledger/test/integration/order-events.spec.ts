import { randomUUID } from 'node:crypto';
import { ACTOR_HEADER, signActorHeader } from '@pay/common';
import { AccountPurpose, ADJUSTMENT, merchantAccount } from '../../src/modules/account/account-purpose';
import { post } from '../../src/modules/posting/posting.service';
import { PostingType } from '../../src/modules/posting/posting-type';
import { verifyLedger } from '../../src/modules/verify/ledger-verify';
import { startLedgerTestApp, type LedgerTestApp } from '../support/ledger-app';

const MERCHANT = 2024164;

function orderEvent(topic: string, overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    topic,
    payload: {
      orderId: 1,
      platformOrderNo: 'H25111623144996156788',
      merchantId: MERCHANT,
      merchantOrderNo: '210127021460157465303',
      channelCode: 'zfbwthf',
      pzid: 332,
      agentId: 7,
      amount: 10000,
      merchantIncome: 8850,
      agentIncome: 400,
      channelFee: 750,
      upstreamCost: 50,
      platformProfit: 700,
      creditSeq: 0,
      paidAt: '2025-11-16T15:16:49.000Z',
      status: 'PAID',
      source: 'callback',
      actor: null,
      ...overrides,
    },
  };
}

describe('order events → postings', () => {
  let app: LedgerTestApp;
  beforeAll(async () => {
    app = await startLedgerTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  const send = (
    events: unknown[],
    secret = app.config.auth.internalSecret,
    role: 'SYSTEM' | 'OPERATOR' = 'SYSTEM',
  ) =>
    fetch(`${app.baseUrl}/internal/order-events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [ACTOR_HEADER]: signActorHeader({ sub: 'service:orders', role }, secret),
      },
      body: JSON.stringify({ events }),
    });

  const balance = async (merchantId: number, purpose: AccountPurpose) => {
    const [row] = (await app.orm.em
      .fork()
      .getConnection()
      .execute(
        `select balance from account_balance where owner_type = 'MERCHANT' and owner_id = ? and purpose = ?`,
        [String(merchantId), purpose],
      )) as {
      balance: string;
    }[];
    return Number(row?.balance ?? 0);
  };

  const legsOf = async (uniqueNo: string) =>
    (await app.orm.em
      .fork()
      .getConnection()
      .execute(
        `select a.purpose, a.owner_id, l.amount, l.type, l.description from leg l join posting p on p.id = l.posting_id join account a on a.id = l.account_id
          where p.unique_no = ? order by a.purpose`,
        [uniqueNo],
      )) as { purpose: string; owner_id: string; amount: string; type: number; description: string }[];

  it('credits the stored split exactly: merchant (frozen), agent, platform profit, upstream cost against the channel receivable', async () => {
    const event = orderEvent('order.paid');
    const response = await send([event]);
    expect(response.status).toBe(200);
    const legs = await legsOf('2024164210127021460157465303_bd0');
    expect(legs.map((l) => [l.purpose, l.owner_id, Number(l.amount)])).toEqual([
      ['AGENT_COMMISSION', '7', 400],
      ['CHANNEL_RECEIVABLE', 'zfbwthf', -10000],
      ['MERCHANT_FROZEN', '2024164', 8850],
      ['PLATFORM_REVENUE', 'platform', 700],
      ['UPSTREAM_COST', '332', 50],
    ]);
    expect(legs.find((l) => l.purpose === 'MERCHANT_FROZEN')!.description).toBe(
      '资金流水记录：订单金额100.00元，到账金额88.50元',
    );
    expect(legs.find((l) => l.purpose === 'AGENT_COMMISSION')!.type).toBe(PostingType.COMMISSION);
  });

  it('posts the same event once however often it is delivered', async () => {
    const event = orderEvent('order.paid', { merchantOrderNo: 'DUP-1', creditSeq: 0 });
    for (let i = 0; i < 10; i += 1) expect((await send([event])).status).toBe(200);
    const [row] = (await app.orm.em
      .fork()
      .getConnection()
      .execute(`select count(*)::int as n from posting where unique_no = ?`, [`${MERCHANT}DUP-1_bd0`])) as {
      n: number;
    }[];
    expect(row!.n).toBe(1);
  });

  it('credits nothing for a withheld order until it is released', async () => {
    const before = await balance(MERCHANT, AccountPurpose.MERCHANT_FROZEN);
    expect((await send([orderEvent('order.withheld', { merchantOrderNo: 'WH-1' })])).status).toBe(200);
    expect(await balance(MERCHANT, AccountPurpose.MERCHANT_FROZEN)).toBe(before);
    expect((await send([orderEvent('order.released', { merchantOrderNo: 'WH-1' })])).status).toBe(200);
    expect(await balance(MERCHANT, AccountPurpose.MERCHANT_FROZEN)).toBe(before + 8850);
  });

  it('reverses from frozen income, or from the available balance once unfrozen, and refuses when neither covers it', async () => {
    const merchant = 3000001;
    const paid = orderEvent('order.paid', {
      merchantId: merchant,
      merchantOrderNo: 'RV-1',
      agentId: null,
      agentIncome: 0,
      merchantIncome: 9250,
      channelFee: 750,
    });
    await send([paid]);
    expect(await balance(merchant, AccountPurpose.MERCHANT_FROZEN)).toBe(9250);
    expect((await send([{ ...paid, id: randomUUID(), topic: 'order.reversed' }])).status).toBe(200);
    expect(await balance(merchant, AccountPurpose.MERCHANT_FROZEN)).toBe(0);

    // Paid again (second credit), unfrozen to available, then spent: nothing covers the reversal.
    const again = { ...paid, id: randomUUID(), payload: { ...paid.payload, creditSeq: 1 } };
    await send([again]);
    await post(app.orm.em.fork(), {
      uniqueNo: 'test-unfreeze-rv',
      type: PostingType.UNFREEZE,
      description: 'unfreeze',
      actor: 'test',
      legs: [
        { ...merchantAccount(merchant, AccountPurpose.MERCHANT_FROZEN), amount: -9250 },
        { ...merchantAccount(merchant, AccountPurpose.MERCHANT_AVAILABLE), amount: 9250 },
      ],
    });
    await post(app.orm.em.fork(), {
      uniqueNo: 'test-spend-rv',
      type: PostingType.ADJUSTMENT,
      description: 'spent',
      actor: 'test',
      legs: [
        { ...merchantAccount(merchant, AccountPurpose.MERCHANT_AVAILABLE), amount: -9000 },
        { ...ADJUSTMENT, amount: 9000 },
      ],
    });
    const refused = await send([{ ...again, id: randomUUID(), topic: 'order.reversed' }]);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'INSUFFICIENT_BALANCE' });
    expect(await balance(merchant, AccountPurpose.MERCHANT_AVAILABLE)).toBe(250);
    expect((await verifyLedger(app.orm.em.fork())).ok).toBe(true);
  });

  it('takes the credit back when a paid order is refunded, keyed apart from a cancel', async () => {
    const merchant = 3000002;
    const paid = orderEvent('order.paid', {
      merchantId: merchant,
      merchantOrderNo: 'RF-1',
      agentId: null,
      agentIncome: 0,
      merchantIncome: 9250,
      channelFee: 750,
    });
    await send([paid]);
    const refund = { ...paid, id: randomUUID(), topic: 'order.refunded' };
    expect((await send([refund])).status).toBe(200);
    expect((await send([refund])).status).toBe(200);
    expect(await balance(merchant, AccountPurpose.MERCHANT_FROZEN)).toBe(0);
    const legs = await legsOf(`${merchant}RF-1_rf0`);
    expect(legs.find((l) => l.purpose === 'MERCHANT_FROZEN')).toMatchObject({
      amount: '-9250',
      description: `退款回退：订单${merchant}RF-1，扣回92.50元`,
    });
    expect((await verifyLedger(app.orm.em.fork())).ok).toBe(true);
  });

  it('refuses an event whose payment time is not a timestamp, before it can block the relay', async () => {
    const response = await send([
      orderEvent('order.paid', { merchantOrderNo: 'BADTIME-1', paidAt: 'yesterday' }),
    ]);
    expect(response.status).toBe(400);
    expect((await legsOf(`${MERCHANT}BADTIME-1_bd0`)).length).toBe(0);
  });

  it('hears only a signed SYSTEM caller and refuses malformed events', async () => {
    expect((await send([orderEvent('order.paid')], 'wrong-secret-wrong-secret')).status).toBe(401);
    expect((await send([orderEvent('order.paid')], app.config.auth.internalSecret, 'OPERATOR')).status).toBe(
      401,
    );
    expect((await send([orderEvent('order.paid', { amount: 1.5 })])).status).toBe(400);
    expect((await send([{ ...orderEvent('order.paid'), topic: 'order.exploded' }])).status).toBe(400);
  });
});
