import { registerEnumType } from 'type-graphql';

/**
 * The verdict on one order of a run — pay-admin-api.md `issue`: (0, '存疑'), (1, "长款"),
 * (2, "短款"), (3, "异常"), (4, "正常"), (5, "已冲正"), (6, "已退款"). How each is
 * decided is documented in `matching.sql.ts`.
 */
export enum ReconciliationIssue {
  /** Undecidable yet (near the cut-off): re-checked by later runs within the doubtful window. */
  DOUBTFUL = 0,
  /** 长款: the channel has a successful payment the platform lacks or shows unpaid. */
  SURPLUS = 1,
  /** 短款: the platform shows paid, the channel has nothing. */
  SHORTAGE = 2,
  /** 异常: both sides have the order but amounts or statuses differ. */
  ABNORMAL = 3,
  /** 正常: both sides agree the order was paid, amounts equal within the tolerance. */
  NORMAL = 4,
  /** 已冲正: the platform reversed (cancelled after paying) and the channel refunded or revoked it. */
  REVERSED = 5,
  /** 已退款: the channel refunded the whole payment and the platform shows it refunded. */
  REFUNDED = 6,
}
registerEnumType(ReconciliationIssue, {
  name: 'ReconciliationIssue',
  description: 'The verdict on one order of a reconciliation run (legacy `issue` 0-6).',
  valuesConfig: {
    DOUBTFUL: { description: '0 存疑: undecidable yet; re-checked by later runs.' },
    SURPLUS: { description: '1 长款: the channel has a payment the platform lacks or shows unpaid.' },
    SHORTAGE: { description: '2 短款: the platform shows paid, the channel has nothing.' },
    ABNORMAL: { description: '3 异常: amounts or statuses differ.' },
    NORMAL: { description: '4 正常: both sides agree.' },
    REVERSED: { description: '5 已冲正: reversed on the platform, refunded or revoked at the channel.' },
    REFUNDED: { description: '6 已退款: refunded on both sides.' },
  },
});

export const ISSUE_TEXT: Readonly<Record<ReconciliationIssue, string>> = {
  [ReconciliationIssue.DOUBTFUL]: '存疑',
  [ReconciliationIssue.SURPLUS]: '长款',
  [ReconciliationIssue.SHORTAGE]: '短款',
  [ReconciliationIssue.ABNORMAL]: '异常',
  [ReconciliationIssue.NORMAL]: '正常',
  [ReconciliationIssue.REVERSED]: '已冲正',
  [ReconciliationIssue.REFUNDED]: '已退款',
};

/** Issues counted as matched in a run's header (`singular_success`). */
export const MATCHED_ISSUES: readonly ReconciliationIssue[] = [
  ReconciliationIssue.NORMAL,
  ReconciliationIssue.REVERSED,
  ReconciliationIssue.REFUNDED,
];

/** Issues counted as abnormal in a run's header (`abnormal_singular`). */
export const ABNORMAL_ISSUES: readonly ReconciliationIssue[] = [
  ReconciliationIssue.SURPLUS,
  ReconciliationIssue.SHORTAGE,
  ReconciliationIssue.ABNORMAL,
];

/**
 * The order's reconciliation_status after a result (1 reconciled, 3 abnormal, 4 reversed,
 * 5 doubtful): normal and refunded reconcile it, surplus/shortage/abnormal flag it.
 */
export const STATUS_OF_ISSUE: Readonly<Record<ReconciliationIssue, number>> = {
  [ReconciliationIssue.DOUBTFUL]: 5,
  [ReconciliationIssue.SURPLUS]: 3,
  [ReconciliationIssue.SHORTAGE]: 3,
  [ReconciliationIssue.ABNORMAL]: 3,
  [ReconciliationIssue.NORMAL]: 1,
  [ReconciliationIssue.REVERSED]: 4,
  [ReconciliationIssue.REFUNDED]: 1,
};
