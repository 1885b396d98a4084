import { Payment } from '../modules/payment/payment.entity';
import { Statement } from '../modules/statement/statement.entity';
import { StatementLine } from '../modules/statement/statement-line.entity';
import { ReconciliationRun } from '../modules/run/reconciliation-run.entity';
import { ReconciliationResult } from '../modules/matching/reconciliation-result.entity';
import { SourceSetting } from '../modules/matching/source-setting.entity';
import { Resolution } from '../modules/resolution/resolution.entity';

export const reconciliationEntities = [
  Payment,
  Statement,
  StatementLine,
  ReconciliationRun,
  ReconciliationResult,
  SourceSetting,
  Resolution,
];
