import { Tag } from 'antd';
import { stringifyDocument, type TypedDocumentNode } from '@urql/core';
import { useQuery } from 'urql';
import {
  ConsoleReconStatementSourcesDocument,
  type ReconciliationIssue,
  type ResolutionAction,
  type ResolutionState,
} from '../../graphql/generated';
import { formatChinaTime } from '../../format/time';
import { useI18n } from '../../i18n/i18n';

/** The built-in sources, listed even before the graph answers; registered ones come from `statementSources`. */
const BUILT_IN_SOURCES = ['sandbox-wechat', 'sandbox-alipay', 'wechat', 'alipay'];

/** Options of a statement-source select: the built-in sources, then those operators registered. */
export function useSourceOptions(): { value: string; label: string }[] {
  const [sources] = useQuery({ query: ConsoleReconStatementSourcesDocument });
  const names = [...BUILT_IN_SOURCES];
  for (const s of sources.data?.statementSources ?? []) if (!names.includes(s.source)) names.push(s.source);
  return names.map((name) => ({ value: name, label: name }));
}

export const ISSUES: ReconciliationIssue[] = [
  'DOUBTFUL',
  'SURPLUS',
  'SHORTAGE',
  'ABNORMAL',
  'NORMAL',
  'REVERSED',
  'REFUNDED',
];

const ISSUE_COLOURS: Record<ReconciliationIssue, string> = {
  DOUBTFUL: 'gold',
  SURPLUS: 'volcano',
  SHORTAGE: 'red',
  ABNORMAL: 'magenta',
  NORMAL: 'green',
  REVERSED: 'blue',
  REFUNDED: 'purple',
};

/** The verdicts in words (the legacy Chinese word stays in both languages). */
export function useIssueLabel(): (issue: ReconciliationIssue) => string {
  const { tr } = useI18n();
  const labels: Record<ReconciliationIssue, string> = {
    DOUBTFUL: tr('存疑', '存疑 Doubtful'),
    SURPLUS: tr('长款', '长款 Surplus'),
    SHORTAGE: tr('短款', '短款 Shortage'),
    ABNORMAL: tr('异常', '异常 Abnormal'),
    NORMAL: tr('正常', '正常 Normal'),
    REVERSED: tr('已冲正', '已冲正 Reversed'),
    REFUNDED: tr('已退款', '已退款 Refunded'),
  };
  return (issue) => labels[issue] ?? issue;
}

export function IssueTag({ issue }: { issue: ReconciliationIssue }) {
  const label = useIssueLabel();
  return <Tag color={ISSUE_COLOURS[issue]}>{label(issue)}</Tag>;
}

const STATE_COLOURS: Record<ResolutionState, string> = {
  PENDING_APPROVAL: 'gold',
  APPROVED: 'blue',
  EXECUTED: 'green',
  REJECTED: 'default',
  FAILED: 'red',
};

export function useResolutionLabels(): {
  action: (a: ResolutionAction) => string;
  state: (s: ResolutionState) => string;
} {
  const { tr } = useI18n();
  const actions: Record<ResolutionAction, string> = {
    COMPLETE_ORDER: tr('补单（完成订单）', 'Complete the order'),
    CANCEL_ORDER: tr('取消订单', 'Cancel the order'),
    REFUND_ORDER: tr('退款', 'Refund the order'),
    ACCEPT: tr('接受差异', 'Accept the difference'),
  };
  const states: Record<ResolutionState, string> = {
    PENDING_APPROVAL: tr('待复核', 'Waiting for approval'),
    APPROVED: tr('已批准', 'Approved'),
    EXECUTED: tr('已执行', 'Executed'),
    REJECTED: tr('已驳回', 'Rejected'),
    FAILED: tr('执行失败', 'Failed'),
  };
  return { action: (a) => actions[a] ?? a, state: (s) => states[s] ?? s };
}

export function ResolutionStateTag({ state }: { state: ResolutionState }) {
  const labels = useResolutionLabels();
  return <Tag color={STATE_COLOURS[state]}>{labels.state(state)}</Tag>;
}

/**
 * What a resolution does to money, in words: completing an order credits the merchant
 * with the order's merchant income, cancelling or refunding takes it back, accepting
 * moves nothing. The amounts are the graph's, shown as given.
 */
