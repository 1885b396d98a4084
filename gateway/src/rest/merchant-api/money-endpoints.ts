import type { MerchantEndpoint } from './merchant-routes';
import { channelStatusEndpoint } from './channelstatus/channelstatus.route';
import { feeStatementEndpoint } from './feestatement/feestatement.route';
import { manualAdjustmentsEndpoint } from './manualadjustments/manualadjustments.route';
import { moneyLogsEndpoint } from './moneylogs/moneylogs.route';
import { notifyLogsEndpoint } from './notifylogs/notifylogs.route';
import { riskStatsEndpoint } from './riskstats/riskstats.route';
import { sendMoneyEndpoint } from './sendmoney/sendmoney.route';
import { summaryByDayEndpoint } from './summarybyday/summarybyday.route';
import { summaryByDayChannelEndpoint } from './summarybydaychannel/summarybydaychannel.route';
import { summaryByDayPzidEndpoint } from './summarybydaypzid/summarybydaypzid.route';
import { withdrawDetailEndpoint } from './withdrawdetail/withdrawdetail.route';
import { withdrawListEndpoint } from './withdrawlist/withdrawlist.route';

/** merchant-api.md §8–17: notify logs, summaries, money logs, withdrawals, channel status, reports. */
export const MONEY_ENDPOINTS: MerchantEndpoint[] = [
  notifyLogsEndpoint,
  summaryByDayEndpoint,
  summaryByDayPzidEndpoint,
  summaryByDayChannelEndpoint,
  moneyLogsEndpoint,
  sendMoneyEndpoint,
  withdrawListEndpoint,
  withdrawDetailEndpoint,
  channelStatusEndpoint,
  feeStatementEndpoint,
  riskStatsEndpoint,
  manualAdjustmentsEndpoint,
];
