import type { EntityManager } from '@mikro-orm/postgresql';
import { logger, pgArray, type Fen } from '@pay/common';
import type { SettlementRuntime } from '../../context';
import { query } from './billing-sql';
import { CollectionState, type CollectionTrigger } from './wallet-collection.entity';

/** What collections need of the runtime (jobs and tests pass the same). */
export type CollectionRuntime = Pick<SettlementRuntime, 'orm' | 'ledger'>;

export interface CollectionRequest {
  merchantId: number;
  trigger: CollectionTrigger;
  billId?: number | null;
  rechargeId?: number | null;
  /** Who caused it (an operator, `auto`, `alipay`, the API caller), passed to the ledger. */
  actor: string;
}

export interface CollectionOutcome {
  collectionId: number;
  collected: Fen;
  /** Bill id → amount paid by this collection, oldest bill first. */
  payments: { billId: number; amount: Fen }[];
}

interface PendingRow {
  id: string;
  merchant_id: number;
  max_amount: string;
}

/**
 * Collects what a merchant's open bills have left from its prepaid wallet, as far as the
 * wallet reaches, oldest bill month first. Money moves only in the ledger, which answers
 * how much it moved; the wallet balance is never computed here.
 *
 * Three steps, so a crash anywhere leaves something the re-drive can finish:
 * 1. (transaction) reuse the merchant's pending collection or record a new one for the
 *    total left — the partial unique index `wallet_collection_one_pending` allows one at a
 *    time, so collections of one merchant are serialised;
 * 2. ask the ledger, keyed by the collection id (a retry gets the same answer);
 * 3. (transaction) if still pending, spread the answer over the open bills and mark the
 *    collection done.
 * A reused collection was recorded for an older total, so one more round picks up what
 * newer bills have left.
 */
export async function collectFromWallet(
  runtime: CollectionRuntime,
  request: CollectionRequest,
): Promise<CollectionOutcome[]> {
  const outcomes: CollectionOutcome[] = [];
  for (let round = 0; round < 2; round += 1) {
    const opened = await openCollection(runtime.orm.em.fork(), request);
    if (!opened) break;
    outcomes.push(await driveCollection(runtime, opened.row, request.actor));
    if (!opened.reused) break;
  }
  return outcomes;
}

/** Step 1: the merchant's pending collection, or a new one when its open bills have something left. */
async function openCollection(
  em: EntityManager,
  request: CollectionRequest,
): Promise<{ row: PendingRow; reused: boolean } | null> {
  return em.transactional(async (tx) => {
    const lockPending = () =>
      query<PendingRow>(
        tx,
        'select id, merchant_id, max_amount from wallet_collection where merchant_id = ? and state = ? for update',
        [request.merchantId, CollectionState.PENDING],
      );
    const [pending] = await lockPending();
    if (pending) return { row: pending, reused: true };
    // A concurrent caller may insert first: its row wins (the insert waits for its commit
    // and then does nothing) and is reused below.
    const [created] = await query<PendingRow>(
      tx,
      `insert into wallet_collection (merchant_id, trigger, bill_id, recharge_id, max_amount)
       select ?, ?, ?, ?, open.left
       from (select coalesce(sum(receivable - received), 0)::bigint as left
             from merchant_bill where merchant_id = ? and received < receivable) open
       where open.left > 0
       on conflict (merchant_id) where state = 1 do nothing
       returning id, merchant_id, max_amount`,
      [
        request.merchantId,
        request.trigger,
        request.billId ?? null,
        request.rechargeId ?? null,
        request.merchantId,
      ],
    );
    if (created) return { row: created, reused: false };
    const [winner] = await lockPending();
    return winner ? { row: winner, reused: true } : null;
  });
}

/** Steps 2 and 3 for one pending collection. */
async function driveCollection(
  runtime: CollectionRuntime,
  row: PendingRow,
  actor: string,
): Promise<CollectionOutcome> {
  const collectionId = Number(row.id);
  const maxAmount = Number(row.max_amount);
  const answer = await runtime.ledger.collectFromWallet({
    collectionId: row.id,
    merchantId: row.merchant_id,
    maxAmount,
    description: `账单收款 ${row.id}`,
    actor,
  });
  if (!Number.isSafeInteger(answer.collected) || answer.collected < 0 || answer.collected > maxAmount) {
    // The collection stays pending: nothing here can tell what the ledger really moved.
    throw new Error(`ledger answered ${answer.collected} for collection ${row.id} of at most ${maxAmount}`);
  }
  return settleCollection(runtime.orm.em.fork(), collectionId, answer.collected, answer.postingId);
}

