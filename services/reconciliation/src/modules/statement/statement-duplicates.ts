import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { pgArray } from '@pay/common';
import { StatementInvalid, type StatementLineRow } from './statement-reader';

/** Bits of the filter: 8 MiB whatever the file's size (about 10^-4 false alarms per line at 10^6 lines). */
const FILTER_BITS = 1 << 26;
const FILTER_MASK = FILTER_BITS - 1;
const FILTER_HASHES = 3;
/** Beyond this many possible repeats, the check reads every line of the statement instead. */
const MAX_CANDIDATES = 100_000;

/**
 * Sees the import's lines as they are read, in fixed memory (a Bloom filter of the
 * duplicate key), and notes the channel transactions that MAY be listed twice: the
 * second time a key comes, it is always noted (no false negatives), and now and then a
 * key that came once is too (false alarms). `refuseDuplicateLines` then checks only the
 * noted transactions against the database — the same answer as checking every line,
 * without a pass over a million of them.
 */
export class DuplicateLineFilter {
  private readonly bits = new Int32Array(FILTER_BITS / 32);
  readonly transactionIds = new Set<string>();
  readonly orderNos = new Set<string>();
  /** Too many possible repeats to list: check every line. */
  overflow = false;

  add(row: StatementLineRow): void {
    // The key of refuseDuplicateLines' GROUP BY; refund lines without a refund number are not compared.
    if (row.kind === 'REFUND' && row.refundNo === null) return;
    const tx = row.transactionId;
    const key = `${row.kind}\u0001${tx ?? ''}\u0001${tx === null ? (row.platformOrderNo ?? '') : ''}\u0001${row.refundNo ?? ''}`;
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = 0; i < key.length; i += 1) {
      const c = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h2 |= 1;
    let seen = true;
    for (let k = 0; k < FILTER_HASHES; k += 1) {
      const bit = (h1 + Math.imul(k, h2)) & FILTER_MASK;
      const word = bit >>> 5;
      const mask = 1 << (bit & 31);
      if (((this.bits[word] as number) & mask) === 0) {
        seen = false;
        this.bits[word] = (this.bits[word] as number) | mask;
      }
    }
    if (!seen || this.overflow) return;
    if (tx !== null) this.transactionIds.add(tx);
    else if (row.platformOrderNo !== null) this.orderNos.add(row.platformOrderNo);
    if (this.transactionIds.size + this.orderNos.size > MAX_CANDIDATES) {
      this.overflow = true;
      this.transactionIds.clear();
      this.orderNos.clear();
    }
  }
}

interface DuplicateRow {
  kind: string;
  transaction_id: string | null;
  platform_order_no: string | null;
  refund_no: string | null;
  first_line: number;
  second_line: number;
  groups: string | number;
}

/**
 * Refuses a statement that lists the same channel transaction twice: two lines of one
 * kind with the same transaction id (our order number when the file has none) and, for
 * refunds, the same refund number. A channel transaction is one event; a bill naming it
 * twice contradicts itself, and imported as is it would only surface later as an amount
 * the platform "lacks". Refund lines without a refund number are not compared (partial
 * refunds of one payment cannot be told apart from a repeat).
 *
 * One set-based query over the statement's lines, already COPYed in the import's
 * transaction (`em` and `trx`), so memory does not grow with the file. With the
 * `filter` that saw the lines, only the transactions it noted are looked at (none noted:
 * no query). Throws `StatementInvalid` at the repeat's line naming the first one.
 */
export async function refuseDuplicateLines(
  em: EntityManager,
  trx: Knex.Transaction | undefined,
  statementId: number,
  filter?: DuplicateLineFilter,
): Promise<void> {
  const narrow = filter !== undefined && !filter.overflow;
  if (narrow && filter.transactionIds.size === 0 && filter.orderNos.size === 0) return;
  const only = narrow
    ? `and (transaction_id = any(?::text[]) or (transaction_id is null and platform_order_no = any(?::text[])))`
    : '';
  const rows = (await em.getConnection().execute(
    `select kind, transaction_id, platform_order_no, refund_no,
            lines[1] as first_line, lines[2] as second_line, count(*) over () as groups
       from (select kind, transaction_id, min(platform_order_no) as platform_order_no, refund_no,
                    array_agg(line_no order by line_no) as lines
               from statement_line
              where statement_id = ? and (kind <> 'REFUND' or refund_no is not null) ${only}
              group by kind, transaction_id, case when transaction_id is null then platform_order_no end,
                       refund_no
             having count(*) > 1) d
      order by lines[2]
      limit 1`,
    narrow
      ? [statementId, pgArray([...filter.transactionIds]), pgArray([...filter.orderNos])]
      : [statementId],
    'all',
    trx,
  )) as DuplicateRow[];
  const first = rows[0];
  if (!first) return;
  const what = [
    first.kind,
    first.transaction_id ? `transaction ${first.transaction_id}` : `order ${first.platform_order_no}`,
    first.refund_no ? `refund ${first.refund_no}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  const others = Number(first.groups) - 1;
  throw new StatementInvalid(
    first.second_line,
    `line ${first.second_line} repeats line ${first.first_line}: the same channel transaction twice (${what})` +
      (others > 0 ? `; ${others} more transaction${others > 1 ? 's are' : ' is'} listed twice` : ''),
  );
}