export function useMoneyEffect(): (
  action: ResolutionAction,
  order: { platformOrderNo: string; amount: string; merchantIncome: string } | null | undefined,
  merchant: string,
) => string {
  const { tr } = useI18n();
  return (action, order, merchant) => {
    const no = order?.platformOrderNo ?? '—';
    const amount = order ? `¥${order.amount}` : '—';
    const income = order ? `¥${order.merchantIncome}` : '—';
    switch (action) {
      case 'COMPLETE_ORDER':
        return tr(
          `将订单 ${no} 置为支付成功：商户 ${merchant} 入账该订单（金额 ${amount}）的商户收入 ${income}。`,
          `Marks order ${no} paid: merchant ${merchant} is credited with the merchant income ${income} of the order amount ${amount}.`,
        );
      case 'CANCEL_ORDER':
        return tr(
          `取消订单 ${no}：若已入账，从商户 ${merchant} 扣回该订单（金额 ${amount}）的商户收入 ${income}。`,
          `Cancels order ${no}: the merchant income ${income} of the order amount ${amount} is taken back from merchant ${merchant} if it was credited.`,
        );
      case 'REFUND_ORDER':
        return tr(
          `退款订单 ${no}：从商户 ${merchant} 扣回该订单（金额 ${amount}）的商户收入 ${income}。`,
          `Refunds order ${no}: the merchant income ${income} of the order amount ${amount} is taken back from merchant ${merchant}.`,
        );
      default:
        return tr(
          '接受差异：不动任何资金，仅记录备注并将差错标记为已处理。',
          'Accepts the difference: no money moves; the note is recorded and the discrepancy is closed.',
        );
    }
  };
}

/** What the graph answers to a multipart request. */
interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; details?: Record<string, unknown> } }[];
}

/** A refused request: the graph's first error, with its code and details. */
export class GraphUploadError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
  }
}

/**
 * A GraphQL multipart request (the upload spec) with one file at `filePath` of the
 * variables, through XMLHttpRequest so the upload progress can be shown.
 */
export function uploadFile<Data, Variables>(options: {
  document: TypedDocumentNode<Data, Variables>;
  variables: Variables;
  filePath: string;
  file: File;
  token: string;
  onProgress: (percent: number) => void;
}): Promise<Data> {
  const form = new FormData();
  form.set(
    'operations',
    JSON.stringify({ query: stringifyDocument(options.document), variables: options.variables }),
  );
  form.set('map', JSON.stringify({ 0: [options.filePath] }));
  form.set('0', options.file, options.file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/graphql');
    xhr.setRequestHeader('authorization', `Bearer ${options.token}`);
    xhr.setRequestHeader('apollo-require-preflight', 'true');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0)
        options.onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new GraphUploadError('network error', 'NETWORK_ERROR', {}));
    xhr.onload = () => {
      let body: GraphQLResponse<Data>;
      try {
        body = JSON.parse(xhr.responseText) as GraphQLResponse<Data>;
      } catch {
        reject(
          new GraphUploadError(
            `HTTP ${xhr.status}: ${xhr.responseText.slice(0, 200)}`,
            `HTTP_${xhr.status}`,
            {},
          ),
        );
        return;
      }
      const first = body.errors?.[0];
      if (first) {
        reject(
          new GraphUploadError(
            first.message,
            first.extensions?.code ?? 'ERROR',
            first.extensions?.details ?? {},
          ),
        );
        return;
      }
      if (!body.data) {
        reject(new GraphUploadError(`HTTP ${xhr.status}`, `HTTP_${xhr.status}`, {}));
        return;
      }
      resolve(body.data);
    };
    xhr.send(form);
  });
}

/** A run's period as China days: "2026-05-01" or "2026-05-01 – 2026-05-03" (the end is exclusive). */
export function formatPeriod(start: string, end: string): string {
  const first = formatChinaTime(start);
  const last = formatChinaTime(new Date(new Date(end).getTime() - 1000).toISOString());
  const whole = first.endsWith('00:00:00') && formatChinaTime(end).endsWith('00:00:00');
  if (!whole) return `${first} – ${formatChinaTime(end)}`;
  return first.slice(0, 10) === last.slice(0, 10)
    ? first.slice(0, 10)
    : `${first.slice(0, 10)} – ${last.slice(0, 10)}`;
}
