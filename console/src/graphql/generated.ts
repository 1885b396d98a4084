/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What an account holds money for. */
export type AccountPurpose =
  | 'ADJUSTMENT'
  | 'AGENT_COMMISSION'
  | 'BILLING_RECHARGE'
  | 'CHANNEL_RECEIVABLE'
  | 'CHILD_ACCOUNT'
  | 'MAIN_ACCOUNT'
  | 'MERCHANT_AVAILABLE'
  | 'MERCHANT_FROZEN'
  | 'MERCHANT_PENDING_WITHDRAWAL'
  | 'MERCHANT_PREPAID_FEE'
  | 'PLATFORM_REVENUE'
  | 'SETTLEMENT_PAYOUT'
  | 'UPSTREAM_COST'
  | 'WITHDRAWAL_PAYOUT';

/** A bank card an operator approves for withdrawals. */
export type ApproveBankCardInput = {
  /** Bank card id. */
  bankCardId: string | number;
};

/** Approve a resolution waiting for a second operator. */
export type ApproveResolutionInput = {
  /** Resolution id. */
  resolutionId: string | number;
};

/** How money reached the merchant’s billing (`pay_method`). */
export type BillReceiptMethod =
  /** An Alipay recharge link was paid (`支付宝自助充值`). */
  | 'ALIPAY_RECHARGE'
  /** An API recharge, possibly negative (`API充值`). */
  | 'API_RECHARGE'
  /** Collected from the prepaid wallet when a bill was issued (`自动收款账号`). */
  | 'AUTO_COLLECTION';

/** A withdrawal an operator cancels (its money goes back to the available balance). */
export type CancelWithdrawalInput = {
  /** Withdrawal id. */
  id?: string | number | null | undefined;
  /** Note for the withdrawal log (at most 500 characters). */
  note?: string | null | undefined;
  /** Withdraw number (instead of the id). */
  withdrawNo?: string | null | undefined;
};

/** A merchant whose open bills to collect from its prepaid wallet now. */
export type CollectMerchantBillsInput = {
  /** Merchant id. */
  merchantId: number;
};

/** A new settlement account (operators). */
export type CreateSettlementAccountInput = {
  /** Account name, at most 100 characters. */
  accountName: string;
  /** Account number (bank account, WeChat or Alipay id), at most 64 characters. */
  accountNo: string;
  /** The merchant (must exist). */
  merchantId: number;
  /** How the merchant is paid. */
  method: SettlementMethod;
  /** How often it is settled on a schedule; default UNKNOWN (on demand only). One live account with a period per merchant. */
  period?: SettlementPeriod | null | undefined;
  /** Remarks, at most 500 characters. */
  remarks?: string | null | undefined;
};

/** An Alipay recharge link for a merchant’s prepaid wallet (`create_mch_recharge`). */
export type CreateWalletRechargeInput = {
  /** Amount in yuan, 0.01 to 10000.00, e.g. "100.00". */
  amount: string;
  /** Merchant id (a merchant may only recharge itself). */
  merchantId: number;
};

/** The settlement account to delete (operators). */
export type DeleteSettlementAccountInput = {
  /** Account id. */
  id: string | number;
};

/** A withdrawal an operator holds. */
export type FreezeWithdrawalInput = {
  /** Withdrawal id. */
  id?: string | number | null | undefined;
  /** Note for the withdrawal log (at most 500 characters). */
  note?: string | null | undefined;
  /** Withdraw number (instead of the id). */
  withdrawNo?: string | null | undefined;
};

/** Import an uploaded channel statement file for a bill date. */
export type ImportStatementInput = {
  /** The China day the file is for, YYYY-MM-DD. */
  billDate: string;
  /** The file (a multipart request part; see the gateway README for `apollo-require-preflight`). */
  file: File;
  /** File name to record (default: the uploaded name). */
  fileName?: string | null | undefined;
  /** Replace the source's current statement for this bill date by this file (the earlier one is kept as history and no longer reconciled). Without it, a different file for a day that has one is refused with STATEMENT_EXISTS. */
  replace?: boolean | null | undefined;
  /** Source: wechat, alipay, sandbox-wechat, sandbox-alipay or a registered one. */
  source: string;
};

/** An incoming payment's status. */
export type IncomingPaymentStatus =
  /** The payment failed (legacy 0). */
  | 'FAILED'
  /** Paid: credited to the main account less the in-fee (legacy 1). */
  | 'PAID'
  /** Waiting for the channel’s result (legacy -1). */
  | 'WAITING';

/** Which month (and optionally which merchant) to bill. */
export type IssueMonthlyBillsInput = {
  /** Only this merchant (else every merchant). */
  merchantId?: number | null | undefined;
  /** The month, "YYYY-MM" (China time); it must be over. */
  month: string;
};

/** Identifies an order for a manual action, with an optional amount check. */
export type ManualOrderActionInput = {
  /** When given, must equal the order amount (yuan). */
  amount?: string | null | undefined;
  /** Merchant id; needed with a merchant order number for platform roles. */
  merchantId?: number | null | undefined;
  /** Merchant's order number. */
  merchantOrderNo?: string | null | undefined;
  /** Note for the audit trail. */
  note?: string | null | undefined;
  /** Platform order number. */
  platformOrderNo?: string | null | undefined;
};

/** A withdrawal an operator marks paid out. */
export type MarkWithdrawalPaidInput = {
  /** Withdrawal id. */
  id?: string | number | null | undefined;
  /** Note for the withdrawal log (at most 500 characters). */
  note?: string | null | undefined;
  /** Withdraw number (instead of the id). */
  withdrawNo?: string | null | undefined;
};

/** Whether a merchant may take payments and call the APIs. */
export type MerchantStatus =
  | 'ACTIVE'
  | 'DISABLED';

/** Filters of the order list. */
export type OrderFilterInput = {
  /** Channel code. */
  channelCode?: string | null | undefined;
  /** Created at or after. */
  createdFrom?: string | null | undefined;
  /** Created at or before. */
  createdTo?: string | null | undefined;
  /** Largest amount (yuan). */
  maxAmount?: string | null | undefined;
  /** Merchant id (platform roles; implied for MERCHANT). */
  merchantId?: number | null | undefined;
  /** Merchant's order number. */
  merchantOrderNo?: string | null | undefined;
  /** Smallest amount (yuan). */
  minAmount?: string | null | undefined;
  /** Paid at or after. */
  paidFrom?: string | null | undefined;
  /** Paid at or before. */
  paidTo?: string | null | undefined;
  /** Platform order number. */
  platformOrderNo?: string | null | undefined;
  /** Upstream config id. */
  pzid?: number | null | undefined;
  /** Legacy status code: 0 pending, 1 paid, 2 withheld. */
  statusCode?: number | null | undefined;
  /** Lifecycle statuses. */
  statuses?: Array<OrderStatus> | null | undefined;
};

/** Lifecycle status of an order. */
export type OrderStatus =
  | 'CANCELLED_BY_USER'
  | 'EXPIRED'
  | 'INTERVENTION_APPROVED'
  | 'INTERVENTION_REJECTED'
  | 'PAID'
  | 'PENDING'
  | 'PLATFORM_INTERVENTION'
  | 'REFUNDED'
  | 'REFUND_CONFIRMED'
  | 'REFUND_REJECTED'
  | 'REFUND_UNDER_REVIEW'
  | 'WITHHELD';

/** The verdict on one order of a reconciliation run (legacy `issue` 0-6). */
export type ReconciliationIssue =
  /** 3 异常: amounts or statuses differ. */
  | 'ABNORMAL'
  /** 0 存疑: undecidable yet; re-checked by later runs. */
  | 'DOUBTFUL'
  /** 4 正常: both sides agree. */
  | 'NORMAL'
  /** 6 已退款: refunded on both sides. */
  | 'REFUNDED'
  /** 5 已冲正: reversed on the platform, refunded or revoked at the channel. */
  | 'REVERSED'
  /** 2 短款: the platform shows paid, the channel has nothing. */
  | 'SHORTAGE'
  /** 1 长款: the channel has a payment the platform lacks or shows unpaid. */
  | 'SURPLUS';

/** Whether a reconciliation run finished. */
export type ReconciliationRunStatus =
  | 'DONE'
  | 'FAILED'
  | 'RUNNING';

/** Where an order stands in reconciliation. */
export type ReconciliationStatus =
  | 'ABNORMAL'
  | 'DOUBTFUL'
  | 'NOT_YET'
  | 'RECONCILED'
  | 'REVERSED';

/** Reject a resolution waiting for a second operator. */
export type RejectResolutionInput = {
  /** Why (1-500 characters). */
  note: string;
  /** Resolution id. */
  resolutionId: string | number;
};

/** A withdrawal request (the `/sendmoney` rules). */
export type RequestWithdrawalInput = {
  /** Amount in yuan with at most two decimals, e.g. "500.00"; the fee is taken on top. */
  amount: string;
  /** An approved bank card of the merchant's; the first approved card when absent. */
  bankCardId?: string | number | null | undefined;
  /** Merchant id; required for platform roles, implied for MERCHANT. */
  merchantId?: number | null | undefined;
  /** Idempotency key (1-100 characters, no spaces): a retry with the same key returns the first withdrawal instead of withdrawing again. */
  requestId?: string | null | undefined;
  /** The merchant's TOTP (Google Authenticator) code; required when two-factor is on. */
  totpCode?: string | null | undefined;
};

/** Orders to notify their merchants about again. */
export type ResendNotificationsInput = {
  /** Platform order numbers (at most 500). */
  platformOrderNos: Array<string>;
};

/** How an operator settles a discrepancy. */
export type ResolutionAction =
  | 'ACCEPT'
  | 'CANCEL_ORDER'
  | 'COMPLETE_ORDER'
  | 'REFUND_ORDER';

/** Where a resolution stands. */
export type ResolutionState =
  | 'APPROVED'
  | 'EXECUTED'
  | 'FAILED'
  | 'PENDING_APPROVAL'
  | 'REJECTED';

/** Settle a discrepancy (operators). */
export type ResolveDiscrepancyInput = {
  /** Complete (surplus), cancel (shortage), refund, or accept with a note. */
  action: ResolutionAction;
  /** Why (1-500 characters); kept in the audit trail. */
  note: string;
  /** The result line’s code (32 hex digits). */
  resultCode: string;
};

