import { dataOf } from '@pay/common';
import { ACTORS, startLedgerTestApp, type LedgerTestApp } from '../support/ledger-app';
import { expectError, MERCHANT_A, MERCHANT_B } from '../support/money-fixtures';
import {
  ADD_CARD,
  APPROVE_CARD,
  BANK_CARD_FIELDS,
  BANK_CARDS,
  cardNumber,
  withdrawalTableCounts,
  type BankCardView,
} from '../support/withdrawal-fixtures';

const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Merchant { id bankCards { ${BANK_CARD_FIELDS} } }
} }`;

describe('bank cards', () => {
  let app: LedgerTestApp;
  let first: BankCardView;
  const number = cardNumber(MERCHANT_A, 1);
  const input = (overrides: Record<string, unknown> = {}) => ({
    input: {
      accountName: 'jl888',
      accountNumber: number,
      bankName: '中国建设银行',
      branch: '深圳福田支行',
      province: '广东省',
      city: '深圳市',
      unionpayCode: '105584000017',
      ...overrides,
    },
  });

  beforeAll(async () => {
    app = await startLedgerTestApp();
    first = dataOf(
      await app.gql<{ addBankCard: BankCardView }>(ADD_CARD, input(), ACTORS.merchant),
    ).addBankCard;
  });

  afterAll(async () => {
    await app.close();
  });

  it('adds an unapproved card for the calling merchant, its number masked', async () => {
    expect(first).toMatchObject({
      merchantId: MERCHANT_A,
      accountName: 'jl888',
      maskedNumber: `${number.slice(0, 6)}******${number.slice(-4)}`,
      bankName: '中国建设银行',
      branch: '深圳福田支行',
      province: '广东省',
      city: '深圳市',
      unionpayCode: '105584000017',
      approved: false,
      approvedAt: null,
    });
    expect(first.maskedNumber).toMatch(/^\d{6}\*{6}\d{4}$/);
  });

  it('never renders the full number, in any output', async () => {
    const outputs = [
      await app.gql(BANK_CARDS, {}, ACTORS.merchant),
      await app.gql(BANK_CARDS, { merchantId: MERCHANT_A }, ACTORS.operator),
      await app.gql(
        ENTITIES,
        { representations: [{ __typename: 'Merchant', id: MERCHANT_A }] },
        ACTORS.operator,
      ),
      await app.gql(APPROVE_CARD, { input: { bankCardId: first.id } }, ACTORS.operator),
    ];
    for (const output of outputs) {
      expect(output.body.errors).toBeUndefined();
      expect(JSON.stringify(output.body)).not.toContain(number);
      expect(JSON.stringify(output.body)).toContain('******');
    }
  });

  it('is approved by an operator (idempotently), not by the merchant or an analyst', async () => {
    const second = dataOf(
      await app.gql<{ addBankCard: BankCardView }>(
        ADD_CARD,
        input({ accountNumber: cardNumber(MERCHANT_A, 2) }),
        ACTORS.merchant,
      ),
    ).addBankCard;
    expectError(
      await app.gql(APPROVE_CARD, { input: { bankCardId: second.id } }, ACTORS.merchant),
      'FORBIDDEN',
    );
    expectError(
      await app.gql(APPROVE_CARD, { input: { bankCardId: second.id } }, ACTORS.analyst),
      'FORBIDDEN',
    );
    const approved = dataOf(
      await app.gql<{ approveBankCard: BankCardView }>(APPROVE_CARD, { input: { bankCardId: second.id } }),
    ).approveBankCard;
    expect(approved.approved).toBe(true);
    expect(approved.approvedAt).not.toBeNull();
    const again = dataOf(
      await app.gql<{ approveBankCard: BankCardView }>(APPROVE_CARD, { input: { bankCardId: second.id } }),
    ).approveBankCard;
    expect(again.approvedAt).toBe(approved.approvedAt);
    const onlyApproved = dataOf(
      await app.gql<{ bankCards: BankCardView[] }>(BANK_CARDS, { approved: true }, ACTORS.merchant),
    ).bankCards;
    expect(onlyApproved.map((c) => c.id)).toContain(second.id);
    expect(onlyApproved.every((c) => c.approved)).toBe(true);
  });

  it('lets an operator add a card for a named merchant', async () => {
    const card = dataOf(
      await app.gql<{ addBankCard: BankCardView }>(
        ADD_CARD,
        input({
          merchantId: MERCHANT_B,
          accountNumber: cardNumber(MERCHANT_B),
          branch: null,
          unionpayCode: null,
        }),
      ),
    ).addBankCard;
    expect(card).toMatchObject({ merchantId: MERCHANT_B, branch: null, unionpayCode: null, approved: false });
  });

  it("keeps merchants apart: lists only one's own cards, refuses to name another merchant", async () => {
    const mine = dataOf(
      await app.gql<{ bankCards: BankCardView[] }>(BANK_CARDS, {}, ACTORS.merchant),
    ).bankCards;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((c) => c.merchantId === MERCHANT_A)).toBe(true);
    const theirs = dataOf(
      await app.gql<{ bankCards: BankCardView[] }>(BANK_CARDS, {}, ACTORS.otherMerchant),
    ).bankCards;
    expect(theirs.every((c) => c.merchantId === MERCHANT_B)).toBe(true);
    expectError(await app.gql(BANK_CARDS, { merchantId: MERCHANT_B }, ACTORS.merchant), 'FORBIDDEN');
    expectError(
      await app.gql(
        ADD_CARD,
        input({ merchantId: MERCHANT_B, accountNumber: cardNumber(MERCHANT_B, 9) }),
        ACTORS.merchant,
      ),
      'FORBIDDEN',
    );
    const entities = await app.gql(
      ENTITIES,
      { representations: [{ __typename: 'Merchant', id: MERCHANT_B }] },
      ACTORS.merchant,
    );
    expect(entities.body.data).toEqual({ _entities: [null] });
  });

  it('needs a merchant id from platform roles', async () => {
    expectError(await app.gql(BANK_CARDS, {}, ACTORS.operator), 'BAD_USER_INPUT');
    expectError(
      await app.gql(ADD_CARD, input({ accountNumber: cardNumber(MERCHANT_A, 7) })),
      'BAD_USER_INPUT',
    );
  });

  describe('refuses bad input and changes nothing', () => {
    it.each<[string, Record<string, unknown>]>([
      ['a short number', { accountNumber: '123456789' }],
      ['a number with letters', { accountNumber: '62170000abcd1234' }],
      ['a number of 33 digits', { accountNumber: '9'.repeat(33) }],
      ['an empty name', { accountName: '  ' }],
      ['a name of 101 characters', { accountName: 'x'.repeat(101) }],
      ['an empty bank', { bankName: '' }],
      ['a bad UnionPay code', { unionpayCode: '10558400001' }],
      ['a duplicate number', { accountNumber: number }],
      ['the duplicate number with spaces', { accountNumber: `${number.slice(0, 8)} ${number.slice(8)}` }],
    ])('%s → BAD_USER_INPUT', async (_what, overrides) => {
      const before = await withdrawalTableCounts(app);
      expectError(await app.gql(ADD_CARD, input(overrides), ACTORS.merchant), 'BAD_USER_INPUT');
      expect(await withdrawalTableCounts(app)).toEqual(before);
    });

    it('refuses an analyst', async () => {
      const before = await withdrawalTableCounts(app);
      expectError(
        await app.gql(
          ADD_CARD,
          input({ merchantId: MERCHANT_A, accountNumber: cardNumber(MERCHANT_A, 5) }),
          ACTORS.analyst,
        ),
        'FORBIDDEN',
      );
      expect(await withdrawalTableCounts(app)).toEqual(before);
    });

    it.each([
      ['an unknown card', '999999', 'NOT_FOUND'],
      ['a non-numeric id', 'abc', 'BAD_USER_INPUT'],
      ['a negative id', '-1', 'BAD_USER_INPUT'],
    ])('approving %s → %s', async (_what, bankCardId, code) => {
      const before = await withdrawalTableCounts(app);
      expectError(await app.gql(APPROVE_CARD, { input: { bankCardId } }), code);
      expect(await withdrawalTableCounts(app)).toEqual(before);
    });
  });
});
