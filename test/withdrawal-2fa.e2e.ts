import { randomUUID } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { dataOf, errorCodes } from '@pay/common';
import { ADJUSTMENT, AccountPurpose, merchantAccount, post, PostingType } from '@pay/ledger';
import { ACTORS, startPlatform, type Platform } from './support/platform';

const MERCHANT_ID = ACTORS.merchant.merchantId;

const ENABLE = `mutation ($input: EnableTwoFactorInput!) { enableTwoFactor(input: $input) { merchantId otpauthUri } }`;
const ADD_CARD = `mutation ($input: AddBankCardInput!) { addBankCard(input: $input) { id maskedNumber } }`;
const APPROVE_CARD = `mutation ($input: ApproveBankCardInput!) { approveBankCard(input: $input) { id approved } }`;
const REQUEST = `mutation ($input: RequestWithdrawalInput!) {
  requestWithdrawal(input: $input) {
    balanceAfter pendingWithdrawal frozenToday fee
    withdrawal { id withdrawNo amount fee statusCode statusName maskedAccountNumber merchant { id name } logs { toStatus actor } }
  }
}`;
const MERCHANT = `{ merchant(id: ${MERCHANT_ID}) {
  name twoFactorEnabled balance { available pendingWithdrawal }
  withdrawals(pageSize: 5) { totalCount nodes { withdrawNo statusName } }
  bankCards { maskedNumber approved }
} }`;

interface RequestView {
  balanceAfter: string;
  pendingWithdrawal: string;
  frozenToday: string;
  fee: string;
  withdrawal: {
    id: string;
    withdrawNo: string;
    amount: string;
    fee: string;
    statusCode: number;
    statusName: string;
    maskedAccountNumber: string;
    merchant: { id: number; name: string };
    logs: { toStatus: string; actor: string }[];
  };
}

