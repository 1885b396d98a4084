import { AppError, type Actor, type SignableValue } from '@pay/common';
import { runsOperation } from '../operation-route';
import type { RestContext } from '../rest-context';
import type { VerifiedMainAccount } from './account-auth';
import type { EnvelopeStyle } from './account-envelope';
import {
  fen,
  isoLikeTime,
  optionalParam,
  pageParam,
  secondsParam,
  shortTime,
  statusParam,
} from './account-format';
import type {
  AccountClearingBalanceQuery,
  AccountClearingBalanceQueryVariables,
  AccountClearingChildDetailQuery,
  AccountClearingChildDetailQueryVariables,
  AccountClearingChildrenDetailQuery,
  AccountClearingChildrenDetailQueryVariables,
  AccountClearingInDetailQuery,
  AccountClearingInDetailQueryVariables,
  AccountClearingSharedDetailQuery,
  AccountClearingSharedDetailQueryVariables,
  AccountClearingWithdrawDetailQuery,
  AccountClearingWithdrawDetailQueryVariables,
} from '../generated';

/** What an endpoint's handler gets: the signed parameters, the verified main account and its actor. */
export interface AccountRequest {
  params: Record<string, SignableValue>;
  main: VerifiedMainAccount;
  actor: Actor;
  ctx: RestContext;
}

export interface AccountEndpoint {
  path: string;
  /** `plain`: `{s, m, d}`; `wrapped`: `{data: {s, m, d}, sign}` (the children endpoints). */
  envelope: EnvelopeStyle;
  /** `body`: the parameters are the JSON body's `data` object, `sign` beside it (child_detail). */
  paramsIn: 'query' | 'body';
  /** Answers the envelope's `d`. Throw AppError / OperationError for documented failures. */
  handle: (request: AccountRequest) => Promise<unknown>;
}

const mainAccountId = (request: AccountRequest): string => String(request.main.mainAccountId);

/** The verified main account and the requested `page`: what the list endpoints ask first. */
const pagedVariables = (request: AccountRequest) => ({
  mainAccountId: mainAccountId(request),
  page: pageParam(request.params),
});

/** §1: the main account's totals; amounts in fen, rates in percent, as numbers like the example. */
const balance: AccountEndpoint = {
  path: '/api/account/v1/balance',
  envelope: 'plain',
  paramsIn: 'query',
  handle: runsOperation<AccountRequest, AccountClearingBalanceQuery, AccountClearingBalanceQueryVariables>({
    operation: 'AccountClearingBalance',
    variables: (request) => ({ mainAccountId: mainAccountId(request) }),
    respond: ({ mainAccount: main }) => {
      if (!main) throw new AppError('FORBIDDEN');
      return {
        id: Number(main.id),
        main_account_uid: main.mainAccountUid,
        total_in_amount: fen(main.totalInAmount),
        total_in_fee: fen(main.totalInFee),
        in_fee_rate: main.inFeeRate,
        total_share_amount: fen(main.totalShareAmount),
        total_share_fee: fen(main.totalShareFee),
        share_fee_rate: main.shareFeeRate,
        balance: fen(main.balance),
        total_withdraw_amount: fen(main.totalWithdrawAmount),
        total_withdraw_fee: fen(main.totalWithdrawFee),
        withdraw_fee_rate: main.withdrawFeeRate,
      };
    },
  }),
};

/** §2: incoming payments, newest first; `main_account_uid` a string as the example shows. */
const inDetail: AccountEndpoint = {
  path: '/api/account/v1/in_detail',
  envelope: 'plain',
  paramsIn: 'query',
  handle: runsOperation<AccountRequest, AccountClearingInDetailQuery, AccountClearingInDetailQueryVariables>({
    operation: 'AccountClearingInDetail',
    variables: (request) => ({
      ...pagedVariables(request),
      startTime: secondsParam(request.params, 'startTime') ?? null,
      endTime: secondsParam(request.params, 'endTime') ?? null,
      status: statusParam(request.params) ?? null,
    }),
    respond: (data) => ({
      result: data.incomingPayments.nodes.map((p) => ({
        id: Number(p.id),
        main_account_uid: String(p.mainAccountUid),
        client_sn: p.clientSn,
        sn: p.sn,
        amount: fen(p.amount),
        msg: p.msg,
        pay_way: p.payWay,
        status: p.statusCode,
        gen_time: isoLikeTime(p.genTime),
        pay_time: isoLikeTime(p.payTime),
      })),
    }),
  }),
};

