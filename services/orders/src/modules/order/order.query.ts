import type { EntityManager } from '@mikro-orm/postgresql';
import {
  raw,
  ReferenceKind,
  type EntityMetadata,
  type ObjectQuery,
  type OptionalProps,
} from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import {
  AppError,
  mapPlainRow,
  propertyColumn,
  qualifiedTable,
  queryPlainRows,
  selectedFields,
  whereConditions,
  type KeysetWindow,
} from '@pay/common';
import { Order } from './order.entity';
import { OrderStatus, STATUS_PRESENTATION } from './order-status';

/** Filters of the order list (`/orders`). */
export interface OrderListFilter {
  merchantId?: number;
  /** Legacy status codes: 0 pending (incl. manually cancelled), 1 paid, 2 withheld. */
  statusCode?: number | null;
  statuses?: OrderStatus[] | null;
  merchantOrderNo?: string | null;
  platformOrderNo?: string | null;
  channelCode?: string | null;
  pzid?: number | null;
  createdFrom?: Date | null;
  createdTo?: Date | null;
  paidFrom?: Date | null;
  paidTo?: Date | null;
  minAmount?: number | null;
  maxAmount?: number | null;
}

export interface OrderSummary {
  orderCount: number;
  grossAmount: number;
  merchantIncome: number;
  agentIncome: number;
}

function statusesFor(filter: OrderListFilter): OrderStatus[] | undefined {
  let statuses = filter.statuses ?? undefined;
  if (filter.statusCode != null) {
    if (![0, 1, 2].includes(filter.statusCode)) {
      throw new AppError('BAD_USER_INPUT', 'status must be 0, 1 or 2', { argument: 'statusCode' });
    }
    const byCode = Object.values(OrderStatus).filter(
      (s) => STATUS_PRESENTATION[s].merchantCode === filter.statusCode,
    );
    statuses = statuses ? statuses.filter((s) => byCode.includes(s)) : byCode;
  }
  return statuses;
}

function range<T>(from: T | null | undefined, to: T | null | undefined): { $gte?: T; $lte?: T } | undefined {
  if (from == null && to == null) return undefined;
  return { ...(from != null ? { $gte: from } : {}), ...(to != null ? { $lte: to } : {}) };
}

export function orderWhere(filter: OrderListFilter): ObjectQuery<Order> {
  if (filter.minAmount != null && filter.maxAmount != null && filter.minAmount > filter.maxAmount) {
    throw new AppError('BAD_USER_INPUT', 'minAmount is greater than maxAmount', { argument: 'minAmount' });
  }
  const where: Record<string, unknown> = {};
  if (filter.merchantId !== undefined) where.merchant = filter.merchantId;
  const statuses = statusesFor(filter);
  if (statuses) where.status = { $in: statuses };
  if (filter.merchantOrderNo) where.merchantOrderNo = filter.merchantOrderNo;
  if (filter.platformOrderNo) where.platformOrderNo = filter.platformOrderNo;
  if (filter.channelCode) where.channel = filter.channelCode;
  if (filter.pzid != null) where.upstreamConfig = filter.pzid;
  const created = range(filter.createdFrom, filter.createdTo);
  if (created) where.createdAt = created;
  const paid = range(filter.paidFrom, filter.paidTo);
  if (paid) where.paidAt = paid;
  const amount = range(filter.minAmount, filter.maxAmount);
  if (amount) where.amount = amount;
  return where as ObjectQuery<Order>;
}

/**
 * An order as a read-only page serves it: the values of its row, its references as the
 * keys the field resolvers need. An `Order` entity has the same shape, so every Order
 * field resolver takes either (typed with this interface, so type-graphql passes the root
 * on as it is instead of copying it into a new Order).
 */
export interface OrderRecord extends Omit<
  Order,
  'merchant' | 'channel' | 'upstreamConfig' | typeof OptionalProps
> {
  merchant: { id: number };
  channel: { code: string };
  upstreamConfig: { pzid: number };
}

