// PLACEHOLDER: the ledger helper replaces this with the HTTP client.
import type { LedgerClient } from './ledger-client';

export function createLedgerClient(_options: { ledgerUrl: string | null; internalSecret: string }): LedgerClient {
  throw new Error('not implemented');
}
