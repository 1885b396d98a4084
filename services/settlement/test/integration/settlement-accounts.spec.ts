import { dataOf, errorCodes, type Actor } from '@pay/common';
import { ACTORS, startSettlementTestApp, type SettlementTestApp } from '../support/settlement-app';

const MALL = ACTORS.merchant.merchantId; // 2024164
const OTHER = ACTORS.otherMerchant.merchantId; // 2023100
const MALL_TWO = 2025001;

const FIELDS = `id code merchantId merchant { id } merchantName method methodCode accountName accountNo
  period periodCode remarks isDelete createdAt updatedAt settledUntil`;

const CREATE = `mutation ($input: CreateSettlementAccountInput!) { createSettlementAccount(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateSettlementAccountInput!) { updateSettlementAccount(input: $input) { ${FIELDS} } }`;
const DELETE = `mutation ($input: DeleteSettlementAccountInput!) { deleteSettlementAccount(input: $input) { ${FIELDS} } }`;
const LIST = `query ($filter: SettlementAccountFilter, $page: Int, $pageSize: Int, $first: Int, $after: String) {
  settlementAccounts(filter: $filter, page: $page, pageSize: $pageSize, first: $first, after: $after) {
    totalCount page pageSize totalPages pageInfo { hasNextPage endCursor }
    nodes { ${FIELDS} }
  }
}`;

interface AccountView {
  id: string;
  code: string;
  merchantId: number;
  merchant: { id: number };
  merchantName: string | null;
  method: string;
  methodCode: number;
  accountName: string;
  accountNo: string;
  period: string;
  periodCode: number;
  remarks: string | null;
  isDelete: boolean;
  createdAt: string;
  updatedAt: string;
  settledUntil: string | null;
}

interface ListView {
  settlementAccounts: {
    totalCount: number;
    page: number;
    pageSize: number;
    totalPages: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: AccountView[];
  };
}

