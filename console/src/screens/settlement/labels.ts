import type { SettlementMethod, SettlementPeriod, SettlementState } from '../../graphql/generated';

type Tr = (zh: string, en: string) => string;

export const SETTLEMENT_METHODS: SettlementMethod[] = [
  'BANK_TRANSFER',
  'WECHAT',
  'ALIPAY',
  'OFFLINE_TRANSFER',
];
export const SETTLEMENT_PERIODS: SettlementPeriod[] = ['UNKNOWN', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];

/** A payout method as the operator reads it. */
export function methodLabel(method: SettlementMethod, tr: Tr): string {
  switch (method) {
    case 'BANK_TRANSFER':
      return tr('银行转账', 'Bank transfer');
    case 'WECHAT':
      return tr('微信', 'WeChat');
    case 'ALIPAY':
      return tr('支付宝', 'Alipay');
    case 'OFFLINE_TRANSFER':
      return tr('线下转账', 'Offline transfer');
  }
}

/** A settlement period as the operator reads it. */
export function periodLabel(period: SettlementPeriod, tr: Tr): string {
  switch (period) {
    case 'UNKNOWN':
      return tr('未知（仅手动）', 'On demand only');
    case 'DAILY':
      return tr('日结', 'Daily');
    case 'WEEKLY':
      return tr('周结', 'Weekly');
    case 'MONTHLY':
      return tr('月结', 'Monthly');
    case 'YEARLY':
      return tr('年结', 'Yearly');
  }
}

export const stateLabel = (state: SettlementState, tr: Tr): string =>
  state === 'PENDING' ? tr('待结算', 'Pending') : tr('已结算', 'Settled');
