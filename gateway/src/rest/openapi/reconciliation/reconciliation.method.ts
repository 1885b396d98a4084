import { AppError, fromChinaWallClock } from '@pay/common';
import { runsOperation } from '../../operation-route';
import type { OpenApiMethod, OpenApiRequest } from '../index';
import type {
  OpenApiReconciliationOrdersQuery,
  OpenApiReconciliationOrdersQueryVariables,
} from '../../generated';

/** fubei-openapi.md: `limit` defaults to 10, at most 100. */
export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100;

/** `pay_type`: 1 WeChat, 2 Alipay, 5 UnionPay as documented; other pay types (ours) 0. */
const PAY_TYPE_CODES: Record<string, string> = { WECHAT: '1', ALIPAY: '2', UNIONPAY: '5' };

/** An int business parameter (a JSON number or a string of digits); absent → undefined. */
function intParam(biz: Record<string, unknown>, name: string, max: number): number | undefined {
  const value = biz[name];
  if (value === undefined || value === null || value === '') return undefined;
  const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : '';
  if (!/^\d{1,10}$/.test(text) || Number(text) > max)
    throw new AppError('BAD_USER_INPUT', `${name} must be an integer`, { argument: name });
  return Number(text);
}

/** A string business parameter, numbers given as text (ids are ints in the spec, strings in the graph). */
function textParam(biz: Record<string, unknown>, name: string): string | undefined {
  const value = biz[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' && typeof value !== 'number')
    throw new AppError('BAD_USER_INPUT', `${name} must be a string or an integer`, { argument: name });
  return String(value).trim();
}

/**
 * year / year+month / year+month+day → the creation-time window in China time
 * (inclusive bounds, as the graph's createdFrom/createdTo are). None: no window.
 */
export function creationWindow(
  year: number | undefined,
  month: number | undefined,
  day: number | undefined,
): { createdFrom: string; createdTo: string } | undefined {
  if (year === undefined) {
    if (month !== undefined || day !== undefined)
      throw new AppError('BAD_USER_INPUT', 'month and day need a year', { argument: 'year' });
    return undefined;
  }
  if (day !== undefined && month === undefined)
    throw new AppError('BAD_USER_INPUT', 'day needs a month', { argument: 'month' });
  if (year < 1970 || year > 9999) throw new AppError('BAD_USER_INPUT', 'bad year', { argument: 'year' });
  if (month !== undefined && (month < 1 || month > 12))
    throw new AppError('BAD_USER_INPUT', 'bad month', { argument: 'month' });
  const m = (month ?? 1) - 1;
  const d = day ?? 1;
  const start = new Date(Date.UTC(year, m, d));
  if (start.getUTCMonth() !== m || start.getUTCDate() !== d)
    throw new AppError('BAD_USER_INPUT', 'bad day', { argument: 'day' });
  const end =
    day !== undefined
      ? new Date(Date.UTC(year, m, d + 1))
      : month !== undefined
        ? new Date(Date.UTC(year, m + 1, 1))
        : new Date(Date.UTC(year + 1, 0, 1));
  return {
    createdFrom: fromChinaWallClock(start).toISOString(),
    createdTo: new Date(fromChinaWallClock(end).getTime() - 1).toISOString(),
  };
}

const unixSeconds = (iso: string | null): string =>
  iso === null ? '0' : String(Math.floor(new Date(iso).getTime() / 1000));

/**
 * `openapi.payment.order.reconciliation`: the app's merchant's orders created in the
 * given year/month/day (China time), optionally of one store and cashier, newest first.
 * `type` "1" returns every order; anything else only paid ones (ours: the spec says
 * "1" returns all transaction data). Rendered as the spec's example: most numbers as
 * strings, `income` as a JSON number, times as Unix seconds ("0" when not paid).
 */
export const reconciliationMethod: OpenApiMethod = runsOperation<
  OpenApiRequest,
  OpenApiReconciliationOrdersQuery,
  OpenApiReconciliationOrdersQueryVariables
>({
  operation: 'OpenApiReconciliationOrders',
  variables({ biz }) {
    const window = creationWindow(
      intParam(biz, 'year', 9999),
      intParam(biz, 'month', 99),
      intParam(biz, 'day', 99),
    );
    const page = intParam(biz, 'page', 1_000_000) ?? 1;
    const limit = intParam(biz, 'limit', 999) ?? DEFAULT_LIMIT;
    if (page < 1) throw new AppError('BAD_USER_INPUT', 'page starts at 1', { argument: 'page' });
    if (limit < 1 || limit > MAX_LIMIT)
      throw new AppError('BAD_USER_INPUT', `limit must be 1-${MAX_LIMIT}`, { argument: 'limit' });
    const storeId = textParam(biz, 'store_id');
    const cashierId = textParam(biz, 'cashier_id');
    const everyOrder = textParam(biz, 'type') === '1';
    const filter = {
      ...(window ?? {}),
      ...(storeId !== undefined ? { storeId } : {}),
      ...(cashierId !== undefined ? { cashierId } : {}),
      ...(everyOrder ? {} : { statusCode: 1 }),
    };
    return { filter, page, pageSize: limit };
  },
  respond: ({ storeOrders }) => ({
    total: storeOrders.totalCount,
    list: storeOrders.nodes.map((order) => ({
      order_sn: order.platformOrderNo,
      merchant_order_sn: order.merchantOrderNo,
      create_time: unixSeconds(order.createdAt),
      total_fee: order.amount,
      fee: order.merchantFee,
      store_id: order.storeId ?? '0',
      cashier_id: order.cashierId ?? '0',
      // A withheld order is unpaid to its merchant: no pay time beside pay_status 0.
      pay_time: order.statusCode === 1 ? unixSeconds(order.paidAt) : '0',
      pay_status: order.statusCode === 1 ? '1' : '0',
      pay_type: PAY_TYPE_CODES[order.payType] ?? '0',
      income: Number(order.merchantIncome),
      device_no: order.deviceNo ?? '',
    })),
  }),
});
