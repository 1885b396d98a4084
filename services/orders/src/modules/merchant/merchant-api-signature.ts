import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  constantTimeEqual,
  merchantApiActor,
  merchantApiVerdictContract,
  MERCHANT_API_PROOF_EXTENSION,
  verifyMerchantSign,
  type ClaimCheck,
  type SignableValue,
} from '@pay/common';
import { MerchantStatus } from './merchant.entity';
import { readMerchantCredentials, type MerchantCredentialCache } from './merchant-credentials';

/** Who a verified legacy merchant API request speaks for. */
export type MerchantApiCaller =
  { kind: 'merchant'; merchantId: number; masterKey: boolean } | { kind: 'platform' };

export type MerchantApiVerdict =
  { ok: true; caller: MerchantApiCaller } | { ok: false; code: 'SIGNATURE_INVALID' | 'MERCHANT_DISABLED' };

/**
 * Checks a legacy merchant API request's signature (merchant-api.md §1): the secret is
 * the master key when `access_key` equals it, else the merchant's own key. Platform
 * endpoints (`platformOnly`) accept the master key alone and need no merchant. The keys
 * never leave this service: the gateway sends the parameters and gets a verdict.
 *
 * The merchant's status and key come from the credential cache, which drops a merchant
 * when PostgreSQL notifies that its row changed (merchant-credentials.ts): a changed key
 * or a disabled merchant counts once that notice arrives, milliseconds after the change
 * commits, and from the very next request whenever the cache is not listening.
 */
export async function verifyMerchantApiSignature(
  em: EntityManager,
  credentials: MerchantCredentialCache,
  masterKey: string,
  params: Record<string, SignableValue>,
  options: { platformOnly: boolean },
): Promise<MerchantApiVerdict> {
  const accessKey = typeof params.access_key === 'string' ? params.access_key : '';
  const usesMasterKey = accessKey !== '' && constantTimeEqual(accessKey, masterKey);
  if (options.platformOnly) {
    return usesMasterKey && verifyMerchantSign(params, masterKey)
      ? { ok: true, caller: { kind: 'platform' } }
      : { ok: false, code: 'SIGNATURE_INVALID' };
  }
  const id = Number(params.merchant_id);
  if (!Number.isSafeInteger(id) || id <= 0 || String(params.merchant_id).trim() !== String(id)) {
    return { ok: false, code: 'MERCHANT_DISABLED' };
  }
  const merchant = await readMerchantCredentials(credentials, em, id);
  if (!merchant || merchant.status !== MerchantStatus.ACTIVE) return { ok: false, code: 'MERCHANT_DISABLED' };
  const secret = usesMasterKey ? masterKey : merchant.signingKey;
  return verifyMerchantSign(params, secret)
    ? { ok: true, caller: { kind: 'merchant', merchantId: id, masterKey: usesMasterKey } }
    : { ok: false, code: 'SIGNATURE_INVALID' };
}

/**
 * Orders' check of a claimed actor (`ClaimCheck`): the gateway folded a merchant API
 * request's signature verdict into the operation's own call, sending who the request says
 * it is and the signed parameters in `extensions`. The signature is checked exactly as
 * the verdict endpoint checks it, and the operation runs only when the verdict's caller
 * is exactly the claimed actor; anything else is refused as a bad signature.
 */
export function merchantApiClaimCheck(
  em: EntityManager,
  credentials: MerchantCredentialCache,
  masterKey: string,
): ClaimCheck {
  return async (claim, extensions) => {
    const proof = merchantApiVerdictContract.request.safeParse(
      (extensions as Record<string, unknown> | undefined)?.[MERCHANT_API_PROOF_EXTENSION],
    );
    if (claim.proof !== 'merchant-api' || !proof.success) return { ok: false, code: 'SIGNATURE_INVALID' };
    const verdict = await verifyMerchantApiSignature(em, credentials, masterKey, proof.data.params, {
      platformOnly: proof.data.platformOnly,
    });
    if (!verdict.ok) return verdict;
    return isDeepStrictEqual(merchantApiActor(verdict.caller, claim.actor.ip), claim.actor)
      ? { ok: true }
      : { ok: false, code: 'SIGNATURE_INVALID' };
  };
}
