import { buildOpenApiApp } from './open-api-builders';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, newPlatformOrderNo, parseYuan, splitFees, type Fen } from '@pay/common';
import { Merchant } from '../../modules/merchant/merchant.entity';
import { PayType } from '../../modules/channel/channel.entity';
import { Order, NotifyStyle } from '../../modules/order/order.entity';
import { NotifyStatus, OrderStatus, STATUS_PRESENTATION } from '../../modules/order/order-status';
import { ORDER_TOPICS, recordOrderEvent, recordOrderState } from '../../modules/order/order-events';
import {
  buildAgent,
  buildChannel,
  buildMerchant,
  buildMerchantChannel,
  buildUpstreamConfig,
} from './builders';

/** Demo signing keys — clearly labelled, for the embedded demo only. */
export const DEMO_KEYS = {
  merchant: 'demo-merchant-key-2024164',
  otherMerchant: 'demo-merchant-key-2023100',
};

/** The channels of the merchant API's /rates and /channelstatus examples. */
const CHANNELS: {
  code: string;
  name: string;
  payType: PayType;
  system: boolean;
  min: string;
  max: string | null;
}[] = [
  {
    code: 'wxhftest',
    name: '微信话费测试专用',
    payType: PayType.WECHAT,
    system: true,
    min: '10.00',
    max: '500.00',
  },
  {
    code: 'zfbhftest',
    name: '支付宝话费测试专用',
    payType: PayType.ALIPAY,
    system: true,
    min: '100.00',
    max: '10000.00',
  },
  { code: 'cjwxhf', name: '微信话费慢充', payType: PayType.WECHAT, system: true, min: '0.00', max: null },
  { code: 'cjzfbhf', name: '支付宝话费慢充', payType: PayType.ALIPAY, system: true, min: '0.00', max: null },
  { code: 'wxwthf', name: '微信网厅话费', payType: PayType.WECHAT, system: true, min: '0.00', max: null },
  { code: 'zfbwthf', name: '支付宝网厅话费', payType: PayType.ALIPAY, system: true, min: '0.00', max: null },
  { code: 'qqhf', name: 'QQ话费', payType: PayType.QQ, system: true, min: '0.00', max: null },
  { code: 'tbsqhf', name: '淘宝授权话费', payType: PayType.ALIPAY, system: true, min: '0.00', max: null },
  { code: 'ydwtzfb', name: '移动网厅支付宝', payType: PayType.ALIPAY, system: true, min: '0.00', max: null },
  { code: 'ysfhf', name: '云闪付话费', payType: PayType.UNIONPAY, system: true, min: '0.00', max: null },
  { code: 'ncys', name: '内层原生', payType: PayType.OTHER, system: true, min: '10.00', max: '500.00' },
  { code: 'zfbqjd', name: '支付宝旗舰店', payType: PayType.ALIPAY, system: true, min: '0.00', max: null },
  { code: 'cwtlt', name: '纯联通', payType: PayType.OTHER, system: false, min: '0.00', max: null },
  { code: 'swzfb', name: '三网支付宝', payType: PayType.ALIPAY, system: true, min: '0.00', max: null },
  { code: 'zft', name: '直付通', payType: PayType.ALIPAY, system: true, min: '100.00', max: '10000.00' },
];

/** Merchant 2024164's enabled channels and rates, as the /rates example shows them. */
const ENABLED: Record<string, string> = { wxwthf: '11.5', zfbwthf: '11.5', qqhf: '10.5', swzfb: '9' };

/** Every lifecycle status once, plus more paid orders: what a day of a real merchant looks like. */
const STATUS_MIX: OrderStatus[] = [
  ...Object.values(OrderStatus),
  OrderStatus.PAID,
  OrderStatus.PAID,
  OrderStatus.PAID,
  OrderStatus.PENDING,
];

/**
 * Seeds the demo platform when the database has no merchants: the channels and pzids
 * of the merchant-API examples, two merchants with demo keys, an agent, and a few days
 * of orders in every status. Returns false when data was already there.
 */
