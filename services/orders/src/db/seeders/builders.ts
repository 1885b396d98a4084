import type { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { parsePercent, parseYuan } from '@pay/common';
import { Agent } from '../../modules/merchant/agent.entity';
import { Merchant, MerchantStatus } from '../../modules/merchant/merchant.entity';
import { Channel, PayType } from '../../modules/channel/channel.entity';
import { MerchantChannel } from '../../modules/channel/merchant-channel.entity';
import { UpstreamAdapterKind, UpstreamConfig } from '../../modules/upstream/upstream-config.entity';

/**
 * Builders for demo data and tests: readable defaults, everything overridable, amounts
 * and rates given the way people say them ("100.00", "11.5").
 */
export async function buildAgent(em: EntityManager, name = 'Demo agent'): Promise<Agent> {
  const agent = em.create(Agent, { name });
  await em.flush();
  return agent;
}

export async function buildMerchant(
  em: EntityManager,
  fields: {
    id: number;
    name?: string;
    key?: string;
    agent?: Agent | null;
    status?: MerchantStatus;
    twoFactor?: boolean;
  },
): Promise<Merchant> {
  const merchant = em.create(Merchant, {
    id: fields.id,
    name: fields.name ?? `Merchant ${fields.id}`,
    signingKey: fields.key ?? randomBytes(16).toString('hex'),
    agent: fields.agent ?? null,
    status: fields.status ?? MerchantStatus.ACTIVE,
    twoFactorEnabled: fields.twoFactor ?? false,
    ipAllowList: [],
  });
  await em.flush();
  return merchant;
}

export async function buildChannel(
  em: EntityManager,
  fields: {
    code: string;
    name?: string;
    payType?: PayType;
    systemEnabled?: boolean;
    min?: string;
    max?: string | null;
    dailyQuota?: string | null;
    sortOrder?: number;
  },
): Promise<Channel> {
  const channel = em.create(Channel, {
    code: fields.code,
    name: fields.name ?? fields.code,
    payType: fields.payType ?? PayType.ALIPAY,
    systemEnabled: fields.systemEnabled ?? true,
    minAmount: parseYuan(fields.min ?? '0.00'),
    maxAmount: fields.max ? parseYuan(fields.max) : null,
    dailyQuota: fields.dailyQuota ? parseYuan(fields.dailyQuota) : null,
    sortOrder: fields.sortOrder ?? 0,
  });
  await em.flush();
  return channel;
}

export async function buildUpstreamConfig(
  em: EntityManager,
  fields: {
    pzid: number;
    channel: Channel;
    name?: string;
    costRate?: string;
    weight?: number;
    enabled?: boolean;
    adapter?: UpstreamAdapterKind;
  },
): Promise<UpstreamConfig> {
  const config = em.create(UpstreamConfig, {
    pzid: fields.pzid,
    name: fields.name ?? `pz${fields.pzid}`,
    channel: fields.channel,
    adapter:
      fields.adapter ??
      (fields.channel.payType === PayType.WECHAT
        ? UpstreamAdapterKind.SANDBOX_WECHAT
        : UpstreamAdapterKind.SANDBOX_ALIPAY),
    costRatePpm: parsePercent(fields.costRate ?? '0.5'),
    weight: fields.weight ?? 1,
    enabled: fields.enabled ?? true,
  });
  await em.flush();
  return config;
}

export async function buildMerchantChannel(
  em: EntityManager,
  fields: {
    merchant: Merchant;
    channel: Channel;
    enabled?: boolean;
    rate?: string;
    agentRate?: string;
    roundRobin?: boolean;
    withholdEvery?: number;
    userDefinedRate?: boolean;
  },
): Promise<MerchantChannel> {
  const setting = em.create(MerchantChannel, {
    merchant: fields.merchant,
    channel: fields.channel,
    enabled: fields.enabled ?? true,
    ratePpm: parsePercent(fields.rate ?? '11.5'),
    agentRatePpm: parsePercent(fields.agentRate ?? '0'),
    userDefinedRate: fields.userDefinedRate ?? fields.rate !== undefined,
    roundRobin: fields.roundRobin ?? false,
    withholdEvery: fields.withholdEvery ?? 0,
  });
  await em.flush();
  return setting;
}

/**
 * A small world most tests start from: merchant 2024164 (agent at 4 %) on zfbwthf at
 * 11.5 % with upstream cost 0.5 %, merchant 2023100 on wxhftest at 10 %, a disabled
 * merchant, and a channel switched off by the system.
 */
export async function buildStandardWorld(em: EntityManager) {
  const agent = await buildAgent(em, 'Agent Zhang');
  const merchant = await buildMerchant(em, { id: 2024164, name: 'jl888', key: 'key-2024164-demo', agent });
  const other = await buildMerchant(em, { id: 2023100, name: 'other shop', key: 'key-2023100-demo' });
  const disabled = await buildMerchant(em, {
    id: 2020001,
    name: 'closed shop',
    key: 'key-2020001-demo',
    status: MerchantStatus.DISABLED,
  });
  const zfbwthf = await buildChannel(em, {
    code: 'zfbwthf',
    name: '支付宝网厅话费',
    payType: PayType.ALIPAY,
    sortOrder: 1,
  });
  const wxhftest = await buildChannel(em, {
    code: 'wxhftest',
    name: '微信话费测试专用',
    payType: PayType.WECHAT,
    min: '10.00',
    max: '500.00',
    sortOrder: 2,
  });
  const cwtlt = await buildChannel(em, { code: 'cwtlt', name: '纯联通', systemEnabled: false, sortOrder: 3 });
  const pz332 = await buildUpstreamConfig(em, {
    pzid: 332,
    channel: zfbwthf,
    name: '华捷四方-1700支付宝md5',
    costRate: '0.5',
  });
  const pz333 = await buildUpstreamConfig(em, {
    pzid: 333,
    channel: zfbwthf,
    name: '华捷四方-备用支付宝',
    costRate: '0.5',
  });
  const pz337 = await buildUpstreamConfig(em, {
    pzid: 337,
    channel: wxhftest,
    name: '华捷四方-网厅微信md5',
    costRate: '0.6',
  });
  await buildUpstreamConfig(em, { pzid: 340, channel: cwtlt, costRate: '0.5' });
  await buildMerchantChannel(em, {
    merchant,
    channel: zfbwthf,
    rate: '11.5',
    agentRate: '4',
    roundRobin: true,
  });
  await buildMerchantChannel(em, { merchant, channel: cwtlt, rate: '9' });
  await buildMerchantChannel(em, { merchant: other, channel: wxhftest, rate: '10' });
  await buildMerchantChannel(em, { merchant: disabled, channel: zfbwthf, rate: '10' });
  return { agent, merchant, other, disabled, zfbwthf, wxhftest, cwtlt, pz332, pz333, pz337 };
}
