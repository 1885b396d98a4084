import { generateKeyPairSync } from 'node:crypto';

/**
 * Keys of the sandbox upstream. The sandbox plays both sides — the channel signs its
 * callbacks, the platform verifies them through the real adapters — so a key pair
 * made at start-up is enough; nothing outside this process ever needs it.
 */
export interface SandboxKeys {
  alipayAppId: string;
  /** The "channel's" private key (Alipay signs notifications with it). */
  alipayPrivateKeyPem: string;
  /** What the platform verifies with. */
  alipayPublicKeyPem: string;
  wechatAppId: string;
  wechatMchId: string;
  wechatApiKey: string;
}

export function createSandboxKeys(options: { alipayAppId: string; wechatApiKey: string }): SandboxKeys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    alipayAppId: options.alipayAppId,
    alipayPrivateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    alipayPublicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    wechatAppId: 'wxsandbox0000001',
    wechatMchId: '1900000109',
    wechatApiKey: options.wechatApiKey,
  };
}
