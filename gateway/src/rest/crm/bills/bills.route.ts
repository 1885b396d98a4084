import { AppError } from '@pay/common';
import { runsOperation } from '../../operation-route';
import type { CrmEndpoint, CrmRequest } from '../crm-routes';
import { text, yuanNumber } from '../crm-format';
import type {
  CrmMerchantDetailBillQuery,
  CrmMerchantDetailBillQueryVariables,
  CrmMerchantReceivableDetailQuery,
  CrmMerchantReceivableDetailQueryVariables,
} from '../../generated';

/** The merchant the request names, as the CRM's operations take it. */
const merchantVariables = ({ merchantId }: CrmRequest) => ({ merchantId });

/** A merchant the graph does not know (null) answers as the documented unknown merchant. */
function knownMerchant<M>(merchant: M | null, merchantId: number): M {
  if (!merchant) throw new AppError('MERCHANT_DISABLED', `merchant ${merchantId} does not exist`);
  return merchant;
}

/**
 * `get_mch_detail_bill`: the merchant's monthly bills, oldest first. Numbers and strings
 * exactly as the example has them: `recv_money`, `receivable`, `left_money` are strings
 * ("0.00"); `total_amount`, `balance`, `*_left_money` totals are JSON numbers;
 * `order_count` is a number (the example's Python rendered 3653.0, JSON from JS renders 3653).
 */
export const detailBillEndpoint: CrmEndpoint = {
  name: 'get_mch_detail_bill',
  handle: runsOperation<CrmRequest, CrmMerchantDetailBillQuery, CrmMerchantDetailBillQueryVariables>({
    operation: 'CrmMerchantDetailBill',
    variables: merchantVariables,
    respond: (data, _request, { merchantId }) => {
      const merchant = knownMerchant(data.merchant, merchantId);
      const summary = merchant.billingSummary;
      return {
        this_month_left_money: yuanNumber(summary.thisMonthLeft),
        detail_bill: summary.bills.map((bill) => ({
          pay_remark: bill.payRemark,
          order_count: bill.orderCount,
          recv_money: bill.received,
          receivable: bill.receivable,
          total_amount: yuanNumber(bill.salesTotal),
          group_index: bill.groupIndex,
          mch_name: text(bill.merchantName),
          bill_time_stamp: bill.billTimestamp,
          sales_name: text(bill.salesName),
          bill_month: bill.billMonth,
          left_money: bill.left,
        })),
        total_left_money: yuanNumber(summary.totalLeft),
        balance: yuanNumber(merchant.prepaidBalance),
      };
    },
  }),
};

/** `get_mch_receivable_detail`: money received for the merchant's billing, oldest first. */
export const receivableDetailEndpoint: CrmEndpoint = {
  name: 'get_mch_receivable_detail',
  handle: runsOperation<
    CrmRequest,
    CrmMerchantReceivableDetailQuery,
    CrmMerchantReceivableDetailQueryVariables
  >({
    operation: 'CrmMerchantReceivableDetail',
    variables: merchantVariables,
    respond: (data, _request, { merchantId }) => ({
      resp_items: knownMerchant(data.merchant, merchantId).billReceipts.map((receipt) => ({
        amount: yuanNumber(receipt.amount),
        pay_method: receipt.methodText,
        recv_time: receipt.date,
        recv_time_stamp: receipt.timestamp,
      })),
    }),
  }),
};
