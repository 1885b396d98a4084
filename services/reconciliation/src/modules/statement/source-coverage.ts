import type { EntityManager } from '@mikro-orm/postgresql';
import { registerEnumType } from 'type-graphql';
import { AppError, pgArray } from '@pay/common';
import { payTypeOfSource, type SourceSetting } from '../matching/source-setting/source-setting.entity';

/**
 * How the payer pays — the orders subgraph's `PayType`, same name, values and
 * description (federation merges the two), stored as the lower-case `payment.pay_type`.
 */
export enum PayType {
  WECHAT = 'wechat',
  ALIPAY = 'alipay',
  QQ = 'qq',
  UNIONPAY = 'unionpay',
  OTHER = 'other',
}
registerEnumType(PayType, { name: 'PayType', description: 'How the payer pays on a channel.' });

/**
 * The payments a statement source's lines are matched against: those of a listed pay
 * type or a listed channel. Both lists empty: every payment.
 */
export interface SourceCoverage {
  payTypes: PayType[];
  channelCodes: string[];
}

const only = (payType: PayType): SourceCoverage => ({ payTypes: [payType], channelCodes: [] });

/** What the built-in sources cover: WeChat Pay's files list WeChat payments, Alipay's Alipay's. */
export const BUILT_IN_COVERAGE: Readonly<Record<string, SourceCoverage>> = {
  wechat: only(PayType.WECHAT),
  alipay: only(PayType.ALIPAY),
  'sandbox-wechat': only(PayType.WECHAT),
  'sandbox-alipay': only(PayType.ALIPAY),
};

const CHANNEL_CODE = /^[A-Za-z0-9_-]{1,32}$/;
const PAY_TYPES = new Set<string>(Object.values(PayType));

/** Checks and normalises (sorted, without repeats) what an operator says a source covers. */
export function checkCoverage(input: {
  payTypes?: readonly string[] | null;
  channelCodes?: readonly string[] | null;
}): SourceCoverage {
  const payTypes = [...new Set(input.payTypes ?? [])].sort();
  const channelCodes = [...new Set((input.channelCodes ?? []).map((c) => c.trim()))].sort();
  const badType = payTypes.find((t) => !PAY_TYPES.has(t));
  if (badType !== undefined)
    throw new AppError('BAD_USER_INPUT', `unknown pay type "${badType}"`, { argument: 'payTypes' });
  const badCode = channelCodes.find((c) => !CHANNEL_CODE.test(c));
  if (badCode !== undefined)
    throw new AppError(
      'BAD_USER_INPUT',
      `"${badCode}" is not a channel code (1-32 letters, digits, _ or -)`,
      {
        argument: 'channelCodes',
      },
    );
  if (channelCodes.length > 100)
    throw new AppError('BAD_USER_INPUT', 'at most 100 channel codes', { argument: 'channelCodes' });
  return { payTypes: payTypes as PayType[], channelCodes };
}

const isEmpty = (c: SourceCoverage) => c.payTypes.length === 0 && c.channelCodes.length === 0;

/**
 * The coverage a run of `source` uses: a pay type set in the source's matching settings
 * (kept from before sources carried their coverage), else the source's own (built in,
 * or registered with its template), else the channel its name contains (`…wechat…`,
 * `…alipay…`), else every payment.
 */
export async function coverageOfSource(
  em: EntityManager,
  source: string,
  setting: Pick<SourceSetting, 'payType'> | null,
): Promise<SourceCoverage> {
  if (setting?.payType) return { payTypes: [setting.payType as PayType], channelCodes: [] };
  let own = BUILT_IN_COVERAGE[source];
  if (!own) {
    const [row] = (await em
      .getConnection()
      .execute(
        'select pay_types, channel_codes from statement_template where source = ?',
        [source],
        'all',
        em.getTransactionContext(),
      )) as { pay_types: string[]; channel_codes: string[] }[];
    if (row) own = { payTypes: row.pay_types as PayType[], channelCodes: row.channel_codes };
  }
  if (own && !isEmpty(own)) return own;
  const byName = payTypeOfSource(source, null);
  return byName ? only(byName as PayType) : { payTypes: [], channelCodes: [] };
}

/** The coverage as the matching SQL's parameters (`:payTypes`, `:channelCodes`, text[] literals). */
export function coverageParams(coverage: SourceCoverage): { payTypes: string; channelCodes: string } {
  return { payTypes: pgArray(coverage.payTypes), channelCodes: pgArray(coverage.channelCodes) };
}

/** The SQL condition "payment `p` is covered" over `:payTypes` / `:channelCodes`. */
export const coveredPaymentSql = (p: string) =>
  `((cardinality(:payTypes::text[]) = 0 and cardinality(:channelCodes::text[]) = 0)
    or ${p}.pay_type = any(:payTypes::text[]) or ${p}.channel_code = any(:channelCodes::text[]))`;
