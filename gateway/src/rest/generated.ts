/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** Agent-pay (代付) status of a withdrawal. */
export type AgentPayStatus =
  | 'FAILED'
  | 'NOT_SUBMITTED'
  | 'SUBMITTED'
  | 'SUCCEEDED';

/** Create an order (the `/createorder` rules). */
export type CreateOrderInput = {
  /** Amount in yuan with at most two decimals, e.g. "100.00". */
  amount: string;
  /** Data echoed in notifications. */
  attach?: string | null | undefined;
  /** Bank code for bank channels. */
  bankCode?: string | null | undefined;
  /** Return the cashier page link instead of the raw pay link. */
  cashier?: boolean | null | undefined;
  /** Cashier id. */
  cashierId?: string | null | undefined;
  /** Channel code; the first available channel when absent. */
  channelCode?: string | null | undefined;
  /** Payer's IP; default the caller's. */
  clientIp?: string | null | undefined;
  /** Product title; default 商品支付. */
  description?: string | null | undefined;
  /** Device number. */
  deviceNo?: string | null | undefined;
  /** Jump flag passed to the cashier. */
  jumpFlag?: string | null | undefined;
  /** Merchant id; required for platform roles, implied for MERCHANT. */
  merchantId?: number | null | undefined;
  /** Merchant's order number; generated when absent. */
  merchantOrderNo?: string | null | undefined;
  /** Notification body: FORM (default) or JSON. */
  notifyStyle?: NotifyStyle | null | undefined;
  /** Notification URL; default https://example.com. */
  notifyUrl?: string | null | undefined;
  /** 0 normal, 1 recharge, 2 deposit, 3 test, 4 merchant QR code. */
  orderStyle?: number | null | undefined;
  /** Custom payment method. */
  paymentMethod?: string | null | undefined;
  /** Return URL; default https://example.com. */
  returnUrl?: string | null | undefined;
  /** Signature separator; default |. */
  signString?: string | null | undefined;
  /** Store id. */
  storeId?: string | null | undefined;
  /** Sub-merchant user id. */
  subUserId?: string | null | undefined;
};

/** An incoming payment's status. */
export type IncomingPaymentStatus =
  /** The payment failed (legacy 0). */
  | 'FAILED'
  /** Paid: credited to the main account less the in-fee (legacy 1). */
  | 'PAID'
  /** Waiting for the channel’s result (legacy -1). */
  | 'WAITING';

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

/** Body format of merchant notifications. */
export type NotifyStyle =
  | 'FORM'
  | 'JSON';

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

/** How the payer pays on a channel. */
export type PayType =
  | 'ALIPAY'
  | 'OTHER'
  | 'QQ'
  | 'UNIONPAY'
  | 'WECHAT';

/** Filters of the reconciliation list (`/pay/consume_order`); all must hold. */
export type ReconciliationOrderFilter = {
  /** Amount at most this much (yuan). */
  amountMax?: string | null | undefined;
  /** Amount at least this much (yuan, e.g. "1.00"). */
  amountMin?: string | null | undefined;
  /** Automatic reconciliation on (true) or off (false). */
  autoReconcile?: boolean | null | undefined;
  /** Platform order number (`code`). */
  code?: string | null | undefined;
  /** Created at or before. */
  endTime?: string | null | undefined;
  /** Merchant id. */
  merchantId?: number | null | undefined;
  /** Merchant name contains this (`merchant__name`). */
  merchantName?: string | null | undefined;
  /** `pay_method`: 1 unpaid, 2 WeChat, 3 Alipay. */
  payMethod?: number | null | undefined;
  /** Reconciliation status. */
  reconciliationStatus?: ReconciliationStatus | null | undefined;
  /** Reconciliation status code 1-5 (`reconciliation_status`). */
  reconciliationStatusCode?: number | null | undefined;
  /** Created at or after. */
  startTime?: string | null | undefined;
  /** Amount at least this many fen (`total_fee__gte`). */
  totalFeeGte?: number | null | undefined;
  /** Amount at most this many fen (`total_fee__lte`). */
  totalFeeLte?: number | null | undefined;
};

