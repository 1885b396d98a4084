import type { EntityManager } from '@mikro-orm/postgresql';
import { Secret, TOTP } from 'otpauth';
import { AppError } from '@pay/common';
import { Merchant } from './merchant.entity';

/** Google Authenticator's defaults: SHA-1, six digits, 30-second steps. */
const TOTP_SETTINGS = { issuer: 'PayOffice', algorithm: 'SHA1', digits: 6, period: 30 } as const;

/** Codes one step early or late still pass (clock drift, typing time). */
const WINDOW = 1;

export interface EnableTwoFactorResult {
  merchantId: number;
  /** The otpauth:// URI to enrol an authenticator app with; shown once, never readable again. */
  otpauthUri: string;
}

export interface TotpVerdict {
  /** Whether the merchant has two-factor on. */
  required: boolean;
  /** Whether the code is right, within ±1 step, and not used before. */
  valid: boolean;
}

const totpFor = (merchantId: number, secret: Secret) =>
  new TOTP({ ...TOTP_SETTINGS, label: `merchant-${merchantId}`, secret });

/**
 * Turns two-factor on with a fresh secret (enabling again re-enrols: the old secret
 * stops working). The secret leaves the service only inside the URI returned here.
 */
export async function enableTwoFactor(em: EntityManager, merchantId: number): Promise<EnableTwoFactorResult> {
  const merchant = await em.findOne(Merchant, { id: merchantId });
  if (!merchant) throw new AppError('NOT_FOUND', `merchant ${merchantId} not found`, { merchantId });
  const secret = new Secret({ size: 20 });
  merchant.twoFactorEnabled = true;
  merchant.totpSecret = secret.base32;
  merchant.totpLastStep = null;
  await em.flush();
  return { merchantId, otpauthUri: totpFor(merchantId, secret).toString() };
}

/** Turns two-factor off and forgets the secret. */
export async function disableTwoFactor(em: EntityManager, merchantId: number): Promise<Merchant> {
  const merchant = await em.findOne(Merchant, { id: merchantId });
  if (!merchant) throw new AppError('NOT_FOUND', `merchant ${merchantId} not found`, { merchantId });
  merchant.twoFactorEnabled = false;
  merchant.totpSecret = null;
  merchant.totpLastStep = null;
  await em.flush();
  return merchant;
}

/**
 * Checks a merchant's TOTP code (for the ledger's withdrawals). A code passes within ±1
 * step and only once: accepting it advances the merchant's last used step atomically,
 * so the same code replayed — even concurrently — fails. Two-factor on without a
 * secret fails closed. Null: no such merchant.
 */
export async function verifyMerchantTotp(
  em: EntityManager,
  merchantId: number,
  code: string,
  now: number = Date.now(),
): Promise<TotpVerdict | null> {
  const merchant = await em.findOne(Merchant, { id: merchantId }, { populate: ['totpSecret'] });
  if (!merchant) return null;
  if (!merchant.twoFactorEnabled) return { required: false, valid: false };
  if (!merchant.totpSecret || !/^\d{6}$/.test(code)) return { required: true, valid: false };
  const totp = totpFor(merchantId, Secret.fromBase32(merchant.totpSecret));
  const delta = totp.validate({ token: code, timestamp: now, window: WINDOW });
  if (delta === null) return { required: true, valid: false };
  const step = totp.counter({ timestamp: now }) + delta;
  const claimed = (await em
    .getConnection()
    .execute(
      `update merchant set totp_last_step = ? where id = ? and (totp_last_step is null or totp_last_step < ?) returning id`,
      [step, merchantId, step],
      'all',
      em.getTransactionContext(),
    )) as unknown[];
  return { required: true, valid: claimed.length === 1 };
}