/** An on-demand settlement run (operators). */
export type RunSettlementsInput = {
  /** Only this merchant (its periodic account, else its newest live account); none: every account with a period. */
  merchantId?: number | null | undefined;
  /** Settle orders paid before this instant (default now; not in the future). */
  until?: string | null | undefined;
};

/** Switch automatic reconciliation of one order (`/pay/consume_order` POST). */
export type SetAutoReconcileInput = {
  /** Whether the daily automatic run reconciles it. */
  auto: boolean;
  /** Platform order number (the legacy `code`). */
  platformOrderNo: string;
};

/** A merchant’s billing terms, set by an operator. */
export type SetMerchantBillingTermsInput = {
  /** Merchant id. */
  merchantId: number;
  /** Pay remark on the bills; left out: unchanged; null or blank: "暂无". */
  payRemark?: string | null | undefined;
  /** Billing rate in percent of the month’s sales, e.g. "5.9" (at most four decimals). */
  rate: string;
  /** Sales person on the bills; left out: unchanged; null or blank: the merchant’s agent. */
  salesName?: string | null | undefined;
};

/** Marks a settlement paid out with its voucher (operators; legacy POST `/pay/settlement/`). */
export type SettleSettlementInput = {
  /** Settlement code (legacy `code`). */
  code: string;
  /** Who paid it out, at most 100 characters (legacy `person`). */
  person: string;
  /** Remark, at most 500 characters (legacy `remark`). */
  remark?: string | null | undefined;
  /** The voucher’s upload id (SHA-256) from a multipart upload through the gateway: an image (PNG, JPEG, GIF, WebP) or a PDF (legacy `voucher`). */
  voucher: string;
};

/** Which settlement accounts to list (`/pay/account/`). */
export type SettlementAccountFilter = {
  /** Account number or account name contains this (legacy `account`). */
  account?: string | null | undefined;
  /** Include deleted accounts (default false). */
  includeDeleted?: boolean | null | undefined;
  /** Only this merchant’s (a merchant always sees only its own). */
  merchantId?: number | null | undefined;
  /** Merchant name contains this (legacy `name`). */
  merchantName?: string | null | undefined;
};

/** Which settlements to list (`/pay/settlement/`). */
export type SettlementFilter = {
  /** This settlement code (legacy `code`). */
  code?: string | null | undefined;
  /** Include deleted records (default false). */
  includeDeleted?: boolean | null | undefined;
  /** Only this merchant’s (a merchant always sees only its own). */
  merchantId?: number | null | undefined;
  /** Payout method (legacy `method`). */
  method?: SettlementMethod | null | undefined;
  /** Remark contains this (legacy `remark`). */
  remark?: string | null | undefined;
  /** Settled on this China-time day, `YYYY-MM-DD` (legacy `settlement_time`). */
  settlementDate?: string | null | undefined;
  /** Settled at or after this instant. */
  settlementTimeFrom?: string | null | undefined;
  /** Settled at or before this instant. */
  settlementTimeTo?: string | null | undefined;
  /** Pending or settled (legacy `state`). */
  state?: SettlementState | null | undefined;
};

/** How a merchant is paid out (legacy `method`: 1 bank transfer, 2 WeChat, 3 Alipay, 4 offline transfer). */
export type SettlementMethod =
  /** Alipay (支付宝, 3). */
  | 'ALIPAY'
  /** Bank transfer (legacy code 1, labelled 未支付 in the old spec). */
  | 'BANK_TRANSFER'
  /** Offline transfer (线下转账, 4). */
  | 'OFFLINE_TRANSFER'
  /** WeChat (微信, 2). */
  | 'WECHAT';

/** How often scheduled settlement runs for an account (legacy `period`: 0 unknown — never scheduled, 1 daily, 2 weekly, 3 monthly, 4 yearly). */
export type SettlementPeriod =
  /** 日结 (1): periods end at 00:00 China time. */
  | 'DAILY'
  /** 月结 (3): periods end on the 1st 00:00 China time. */
  | 'MONTHLY'
  /** 未知 (0): not settled on a schedule, only on demand. */
  | 'UNKNOWN'
  /** 周结 (2): periods end on Monday 00:00 China time. */
  | 'WEEKLY'
  /** 年结 (4): periods end on January 1st 00:00 China time. */
  | 'YEARLY';

/** Whether a settlement was paid out (legacy `state`: 1 待结算, 2 已结算). */
export type SettlementState =
  /** 待结算 (1): built, not paid out yet. */
  | 'PENDING'
  /** 已结算 (2): paid out with a voucher; the ledger holds the payout. */
  | 'SETTLED';

/** A reconciliation an operator starts. */
export type StartReconciliationRunInput = {
  /** End of the period, exclusive (at most 31 days after the start). */
  periodEnd: string;
  /** Start of the period, inclusive. */
  periodStart: string;
  /** Remark (at most 500 characters). */
  remark?: string | null | undefined;
  /** Statement source, e.g. `wechat`, `sandbox-alipay`. */
  source: string;
};

/** What a statement line records: a successful payment, a refund, or a revoked payment. */
export type StatementLineKind =
  | 'PAYMENT'
  | 'REFUND'
  | 'REVOKED';

/** Changes to a settlement account (operators); fields left out stay as they are. */
export type UpdateSettlementAccountInput = {
  /** New account name. */
  accountName?: string | null | undefined;
  /** New account number. */
  accountNo?: string | null | undefined;
  /** Account id. */
  id: string | number;
  /** New method. */
  method?: SettlementMethod | null | undefined;
  /** New period. */
  period?: SettlementPeriod | null | undefined;
  /** New remarks; an empty string or null clears them. */
  remarks?: string | null | undefined;
};

/** Where a recharge stands. */
export type WalletRechargeState =
  /** Posted to the prepaid wallet in the ledger. */
  | 'PAID'
  /** Created; the ledger has not been credited yet (an unpaid Alipay link). */
  | 'PENDING';

/** Lifecycle status of a withdrawal. */
export type WithdrawalStatus =
  /** Requested; the money waits in pending withdrawal (legacy 0 `pending`). */
  | 'APPLIED'
  /** Cancelled; the money went back to available (legacy 3 `cancelled`). */
  | 'CANCELLED'
  /** Held by an operator; the money stays pending (legacy 2 `frozen`). */
  | 'FROZEN'
  /** Paid out to the bank account (legacy 1 `paid`). */
  | 'PAID';

export type ConsoleBillingBillsQueryVariables = Exact<{
  merchantId?: number | null | undefined;
  month?: string | null | undefined;
  page?: number | null | undefined;
  pageSize?: number | null | undefined;
}>;


export type ConsoleBillingBillsQuery = { merchantBills: { totalCount: number, totalPages: number, page: number, pageSize: number, nodes: Array<{ id: string, merchantId: number, merchantName: string | null, billMonth: string, orderCount: number, salesTotal: string, ratePercent: number, receivable: string, received: string, left: string, payRemark: string, salesName: string | null, issuedBy: string, issuedAt: string }> } };

export type ConsoleBillingMerchantQueryVariables = Exact<{
  merchantId: number;
}>;


export type ConsoleBillingMerchantQuery = { merchant: { id: number, name: string, prepaidBalance: string } | null, billingSummary: { merchantId: number, totalLeft: string, thisMonthLeft: string }, billReceipts: Array<{ id: string, amount: string, method: BillReceiptMethod, methodText: string, receivedAt: string, date: string }>, merchantBillingTerms: { merchantId: number, ratePercent: number, salesName: string | null, payRemark: string, custom: boolean, updatedBy: string | null, updatedAt: string | null } };

export type ConsoleBillingSetTermsMutationVariables = Exact<{
  input: SetMerchantBillingTermsInput;
}>;


export type ConsoleBillingSetTermsMutation = { setMerchantBillingTerms: { merchantId: number, ratePercent: number, salesName: string | null, payRemark: string, custom: boolean, updatedBy: string | null, updatedAt: string | null } };

export type ConsoleBillingIssueMutationVariables = Exact<{
  input: IssueMonthlyBillsInput;
}>;


export type ConsoleBillingIssueMutation = { issueMonthlyBills: { month: string, issuedCount: number, failedCollections: Array<number> } };

export type ConsoleBillingCollectMutationVariables = Exact<{
  input: CollectMerchantBillsInput;
}>;


export type ConsoleBillingCollectMutation = { collectMerchantBills: { merchantId: number, totalLeft: string } };

export type ConsoleBillingRechargeMutationVariables = Exact<{
  input: CreateWalletRechargeInput;
}>;


export type ConsoleBillingRechargeMutation = { createWalletRecharge: { id: string, merchantId: number, amount: string, state: WalletRechargeState, outTradeNo: string, payUrl: string | null, createdAt: string } };

export type ConsoleClearingMainAccountsQueryVariables = Exact<{
  merchantId?: number | null | undefined;
  page?: number | null | undefined;
  pageSize?: number | null | undefined;
}>;


export type ConsoleClearingMainAccountsQuery = { mainAccounts: { totalCount: number, totalPages: number, page: number, pageSize: number, nodes: Array<{ id: string, mainAccountUid: number, unionId: string, merchantId: number | null, createdAt: string }> } };

export type ConsoleClearingMainAccountQueryVariables = Exact<{
  id?: string | number | null | undefined;
}>;


export type ConsoleClearingMainAccountQuery = { mainAccount: { id: string, mainAccountUid: number, unionId: string, merchantId: number | null, createdAt: string, inFeeRate: number, shareFeeRate: number, withdrawFeeRate: number, totalInAmount: string, totalInFee: string, totalShareAmount: string, totalShareFee: string, balance: string, totalWithdrawAmount: string, totalWithdrawFee: string, invariantHolds: boolean } | null };

export type ConsoleClearingIncomingQueryVariables = Exact<{
  mainAccountId?: string | number | null | undefined;
  status?: IncomingPaymentStatus | null | undefined;
  startTime?: string | null | undefined;
  endTime?: string | null | undefined;
  page?: number | null | undefined;
  pageSize?: number | null | undefined;
}>;


export type ConsoleClearingIncomingQuery = { incomingPayments: { totalCount: number, totalPages: number, page: number, pageSize: number, nodes: Array<{ id: string, clientSn: string, sn: string, amount: string, inFee: string, msg: string, payWay: string, status: IncomingPaymentStatus, genTime: string, payTime: string | null }> } };