/**
 * What an Order field reads of the row when it is not a property of its own name (the
 * field resolvers of order.resolver.ts and store-orders.resolver.ts). A field neither
 * here nor a property makes a page read every column, so a new field resolver missing
 * here costs speed, never a wrong value.
 */
const ORDER_FIELD_READS: Record<string, readonly (keyof Order & string)[]> = {
  __typename: [],
  merchantId: ['merchant'],
  merchant: ['merchant'],
  merchantOrderNoFull: ['merchant', 'merchantOrderNo'],
  channelCode: ['channel'],
  channel: ['channel'],
  payType: ['channel'],
  pzid: ['upstreamConfig'],
  upstreamConfig: ['upstreamConfig'],
  statusCode: ['status'],
  statusName: ['status'],
  statusText: ['status'],
  adminStatusCode: ['status'],
  adminStatusText: ['status'],
  notifyStatusCode: ['notifyStatus'],
  notifyStatusName: ['notifyStatus'],
  notifyStatusText: ['notifyStatus'],
  paymentUrl: ['platformOrderNo', 'cashier'],
  notifyLogs: ['id'],
  audits: ['id'],
  merchantFee: ['amount', 'merchantIncome'],
};

/**
 * The order properties a page must read to answer `fields` (a page's node fields), with
 * id and creation time always (the keyset cursor); null — every column — when a field
 * is not known.
 */
export function orderPropertiesFor(meta: EntityMetadata<Order>, fields: Iterable<string>): string[] | null {
  const columns = new Set(
    meta.props
      .filter((prop) => prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.MANY_TO_ONE)
      .map((prop) => prop.name as string),
  );
  const properties = new Set<string>(['id', 'createdAt']);
  for (const field of fields) {
    const reads = ORDER_FIELD_READS[field] ?? (columns.has(field) ? [field] : null);
    if (!reads) return null;
    for (const property of reads) properties.add(property);
  }
  return [...properties];
}

/** The node fields a page query asks for (`nodes`, `edges.node`). */
export function orderPageFields(info: GraphQLResolveInfo): Set<string> {
  return new Set([...selectedFields(info, ['nodes']), ...selectedFields(info, ['edges', 'node'])]);
}

/** One page of orders, newest first; the total count when asked for; only `properties` when given. */
export function listOrders(
  em: EntityManager,
  filter: OrderListFilter,
  window: KeysetWindow,
  options: PageOptions = { total: true },
): Promise<OrderPage> {
  return orderPage(em, orderWhere(filter), window, options);
}

export interface PageOptions {
  total: boolean;
  /** The properties to read (orderPropertiesFor); every column when absent or null. */
  properties?: string[] | null;
}

export interface OrderPage {
  items: OrderRecord[];
  /** Orders matching the filter (null: not counted). */
  total: number | null;
  /** Whether more orders follow this page. */
  hasMore: boolean;
}

/**
 * A page of orders matching `where`, newest first: at most two statements whatever the
 * page size — the page (one row beyond it, to know whether more follow) and, only when
 * asked for, the count. After a keyset cursor the page continues below the last row seen
 * (`(created_at, id) <`, along the (created_at, id) index) instead of counting an OFFSET.
 * The page is read-only: its statements go to the driver as prepared statements
 * (queryPlainRows) and its rows are mapped to plain records (custom types converted as
 * the entity declares them) instead of hydrating managed entities — no identity map, no
 * change-tracking snapshot, a fraction of the garbage.
 */
