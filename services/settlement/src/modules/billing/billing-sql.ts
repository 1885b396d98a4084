import type { EntityManager } from '@mikro-orm/postgresql';

/** Raw SQL on `em`, inside its transaction when it has one. bigint columns come back as strings. */
export async function query<T>(
  em: EntityManager,
  text: string,
  params: readonly unknown[] = [],
): Promise<T[]> {
  return (await em.getConnection().execute(text, [...params], 'all', em.getTransactionContext())) as T[];
}
