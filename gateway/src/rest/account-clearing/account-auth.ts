import { AppError, accountApiVerdictContract, type Actor, type SignableValue } from '@pay/common';
import { askSignatureVerdict } from '../signature-verdict.client';

/** account-clearing-api.md §6: a timestamp more than 10 s from the server's clock is refused. */
export const ACCOUNT_TIMESTAMP_WINDOW_SECONDS = 10;

/** `timeStamp`: Unix seconds (a string or a number), within ±10 s of now. */
export function checkAccountTimestamp(value: SignableValue, now: Date = new Date()): void {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^\d{1,12}$/.test(text)) throw new AppError('TIMESTAMP_EXPIRED', 'timeStamp must be Unix seconds');
  if (Math.abs(now.getTime() / 1000 - Number(text)) > ACCOUNT_TIMESTAMP_WINDOW_SECONDS)
    throw new AppError('TIMESTAMP_EXPIRED', 'timeStamp is outside ±10 s of the server time');
}

/** The main account a request's signature verified. */
export interface VerifiedMainAccount {
  mainAccountId: number;
  unionId: string;
  merchantId: number | null;
}

const absent = (value: SignableValue): boolean => value === undefined || value === null || value === '';

/**
 * Authenticates an account-clearing API request: the timestamp here, the signature at
 * the ledger (which keeps the main accounts' keys; they never reach the gateway).
 */
export async function authenticateAccountRequest(
  params: Record<string, SignableValue>,
  options: { ledgerUrl: string; internalSecret: string },
): Promise<VerifiedMainAccount> {
  if (absent(params.unionId) || absent(params.sign)) throw new AppError('SIGNATURE_INVALID');
  checkAccountTimestamp(params.timeStamp ?? '');
  const verdict = await askSignatureVerdict({
    baseUrl: options.ledgerUrl,
    contract: accountApiVerdictContract,
    caller: 'gateway:account-api',
    internalSecret: options.internalSecret,
    body: { params },
  });
  return verdict.mainAccount;
}

/**
 * The actor the request's operations run as. The ledger scopes clearing queries by
 * `canAccessMainAccount`: a MERCHANT actor reaches only the main accounts its merchant
 * owns; platform roles reach all. So a merchant-owned account runs as its merchant
 * (the narrowest actor the ledger knows), and a platform-owned one (no merchant) as a
 * read-only ANALYST, as the merchant API's master-key endpoint does. Either way the
 * operations only ever name the main account the signature verified.
 */
export function accountActor(main: VerifiedMainAccount, ip: string | undefined): Actor {
  const sub = `account-api:main-account:${main.mainAccountId}`;
  const withIp = ip ? { ip } : {};
  return main.merchantId !== null
    ? { sub, role: 'MERCHANT', merchantId: main.merchantId, ...withIp }
    : { sub, role: 'ANALYST', ...withIp };
}
