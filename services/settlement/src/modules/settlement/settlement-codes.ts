import { registerEnumType } from 'type-graphql';

/**
 * How a merchant is paid out. The numbers are the legacy `method` codes of
 * `/pay/account/` and `/pay/settlement/`; code 1 reads "未支付" in the legacy spec, a label
 * left over from an order-status list — it is the bank transfer here.
 */
export enum SettlementMethod {
  BANK_TRANSFER = 1,
  WECHAT = 2,
  ALIPAY = 3,
  OFFLINE_TRANSFER = 4,
}
registerEnumType(SettlementMethod, {
  name: 'SettlementMethod',
  description:
    'How a merchant is paid out (legacy `method`: 1 bank transfer, 2 WeChat, 3 Alipay, 4 offline transfer).',
  valuesConfig: {
    BANK_TRANSFER: { description: 'Bank transfer (legacy code 1, labelled 未支付 in the old spec).' },
    WECHAT: { description: 'WeChat (微信, 2).' },
    ALIPAY: { description: 'Alipay (支付宝, 3).' },
    OFFLINE_TRANSFER: { description: 'Offline transfer (线下转账, 4).' },
  },
});

/** How often an account's merchant is settled (the legacy `period` codes). */
export enum SettlementPeriod {
  UNKNOWN = 0,
  DAILY = 1,
  WEEKLY = 2,
  MONTHLY = 3,
  YEARLY = 4,
}
registerEnumType(SettlementPeriod, {
  name: 'SettlementPeriod',
  description:
    'How often scheduled settlement runs for an account (legacy `period`: 0 unknown — never scheduled, 1 daily, 2 weekly, 3 monthly, 4 yearly).',
  valuesConfig: {
    UNKNOWN: { description: '未知 (0): not settled on a schedule, only on demand.' },
    DAILY: { description: '日结 (1): periods end at 00:00 China time.' },
    WEEKLY: { description: '周结 (2): periods end on Monday 00:00 China time.' },
    MONTHLY: { description: '月结 (3): periods end on the 1st 00:00 China time.' },
    YEARLY: { description: '年结 (4): periods end on January 1st 00:00 China time.' },
  },
});

/** Where a settlement record stands (the legacy `state` codes). */
export enum SettlementState {
  PENDING = 1,
  SETTLED = 2,
}
registerEnumType(SettlementState, {
  name: 'SettlementState',
  description: 'Whether a settlement was paid out (legacy `state`: 1 待结算, 2 已结算).',
  valuesConfig: {
    PENDING: { description: '待结算 (1): built, not paid out yet.' },
    SETTLED: { description: '已结算 (2): paid out with a voucher; the ledger holds the payout.' },
  },
});
