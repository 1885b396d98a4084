import type { SandboxKeys } from '../sandbox/sandbox-keys';
import { AlipayAdapter } from './alipay.adapter';
import { WechatPayV2Adapter } from './wechat-pay-v2.adapter';
import type { ChannelAdapter } from './channel-adapter';
import { UpstreamAdapterKind } from './upstream-config.entity';

/** The adapter that verifies callbacks for each upstream config kind. */
export function createChannelAdapters(keys: SandboxKeys): Record<UpstreamAdapterKind, ChannelAdapter> {
  return {
    [UpstreamAdapterKind.SANDBOX_ALIPAY]: new AlipayAdapter({
      appId: keys.alipayAppId,
      alipayPublicKeyPem: keys.alipayPublicKeyPem,
    }),
    [UpstreamAdapterKind.SANDBOX_WECHAT]: new WechatPayV2Adapter({
      appId: keys.wechatAppId,
      mchId: keys.wechatMchId,
      apiKey: keys.wechatApiKey,
    }),
  };
}