/** Step 3: records the ledger's answer on the bills, oldest bill month first, once. */
async function settleCollection(
  em: EntityManager,
  collectionId: number,
  collected: Fen,
  postingId: string | null,
): Promise<CollectionOutcome> {
  return em.transactional(async (tx) => {
    const [collection] = await query<{ merchant_id: number; state: number; collected: string | null }>(
      tx,
      'select merchant_id, state, collected from wallet_collection where id = ? for update',
      [collectionId],
    );
    if (!collection) throw new Error(`collection ${collectionId} vanished`);
    if (collection.state === CollectionState.DONE) {
      // Another driver (the re-drive, a concurrent caller) recorded it first.
      const payments = await query<{ bill_id: string; amount: string }>(
        tx,
        'select bill_id, amount from bill_payment where collection_id = ? order by id',
        [collectionId],
      );
      return {
        collectionId,
        collected: Number(collection.collected ?? 0),
        payments: payments.map((p) => ({ billId: Number(p.bill_id), amount: Number(p.amount) })),
      };
    }
    const bills = await query<{ id: string; left: string }>(
      tx,
      `select id, receivable - received as left from merchant_bill
       where merchant_id = ? and received < receivable
       order by bill_month, id for update`,
      [collection.merchant_id],
    );
    const payments: { billId: number; amount: Fen }[] = [];
    let rest = collected;
    for (const bill of bills) {
      if (rest === 0) break;
      const amount = Math.min(rest, Number(bill.left));
      payments.push({ billId: Number(bill.id), amount });
      rest -= amount;
    }
    if (rest > 0) {
      // Only collections change `received` and they are serialised, so the bills always
      // have at least the collection's maximum left; anything else is a broken invariant.
      throw new Error(`collection ${collectionId}: ${rest} fen collected beyond the open bills`);
    }
    if (payments.length > 0) {
      const billIds = pgArray(payments.map((p) => p.billId));
      const amounts = pgArray(payments.map((p) => p.amount));
      await query(
        tx,
        `insert into bill_payment (bill_id, collection_id, amount)
         select p.bill_id, ?, p.amount from unnest(?::bigint[], ?::bigint[]) as p(bill_id, amount)`,
        [collectionId, billIds, amounts],
      );
      await query(
        tx,
        `update merchant_bill b set received = b.received + p.amount, updated_at = now()
         from unnest(?::bigint[], ?::bigint[]) as p(bill_id, amount) where b.id = p.bill_id`,
        [billIds, amounts],
      );
    }
    await query(
      tx,
      `update wallet_collection set state = ?, collected = ?, posting_id = ?::bigint, done_at = now()
       where id = ?`,
      [CollectionState.DONE, collected, postingId, collectionId],
    );
    return { collectionId, collected, payments };
  });
}

/**
 * Finishes collections a crash (or an unreachable ledger) left pending, with their own
 * keys: the ledger answers as it did or moves the money now, and the answer is recorded
 * once. `olderThanMs` leaves collections that are still being driven alone.
 */
export async function redrivePendingCollections(
  runtime: CollectionRuntime,
  options: { olderThanMs: number; now?: Date } = { olderThanMs: 0 },
): Promise<{ driven: number; failed: number }> {
  const before = new Date((options.now ?? new Date()).getTime() - options.olderThanMs);
  const rows = await query<PendingRow>(
    runtime.orm.em.fork(),
    `select id, merchant_id, max_amount from wallet_collection
     where state = ? and created_at <= ?::timestamptz order by id limit 1000`,
    [CollectionState.PENDING, before.toISOString()],
  );
  let failed = 0;
  for (const row of rows) {
    try {
      await driveCollection(runtime, row, 'auto');
    } catch (error) {
      failed += 1;
      logger().error({ err: error, collectionId: row.id }, 'pending wallet collection not finished');
    }
  }
  return { driven: rows.length - failed, failed };
}