/** Where an order stands in reconciliation. */
export type ReconciliationStatus =
  | 'ABNORMAL'
  | 'DOUBTFUL'
  | 'NOT_YET'
  | 'RECONCILED'
  | 'REVERSED';

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

/** Switch automatic reconciliation of one order (`/pay/consume_order` POST). */
export type SetAutoReconcileInput = {
  /** Whether the daily automatic run reconciles it. */
  auto: boolean;
  /** Platform order number (the legacy `code`). */
  platformOrderNo: string;
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

/** Whether a settlement was paid out (legacy `state`: 1 待结算, 2 已结算). */
export type SettlementState =
  /** 待结算 (1): built, not paid out yet. */
  | 'PENDING'
  /** 已结算 (2): paid out with a voucher; the ledger holds the payout. */
  | 'SETTLED';

/** Order list filters plus the store and cashier (open API reconciliation). */
export type StoreOrderFilterInput = {
  /** Cashier id (open API `cashier_id`). */
  cashierId?: string | null | undefined;
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
  /** Store id (open API `store_id`). */
  storeId?: string | null | undefined;
};

export type AccountClearingBalanceQueryVariables = Exact<{
  mainAccountId: string | number;
}>;


export type AccountClearingBalanceQuery = { mainAccount: { id: string, mainAccountUid: number, totalInAmount: string, totalInFee: string, inFeeRate: number, totalShareAmount: string, totalShareFee: string, shareFeeRate: number, balance: string, totalWithdrawAmount: string, totalWithdrawFee: string, withdrawFeeRate: number } | null };

export type AccountClearingInDetailQueryVariables = Exact<{
  mainAccountId: string | number;
  page?: number | null | undefined;
  startTime?: string | null | undefined;
  endTime?: string | null | undefined;
  status?: IncomingPaymentStatus | null | undefined;
}>;


export type AccountClearingInDetailQuery = { incomingPayments: { nodes: Array<{ id: string, mainAccountUid: number, clientSn: string, sn: string, amount: string, msg: string, payWay: string, statusCode: number, genTime: string, payTime: string | null }> } };

export type AccountClearingSharedDetailQueryVariables = Exact<{
  mainAccountId: string | number;
  page?: number | null | undefined;
}>;


export type AccountClearingSharedDetailQuery = { clearingRecords: { nodes: Array<{ clientSn: string, childPhone: string, amount: string, changedType: number, message: string, genTime: string, completeTime: string | null }> } };

export type AccountClearingWithdrawDetailQueryVariables = Exact<{
  mainAccountId: string | number;
  page?: number | null | undefined;
}>;


export type AccountClearingWithdrawDetailQuery = { childWithdrawals: { nodes: Array<{ clientSn: string, childPhone: string, amount: string, changedType: number, message: string, genTime: string, completeTime: string | null, status: number }> } };

export type AccountClearingChildrenDetailQueryVariables = Exact<{
  mainAccountId: string | number;
  page?: number | null | undefined;
  phone?: string | null | undefined;
}>;


export type AccountClearingChildrenDetailQuery = { childAccounts: { nodes: Array<{ maskedPhone: string, balance: string, lastModifiedTime: string | null, createdAt: string }> } };

export type AccountClearingChildDetailQueryVariables = Exact<{
  mainAccountId: string | number;
  phone: string;
  page?: number | null | undefined;
  startTime?: string | null | undefined;
  endTime?: string | null | undefined;
}>;


export type AccountClearingChildDetailQuery = { childBalanceChanges: { phone: string, balance: string, lastModifiedTime: string | null, nodes: Array<{ phone: string, changedAmount: string, currentAmount: string, changedType: number, message: string, time: string }> } };

export type CrmMerchantDetailBillQueryVariables = Exact<{
  merchantId: number;
}>;


export type CrmMerchantDetailBillQuery = { merchant: { id: number, prepaidBalance: string, billingSummary: { totalLeft: string, thisMonthLeft: string, bills: Array<{ payRemark: string, orderCount: number, received: string, receivable: string, salesTotal: string, groupIndex: string, merchantName: string | null, billTimestamp: number, salesName: string | null, billMonth: string, left: string }> } } | null };

export type CrmMerchantReceivableDetailQueryVariables = Exact<{
  merchantId: number;
}>;


export type CrmMerchantReceivableDetailQuery = { merchant: { id: number, billReceipts: Array<{ amount: string, methodText: string, date: string, timestamp: number }> } | null };

export type CrmMerchantApiRechargeMutationVariables = Exact<{
  merchantId: number;
  amount: string;
  requestId?: string | null | undefined;
}>;


export type CrmMerchantApiRechargeMutation = { apiRechargeWallet: { id: string } };

export type CrmCreateMerchantRechargeMutationVariables = Exact<{
  merchantId: number;
  amount: string;
}>;


export type CrmCreateMerchantRechargeMutation = { createWalletRecharge: { id: string, payUrl: string | null } };

export type MerchantApiBalanceQueryVariables = Exact<{
  merchantId: number;
  historyDays: number;
}>;


export type MerchantApiBalanceQuery = { merchant: { id: number, balance: { merchantId: number, available: string, pendingWithdrawal: string, currency: string, updatedAt: string | null, historyBalance: { days: number, balance: string } } } | null };

export type MerchantApiChannelStatusQueryVariables = Exact<{
  merchantId: number;
}>;


export type MerchantApiChannelStatusQuery = { channelStatus: Array<{ channelCode: string, channelName: string, systemEnabled: boolean, merchantEnabled: boolean, rate: number, userDefinedRate: boolean, roundRobin: boolean, minAmount: string, maxAmount: string | null, dailyQuota: string | null, dailyUsed: string | null, lastUsedAt: string | null }> };

export type MerchantApiCreateOrderMutationVariables = Exact<{
  input: CreateOrderInput;
}>;


export type MerchantApiCreateOrderMutation = { createOrder: { paymentUrl: string, payment: Record<string, unknown> | null, orderMd5: string, order: { id: string, merchantOrderNo: string, platformOrderNo: string, amount: string, channelCode: string, productTitle: string, statusCode: number } } };

export type MerchantApiFeeStatementQueryVariables = Exact<{
  merchantId: number;
  startTime?: string | null | undefined;
  endTime?: string | null | undefined;
}>;


export type MerchantApiFeeStatementQuery = { feeStatement: { startDate: string, endDate: string, orderCount: number, grossAmount: string, merchantIncome: string, agentIncome: string, platformIncome: string, platformFee: string } };

export type MerchantApiFindPzidByOrderQueryVariables = Exact<{
  merchantOrderNo?: string | null | undefined;
  platformOrderNo?: string | null | undefined;
}>;


export type MerchantApiFindPzidByOrderQuery = { order: { id: string, merchantOrderNo: string, merchantOrderNoFull: string, platformOrderNo: string, pzid: number, channelCode: string, statusCode: number, statusName: string, statusText: string, upstreamConfig: { name: string }, channel: { name: string } } | null };

export type MerchantApiCancelOrderMutationVariables = Exact<{
  input: ManualOrderActionInput;
}>;


export type MerchantApiCancelOrderMutation = { cancelOrder: { message: string, unchanged: boolean, order: { merchantOrderNo: string, platformOrderNo: string, statusCode: number, statusName: string, statusText: string, notifyStatusCode: number, notifyStatusName: string, notifyStatusText: string, amount: string, merchantIncome: string, agentIncome: string, channelCode: string, createdAt: string, paidAt: string | null, productTitle: string, attach: string, notifyUrl: string, returnUrl: string, channel: { name: string } } } };

export type MerchantApiCompleteOrderMutationVariables = Exact<{
  input: ManualOrderActionInput;
}>;


export type MerchantApiCompleteOrderMutation = { completeOrder: { message: string, unchanged: boolean, order: { merchantOrderNo: string, platformOrderNo: string, statusCode: number, statusName: string, statusText: string, notifyStatusCode: number, notifyStatusName: string, notifyStatusText: string, amount: string, merchantIncome: string, agentIncome: string, channelCode: string, createdAt: string, paidAt: string | null, productTitle: string, attach: string, notifyUrl: string, returnUrl: string, channel: { name: string } } } };

export type MerchantApiManualAdjustmentsQueryVariables = Exact<{
  merchantId: number;
  startTime?: string | null | undefined;
  endTime?: string | null | undefined;
  page: number;
  pageSize: number;
}>;


export type MerchantApiManualAdjustmentsQuery = { manualAdjustments: { page: number, pageSize: number, totalCount: number, totalPages: number, nodes: Array<{ id: string, amount: string, balanceAfter: string | null, type: number, typeName: string, description: string, orderNo: string | null, uniqueNo: string, createdAt: string }> } };

export type MerchantApiMoneyLogsQueryVariables = Exact<{
  merchantId: number;
  type?: number | null | undefined;
  startTime?: string | null | undefined;
  endTime?: string | null | undefined;
  page: number;
  pageSize: number;
}>;


export type MerchantApiMoneyLogsQuery = { moneyLogs: { page: number, pageSize: number, totalCount: number, totalPages: number, nodes: Array<{ id: string, amount: string, balanceAfter: string | null, type: number, typeName: string, description: string, orderNo: string | null, uniqueNo: string, createdAt: string }> } };

export type MerchantApiNotifyLogsQueryVariables = Exact<{
  merchantId: number;
  merchantOrderNo?: string | null | undefined;
  platformOrderNo?: string | null | undefined;
  page: number;
  pageSize: number;
}>;


export type MerchantApiNotifyLogsQuery = { notifyLogs: { page: number, pageSize: number, totalCount: number, totalPages: number, nodes: Array<{ id: string, callbackUrl: string, requestPayload: Record<string, unknown>, httpStatus: number | null, responseBody: string, createdAt: string, order: { merchantOrderNo: string, merchantOrderNoFull: string } }> } };

export type MerchantApiOrderItemFragment = { merchantOrderNo: string, platformOrderNo: string, statusCode: number, statusName: string, statusText: string, notifyStatusCode: number, notifyStatusName: string, notifyStatusText: string, amount: string, merchantIncome: string, agentIncome: string, channelCode: string, createdAt: string, paidAt: string | null, productTitle: string, attach: string, notifyUrl: string, returnUrl: string, channel: { name: string } };

export type MerchantApiOrderDetailQueryVariables = Exact<{
  merchantOrderNo?: string | null | undefined;
  platformOrderNo?: string | null | undefined;
  withNotifyLogs: boolean;
}>;


export type MerchantApiOrderDetailQuery = { order: { id: string, merchantOrderNoFull: string, requestIp: string, upstreamOrderNo: string | null, notifyAttempts: number, deductStatus: number, channelFee: string, platformProfit: string, merchantOrderNo: string, platformOrderNo: string, statusCode: number, statusName: string, statusText: string, notifyStatusCode: number, notifyStatusName: string, notifyStatusText: string, amount: string, merchantIncome: string, agentIncome: string, channelCode: string, createdAt: string, paidAt: string | null, productTitle: string, attach: string, notifyUrl: string, returnUrl: string, requestParameters: { description: string | null, attach: string | null, notifyUrl: string | null, returnUrl: string | null, clientIp: string | null, bankCode: string | null, paymentMethod: string | null, subUserId: string | null, notifyStyle: string | null, signString: string | null }, notifyLogs?: Array<{ id: string, callbackUrl: string, requestPayload: Record<string, unknown>, responseBody: string, createdAt: string }>, channel: { name: string } } | null };

export type MerchantApiOrdersQueryVariables = Exact<{
  filter: OrderFilterInput;
  page: number;
  pageSize: number;
}>;


export type MerchantApiOrdersQuery = { orders: { page: number, pageSize: number, totalCount: number, totalPages: number, nodes: Array<{ merchantOrderNo: string, platformOrderNo: string, statusCode: number, statusName: string, statusText: string, notifyStatusCode: number, notifyStatusName: string, notifyStatusText: string, amount: string, merchantIncome: string, agentIncome: string, channelCode: string, createdAt: string, paidAt: string | null, productTitle: string, attach: string, notifyUrl: string, returnUrl: string, channel: { name: string } }>, summary: { grossAmount: string, merchantIncome: string, agentIncome: string } } };

export type MerchantApiRatesQueryVariables = Exact<{
  merchantId: number;
}>;


export type MerchantApiRatesQuery = { merchantRates: Array<{ channelCode: string, channelName: string, status: string, merchantSwitch: boolean, systemSwitch: boolean, rate: number, rateDisplay: string, userDefinedRate: boolean }> };

export type MerchantApiRiskStatsQueryVariables = Exact<{
  merchantId: number;
  highAmount?: string | null | undefined;
}>;


export type MerchantApiRiskStatsQuery = { riskStats: { generatedAt: string, pendingOver30m: number, highValueToday: number, failedNotifications: number, withheld: number } };

export type MerchantApiSendMoneyMutationVariables = Exact<{
  input: RequestWithdrawalInput;
}>;


export type MerchantApiSendMoneyMutation = { requestWithdrawal: { balanceAfter: string, pendingWithdrawal: string, frozenToday: string, fee: string, withdrawal: { id: string, withdrawNo: string, amount: string, fee: string, statusCode: number, statusName: string, agentPayStatusCode: number, agentPayStatusName: string, notifyStatusCode: number, notifyStatusName: string, accountName: string, maskedAccountNumber: string, bankName: string, branch: string | null, province: string | null, city: string | null, unionpayCode: string | null, createdAt: string, extend: unknown } } };

export type MerchantApiStatsQueryVariables = Exact<{
  merchantId: number;
}>;


export type MerchantApiStatsQuery = { merchantStats: { today: { orderCount: number, grossAmount: string, merchantIncome: string, agentIncome: string }, yesterday: { orderCount: number, grossAmount: string, merchantIncome: string, agentIncome: string }, total: { orderCount: number, grossAmount: string, merchantIncome: string, agentIncome: string }, pending: { orderCount: number, grossAmount: string } } };

export type MerchantApiStatsPeriodFragment = { orderCount: number, grossAmount: string, merchantIncome: string, agentIncome: string };

export type MerchantApiSummaryByDayQueryVariables = Exact<{
  merchantId: number;
  startTime?: string | null | undefined;
  endTime?: string | null | undefined;
  channelCode?: string | null | undefined;
}>;


export type MerchantApiSummaryByDayQuery = { dailySummary: { startDate: string, endDate: string, channelCode: string | null, items: Array<{ date: string, orderCount: number, grossAmount: string, merchantIncome: string, agentIncome: string }> } };

export type MerchantApiSummaryByDayChannelQueryVariables = Exact<{
  merchantId: number;
  startTime?: string | null | undefined;
  endTime?: string | null | undefined;
  channelCodes?: Array<string> | string | null | undefined;
}>;


export type MerchantApiSummaryByDayChannelQuery = { dailyChannelSummary: { startDate: string, endDate: string, channelCodes: Array<string> | null, items: Array<{ date: string, orderCount: number, grossAmount: string, merchantIncome: string, agentIncome: string, channelCode: string, channelName: string }> } };

export type MerchantApiSummaryByDayPzidQueryVariables = Exact<{
  pzid: number;
  startTime?: string | null | undefined;
  endTime?: string | null | undefined;
}>;


export type MerchantApiSummaryByDayPzidQuery = { dailyUpstreamSummary: { pzid: number, pzName: string, startDate: string, endDate: string, items: Array<{ date: string, orderCount: number, grossAmount: string, merchantIncome: string, agentIncome: string }> } | null };

export type MerchantApiWithdrawalFieldsFragment = { id: string, withdrawNo: string, amount: string, fee: string, statusCode: number, statusName: string, agentPayStatusCode: number, agentPayStatusName: string, notifyStatusCode: number, notifyStatusName: string, accountName: string, maskedAccountNumber: string, bankName: string, branch: string | null, province: string | null, city: string | null, unionpayCode: string | null, createdAt: string, extend: unknown };

export type MerchantApiWithdrawDetailQueryVariables = Exact<{
  merchantId: number;
  id?: string | number | null | undefined;
  withdrawNo?: string | null | undefined;
}>;


export type MerchantApiWithdrawDetailQuery = { withdrawal: { id: string, withdrawNo: string, amount: string, fee: string, statusCode: number, statusName: string, agentPayStatusCode: number, agentPayStatusName: string, notifyStatusCode: number, notifyStatusName: string, accountName: string, maskedAccountNumber: string, bankName: string, branch: string | null, province: string | null, city: string | null, unionpayCode: string | null, createdAt: string, extend: unknown, notifyLogs: Array<{ id: string, callbackUrl: string, requestPayload: Record<string, unknown>, httpStatus: number | null, responseBody: string, delivered: boolean, createdAt: string }>, upstreamRecords: Array<{ id: string, provider: string, upstreamNo: string | null, amount: string, status: AgentPayStatus, message: string, createdAt: string }> } | null };

export type MerchantApiWithdrawListQueryVariables = Exact<{
  merchantId: number;
  statusCode?: number | null | undefined;
  startTime?: string | null | undefined;
  endTime?: string | null | undefined;
  page: number;
  pageSize: number;
}>;


export type MerchantApiWithdrawListQuery = { withdrawals: { page: number, pageSize: number, totalCount: number, totalPages: number, nodes: Array<{ id: string, withdrawNo: string, amount: string, fee: string, statusCode: number, statusName: string, agentPayStatusCode: number, agentPayStatusName: string, notifyStatusCode: number, notifyStatusName: string, accountName: string, maskedAccountNumber: string, bankName: string, branch: string | null, province: string | null, city: string | null, unionpayCode: string | null, createdAt: string, extend: unknown }> } };

export type OpenApiReconciliationOrdersQueryVariables = Exact<{
  filter?: StoreOrderFilterInput | null | undefined;
  page: number;
  pageSize: number;
}>;


export type OpenApiReconciliationOrdersQuery = { storeOrders: { totalCount: number, nodes: Array<{ platformOrderNo: string, merchantOrderNo: string, createdAt: string, amount: string, merchantFee: string, merchantIncome: string, storeId: string | null, cashierId: string | null, paidAt: string | null, statusCode: number, payType: PayType, deviceNo: string | null }> } };

export type PayAdminConsumeOrdersQueryVariables = Exact<{
  page?: number | null | undefined;
  pageSize?: number | null | undefined;
  filter?: ReconciliationOrderFilter | null | undefined;
}>;


export type PayAdminConsumeOrdersQuery = { reconciliationOrders: { totalCount: number, statistics: { orderNum: number, countPrice: string, successBill: number, successPrice: string, failBill: number, failPrice: string }, nodes: Array<{ platformOrderNo: string, merchantName: string, equipmentNo: string | null, amount: string, payMethod: number | null, createdAt: string, reconciliationStatusCode: number, autoReconcile: boolean }> } };

export type PayAdminSetAutoReconcileMutationVariables = Exact<{
  input: SetAutoReconcileInput;
}>;


export type PayAdminSetAutoReconcileMutation = { setAutoReconcile: boolean };

export type PayAdminOrderDetailsQueryVariables = Exact<{
  platformOrderNo: string;
  payWay?: number | null | undefined;
}>;


export type PayAdminOrderDetailsQuery = { orderBill: { billData: Array<{ platformOrderNo: string, equipmentNo: string | null, amount: string, payerNickname: string | null, reconciliationStatusCode: number, payMethod: number | null, adminStatusCode: number, createdAt: string }>, thirdBill: { tradeTime: string, platformOrderNo: string | null, device: string | null, amount: string, payer: string | null, transactionId: string | null } | null, billInfo: { runCode: string, note: string, createdAt: string, issueCode: number, run: { person: string } | null } | null } | null };

export type PayAdminCheckRecordsQueryVariables = Exact<{
  page?: number | null | undefined;
  pageSize?: number | null | undefined;
  startTime?: string | null | undefined;
  endTime?: string | null | undefined;
  person?: string | null | undefined;
}>;


export type PayAdminCheckRecordsQuery = { reconciliationRuns: { totalCount: number, nodes: Array<{ createdAt: string, person: string, code: string }> } };

export type PayAdminCheckBillsQueryVariables = Exact<{
  code: string;
  page?: number | null | undefined;
  pageSize?: number | null | undefined;
}>;


export type PayAdminCheckBillsQuery = { reconciliationRun: { isDeleted: boolean, code: string, person: string, remark: string | null, lineCount: number, lineAmount: string, matchedCount: number, matchedAmount: string, abnormalCount: number, abnormalAmount: string, periodStart: string, periodEnd: string, createdAt: string, results: { totalPages: number, nodes: Array<{ isDeleted: boolean, code: string, runCode: string, outTradeNo: string | null, sourceCode: number | null, issueCode: number, createdAt: string, tradeTime: string | null, payMoney: string, payer: string | null, note: string, merchantName: string | null, equipmentId: string | null }> } } | null };

export type PayAdminAccountsQueryVariables = Exact<{
  page?: number | null | undefined;
  pageSize?: number | null | undefined;
  filter?: SettlementAccountFilter | null | undefined;
}>;


export type PayAdminAccountsQuery = { settlementAccounts: { totalCount: number, nodes: Array<{ isDelete: boolean, code: string, merchantName: string | null, methodCode: number, accountName: string, accountNo: string, periodCode: number, remarks: string | null, createdAt: string }> } };

export type PayAdminSettlementRowFragment = { isDelete: boolean, code: string, merchantName: string | null, orderCount: number, total: string, methodCode: number, periodStart: string | null, periodEnd: string, person: string, settlementTime: string | null, stateCode: number, remark: string | null, createdAt: string, voucher: { url: string } | null };

export type PayAdminSettlementsQueryVariables = Exact<{
  page?: number | null | undefined;
  pageSize?: number | null | undefined;
  filter?: SettlementFilter | null | undefined;
}>;


export type PayAdminSettlementsQuery = { settlements: { totalCount: number, nodes: Array<{ isDelete: boolean, code: string, merchantName: string | null, orderCount: number, total: string, methodCode: number, periodStart: string | null, periodEnd: string, person: string, settlementTime: string | null, stateCode: number, remark: string | null, createdAt: string, voucher: { url: string } | null }> } };

export type PayAdminSettleSettlementMutationVariables = Exact<{
  input: SettleSettlementInput;
}>;


export type PayAdminSettleSettlementMutation = { settleSettlement: { isDelete: boolean, code: string, merchantName: string | null, orderCount: number, total: string, methodCode: number, periodStart: string | null, periodEnd: string, person: string, settlementTime: string | null, stateCode: number, remark: string | null, createdAt: string, voucher: { url: string } | null } };
