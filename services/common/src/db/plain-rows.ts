import { createHash } from 'node:crypto';
import { ReferenceKind, type EntityMetadata, type EntityProperty } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { countSqlStatement } from './sql-statements';

/** What this module needs of a pg client (knex hands out pg's own). */
interface DriverClient {
  query(config: {
    name: string;
    text: string;
    values: unknown[];
  }): Promise<{ rows: Record<string, unknown>[] }>;
}

const statementNames = new Map<string, string>();

/** One name per statement text: PostgreSQL parses and plans it once per connection. */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `plain_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * Runs one read statement as a prepared statement on pg's client itself, on the
 * EntityManager's transaction when it has one (else the primary, like the ORM's own
 * reads). For read-only pages read on every request: building the same SQL through
 * MikroORM's QueryBuilder and knex on each call cost more CPU than PostgreSQL spent
 * answering it. Rows come keyed by column, values as the ORM's connection parses them
 * (`mapPlainRow` makes them properties).
 */
export async function queryPlainRows(
  em: EntityManager,
  text: string,
  values: unknown[],
): Promise<Record<string, unknown>[]> {
  const knex = em.getTransactionContext() ?? em.getConnection().getKnex();
  const client = (await knex.client.acquireConnection()) as DriverClient;
  try {
    countSqlStatement();
    return (await client.query({ name: statementName(text), text, values })).rows;
  } finally {
    await knex.client.releaseConnection(client);
  }
}

/** `"schema"."table"` of an entity (the ORM's default schema when it names none). */
export function qualifiedTable(em: EntityManager, meta: EntityMetadata): string {
  const schema = meta.schema ?? em.config.get('schema');
  return schema ? `"${schema}"."${meta.tableName}"` : `"${meta.tableName}"`;
}

/** The column of a scalar or many-to-one property (`alias."column"`). */
export function propertyColumn(meta: EntityMetadata, property: string, alias: string): string {
  const prop = meta.properties[property] as EntityProperty | undefined;
  if (!prop || (prop.kind !== ReferenceKind.SCALAR && prop.kind !== ReferenceKind.MANY_TO_ONE))
    throw new Error(`${meta.className}.${property} is not a column`);
  return `${alias}."${prop.fieldNames[0]}"`;
}

const COMPARISONS: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/**
 * SQL conditions for the subset of MikroORM's filter objects that list filters build:
 * `{ property: value }`, `{ property: { $in: [...] } }` and `$gt`/`$gte`/`$lt`/`$lte`;
 * values appended to `values` as parameters. Anything else throws: a filter written for
 * the ORM that this reader cannot translate must fail, never widen a page.
 */
export function whereConditions(
  meta: EntityMetadata,
  where: Record<string, unknown>,
  alias: string,
  values: unknown[],
): string[] {
  const conditions: string[] = [];
  const parameter = (value: unknown) => `$${values.push(value)}`;
  for (const [property, condition] of Object.entries(where)) {
    const column = propertyColumn(meta, property, alias);
    if (condition === null) {
      conditions.push(`${column} is null`);
    } else if (typeof condition !== 'object' || condition instanceof Date) {
      conditions.push(`${column} = ${parameter(condition)}`);
    } else {
      for (const [operator, value] of Object.entries(condition)) {
        if (operator === '$in' && Array.isArray(value))
          conditions.push(`${column} = any(${parameter(value)})`);
        else if (COMPARISONS[operator] && value !== null && value !== undefined)
          conditions.push(`${column} ${COMPARISONS[operator]} ${parameter(value)}`);
        else throw new Error(`${meta.className}.${property}: ${operator} is not read by whereConditions`);
      }
    }
  }
  return conditions;
}

/** A row of `queryPlainRows` keyed by property, dates parsed, as the ORM's QueryBuilder maps it. */
export function mapPlainRow<T extends object>(
  em: EntityManager,
  meta: EntityMetadata<T>,
  row: Record<string, unknown>,
) {
  return em.getDriver().mapResult(row as never, meta) as Record<string, unknown>;
}

/**
 * Managed entities by key through one prepared statement (`key = any($1)`), the columns the
 * ORM reads by default (lazy ones left out), merged into the EntityManager as `find`
 * would: for the loaders every page asks (a page's merchants and channels), without
 * building the query through the QueryBuilder each time.
 */
export async function findByKeys<T extends object>(
  em: EntityManager,
  entity: new (...args: never[]) => T,
  key: keyof T & string,
  keys: readonly (string | number)[],
): Promise<T[]> {
  const meta = em.getMetadata(entity) as EntityMetadata<T>;
  const columns = meta.props
    .filter(
      (prop) =>
        !prop.lazy &&
        prop.persist !== false &&
        (prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.MANY_TO_ONE),
    )
    .map((prop) => `e."${prop.fieldNames[0]}"`)
    .join(', ');
  const rows = await queryPlainRows(
    em,
    `select ${columns} from ${qualifiedTable(em, meta)} e where ${propertyColumn(meta, key, 'e')} = any($1)`,
    [keys],
  );
  return rows.map((row) => em.map(entity, row as never));
}
