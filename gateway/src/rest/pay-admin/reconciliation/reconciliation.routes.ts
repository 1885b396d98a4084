import express from 'express';
import { AppError } from '@pay/common';
import { runsOperation } from '../../operation-route';
import type { RestContext } from '../../rest-context';
import { adminTime, equipmentNo } from '../pay-admin-format';
import type { AdminRequest, AdminRoute } from '../pay-admin-routes';
import { bool, chinaDay, int, paging, required, text } from '../pay-admin-params';
import type {
  PayAdminCheckBillsQuery,
  PayAdminCheckBillsQueryVariables,
  PayAdminCheckRecordsQuery,
  PayAdminCheckRecordsQueryVariables,
  PayAdminConsumeOrdersQuery,
  PayAdminConsumeOrdersQueryVariables,
  PayAdminOrderDetailsQuery,
  PayAdminOrderDetailsQueryVariables,
  PayAdminSetAutoReconcileMutation,
  PayAdminSetAutoReconcileMutationVariables,
} from '../../generated';
import { fen } from '../../legacy-money';

/** The graph's page-size caps of the lists these endpoints render. */
const MAX_ORDERS_PAGE = 200;
const MAX_RUNS_PAGE = 100;
const MAX_GRID_PAGE = 500;

const RECONCILIATION_STATUS = { min: 1, max: 5 };
const PAY_METHOD = { min: 1, max: 3 };
const PAY_WAY = { min: 2, max: 3 };

interface GridLine {
  isDeleted: boolean;
  code: string;
  runCode: string;
  outTradeNo: string | null;
  sourceCode: number | null;
  issueCode: number;
  createdAt: string;
  tradeTime: string | null;
  payMoney: string;
  payer: string | null;
  note: string;
  merchantName: string | null;
  equipmentId: string | null;
}

interface CheckBillsData {
  reconciliationRun: {
    isDeleted: boolean;
    code: string;
    person: string;
    remark: string | null;
    lineCount: number;
    lineAmount: string;
    matchedCount: number;
    matchedAmount: string;
    abnormalCount: number;
    abnormalAmount: string;
    periodStart: string;
    periodEnd: string;
    createdAt: string;
    results: { totalPages: number; nodes: GridLine[] };
  } | null;
}

/** `{ total_fee__sum }` as Django's aggregate renders it: null over no rows. */
const sum = (total: number | null) => ({ total_fee__sum: total });

