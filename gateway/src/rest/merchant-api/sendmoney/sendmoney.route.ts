import { MerchantReply } from '../merchant-envelope';
import { AppError } from '@pay/common';
import { OperationError } from '../../operation-runner';
import { merchantIdOf, optionalString } from '../merchant-params';
import type { MerchantEndpoint } from '../merchant-routes';
import { legacyWithdrawal } from '../withdrawlist/withdrawal-view';
import type { MerchantApiSendMoneyMutation, MerchantApiSendMoneyMutationVariables } from '../../generated';

/**
 * `/sendmoney`: a withdrawal of `amount` (alias `money`) yuan to `bank_id` or the first
 * approved card, with `google_code` (alias `ggyzm`) when two-factor is on. The ledger
 * decides and refuses (金额格式错误, 未绑定银行卡, 谷歌验证码错误, 余额不足); the shim only renames.
 */
export const sendMoneyEndpoint: MerchantEndpoint = {
  path: '/sendmoney',
  async handle({ params, actor, ctx }) {
    const merchantId = merchantIdOf(actor);
    const amount = optionalString(params, 'amount', 'money');
    // A missing amount is the documented 金额格式错误, like a malformed one.
    if (amount === undefined) throw new AppError('INVALID_AMOUNT', 'amount is required');
    const bankId = optionalString(params, 'bank_id');
    const totpCode = optionalString(params, 'google_code', 'ggyzm');
    // The signature covers the timestamp, so a byte-identical request is a replay (a
    // client retry, or a captured request within the ±300 s window): keyed on it, the
    // ledger answers the first withdrawal again instead of withdrawing twice.
    const requestId = `merchant-api:sendmoney:${merchantId}:${optionalString(params, 'sign') ?? ''}`;
    const data = await ctx
      .run<MerchantApiSendMoneyMutation, MerchantApiSendMoneyMutationVariables>(
        'MerchantApiSendMoney',
        {
          input: {
            merchantId,
            amount,
            requestId,
            ...(bankId !== undefined ? { bankCardId: bankId } : {}),
            ...(totpCode !== undefined ? { totpCode } : {}),
          },
        },
        actor,
      )
      .catch((error: unknown) => {
        // A bank_id that is not one of the merchant's cards is, to a legacy client, the
        // documented 未绑定银行卡 rather than the ledger's generic not-found.
        if (bankId !== undefined && error instanceof OperationError && error.code === 'NOT_FOUND')
          throw new AppError('NO_BANK_CARD', 'bank_id is not one of the merchant’s cards');
        throw error;
      });
    const result = data.requestWithdrawal;
    return new MerchantReply(
      {
        merchant_id: String(merchantId),
        withdraw: legacyWithdrawal(result.withdrawal),
        balance_after: result.balanceAfter,
        pending_withdraw: result.pendingWithdrawal,
        frozen_today: result.frozenToday,
        fee: result.fee,
      },
      '提现申请提交成功',
    );
  },
};
