import { DEMO_ACTORS, type PlatformClient } from '../platform-client';

const ADJUST = `mutation ($input: AdjustBalanceInput!) { adjustBalance(input: $input) { created } }`;

/** Two manual adjustments by the operator (a credit and a debit), as `/manualadjustments` lists them. */
export async function demoAdjustments(client: PlatformClient, merchantId: number): Promise<void> {
  const adjustments = [
    { amount: '20.00', reason: '演示：活动补贴', requestId: `demo-adjust-${merchantId}-1` },
    { amount: '-5.00', reason: '演示：差错扣回', requestId: `demo-adjust-${merchantId}-2` },
  ];
  for (const input of adjustments)
    await client.gql(ADJUST, { input: { merchantId, ...input } }, DEMO_ACTORS.operator);
}
