import type { Request } from 'express';
import { AppError } from '@pay/common';

/** The request's parameters: the query string, and for a POST form its body over it. */
export type CrmParams = Record<string, string | undefined>;

/**
 * Query string and (form) body as plain strings. A parameter given twice (an array) or as
 * a nested object is malformed: there is no telling which value the caller meant.
 */
export function crmParamsOf(req: Request): CrmParams {
  const body: unknown = req.body;
  const merged: Record<string, unknown> = {
    ...(req.query as Record<string, unknown>),
    ...(body && typeof body === 'object' ? (body as Record<string, unknown>) : {}),
  };
  const params: CrmParams = {};
  for (const [name, value] of Object.entries(merged)) {
    if (typeof value !== 'string')
      throw new AppError('BAD_USER_INPUT', `${name} must be given once, as text`, { argument: name });
    params[name] = value.trim();
  }
  return params;
}

/** GraphQL's Int is 32-bit: a larger id names no merchant. */
const MAX_INT = 2_147_483_647;

/**
 * `mch_id` (int, up to 11 digits): required and numeric, else 参数错误; an id no merchant
 * can have (0, beyond a 32-bit Int) answers as an unknown merchant.
 */
export function merchantIdParam(params: CrmParams): number {
  const text = params.mch_id;
  if (!text) throw new AppError('BAD_USER_INPUT', 'mch_id is required', { argument: 'mch_id' });
  if (!/^\d{1,11}$/.test(text))
    throw new AppError('BAD_USER_INPUT', 'mch_id must be an integer', { argument: 'mch_id' });
  const id = Number(text);
  if (id < 1 || id > MAX_INT) throw new AppError('MERCHANT_DISABLED', `merchant ${text} does not exist`);
  return id;
}

/**
 * `amount` in yuan as the caller wrote it ("0.01", "1", "-5.5"). It is passed to the graph
 * as text: the settlement service parses it to fen and checks the range, so no float ever
 * touches the amount here.
 */
export function amountParam(params: CrmParams): string {
  const text = params.amount;
  if (!text) throw new AppError('BAD_USER_INPUT', 'amount is required', { argument: 'amount' });
  return text;
}

/** An optional parameter; empty counts as absent. */
export const optionalParam = (params: CrmParams, name: string): string | undefined =>
  params[name] ? params[name] : undefined;
