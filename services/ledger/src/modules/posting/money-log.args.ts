import { ArgsType, Field, Int } from 'type-graphql';
import { AppError, isDateOnly, parseChinaDateTime, addDays } from '@pay/common';
import { PostingType } from './posting-type';
import type { MoneyLogFilter } from './posting.query';

/** Largest page of money logs (`/moneylogs`, `/manualadjustments`: page_size at most 200). */
export const MONEY_LOG_MAX_PAGE = 200;

// Argument classes rather than one @Arg per parameter, sharing fields by inheritance
// (inherited fields come first in the SDL). Resolvers take pagination (PageArgs) as a
// further @Args parameter placed before these: type-graphql lists the arguments of later
// parameters first.

const MERCHANT_ID = 'Merchant id; required for platform roles, implied for MERCHANT.';

/** A time range of logs. */
@ArgsType()
export class LogTimeRangeArgs {
  @Field(() => String, {
    nullable: true,
    description: 'From (inclusive), China time: YYYY-MM-DD, YYYY-MM-DD HH:mm:ss or a Unix timestamp.',
  })
  startTime?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Until (inclusive), China time; a date alone means through the end of that day.',
  })
  endTime?: string | null;
}

@ArgsType()
export class MoneyLogFilterArgs extends LogTimeRangeArgs {
  @Field(() => Int, {
    nullable: true,
    description:
      'Only this type code (`style`: 0 adjustment, 1 income, 2 withdrawal, 3 commission; 4+ see PostingType).',
  })
  type?: number | null;
}

@ArgsType()
export class MerchantMoneyLogArgs extends MoneyLogFilterArgs {
  @Field(() => Int, { nullable: true, description: MERCHANT_ID })
  merchantId?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Only the logs of this order: its merchant order number (`order_no`) or platform order number.',
  })
  orderNo?: string | null;
}

@ArgsType()
export class MerchantAdjustmentArgs extends LogTimeRangeArgs {
  @Field(() => Int, { nullable: true, description: MERCHANT_ID })
  merchantId?: number | null;
}

function parseBound(text: string, argument: string): Date {
  const parsed = parseChinaDateTime(text);
  if (!parsed) throw new AppError('BAD_USER_INPUT', `${argument} is not a valid time`, { argument });
  return parsed;
}

/** Turns the time-range arguments into [from, to) instants; absent bounds stay open. */
export function parseLogTimeRange(args: LogTimeRangeArgs): Pick<MoneyLogFilter, 'from' | 'to'> {
  const start = args.startTime?.trim() || null;
  const end = args.endTime?.trim() || null;
  const from = start === null ? null : parseBound(start, 'startTime');
  let to: Date | null = null;
  if (end !== null) {
    const parsed = parseBound(end, 'endTime');
    // An end time is inclusive to the second; a date alone covers its whole day.
    to = isDateOnly(end) ? addDays(parsed, 1) : new Date(parsed.getTime() + 1000);
  }
  if (from && to && from.getTime() >= to.getTime()) {
    throw new AppError('BAD_USER_INPUT', '时间范围有误', { argument: 'startTime' });
  }
  return { from, to };
}

/** Validates the type filter and the time range of a money-log query. */
export function toMoneyLogFilter(args: MoneyLogFilterArgs & { orderNo?: string | null }): MoneyLogFilter {
  if (args.type != null && PostingType[args.type] === undefined) {
    throw new AppError('BAD_USER_INPUT', `unknown money log type ${args.type}`, { argument: 'type' });
  }
  const orderNo = args.orderNo?.trim() || null;
  if (orderNo !== null && orderNo.length > 100) {
    throw new AppError('BAD_USER_INPUT', 'orderNo is too long', { argument: 'orderNo' });
  }
  return { type: args.type ?? null, ...parseLogTimeRange(args), ...(orderNo !== null ? { orderNo } : {}) };
}
