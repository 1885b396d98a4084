import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, MoneyFormatError, parsePercent, type RatePpm } from '@pay/common';
import type { SettlementConfig } from '../../config';
import { findMerchants, type MerchantDirectoryEntry } from '../merchant/merchant-directory';
import { query } from './billing-sql';
import { DEFAULT_PAY_REMARK, MerchantBilling } from './merchant-billing.entity';

/** The terms a merchant is billed by: its own, or the defaults. */
export interface EffectiveBillingTerms {
  merchantId: number;
  ratePpm: RatePpm;
  /** The terms' sales name, else the merchant's agent; null when neither exists. */
  salesName: string | null;
  payRemark: string;
  /** false: the merchant has no terms of its own (default rate, agent, "暂无"). */
  custom: boolean;
  updatedBy: string | null;
  updatedAt: Date | null;
}

/** Combines a merchant's own terms (if any) with the defaults and its directory entry. */
export function effectiveTerms(
  merchantId: number,
  terms: MerchantBilling | null,
  directory: MerchantDirectoryEntry | null,
  defaultRatePpm: RatePpm,
): EffectiveBillingTerms {
  return {
    merchantId,
    ratePpm: terms?.ratePpm ?? defaultRatePpm,
    salesName: terms?.salesName ?? directory?.salesName ?? null,
    payRemark: terms?.payRemark ?? DEFAULT_PAY_REMARK,
    custom: terms !== null,
    updatedBy: terms?.updatedBy ?? null,
    updatedAt: terms?.updatedAt ?? null,
  };
}

export interface SetBillingTermsCommand {
  merchantId: number;
  /** Percent text, e.g. "5.9" (at most four decimals). */
  rate: string;
  /** undefined: keep; null or blank: fall back to the merchant's agent. */
  salesName?: string | null;
  /** undefined: keep; null or blank: back to "暂无". */
  payRemark?: string | null;
  person: string;
}

function optionalText(value: string | null | undefined, max: number, argument: string) {
  if (value === undefined) return undefined;
  const text = value?.trim() ?? '';
  if (text.length > max)
    throw new AppError('BAD_USER_INPUT', `${argument} is at most ${max} characters`, { argument });
  return text === '' ? null : text;
}

/** Sets (creates or replaces) a merchant's billing terms; the rate is converted to ppm exactly. */
export async function setBillingTerms(
  em: EntityManager,
  config: Pick<SettlementConfig, 'views' | 'billingDefaultRatePpm'>,
  command: SetBillingTermsCommand,
): Promise<EffectiveBillingTerms> {
  let ratePpm: RatePpm;
  try {
    ratePpm = parsePercent(command.rate);
  } catch (error) {
    throw new AppError('BAD_USER_INPUT', error instanceof MoneyFormatError ? error.message : 'invalid rate', {
      argument: 'rate',
    });
  }
  const salesName = optionalText(command.salesName, 100, 'salesName');
  const payRemark = optionalText(command.payRemark, 200, 'payRemark');
  const directory = (await findMerchants(em, config, [command.merchantId])).get(command.merchantId);
  if (!directory) throw new AppError('NOT_FOUND', `merchant ${command.merchantId} does not exist`);
  // One upsert: fields left out keep their value on an update and their default on an insert.
  await query(
    em,
    `insert into merchant_billing (merchant_id, rate_ppm, sales_name, pay_remark, updated_by)
     values (?, ?, ?, coalesce(?, ?), ?)
     on conflict (merchant_id) do update set
       rate_ppm = excluded.rate_ppm,
       sales_name = case when ? then excluded.sales_name else merchant_billing.sales_name end,
       pay_remark = case when ? then excluded.pay_remark else merchant_billing.pay_remark end,
       updated_by = excluded.updated_by,
       updated_at = now()`,
    [
      command.merchantId,
      ratePpm,
      salesName ?? null,
      payRemark ?? null,
      DEFAULT_PAY_REMARK,
      command.person,
      salesName !== undefined,
      payRemark !== undefined,
    ],
  );
  const terms = await em.fork().findOne(MerchantBilling, { merchantId: command.merchantId });
  return effectiveTerms(command.merchantId, terms, directory, config.billingDefaultRatePpm);
}
