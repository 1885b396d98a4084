import { AppError } from '@pay/common';
import { runsOperation } from '../../operation-route';
import { legacyDateTime } from '../legacy-format';
import { merchantIdOf, optionalInt } from '../merchant-params';
import type { MerchantEndpoint, MerchantRequest } from '../merchant-routes';
import type { MerchantApiBalanceQuery, MerchantApiBalanceQueryVariables } from '../../generated';

/** `/balance`: available and pending-withdrawal balances, and the balance `history_days` ago. */
export const balanceEndpoint: MerchantEndpoint = {
  path: '/balance',
  handle: runsOperation<MerchantRequest, MerchantApiBalanceQuery, MerchantApiBalanceQueryVariables>({
    operation: 'MerchantApiBalance',
    variables: ({ params, actor }) => ({
      merchantId: merchantIdOf(actor),
      historyDays: optionalInt(params, 'history_days') ?? 1,
    }),
    respond: (data, _request, { merchantId }) => {
      if (!data.merchant) throw new AppError('MERCHANT_DISABLED');
      const balance = data.merchant.balance;
      return {
        merchant_id: String(merchantId),
        balance: balance.available,
        pending_withdraw: balance.pendingWithdrawal,
        currency: balance.currency,
        updated_at: legacyDateTime(balance.updatedAt),
        history_days: balance.historyBalance.days,
        history_balance: balance.historyBalance.balance,
      };
    },
  }),
};
