import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { AccountPurpose, ADJUSTMENT, merchantAccount } from '../../src/modules/account/account-purpose';
import { toPostingEntry } from '../../src/modules/posting/posting-entry';
import { PostingType } from '../../src/modules/posting/posting-type';
import { verifyLedger } from '../../src/modules/verify/ledger-verify';
import { openTestLedgerDatabase } from '../support/ledger-app';

/** One row of `request_withdrawals`, as pg hands it over. */
interface Answer {
  entry: number;
  withdrawal_id: string | null;
  posting_id: string | null;
  card: { id: string | number; account_number: string } | null;
  available: string | null;
  pending: string | null;
  frozen: string | null;
  error_state: string | null;
  error_message: string | null;
}

/** The batch function itself, many requests per call: what the batcher sends it under load. */
describe('request_withdrawals: many requests in one set-based call', () => {
  let orm: MikroORM;
  let close: () => Promise<void>;
  let sql: Client;
  let nextMerchant = 7_000_000;
  let nextNo = 0;

  beforeAll(async () => {
    let url: string;
    ({ orm, url, close } = await openTestLedgerDatabase());
    sql = new Client({ connectionString: url });
    await sql.connect();
    await sql.query('set search_path to ledger');
  });
  afterAll(async () => {
    await sql.end();
    await close();
  });

  /** A merchant with `fen` available and, unless told otherwise, one approved card. */
  async function merchantWith(fen: number, approved = true): Promise<{ id: number; cardId: number }> {
    nextMerchant += 1;
    const id = nextMerchant;
    const { rows } = await sql.query<{ id: string }>(
      `insert into bank_card (merchant_id, account_name, account_number, bank_name, approved)
       values ($1, 'Test Co', $2, 'Test Bank', $3) returning id`,
      [id, `62220000${id}`, approved],
    );
    if (fen > 0) {
      const available = merchantAccount(id, AccountPurpose.MERCHANT_AVAILABLE);
      await sql.query(`select * from post_entry($1, $2, 'fund', null, 'test', null, $3::jsonb)`, [
        `fund:${id}`,
        PostingType.ADJUSTMENT,
        JSON.stringify([
          { ...ADJUSTMENT, amount: -fen },
          { ...available, amount: fen },
        ]),
      ]);
    }
    return { id, cardId: Number(rows[0]!.id) };
  }

  /** A request as withdrawal.service builds it: amount + fee from available into pending. */
  function requestOf(
    merchantId: number,
    amount: number,
    options: { fee?: number; cardId?: number; requestId?: string; withdrawNo?: string } = {},
  ) {
    nextNo += 1;
    const withdrawNo = options.withdrawNo ?? `WT${String(nextNo).padStart(8, '0')}`;
    const fee = options.fee ?? 100;
    return {
      unfreezeSince: null,
      posting: toPostingEntry({
        uniqueNo: `withdraw:${withdrawNo}`,
        type: PostingType.WITHDRAWAL,
        description: `提现申请：${withdrawNo}`,
        orderNo: withdrawNo,
        actor: `merchant:${merchantId}`,
        legs: [
          { ...merchantAccount(merchantId, AccountPurpose.MERCHANT_AVAILABLE), amount: -(amount + fee) },
          {
            ...merchantAccount(merchantId, AccountPurpose.MERCHANT_PENDING_WITHDRAWAL),
            amount: amount + fee,
          },
        ],
      }),
      withdrawal: {
        withdraw_no: withdrawNo,
        merchant_id: merchantId,
        amount,
        fee,
        bank_card_id: options.cardId ?? null,
        request_id: options.requestId ?? null,
      },
    };
  }

  async function requestAll(entries: unknown[]): Promise<Answer[]> {
    const { rows } = await sql.query<Answer>(
      `select entry, withdrawal_id, posting_id, card, available, pending, frozen, error_state, error_message
         from request_withdrawals($1::jsonb) order by entry`,
      [JSON.stringify(entries)],
    );
    return rows;
  }

  const countsOf = async (merchantIds: number[]) => {
    const { rows } = await sql.query<{ withdrawals: string; logs: string; accounts: string }>(
      `select (select count(*) from withdrawal where merchant_id = any($1)) as withdrawals,
              (select count(*) from withdrawal_log g join withdrawal w on w.id = g.withdrawal_id
                where w.merchant_id = any($1)) as logs,
              (select count(*) from account where owner_type = 'MERCHANT' and owner_id = any($2)) as accounts`,
      [merchantIds, merchantIds.map(String)],
    );
    return {
      withdrawals: Number(rows[0]!.withdrawals),
      logs: Number(rows[0]!.logs),
      accounts: Number(rows[0]!.accounts),
    };
  };
  const availableOf = async (merchantId: number): Promise<number> => {
    const { rows } = await sql.query<{ balance: string }>(
      `select balance from account_balance where owner_type = 'MERCHANT' and owner_id = $1 and purpose = $2`,
      [String(merchantId), AccountPurpose.MERCHANT_AVAILABLE],
    );
    return Number(rows[0]?.balance ?? 0);
  };
  const expectClean = async () => {
    const report = await verifyLedger(orm.em.fork());
    expect(report.ok).toBe(true);
    expect(report.trialBalance).toBe(0);
  };

  it('answers each request with its own outcome; a refused one writes nothing', async () => {
    const rich = await merchantWith(100_000);
    const twice = await merchantWith(15_000); // covers the first of its two requests only
    const noCard = await merchantWith(50_000, false);
    const poor = await merchantWith(0);
    const other = await merchantWith(20_000);
    const before = await countsOf([noCard.id, poor.id]);

    const answers = await requestAll([
      requestOf(rich.id, 10_000),
      requestOf(twice.id, 10_000),
      requestOf(twice.id, 10_000),
      requestOf(noCard.id, 10_000),
      requestOf(poor.id, 10_000),
      requestOf(other.id, 5_000, { cardId: rich.cardId }), // another merchant's card
      requestOf(rich.id, 20_000, { cardId: rich.cardId }),
    ]);

    expect(answers.map((a) => [a.entry, a.error_message?.split(':')[0] ?? 'ok'])).toEqual([
      [0, 'ok'],
      [1, 'ok'],
      [2, 'INSUFFICIENT_BALANCE'],
      [3, 'NO_APPROVED_BANK_CARD'],
      [4, 'INSUFFICIENT_BALANCE'],
      [5, 'BANK_CARD_NOT_FOUND'],
      [6, 'ok'],
    ]);
    // Balances after each request's own debit, in the batch's order.
    expect(
      answers.filter((a) => !a.error_state).map((a) => [Number(a.available), Number(a.pending)]),
    ).toEqual([
      [100_000 - 10_100, 10_100],
      [15_000 - 10_100, 10_100],
      [100_000 - 10_100 - 20_100, 10_100 + 20_100],
    ]);
    expect(answers[0]!.card!.account_number).toBe(`62220000${rich.id}`);
    expect(Number(answers[6]!.card!.id)).toBe(rich.cardId);
    expect(answers[0]!.frozen).toBe('0');
    expect(await availableOf(twice.id)).toBe(4_900);
    expect(await countsOf([rich.id, twice.id])).toMatchObject({ withdrawals: 3, logs: 3 });
    // Refused ones: no withdrawal, no log, not even an empty pending-withdrawal account.
    expect(await countsOf([noCard.id, poor.id])).toEqual(before);
    const { rows } = await sql.query<{ n: string }>(
      `select count(*) as n from withdrawal w join posting_key k on k.id = w.request_posting_id
        where w.id = any($1) and k.unique_no = 'withdraw:' || w.withdraw_no`,
      [answers.filter((a) => a.withdrawal_id).map((a) => a.withdrawal_id)],
    );
    expect(Number(rows[0]!.n)).toBe(3);
    await expectClean();
  });

  it('refuses a taken withdrawal number (its posting key exists) and a key repeated in the batch', async () => {
    const m = await merchantWith(100_000);
    const [first] = await requestAll([requestOf(m.id, 1_000, { withdrawNo: 'WTTAKEN0001' })]);
    expect(first!.error_state).toBeNull();
    const answers = await requestAll([
      requestOf(m.id, 1_000, { withdrawNo: 'WTTAKEN0001' }),
      requestOf(m.id, 1_000, { withdrawNo: 'WTTWICE0001' }),
      requestOf(m.id, 1_000, { withdrawNo: 'WTTWICE0001' }),
    ]);
    expect(answers.map((a) => a.error_message?.split(':')[0] ?? 'ok')).toEqual([
      'WITHDRAW_NO_TAKEN',
      'ok',
      'WITHDRAW_NO_TAKEN',
    ]);
    expect(await availableOf(m.id)).toBe(100_000 - 2 * 1_100);
    await expectClean();
  });

  it('falls back to one entry at a time when the set meets what no check foresaw; only that entry fails', async () => {
    const m = await merchantWith(100_000);
    const n = await merchantWith(100_000);
    // A request id another call recorded already (the service looks for it first; this is
    // the race it can lose): the unique index refuses it at the insert.
    const [earlier] = await requestAll([requestOf(m.id, 1_000, { requestId: 'retry-1' })]);
    expect(earlier!.error_state).toBeNull();

    const answers = await requestAll([
      requestOf(n.id, 2_000),
      requestOf(m.id, 3_000, { requestId: 'retry-1' }),
      requestOf(m.id, 4_000, { requestId: 'retry-2' }),
    ]);
    expect(answers.map((a) => a.error_state)).toEqual([null, '23505', null]);
    expect(answers[1]!.error_message).toContain('withdrawal_merchant_request_unique');
    expect(answers.map((a) => a.available)).toEqual([
      String(100_000 - 2_100),
      null,
      String(100_000 - 1_100 - 4_100),
    ]);
    expect(await availableOf(m.id)).toBe(100_000 - 1_100 - 4_100);
    expect(await countsOf([m.id])).toMatchObject({ withdrawals: 2, logs: 2 });
    await expectClean();
  });

  it('asks for income from before today to be released first', async () => {
    const m = await merchantWith(10_000);
    const frozen = merchantAccount(m.id, AccountPurpose.MERCHANT_FROZEN);
    await sql.query(
      `select * from post_entry($1, $2, 'frozen income', null, 'test', null, $3::jsonb, null, now() - interval '2 days')`,
      [
        `frozen:${m.id}`,
        PostingType.ADJUSTMENT,
        JSON.stringify([
          { ...ADJUSTMENT, amount: -5_000 },
          { ...frozen, amount: 5_000 },
        ]),
      ],
    );
    const since = new Date(Date.now() - 24 * 3600_000).toISOString();
    const [answer] = await requestAll([{ ...requestOf(m.id, 1_000), unfreezeSince: since }]);
    expect(answer!.error_message).toMatch(/^UNFREEZE_DUE/);
    expect(await availableOf(m.id)).toBe(10_000);
    // Without the check (the caller released it), the same request passes and shows the frozen income.
    const [again] = await requestAll([requestOf(m.id, 1_000)]);
    expect(again!.error_state).toBeNull();
    expect(again!.frozen).toBe('5000');
  });
});
