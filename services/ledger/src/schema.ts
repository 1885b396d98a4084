import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@pay/common';
import { MerchantLedgerResolver } from './modules/merchant/merchant.resolver';
import { ledgerReferenceResolvers } from './references';
import { Merchant } from './modules/merchant/merchant.stub';
import { Order } from './modules/order/order.stub';
import { OrderLedgerResolver } from './modules/order/order.resolver';
import { MerchantBalanceResolver } from './modules/balance/balance.resolver';
import { MoneyLogResolver } from './modules/posting/money-log.resolver';
import { PostingResolver } from './modules/posting/posting.resolver';
import { AccountResolver } from './modules/account/account.resolver';
import { AdjustmentResolver } from './modules/adjustment/adjustment.resolver';
import { WithdrawalResolver } from './modules/withdrawal/withdrawal.resolver';
import { BankCardResolver } from './modules/bank-card/bank-card.resolver';
import { clearingResolvers } from './modules/clearing/clearing.resolver';
import { LedgerHealthResolver } from './modules/verify/ledger-health.resolver';

/** The ledger subgraph's schema. Pure: no database, no environment. */
export function buildLedgerSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    // Entities extended here are reached only through federation: list them explicitly.
    {
      resolvers: [
        MerchantLedgerResolver,
        MerchantBalanceResolver,
        MoneyLogResolver,
        PostingResolver,
        AccountResolver,
        AdjustmentResolver,
        OrderLedgerResolver,
        WithdrawalResolver,
        BankCardResolver,
        ...clearingResolvers,
        LedgerHealthResolver,
      ],
      orphanedTypes: [Merchant, Order],
      validate: false,
    },
    ledgerReferenceResolvers,
  );
}
