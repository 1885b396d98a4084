import { AppError } from '@pay/common';
import { runsOperation } from '../../operation-route';
import { legacyDateTime, legacyId } from '../legacy-format';
import { merchantIdOf, optionalString } from '../merchant-params';
import type { MerchantEndpoint, MerchantRequest } from '../merchant-routes';
import { legacyWithdrawal } from '../withdrawlist/withdrawal-view';
import type {
  MerchantApiWithdrawDetailQuery,
  MerchantApiWithdrawDetailQueryVariables,
} from '../../generated';

/**
 * `/withdrawdetail`: one withdrawal by `withdraw_no`, or `withdraw_id` (legacy alias
 * `order_no`), with its notify logs and agent-pay (代付) records.
 */
export const withdrawDetailEndpoint: MerchantEndpoint = {
  path: '/withdrawdetail',
  handle: runsOperation<
    MerchantRequest,
    MerchantApiWithdrawDetailQuery,
    MerchantApiWithdrawDetailQueryVariables
  >({
    operation: 'MerchantApiWithdrawDetail',
    variables({ params, actor }) {
      const merchantId = merchantIdOf(actor);
      const withdrawNo = optionalString(params, 'withdraw_no');
      const id = optionalString(params, 'withdraw_id', 'order_no');
      if (withdrawNo === undefined && id === undefined)
        throw new AppError('BAD_USER_INPUT', 'withdraw_no or withdraw_id is required', {
          argument: 'withdraw_no',
        });
      if (id !== undefined && !/^\d{1,15}$/.test(id))
        throw new AppError('BAD_USER_INPUT', 'withdraw_id must be an integer', { argument: 'withdraw_id' });
      return { merchantId, id: id ?? null, withdrawNo: withdrawNo ?? null };
    },
    respond: ({ withdrawal: w }, _request, { merchantId }) => {
      if (!w) throw new AppError('NOT_FOUND', 'no such withdrawal');
      return {
        merchant_id: String(merchantId),
        withdraw: {
          ...legacyWithdrawal(w),
          notify_logs: w.notifyLogs.map((log) => ({
            log_id: legacyId(log.id),
            callback_url: log.callbackUrl,
            request_payload: log.requestPayload,
            http_status: log.httpStatus,
            response_body: log.responseBody,
            status: log.delivered ? 'success' : 'failed',
            created_at: legacyDateTime(log.createdAt),
          })),
          upstream_records: w.upstreamRecords.map((record) => ({
            record_id: legacyId(record.id),
            provider: record.provider,
            upstream_no: record.upstreamNo,
            amount: record.amount,
            status: record.status.toLowerCase(),
            message: record.message,
            created_at: legacyDateTime(record.createdAt),
          })),
        },
      };
    },
  }),
};
