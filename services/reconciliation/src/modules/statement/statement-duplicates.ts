import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { StatementInvalid } from './statement-reader';

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
 * transaction (`em` and `trx`), so memory does not grow with the file. Throws
 * `StatementInvalid` at the repeat's line naming the first one.
 */
export async function refuseDuplicateLines(
  em: EntityManager,
  trx: Knex.Transaction | undefined,
  statementId: number,
): Promise<void> {
  const rows = (await em.getConnection().execute(
    `select kind, transaction_id, platform_order_no, refund_no,
            lines[1] as first_line, lines[2] as second_line, count(*) over () as groups
       from (select kind, transaction_id, min(platform_order_no) as platform_order_no, refund_no,
                    array_agg(line_no order by line_no) as lines
               from statement_line
              where statement_id = ? and (kind <> 'REFUND' or refund_no is not null)
              group by kind, transaction_id, case when transaction_id is null then platform_order_no end,
                       refund_no
             having count(*) > 1) d
      order by lines[2]
      limit 1`,
    [statementId],
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