export type ConsoleClearingRecordsQueryVariables = Exact<{
  mainAccountId?: string | number | null | undefined;
  startTime?: string | null | undefined;
  endTime?: string | null | undefined;
  page?: number | null | undefined;
  pageSize?: number | null | undefined;
}>;


export type ConsoleClearingRecordsQuery = { clearingRecords: { totalCount: number, totalPages: number, page: number, pageSize: number, nodes: Array<{ id: string, clientSn: string, amount: string, fee: string, childPhone: string, message: string, genTime: string, completeTime: string | null }> } };

export type ConsoleClearingChildrenQueryVariables = Exact<{
  mainAccountId?: string | number | null | undefined;
  phone?: string | null | undefined;
  page?: number | null | undefined;
  pageSize?: number | null | undefined;
}>;


export type ConsoleClearingChildrenQuery = { childAccounts: { totalCount: number, totalPages: number, page: number, pageSize: number, nodes: Array<{ id: string, name: string, maskedPhone: string, phone: string | null, balance: string, lastModifiedTime: string | null, createdAt: string }> } };

export type ConsoleClearingChildWithdrawalsQueryVariables = Exact<{
  mainAccountId?: string | number | null | undefined;
  startTime?: string | null | undefined;
  endTime?: string | null | undefined;
  page?: number | null | undefined;
  pageSize?: number | null | undefined;
}>;


export type ConsoleClearingChildWithdrawalsQuery = { childWithdrawals: { totalCount: number, totalPages: number, page: number, pageSize: number, nodes: Array<{ id: string, clientSn: string, amount: string, fee: string, status: number, childPhone: string, message: string, genTime: string, completeTime: string | null }> } };

export type ConsoleMerchantBalanceQueryVariables = Exact<{
  merchantId?: number | null | undefined;
  startTime?: string | null | undefined;
  endTime?: string | null | undefined;
}>;


export type ConsoleMerchantBalanceQuery = { merchantBalance: { merchantId: number, available: string, frozen: string, pendingWithdrawal: string, prepaidFee: string, currency: string, updatedAt: string | null }, merchantStats: { today: { orderCount: number, grossAmount: string, merchantIncome: string }, yesterday: { orderCount: number, grossAmount: string, merchantIncome: string }, total: { orderCount: number, grossAmount: string, merchantIncome: string }, pending: { orderCount: number, grossAmount: string } }, dailySummary: { startDate: string, endDate: string, items: Array<{ date: string, orderCount: number, grossAmount: string, merchantIncome: string }> } };

export type ConsoleMerchantMoneyLogsQueryVariables = Exact<{
  merchantId?: number | null | undefined;
  type?: number | null | undefined;
  orderNo?: string | null | undefined;
  startTime?: string | null | undefined;
  endTime?: string | null | undefined;
  page?: number | null | undefined;
  pageSize?: number | null | undefined;
}>;


export type ConsoleMerchantMoneyLogsQuery = { moneyLogs: { totalCount: number, totalPages: number, page: number, pageSize: number, nodes: Array<{ id: string, amount: string, balanceAfter: string | null, type: number, typeName: string, description: string, createdAt: string, orderNo: string | null, platformOrderNo: string | null, uniqueNo: string, accountPurpose: AccountPurpose }> } };

export type ConsoleMerchantApiKeyQueryVariables = Exact<{
  merchantId?: number | null | undefined;
}>;


export type ConsoleMerchantApiKeyQuery = { merchant: { id: number, name: string, status: MerchantStatus, apiKeyMasked: string | null, twoFactorEnabled: boolean, ipAllowList: Array<string> } | null };

export type ConsoleOrdersQueryVariables = Exact<{
  filter?: OrderFilterInput | null | undefined;
  page?: number | null | undefined;
  pageSize?: number | null | undefined;
}>;


export type ConsoleOrdersQuery = { orders: { totalCount: number, totalPages: number, page: number, pageSize: number, summary: { orderCount: number, grossAmount: string, merchantIncome: string, agentIncome: string }, nodes: Array<{ platformOrderNo: string, merchantOrderNo: string, merchantId: number, channelCode: string, amount: string, merchantIncome: string, status: OrderStatus, statusText: string, adminStatusText: string, notifyStatusText: string, reconciliationStatus: ReconciliationStatus | null, createdAt: string, paidAt: string | null, merchant: { name: string }, channel: { name: string } }> } };

export type ConsoleChannelsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleChannelsQuery = { channels: Array<{ code: string, name: string }> };

export type ConsoleOrderQueryVariables = Exact<{
  platformOrderNo: string;
}>;


export type ConsoleOrderQuery = { order: { platformOrderNo: string, merchantOrderNo: string, upstreamOrderNo: string | null, merchantId: number, channelCode: string, pzid: number, amount: string, merchantIncome: string, agentIncome: string, channelFee: string, upstreamCost: string, platformProfit: string, status: OrderStatus, statusText: string, adminStatusText: string, notifyStatusText: string, notifyUrl: string, productTitle: string, createdAt: string, paidAt: string | null, reconciliationStatus: ReconciliationStatus | null, autoReconcile: boolean, merchant: { name: string }, channel: { name: string }, statementLine: { source: string, kind: StatementLineKind, tradeTime: string, transactionId: string | null, amount: string, refundAmount: string, fee: string, payer: string | null, statement: { billDate: string, fileName: string } | null } | null, postings: Array<{ id: string, uniqueNo: string, typeName: string, description: string, effectiveAt: string, actor: string, legs: Array<{ id: string, accountPurpose: AccountPurpose, amount: string, balanceAfter: string | null }> }>, notifyLogs: Array<{ id: string, attempt: number, callbackUrl: string, httpStatus: number | null, delivered: boolean, durationMs: number, responseBody: string, createdAt: string }>, audits: Array<{ id: string, action: string, actor: string, actorRole: string, fromStatus: OrderStatus, toStatus: OrderStatus, note: string | null, createdAt: string }> } | null };

export type ConsoleCompleteOrderMutationVariables = Exact<{
  input: ManualOrderActionInput;
}>;


export type ConsoleCompleteOrderMutation = { completeOrder: { unchanged: boolean, message: string, order: { platformOrderNo: string, status: OrderStatus } } };

export type ConsoleCancelOrderMutationVariables = Exact<{
  input: ManualOrderActionInput;
}>;


export type ConsoleCancelOrderMutation = { cancelOrder: { unchanged: boolean, message: string, order: { platformOrderNo: string, status: OrderStatus } } };

export type ConsoleResendNotificationsMutationVariables = Exact<{
  input: ResendNotificationsInput;
}>;


export type ConsoleResendNotificationsMutation = { resendNotifications: { queued: number, skipped: Array<string> } };

export type ConsoleSetAutoReconcileMutationVariables = Exact<{
  input: SetAutoReconcileInput;
}>;


export type ConsoleSetAutoReconcileMutation = { setAutoReconcile: boolean };

export type ConsoleOverviewStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleOverviewStatsQuery = { platformOverview: { startDate: string, endDate: string, generatedAt: string, failedNotifications: number, days: Array<{ date: string, orderCount: number, paidCount: number, paidAmount: string }>, total: { orderCount: number, paidCount: number, paidAmount: string }, channels: Array<{ channelCode: string, channelName: string, orderCount: number, paidCount: number, paidAmount: string }> } };

export type ConsoleOverviewRunsQueryVariables = Exact<{
  runsFrom?: string | null | undefined;
}>;


export type ConsoleOverviewRunsQuery = { reconciliationRuns: { totalCount: number, nodes: Array<{ id: string, code: string, source: string, periodStart: string, status: ReconciliationRunStatus, person: string, matchedCount: number, abnormalCount: number, doubtfulCount: number, createdAt: string }> } };

export type ConsoleOverviewReconciliationQueuesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleOverviewReconciliationQueuesQuery = { discrepancies: { totalCount: number }, resolutions: { totalCount: number } };

export type ConsoleOverviewSettlementsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleOverviewSettlementsQuery = { settlements: { totalCount: number } };

export type ConsoleOverviewLedgerHealthQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleOverviewLedgerHealthQuery = { ledgerHealth: { findings: number, checkedAt: string, checks: Array<{ name: string, count: number }> } };

export type ConsoleReconStatementSourcesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleReconStatementSourcesQuery = { statementSources: Array<{ source: string, templateName: string, builtIn: boolean }> };

export type ConsoleReconStatementsQueryVariables = Exact<{
  page?: number | null | undefined;
  pageSize?: number | null | undefined;
  source?: string | null | undefined;
  billDateFrom?: string | null | undefined;
  billDateTo?: string | null | undefined;
}>;


export type ConsoleReconStatementsQuery = { statements: { totalCount: number, totalPages: number, page: number, pageSize: number, nodes: Array<{ id: string, source: string, template: string, billDate: string, contentHash: string, fileName: string, lineCount: number, paymentCount: number, paymentAmount: string, refundCount: number, refundAmount: string, feeAmount: string, person: string, importedAt: string }> } };

export type ConsoleReconImportStatementMutationVariables = Exact<{
  input: ImportStatementInput;
}>;


export type ConsoleReconImportStatementMutation = { importStatement: { created: boolean, statement: { id: string, source: string, billDate: string, fileName: string, lineCount: number, paymentCount: number, paymentAmount: string, refundCount: number, refundAmount: string } } };

export type ConsoleReconRunHeaderFragment = { id: string, code: string, source: string, sourceCode: number | null, periodStart: string, periodEnd: string, person: string, remark: string | null, autoOnly: boolean, status: ReconciliationRunStatus, error: string | null, statementLineCount: number, lineCount: number, lineAmount: string, matchedCount: number, matchedAmount: string, abnormalCount: number, abnormalAmount: string, doubtfulCount: number, doubtfulAmount: string, createdAt: string, finishedAt: string | null };

export type ConsoleReconRunsQueryVariables = Exact<{
  page?: number | null | undefined;
  pageSize?: number | null | undefined;
  startTime?: string | null | undefined;
  endTime?: string | null | undefined;
  person?: string | null | undefined;
  source?: string | null | undefined;
}>;


