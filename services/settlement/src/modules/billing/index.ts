import type { ServiceModule } from '@pay/common';
import type { SettlementRuntime } from '../../context';
import { alipayNotifyRoutes } from './alipay-notify.routes';
import { BILLING_REDRIVE_QUEUE, MONTHLY_BILLS_QUEUE, startBillingWorkers } from './billing.job';
import { createBillingLoaders, type BillingLoaders } from './billing.loader';
import { billingReferences } from './billing.reference';
import { BillingResolver } from './billing.resolver';
import { MerchantBillResolver } from './merchant-bill.resolver';
import { MerchantBill } from './merchant-bill.entity';
import { MerchantBilling } from './merchant-billing.entity';
import { MerchantBillingResolver } from './merchant-billing.resolver';
import { BillPayment, WalletCollection } from './wallet-collection.entity';
import { WalletRecharge } from './wallet-recharge.entity';
import { WalletRechargeResolver } from './wallet-recharge.resolver';

/**
 * Merchant billing (crm-billing-api.md): billing terms, monthly bills collected from the
 * prepaid wallet in the ledger, Alipay and API recharges of that wallet.
 */
export const billingModule: ServiceModule<SettlementRuntime, BillingLoaders> = {
  resolvers: [BillingResolver, MerchantBillingResolver, MerchantBillResolver, WalletRechargeResolver],
  entities: [MerchantBilling, MerchantBill, WalletRecharge, WalletCollection, BillPayment],
  references: billingReferences,
  queues: [MONTHLY_BILLS_QUEUE, BILLING_REDRIVE_QUEUE],
  routes: alipayNotifyRoutes,
  startWorkers: startBillingWorkers,
  loaders: createBillingLoaders,
};

export { issueMonthlyBills } from './bill-issue.service';
export {
  runBillingRedrive,
  runMonthlyBilling,
  MONTHLY_BILLS_QUEUE,
  BILLING_REDRIVE_QUEUE,
} from './billing.job';
export { redrivePendingCollections, collectFromWallet } from './wallet-collection.service';
export { ALIPAY_RECHARGE_NOTIFY_PATH } from './alipay-notify.routes';