export async function orderPage(
  em: EntityManager,
  where: ObjectQuery<Order>,
  window: KeysetWindow,
  options: PageOptions = { total: true },
): Promise<OrderPage> {
  const meta = em.getMetadata(Order);
  const toRecord = orderRecordMapper(meta, em.getPlatform());
  const table = qualifiedTable(em, meta);
  const values: unknown[] = [];
  const conditions = whereConditions(meta, where as Record<string, unknown>, 'o', values);
  const filter = conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
  const count = options.total
    ? queryPlainRows(em, `select count(*)::int as n from ${table} o ${filter}`, [...values])
    : null;
  const [createdAt, id] = [propertyColumn(meta, 'createdAt', 'o'), propertyColumn(meta, 'id', 'o')];
  // The cursor names the last row seen; its exact created_at is read from the row (a
  // timestamp written by SQL carries microseconds the cursor's milliseconds would lose).
  if (window.after)
    conditions.push(
      `(${createdAt}, ${id}) < (select ${createdAt}, ${id} from ${table} o where ${id} = $${values.push(window.after.id)})`,
    );
  // A 100-order page of all 39 columns spent more time in pg's row parsing than in SQL.
  const columns = options.properties
    ? options.properties.map((property) => propertyColumn(meta, property, 'o')).join(', ')
    : 'o.*';
  const [rows, counted] = await Promise.all([
    queryPlainRows(
      em,
      `select ${columns} from ${table} o ${conditions.length > 0 ? `where ${conditions.join(' and ')}` : ''}
        order by ${createdAt} desc, ${id} desc limit $${values.push(window.limit + 1)} offset $${values.push(window.offset)}`,
      values,
    ),
    count,
  ]);
  const items = rows.slice(0, window.limit).map((row) => toRecord(mapPlainRow(em, meta, row)));
  return { items, total: counted ? (counted[0].n as number) : null, hasMore: rows.length > window.limit };
}

type Platform = ReturnType<EntityManager['getPlatform']>;
type RecordMapper = (row: Record<string, unknown>) => OrderRecord;
const recordMappers = new WeakMap<EntityMetadata<Order>, RecordMapper>();

/**
 * Maps a row already keyed by property name (QueryBuilder's mapped result) to an
 * OrderRecord: custom types (bigint ids and fen amounts) through the type's own
 * `convertToJSValue`, many-to-one columns to `{ <key>: value }`. Built once per metadata
 * from the entity's declaration, so a new column needs no change here.
 */
function orderRecordMapper(meta: EntityMetadata<Order>, platform: Platform): RecordMapper {
  const known = recordMappers.get(meta);
  if (known) return known;
  const converted: [string, (value: unknown) => unknown][] = [];
  const references: [string, string][] = [];
  for (const prop of meta.props) {
    if (prop.kind === ReferenceKind.MANY_TO_ONE) {
      references.push([prop.name, prop.targetMeta!.primaryKeys[0]]);
    } else if (prop.kind === ReferenceKind.SCALAR && prop.customType) {
      const type = prop.customType;
      converted.push([prop.name, (value) => type.convertToJSValue(value, platform)]);
    }
  }
  const mapper: RecordMapper = (row) => {
    for (const [name, convert] of converted) {
      if (row[name] != null) row[name] = convert(row[name]);
    }
    for (const [name, key] of references) if (name in row) row[name] = { [key]: row[name] };
    return row as unknown as OrderRecord;
  };
  recordMappers.set(meta, mapper);
  return mapper;
}

/** Totals over every order matching the filter (not just the page): gross, merchant and agent income. */
export async function summarizeOrders(em: EntityManager, filter: OrderListFilter): Promise<OrderSummary> {
  const qb = em
    .createQueryBuilder(Order, 'o')
    // raw(): plain strings would be quoted as column names ("o"."count(*)::int").
    .select([
      raw('count(*)::int as order_count'),
      raw('coalesce(sum(o.amount), 0)::bigint as gross'),
      raw('coalesce(sum(o.merchant_income), 0)::bigint as merchant_income'),
      raw('coalesce(sum(o.agent_income), 0)::bigint as agent_income'),
    ])
    .where(orderWhere(filter));
  const row = (await qb.execute('get', false)) as unknown as {
    order_count: number;
    gross: string;
    merchant_income: string;
    agent_income: string;
  };
  return {
    orderCount: row.order_count,
    grossAmount: Number(row.gross),
    merchantIncome: Number(row.merchant_income),
    agentIncome: Number(row.agent_income),
  };
}
