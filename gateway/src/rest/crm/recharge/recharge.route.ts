import { AppError } from '@pay/common';
import { runsOperation } from '../../operation-route';
import { amountParam, optionalParam } from '../crm-params';
import type { CrmEndpoint, CrmRequest } from '../crm-routes';
import type {
  CrmCreateMerchantRechargeMutation,
  CrmCreateMerchantRechargeMutationVariables,
  CrmMerchantApiRechargeMutation,
  CrmMerchantApiRechargeMutationVariables,
} from '../../generated';

/** `create_mch_recharge`: a signed Alipay `alipay.trade.wap.pay` link for 0.01 … 10000 yuan. */
export const createRechargeEndpoint: CrmEndpoint = {
  name: 'create_mch_recharge',
  handle: runsOperation<
    CrmRequest,
    CrmCreateMerchantRechargeMutation,
    CrmCreateMerchantRechargeMutationVariables
  >({
    operation: 'CrmCreateMerchantRecharge',
    variables: ({ params, merchantId }) => ({ merchantId, amount: amountParam(params) }),
    respond: ({ createWalletRecharge }) => {
      // A new Alipay recharge is pending, so it always has a link; without one something broke.
      if (!createWalletRecharge.payUrl)
        throw new AppError('INTERNAL_SERVER_ERROR', `recharge ${createWalletRecharge.id} has no pay URL`);
      return { pay_url: createWalletRecharge.payUrl };
    },
  }),
};

/**
 * `mch_api_recharge` (GET or POST form): -1000 … 10000 yuan, not zero; the settlement
 * service also requires the caller's IP on RECHARGE_ALLOWED_IPS and the merchant's own
 * list. An optional `request_id` (ours, not in the spec) makes retries safe: the same
 * id answers the same recharge and moves the money once.
 */
export const apiRechargeEndpoint: CrmEndpoint = {
  name: 'mch_api_recharge',
  post: true,
  handle: runsOperation<CrmRequest, CrmMerchantApiRechargeMutation, CrmMerchantApiRechargeMutationVariables>({
    operation: 'CrmMerchantApiRecharge',
    variables: ({ params, merchantId }) => ({
      merchantId,
      amount: amountParam(params),
      requestId: optionalParam(params, 'request_id') ?? null,
    }),
    respond: ({ apiRechargeWallet }) => {
      // The example renders the recharge id as a number (`"id": 6015`); ids are bigint
      // sequence values far below 2^53, so this is exact.
      if (!/^\d{1,15}$/.test(apiRechargeWallet.id))
        throw new AppError('INTERNAL_SERVER_ERROR', `recharge id ${apiRechargeWallet.id} is not numeric`);
      return { id: Number(apiRechargeWallet.id) };
    },
  }),
};