/** The reconciliation endpoints of pay-admin-api.md 一. */
export function reconciliationRoutes(ctx: RestContext): AdminRoute[] {
  const bodyParsers = [
    express.urlencoded({ extended: false, limit: '16kb' }),
    express.json({ limit: '16kb' }),
  ];

  return [
    {
      path: '/pay/consume_order',
      methods: { get: [] },
      style: 'codeString',
      write: false,
      handle: runsOperation<AdminRequest, PayAdminConsumeOrdersQuery, PayAdminConsumeOrdersQueryVariables>({
        operation: 'PayAdminConsumeOrders',
        variables({ params }) {
          const filter = {
            code: text(params, 'code'),
            totalFeeGte: int(params, 'total_fee__gte'),
            totalFeeLte: int(params, 'total_fee__lte'),
            reconciliationStatusCode: int(params, 'reconciliation_status', RECONCILIATION_STATUS),
            payMethod: int(params, 'pay_method', PAY_METHOD),
            merchantName: text(params, 'merchant__name'),
          };
          return { ...paging(params, MAX_ORDERS_PAGE), filter };
        },
        respond: ({ reconciliationOrders: list }) => {
          const s = list.statistics;
          return {
            statistics: {
              order_num: s.orderNum,
              count_price: sum(s.orderNum > 0 ? fen(s.countPrice) : null),
              success_bill: s.successBill,
              success_price: sum(s.successBill > 0 ? fen(s.successPrice) : null),
              fail_bill: s.failBill,
              fail_price: sum(s.failBill > 0 ? fen(s.failPrice) : null),
            },
            order: {
              num: list.totalCount,
              data: list.nodes.map((o) => ({
                code: o.platformOrderNo,
                merchant__name: o.merchantName,
                equipment_no: equipmentNo(o.equipmentNo),
                total_fee: fen(o.amount),
                pay_method: o.payMethod,
                create_time: adminTime(o.createdAt),
                reconciliation_status: o.reconciliationStatusCode,
                auto: o.autoReconcile,
              })),
            },
          };
        },
      }),
    },

    {
      path: '/pay/consume_order',
      methods: { post: bodyParsers },
      style: 'codeString',
      write: true,
      handle: runsOperation<
        AdminRequest,
        PayAdminSetAutoReconcileMutation,
        PayAdminSetAutoReconcileMutationVariables
      >({
        operation: 'PayAdminSetAutoReconcile',
        variables: ({ params }) => ({
          input: { platformOrderNo: required(params, 'code'), auto: bool(params, 'auto') },
        }),
        respond: (_data, _request, { input }) => ({ code: input.platformOrderNo, auto: input.auto }),
      }),
    },

    {
      path: '/pay/order_details',
      methods: { get: [] },
      style: 'code',
      write: false,
      handle: runsOperation<AdminRequest, PayAdminOrderDetailsQuery, PayAdminOrderDetailsQueryVariables>({
        operation: 'PayAdminOrderDetails',
        variables({ params }) {
          const platformOrderNo = required(params, 'code');
          const payWay = int(params, 'pay_way', PAY_WAY);
          if (payWay === undefined) throw new AppError('BAD_USER_INPUT', 'pay_way is required');
          return { platformOrderNo, payWay };
        },
        respond: ({ orderBill }) => {
          if (!orderBill) throw new AppError('NOT_FOUND', 'no such order');
          const third = orderBill.thirdBill;
          const info = orderBill.billInfo;
          return {
            bill_data: orderBill.billData.map((o) => ({
              code: o.platformOrderNo,
              equipment_no: equipmentNo(o.equipmentNo),
              total_fee: fen(o.amount),
              name__nick_name: o.payerNickname,
              reconciliation_status: o.reconciliationStatusCode,
              platform_code: o.platformOrderNo,
              pay_method: o.payMethod,
              status: o.adminStatusCode,
              create_time: adminTime(o.createdAt),
            })),
            third_bill: third && {
              trade_time: adminTime(third.tradeTime),
              out_trade_no: third.platformOrderNo,
              device: third.device ?? '',
              total_money: fen(third.amount),
              openid: third.payer,
              transaction_id: third.transactionId,
            },
            bill_info: info && {
              odd_id: info.runCode,
              note: info.note,
              create_time: adminTime(info.createdAt),
              issue: info.issueCode,
              admin: info.run?.person ?? null,
            },
          };
        },
      }),
    },

    {
      path: '/pay/check_record',
      methods: { get: [] },
      style: 'code',
      write: false,
      handle: runsOperation<AdminRequest, PayAdminCheckRecordsQuery, PayAdminCheckRecordsQueryVariables>({
        operation: 'PayAdminCheckRecords',
        variables({ params }) {
          const day = chinaDay(params, 'time');
          return {
            ...paging(params, MAX_RUNS_PAGE),
            person: text(params, 'user'),
            // The graph's end bound is inclusive: the last millisecond of the day.
            ...(day
              ? { startTime: day.start.toISOString(), endTime: new Date(day.end.getTime() - 1).toISOString() }
              : {}),
          };
        },
        respond: ({ reconciliationRuns: runs }) => ({
          num: runs.totalCount,
          data: runs.nodes.map((r) => ({
            create_time: adminTime(r.createdAt),
            person: r.person,
            code: r.code,
          })),
        }),
      }),
    },

    {
      path: '/pay/check_bills',
      methods: { get: [] },
      style: 'msgState',
      write: false,
      async handle({ params, actor }) {
        const code = required(params, 'code');
        // The spec shows the whole grid: read every page of the run's lines.
        const grid: GridLine[] = [];
        let header: NonNullable<CheckBillsData['reconciliationRun']> | null = null;
        for (let page = 1; ; page++) {
          const { reconciliationRun: run } = await ctx.run<
            PayAdminCheckBillsQuery,
            PayAdminCheckBillsQueryVariables
          >('PayAdminCheckBills', { code, page, pageSize: MAX_GRID_PAGE }, actor);
          if (!run) throw new AppError('NOT_FOUND', 'no such reconciliation run');
          header ??= run;
          grid.push(...run.results.nodes);
          if (page >= run.results.totalPages) break;
        }
        return {
          header: [
            {
              is_delete: header.isDeleted,
              code: header.code,
              person: header.person,
              remark: header.remark,
              always_singular: header.lineCount,
              total: fen(header.lineAmount),
              singular_success: header.matchedCount,
              singular_amount: fen(header.matchedAmount),
              abnormal_singular: header.abnormalCount,
              abnormal_amount: fen(header.abnormalAmount),
              start_time: adminTime(header.periodStart),
              end_time: adminTime(header.periodEnd),
              create_time: adminTime(header.createdAt),
            },
          ],
          grid: grid.map((line) => ({
            is_delete: line.isDeleted,
            code: line.code,
            odd_id: line.runCode,
            out_trade_no: line.outTradeNo,
            source: line.sourceCode,
            issue: line.issueCode,
            create_time: adminTime(line.createdAt),
            trade_time: adminTime(line.tradeTime),
            pay_money: fen(line.payMoney),
            user: line.payer,
            note: line.note,
            name: line.merchantName,
            equipment_id: line.equipmentId,
          })),
        };
      },
    },
  ];
}
