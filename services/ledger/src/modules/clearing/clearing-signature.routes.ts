import type { Router } from 'express';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import {
  accountApiVerdictContract,
  internalRoute,
  verifyMerchantSign,
  type SignableValue,
} from '@pay/common';
import { MainAccount } from './main-account/main-account.entity';

/** The main account a verified account API request speaks for. */
export interface AccountApiCaller {
  mainAccountId: number;
  unionId: string;
  /** The owning merchant; null for a platform-owned main account. */
  merchantId: number | null;
}

export type AccountApiVerdict =
  { ok: true; mainAccount: AccountApiCaller } | { ok: false; code: 'SIGNATURE_INVALID' };

/**
 * Checks an account-clearing API request's signature (LEGACY-PROTOCOLS.md, "Account-clearing
 * API"): the merchant API's MD5 scheme over every parameter but `sign`, with the main
 * account's own key. An unknown `unionId` answers SIGNATURE_INVALID like a wrong sign,
 * so callers can't probe which identities exist. The key never leaves this service.
 */
export async function verifyAccountApiSignature(
  em: EntityManager,
  params: Record<string, SignableValue>,
): Promise<AccountApiVerdict> {
  const unionId = typeof params.unionId === 'string' ? params.unionId.trim() : '';
  if (unionId === '') return { ok: false, code: 'SIGNATURE_INVALID' };
  const main = await em.findOne(MainAccount, { unionId }, { populate: ['apiKey'] });
  if (!main || !verifyMerchantSign(params, main.apiKey)) return { ok: false, code: 'SIGNATURE_INVALID' };
  return {
    ok: true,
    mainAccount: { mainAccountId: main.id, unionId: main.unionId, merchantId: main.merchantId },
  };
}

/**
 * `POST /internal/account-api/verify-signature` (accountApiVerdictContract): the gateway's
 * REST shim asks whether an account-clearing API request is signed right, answered
 * `{ ok: true, mainAccount }` or `{ ok: false, code: 'SIGNATURE_INVALID' }`. Signed SYSTEM
 * callers only.
 */
export function clearingSignatureRoutes(orm: MikroORM, internalSecret: string): Router {
  return internalRoute(accountApiVerdictContract, { internalSecret, bodyLimit: '64kb' }, (request) =>
    verifyAccountApiSignature(orm.em.fork(), request.params),
  );
}