export type ConsoleReconRunsQuery = { reconciliationRuns: { totalCount: number, totalPages: number, page: number, pageSize: number, nodes: Array<{ id: string, code: string, source: string, sourceCode: number | null, periodStart: string, periodEnd: string, person: string, remark: string | null, autoOnly: boolean, status: ReconciliationRunStatus, error: string | null, statementLineCount: number, lineCount: number, lineAmount: string, matchedCount: number, matchedAmount: string, abnormalCount: number, abnormalAmount: string, doubtfulCount: number, doubtfulAmount: string, createdAt: string, finishedAt: string | null }> } };

export type ConsoleReconStartRunMutationVariables = Exact<{
  input: StartReconciliationRunInput;
}>;


export type ConsoleReconStartRunMutation = { startReconciliationRun: { id: string, code: string, source: string, sourceCode: number | null, periodStart: string, periodEnd: string, person: string, remark: string | null, autoOnly: boolean, status: ReconciliationRunStatus, error: string | null, statementLineCount: number, lineCount: number, lineAmount: string, matchedCount: number, matchedAmount: string, abnormalCount: number, abnormalAmount: string, doubtfulCount: number, doubtfulAmount: string, createdAt: string, finishedAt: string | null } };

export type ConsoleReconRunQueryVariables = Exact<{
  code: string;
  page?: number | null | undefined;
  pageSize?: number | null | undefined;
  issue?: ReconciliationIssue | null | undefined;
}>;


export type ConsoleReconRunQuery = { reconciliationRun: { id: string, code: string, source: string, sourceCode: number | null, periodStart: string, periodEnd: string, person: string, remark: string | null, autoOnly: boolean, status: ReconciliationRunStatus, error: string | null, statementLineCount: number, lineCount: number, lineAmount: string, matchedCount: number, matchedAmount: string, abnormalCount: number, abnormalAmount: string, doubtfulCount: number, doubtfulAmount: string, createdAt: string, finishedAt: string | null, results: { totalCount: number, totalPages: number, page: number, pageSize: number, nodes: Array<{ id: string, code: string, outTradeNo: string | null, platformOrderNo: string | null, transactionId: string | null, issue: ReconciliationIssue, issueCode: number, issueText: string, pendingIssue: ReconciliationIssue | null, note: string, tradeTime: string | null, payMoney: string, channelAmount: string | null, platformAmount: string | null, channelState: string, platformState: string, merchantId: number | null, merchantName: string | null, payer: string | null, equipmentId: string | null, resolved: boolean, createdAt: string }> } } | null };

export type ConsoleReconResolutionFragment = { id: string, action: ResolutionAction, state: ResolutionState, amount: string, note: string, requestedBy: string, requestedAt: string, approvedBy: string | null, decidedAt: string | null, executedAt: string | null, outcome: string | null };

export type ConsoleReconDiscrepanciesQueryVariables = Exact<{
  page?: number | null | undefined;
  pageSize?: number | null | undefined;
  issue?: ReconciliationIssue | null | undefined;
  source?: string | null | undefined;
  resolved?: boolean | null | undefined;
  platformOrderNo?: string | null | undefined;
  startTime?: string | null | undefined;
  endTime?: string | null | undefined;
}>;


export type ConsoleReconDiscrepanciesQuery = { discrepancies: { totalCount: number, totalPages: number, page: number, pageSize: number, nodes: Array<{ id: string, code: string, source: string, runCode: string, platformOrderNo: string | null, outTradeNo: string | null, transactionId: string | null, issue: ReconciliationIssue, issueText: string, pendingIssue: ReconciliationIssue | null, note: string, tradeTime: string | null, payMoney: string, channelAmount: string | null, platformAmount: string | null, channelState: string, platformState: string, platformStatus: string | null, merchantId: number | null, merchantName: string | null, doubtfulSince: string | null, resolved: boolean, createdAt: string, order: { platformOrderNo: string, amount: string, merchantIncome: string, status: OrderStatus } | null, resolutions: Array<{ id: string, action: ResolutionAction, state: ResolutionState, amount: string, note: string, requestedBy: string, requestedAt: string, approvedBy: string | null, decidedAt: string | null, executedAt: string | null, outcome: string | null }> }> } };

export type ConsoleReconResolveMutationVariables = Exact<{
  input: ResolveDiscrepancyInput;
}>;


export type ConsoleReconResolveMutation = { resolveDiscrepancy: { id: string, action: ResolutionAction, state: ResolutionState, amount: string, note: string, requestedBy: string, requestedAt: string, approvedBy: string | null, decidedAt: string | null, executedAt: string | null, outcome: string | null } };

export type ConsoleReconResolutionsQueryVariables = Exact<{
  page?: number | null | undefined;
  pageSize?: number | null | undefined;
  state?: ResolutionState | null | undefined;
}>;


export type ConsoleReconResolutionsQuery = { resolutions: { totalCount: number, totalPages: number, page: number, pageSize: number, nodes: Array<{ id: string, action: ResolutionAction, state: ResolutionState, amount: string, note: string, requestedBy: string, requestedAt: string, approvedBy: string | null, decidedAt: string | null, executedAt: string | null, outcome: string | null, result: { id: string, code: string, source: string, runCode: string, issue: ReconciliationIssue, issueText: string, note: string, platformOrderNo: string | null, outTradeNo: string | null, payMoney: string, channelAmount: string | null, platformAmount: string | null, channelState: string, platformState: string, merchantId: number | null, merchantName: string | null, order: { platformOrderNo: string, amount: string, merchantIncome: string, status: OrderStatus } | null } }> } };

export type ConsoleReconApproveMutationVariables = Exact<{
  input: ApproveResolutionInput;
}>;


export type ConsoleReconApproveMutation = { approveResolution: { id: string, action: ResolutionAction, state: ResolutionState, amount: string, note: string, requestedBy: string, requestedAt: string, approvedBy: string | null, decidedAt: string | null, executedAt: string | null, outcome: string | null } };

export type ConsoleReconRejectMutationVariables = Exact<{
  input: RejectResolutionInput;
}>;


export type ConsoleReconRejectMutation = { rejectResolution: { id: string, action: ResolutionAction, state: ResolutionState, amount: string, note: string, requestedBy: string, requestedAt: string, approvedBy: string | null, decidedAt: string | null, executedAt: string | null, outcome: string | null } };

export type ConsoleSettlementAccountFieldsFragment = { id: string, code: string, merchantId: number, merchantName: string | null, method: SettlementMethod, accountName: string, accountNo: string, period: SettlementPeriod, remarks: string | null, settledUntil: string | null, isDelete: boolean, createdAt: string, updatedAt: string };

export type ConsoleSettlementAccountsQueryVariables = Exact<{
  filter?: SettlementAccountFilter | null | undefined;
  page?: number | null | undefined;
  pageSize?: number | null | undefined;
}>;


export type ConsoleSettlementAccountsQuery = { settlementAccounts: { totalCount: number, totalPages: number, page: number, pageSize: number, nodes: Array<{ id: string, code: string, merchantId: number, merchantName: string | null, method: SettlementMethod, accountName: string, accountNo: string, period: SettlementPeriod, remarks: string | null, settledUntil: string | null, isDelete: boolean, createdAt: string, updatedAt: string }> } };

export type ConsoleSettlementCreateAccountMutationVariables = Exact<{
  input: CreateSettlementAccountInput;
}>;


export type ConsoleSettlementCreateAccountMutation = { createSettlementAccount: { id: string, code: string, merchantId: number, merchantName: string | null, method: SettlementMethod, accountName: string, accountNo: string, period: SettlementPeriod, remarks: string | null, settledUntil: string | null, isDelete: boolean, createdAt: string, updatedAt: string } };

export type ConsoleSettlementUpdateAccountMutationVariables = Exact<{
  input: UpdateSettlementAccountInput;
}>;


export type ConsoleSettlementUpdateAccountMutation = { updateSettlementAccount: { id: string, code: string, merchantId: number, merchantName: string | null, method: SettlementMethod, accountName: string, accountNo: string, period: SettlementPeriod, remarks: string | null, settledUntil: string | null, isDelete: boolean, createdAt: string, updatedAt: string } };

export type ConsoleSettlementDeleteAccountMutationVariables = Exact<{
  input: DeleteSettlementAccountInput;
}>;


export type ConsoleSettlementDeleteAccountMutation = { deleteSettlementAccount: { id: string, isDelete: boolean } };

export type ConsoleSettlementsQueryVariables = Exact<{
  filter?: SettlementFilter | null | undefined;
  page?: number | null | undefined;
  pageSize?: number | null | undefined;
}>;


export type ConsoleSettlementsQuery = { settlements: { totalCount: number, totalPages: number, page: number, pageSize: number, nodes: Array<{ id: string, code: string, merchantId: number, merchantName: string | null, method: SettlementMethod, orderCount: number, total: string, orderTotal: string, periodStart: string | null, periodEnd: string, person: string, state: SettlementState, settlementTime: string | null, settledBy: string | null, remark: string | null, createdAt: string, voucher: { sha256: string, url: string, contentType: string, size: number, fileName: string } | null, account: { id: string, code: string, method: SettlementMethod, accountName: string, accountNo: string, period: SettlementPeriod } }> } };

export type ConsoleSettlementRunMutationVariables = Exact<{
  input?: RunSettlementsInput | null | undefined;
}>;


export type ConsoleSettlementRunMutation = { runSettlements: { settlementsCreated: number, ordersSettled: number, total: string } };

export type ConsoleSettlementSettleMutationVariables = Exact<{
  input: SettleSettlementInput;
}>;


export type ConsoleSettlementSettleMutation = { settleSettlement: { code: string, state: SettlementState, total: string, settlementTime: string | null, voucher: { sha256: string, url: string } | null } };

export type ConsoleWithdrawalsListQueryVariables = Exact<{
  merchantId?: number | null | undefined;
  statusCode?: number | null | undefined;
  startTime?: string | null | undefined;
  endTime?: string | null | undefined;
  page?: number | null | undefined;
  pageSize?: number | null | undefined;
}>;


export type ConsoleWithdrawalsListQuery = { withdrawals: { totalCount: number, totalPages: number, page: number, pageSize: number, nodes: Array<{ id: string, withdrawNo: string, merchantId: number, amount: string, fee: string, status: WithdrawalStatus, statusCode: number, agentPayStatusName: string, notifyStatusName: string, accountName: string, bankName: string, branch: string | null, maskedAccountNumber: string, createdAt: string, updatedAt: string }> } };