describe('settlement accounts', () => {
  let app: SettlementTestApp;

  beforeAll(async () => {
    app = await startSettlementTestApp();
    await app.givenMerchant(MALL, 'mall', 'Sam Sales');
    await app.givenMerchant(OTHER, 'Other shop');
    await app.givenMerchant(MALL_TWO, 'Mall Two');
  });
  afterAll(() => app.close());

  const accountRows = async () =>
    (await app.sql<{ n: number }>('select count(*)::int as n from settlement_account'))[0]!.n;

  const create = async (input: Record<string, unknown>) =>
    dataOf(await app.gql<{ createSettlementAccount: AccountView }>(CREATE, { input }))
      .createSettlementAccount;

  const list = async (variables: Record<string, unknown>, actor: Actor = ACTORS.operator) =>
    dataOf(await app.gql<ListView>(LIST, variables, actor)).settlementAccounts;

  let mallAccount: AccountView;
  let otherAccount: AccountView;

  it('creates an account with the legacy codes and the merchant name, as an operator', async () => {
    mallAccount = await create({
      merchantId: MALL,
      method: 'ALIPAY',
      accountName: ' mall ',
      accountNo: 'alipay-6217001234567890',
      period: 'DAILY',
      remarks: 'hello',
    });
    expect(mallAccount).toEqual({
      id: expect.stringMatching(/^\d+$/),
      code: '1',
      merchantId: MALL,
      merchant: { id: MALL },
      merchantName: 'mall',
      method: 'ALIPAY',
      methodCode: 3,
      accountName: 'mall',
      accountNo: 'alipay-6217001234567890',
      period: 'DAILY',
      periodCode: 1,
      remarks: 'hello',
      isDelete: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      settledUntil: null,
    });
    otherAccount = await create({
      merchantId: OTHER,
      method: 'BANK_TRANSFER',
      accountName: 'Other Co. Ltd',
      accountNo: '6222020200112233',
    });
    expect(otherAccount).toMatchObject({
      code: '2',
      methodCode: 1,
      period: 'UNKNOWN',
      periodCode: 0,
      remarks: null,
    });
    const [row] = await app.sql<{ created_by: string }>(
      'select created_by from settlement_account where id = ?',
      [Number(mallAccount.id)],
    );
    expect(row!.created_by).toBe(ACTORS.operator.sub);
  });

  it('refuses an unknown merchant, bad fields and other roles, keeping nothing', async () => {
    const before = await accountRows();
    const unknown = await app.gql(CREATE, {
      input: { merchantId: 999999, method: 'WECHAT', accountName: 'x', accountNo: '1234567' },
    });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    for (const input of [
      { merchantId: MALL, method: 'WECHAT', accountName: '   ', accountNo: '1234567' },
      { merchantId: MALL, method: 'WECHAT', accountName: 'x', accountNo: '' },
      { merchantId: MALL, method: 'WECHAT', accountName: 'x'.repeat(101), accountNo: '1234567' },
      {
        merchantId: MALL,
        method: 'WECHAT',
        accountName: 'x',
        accountNo: '1234567',
        remarks: 'r'.repeat(501),
      },
      { merchantId: -1, method: 'WECHAT', accountName: 'x', accountNo: '1234567' },
    ]) {
      expect(errorCodes(await app.gql(CREATE, { input }))).toEqual(['BAD_USER_INPUT']);
    }
    const input = { merchantId: MALL, method: 'WECHAT', accountName: 'x', accountNo: '1234567' };
    for (const actor of [ACTORS.merchant, ACTORS.analyst, ACTORS.system]) {
      expect(errorCodes(await app.gql(CREATE, { input }, actor))).toEqual(['FORBIDDEN']);
    }
    expect(await accountRows()).toBe(before);
  });

  it('keeps a merchant to one live account with a period (CONFLICT), while UNKNOWN ones may be added', async () => {
    const before = await accountRows();
    const second = await app.gql(CREATE, {
      input: {
        merchantId: MALL,
        method: 'WECHAT',
        accountName: 'wx',
        accountNo: 'wx-mall-01',
        period: 'MONTHLY',
      },
    });
    expect(errorCodes(second)).toEqual(['CONFLICT']);
    expect(second.body.errors![0]!.message).toMatch(/already has a live settlement account with a period/);
    expect(second.body.errors![0]!.extensions).toMatchObject({
      details: { merchantId: MALL, constraint: 'settlement_account_one_periodic' },
    });
    expect(await accountRows()).toBe(before);
    const extra = await create({
      merchantId: MALL,
      method: 'WECHAT',
      accountName: 'wx',
      accountNo: 'wx-mall-01',
    });
    expect(extra.period).toBe('UNKNOWN');
    // Turning the extra one periodic collides too, and changes nothing.
    const turned = await app.gql(UPDATE, { input: { id: extra.id, period: 'WEEKLY', remarks: 'changed' } });
    expect(errorCodes(turned)).toEqual(['CONFLICT']);
    const [row] = await app.sql<{ period: number; remarks: string | null }>(
      'select period, remarks from settlement_account where id = ?',
      [Number(extra.id)],
    );
    expect(row).toEqual({ period: 0, remarks: null });
    await app.gql(DELETE, { input: { id: extra.id } });
  });

  it('edits only the fields given, and clears remarks with null', async () => {
    const edited = dataOf(
      await app.gql<{ updateSettlementAccount: AccountView }>(UPDATE, {
        input: {
          id: otherAccount.id,
          accountName: 'Other Company',
          method: 'OFFLINE_TRANSFER',
          remarks: 'note',
        },
      }),
    ).updateSettlementAccount;
    expect(edited).toMatchObject({
      accountName: 'Other Company',
      method: 'OFFLINE_TRANSFER',
      methodCode: 4,
      accountNo: '6222020200112233',
      period: 'UNKNOWN',
      remarks: 'note',
    });
    expect(new Date(edited.updatedAt).getTime()).toBeGreaterThanOrEqual(
      new Date(otherAccount.updatedAt).getTime(),
    );
    const cleared = dataOf(
      await app.gql<{ updateSettlementAccount: AccountView }>(UPDATE, {
        input: { id: otherAccount.id, remarks: null },
      }),
    ).updateSettlementAccount;
    expect(cleared).toMatchObject({ accountName: 'Other Company', remarks: null });
    expect(errorCodes(await app.gql(UPDATE, { input: { id: otherAccount.id, accountNo: ' ' } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(errorCodes(await app.gql(UPDATE, { input: { id: '987654', remarks: 'x' } }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(
      errorCodes(await app.gql(UPDATE, { input: { id: otherAccount.id, remarks: 'x' } }, ACTORS.analyst)),
    ).toEqual(['FORBIDDEN']);
  });

  it('deletes softly: hidden from lists unless asked, not editable, and frees the periodic slot', async () => {
    const twoDaily = await create({
      merchantId: MALL_TWO,
      method: 'WECHAT',
      accountName: 'Mall Two WeChat',
      accountNo: 'wxid_malltwo',
      period: 'WEEKLY',
    });
    const deleted = dataOf(
      await app.gql<{ deleteSettlementAccount: AccountView }>(DELETE, { input: { id: twoDaily.id } }),
    ).deleteSettlementAccount;
    expect(deleted.isDelete).toBe(true);
    // Deleting again changes nothing.
    expect(
      dataOf(await app.gql<{ deleteSettlementAccount: AccountView }>(DELETE, { input: { id: twoDaily.id } }))
        .deleteSettlementAccount.isDelete,
    ).toBe(true);
    expect(errorCodes(await app.gql(UPDATE, { input: { id: twoDaily.id, remarks: 'x' } }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(errorCodes(await app.gql(DELETE, { input: { id: '999999' } }))).toEqual(['NOT_FOUND']);
    const live = await list({ filter: { merchantId: MALL_TWO } });
    expect(live.nodes).toEqual([]);
    const all = await list({ filter: { merchantId: MALL_TWO, includeDeleted: true } });
    expect(all.nodes.map((a) => a.id)).toEqual([twoDaily.id]);
    const replacement = await create({
      merchantId: MALL_TWO,
      method: 'ALIPAY',
      accountName: 'Mall Two Alipay',
      accountNo: 'malltwo@example.com',
      period: 'MONTHLY',
    });
    expect(replacement.period).toBe('MONTHLY');
  });

  it('filters by merchant name and account (contains, case-insensitive, wildcards literal) and pages', async () => {
    const byName = await list({ filter: { merchantName: 'MALL' } });
    expect(byName.nodes.map((a) => a.merchantName).sort()).toEqual(['Mall Two', 'mall']);
    expect(byName.totalCount).toBe(2);
    expect((await list({ filter: { merchantName: 'other' } })).nodes.map((a) => a.code)).toEqual([
      otherAccount.code,
    ]);
    // by account number or by account name
    expect((await list({ filter: { account: '1234567890' } })).nodes.map((a) => a.code)).toEqual([
      mallAccount.code,
    ]);
    expect((await list({ filter: { account: 'company' } })).nodes.map((a) => a.code)).toEqual([
      otherAccount.code,
    ]);
    expect((await list({ filter: { account: '%' } })).totalCount).toBe(0);
    expect((await list({ filter: { account: '_' } })).nodes.map((a) => a.accountNo)).toEqual([]);
    // newest first, legacy paging and relay paging agree
    const all = await list({});
    expect(all.totalCount).toBe(3);
    const ids = all.nodes.map((a) => Number(a.id));
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const page2 = await list({ page: 2, pageSize: 2 });
    expect(page2).toMatchObject({ page: 2, pageSize: 2, totalPages: 2, totalCount: 3 });
    expect(page2.nodes.map((a) => a.id)).toEqual([all.nodes[2]!.id]);
    const first = await list({ first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await list({ first: 2, after: first.pageInfo.endCursor });
    expect(rest.nodes.map((a) => a.id)).toEqual([all.nodes[2]!.id]);
    expect(errorCodes(await app.gql(LIST, { pageSize: 101 }))).toEqual(['BAD_USER_INPUT']);
  });

  it('shows a merchant only its own accounts, with the number masked', async () => {
    const own = await list({}, ACTORS.merchant);
    expect(own.nodes.map((a) => a.code)).toEqual([mallAccount.code]);
    expect(own.nodes[0]!.accountNo).toBe('******7890');
    // The operator sees the full number.
    expect((await list({ filter: { merchantId: MALL } })).nodes[0]!.accountNo).toBe(
      'alipay-6217001234567890',
    );
    expect(errorCodes(await app.gql(LIST, { filter: { merchantId: OTHER } }, ACTORS.merchant))).toEqual([
      'FORBIDDEN',
    ]);
    const lookup = `query ($id: ID!) { settlementAccount(id: $id) { code accountNo } }`;
    expect(dataOf(await app.gql(lookup, { id: otherAccount.id }, ACTORS.merchant))).toEqual({
      settlementAccount: null,
    });
    expect(dataOf(await app.gql(lookup, { id: mallAccount.id }, ACTORS.merchant))).toEqual({
      settlementAccount: { code: mallAccount.code, accountNo: '******7890' },
    });
    // Analysts read everything.
    expect((await list({}, ACTORS.analyst)).totalCount).toBe(3);
  });

  it('resolves accounts by key and Merchant.settlementAccounts for the gateway, scoped', async () => {
    const entities = `query ($r: [_Any!]!) { _entities(representations: $r) {
      ... on SettlementAccount { code accountNo merchantName }
      ... on Merchant { id settlementAccounts { code period } }
    } }`;
    const asOperator = dataOf(
      await app.gql<{ _entities: unknown[] }>(entities, {
        r: [
          { __typename: 'SettlementAccount', id: mallAccount.id },
          { __typename: 'SettlementAccount', id: '424242' },
          { __typename: 'Merchant', id: MALL },
          { __typename: 'Merchant', id: MALL_TWO },
        ],
      }),
    );
    expect(asOperator._entities).toEqual([
      { code: mallAccount.code, accountNo: 'alipay-6217001234567890', merchantName: 'mall' },
      null,
      { id: MALL, settlementAccounts: [{ code: mallAccount.code, period: 'DAILY' }] },
      { id: MALL_TWO, settlementAccounts: [{ code: expect.any(String), period: 'MONTHLY' }] },
    ]);
    const asMerchant = await app.gql<{ _entities: unknown[] }>(
      entities,
      {
        r: [
          { __typename: 'SettlementAccount', id: otherAccount.id },
          { __typename: 'SettlementAccount', id: mallAccount.id },
        ],
      },
      ACTORS.merchant,
    );
    expect(dataOf(asMerchant)._entities).toEqual([
      null,
      { code: mallAccount.code, accountNo: '******7890', merchantName: 'mall' },
    ]);
    const foreign = await app.gql(entities, { r: [{ __typename: 'Merchant', id: OTHER }] }, ACTORS.merchant);
    expect(errorCodes(foreign)).toEqual(['FORBIDDEN']);
  });
});
