import type { SignableValue } from '@pay/common';
import { optionalString } from '../merchant-params';

export interface DailyItemFields {
  date: string;
  orderCount: number;
  grossAmount: string;
  merchantIncome: string;
  agentIncome: string;
}

/** One day of a summary as the merchant API's examples show it. */
export function legacyDailyItem(item: DailyItemFields): Record<string, unknown> {
  return {
    date: item.date,
    order_count: item.orderCount,
    gross_amount: item.grossAmount,
    merchant_income: item.merchantIncome,
    agent_income: item.agentIncome,
  };
}

/**
 * The summaries' range: `start_time`/`end_time`, or `start_date`/`end_date` which the
 * spec (§9.1) treats as the same thing. Absent: the graph's default range.
 */
export function legacyRange(params: Record<string, SignableValue>): {
  startTime: string | null;
  endTime: string | null;
} {
  return {
    startTime: optionalString(params, 'start_time', 'start_date') ?? null,
    endTime: optionalString(params, 'end_time', 'end_date') ?? null,
  };
}
