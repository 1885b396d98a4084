import { dataOf, errorCodes, type Actor, type GraphQLResponse } from '@pay/common';
import { ACTORS, type OrdersTestApp } from './orders-app';

/**
 * A notify URL nobody listens on: orders paid in tests are notified there and the
 * attempts fail at once, instead of reaching out to https://example.com.
 */
export const DEAD_NOTIFY_URL = 'http://127.0.0.1:9/notify';

export const ORDER_FIELDS = `id platformOrderNo merchantOrderNo merchantId amount status statusCode statusName statusText
  channelCode pzid merchantIncome agentIncome channelFee upstreamCost platformProfit
  productTitle attach notifyUrl returnUrl paidAt createdAt`;

export interface OrderView {
  id: string;
  platformOrderNo: string;
  merchantOrderNo: string;
  merchantId: number;
  amount: string;
  status: string;
  statusCode: number;
  statusName: string;
  statusText: string;
  channelCode: string;
  pzid: number;
  merchantIncome: string;
  agentIncome: string;
  channelFee: string;
  upstreamCost: string;
  platformProfit: string;
  productTitle: string;
  attach: string;
  notifyUrl: string;
  returnUrl: string;
  paidAt: string | null;
  createdAt: string;
}

export const CREATE_ORDER = `mutation ($input: CreateOrderInput!) {
  createOrder(input: $input) { paymentUrl orderMd5 order { ${ORDER_FIELDS} } }
}`;
export const COMPLETE_ORDER = `mutation ($input: ManualOrderActionInput!) {
  completeOrder(input: $input) { unchanged message order { ${ORDER_FIELDS} } }
}`;
export const CANCEL_ORDER = `mutation ($input: ManualOrderActionInput!) {
  cancelOrder(input: $input) { unchanged message order { ${ORDER_FIELDS} } }
}`;
export const ORDER_BY_NO = `query ($no: String) { order(platformOrderNo: $no) { ${ORDER_FIELDS} } }`;

export interface ManualActionView {
  unchanged: boolean;
  message: string;
  order: OrderView;
}

/** Creates an order (notified at DEAD_NOTIFY_URL unless the input says otherwise) and returns it. */
export async function createOrder(
  app: OrdersTestApp,
  input: Record<string, unknown>,
  actor: Actor = ACTORS.operator,
): Promise<OrderView & { paymentUrl: string }> {
  const result = dataOf(
    await app.gql<{ createOrder: { paymentUrl: string; order: OrderView } }>(
      CREATE_ORDER,
      { input: { notifyUrl: DEAD_NOTIFY_URL, ...input } },
      actor,
    ),
  ).createOrder;
  return { ...result.order, paymentUrl: result.paymentUrl };
}

export async function completeOrder(
  app: OrdersTestApp,
  input: Record<string, unknown>,
  actor: Actor = ACTORS.operator,
): Promise<ManualActionView> {
  return dataOf(await app.gql<{ completeOrder: ManualActionView }>(COMPLETE_ORDER, { input }, actor))
    .completeOrder;
}

export async function cancelOrder(
  app: OrdersTestApp,
  input: Record<string, unknown>,
  actor: Actor = ACTORS.operator,
): Promise<ManualActionView> {
  return dataOf(await app.gql<{ cancelOrder: ManualActionView }>(CANCEL_ORDER, { input }, actor)).cancelOrder;
}

/** Runs SQL on a fresh EntityManager (outside any request). */
export async function sql<T = Record<string, unknown>>(
  app: OrdersTestApp,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  return (await app.orm.em.fork().getConnection().execute(text, params)) as T[];
}

export interface TableCounts {
  orders: number;
  events: number;
  audits: number;
}

/** Rows of "order", outbox_event and order_audit: what a refused request must leave alone. */
export async function tableCounts(app: OrdersTestApp): Promise<TableCounts> {
  const [row] = await sql<TableCounts>(
    app,
    `select (select count(*)::int from "order") as orders,
            (select count(*)::int from outbox_event) as events,
            (select count(*)::int from order_audit) as audits`,
  );
  return row!;
}

/** Topics of the outbox events of one order, oldest first. */
export async function eventTopics(app: OrdersTestApp, platformOrderNo: string): Promise<string[]> {
  const rows = await sql<{ topic: string }>(
    app,
    "select topic from outbox_event where aggregate_id = ? and topic <> 'order.state' order by seq",
    [platformOrderNo],
  );
  return rows.map((r) => r.topic);
}

export interface OrderRow {
  status: string;
  paid_at: Date | string | null;
  version: number;
  amount: string;
}

export async function orderRow(app: OrdersTestApp, platformOrderNo: string): Promise<OrderRow> {
  const [row] = await sql<OrderRow>(
    app,
    'select status, paid_at, version, amount from "order" where platform_order_no = ?',
    [platformOrderNo],
  );
  return row!;
}

/** Puts an order into a status directly in the database (for states no API reaches yet). */
export async function forceStatus(
  app: OrdersTestApp,
  platformOrderNo: string,
  status: string,
  paidAt: Date | null = null,
): Promise<void> {
  await sql(
    app,
    'update "order" set status = ?, paid_at = ?, deduct_status = ? where platform_order_no = ?',
    [status, paidAt, status === 'WITHHELD' ? 1 : 2, platformOrderNo],
  );
}

/** A line of a stack trace: "    at fn (file.ts:1:2)", "at file.js:10:5", a frame at the start of a line. */
const STACK_FRAME = /(^|\n)\s*at\s|\s{2,}at\s|\(?[\w./\\-]+\.[jt]s:\d+:\d+\)?/;

/**
 * Asserts the response failed with exactly `code` and leaks nothing: no stack trace in
 * the extensions, no stack frame or SQL in the message.
 */
export function expectError(result: { status: number; body: GraphQLResponse<unknown> }, code: string): void {
  expect(errorCodes(result)).toEqual([code]);
  for (const error of result.body.errors ?? []) {
    expect(error.extensions?.stacktrace).toBeUndefined();
    expect(error.extensions?.exception).toBeUndefined();
    expect(error.message).not.toMatch(STACK_FRAME);
    expect(error.message).not.toMatch(/\b(select|insert|update|delete)\b.+\b(from|into|set)\b/i);
  }
}