export async function seedDemoData(em: EntityManager, now: Date = new Date()): Promise<boolean> {
  if ((await em.count(Merchant, {})) > 0) return false;
  const agent = await buildAgent(em, '张代理');
  const merchant = await buildMerchant(em, { id: 2024164, name: 'jl888', key: DEMO_KEYS.merchant, agent });
  const other = await buildMerchant(em, { id: 2023100, name: '演示商户二', key: DEMO_KEYS.otherMerchant });
  // The Fubei-style open API's demo app (POST /openapi) for merchant 2024164.
  await buildOpenApiApp(em);
  let pzid = 330;
  const pzNames: Record<string, string> = {
    zfbwthf: '华捷四方-1700支付宝md5',
    wxhftest: '华捷四方-网厅微信md5',
  };
  const configs = new Map<string, Awaited<ReturnType<typeof buildUpstreamConfig>>>();
  const channels = new Map<string, Awaited<ReturnType<typeof buildChannel>>>();
  for (const [index, c] of CHANNELS.entries()) {
    const channel = await buildChannel(em, {
      code: c.code,
      name: c.name,
      payType: c.payType,
      systemEnabled: c.system,
      min: c.min,
      max: c.max,
      sortOrder: index,
    });
    channels.set(c.code, channel);
    pzid += 1;
    const id = c.code === 'zfbwthf' ? 332 : c.code === 'wxhftest' ? 337 : pzid + 400;
    configs.set(
      c.code,
      await buildUpstreamConfig(em, {
        pzid: id,
        channel,
        name: pzNames[c.code] ?? `${c.name}-上游`,
        costRate: '0.5',
      }),
    );
    const rate = ENABLED[c.code];
    await buildMerchantChannel(em, {
      merchant,
      channel,
      enabled: rate !== undefined,
      rate: rate ?? '0',
      agentRate: rate ? '4' : '0',
      roundRobin: !['wxhftest', 'zfbhftest', 'ysfhf', 'ncys', 'zfbqjd', 'cwtlt'].includes(c.code),
      userDefinedRate: rate !== undefined,
    });
  }
  await buildMerchantChannel(em, { merchant: other, channel: channels.get('wxhftest')!, rate: '10' });

  const orderFor = (
    m: Merchant,
    code: string,
    amount: Fen,
    status: OrderStatus,
    createdAt: Date,
    n: number,
  ) => {
    const ratePpm = code === 'wxhftest' ? 100_000 : 115_000;
    const agentPpm = m.id === merchant.id ? 40_000 : 0;
    const split = splitFees(amount, { merchantRate: ratePpm, agentRate: agentPpm, upstreamCostRate: 5_000 });
    const paid = ![OrderStatus.PENDING, OrderStatus.EXPIRED, OrderStatus.CANCELLED_BY_USER].includes(status);
    return em.create(Order, {
      merchant: m,
      merchantOrderNo: `DEMO${createdAt.getTime()}${n}`,
      platformOrderNo: newPlatformOrderNo(createdAt),
      upstreamOrderNo: paid ? `SBX${createdAt.getTime()}${n}` : null,
      channel: channels.get(code)!,
      upstreamConfig: configs.get(code)!,
      amount,
      merchantIncome: split.merchantIncome,
      agentIncome: split.agentIncome,
      channelFee: split.channelFee,
      upstreamCost: split.upstreamCost,
      platformProfit: split.platformProfit,
      merchantRatePpm: ratePpm,
      agentRatePpm: agentPpm,
      upstreamCostRatePpm: 5_000,
      agentId: m.id === merchant.id ? agent.id : null,
      productTitle: 'desc',
      attach: '',
      notifyUrl: 'https://example.com',
      returnUrl: 'https://example.com',
      notifyStyle: NotifyStyle.JSON,
      requestIp: '223.104.76.196',
      clientAttach: {
        fxdesc: 'desc',
        fxattch: null,
        fxnotifyurl: 'https://example.com',
        fxbackurl: 'https://example.com',
        fxip: '223.104.76.196',
        fxbankcode: null,
        fxfs: null,
        fxuserid: null,
        fxnotifystyle: '2',
        fxsignstring: '',
        fxjumpflag: null,
      },
      status,
      notifyStatus: status === OrderStatus.PAID ? NotifyStatus.SUCCESS : NotifyStatus.PENDING,
      notifyAttempts: status === OrderStatus.PAID ? 1 : 0,
      deductStatus: status === OrderStatus.WITHHELD ? 1 : 2,
      createdAt,
      paidAt: paid ? new Date(createdAt.getTime() + 90_000) : null,
    });
  };
  let n = 0;
  for (let day = 4; day >= 0; day -= 1) {
    for (let i = 0; i < STATUS_MIX.length; i += 1) {
      n += 1;
      const createdAt = new Date(addDays(now, -day).getTime() - (i + 1) * 47 * 60_000);
      const code = ['zfbwthf', 'wxwthf', 'qqhf', 'swzfb'][i % 4]!;
      orderFor(merchant, code, parseYuan(i % 5 === 0 ? '200.00' : '100.00'), STATUS_MIX[i]!, createdAt, n);
    }
    n += 1;
    orderFor(
      other,
      'wxhftest',
      parseYuan('50.00'),
      OrderStatus.PAID,
      new Date(addDays(now, -day).getTime() - 3_600_000),
      n,
    );
  }
  await em.flush();
  // The money of the demo orders reaches the ledger the way real payments do: through
  // the outbox (orders need their ids first, hence the second flush).
  for (const order of em.getUnitOfWork().getIdentityMap().values()) {
    if (!(order instanceof Order)) continue;
    if (STATUS_PRESENTATION[order.status].merchantCode === 1)
      recordOrderEvent(em, ORDER_TOPICS.PAID, order, 'demo');
    if (order.status === OrderStatus.WITHHELD) recordOrderEvent(em, ORDER_TOPICS.WITHHELD, order, 'demo');
    recordOrderState(em, order);
  }
  await em.flush();
  return true;
}
