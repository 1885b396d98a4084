import { dataOf, errorCodes, seededRandom, type Actor, type GraphQLResponse } from '@pay/common';
import { ACTORS, startLedgerTestApp, type LedgerTestApp } from '../support/ledger-app';
import { clearingDrift } from '../../src/modules/clearing/main-account/main-account.query';
import { childAccountDrift } from '../../src/modules/clearing/child-account/child-account.query';
import { post } from '../../src/modules/posting/posting.service';
import { PostingType } from '../../src/modules/posting/posting-type';
import { ADJUSTMENT } from '../../src/modules/account/account-purpose';
import { mainAccountLedger } from '../../src/modules/clearing/clearing-accounts';
import { CLEARING_DEMO, seedClearingDemo } from '../../src/db/seeders/clearing-demo';

// ---------------------------------------------------------------------------------------
// Operations and views

const MAIN = `id mainAccountUid unionId merchantId inFeeRate shareFeeRate withdrawFeeRate
  totalInAmount totalInFee totalShareAmount totalShareFee balance totalWithdrawAmount totalWithdrawFee`;
const PAYMENT = `id mainAccountId mainAccountUid clientSn sn amount inFee msg payWay status statusCode genTime payTime`;
const CLEARING = `id clientSn mainAccountId childPhone amount fee changedType message genTime completeTime`;
const WITHDRAWAL = `id clientSn mainAccountId childPhone amount fee changedType message status genTime completeTime`;
const CHILD = `id mainAccountId phone maskedPhone name balance lastModifiedTime createdAt`;

const CREATE_MAIN = `mutation ($input: CreateMainAccountInput!) {
  createMainAccount(input: $input) { apiKey mainAccount { ${MAIN} } } }`;
const ADD_CHILD = `mutation ($input: AddChildAccountInput!) {
  addChildAccount(input: $input) { created childAccount { ${CHILD} } } }`;
const RECORD = `mutation ($input: RecordIncomingPaymentInput!) {
  recordIncomingPayment(input: $input) { created incomingPayment { ${PAYMENT} } } }`;
const SETTLE = `mutation ($input: SettleIncomingPaymentInput!) {
  settleIncomingPayment(input: $input) { unchanged incomingPayment { ${PAYMENT} } } }`;
const CLEAR = `mutation ($input: ClearToChildInput!) {
  clearToChild(input: $input) { created clearingRecord { ${CLEARING} } } }`;
const WITHDRAW = `mutation ($input: WithdrawFromChildInput!) {
  withdrawFromChild(input: $input) { created childWithdrawal { ${WITHDRAWAL} } } }`;

const MAIN_ACCOUNT = `query ($id: ID, $unionId: String, $uid: Int) {
  mainAccount(id: $id, unionId: $unionId, mainAccountUid: $uid) { ${MAIN} } }`;
const MAIN_ACCOUNTS = `query ($merchantId: Int) {
  mainAccounts(merchantId: $merchantId) { totalCount nodes { id merchantId } } }`;
const INCOMING = `query ($mainAccountId: ID, $unionId: String, $startTime: String, $endTime: String,
    $status: IncomingPaymentStatus, $page: Int, $pageSize: Int) {
  incomingPayments(mainAccountId: $mainAccountId, unionId: $unionId, startTime: $startTime, endTime: $endTime,
    status: $status, page: $page, pageSize: $pageSize) {
    totalCount page pageSize totalPages nodes { ${PAYMENT} } } }`;
const CLEARINGS = `query ($mainAccountId: ID, $unionId: String, $page: Int) {
  clearingRecords(mainAccountId: $mainAccountId, unionId: $unionId, page: $page) {
    totalCount pageSize nodes { ${CLEARING} } } }`;
const WITHDRAWALS = `query ($mainAccountId: ID, $unionId: String, $page: Int) {
  childWithdrawals(mainAccountId: $mainAccountId, unionId: $unionId, page: $page) {
    totalCount pageSize nodes { ${WITHDRAWAL} } } }`;
const CHILDREN = `query ($mainAccountId: ID, $unionId: String, $phone: String, $page: Int) {
  childAccounts(mainAccountId: $mainAccountId, unionId: $unionId, phone: $phone, page: $page) {
    totalCount pageSize nodes { ${CHILD} } } }`;
const CHANGES = `query ($mainAccountId: ID, $unionId: String, $phone: String!, $startTime: String, $endTime: String) {
  childBalanceChanges(mainAccountId: $mainAccountId, unionId: $unionId, phone: $phone, startTime: $startTime,
    endTime: $endTime) {
    phone balance lastModifiedTime totalCount pageSize
    nodes { id phone changedAmount currentAmount changedType message time } } }`;
