import type { EntityManager } from '@mikro-orm/postgresql';
import type { Fen } from '@pay/common';
import type { TimeRange } from './clearing-rules';

export type Row = Record<string, unknown>;

export async function sql<T extends Row>(em: EntityManager, text: string, params: unknown[]): Promise<T[]> {
  return (await em.getConnection().execute(text, params, 'all', em.getTransactionContext())) as T[];
}

export const money = (value: unknown): Fen => Number(value ?? 0);

export interface Page<T> {
  items: T[];
  total: number;
}

export function timeFilter(range: TimeRange): { $gte?: Date; $lt?: Date } | undefined {
  if (!range.from && !range.to) return undefined;
  return { ...(range.from ? { $gte: range.from } : {}), ...(range.to ? { $lt: range.to } : {}) };
}
