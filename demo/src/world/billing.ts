import { formatFen, parseYuan } from '@pay/common';
import { DEMO_ACTORS, type PlatformClient } from '../platform-client';

const ISSUE = `mutation ($input: IssueMonthlyBillsInput!) { issueMonthlyBills(input: $input) { issuedCount } }`;
const BILLS = `query ($merchantId: Int, $month: String) {
  merchantBills(merchantId: $merchantId, month: $month, pageSize: 12) { nodes { billMonth receivable left } }
}`;
const API_RECHARGE = `mutation ($input: ApiRechargeWalletInput!) { apiRechargeWallet(input: $input) { state amount } }`;
const ALIPAY_RECHARGE = `mutation ($input: CreateWalletRechargeInput!) { createWalletRecharge(input: $input) { id payUrl } }`;

export interface BillingOutcome {
  months: string[];
  apiRecharge: string;
  alipayRecharge: string;
}

/**
 * Bills the two finished months before this one, then pays them as merchant `merchantId`
 * would: an API recharge that covers the older month exactly, and an Alipay recharge
 * through the sandbox's gateway that covers half of what the newer month has left — so
 * one month is paid and one is partly unpaid. Collections run oldest bill first.
 */
export async function billDemoMonths(
  client: PlatformClient,
  months: [older: string, newer: string],
  merchantId: number,
): Promise<BillingOutcome> {
  for (const month of months) await client.gql(ISSUE, { input: { month } }, DEMO_ACTORS.operator);
  const left = async (month: string) => {
    const { merchantBills } = await client.gql<{ merchantBills: { nodes: { left: string }[] } }>(
      BILLS,
      { merchantId, month },
      DEMO_ACTORS.operator,
    );
    return parseYuan(merchantBills.nodes[0]?.left ?? '0.00');
  };
  const older = await left(months[0]);
  const api = formatFen(Math.max(older, 100));
  await client.gql(
    API_RECHARGE,
    { input: { merchantId, amount: api, requestId: `demo-recharge-${months[0]}` } },
    DEMO_ACTORS.operator,
  );
  const newer = await left(months[1]);
  const alipay = formatFen(Math.max(Math.floor(newer / 2), 1));
  const { createWalletRecharge } = await client.gql<{ createWalletRecharge: { payUrl: string } }>(
    ALIPAY_RECHARGE,
    { input: { merchantId, amount: alipay } },
    DEMO_ACTORS.merchant(merchantId),
  );
  // The payer confirms on the sandbox's Alipay page, which signs the notification back.
  const payUrl = new URL(createWalletRecharge.payUrl);
  await client.sandbox(new URL('/sandbox/alipay/gateway.do/pay', payUrl).pathname, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request: payUrl.search.slice(1) }).toString(),
  });
  return { months, apiRecharge: api, alipayRecharge: alipay };
}