const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on MainAccount { id mainAccountUid balance } } }`;

interface MainView {
  id: string;
  mainAccountUid: number;
  unionId: string;
  merchantId: number | null;
  inFeeRate: number;
  shareFeeRate: number;
  withdrawFeeRate: number;
  totalInAmount: string;
  totalInFee: string;
  totalShareAmount: string;
  totalShareFee: string;
  balance: string;
  totalWithdrawAmount: string;
  totalWithdrawFee: string;
}
interface PaymentView {
  id: string;
  mainAccountId: string;
  mainAccountUid: number;
  clientSn: string;
  sn: string;
  amount: string;
  inFee: string;
  msg: string;
  payWay: string;
  status: 'PAID' | 'FAILED' | 'WAITING';
  statusCode: number;
  genTime: string;
  payTime: string | null;
}
interface ClearingView {
  id: string;
  clientSn: string;
  mainAccountId: string;
  childPhone: string;
  amount: string;
  fee: string;
  changedType: number;
  message: string;
  genTime: string;
  completeTime: string | null;
}
interface WithdrawalView extends ClearingView {
  status: number;
}
interface ChildView {
  id: string;
  mainAccountId: string;
  phone: string | null;
  maskedPhone: string;
  name: string;
  balance: string;
  lastModifiedTime: string | null;
  createdAt: string;
}
interface ChangeView {
  id: string;
  phone: string;
  changedAmount: string;
  currentAmount: string;
  changedType: number;
  message: string;
  time: string;
}
type Result<T> = { status: number; body: GraphQLResponse<T> };

/** Fen → "12.34", as the Money scalar renders (test-side, independent of the code under test). */
function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** amount × ppm / 10^6, half-up — computed here independently of the code under test. */
function fee(amount: number, ppm: number): number {
  return Number((BigInt(amount) * BigInt(ppm) + 500_000n) / 1_000_000n);
}

function expectError(result: Result<unknown>, code: string): void {
  const codes = errorCodes(result);
  if (codes.length !== 1 || codes[0] !== code) {
    throw new Error(`expected ${code}, got ${JSON.stringify(result.body.errors ?? result.body.data)}`);
  }
  for (const error of result.body.errors ?? []) {
    expect(error.extensions?.stacktrace).toBeUndefined();
    expect(error.message).not.toMatch(/\b(select|insert|update)\b.+\b(from|into|set)\b/i);
  }
}

describe('main and child accounts, clearing (account-clearing API)', () => {
  let app: LedgerTestApp;
  let uidSeq = 700000;

  const gql = <T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    actor: Actor = ACTORS.operator,
  ) => app.gql<T>(query, variables, actor);

  async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    return (await app.orm.em.fork().getConnection().execute(text, params)) as T[];
  }

  /** Rows a refused command must leave alone. */
  async function counts() {
    const [row] = await sql<{
      payments: number;
      clearings: number;
      withdrawals: number;
      children: number;
      postings: number;
      legs: number;
      balances: string;
    }>(
      `select (select count(*)::int from incoming_payment) as payments,
              (select count(*)::int from clearing) as clearings,
              (select count(*)::int from child_withdrawal) as withdrawals,
              (select count(*)::int from child_account) as children,
              (select count(*)::int from posting) as postings,
              (select count(*)::int from leg) as legs,
              (select coalesce(sum(balance), 0)::bigint::text from account) as balances`,
    );
    return row!;
  }

  async function postingLegs(uniqueNo: string) {
    return sql<{ owner_type: string; owner_id: string; purpose: string; amount: string }>(
      `select a.owner_type, a.owner_id, a.purpose, l.amount::text as amount
         from posting p join leg l on l.posting_id = p.id join account a on a.id = l.account_id
        where p.unique_no = ? order by a.purpose, a.owner_id`,
      [uniqueNo],
    );
  }

  async function createMain(
    overrides: Record<string, unknown> = {},
    actor: Actor = ACTORS.operator,
  ): Promise<{ apiKey: string; mainAccount: MainView }> {
    uidSeq += 1;
    return dataOf(
      await gql<{ createMainAccount: { apiKey: string; mainAccount: MainView } }>(
        CREATE_MAIN,
        {
          input: {
            mainAccountUid: uidSeq,
            unionId: `union-${uidSeq}`,
            merchantId: ACTORS.merchant.merchantId,
            inFeeRate: '0.6',
            shareFeeRate: '0.1',
            withdrawFeeRate: '0.2',
            ...overrides,
          },
        },
        actor,
      ),
    ).createMainAccount;
  }

  async function mainAccount(id: string, actor: Actor = ACTORS.operator): Promise<MainView> {
    return dataOf(await gql<{ mainAccount: MainView }>(MAIN_ACCOUNT, { id }, actor)).mainAccount;
  }

  async function addChild(mainAccountId: string, phone: string, actor: Actor = ACTORS.operator) {
    return dataOf(
      await gql<{ addChildAccount: { created: boolean; childAccount: ChildView } }>(
        ADD_CHILD,
        { input: { mainAccountId, phone, name: `child ${phone.slice(-4)}` } },
        actor,
      ),
    ).addChildAccount;
  }

  const recordRaw = (input: Record<string, unknown>, actor: Actor = ACTORS.operator) =>
    gql<{ recordIncomingPayment: { created: boolean; incomingPayment: PaymentView } }>(
      RECORD,
      { input: { payWay: '支付宝', msg: '支付宝', ...input } },
      actor,
    );
  const record = async (mainAccountId: string, clientSn: string, amount: string, status = 'PAID') =>
    dataOf(await recordRaw({ mainAccountId, clientSn, amount, status })).recordIncomingPayment;
  const settleRaw = (
    mainAccountId: string,
    clientSn: string,
    status: string,
    actor: Actor = ACTORS.operator,
  ) =>
    gql<{ settleIncomingPayment: { unchanged: boolean; incomingPayment: PaymentView } }>(
      SETTLE,
      { input: { mainAccountId, clientSn, status } },
      actor,
    );
  const clearRaw = (
    mainAccountId: string,
    childPhone: string,
    amount: string,
    clientSn: string,
    actor: Actor = ACTORS.operator,
  ) =>
    gql<{ clearToChild: { created: boolean; clearingRecord: ClearingView } }>(
      CLEAR,
      { input: { mainAccountId, childPhone, amount, clientSn } },
      actor,
    );
  const clear = async (mainAccountId: string, childPhone: string, amount: string, clientSn: string) =>
    dataOf(await clearRaw(mainAccountId, childPhone, amount, clientSn)).clearToChild;
  const withdrawRaw = (
    mainAccountId: string,
    childPhone: string,
    amount: string,
    clientSn: string,
    actor: Actor = ACTORS.operator,
  ) =>
    gql<{ withdrawFromChild: { created: boolean; childWithdrawal: WithdrawalView } }>(
      WITHDRAW,
      { input: { mainAccountId, childPhone, amount, clientSn } },
      actor,
    );
  const withdraw = async (mainAccountId: string, childPhone: string, amount: string, clientSn: string) =>
    dataOf(await withdrawRaw(mainAccountId, childPhone, amount, clientSn)).withdrawFromChild;
  const children = async (mainAccountId: string, phone?: string, actor: Actor = ACTORS.operator) =>
    dataOf(
      await gql<{ childAccounts: { totalCount: number; nodes: ChildView[] } }>(
        CHILDREN,
        { mainAccountId, phone },
        actor,
      ),
    ).childAccounts;
  const changes = async (mainAccountId: string, phone: string, range: Record<string, string> = {}) =>
    dataOf(
      await gql<{
        childBalanceChanges: {
          phone: string;
          balance: string;
          lastModifiedTime: string | null;
          totalCount: number;
          nodes: ChangeView[];
        };
      }>(CHANGES, { mainAccountId, phone, ...range }),
    ).childBalanceChanges;

  /** The graph's own verdict on the invariant for one main account. */
  const invariantHolds = async (id: string) =>
    dataOf(
      await gql<{ mainAccount: { invariantHolds: boolean } }>(
        `query ($id: ID) { mainAccount(id: $id) { invariantHolds } }`,
        { id },
      ),
    ).mainAccount.invariantHolds;

  /** The invariant of the balance endpoint, read through the graph. */
  function expectInvariant(main: MainView): void {
    const f = (m: string) => Math.round(Number(m) * 100);
    expect(f(main.balance) + f(main.totalShareFee) + f(main.totalShareAmount)).toBe(
      f(main.totalInAmount) - f(main.totalInFee),
    );
  }

  beforeAll(async () => {
    app = await startLedgerTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  afterEach(async () => {
    // Whatever a test did, no main or child account may drift from its records.
    const em = app.orm.em.fork();
    expect(await clearingDrift(em)).toEqual([]);
    expect(await childAccountDrift(em)).toEqual([]);
  });

  // -------------------------------------------------------------------------------------
  describe('main accounts', () => {
    it('opens an account with its rates and zero totals, and shows the API key only once', async () => {
      const { apiKey, mainAccount: main } = await createMain({ inFeeRate: '0.6', shareFeeRate: '0.1' });
      expect(apiKey).toMatch(/^[0-9a-f]{32}$/);
      expect(main).toMatchObject({
        mainAccountUid: uidSeq,
        unionId: `union-${uidSeq}`,
        merchantId: 2024164,
        inFeeRate: 0.6,
        shareFeeRate: 0.1,
        withdrawFeeRate: 0.2,
        totalInAmount: '0.00',
        totalInFee: '0.00',
        totalShareAmount: '0.00',
        totalShareFee: '0.00',
        balance: '0.00',
        totalWithdrawAmount: '0.00',
        totalWithdrawFee: '0.00',
      });
      const [row] = await sql<{ api_key: string }>('select api_key from main_account where id = ?', [
        main.id,
      ]);
      expect(row!.api_key).toBe(apiKey);

      // No field of the graph reads the key back.
      const fields = dataOf(
        await gql<{ __type: { fields: { name: string }[] } }>(
          `{ __type(name: "MainAccount") { fields { name } } }`,
          {},
        ),
      ).__type.fields.map((f) => f.name);
      expect(fields).toEqual(expect.arrayContaining(['balance', 'totalInAmount', 'unionId']));
      expect(fields.filter((f) => /key|secret/i.test(f))).toEqual([]);
    });

    it('finds the account by id, unionId and uid; null when unknown', async () => {
      const { mainAccount: main } = await createMain();
      for (const vars of [{ id: main.id }, { unionId: main.unionId }, { uid: main.mainAccountUid }]) {
        expect(dataOf(await gql<{ mainAccount: MainView }>(MAIN_ACCOUNT, vars)).mainAccount.id).toBe(main.id);
      }
      expect(dataOf(await gql(MAIN_ACCOUNT, { id: '999999' })).mainAccount).toBeNull();
      expect(dataOf(await gql(MAIN_ACCOUNT, { unionId: 'nobody' })).mainAccount).toBeNull();
      expectError(await gql(MAIN_ACCOUNT, {}), 'BAD_USER_INPUT');
      expectError(await gql(MAIN_ACCOUNT, { id: main.id, unionId: main.unionId }), 'BAD_USER_INPUT');
    });

    it('generates the uid and unionId when not given', async () => {
      const { mainAccount: main } = await createMain({ mainAccountUid: null, unionId: null });
      expect(main.mainAccountUid).toBeGreaterThan(100000);
      expect(main.unionId).toMatch(/^[0-9a-f]{32}$/);
      uidSeq = Math.max(uidSeq, main.mainAccountUid);
    });

    it('refuses a taken uid or unionId and malformed rates', async () => {
      const { mainAccount: main } = await createMain();
      const before = await counts();
      const input = {
        mainAccountUid: main.mainAccountUid,
        unionId: 'fresh-union',
        inFeeRate: '0.6',
        shareFeeRate: '0.1',
        withdrawFeeRate: '0.2',
      };
      expectError(await gql(CREATE_MAIN, { input }), 'BAD_USER_INPUT');
      expectError(
        await gql(CREATE_MAIN, { input: { ...input, mainAccountUid: 1, unionId: main.unionId } }),
        'BAD_USER_INPUT',
      );
      for (const rate of ['101', '-1', 'abc', '0.00001', '']) {
        expectError(
          await gql(CREATE_MAIN, { input: { ...input, mainAccountUid: 2, inFeeRate: rate } }),
          'BAD_USER_INPUT',
        );
      }
      expectError(
        await gql(CREATE_MAIN, { input: { ...input, mainAccountUid: 3, unionId: 'bad union id' } }),
        'BAD_USER_INPUT',
      );
      expectError(await gql(CREATE_MAIN, { input: { ...input, mainAccountUid: 0 } }), 'BAD_USER_INPUT');
      expect(await counts()).toEqual(before);
    });
  });

  // -------------------------------------------------------------------------------------
  describe('incoming payments', () => {
    let main: MainView;

    beforeAll(async () => {
      main = (await createMain()).mainAccount;
    });

    it('credits a PAID payment less the in-fee (half-up) in one posting', async () => {
      const cases: [string, number][] = [
        ['100.00', 60], // 0.6 % of 100.00
        ['0.83', 0], // 0.498 fen → 0
        ['0.84', 1], // 0.504 fen → 1
        ['1.25', 1], // 0.75 fen → 1
        ['0.75', 0], // 0.45 fen → 0
      ];
      let net = 0;
      for (const [i, [amount, expectedFee]] of cases.entries()) {
        const { created, incomingPayment: p } = await record(main.id, `IN-${i}`, amount);
        expect(created).toBe(true);
        expect(p).toMatchObject({
          mainAccountId: main.id,
          mainAccountUid: main.mainAccountUid,
          clientSn: `IN-${i}`,
          sn: '',
          amount,
          inFee: yuan(expectedFee),
          payWay: '支付宝',
          msg: '支付宝',
          status: 'PAID',
          statusCode: 1,
        });
        expect(p.payTime).not.toBeNull();
        const fen = Math.round(Number(amount) * 100);
        net += fen - expectedFee;
        const legs = await postingLegs(`clearing-in:${main.id}:IN-${i}`);
        expect(legs).toEqual(
          [
            {
              owner_type: 'CHANNEL',
              owner_id: 'clearing:支付宝',
              purpose: 'CHANNEL_RECEIVABLE',
              amount: String(-fen),
            },
            {
              owner_type: 'MAIN_ACCOUNT',
              owner_id: main.id,
              purpose: 'MAIN_ACCOUNT',
              amount: String(fen - expectedFee),
            },
            ...(expectedFee > 0
              ? [
                  {
                    owner_type: 'PLATFORM',
                    owner_id: 'platform',
                    purpose: 'PLATFORM_REVENUE',
                    amount: String(expectedFee),
                  },
                ]
              : []),
          ].sort((a, b) => a.purpose.localeCompare(b.purpose)),
        );
      }
      const after = await mainAccount(main.id);
      expect(after).toMatchObject({
        totalInAmount: '103.67',
        totalInFee: '0.62',
        balance: yuan(net),
      });
      expect(after.balance).toBe('103.05');
      expectInvariant(after);
    });

    it('records WAITING and FAILED payments without moving money', async () => {
      const before = await mainAccount(main.id);
      const waiting = (await record(main.id, 'WAIT-1', '50.00', 'WAITING')).incomingPayment;
      expect(waiting).toMatchObject({ status: 'WAITING', statusCode: -1, inFee: '0.30', payTime: null });
      const failed = (await record(main.id, 'FAIL-1', '23.00', 'FAILED')).incomingPayment;
      expect(failed).toMatchObject({ status: 'FAILED', statusCode: 0 });
      expect(failed.payTime).not.toBeNull();
      expect(await postingLegs(`clearing-in:${main.id}:WAIT-1`)).toEqual([]);
      expect(await postingLegs(`clearing-in:${main.id}:FAIL-1`)).toEqual([]);
      expect(await mainAccount(main.id)).toEqual(before);
    });

    it('settles a waiting payment: PAID posts once, repeating is a no-op, paid/failed are final', async () => {
      await record(main.id, 'WAIT-2', '10.00', 'WAITING');
      await record(main.id, 'WAIT-3', '10.00', 'WAITING');
      const before = await mainAccount(main.id);

      const paid = dataOf(await settleRaw(main.id, 'WAIT-2', 'PAID')).settleIncomingPayment;
      expect(paid).toMatchObject({
        unchanged: false,
        incomingPayment: { status: 'PAID', statusCode: 1, inFee: '0.06' },
      });
      expect(paid.incomingPayment.payTime).not.toBeNull();
      expect(await postingLegs(`clearing-in:${main.id}:WAIT-2`)).toHaveLength(3);
      const again = dataOf(await settleRaw(main.id, 'WAIT-2', 'PAID')).settleIncomingPayment;
      expect(again.unchanged).toBe(true);
      expect(await postingLegs(`clearing-in:${main.id}:WAIT-2`)).toHaveLength(3);

      const after = await mainAccount(main.id);
      expect(after.totalInAmount).toBe(yuan(Math.round(Number(before.totalInAmount) * 100) + 1000));
      expect(after.balance).toBe(yuan(Math.round(Number(before.balance) * 100) + 994));

      expect(dataOf(await settleRaw(main.id, 'WAIT-3', 'FAILED')).settleIncomingPayment).toMatchObject({
        unchanged: false,
        incomingPayment: { status: 'FAILED' },
      });
      const snapshot = await counts();
      expectError(await settleRaw(main.id, 'WAIT-2', 'FAILED'), 'ILLEGAL_TRANSITION');
      expectError(await settleRaw(main.id, 'WAIT-3', 'PAID'), 'ILLEGAL_TRANSITION');
      expectError(await settleRaw(main.id, 'WAIT-3', 'WAITING'), 'BAD_USER_INPUT');
      expectError(await settleRaw(main.id, 'NO-SUCH-SN', 'PAID'), 'NOT_FOUND');
      expectError(await settleRaw('999999', 'WAIT-3', 'PAID'), 'NOT_FOUND');
      expect(await counts()).toEqual(snapshot);
      expectInvariant(await mainAccount(main.id));
    });

    it('is idempotent on clientSn: a repeat returns the record, other details are DUPLICATE_CLIENT_SN', async () => {
      const first = await record(main.id, 'DUP-1', '5.00');
      const snapshot = await counts();
      const repeat = await record(main.id, 'DUP-1', '5.00');
      expect(repeat).toEqual({ created: false, incomingPayment: first.incomingPayment });
      expect(await counts()).toEqual(snapshot);
      expectError(
        await recordRaw({ mainAccountId: main.id, clientSn: 'DUP-1', amount: '5.01', status: 'PAID' }),
        'DUPLICATE_CLIENT_SN',
      );
      expectError(
        await recordRaw({
          mainAccountId: main.id,
          clientSn: 'DUP-1',
          amount: '5.00',
          status: 'PAID',
          payWay: '微信',
        }),
        'DUPLICATE_CLIENT_SN',
      );
      expect(await counts()).toEqual(snapshot);
      // The same clientSn is free on another main account.
      const other = (await createMain()).mainAccount;
      expect((await record(other.id, 'DUP-1', '5.00')).created).toBe(true);
    });

    it('refuses bad input and changes nothing', async () => {
      const snapshot = await counts();
      const base = { mainAccountId: main.id, clientSn: 'BAD-1', amount: '1.00', status: 'PAID' };
      for (const amount of ['0', '0.00', '-1.00', '1.001', 'abc', '', '1e3', '１００']) {
        expectError(await recordRaw({ ...base, amount }), 'INVALID_AMOUNT');
      }
      for (const clientSn of ['', 'has space', 'x'.repeat(65), '流水']) {
        expectError(await recordRaw({ ...base, clientSn }), 'BAD_USER_INPUT');
      }
      expectError(await recordRaw({ ...base, payWay: '' }), 'BAD_USER_INPUT');
      expectError(await recordRaw({ ...base, payWay: 'x'.repeat(41) }), 'BAD_USER_INPUT');
      expectError(await recordRaw({ ...base, mainAccountId: 'abc' }), 'BAD_USER_INPUT');
      expectError(await recordRaw({ ...base, mainAccountId: '999999' }), 'NOT_FOUND');
      expect(await counts()).toEqual(snapshot);
    });
  });

  // -------------------------------------------------------------------------------------
  describe('clearing (清分) and child withdrawals', () => {
    let main: MainView;
    const A = '13804542921';
    const B = '13245678332';

    beforeAll(async () => {
      main = (await createMain()).mainAccount;
      await addChild(main.id, A);
      await addChild(main.id, B);
      await record(main.id, 'FUND-1', '1000.00'); // balance 994.00
    });

    it('clears from the main balance to a child with the share fee on top', async () => {
      const { created, clearingRecord: c } = await clear(main.id, A, '10.00', 'CLR-1');
      expect(created).toBe(true);
      expect(c).toMatchObject({
        clientSn: 'CLR-1',
        mainAccountId: main.id,
        childPhone: A,
        amount: '10.00',
        fee: '0.01',
        changedType: 2,
        message: '清分',
      });
      expect(c.completeTime).not.toBeNull();
      const childId = (await children(main.id, A)).nodes[0]!.id;
      expect(await postingLegs(`clearing:${main.id}:CLR-1`)).toEqual([
        { owner_type: 'CHILD_ACCOUNT', owner_id: childId, purpose: 'CHILD_ACCOUNT', amount: '1000' },
        { owner_type: 'MAIN_ACCOUNT', owner_id: main.id, purpose: 'MAIN_ACCOUNT', amount: '-1001' },
        { owner_type: 'PLATFORM', owner_id: 'platform', purpose: 'PLATFORM_REVENUE', amount: '1' },
      ]);
      const after = await mainAccount(main.id);
      expect(after).toMatchObject({ balance: '983.99', totalShareAmount: '10.00', totalShareFee: '0.01' });
      expectInvariant(after);
      expect((await children(main.id, A)).nodes[0]).toMatchObject({ balance: '10.00' });
    });

    it('rounds the share fee half-up', async () => {
      const cases: [string, string][] = [
        ['5.00', '0.01'], // 0.5 fen → 1
        ['4.99', '0.00'], // 0.499 fen → 0
        ['0.05', '0.00'],
        ['15.00', '0.02'], // 1.5 fen → 2
      ];
      for (const [i, [amount, expected]] of cases.entries()) {
        expect((await clear(main.id, B, amount, `ROUND-${i}`)).clearingRecord.fee).toBe(expected);
      }
      expectInvariant(await mainAccount(main.id));
    });

    it('refuses a clearing the main balance cannot cover (amount + fee), changing nothing', async () => {
      const before = await mainAccount(main.id);
      const balance = Math.round(Number(before.balance) * 100);
      const snapshot = await counts();
      // The balance itself: amount + fee exceeds it by the fee.
      const result = await clearRaw(main.id, A, yuan(balance), 'TOO-MUCH');
      expectError(result, 'INSUFFICIENT_BALANCE');
      expect(result.body.errors![0]!.message).toBe('余额不足');
      expect(await counts()).toEqual(snapshot);
      expect(await mainAccount(main.id)).toEqual(before);
      // The same clientSn can be used once the request fits.
      expect((await clear(main.id, A, '1.00', 'TOO-MUCH')).created).toBe(true);
    });

    it('clears the whole balance exactly and not a fen more', async () => {
      const free = (await createMain({ shareFeeRate: '0', inFeeRate: '0' })).mainAccount;
      await addChild(free.id, A);
      await record(free.id, 'F-1', '12.34');
      expectError(await clearRaw(free.id, A, '12.35', 'F-CLR-0'), 'INSUFFICIENT_BALANCE');
      expect((await clear(free.id, A, '12.34', 'F-CLR-1')).clearingRecord.fee).toBe('0.00');
      expect((await mainAccount(free.id)).balance).toBe('0.00');
      expectError(await clearRaw(free.id, A, '0.01', 'F-CLR-2'), 'INSUFFICIENT_BALANCE');
    });

    it('pays a child withdrawal out with the withdraw fee charged to the child', async () => {
      const before = await mainAccount(main.id);
      const childBefore = (await children(main.id, A)).nodes[0]!;
      const { created, childWithdrawal: w } = await withdraw(main.id, A, '5.00', 'WD-1');
      expect(created).toBe(true);
      expect(w).toMatchObject({
        clientSn: 'WD-1',
        mainAccountId: main.id,
        childPhone: A,
        amount: '5.00',
        fee: '0.01', // 0.2 % of 5.00
        changedType: -1,
        message: '提现',
        status: 1,
      });
      expect(await postingLegs(`child-withdraw:${childBefore.id}:WD-1`)).toEqual([
        { owner_type: 'CHILD_ACCOUNT', owner_id: childBefore.id, purpose: 'CHILD_ACCOUNT', amount: '-501' },
        { owner_type: 'PLATFORM', owner_id: 'platform', purpose: 'PLATFORM_REVENUE', amount: '1' },
        { owner_type: 'PLATFORM', owner_id: 'platform', purpose: 'WITHDRAWAL_PAYOUT', amount: '500' },
      ]);
      const childAfter = (await children(main.id, A)).nodes[0]!;
      expect(Math.round(Number(childAfter.balance) * 100)).toBe(
        Math.round(Number(childBefore.balance) * 100) - 501,
      );
      const after = await mainAccount(main.id);
      expect(after).toMatchObject({
        balance: before.balance,
        totalWithdrawAmount: '5.00',
        totalWithdrawFee: '0.01',
      });
      expectInvariant(after);
    });

    it("refuses a withdrawal the child's balance cannot cover, changing nothing", async () => {
      const child = (await children(main.id, B)).nodes[0]!;
      const snapshot = await counts();
      expectError(await withdrawRaw(main.id, B, child.balance, 'WD-TOO-MUCH'), 'INSUFFICIENT_BALANCE');
      expect(await counts()).toEqual(snapshot);
    });

    it('is idempotent on clientSn for clearings and withdrawals', async () => {
      const first = await clear(main.id, A, '2.00', 'IDEM-1');
      const snapshot = await counts();
      const repeat = await clear(main.id, A, '2.00', 'IDEM-1');
      expect(repeat).toEqual({ created: false, clearingRecord: first.clearingRecord });
      expect(await counts()).toEqual(snapshot);
      expectError(await clearRaw(main.id, A, '2.01', 'IDEM-1'), 'DUPLICATE_CLIENT_SN');
      expectError(await clearRaw(main.id, B, '2.00', 'IDEM-1'), 'DUPLICATE_CLIENT_SN');

      const w = await withdraw(main.id, A, '1.00', 'IDEM-W');
      const snapshot2 = await counts();
      expect(await withdraw(main.id, A, '1.00', 'IDEM-W')).toEqual({
        created: false,
        childWithdrawal: w.childWithdrawal,
      });
      expectError(await withdrawRaw(main.id, A, '1.50', 'IDEM-W'), 'DUPLICATE_CLIENT_SN');
      expect(await counts()).toEqual(snapshot2);
    });

    it('lets concurrent twins of one request post once', async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, () => clearRaw(main.id, A, '3.00', 'TWINS-1')),
      );
      const created = results.map((r) => dataOf(r).clearToChild.created);
      expect(created.filter(Boolean)).toHaveLength(1);
      const ids = new Set(results.map((r) => dataOf(r).clearToChild.clearingRecord.id));
      expect(ids.size).toBe(1);
      const [row] = await sql<{ n: number }>('select count(*)::int as n from posting where unique_no = ?', [
        `clearing:${main.id}:TWINS-1`,
      ]);
      expect(row!.n).toBe(1);
    });

    it('never overdraws the main account under concurrent clearings', async () => {
      const small = (await createMain()).mainAccount;
      await addChild(small.id, A);
      await record(small.id, 'S-1', '100.00'); // 99.40
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => clearRaw(small.id, A, '30.00', `RACE-${i}`)),
      );
      const ok = results.filter((r) => !r.body.errors);
      const refused = results.filter((r) => errorCodes(r)[0] === 'INSUFFICIENT_BALANCE');
      expect(ok).toHaveLength(3); // 3 × 30.03 = 90.09 ≤ 99.40 < 4 × 30.03
      expect(refused).toHaveLength(7);
      expect((await mainAccount(small.id)).balance).toBe('9.31');
    });

    it('refuses bad input: amounts, phones, clientSn; NOT_FOUND for an unknown child', async () => {
      const snapshot = await counts();
      for (const amount of ['0', '0.00', '-1.00', '1.001', 'abc', '']) {
        expectError(await clearRaw(main.id, A, amount, 'BAD-C'), 'INVALID_AMOUNT');
        expectError(await withdrawRaw(main.id, A, amount, 'BAD-W'), 'INVALID_AMOUNT');
      }
      expectError(await clearRaw(main.id, '13900000000', '1.00', 'BAD-C'), 'NOT_FOUND');
      expectError(await withdrawRaw(main.id, '13900000000', '1.00', 'BAD-W'), 'NOT_FOUND');
      expectError(await clearRaw(main.id, '12345', '1.00', 'BAD-C'), 'BAD_USER_INPUT');
      expectError(await clearRaw(main.id, A, '1.00', 'bad sn'), 'BAD_USER_INPUT');
      expectError(await clearRaw('999999', A, '1.00', 'BAD-C'), 'NOT_FOUND');
      expect(await counts()).toEqual(snapshot);
    });
  });

  // -------------------------------------------------------------------------------------
  describe('queries', () => {
    let main: MainView;
    const A = '13804542921';
    const B = '13245678332';

    beforeAll(async () => {
      main = (await createMain()).mainAccount;
      await addChild(main.id, A);
      await addChild(main.id, B);
    });

    it('lists incoming payments newest first, 100 a page, by status and time range', async () => {
      for (let i = 0; i < 101; i += 1)
        await record(main.id, `Q-${String(i).padStart(3, '0')}`, '1.00', 'WAITING');
      await record(main.id, 'Q-PAID', '2.00', 'PAID');
      await record(main.id, 'Q-FAILED', '3.00', 'FAILED');
      // Pin the times of three payments (records only; no money is involved).
      await sql(
        `update incoming_payment set gen_time = ? where client_sn = 'Q-PAID' and main_account_id = ?`,
        [new Date('2019-05-18T08:07:00Z'), main.id],
      );
      await sql(
        `update incoming_payment set gen_time = ? where client_sn = 'Q-FAILED' and main_account_id = ?`,
        [new Date('2019-05-18T08:17:00Z'), main.id],
      );

      const page1 = dataOf(
        await gql<{
          incomingPayments: {
            totalCount: number;
            pageSize: number;
            totalPages: number;
            nodes: PaymentView[];
          };
        }>(INCOMING, { mainAccountId: main.id }),
      ).incomingPayments;
      expect(page1).toMatchObject({ totalCount: 103, pageSize: 100, totalPages: 2 });
      expect(page1.nodes).toHaveLength(100);
      expect(page1.nodes[0]!.clientSn).toBe('Q-100');
      const page2 = dataOf(
        await gql<{ incomingPayments: { nodes: PaymentView[] } }>(INCOMING, {
          mainAccountId: main.id,
          page: 2,
        }),
      ).incomingPayments;
      expect(page2.nodes.map((p) => p.clientSn)).toEqual(['Q-000', 'Q-FAILED', 'Q-PAID']);
      expectError(await gql(INCOMING, { mainAccountId: main.id, pageSize: 101 }), 'BAD_USER_INPUT');

      const byStatus = async (status: string) =>
        dataOf(
          await gql<{ incomingPayments: { totalCount: number; nodes: PaymentView[] } }>(INCOMING, {
            mainAccountId: main.id,
            status,
          }),
        ).incomingPayments;
      expect((await byStatus('PAID')).nodes.map((p) => p.clientSn)).toEqual(['Q-PAID']);
      expect((await byStatus('FAILED')).nodes.map((p) => p.clientSn)).toEqual(['Q-FAILED']);
      expect((await byStatus('WAITING')).totalCount).toBe(101);

      // 2019-05-18T08:07:00Z = 1558166820; inclusive bounds, Unix seconds as the spec sends them.
      const inRange = async (startTime?: string, endTime?: string) =>
        dataOf(
          await gql<{ incomingPayments: { nodes: PaymentView[] } }>(INCOMING, {
            mainAccountId: main.id,
            startTime,
            endTime,
          }),
        ).incomingPayments.nodes.map((p) => p.clientSn);
      expect(await inRange('1558166820', '1558166820')).toEqual(['Q-PAID']);
      expect(await inRange('1558166821', '1558167420')).toEqual(['Q-FAILED']);
      expect(await inRange(undefined, '1558167420')).toEqual(['Q-FAILED', 'Q-PAID']);
      expect(await inRange('2019-05-18', '2019-05-18')).toEqual(['Q-FAILED', 'Q-PAID']);
      expect(await inRange('', '')).toHaveLength(100);
      expectError(await gql(INCOMING, { mainAccountId: main.id, startTime: 'yesterday' }), 'BAD_USER_INPUT');
      expectError(
        await gql(INCOMING, { mainAccountId: main.id, startTime: '1558167420', endTime: '1558166820' }),
        'BAD_USER_INPUT',
      );

      // The API identity works in place of the id.
      const byUnion = dataOf(
        await gql<{ incomingPayments: { totalCount: number } }>(INCOMING, { unionId: main.unionId }),
      ).incomingPayments;
      expect(byUnion.totalCount).toBe(103);
      expectError(await gql(INCOMING, {}), 'BAD_USER_INPUT');
      expectError(await gql(INCOMING, { unionId: 'nobody' }), 'NOT_FOUND');
    });

    it('lists clearings and withdrawals newest first with the legacy fields', async () => {
      await record(main.id, 'Q-FUND', '100.00');
      await clear(main.id, A, '1.00', 'Q-CLR-1');
      await clear(main.id, B, '2.00', 'Q-CLR-2');
      await withdraw(main.id, A, '0.50', 'Q-WD-1');
      await withdraw(main.id, B, '0.50', 'Q-WD-2');

      const clearings = dataOf(
        await gql<{ clearingRecords: { totalCount: number; pageSize: number; nodes: ClearingView[] } }>(
          CLEARINGS,
          {
            unionId: main.unionId,
          },
        ),
      ).clearingRecords;
      expect(clearings.pageSize).toBe(100);
      expect(
        clearings.nodes.map((c) => [c.clientSn, c.childPhone, c.amount, c.changedType, c.message]),
      ).toEqual([
        ['Q-CLR-2', B, '2.00', 2, '清分'],
        ['Q-CLR-1', A, '1.00', 2, '清分'],
      ]);
      const withdrawals = dataOf(
        await gql<{ childWithdrawals: { totalCount: number; nodes: WithdrawalView[] } }>(WITHDRAWALS, {
          mainAccountId: main.id,
        }),
      ).childWithdrawals;
      expect(
        withdrawals.nodes.map((w) => [
          w.clientSn,
          w.childPhone,
          w.amount,
          w.changedType,
          w.message,
          w.status,
        ]),
      ).toEqual([
        ['Q-WD-2', B, '0.50', -1, '提现', 1],
        ['Q-WD-1', A, '0.50', -1, '提现', 1],
      ]);
      for (const w of withdrawals.nodes) expect(w.completeTime).not.toBeNull();
    });

    it('shows the children with masked phones and balances, optionally one of them', async () => {
      const all = await children(main.id);
      expect(all.totalCount).toBe(2);
      expect(all.nodes.map((c) => [c.maskedPhone, c.phone])).toEqual([
        ['138****2921', A],
        ['132****8332', B],
      ]);
      expect(all.nodes[0]!.balance).toBe('0.50'); // 1.00 in, 0.50 out (its fee, 0.1 fen, rounds to 0)
      expect(all.nodes[0]!.lastModifiedTime).not.toBeNull();
      expect((await children(main.id, B)).nodes.map((c) => c.maskedPhone)).toEqual(['132****8332']);
      expect((await children(main.id, '13900000000')).totalCount).toBe(0);

      // A child that never received money has a zero balance and no change time.
      await addChild(main.id, '13900001111');
      const fresh = (await children(main.id, '13900001111')).nodes[0]!;
      expect(fresh).toMatchObject({ balance: '0.00', lastModifiedTime: null, maskedPhone: '139****1111' });
    });

    it("lists one child's balance changes with the running amount after each", async () => {
      const C = '13700002222';
      await addChild(main.id, C);
      await record(main.id, 'Q-FUND-2', '100.00');
      await clear(main.id, C, '29.00', 'RUN-1');
      await clear(main.id, C, '1.00', 'RUN-2');
      await withdraw(main.id, C, '29.00', 'RUN-3'); // fee 0.06
      await clear(main.id, C, '0.06', 'RUN-4');
      await withdraw(main.id, C, '0.99', 'RUN-5'); // fee 0.00198 → 0.00

      const result = await changes(main.id, C);
      expect(result).toMatchObject({ phone: C, balance: '0.01', totalCount: 5 });
      expect(result.lastModifiedTime).not.toBeNull();
      expect(result.nodes.map((n) => [n.changedAmount, n.currentAmount, n.changedType, n.message])).toEqual([
        ['29.00', '29.00', 2, '清分'],
        ['1.00', '30.00', 2, '清分'],
        ['-29.06', '0.94', -1, '提现'],
        ['0.06', '1.00', 2, '清分'],
        ['-0.99', '0.01', -1, '提现'],
      ]);
      for (const n of result.nodes) expect(n.phone).toBe(C);

      // The running amounts come from the ledger: the last one is the balance.
      expect(result.nodes[result.nodes.length - 1]!.currentAmount).toBe(result.balance);

      // A time range selects the changes made in it.
      const times = result.nodes.map((n) => Math.floor(new Date(n.time).getTime() / 1000));
      const future = String(times[times.length - 1]! + 3600);
      expect((await changes(main.id, C, { startTime: future })).nodes).toEqual([]);
      expect((await changes(main.id, C, { startTime: String(times[0]!) })).totalCount).toBe(5);

      expectError(await gql(CHANGES, { mainAccountId: main.id, phone: '13900009999' }), 'NOT_FOUND');
      // A child with no money yet: no changes, zero balance.
      const empty = await changes(main.id, '13900001111');
      expect(empty).toMatchObject({ balance: '0.00', lastModifiedTime: null, totalCount: 0, nodes: [] });
    });
  });

  // -------------------------------------------------------------------------------------
  describe('authorization', () => {
    let mine: MainView;
    let platforms: MainView;
    const A = '13804542921';

    beforeAll(async () => {
      mine = (await createMain({ merchantId: ACTORS.merchant.merchantId })).mainAccount;
      platforms = (await createMain({ merchantId: null })).mainAccount;
      await addChild(mine.id, A);
      await record(mine.id, 'AUTH-FUND', '100.00');
    });

    it('lets the owning merchant read its account and nobody else', async () => {
      const owner = dataOf(
        await gql<{ mainAccount: MainView }>(MAIN_ACCOUNT, { id: mine.id }, ACTORS.merchant),
      );
      expect(owner.mainAccount.id).toBe(mine.id);
      for (const vars of [{ id: mine.id }, { unionId: mine.unionId }, { uid: mine.mainAccountUid }]) {
        expect(dataOf(await gql(MAIN_ACCOUNT, vars, ACTORS.otherMerchant)).mainAccount).toBeNull();
      }
      expect(dataOf(await gql(MAIN_ACCOUNT, { id: platforms.id }, ACTORS.merchant)).mainAccount).toBeNull();
      expect(dataOf(await gql(MAIN_ACCOUNT, { id: mine.id }, ACTORS.analyst)).mainAccount).not.toBeNull();

      for (const [query, vars] of [
        [INCOMING, { mainAccountId: mine.id }],
        [CLEARINGS, { mainAccountId: mine.id }],
        [WITHDRAWALS, { mainAccountId: mine.id }],
        [CHILDREN, { mainAccountId: mine.id }],
        [CHANGES, { mainAccountId: mine.id, phone: A }],
        [INCOMING, { unionId: mine.unionId }],
      ] as const) {
        expectError(await gql(query, vars, ACTORS.otherMerchant), 'FORBIDDEN');
        expect(dataOf(await gql(query, vars, ACTORS.merchant))).toBeTruthy();
        expect(dataOf(await gql(query, vars, ACTORS.analyst))).toBeTruthy();
      }
      expectError(await gql(INCOMING, { mainAccountId: platforms.id }, ACTORS.merchant), 'FORBIDDEN');
    });

    it('shows full phones to the owner and platform roles', async () => {
      for (const actor of [ACTORS.merchant, ACTORS.operator, ACTORS.analyst]) {
        expect((await children(mine.id, undefined, actor)).nodes[0]).toMatchObject({
          phone: A,
          maskedPhone: '138****2921',
        });
      }
    });

    it('lists only the merchant’s own main accounts', async () => {
      const own = dataOf(
        await gql<{ mainAccounts: { totalCount: number; nodes: { merchantId: number }[] } }>(
          MAIN_ACCOUNTS,
          {},
          ACTORS.merchant,
        ),
      ).mainAccounts;
      expect(own.totalCount).toBeGreaterThan(0);
      expect(new Set(own.nodes.map((n) => n.merchantId))).toEqual(new Set([2024164]));
      expectError(await gql(MAIN_ACCOUNTS, { merchantId: 2023100 }, ACTORS.merchant), 'FORBIDDEN');
      const all = dataOf(
        await gql<{ mainAccounts: { totalCount: number } }>(MAIN_ACCOUNTS, {}, ACTORS.analyst),
      );
      expect(all.mainAccounts.totalCount).toBeGreaterThan(own.totalCount);
    });

    it('resolves MainAccount entities only for those who may see them', async () => {
      const representations = [{ __typename: 'MainAccount', id: mine.id }];
      type E = { _entities: ({ id: string; balance: string } | null)[] };
      expect(dataOf(await gql<E>(ENTITIES, { representations }, ACTORS.merchant))._entities[0]).toMatchObject(
        {
          id: mine.id,
          balance: '99.40',
        },
      );
      expect(dataOf(await gql<E>(ENTITIES, { representations }, ACTORS.otherMerchant))._entities).toEqual([
        null,
      ]);
    });

    it('lets the owner clear, add children and withdraw; not record or settle payments', async () => {
      expect((await clearRaw(mine.id, A, '1.00', 'AUTH-C', ACTORS.merchant)).body.errors).toBeUndefined();
      expect(
        (await gql(ADD_CHILD, { input: { mainAccountId: mine.id, phone: '13600000001' } }, ACTORS.merchant))
          .body.errors,
      ).toBeUndefined();
      expect((await withdrawRaw(mine.id, A, '0.10', 'AUTH-W', ACTORS.merchant)).body.errors).toBeUndefined();

      const snapshot = await counts();
      expectError(
        await recordRaw(
          { mainAccountId: mine.id, clientSn: 'AUTH-IN', amount: '1.00', status: 'PAID' },
          ACTORS.merchant,
        ),
        'FORBIDDEN',
      );
      await record(mine.id, 'AUTH-WAIT', '1.00', 'WAITING');
      const snapshot2 = await counts();
      expectError(await settleRaw(mine.id, 'AUTH-WAIT', 'PAID', ACTORS.merchant), 'FORBIDDEN');
      expectError(
        await gql(
          CREATE_MAIN,
          { input: { inFeeRate: '0', shareFeeRate: '0', withdrawFeeRate: '0', merchantId: 2024164 } },
          ACTORS.merchant,
        ),
        'FORBIDDEN',
      );
      expect(await counts()).toEqual(snapshot2);
      expect(snapshot2.payments).toBe(snapshot.payments + 1);
    });

    it("refuses every command on another merchant's account and every command by an analyst", async () => {
      const snapshot = await counts();
      const commands = (actor: Actor) => [
        clearRaw(mine.id, A, '1.00', 'X-C', actor),
        withdrawRaw(mine.id, A, '0.01', 'X-W', actor),
        gql(ADD_CHILD, { input: { mainAccountId: mine.id, phone: '13600000002' } }, actor),
        recordRaw({ mainAccountId: mine.id, clientSn: 'X-IN', amount: '1.00', status: 'PAID' }, actor),
        settleRaw(mine.id, 'AUTH-WAIT', 'PAID', actor),
        gql(CREATE_MAIN, { input: { inFeeRate: '0', shareFeeRate: '0', withdrawFeeRate: '0' } }, actor),
      ];
      for (const actor of [ACTORS.otherMerchant, ACTORS.analyst]) {
        for (const result of await Promise.all(commands(actor))) expectError(result, 'FORBIDDEN');
      }
      expect(await counts()).toEqual(snapshot);
    });
  });

  // -------------------------------------------------------------------------------------
  describe('the invariant (balance + share fee + shared = received − in-fee)', () => {
    it('holds after 200 random operations, checked by clearingDrift() and by the sums', async () => {
      const random = seededRandom(20261121);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
      const rates = { in: 3850, share: 1250, withdraw: 2000 }; // 0.385 %, 0.125 %, 0.2 %
      const main = (await createMain({ inFeeRate: '0.385', shareFeeRate: '0.125', withdrawFeeRate: '0.2' }))
        .mainAccount;
      const phones = ['13811110001', '13811110002', '13811110003'];
      for (const phone of phones) await addChild(main.id, phone);

      // The model, kept in fen by the test.
      const model = { inAmount: 0, inFee: 0, share: 0, shareFee: 0, wd: 0, wdFee: 0, balance: 0 };
      const child = new Map(phones.map((p) => [p, 0]));
      const waiting = new Map<string, number>();
      const done: { kind: 'in' | 'clear' | 'withdraw'; sn: string; phone: string; amount: number }[] = [];
      const amountOf = () => 1 + Math.floor(random() ** 3 * 50_000); // 0.01 … 500.00, mostly small
      let refused = 0;

      for (let i = 0; i < 200; i += 1) {
        const roll = random();
        const sn = `R-${i}`;
        if (roll < 0.3) {
          const amount = amountOf() * 4;
          const status = pick(['PAID', 'PAID', 'WAITING', 'FAILED'] as const);
          await record(main.id, sn, yuan(amount), status);
          if (status === 'PAID') {
            const f = fee(amount, rates.in);
            model.inAmount += amount;
            model.inFee += f;
            model.balance += amount - f;
          }
          if (status === 'WAITING') waiting.set(sn, amount);
          done.push({ kind: 'in', sn, phone: '', amount });
        } else if (roll < 0.4 && waiting.size > 0) {
          const [waitSn, amount] = pick([...waiting.entries()]);
          const status = random() < 0.7 ? 'PAID' : 'FAILED';
          expect(dataOf(await settleRaw(main.id, waitSn, status)).settleIncomingPayment.unchanged).toBe(
            false,
          );
          waiting.delete(waitSn);
          if (status === 'PAID') {
            const f = fee(amount, rates.in);
            model.inAmount += amount;
            model.inFee += f;
            model.balance += amount - f;
          }
        } else if (roll < 0.75) {
          const phone = pick(phones);
          const amount = random() < 0.2 ? model.balance : amountOf();
          if (amount <= 0) continue;
          const f = fee(amount, rates.share);
          const result = await clearRaw(main.id, phone, yuan(amount), sn);
          if (amount + f > model.balance) {
            expectError(result, 'INSUFFICIENT_BALANCE');
            refused += 1;
          } else {
            expect(dataOf(result).clearToChild.clearingRecord.fee).toBe(yuan(f));
            model.share += amount;
            model.shareFee += f;
            model.balance -= amount + f;
            child.set(phone, child.get(phone)! + amount);
            done.push({ kind: 'clear', sn, phone, amount });
          }
        } else if (roll < 0.9) {
          const phone = pick(phones);
          const amount = random() < 0.2 ? child.get(phone)! : Math.floor(amountOf() / 4);
          if (amount <= 0) continue;
          const f = fee(amount, rates.withdraw);
          const result = await withdrawRaw(main.id, phone, yuan(amount), sn);
          if (amount + f > child.get(phone)!) {
            expectError(result, 'INSUFFICIENT_BALANCE');
            refused += 1;
          } else {
            expect(dataOf(result).withdrawFromChild.childWithdrawal.fee).toBe(yuan(f));
            model.wd += amount;
            model.wdFee += f;
            child.set(phone, child.get(phone)! - amount - f);
            done.push({ kind: 'withdraw', sn, phone, amount });
          }
        } else if (done.length > 0) {
          // A retried request: nothing moves again.
          const previous = pick(done);
          if (previous.kind === 'in') {
            const r = await recordRaw({
              mainAccountId: main.id,
              clientSn: previous.sn,
              amount: yuan(previous.amount),
              status: 'PAID',
            });
            expect(dataOf(r).recordIncomingPayment.created).toBe(false);
          } else if (previous.kind === 'clear') {
            expect((await clear(main.id, previous.phone, yuan(previous.amount), previous.sn)).created).toBe(
              false,
            );
          } else {
            expect(
              (await withdraw(main.id, previous.phone, yuan(previous.amount), previous.sn)).created,
            ).toBe(false);
          }
        }
      }
      expect(refused).toBeGreaterThan(0);
      expect(model.share).toBeGreaterThan(0);
      expect(model.wd).toBeGreaterThan(0);

      const em = app.orm.em.fork();
      expect(await clearingDrift(em)).toEqual([]);
      expect(await childAccountDrift(em)).toEqual([]);

      const after = await mainAccount(main.id);
      expect(after).toMatchObject({
        totalInAmount: yuan(model.inAmount),
        totalInFee: yuan(model.inFee),
        totalShareAmount: yuan(model.share),
        totalShareFee: yuan(model.shareFee),
        balance: yuan(model.balance),
        totalWithdrawAmount: yuan(model.wd),
        totalWithdrawFee: yuan(model.wdFee),
      });
      expect(model.balance + model.shareFee + model.share).toBe(model.inAmount - model.inFee);
      expectInvariant(after);
      expect(await invariantHolds(main.id)).toBe(true);
      const kids = await children(main.id);
      expect(kids.nodes.map((k) => [k.phone, k.balance])).toEqual(
        phones.map((p) => [p, yuan(child.get(p)!)]),
      );
    });

    it('clearingDrift() reports a main account whose balance moved outside the rules', async () => {
      const main = (await createMain()).mainAccount;
      const em = app.orm.em.fork();
      const stray = {
        uniqueNo: `test-stray:${main.id}`,
        type: PostingType.ADJUSTMENT,
        description: 'a posting no clearing record explains',
        actor: 'test',
      };
      await post(em, {
        ...stray,
        legs: [
          { ...mainAccountLedger(Number(main.id)), amount: 123 },
          { ...ADJUSTMENT, amount: -123 },
        ],
      });
      expect(await clearingDrift(em)).toEqual([{ mainAccountId: Number(main.id), expected: 0, actual: 123 }]);
      expect(await invariantHolds(main.id)).toBe(false);
      // Corrected by a new posting, as the ledger does.
      await post(em, {
        ...stray,
        uniqueNo: `${stray.uniqueNo}:reversal`,
        legs: [
          { ...mainAccountLedger(Number(main.id)), amount: -123 },
          { ...ADJUSTMENT, amount: 123 },
        ],
      });
      expect(await clearingDrift(em)).toEqual([]);
      expect(await invariantHolds(main.id)).toBe(true);
    });
  });

  // -------------------------------------------------------------------------------------
  describe('demo data', () => {
    it('seeds the demo account once, in every status, keeping the invariant', async () => {
      const first = await seedClearingDemo(app.orm.em.fork());
      expect(first).toMatchObject({
        created: true,
        unionId: 'demo-union-id',
        key: 'demo-account-key-123456',
        childPhone: '13804542921',
      });
      const snapshot = await counts();
      const second = await seedClearingDemo(app.orm.em.fork());
      expect(second).toEqual({ ...first, created: false });
      expect(await counts()).toEqual(snapshot);

      const [row] = await sql<{ api_key: string }>('select api_key from main_account where union_id = ?', [
        CLEARING_DEMO.unionId,
      ]);
      expect(row!.api_key).toBe('demo-account-key-123456');
      const demo = dataOf(
        await gql<{ mainAccount: MainView }>(MAIN_ACCOUNT, { unionId: 'demo-union-id' }, ACTORS.merchant),
      ).mainAccount;
      expect(demo).toMatchObject({
        mainAccountUid: 123456,
        merchantId: 2024164,
        inFeeRate: 0.6,
        shareFeeRate: 0.1,
        withdrawFeeRate: 0.2,
        totalInAmount: '1188.88', // 1000.00 + 100.00 + 88.88 (paid later); 23.00 failed, 50.00 waiting
        totalInFee: '7.13', // 6.00 + 0.60 + 0.53
        totalShareAmount: '230.00',
        totalShareFee: '0.23',
        balance: '951.52',
        totalWithdrawAmount: '100.00',
        totalWithdrawFee: '0.20',
      });
      expectInvariant(demo);
      const statuses = dataOf(
        await gql<{ incomingPayments: { nodes: PaymentView[] } }>(INCOMING, { unionId: 'demo-union-id' }),
      ).incomingPayments.nodes.map((p) => p.statusCode);
      expect(new Set(statuses)).toEqual(new Set([1, 0, -1]));
      expect((await children(demo.id)).nodes.map((c) => [c.maskedPhone, c.balance])).toEqual([
        ['138****2921', '99.80'],
        ['132****8332', '30.00'],
      ]);
    });
  });
});
