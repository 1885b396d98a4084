import { addDays } from '@pay/common';
import { DEMO_ACTORS, type PlatformClient } from '../platform-client';
import { demoVoucherPng } from '../voucher-image';

const RUN = `mutation ($input: RunSettlementsInput) { runSettlements(input: $input) { settlementsCreated ordersSettled } }`;
const PENDING = `query ($merchantId: Int) {
  settlements(filter: { merchantId: $merchantId, state: PENDING }, pageSize: 100) { nodes { code total periodEnd } }
}`;
const SETTLE = `mutation ($input: SettleSettlementInput!) {
  settleSettlement(input: $input) { code state total voucher { sha256 url } }
}`;

export interface SettlementOutcome {
  created: number;
  ordersSettled: number;
  settledCode: string | null;
  voucherUrl: string | null;
}

/**
 * The settlement accounts' periods, run on demand as an operator would catch up: merchant
 * `merchantId` (daily) day by day over the last week, `otherMerchantId` (monthly) up to
 * this month's start — over the orders reconciliation has cleared. The oldest record of
 * `merchantId` is then paid out with a voucher image uploaded through the gateway; the
 * rest stay pending.
 */
export async function settleDemoMerchant(
  client: PlatformClient,
  accounts: { merchantId: number; otherMerchantId: number; today: Date; monthStart: Date },
): Promise<SettlementOutcome> {
  const { merchantId } = accounts;
  const runs: { merchantId: number; until: Date }[] = [
    ...[6, 5, 4, 3, 2, 1, 0].map((daysAgo) => ({ merchantId, until: addDays(accounts.today, -daysAgo) })),
    { merchantId: accounts.otherMerchantId, until: accounts.monthStart },
  ];
  let created = 0;
  let ordersSettled = 0;
  for (const run of runs) {
    const { runSettlements } = await client.gql<{
      runSettlements: { settlementsCreated: number; ordersSettled: number };
    }>(RUN, { input: { merchantId: run.merchantId, until: run.until.toISOString() } }, DEMO_ACTORS.operator);
    created += runSettlements.settlementsCreated;
    ordersSettled += runSettlements.ordersSettled;
  }
  const { settlements } = await client.gql<{
    settlements: { nodes: { code: string; total: string; periodEnd: string }[] };
  }>(PENDING, { merchantId }, DEMO_ACTORS.operator);
  const oldest = [...settlements.nodes].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd))[0];
  let settled: { code: string; voucher: { url: string } | null } | null = null;
  if (oldest) {
    const result = await client.upload<{
      settleSettlement: { code: string; voucher: { url: string } | null };
    }>(
      SETTLE,
      {
        input: {
          code: oldest.code,
          voucher: null,
          person: 'demo-operator',
          remark: '演示：支付宝转账已完成',
        },
      },
      'variables.input.voucher',
      { bytes: demoVoucherPng(), name: `voucher-${oldest.code}.png`, type: 'image/png' },
      DEMO_ACTORS.operator,
    );
    settled = result.settleSettlement;
  }
  return {
    created,
    ordersSettled,
    settledCode: settled?.code ?? null,
    voucherUrl: settled?.voucher?.url ?? null,
  };
}