describe('withdrawals with two-factor (TOTP), end to end through the gateway', () => {
  let platform: Platform;
  let totp: TOTP;
  const cardNumber = '6217000010001234';

  beforeAll(async () => {
    platform = await startPlatform();
    await post(platform.ledgerOrm.em.fork(), {
      uniqueNo: `e2e-fund:${randomUUID()}`,
      type: PostingType.ADJUSTMENT,
      description: 'e2e funding',
      actor: 'e2e',
      legs: [
        { ...ADJUSTMENT, amount: -100_000 },
        { ...merchantAccount(MERCHANT_ID, AccountPurpose.MERCHANT_AVAILABLE), amount: 100_000 },
      ],
    });
    const card = dataOf(
      await platform.gql<{ addBankCard: { id: string } }>(
        ADD_CARD,
        { input: { accountName: 'jl888', accountNumber: cardNumber, bankName: '中国建设银行' } },
        ACTORS.merchant,
      ),
    ).addBankCard;
    dataOf(await platform.gql(APPROVE_CARD, { input: { bankCardId: card.id } }, ACTORS.operator));
    const { otpauthUri } = dataOf(
      await platform.gql<{ enableTwoFactor: { merchantId: number; otpauthUri: string } }>(
        ENABLE,
        { input: { merchantId: MERCHANT_ID } },
        ACTORS.operator,
      ),
    ).enableTwoFactor;
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    totp = new TOTP({ secret: Secret.fromBase32(new URL(otpauthUri).searchParams.get('secret')!) });
  });

  afterAll(async () => {
    await platform.close();
  });

  const ledgerCounts = async () =>
    (
      (await platform.ledgerOrm.em
        .fork()
        .getConnection()
        .execute(
          `select (select count(*)::int from withdrawal) as withdrawals, (select count(*)::int from posting) as postings,
                  (select count(*)::int from leg) as legs`,
        )) as { withdrawals: number; postings: number; legs: number }[]
    )[0]!;

  const merchantView = async () =>
    dataOf(
      await platform.gql<{
        merchant: {
          twoFactorEnabled: boolean;
          balance: { available: string; pendingWithdrawal: string };
          withdrawals: { totalCount: number; nodes: { withdrawNo: string; statusName: string }[] };
          bankCards: { maskedNumber: string; approved: boolean }[];
        };
      }>(MERCHANT, {}, ACTORS.merchant),
    ).merchant;

  /** A six-digit code that is not valid now, a step before or a step after. */
  function wrongCode(): string {
    const near = new Set([-30, 0, 30].map((s) => totp.generate({ timestamp: Date.now() + s * 1000 })));
    for (let n = 0; ; n += 1) {
      const code = String(n).padStart(6, '0');
      if (!near.has(code)) return code;
    }
  }

  it('refuses a missing or wrong code with TOTP_INVALID and changes nothing', async () => {
    const before = await ledgerCounts();
    const view = await merchantView();
    expect(view.twoFactorEnabled).toBe(true);
    expect(view.balance).toEqual({ available: '1000.00', pendingWithdrawal: '0.00' });

    const missing = await platform.gql(REQUEST, { input: { amount: '100.00' } }, ACTORS.merchant);
    expect(errorCodes(missing)).toEqual(['TOTP_INVALID']);
    const wrong = await platform.gql(
      REQUEST,
      { input: { amount: '100.00', totpCode: wrongCode() } },
      ACTORS.merchant,
    );
    expect(errorCodes(wrong)).toEqual(['TOTP_INVALID']);

    expect(await ledgerCounts()).toEqual(before);
    expect((await merchantView()).balance).toEqual(view.balance);
  });

  it('accepts the right code once: the withdrawal is applied and readable through the Merchant entity', async () => {
    const code = totp.generate();
    const result = dataOf(
      await platform.gql<{ requestWithdrawal: RequestView }>(
        REQUEST,
        { input: { amount: '100.00', totpCode: code } },
        ACTORS.merchant,
      ),
    ).requestWithdrawal;
    expect(result).toMatchObject({
      balanceAfter: '900.00',
      pendingWithdrawal: '100.00',
      frozenToday: '0.00',
      fee: '0.00',
      withdrawal: {
        amount: '100.00',
        fee: '0.00',
        statusCode: 0,
        statusName: 'pending',
        maskedAccountNumber: '621700******1234',
        merchant: { id: MERCHANT_ID, name: 'jl888' },
        logs: [{ toStatus: 'APPLIED', actor: `merchant:${MERCHANT_ID}` }],
      },
    });
    expect(result.withdrawal.withdrawNo).toMatch(/^qzf\d{16}$/);

    const view = await merchantView();
    expect(view.balance).toEqual({ available: '900.00', pendingWithdrawal: '100.00' });
    expect(view.withdrawals).toEqual({
      totalCount: 1,
      nodes: [{ withdrawNo: result.withdrawal.withdrawNo, statusName: 'pending' }],
    });
    expect(view.bankCards).toEqual([{ maskedNumber: '621700******1234', approved: true }]);
    expect(JSON.stringify(view)).not.toContain(cardNumber);

    // The same code again is a replay.
    const before = await ledgerCounts();
    const replay = await platform.gql(
      REQUEST,
      { input: { amount: '100.00', totpCode: code } },
      ACTORS.merchant,
    );
    expect(errorCodes(replay)).toEqual(['TOTP_INVALID']);
    expect(await ledgerCounts()).toEqual(before);
  });

  it('keeps the withdrawal from other merchants', async () => {
    const theirs = dataOf(
      await platform.gql<{ withdrawals: { totalCount: number } }>(
        `{ withdrawals { totalCount } }`,
        {},
        ACTORS.otherMerchant,
      ),
    ).withdrawals;
    expect(theirs.totalCount).toBe(0);
    const named = await platform.gql(
      `{ withdrawals(merchantId: ${MERCHANT_ID}) { totalCount } }`,
      {},
      ACTORS.otherMerchant,
    );
    expect(errorCodes(named)).toEqual(['FORBIDDEN']);
  });
});
