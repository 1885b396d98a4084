/** pay-admin-api.md 对账状态: the order's reconciliation status by its legacy code. */
export const RECONCILIATION_STATUS: Record<string, [zh: string, en: string, colour: string]> = {
  RECONCILED: ['已对账', 'reconciled', 'green'],
  NOT_YET: ['未对账', 'not yet', 'default'],
  ABNORMAL: ['异常', 'abnormal', 'red'],
  REVERSED: ['已冲正', 'reversed', 'orange'],
  DOUBTFUL: ['存疑', 'doubtful', 'gold'],
};
