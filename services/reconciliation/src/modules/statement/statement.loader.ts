import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Statement } from './statement.entity';
import { statementsOfRuns } from '../run/run-statements';

/** Statement loaders, built per request. */
export function createStatementLoaders(em: EntityManager) {
  return {
    statementById: new DataLoader<number, Statement | null>(async (ids) => {
      const found = new Map((await em.find(Statement, { id: { $in: [...ids] } })).map((s) => [s.id, s]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    /** The statements each reconciliation run used (by run id). */
    statementsByRun: new DataLoader<number, Statement[]>(async (runIds) => {
      const byRun = await statementsOfRuns(em, runIds);
      return runIds.map((id) => byRun.get(id) ?? []);
    }),
  };
}

export type StatementLoaders = ReturnType<typeof createStatementLoaders>;
