import type { EntityManager } from '@mikro-orm/postgresql';
import { NotifiedCache, queryPlainRows } from '@pay/common';
import type { MerchantStatus } from './merchant.entity';

/** What a signature verdict needs of a merchant. */
export interface MerchantCredentials {
  status: MerchantStatus;
  signingKey: string;
}

/** Notified by the merchant table's trigger (Migration20261210090000_merchant_credential_notify). */
export const MERCHANT_CREDENTIALS_CHANNEL = 'orders_merchant_credentials';

export type MerchantCredentialCache = NotifiedCache<MerchantCredentials>;

/**
 * Merchants' status and signing key for the merchant API's signature verdicts, read once
 * and kept until the merchant's row changes (NotifiedCache): every legacy request needs
 * them, and asking PostgreSQL each time was a round trip and a statement per request.
 * `url` must reach PostgreSQL itself (DATABASE_DIRECT_URL behind PgBouncer); `ttlMs` 0
 * keeps nothing.
 */
export function merchantCredentialCache(url: string, ttlMs: number): MerchantCredentialCache {
  return new NotifiedCache<MerchantCredentials>({ url, channel: MERCHANT_CREDENTIALS_CHANNEL, ttlMs });
}

/** A merchant's credentials as they are now: kept ones unless the row changed since, else read. */
export function readMerchantCredentials(
  cache: MerchantCredentialCache,
  em: EntityManager,
  merchantId: number,
): Promise<MerchantCredentials | null> {
  return cache.read(String(merchantId), async () => {
    // A prepared statement on the driver: no managed entity, not even a query builder.
    const [row] = (await queryPlainRows(em, 'select status, signing_key from merchant where id = $1', [
      merchantId,
    ])) as { status: MerchantStatus; signing_key: string }[];
    return row ? { status: row.status, signingKey: row.signing_key } : null;
  });
}