interface MovementNode {
  clientSn: string;
  childPhone: string;
  amount: string;
  changedType: number;
  message: string;
  genTime: string;
  completeTime: string | null;
}

const movement = (m: MovementNode) => ({
  client_sn: m.clientSn,
  child_phone: m.childPhone,
  changed_amount: fen(m.amount),
  changed_type: m.changedType,
  msg: m.message,
  gen_time: isoLikeTime(m.genTime),
  complete_time: isoLikeTime(m.completeTime),
});

/** §3: clearings to the children, newest first. */
const sharedDetail: AccountEndpoint = {
  path: '/api/account/v1/shared_detail',
  envelope: 'plain',
  paramsIn: 'query',
  handle: runsOperation<
    AccountRequest,
    AccountClearingSharedDetailQuery,
    AccountClearingSharedDetailQueryVariables
  >({
    operation: 'AccountClearingSharedDetail',
    variables: pagedVariables,
    respond: (data) => ({ result: data.clearingRecords.nodes.map(movement) }),
  }),
};

/** §4: the children's withdrawals, newest first. */
const withdrawDetail: AccountEndpoint = {
  path: '/api/account/v1/withdraw_detail',
  envelope: 'plain',
  paramsIn: 'query',
  handle: runsOperation<
    AccountRequest,
    AccountClearingWithdrawDetailQuery,
    AccountClearingWithdrawDetailQueryVariables
  >({
    operation: 'AccountClearingWithdrawDetail',
    variables: pagedVariables,
    respond: (data) => ({
      result: data.childWithdrawals.nodes.map((w) => ({ ...movement(w), status: w.status })),
    }),
  }),
};

/** §5: the children with their balances; masked phones and fen strings as the example shows. */
const childrenDetail: AccountEndpoint = {
  path: '/api/account/v1/children_detail',
  envelope: 'wrapped',
  paramsIn: 'query',
  handle: runsOperation<
    AccountRequest,
    AccountClearingChildrenDetailQuery,
    AccountClearingChildrenDetailQueryVariables
  >({
    operation: 'AccountClearingChildrenDetail',
    variables: (request) => ({
      ...pagedVariables(request),
      phone: optionalParam(request.params, 'phone') ?? null,
    }),
    respond: (data) => ({
      result: data.childAccounts.nodes.map((c) => ({
        phone: c.maskedPhone,
        amount: String(fen(c.balance)),
        // A balance that never changed has been as it is since the child was added.
        time: shortTime(c.lastModifiedTime ?? c.createdAt),
      })),
    }),
  }),
};

/** The graph's change type of a withdrawal (its message says the direction). */
const WITHDRAWAL = -1;

/** §6: one child's balance changes, oldest first, each with the balance after it. */
const childDetail: AccountEndpoint = {
  path: '/api/account/v1/child_detail',
  envelope: 'wrapped',
  paramsIn: 'body',
  handle: runsOperation<
    AccountRequest,
    AccountClearingChildDetailQuery,
    AccountClearingChildDetailQueryVariables
  >({
    operation: 'AccountClearingChildDetail',
    variables(request) {
      const { params } = request;
      const phone = optionalParam(params, 'phone');
      if (phone === undefined)
        throw new AppError('BAD_USER_INPUT', 'phone is required', { argument: 'phone' });
      return {
        mainAccountId: mainAccountId(request),
        phone,
        page: pageParam(params),
        startTime: secondsParam(params, 'startTime') ?? null,
        endTime: secondsParam(params, 'endTime') ?? null,
      };
    },
    respond: ({ childBalanceChanges: changes }) => ({
      balance: String(fen(changes.balance)),
      last_modified_time: shortTime(changes.lastModifiedTime),
      result: changes.nodes.map((c) => {
        const amount = fen(c.changedAmount);
        return {
          phone: c.phone,
          // The example shows withdrawals unsigned ("提现", 2900, the balance falling by it).
          changed_amount: String(c.changedType === WITHDRAWAL ? Math.abs(amount) : amount),
          current_amount: String(fen(c.currentAmount)),
          message: c.message,
          time: shortTime(c.time),
        };
      }),
    }),
  }),
};

export const accountEndpoints: AccountEndpoint[] = [
  balance,
  inDetail,
  sharedDetail,
  withdrawDetail,
  childrenDetail,
  childDetail,
];
