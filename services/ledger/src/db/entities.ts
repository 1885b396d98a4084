import { Account } from '../modules/account/account.entity';
import { Posting } from '../modules/posting/posting.entity';
import { Leg } from '../modules/posting/leg.entity';
import { BankCard } from '../modules/bank-card/bank-card.entity';
import { Withdrawal } from '../modules/withdrawal/withdrawal.entity';
import { WithdrawalLog } from '../modules/withdrawal/withdrawal-log.entity';
import { AgentPayRecord } from '../modules/withdrawal/agent-pay-record.entity';
import { WithdrawalNotifyLog } from '../modules/withdrawal/withdrawal-notify-log.entity';
import { clearingEntities } from '../modules/clearing/clearing.entities';

export const ledgerEntities = [
  BankCard,
  Withdrawal,
  WithdrawalLog,
  AgentPayRecord,
  WithdrawalNotifyLog,
  Account,
  Posting,
  Leg,
  ...clearingEntities,
];
