import { Secret, TOTP } from 'otpauth';
import { DEMO_ACTORS, type PlatformClient } from '../platform-client';

const ADD_CARD = `mutation ($input: AddBankCardInput!) { addBankCard(input: $input) { id } }`;
const APPROVE_CARD = `mutation ($input: ApproveBankCardInput!) { approveBankCard(input: $input) { id approved } }`;
const REQUEST = `mutation ($input: RequestWithdrawalInput!) { requestWithdrawal(input: $input) { withdrawal { withdrawNo } } }`;
const ENABLE_2FA = `mutation ($input: EnableTwoFactorInput!) { enableTwoFactor(input: $input) { otpauthUri } }`;
const LIFECYCLE = {
  paid: `mutation ($input: MarkWithdrawalPaidInput!) { markWithdrawalPaid(input: $input) { withdrawNo } }`,
  frozen: `mutation ($input: FreezeWithdrawalInput!) { freezeWithdrawal(input: $input) { withdrawNo } }`,
  cancelled: `mutation ($input: CancelWithdrawalInput!) { cancelWithdrawal(input: $input) { withdrawNo } }`,
} as const;

async function card(
  client: PlatformClient,
  merchantId: number,
  fields: { accountName: string; accountNumber: string; bankName: string; branch: string },
  approve: boolean,
): Promise<string> {
  const { addBankCard } = await client.gql<{ addBankCard: { id: string } }>(
    ADD_CARD,
    { input: { ...fields, province: '广东省', city: '深圳市' } },
    DEMO_ACTORS.merchant(merchantId),
  );
  if (approve)
    await client.gql(APPROVE_CARD, { input: { bankCardId: addBankCard.id } }, DEMO_ACTORS.operator);
  return addBankCard.id;
}

async function request(
  client: PlatformClient,
  merchantId: number,
  amount: string,
  requestId: string,
  totpCode?: string,
): Promise<string> {
  const { requestWithdrawal } = await client.gql<{
    requestWithdrawal: { withdrawal: { withdrawNo: string } };
  }>(REQUEST, { input: { amount, requestId, totpCode } }, DEMO_ACTORS.merchant(merchantId));
  return requestWithdrawal.withdrawal.withdrawNo;
}

/**
 * Merchant `merchantId`: an approved bank card and one waiting for approval; four
 * withdrawals, then paid, frozen and cancelled by the operator, one left applied.
 */
export async function demoWithdrawals(client: PlatformClient, merchantId: number): Promise<void> {
  await card(
    client,
    merchantId,
    {
      accountName: 'jl888',
      accountNumber: '6222021001122334455',
      bankName: '中国工商银行',
      branch: '深圳南山支行',
    },
    true,
  );
  await card(
    client,
    merchantId,
    {
      accountName: 'jl888',
      accountNumber: '6217001234567890123',
      bankName: '中国建设银行',
      branch: '深圳福田支行',
    },
    false,
  );
  const fates = [
    ['500.00', 'paid'],
    ['300.00', 'frozen'],
    ['200.00', 'cancelled'],
    ['100.00', null],
  ] as const;
  for (const [index, [amount, fate]] of fates.entries()) {
    const withdrawNo = await request(
      client,
      merchantId,
      amount,
      `demo-withdrawal-${merchantId}-${index + 1}`,
    );
    if (fate)
      await client.gql(LIFECYCLE[fate], { input: { withdrawNo, note: '演示' } }, DEMO_ACTORS.operator);
  }
}

/**
 * Merchant `merchantId` turns two-factor on (an operator enrols it), gets a card
 * approved and withdraws with a TOTP code. Returns the TOTP secret (base32) so a user
 * of the demo can compute codes too.
 */
export async function demoTwoFactorMerchant(client: PlatformClient, merchantId: number): Promise<string> {
  const { enableTwoFactor } = await client.gql<{ enableTwoFactor: { otpauthUri: string } }>(
    ENABLE_2FA,
    { input: { merchantId } },
    DEMO_ACTORS.operator,
  );
  const secret = new URL(enableTwoFactor.otpauthUri).searchParams.get('secret') ?? '';
  await card(
    client,
    merchantId,
    {
      accountName: '演示商户二',
      accountNumber: '6222020200112233445',
      bankName: '中国银行',
      branch: '上海浦东支行',
    },
    true,
  );
  const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate();
  await request(client, merchantId, '50.00', `demo-withdrawal-${merchantId}-2fa`, code);
  return secret;
}
