import { legacyDateTime, legacyId } from '../legacy-format';

/** The MoneyLog fields `/moneylogs` and `/manualadjustments` select. */
export interface MoneyLogFields {
  id: string;
  amount: string;
  balanceAfter: string | null;
  type: number;
  typeName: string;
  description: string;
  orderNo: string | null;
  uniqueNo: string;
  createdAt: string;
}

export interface MoneyLogPage {
  page: number;
  pageSize: number;
  totalCount: number;
  totalPages: number;
  nodes: MoneyLogFields[];
}

/** A money log as the merchant API's example shows it. */
export function legacyMoneyLog(log: MoneyLogFields): Record<string, unknown> {
  return {
    log_id: legacyId(log.id),
    change_amount: log.amount,
    balance_after: log.balanceAfter,
    type_code: log.type,
    type: log.typeName,
    description: log.description,
    order_no: log.orderNo,
    unique_no: log.uniqueNo,
    created_at: legacyDateTime(log.createdAt),
  };
}

/** The paged envelope both money log endpoints answer. */
export function legacyMoneyLogPage(merchantId: number, list: MoneyLogPage): Record<string, unknown> {
  return {
    merchant_id: String(merchantId),
    page: list.page,
    page_size: list.pageSize,
    total: list.totalCount,
    total_pages: list.totalPages,
    items: list.nodes.map(legacyMoneyLog),
  };
}
