import { buildOpenApiApp } from './open-api-builders';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Merchant } from '../../modules/merchant/merchant.entity';
import { PayType } from '../../modules/channel/channel.entity';
import { seedDemoOrders, type DemoOrderSeedOptions } from './demo-orders';
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

/**
 * Seeds the demo platform when the database has no merchants: the channels and pzids
 * of the merchant-API examples, two merchants with demo keys, an agent, then several
 * days of orders driven through the platform's own commands and the sandbox channel
 * (demo-orders.ts). Returns false when data was already there.
 */
export async function seedDemoData(
  em: EntityManager,
  options: Omit<DemoOrderSeedOptions, 'now'> & { now?: Date },
): Promise<boolean> {
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
      // Every sixth QQ payment is withheld (扣量), so the demo has withheld orders.
      withholdEvery: c.code === 'qqhf' ? 6 : 0,
    });
  }
  await buildMerchantChannel(em, { merchant: other, channel: channels.get('wxhftest')!, rate: '10' });
  await buildMerchantChannel(em, { merchant: other, channel: channels.get('zfbwthf')!, rate: '10' });

  await seedDemoOrders(em, { ...options, now: options.now ?? new Date() });
  return true;
}
