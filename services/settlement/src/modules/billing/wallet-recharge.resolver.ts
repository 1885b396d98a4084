import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SettlementContext } from '../../context';
import { Merchant } from '../merchant/merchant.stub';
import { RechargeMethod, RechargeState, WalletRecharge } from './wallet-recharge.entity';
import { alipayPayUrl } from './wallet-recharge.service';

/** A recharge's merchant and its payment link. */
@Resolver(() => WalletRecharge)
export class WalletRechargeResolver {
  @FieldResolver(() => Merchant, { description: 'The merchant recharged.' })
  merchant(@Root() recharge: WalletRecharge): Merchant {
    return Object.assign(new Merchant(), { id: recharge.merchantId });
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'For a pending Alipay recharge: the signed `alipay.trade.wap.pay` URL to pay it (`pay_url`), timestamped now; null otherwise.',
  })
  payUrl(@Root() recharge: WalletRecharge, @Ctx() ctx: SettlementContext): string | null {
    const alipay = ctx.runtime.config.alipay;
    if (!alipay || recharge.method !== RechargeMethod.ALIPAY || recharge.state !== RechargeState.PENDING)
      return null;
    return alipayPayUrl(alipay, recharge);
  }
}
