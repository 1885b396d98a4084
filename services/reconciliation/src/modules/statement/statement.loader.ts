import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Statement } from './statement.entity';

/** Statement loaders, built per request. */
export function createStatementLoaders(em: EntityManager) {
  return {
    statementById: new DataLoader<number, Statement | null>(async (ids) => {
      const found = new Map((await em.find(Statement, { id: { $in: [...ids] } })).map((s) => [s.id, s]));
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}
