import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { OrdersConfig } from '../../config';

/**
 * Keys of the sandbox upstream. The sandbox plays both sides — the channel signs its
 * callbacks, the platform verifies them through the real adapters — so a key pair
 * made at start-up is enough, unless another process (the settlement service paying a
 * recharge through the sandbox's Alipay gateway) must verify the sandbox's
 * notifications: then the private key comes from the configuration.
 */
export interface SandboxKeys {
  alipayAppId: string;
  /** The "channel's" private key (Alipay signs notifications with it). */
  alipayPrivateKeyPem: string;
  /** What the platform verifies with. */
  alipayPublicKeyPem: string;
  /** The merchant app's public key that the sandbox's Alipay gateway checks requests with; null: it does not. */
  alipayAppPublicKeyPem: string | null;
  wechatAppId: string;
  wechatMchId: string;
  wechatApiKey: string;
}

export function createSandboxKeys(options: OrdersConfig['sandbox']): SandboxKeys {
  const { privateKey, publicKey } = alipayKeyPair(options.alipayPrivateKeyPem);
  return {
    alipayAppId: options.alipayAppId,
    alipayPrivateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    alipayPublicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    alipayAppPublicKeyPem: options.alipayAppPublicKeyPem,
    wechatAppId: 'wxsandbox0000001',
    wechatMchId: '1900000109',
    wechatApiKey: options.wechatApiKey,
  };
}

function alipayKeyPair(privateKeyPem: string | null): { privateKey: KeyObject; publicKey: KeyObject } {
  if (privateKeyPem === null) return generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKey = createPrivateKey(privateKeyPem);
  return { privateKey, publicKey: createPublicKey(privateKey) };
}
