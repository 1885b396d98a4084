import { AppError, isDateOnly, parseChinaDateTime } from '@pay/common';
import { legacyDateTime, legacyId } from '../legacy-format';

/** The Withdrawal fields every withdrawal endpoint selects (the `MerchantApiWithdrawalFields` fragments). */
export interface WithdrawalFields {
  id: string;
  withdrawNo: string;
  amount: string;
  fee: string;
  statusCode: number;
  statusName: string;
  agentPayStatusCode: number;
  agentPayStatusName: string;
  notifyStatusCode: number;
  notifyStatusName: string;
  accountName: string;
  maskedAccountNumber: string;
  bankName: string;
  branch: string | null;
  province: string | null;
  city: string | null;
  unionpayCode: string | null;
  createdAt: string;
  extend: unknown;
}

/** A withdrawal as `/withdrawlist` items, `/sendmoney`'s and `/withdrawdetail`'s `withdraw` show it. */
export function legacyWithdrawal(w: WithdrawalFields): Record<string, unknown> {
  return {
    withdraw_id: legacyId(w.id),
    withdraw_no: w.withdrawNo,
    amount: w.amount,
    fee: w.fee,
    status_code: w.statusCode,
    status: w.statusName,
    agentpay_status_code: w.agentPayStatusCode,
    agentpay_status: w.agentPayStatusName,
    notify_status_code: w.notifyStatusCode,
    notify_status: w.notifyStatusName,
    account_name: w.accountName,
    account_number: w.maskedAccountNumber,
    bank_name: w.bankName,
    branch: w.branch,
    province: w.province,
    city: w.city,
    unionpay_code: w.unionpayCode,
    created_at: legacyDateTime(w.createdAt),
    extend: w.extend ?? [],
  };
}

/**
 * A legacy `start_time`/`end_time` (China time `YYYY-MM-DD[ HH:mm:ss]` or a Unix
 * timestamp) as the instant the graph's DateTimeISO arguments take; an end given as a
 * date alone means through the end of that day, as the merchant API's other ranges do.
 */
export function legacyTimeBound(
  text: string | undefined,
  bound: 'start' | 'end',
  name: string,
): string | undefined {
  if (text === undefined) return undefined;
  const instant = parseChinaDateTime(text);
  if (!instant) throw new AppError('BAD_USER_INPUT', `${name} is not a date or time`, { argument: name });
  const end = bound === 'end' && isDateOnly(text) ? new Date(instant.getTime() + 86_400_000 - 1) : instant;
  return end.toISOString();
}
