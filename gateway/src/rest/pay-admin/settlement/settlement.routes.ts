import { AppError } from '@pay/common';
import { uploadTargets, type UploadTarget } from '../../../uploads/upload-targets';
import { runsOperation } from '../../operation-route';
import type { RestContext } from '../../rest-context';
import { adminTime } from '../pay-admin-format';
import type { AdminRequest, AdminRoute } from '../pay-admin-routes';
import { chinaDay, int, paging, text } from '../pay-admin-params';
import { receiveVoucherForm } from './voucher-upload';
import type {
  PayAdminAccountsQuery,
  PayAdminAccountsQueryVariables,
  PayAdminSettleSettlementMutation,
  PayAdminSettleSettlementMutationVariables,
  PayAdminSettlementsQuery,
  PayAdminSettlementsQueryVariables,
} from '../../generated';
import { fen } from '../../legacy-money';

/** The graph's page-size cap of the settlement lists. */
const MAX_PAGE = 100;

/** Legacy `method` 1-4 → the graph's SettlementMethod (its `methodCode`). */
const METHODS = ['BANK_TRANSFER', 'WECHAT', 'ALIPAY', 'OFFLINE_TRANSFER'] as const;
/** Legacy `state` 1-2 → SettlementState. */
const STATES = ['PENDING', 'SETTLED'] as const;

interface SettlementRow {
  isDelete: boolean;
  code: string;
  merchantName: string | null;
  orderCount: number;
  total: string;
  methodCode: number;
  periodStart: string | null;
  periodEnd: string;
  person: string;
  settlementTime: string | null;
  stateCode: number;
  voucher: { url: string } | null;
  remark: string | null;
  createdAt: string;
}

/** A settlement as `/pay/settlement/` lists it. */
function settlementRow(s: SettlementRow): Record<string, unknown> {
  return {
    is_delete: s.isDelete,
    code: s.code,
    name: s.merchantName,
    num: s.orderCount,
    total: fen(s.total),
    method: s.methodCode,
    start_time: adminTime(s.periodStart),
    end_time: adminTime(s.periodEnd),
    person: s.person,
    settlement_time: adminTime(s.settlementTime),
    state: s.stateCode,
    voucher_img: s.voucher?.url ?? null,
    remark: s.remark,
    create_time: adminTime(s.createdAt),
  };
}

/** The merchant settlement endpoints of pay-admin-api.md 二. */
export function settlementRoutes(ctx: RestContext): AdminRoute[] {
  const voucherTarget = uploadTargets(ctx.config.files).get('settleSettlement') as UploadTarget;

  return [
    {
      path: '/pay/account',
      methods: { get: [] },
      style: 'msg',
      write: false,
      handle: runsOperation<AdminRequest, PayAdminAccountsQuery, PayAdminAccountsQueryVariables>({
        operation: 'PayAdminAccounts',
        variables({ params }) {
          const filter = { merchantName: text(params, 'name'), account: text(params, 'account') };
          return { ...paging(params, MAX_PAGE), filter };
        },
        respond: ({ settlementAccounts: list }) => ({
          num: list.totalCount,
          data: list.nodes.map((a) => ({
            is_delete: a.isDelete,
            code: a.code,
            merchant: a.merchantName,
            method: a.methodCode,
            name: a.accountName,
            account: a.accountNo,
            period: a.periodCode,
            remarks: a.remarks,
            create_time: adminTime(a.createdAt),
          })),
        }),
      }),
    },

    {
      path: '/pay/settlement',
      methods: { get: [] },
      style: 'msg',
      write: false,
      handle: runsOperation<AdminRequest, PayAdminSettlementsQuery, PayAdminSettlementsQueryVariables>({
        operation: 'PayAdminSettlements',
        variables({ params }) {
          const method = int(params, 'method', { min: 1, max: METHODS.length });
          const state = int(params, 'state', { min: 1, max: STATES.length });
          const filter = {
            code: text(params, 'code'),
            method: method === undefined ? undefined : METHODS[method - 1],
            state: state === undefined ? undefined : STATES[state - 1],
            settlementDate: chinaDay(params, 'settlement_time')?.date,
            remark: text(params, 'remark'),
          };
          return { ...paging(params, MAX_PAGE), filter };
        },
        respond: ({ settlements }) => ({
          num: settlements.totalCount,
          data: settlements.nodes.map(settlementRow),
        }),
      }),
    },

    {
      path: '/pay/settlement',
      methods: { post: [] },
      style: 'msg',
      write: true,
      message: '结算成功',
      async handle({ req, actor }) {
        const form = await receiveVoucherForm(req, voucherTarget, ctx.config.auth.internalSecret, actor);
        const field = (name: string) => text(form.fields, name);
        const code = field('code');
        const person = field('person');
        if (!code || !person || !form.uploadId)
          throw new AppError('BAD_USER_INPUT', 'person, voucher and code are required');
        const remark = field('remark');
        const { settleSettlement } = await ctx.run<
          PayAdminSettleSettlementMutation,
          PayAdminSettleSettlementMutationVariables
        >(
          'PayAdminSettleSettlement',
          { input: { code, person, voucher: form.uploadId, ...(remark ? { remark } : {}) } },
          actor,
        );
        return settlementRow(settleSettlement);
      },
    },
  ];
}
