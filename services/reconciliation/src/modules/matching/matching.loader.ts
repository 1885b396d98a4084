import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray, type TextKeysetWindow } from '@pay/common';
import { ReconciliationRun } from '../run/reconciliation-run.entity';
import { ReconciliationResult } from './result/reconciliation-result.entity';
import { resultFilterSql, type ResultFilter } from './result/result.service';
import { StatementLine } from '../statement/statement-line.entity';

/** A run's page of results: `total` null when not asked (no count ran). */
type Page = { items: ReconciliationResult[]; total: number | null; hasMore: boolean };

/** Runs, results and statement lines — each loader one query per batch, built per request. */
export function createMatchingLoaders(em: EntityManager) {
  const sql = <T>(text: string, params: unknown[]) =>
    em.getConnection().execute(text, params, 'all', em.getTransactionContext()) as Promise<T[]>;
  const pageLoaders = new Map<string, DataLoader<number, Page>>();
  return {
    runById: new DataLoader<number, ReconciliationRun | null>(async (ids) => {
      const found = new Map(
        (await em.find(ReconciliationRun, { id: { $in: [...ids] } })).map((r) => [r.id, r]),
      );
      return ids.map((id) => found.get(id) ?? null);
    }),
    resultById: new DataLoader<number, ReconciliationResult | null>(async (ids) => {
      const found = new Map(
        (await em.find(ReconciliationResult, { id: { $in: [...ids] } })).map((r) => [r.id, r]),
      );
      return ids.map((id) => found.get(id) ?? null);
    }),
    statementLineById: new DataLoader<number, StatementLine | null>(async (ids) => {
      const found = new Map((await em.find(StatementLine, { id: { $in: [...ids] } })).map((l) => [l.id, l]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    /** An order's results, newest first. */
    resultsByOrder: new DataLoader<string, ReconciliationResult[]>(async (nos) => {
      const groups = new Map<string, ReconciliationResult[]>(nos.map((no) => [no, []]));
      const results = await em.find(
        ReconciliationResult,
        { platformOrderNo: { $in: [...nos] } },
        { orderBy: { id: 'desc' } },
      );
      for (const r of results) groups.get(r.platformOrderNo!)?.push(r);
      return nos.map((no) => groups.get(no)!);
    }),
    /**
     * An order's statement line: the line of its latest result that has one, else the
     * latest payment line of a current statement naming the order (not reconciled yet).
     */
    statementLineByOrder: new DataLoader<string, StatementLine | null>(async (nos) => {
      const rows = await sql<Record<string, unknown> & { order_no: string }>(
        `select k.order_no, l.* from unnest(?::text[]) as k(order_no)
         join lateral (
           select coalesce(
             (select r.statement_line_id from reconciliation_result r
               where r.platform_order_no = k.order_no and r.statement_line_id is not null
               order by r.id desc limit 1),
             (select s.id from statement_line s
               where s.platform_order_no = k.order_no and s.kind = 'PAYMENT' and s.current
               order by s.trade_time desc, s.id desc limit 1)) as line_id
         ) found on true
         join statement_line l on l.id = found.line_id`,
        [pgArray([...nos])],
      );
      const found = new Map(rows.map(({ order_no: no, ...line }) => [no, em.map(StatementLine, line)]));
      return nos.map((no) => found.get(no) ?? null);
    }),
    /**
     * `ReconciliationRun.results` pages, in order-key order: one loader per filter,
     * window and whether the total is asked. Each run's page is an index range of its
     * (run, order key) key — after the cursor's key, or past `offset` rows — read one row
     * beyond the page; `count(*)` only when the total is asked.
     */
    runResults(
      filter: ResultFilter,
      window: TextKeysetWindow,
      countTotal: boolean,
    ): DataLoader<number, Page> {
      const key = JSON.stringify([filter, window.offset, window.limit, window.afterKey, countTotal]);
      let loader = pageLoaders.get(key);
      if (!loader) {
        loader = new DataLoader<number, Page>(async (runIds) => {
          const [where, values] = resultFilterSql(filter);
          const ids = pgArray([...runIds]);
          const after = window.afterKey === null ? '' : 'and r.order_key > ?';
          const rows = await sql<Record<string, unknown>>(
            `select page.* from unnest(?::bigint[]) as u(run_id)
             cross join lateral (
               select r.* from reconciliation_result r
                where r.run_id = u.run_id ${where} ${after}
                order by r.order_key offset ? limit ?
             ) page`,
            [
              ids,
              ...values,
              ...(window.afterKey === null ? [] : [window.afterKey]),
              window.offset,
              window.limit + 1,
            ],
          );
          const pages = new Map<number, Page>(
            runIds.map((id) => [id, { items: [], total: null, hasMore: false }]),
          );
          for (const columns of rows) {
            const page = pages.get(Number(columns.run_id))!;
            if (page.items.length < window.limit) page.items.push(em.map(ReconciliationResult, columns));
            else page.hasMore = true;
          }
          if (countTotal) {
            const counts = await sql<{ run_id: string; total: string }>(
              `select r.run_id, count(*) as total from reconciliation_result r
               where r.run_id = any(?::bigint[]) ${where} group by r.run_id`,
              [ids, ...values],
            );
            for (const page of pages.values()) page.total = 0;
            for (const c of counts) pages.get(Number(c.run_id))!.total = Number(c.total);
          }
          return runIds.map((id) => pages.get(id)!);
        });
        pageLoaders.set(key, loader);
      }
      return loader;
    },
  };
}

export type MatchingLoaders = ReturnType<typeof createMatchingLoaders>;
