import { randomBytes } from 'node:crypto';
import {
  ACTOR_HEADER,
  dataOf,
  formatFen,
  postGraphQL,
  signActorHeader,
  startServiceProcess,
  TEST_ACTORS,
} from '@pay/common';

/** The real ledger service, as settlement meets it: its own process, over HTTP. */
export interface LedgerProcess {
  url: string;
  /** Credits a merchant's available balance (an operator's adjustment through the ledger's graph); fen. */
  credit: (merchantId: number, fen: number) => Promise<void>;
  stop: () => Promise<void>;
}

/** Starts the built ledger service over `databaseUrl` (it migrates its own schema). */
export async function startLedgerProcess(
  databaseUrl: string,
  internalSecret: string,
): Promise<LedgerProcess> {
  const ledger = await startServiceProcess('ledger', {
    databaseUrl,
    env: { INTERNAL_SIGNING_SECRET: internalSecret },
  });
  return {
    url: ledger.url,
    stop: ledger.stop,
    async credit(merchantId, fen) {
      dataOf(
        await postGraphQL(
          `${ledger.url}/graphql`,
          `mutation ($input: AdjustBalanceInput!) { adjustBalance(input: $input) { created } }`,
          {
            input: {
              merchantId,
              amount: formatFen(fen),
              reason: 'test funds',
              requestId: `test-credit-${randomBytes(6).toString('hex')}`,
            },
          },
          { [ACTOR_HEADER]: signActorHeader(TEST_ACTORS.operator, internalSecret) },
        ),
      );
    },
  };
}