export type ConsoleWithdrawalsOneQueryVariables = Exact<{
  withdrawNo: string;
  merchantId?: number | null | undefined;
}>;


export type ConsoleWithdrawalsOneQuery = { withdrawal: { id: string, withdrawNo: string, merchantId: number, amount: string, fee: string, status: WithdrawalStatus, statusCode: number, agentPayStatusName: string, notifyStatusName: string, accountName: string, bankName: string, branch: string | null, maskedAccountNumber: string, createdAt: string, updatedAt: string } | null };

export type ConsoleWithdrawalsRequestContextQueryVariables = Exact<{
  merchantId?: number | null | undefined;
}>;


export type ConsoleWithdrawalsRequestContextQuery = { merchant: { id: number, twoFactorEnabled: boolean } | null, merchantBalance: { available: string, pendingWithdrawal: string }, bankCards: Array<{ id: string, bankName: string, branch: string | null, accountName: string, maskedNumber: string }> };

export type ConsoleWithdrawalsRequestMutationVariables = Exact<{
  input: RequestWithdrawalInput;
}>;


export type ConsoleWithdrawalsRequestMutation = { requestWithdrawal: { balanceAfter: string, pendingWithdrawal: string, frozenToday: string, fee: string, withdrawal: { id: string, withdrawNo: string, amount: string, fee: string, status: WithdrawalStatus } } };

export type ConsoleWithdrawalsMarkPaidMutationVariables = Exact<{
  input: MarkWithdrawalPaidInput;
}>;


export type ConsoleWithdrawalsMarkPaidMutation = { markWithdrawalPaid: { id: string, withdrawNo: string, status: WithdrawalStatus, statusCode: number } };

export type ConsoleWithdrawalsFreezeMutationVariables = Exact<{
  input: FreezeWithdrawalInput;
}>;


export type ConsoleWithdrawalsFreezeMutation = { freezeWithdrawal: { id: string, withdrawNo: string, status: WithdrawalStatus, statusCode: number } };

export type ConsoleWithdrawalsCancelMutationVariables = Exact<{
  input: CancelWithdrawalInput;
}>;


export type ConsoleWithdrawalsCancelMutation = { cancelWithdrawal: { id: string, withdrawNo: string, status: WithdrawalStatus, statusCode: number } };

export type ConsoleWithdrawalsBankCardsQueryVariables = Exact<{
  merchantId?: number | null | undefined;
  approved?: boolean | null | undefined;
}>;


export type ConsoleWithdrawalsBankCardsQuery = { bankCards: Array<{ id: string, merchantId: number, accountName: string, bankName: string, branch: string | null, province: string | null, city: string | null, unionpayCode: string | null, approved: boolean, approvedAt: string | null, createdAt: string, maskedNumber: string }> };

export type ConsoleWithdrawalsApproveCardMutationVariables = Exact<{
  input: ApproveBankCardInput;
}>;


export type ConsoleWithdrawalsApproveCardMutation = { approveBankCard: { id: string, approved: boolean, approvedAt: string | null } };

export const ConsoleReconRunHeaderFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleReconRunHeader"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReconciliationRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"sourceCode"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"person"}},{"kind":"Field","name":{"kind":"Name","value":"remark"}},{"kind":"Field","name":{"kind":"Name","value":"autoOnly"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"statementLineCount"}},{"kind":"Field","name":{"kind":"Name","value":"lineCount"}},{"kind":"Field","name":{"kind":"Name","value":"lineAmount"}},{"kind":"Field","name":{"kind":"Name","value":"matchedCount"}},{"kind":"Field","name":{"kind":"Name","value":"matchedAmount"}},{"kind":"Field","name":{"kind":"Name","value":"abnormalCount"}},{"kind":"Field","name":{"kind":"Name","value":"abnormalAmount"}},{"kind":"Field","name":{"kind":"Name","value":"doubtfulCount"}},{"kind":"Field","name":{"kind":"Name","value":"doubtfulAmount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<ConsoleReconRunHeaderFragment, unknown>;
export const ConsoleReconResolutionFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleReconResolution"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Resolution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"executedAt"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]} as unknown as DocumentNode<ConsoleReconResolutionFragment, unknown>;
export const ConsoleSettlementAccountFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleSettlementAccountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SettlementAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"merchantId"}},{"kind":"Field","name":{"kind":"Name","value":"merchantName"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"accountName"}},{"kind":"Field","name":{"kind":"Name","value":"accountNo"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"remarks"}},{"kind":"Field","name":{"kind":"Name","value":"settledUntil"}},{"kind":"Field","name":{"kind":"Name","value":"isDelete"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ConsoleSettlementAccountFieldsFragment, unknown>;
export const ConsoleBillingBillsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleBillingBills"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"merchantBills"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"merchantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}}},{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"merchantId"}},{"kind":"Field","name":{"kind":"Name","value":"merchantName"}},{"kind":"Field","name":{"kind":"Name","value":"billMonth"}},{"kind":"Field","name":{"kind":"Name","value":"orderCount"}},{"kind":"Field","name":{"kind":"Name","value":"salesTotal"}},{"kind":"Field","name":{"kind":"Name","value":"ratePercent"}},{"kind":"Field","name":{"kind":"Name","value":"receivable"}},{"kind":"Field","name":{"kind":"Name","value":"received"}},{"kind":"Field","name":{"kind":"Name","value":"left"}},{"kind":"Field","name":{"kind":"Name","value":"payRemark"}},{"kind":"Field","name":{"kind":"Name","value":"salesName"}},{"kind":"Field","name":{"kind":"Name","value":"issuedBy"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleBillingBillsQuery, ConsoleBillingBillsQueryVariables>;
export const ConsoleBillingMerchantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleBillingMerchant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"merchant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prepaidBalance"}}]}},{"kind":"Field","name":{"kind":"Name","value":"billingSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"merchantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"merchantId"}},{"kind":"Field","name":{"kind":"Name","value":"totalLeft"}},{"kind":"Field","name":{"kind":"Name","value":"thisMonthLeft"}}]}},{"kind":"Field","name":{"kind":"Name","value":"billReceipts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"merchantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"methodText"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"date"}}]}},{"kind":"Field","name":{"kind":"Name","value":"merchantBillingTerms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"merchantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"merchantId"}},{"kind":"Field","name":{"kind":"Name","value":"ratePercent"}},{"kind":"Field","name":{"kind":"Name","value":"salesName"}},{"kind":"Field","name":{"kind":"Name","value":"payRemark"}},{"kind":"Field","name":{"kind":"Name","value":"custom"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleBillingMerchantQuery, ConsoleBillingMerchantQueryVariables>;
export const ConsoleBillingSetTermsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleBillingSetTerms"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetMerchantBillingTermsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setMerchantBillingTerms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"merchantId"}},{"kind":"Field","name":{"kind":"Name","value":"ratePercent"}},{"kind":"Field","name":{"kind":"Name","value":"salesName"}},{"kind":"Field","name":{"kind":"Name","value":"payRemark"}},{"kind":"Field","name":{"kind":"Name","value":"custom"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleBillingSetTermsMutation, ConsoleBillingSetTermsMutationVariables>;
export const ConsoleBillingIssueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleBillingIssue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IssueMonthlyBillsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issueMonthlyBills"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"issuedCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCollections"}}]}}]}}]} as unknown as DocumentNode<ConsoleBillingIssueMutation, ConsoleBillingIssueMutationVariables>;
export const ConsoleBillingCollectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleBillingCollect"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CollectMerchantBillsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"collectMerchantBills"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"merchantId"}},{"kind":"Field","name":{"kind":"Name","value":"totalLeft"}}]}}]}}]} as unknown as DocumentNode<ConsoleBillingCollectMutation, ConsoleBillingCollectMutationVariables>;
export const ConsoleBillingRechargeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleBillingRecharge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateWalletRechargeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWalletRecharge"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"merchantId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"outTradeNo"}},{"kind":"Field","name":{"kind":"Name","value":"payUrl"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleBillingRechargeMutation, ConsoleBillingRechargeMutationVariables>;
export const ConsoleClearingMainAccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleClearingMainAccounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mainAccounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"merchantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mainAccountUid"}},{"kind":"Field","name":{"kind":"Name","value":"unionId"}},{"kind":"Field","name":{"kind":"Name","value":"merchantId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleClearingMainAccountsQuery, ConsoleClearingMainAccountsQueryVariables>;
export const ConsoleClearingMainAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleClearingMainAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mainAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mainAccountUid"}},{"kind":"Field","name":{"kind":"Name","value":"unionId"}},{"kind":"Field","name":{"kind":"Name","value":"merchantId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"inFeeRate"}},{"kind":"Field","name":{"kind":"Name","value":"shareFeeRate"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawFeeRate"}},{"kind":"Field","name":{"kind":"Name","value":"totalInAmount"}},{"kind":"Field","name":{"kind":"Name","value":"totalInFee"}},{"kind":"Field","name":{"kind":"Name","value":"totalShareAmount"}},{"kind":"Field","name":{"kind":"Name","value":"totalShareFee"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"totalWithdrawAmount"}},{"kind":"Field","name":{"kind":"Name","value":"totalWithdrawFee"}},{"kind":"Field","name":{"kind":"Name","value":"invariantHolds"}}]}}]}}]} as unknown as DocumentNode<ConsoleClearingMainAccountQuery, ConsoleClearingMainAccountQueryVariables>;
export const ConsoleClearingIncomingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleClearingIncoming"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mainAccountId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"IncomingPaymentStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"startTime"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"endTime"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incomingPayments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"mainAccountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mainAccountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"startTime"},"value":{"kind":"Variable","name":{"kind":"Name","value":"startTime"}}},{"kind":"Argument","name":{"kind":"Name","value":"endTime"},"value":{"kind":"Variable","name":{"kind":"Name","value":"endTime"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientSn"}},{"kind":"Field","name":{"kind":"Name","value":"sn"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"inFee"}},{"kind":"Field","name":{"kind":"Name","value":"msg"}},{"kind":"Field","name":{"kind":"Name","value":"payWay"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"genTime"}},{"kind":"Field","name":{"kind":"Name","value":"payTime"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleClearingIncomingQuery, ConsoleClearingIncomingQueryVariables>;
export const ConsoleClearingRecordsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleClearingRecords"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mainAccountId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"startTime"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"endTime"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clearingRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"mainAccountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mainAccountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"startTime"},"value":{"kind":"Variable","name":{"kind":"Name","value":"startTime"}}},{"kind":"Argument","name":{"kind":"Name","value":"endTime"},"value":{"kind":"Variable","name":{"kind":"Name","value":"endTime"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientSn"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"fee"}},{"kind":"Field","name":{"kind":"Name","value":"childPhone"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"genTime"}},{"kind":"Field","name":{"kind":"Name","value":"completeTime"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleClearingRecordsQuery, ConsoleClearingRecordsQueryVariables>;
export const ConsoleClearingChildrenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleClearingChildren"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mainAccountId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"phone"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"childAccounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"mainAccountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mainAccountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"phone"},"value":{"kind":"Variable","name":{"kind":"Name","value":"phone"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"maskedPhone"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedTime"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleClearingChildrenQuery, ConsoleClearingChildrenQueryVariables>;
export const ConsoleClearingChildWithdrawalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleClearingChildWithdrawals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mainAccountId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"startTime"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"endTime"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"childWithdrawals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"mainAccountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mainAccountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"startTime"},"value":{"kind":"Variable","name":{"kind":"Name","value":"startTime"}}},{"kind":"Argument","name":{"kind":"Name","value":"endTime"},"value":{"kind":"Variable","name":{"kind":"Name","value":"endTime"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientSn"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"fee"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"childPhone"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"genTime"}},{"kind":"Field","name":{"kind":"Name","value":"completeTime"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleClearingChildWithdrawalsQuery, ConsoleClearingChildWithdrawalsQueryVariables>;
export const ConsoleMerchantBalanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleMerchantBalance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"startTime"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"endTime"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"merchantBalance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"merchantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"merchantId"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"frozen"}},{"kind":"Field","name":{"kind":"Name","value":"pendingWithdrawal"}},{"kind":"Field","name":{"kind":"Name","value":"prepaidFee"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"merchantStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"merchantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"today"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderCount"}},{"kind":"Field","name":{"kind":"Name","value":"grossAmount"}},{"kind":"Field","name":{"kind":"Name","value":"merchantIncome"}}]}},{"kind":"Field","name":{"kind":"Name","value":"yesterday"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderCount"}},{"kind":"Field","name":{"kind":"Name","value":"grossAmount"}},{"kind":"Field","name":{"kind":"Name","value":"merchantIncome"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderCount"}},{"kind":"Field","name":{"kind":"Name","value":"grossAmount"}},{"kind":"Field","name":{"kind":"Name","value":"merchantIncome"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pending"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderCount"}},{"kind":"Field","name":{"kind":"Name","value":"grossAmount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"dailySummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"merchantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}}},{"kind":"Argument","name":{"kind":"Name","value":"startTime"},"value":{"kind":"Variable","name":{"kind":"Name","value":"startTime"}}},{"kind":"Argument","name":{"kind":"Name","value":"endTime"},"value":{"kind":"Variable","name":{"kind":"Name","value":"endTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"orderCount"}},{"kind":"Field","name":{"kind":"Name","value":"grossAmount"}},{"kind":"Field","name":{"kind":"Name","value":"merchantIncome"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleMerchantBalanceQuery, ConsoleMerchantBalanceQueryVariables>;
export const ConsoleMerchantMoneyLogsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleMerchantMoneyLogs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"type"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderNo"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"startTime"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"endTime"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moneyLogs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"merchantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}}},{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"Variable","name":{"kind":"Name","value":"type"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderNo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderNo"}}},{"kind":"Argument","name":{"kind":"Name","value":"startTime"},"value":{"kind":"Variable","name":{"kind":"Name","value":"startTime"}}},{"kind":"Argument","name":{"kind":"Name","value":"endTime"},"value":{"kind":"Variable","name":{"kind":"Name","value":"endTime"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"balanceAfter"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"typeName"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"orderNo"}},{"kind":"Field","name":{"kind":"Name","value":"platformOrderNo"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueNo"}},{"kind":"Field","name":{"kind":"Name","value":"accountPurpose"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleMerchantMoneyLogsQuery, ConsoleMerchantMoneyLogsQueryVariables>;
export const ConsoleMerchantApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleMerchantApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"merchant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"apiKeyMasked"}},{"kind":"Field","name":{"kind":"Name","value":"twoFactorEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"ipAllowList"}}]}}]}}]} as unknown as DocumentNode<ConsoleMerchantApiKeyQuery, ConsoleMerchantApiKeyQueryVariables>;
export const ConsoleOrdersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleOrders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderCount"}},{"kind":"Field","name":{"kind":"Name","value":"grossAmount"}},{"kind":"Field","name":{"kind":"Name","value":"merchantIncome"}},{"kind":"Field","name":{"kind":"Name","value":"agentIncome"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platformOrderNo"}},{"kind":"Field","name":{"kind":"Name","value":"merchantOrderNo"}},{"kind":"Field","name":{"kind":"Name","value":"merchantId"}},{"kind":"Field","name":{"kind":"Name","value":"merchant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"channelCode"}},{"kind":"Field","name":{"kind":"Name","value":"channel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"merchantIncome"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusText"}},{"kind":"Field","name":{"kind":"Name","value":"adminStatusText"}},{"kind":"Field","name":{"kind":"Name","value":"notifyStatusText"}},{"kind":"Field","name":{"kind":"Name","value":"reconciliationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleOrdersQuery, ConsoleOrdersQueryVariables>;
export const ConsoleChannelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleChannels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ConsoleChannelsQuery, ConsoleChannelsQueryVariables>;
export const ConsoleOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"platformOrderNo"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"platformOrderNo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"platformOrderNo"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platformOrderNo"}},{"kind":"Field","name":{"kind":"Name","value":"merchantOrderNo"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamOrderNo"}},{"kind":"Field","name":{"kind":"Name","value":"merchantId"}},{"kind":"Field","name":{"kind":"Name","value":"merchant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"channelCode"}},{"kind":"Field","name":{"kind":"Name","value":"channel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pzid"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"merchantIncome"}},{"kind":"Field","name":{"kind":"Name","value":"agentIncome"}},{"kind":"Field","name":{"kind":"Name","value":"channelFee"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamCost"}},{"kind":"Field","name":{"kind":"Name","value":"platformProfit"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusText"}},{"kind":"Field","name":{"kind":"Name","value":"adminStatusText"}},{"kind":"Field","name":{"kind":"Name","value":"notifyStatusText"}},{"kind":"Field","name":{"kind":"Name","value":"notifyUrl"}},{"kind":"Field","name":{"kind":"Name","value":"productTitle"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}},{"kind":"Field","name":{"kind":"Name","value":"reconciliationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"autoReconcile"}},{"kind":"Field","name":{"kind":"Name","value":"statementLine"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"tradeTime"}},{"kind":"Field","name":{"kind":"Name","value":"transactionId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"refundAmount"}},{"kind":"Field","name":{"kind":"Name","value":"fee"}},{"kind":"Field","name":{"kind":"Name","value":"payer"}},{"kind":"Field","name":{"kind":"Name","value":"statement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billDate"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"postings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueNo"}},{"kind":"Field","name":{"kind":"Name","value":"typeName"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"legs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accountPurpose"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"balanceAfter"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"notifyLogs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"callbackUrl"}},{"kind":"Field","name":{"kind":"Name","value":"httpStatus"}},{"kind":"Field","name":{"kind":"Name","value":"delivered"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"responseBody"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"audits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleOrderQuery, ConsoleOrderQueryVariables>;
export const ConsoleCompleteOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCompleteOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ManualOrderActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platformOrderNo"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleCompleteOrderMutation, ConsoleCompleteOrderMutationVariables>;
export const ConsoleCancelOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCancelOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ManualOrderActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platformOrderNo"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleCancelOrderMutation, ConsoleCancelOrderMutationVariables>;
export const ConsoleResendNotificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleResendNotifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResendNotificationsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resendNotifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"queued"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}}]}}]}}]} as unknown as DocumentNode<ConsoleResendNotificationsMutation, ConsoleResendNotificationsMutationVariables>;
export const ConsoleSetAutoReconcileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSetAutoReconcile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetAutoReconcileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setAutoReconcile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<ConsoleSetAutoReconcileMutation, ConsoleSetAutoReconcileMutationVariables>;
export const ConsoleOverviewStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleOverviewStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platformOverview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"days"},"value":{"kind":"IntValue","value":"7"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"generatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"failedNotifications"}},{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"orderCount"}},{"kind":"Field","name":{"kind":"Name","value":"paidCount"}},{"kind":"Field","name":{"kind":"Name","value":"paidAmount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderCount"}},{"kind":"Field","name":{"kind":"Name","value":"paidCount"}},{"kind":"Field","name":{"kind":"Name","value":"paidAmount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"channels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channelCode"}},{"kind":"Field","name":{"kind":"Name","value":"channelName"}},{"kind":"Field","name":{"kind":"Name","value":"orderCount"}},{"kind":"Field","name":{"kind":"Name","value":"paidCount"}},{"kind":"Field","name":{"kind":"Name","value":"paidAmount"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleOverviewStatsQuery, ConsoleOverviewStatsQueryVariables>;
export const ConsoleOverviewRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleOverviewRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runsFrom"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reconciliationRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"startTime"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runsFrom"}}},{"kind":"Argument","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"person"}},{"kind":"Field","name":{"kind":"Name","value":"matchedCount"}},{"kind":"Field","name":{"kind":"Name","value":"abnormalCount"}},{"kind":"Field","name":{"kind":"Name","value":"doubtfulCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleOverviewRunsQuery, ConsoleOverviewRunsQueryVariables>;
export const ConsoleOverviewReconciliationQueuesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleOverviewReconciliationQueues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"discrepancies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"resolved"},"value":{"kind":"BooleanValue","value":false}},{"kind":"Argument","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resolutions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"state"},"value":{"kind":"EnumValue","value":"PENDING_APPROVAL"}},{"kind":"Argument","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<ConsoleOverviewReconciliationQueuesQuery, ConsoleOverviewReconciliationQueuesQueryVariables>;
export const ConsoleOverviewSettlementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleOverviewSettlements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"settlements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"state"},"value":{"kind":"EnumValue","value":"PENDING"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<ConsoleOverviewSettlementsQuery, ConsoleOverviewSettlementsQueryVariables>;
export const ConsoleOverviewLedgerHealthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleOverviewLedgerHealth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ledgerHealth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"findings"}},{"kind":"Field","name":{"kind":"Name","value":"checkedAt"}},{"kind":"Field","name":{"kind":"Name","value":"checks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleOverviewLedgerHealthQuery, ConsoleOverviewLedgerHealthQueryVariables>;
export const ConsoleReconStatementSourcesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleReconStatementSources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statementSources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"templateName"}},{"kind":"Field","name":{"kind":"Name","value":"builtIn"}}]}}]}}]} as unknown as DocumentNode<ConsoleReconStatementSourcesQuery, ConsoleReconStatementSourcesQueryVariables>;
export const ConsoleReconStatementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleReconStatements"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"source"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"billDateFrom"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"billDateTo"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}}},{"kind":"Argument","name":{"kind":"Name","value":"source"},"value":{"kind":"Variable","name":{"kind":"Name","value":"source"}}},{"kind":"Argument","name":{"kind":"Name","value":"billDateFrom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"billDateFrom"}}},{"kind":"Argument","name":{"kind":"Name","value":"billDateTo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"billDateTo"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"template"}},{"kind":"Field","name":{"kind":"Name","value":"billDate"}},{"kind":"Field","name":{"kind":"Name","value":"contentHash"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"lineCount"}},{"kind":"Field","name":{"kind":"Name","value":"paymentCount"}},{"kind":"Field","name":{"kind":"Name","value":"paymentAmount"}},{"kind":"Field","name":{"kind":"Name","value":"refundCount"}},{"kind":"Field","name":{"kind":"Name","value":"refundAmount"}},{"kind":"Field","name":{"kind":"Name","value":"feeAmount"}},{"kind":"Field","name":{"kind":"Name","value":"person"}},{"kind":"Field","name":{"kind":"Name","value":"importedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleReconStatementsQuery, ConsoleReconStatementsQueryVariables>;
export const ConsoleReconImportStatementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleReconImportStatement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportStatementInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importStatement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"statement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"billDate"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"lineCount"}},{"kind":"Field","name":{"kind":"Name","value":"paymentCount"}},{"kind":"Field","name":{"kind":"Name","value":"paymentAmount"}},{"kind":"Field","name":{"kind":"Name","value":"refundCount"}},{"kind":"Field","name":{"kind":"Name","value":"refundAmount"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleReconImportStatementMutation, ConsoleReconImportStatementMutationVariables>;
export const ConsoleReconRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleReconRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"startTime"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"endTime"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"person"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"source"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reconciliationRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}}},{"kind":"Argument","name":{"kind":"Name","value":"startTime"},"value":{"kind":"Variable","name":{"kind":"Name","value":"startTime"}}},{"kind":"Argument","name":{"kind":"Name","value":"endTime"},"value":{"kind":"Variable","name":{"kind":"Name","value":"endTime"}}},{"kind":"Argument","name":{"kind":"Name","value":"person"},"value":{"kind":"Variable","name":{"kind":"Name","value":"person"}}},{"kind":"Argument","name":{"kind":"Name","value":"source"},"value":{"kind":"Variable","name":{"kind":"Name","value":"source"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleReconRunHeader"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleReconRunHeader"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReconciliationRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"sourceCode"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"person"}},{"kind":"Field","name":{"kind":"Name","value":"remark"}},{"kind":"Field","name":{"kind":"Name","value":"autoOnly"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"statementLineCount"}},{"kind":"Field","name":{"kind":"Name","value":"lineCount"}},{"kind":"Field","name":{"kind":"Name","value":"lineAmount"}},{"kind":"Field","name":{"kind":"Name","value":"matchedCount"}},{"kind":"Field","name":{"kind":"Name","value":"matchedAmount"}},{"kind":"Field","name":{"kind":"Name","value":"abnormalCount"}},{"kind":"Field","name":{"kind":"Name","value":"abnormalAmount"}},{"kind":"Field","name":{"kind":"Name","value":"doubtfulCount"}},{"kind":"Field","name":{"kind":"Name","value":"doubtfulAmount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<ConsoleReconRunsQuery, ConsoleReconRunsQueryVariables>;
export const ConsoleReconStartRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleReconStartRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartReconciliationRunInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startReconciliationRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleReconRunHeader"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleReconRunHeader"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReconciliationRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"sourceCode"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"person"}},{"kind":"Field","name":{"kind":"Name","value":"remark"}},{"kind":"Field","name":{"kind":"Name","value":"autoOnly"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"statementLineCount"}},{"kind":"Field","name":{"kind":"Name","value":"lineCount"}},{"kind":"Field","name":{"kind":"Name","value":"lineAmount"}},{"kind":"Field","name":{"kind":"Name","value":"matchedCount"}},{"kind":"Field","name":{"kind":"Name","value":"matchedAmount"}},{"kind":"Field","name":{"kind":"Name","value":"abnormalCount"}},{"kind":"Field","name":{"kind":"Name","value":"abnormalAmount"}},{"kind":"Field","name":{"kind":"Name","value":"doubtfulCount"}},{"kind":"Field","name":{"kind":"Name","value":"doubtfulAmount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<ConsoleReconStartRunMutation, ConsoleReconStartRunMutationVariables>;
export const ConsoleReconRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleReconRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"issue"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReconciliationIssue"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reconciliationRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleReconRunHeader"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}}},{"kind":"Argument","name":{"kind":"Name","value":"issue"},"value":{"kind":"Variable","name":{"kind":"Name","value":"issue"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"outTradeNo"}},{"kind":"Field","name":{"kind":"Name","value":"platformOrderNo"}},{"kind":"Field","name":{"kind":"Name","value":"transactionId"}},{"kind":"Field","name":{"kind":"Name","value":"issue"}},{"kind":"Field","name":{"kind":"Name","value":"issueCode"}},{"kind":"Field","name":{"kind":"Name","value":"issueText"}},{"kind":"Field","name":{"kind":"Name","value":"pendingIssue"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"tradeTime"}},{"kind":"Field","name":{"kind":"Name","value":"payMoney"}},{"kind":"Field","name":{"kind":"Name","value":"channelAmount"}},{"kind":"Field","name":{"kind":"Name","value":"platformAmount"}},{"kind":"Field","name":{"kind":"Name","value":"channelState"}},{"kind":"Field","name":{"kind":"Name","value":"platformState"}},{"kind":"Field","name":{"kind":"Name","value":"merchantId"}},{"kind":"Field","name":{"kind":"Name","value":"merchantName"}},{"kind":"Field","name":{"kind":"Name","value":"payer"}},{"kind":"Field","name":{"kind":"Name","value":"equipmentId"}},{"kind":"Field","name":{"kind":"Name","value":"resolved"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleReconRunHeader"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReconciliationRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"sourceCode"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"person"}},{"kind":"Field","name":{"kind":"Name","value":"remark"}},{"kind":"Field","name":{"kind":"Name","value":"autoOnly"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"statementLineCount"}},{"kind":"Field","name":{"kind":"Name","value":"lineCount"}},{"kind":"Field","name":{"kind":"Name","value":"lineAmount"}},{"kind":"Field","name":{"kind":"Name","value":"matchedCount"}},{"kind":"Field","name":{"kind":"Name","value":"matchedAmount"}},{"kind":"Field","name":{"kind":"Name","value":"abnormalCount"}},{"kind":"Field","name":{"kind":"Name","value":"abnormalAmount"}},{"kind":"Field","name":{"kind":"Name","value":"doubtfulCount"}},{"kind":"Field","name":{"kind":"Name","value":"doubtfulAmount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<ConsoleReconRunQuery, ConsoleReconRunQueryVariables>;
export const ConsoleReconDiscrepanciesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleReconDiscrepancies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"issue"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReconciliationIssue"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"source"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"resolved"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"platformOrderNo"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"startTime"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"endTime"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"discrepancies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}}},{"kind":"Argument","name":{"kind":"Name","value":"issue"},"value":{"kind":"Variable","name":{"kind":"Name","value":"issue"}}},{"kind":"Argument","name":{"kind":"Name","value":"source"},"value":{"kind":"Variable","name":{"kind":"Name","value":"source"}}},{"kind":"Argument","name":{"kind":"Name","value":"resolved"},"value":{"kind":"Variable","name":{"kind":"Name","value":"resolved"}}},{"kind":"Argument","name":{"kind":"Name","value":"platformOrderNo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"platformOrderNo"}}},{"kind":"Argument","name":{"kind":"Name","value":"startTime"},"value":{"kind":"Variable","name":{"kind":"Name","value":"startTime"}}},{"kind":"Argument","name":{"kind":"Name","value":"endTime"},"value":{"kind":"Variable","name":{"kind":"Name","value":"endTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"runCode"}},{"kind":"Field","name":{"kind":"Name","value":"platformOrderNo"}},{"kind":"Field","name":{"kind":"Name","value":"outTradeNo"}},{"kind":"Field","name":{"kind":"Name","value":"transactionId"}},{"kind":"Field","name":{"kind":"Name","value":"issue"}},{"kind":"Field","name":{"kind":"Name","value":"issueText"}},{"kind":"Field","name":{"kind":"Name","value":"pendingIssue"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"tradeTime"}},{"kind":"Field","name":{"kind":"Name","value":"payMoney"}},{"kind":"Field","name":{"kind":"Name","value":"channelAmount"}},{"kind":"Field","name":{"kind":"Name","value":"platformAmount"}},{"kind":"Field","name":{"kind":"Name","value":"channelState"}},{"kind":"Field","name":{"kind":"Name","value":"platformState"}},{"kind":"Field","name":{"kind":"Name","value":"platformStatus"}},{"kind":"Field","name":{"kind":"Name","value":"merchantId"}},{"kind":"Field","name":{"kind":"Name","value":"merchantName"}},{"kind":"Field","name":{"kind":"Name","value":"doubtfulSince"}},{"kind":"Field","name":{"kind":"Name","value":"resolved"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platformOrderNo"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"merchantIncome"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resolutions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleReconResolution"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleReconResolution"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Resolution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"executedAt"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]} as unknown as DocumentNode<ConsoleReconDiscrepanciesQuery, ConsoleReconDiscrepanciesQueryVariables>;
export const ConsoleReconResolveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleReconResolve"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResolveDiscrepancyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolveDiscrepancy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleReconResolution"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleReconResolution"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Resolution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"executedAt"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]} as unknown as DocumentNode<ConsoleReconResolveMutation, ConsoleReconResolveMutationVariables>;
export const ConsoleReconResolutionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleReconResolutions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"state"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ResolutionState"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolutions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}}},{"kind":"Argument","name":{"kind":"Name","value":"state"},"value":{"kind":"Variable","name":{"kind":"Name","value":"state"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleReconResolution"}},{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"runCode"}},{"kind":"Field","name":{"kind":"Name","value":"issue"}},{"kind":"Field","name":{"kind":"Name","value":"issueText"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"platformOrderNo"}},{"kind":"Field","name":{"kind":"Name","value":"outTradeNo"}},{"kind":"Field","name":{"kind":"Name","value":"payMoney"}},{"kind":"Field","name":{"kind":"Name","value":"channelAmount"}},{"kind":"Field","name":{"kind":"Name","value":"platformAmount"}},{"kind":"Field","name":{"kind":"Name","value":"channelState"}},{"kind":"Field","name":{"kind":"Name","value":"platformState"}},{"kind":"Field","name":{"kind":"Name","value":"merchantId"}},{"kind":"Field","name":{"kind":"Name","value":"merchantName"}},{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platformOrderNo"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"merchantIncome"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleReconResolution"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Resolution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"executedAt"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]} as unknown as DocumentNode<ConsoleReconResolutionsQuery, ConsoleReconResolutionsQueryVariables>;
export const ConsoleReconApproveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleReconApprove"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApproveResolutionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveResolution"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleReconResolution"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleReconResolution"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Resolution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"executedAt"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]} as unknown as DocumentNode<ConsoleReconApproveMutation, ConsoleReconApproveMutationVariables>;
export const ConsoleReconRejectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleReconReject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RejectResolutionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectResolution"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleReconResolution"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleReconResolution"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Resolution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"executedAt"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]} as unknown as DocumentNode<ConsoleReconRejectMutation, ConsoleReconRejectMutationVariables>;
export const ConsoleSettlementAccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleSettlementAccounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SettlementAccountFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"settlementAccounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleSettlementAccountFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleSettlementAccountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SettlementAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"merchantId"}},{"kind":"Field","name":{"kind":"Name","value":"merchantName"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"accountName"}},{"kind":"Field","name":{"kind":"Name","value":"accountNo"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"remarks"}},{"kind":"Field","name":{"kind":"Name","value":"settledUntil"}},{"kind":"Field","name":{"kind":"Name","value":"isDelete"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ConsoleSettlementAccountsQuery, ConsoleSettlementAccountsQueryVariables>;
export const ConsoleSettlementCreateAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSettlementCreateAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSettlementAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSettlementAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleSettlementAccountFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleSettlementAccountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SettlementAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"merchantId"}},{"kind":"Field","name":{"kind":"Name","value":"merchantName"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"accountName"}},{"kind":"Field","name":{"kind":"Name","value":"accountNo"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"remarks"}},{"kind":"Field","name":{"kind":"Name","value":"settledUntil"}},{"kind":"Field","name":{"kind":"Name","value":"isDelete"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ConsoleSettlementCreateAccountMutation, ConsoleSettlementCreateAccountMutationVariables>;
export const ConsoleSettlementUpdateAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSettlementUpdateAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateSettlementAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSettlementAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleSettlementAccountFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleSettlementAccountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SettlementAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"merchantId"}},{"kind":"Field","name":{"kind":"Name","value":"merchantName"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"accountName"}},{"kind":"Field","name":{"kind":"Name","value":"accountNo"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"remarks"}},{"kind":"Field","name":{"kind":"Name","value":"settledUntil"}},{"kind":"Field","name":{"kind":"Name","value":"isDelete"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ConsoleSettlementUpdateAccountMutation, ConsoleSettlementUpdateAccountMutationVariables>;
export const ConsoleSettlementDeleteAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSettlementDeleteAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteSettlementAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteSettlementAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isDelete"}}]}}]}}]} as unknown as DocumentNode<ConsoleSettlementDeleteAccountMutation, ConsoleSettlementDeleteAccountMutationVariables>;
export const ConsoleSettlementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleSettlements"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SettlementFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"settlements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"merchantId"}},{"kind":"Field","name":{"kind":"Name","value":"merchantName"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"orderCount"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"orderTotal"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"person"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"settlementTime"}},{"kind":"Field","name":{"kind":"Name","value":"settledBy"}},{"kind":"Field","name":{"kind":"Name","value":"remark"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"voucher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"accountName"}},{"kind":"Field","name":{"kind":"Name","value":"accountNo"}},{"kind":"Field","name":{"kind":"Name","value":"period"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleSettlementsQuery, ConsoleSettlementsQueryVariables>;
export const ConsoleSettlementRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSettlementRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RunSettlementsInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runSettlements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"settlementsCreated"}},{"kind":"Field","name":{"kind":"Name","value":"ordersSettled"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]} as unknown as DocumentNode<ConsoleSettlementRunMutation, ConsoleSettlementRunMutationVariables>;
export const ConsoleSettlementSettleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSettlementSettle"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SettleSettlementInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"settleSettlement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"settlementTime"}},{"kind":"Field","name":{"kind":"Name","value":"voucher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleSettlementSettleMutation, ConsoleSettlementSettleMutationVariables>;
export const ConsoleWithdrawalsListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleWithdrawalsList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"statusCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"startTime"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"endTime"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"merchantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}}},{"kind":"Argument","name":{"kind":"Name","value":"statusCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"statusCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"startTime"},"value":{"kind":"Variable","name":{"kind":"Name","value":"startTime"}}},{"kind":"Argument","name":{"kind":"Name","value":"endTime"},"value":{"kind":"Variable","name":{"kind":"Name","value":"endTime"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawNo"}},{"kind":"Field","name":{"kind":"Name","value":"merchantId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"fee"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusCode"}},{"kind":"Field","name":{"kind":"Name","value":"agentPayStatusName"}},{"kind":"Field","name":{"kind":"Name","value":"notifyStatusName"}},{"kind":"Field","name":{"kind":"Name","value":"accountName"}},{"kind":"Field","name":{"kind":"Name","value":"bankName"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"maskedAccountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleWithdrawalsListQuery, ConsoleWithdrawalsListQueryVariables>;
export const ConsoleWithdrawalsOneDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleWithdrawalsOne"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withdrawNo"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"withdrawNo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withdrawNo"}}},{"kind":"Argument","name":{"kind":"Name","value":"merchantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawNo"}},{"kind":"Field","name":{"kind":"Name","value":"merchantId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"fee"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusCode"}},{"kind":"Field","name":{"kind":"Name","value":"agentPayStatusName"}},{"kind":"Field","name":{"kind":"Name","value":"notifyStatusName"}},{"kind":"Field","name":{"kind":"Name","value":"accountName"}},{"kind":"Field","name":{"kind":"Name","value":"bankName"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"maskedAccountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleWithdrawalsOneQuery, ConsoleWithdrawalsOneQueryVariables>;
export const ConsoleWithdrawalsRequestContextDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleWithdrawalsRequestContext"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"merchant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"twoFactorEnabled"}}]}},{"kind":"Field","name":{"kind":"Name","value":"merchantBalance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"merchantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"pendingWithdrawal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bankCards"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"merchantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}}},{"kind":"Argument","name":{"kind":"Name","value":"approved"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"bankName"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"accountName"}},{"kind":"Field","name":{"kind":"Name","value":"maskedNumber"}}]}}]}}]} as unknown as DocumentNode<ConsoleWithdrawalsRequestContextQuery, ConsoleWithdrawalsRequestContextQueryVariables>;
export const ConsoleWithdrawalsRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleWithdrawalsRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestWithdrawalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestWithdrawal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawNo"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"fee"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balanceAfter"}},{"kind":"Field","name":{"kind":"Name","value":"pendingWithdrawal"}},{"kind":"Field","name":{"kind":"Name","value":"frozenToday"}},{"kind":"Field","name":{"kind":"Name","value":"fee"}}]}}]}}]} as unknown as DocumentNode<ConsoleWithdrawalsRequestMutation, ConsoleWithdrawalsRequestMutationVariables>;
export const ConsoleWithdrawalsMarkPaidDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleWithdrawalsMarkPaid"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MarkWithdrawalPaidInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markWithdrawalPaid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawNo"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusCode"}}]}}]}}]} as unknown as DocumentNode<ConsoleWithdrawalsMarkPaidMutation, ConsoleWithdrawalsMarkPaidMutationVariables>;
export const ConsoleWithdrawalsFreezeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleWithdrawalsFreeze"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FreezeWithdrawalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"freezeWithdrawal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawNo"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusCode"}}]}}]}}]} as unknown as DocumentNode<ConsoleWithdrawalsFreezeMutation, ConsoleWithdrawalsFreezeMutationVariables>;
export const ConsoleWithdrawalsCancelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleWithdrawalsCancel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelWithdrawalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelWithdrawal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawNo"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusCode"}}]}}]}}]} as unknown as DocumentNode<ConsoleWithdrawalsCancelMutation, ConsoleWithdrawalsCancelMutationVariables>;
export const ConsoleWithdrawalsBankCardsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleWithdrawalsBankCards"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"approved"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bankCards"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"merchantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}}},{"kind":"Argument","name":{"kind":"Name","value":"approved"},"value":{"kind":"Variable","name":{"kind":"Name","value":"approved"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"merchantId"}},{"kind":"Field","name":{"kind":"Name","value":"accountName"}},{"kind":"Field","name":{"kind":"Name","value":"bankName"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"province"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"unionpayCode"}},{"kind":"Field","name":{"kind":"Name","value":"approved"}},{"kind":"Field","name":{"kind":"Name","value":"approvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"maskedNumber"}}]}}]}}]} as unknown as DocumentNode<ConsoleWithdrawalsBankCardsQuery, ConsoleWithdrawalsBankCardsQueryVariables>;
export const ConsoleWithdrawalsApproveCardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleWithdrawalsApproveCard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApproveBankCardInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveBankCard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"approved"}},{"kind":"Field","name":{"kind":"Name","value":"approvedAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleWithdrawalsApproveCardMutation, ConsoleWithdrawalsApproveCardMutationVariables>;