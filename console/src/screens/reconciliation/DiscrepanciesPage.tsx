import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../../auth/auth';
import { canAct } from '../../auth/session';
import { FilterBar } from '../../components/FilterBar';
import { Money } from '../../components/Money';
import { chinaDayStart, formatChinaTime } from '../../format/time';
import {
  ConsoleReconDiscrepanciesDocument,
  ConsoleReconResolveDocument,
  type ConsoleReconDiscrepanciesQuery,
  type ConsoleReconDiscrepanciesQueryVariables,
  type ReconciliationIssue,
  type ResolutionAction,
} from '../../graphql/generated';
import { useI18n } from '../../i18n/i18n';
import { describeError, ErrorAlert } from '../../lists/errors';
import { ExportButton } from '../../lists/ExportButton';
import { orNull, useUrlState } from '../../lists/url-state';
import {
  IssueTag,
  ResolutionStateTag,
  useIssueLabel,
  useMoneyEffect,
  useResolutionLabels,
  useSourceOptions,
} from './shared';

type DiscrepancyRow = ConsoleReconDiscrepanciesQuery['discrepancies']['nodes'][number];
const KEYS = ['issue', 'source', 'resolved', 'platformOrderNo', 'from', 'to'] as const;
const OPEN_ISSUES: ReconciliationIssue[] = [
  'DOUBTFUL',
  'SURPLUS',
  'SHORTAGE',
  'ABNORMAL',
  'REVERSED',
  'REFUNDED',
];
const ORDER_ACTIONS: ResolutionAction[] = ['COMPLETE_ORDER', 'CANCEL_ORDER', 'REFUND_ORDER'];

/**
 * The actions the graph accepts for a verdict (it refuses the others; the console only
 * hides them): complete a surplus, cancel or refund a shortage or an abnormal line,
 * accept any open difference. Order actions need a platform order.
 */
function actionsFor(row: DiscrepancyRow): ResolutionAction[] {
  const byIssue: Partial<Record<ReconciliationIssue, ResolutionAction[]>> = {
    SURPLUS: ['COMPLETE_ORDER', 'ACCEPT'],
    SHORTAGE: ['CANCEL_ORDER', 'REFUND_ORDER', 'ACCEPT'],
    ABNORMAL: ['CANCEL_ORDER', 'REFUND_ORDER', 'ACCEPT'],
    DOUBTFUL: ['ACCEPT'],
  };
  return (byIssue[row.issue] ?? []).filter((a) => !ORDER_ACTIONS.includes(a) || row.platformOrderNo);
}

const pendingOf = (row: DiscrepancyRow) => row.resolutions.find((r) => r.state === 'PENDING_APPROVAL');
const latestOf = (row: DiscrepancyRow) => row.resolutions[row.resolutions.length - 1];

/** The discrepancy queue: open lines by default; an operator resolves them (maker-checker above the approval amount). */
export function DiscrepanciesPage() {
  const session = useSession();
  const { t, tr } = useI18n();
  const sourceOptions = useSourceOptions();
  const issueLabel = useIssueLabel();
  const labels = useResolutionLabels();
  const { values, page, pageSize, set, setPage, reset } = useUrlState(KEYS);
  const variables = useMemo<ConsoleReconDiscrepanciesQueryVariables>(
    () => ({
      page,
      pageSize,
      issue: OPEN_ISSUES.includes(values.issue as ReconciliationIssue)
        ? (values.issue as ReconciliationIssue)
        : null,
      source: orNull(values.source),
      // Open ones unless asked otherwise.
      resolved: values.resolved === 'all' ? null : values.resolved === 'true',
      platformOrderNo: orNull(values.platformOrderNo),
      startTime: values.from ? chinaDayStart(values.from).toISOString() : null,
      endTime: values.to ? new Date(chinaDayStart(values.to).getTime() + 86_400_000 - 1).toISOString() : null,
    }),
    [page, pageSize, values],
  );
  const [result, reexecuteQuery] = useQuery({ query: ConsoleReconDiscrepanciesDocument, variables });
  const discrepancies = result.data?.discrepancies;

  const [resolving, setResolving] = useState<DiscrepancyRow | null>(null);

  const columns = [
    {
      title: tr('订单号', 'Order no.'),
      render: (_: unknown, r: DiscrepancyRow) =>
        r.platformOrderNo ? (
          <Link to={`/orders/${encodeURIComponent(r.platformOrderNo)}`}>{r.platformOrderNo}</Link>
        ) : (
          <Typography.Text type="secondary">{r.outTradeNo ?? r.transactionId ?? '—'}</Typography.Text>
        ),
    },
    { title: tr('来源', 'Source'), dataIndex: 'source' },
    {
      title: tr('结果', 'Verdict'),
      render: (_: unknown, r: DiscrepancyRow) => (
        <Space direction="vertical" size={0}>
          <span>
            <IssueTag issue={r.issue} />
          </span>
          {r.pendingIssue && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {tr(
                `逾期未消除将转为 ${issueLabel(r.pendingIssue)}`,
                `becomes ${issueLabel(r.pendingIssue)} if not cleared`,
              )}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: tr('原因 / 渠道复查', 'Causes / channel re-query'),
      dataIndex: 'note',
      width: 320,
      render: (note: string) => (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{note}</Typography.Paragraph>
      ),
    },
    {
      title: tr('渠道金额', 'Channel'),
      dataIndex: 'channelAmount',
      align: 'right' as const,
      render: (v: string | null) => <Money value={v} />,
    },
    {
      title: tr('平台金额', 'Platform'),
      dataIndex: 'platformAmount',
      align: 'right' as const,
      render: (v: string | null) => <Money value={v} />,
    },
    {
      title: tr('渠道状态', 'Channel state'),
      dataIndex: 'channelState',
      render: (v: string) => <Tag>{v}</Tag>,
    },
    {
      title: tr('平台状态', 'Platform state'),
      render: (_: unknown, r: DiscrepancyRow) => (
        <Tag title={r.platformStatus ?? undefined}>{r.platformState}</Tag>
      ),
    },
    {
      title: t('common.merchant'),
      render: (_: unknown, r: DiscrepancyRow) =>
        r.merchantId ? `${r.merchantName ?? ''} (${r.merchantId})` : '—',
    },
    { title: tr('交易时间', 'Traded'), dataIndex: 'tradeTime', render: formatChinaTime },
    {
      title: tr('对账记录', 'Run'),
      dataIndex: 'runCode',
      render: (code: string) => (
        <Link to={`/reconciliation/runs/${encodeURIComponent(code)}`}>{code.slice(0, 8)}…</Link>
      ),
    },
    {
      title: tr('处理', 'Resolution'),
      fixed: 'right' as const,
      width: 200,
      render: (_: unknown, r: DiscrepancyRow) => {
        const latest = latestOf(r);
        const pending = pendingOf(r);
        const actions = actionsFor(r);
        return (
          <Space direction="vertical" size={2} data-testid={`recon-resolution-${r.code}`}>
            {r.resolved && <Tag color="green">{tr('已处理', 'Resolved')}</Tag>}
            {latest && (
              <span title={latest.outcome ?? latest.note}>
                <ResolutionStateTag state={latest.state} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {labels.action(latest.action)} · {latest.requestedBy}
                  {latest.approvedBy ? ` / ${latest.approvedBy}` : ''}
                </Typography.Text>
              </span>
            )}
            {canAct(session) && !r.resolved && !pending && actions.length > 0 && (
              <Button
                size="small"
                type="primary"
                data-testid={`recon-resolve-${r.code}`}
                onClick={() => setResolving(r)}
              >
                {tr('处理', 'Resolve')}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('nav.discrepancies')}</Typography.Title>
      <FilterBar
        initialValues={{
          issue: values.issue || undefined,
          source: values.source || undefined,
          resolved: values.resolved || 'false',
          platformOrderNo: values.platformOrderNo,
          range: values.from && values.to ? [dayjs(values.from), dayjs(values.to)] : undefined,
        }}
        onReset={reset}
        onSubmit={(v: Record<string, unknown>) => {
          const range = v.range as [dayjs.Dayjs, dayjs.Dayjs] | undefined;
          set({
            issue: v.issue as string,
            source: v.source as string,
            resolved: v.resolved === 'false' ? null : (v.resolved as string),
            platformOrderNo: v.platformOrderNo as string,
            from: range?.[0]?.format('YYYY-MM-DD'),
            to: range?.[1]?.format('YYYY-MM-DD'),
          });
        }}
        extra={
          <ExportButton
            document={ConsoleReconDiscrepanciesDocument}
            variables={variables}
            pick={(d) => d.discrepancies}
            fileName="discrepancies.csv"
            columns={[
              { title: 'code', value: (r: DiscrepancyRow) => r.code },
              { title: 'source', value: (r) => r.source },
              { title: 'platform_order_no', value: (r) => r.platformOrderNo },
              { title: 'out_trade_no', value: (r) => r.outTradeNo },
              { title: 'transaction_id', value: (r) => r.transactionId },
              { title: 'issue', value: (r) => r.issue },
              { title: 'issue_text', value: (r) => r.issueText },
              { title: 'note', value: (r) => r.note },
              { title: 'channel_amount', value: (r) => r.channelAmount },
              { title: 'platform_amount', value: (r) => r.platformAmount },
              { title: 'channel_state', value: (r) => r.channelState },
              { title: 'platform_state', value: (r) => r.platformState },
              { title: 'merchant_id', value: (r) => r.merchantId },
              { title: 'trade_time_china_time', value: (r) => formatChinaTime(r.tradeTime) },
              { title: 'run_code', value: (r) => r.runCode },
              { title: 'resolved', value: (r) => r.resolved },
              { title: 'resolution_state', value: (r) => latestOf(r)?.state ?? '' },
              { title: 'resolution_action', value: (r) => latestOf(r)?.action ?? '' },
            ]}
          />
        }
      >
        <Form.Item name="resolved" label={tr('处理状态', 'State')}>
          <Select
            style={{ width: 110 }}
            options={[
              { value: 'false', label: tr('未处理', 'Open') },
              { value: 'true', label: tr('已处理', 'Resolved') },
              { value: 'all', label: tr('全部', 'All') },
            ]}
          />
        </Form.Item>
        <Form.Item name="issue" label={tr('结果', 'Verdict')}>
          <Select
            allowClear
            style={{ width: 150 }}
            options={OPEN_ISSUES.map((i) => ({ value: i, label: issueLabel(i) }))}
          />
        </Form.Item>
        <Form.Item name="source" label={tr('来源', 'Source')}>
          <Select allowClear style={{ width: 160 }} options={sourceOptions} />
        </Form.Item>
        <Form.Item name="platformOrderNo" label={tr('订单号', 'Order no.')}>
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="range" label={t('common.dateRange')}>
          <DatePicker.RangePicker />
        </Form.Item>
      </FilterBar>
      <ErrorAlert error={result.error} />
      <Table<DiscrepancyRow>
        data-testid="recon-discrepancies-table"
        rowKey="code"
        size="small"
        loading={result.fetching}
        dataSource={discrepancies?.nodes ?? []}
        columns={columns}
        scroll={{ x: 1900 }}
        pagination={{
          current: page,
          pageSize,
          total: discrepancies?.totalCount ?? 0,
          showSizeChanger: true,
          showTotal: (total) => tr(`共 ${total} 条`, `${total} in all`),
          onChange: (p, s) => setPage(p, s),
        }}
      />
      {resolving && (
        <ResolveDialog
          row={resolving}
          onClose={() => setResolving(null)}
          onDone={() => {
            setResolving(null);
            reexecuteQuery({ requestPolicy: 'network-only' });
          }}
        />
      )}
    </Space>
  );
}

/** The resolution dialog: the action, its money effect, a required note. */
function ResolveDialog({
  row,
  onClose,
  onDone,
}: {
  row: DiscrepancyRow;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, tr } = useI18n();
  const labels = useResolutionLabels();
  const moneyEffect = useMoneyEffect();
  const [resolveState, resolve] = useMutation(ConsoleReconResolveDocument);
  const [form] = Form.useForm<{ action: ResolutionAction; note: string }>();
  const chosenAction = Form.useWatch('action', form);
  const resolvingAmount = row.platformAmount ?? row.channelAmount ?? row.payMoney;
  const merchantName = row.merchantId ? `${row.merchantName ?? ''} (${row.merchantId})` : '—';

  const submit = async () => {
    const v = await form.validateFields();
    const answer = await resolve({ input: { resultCode: row.code, action: v.action, note: v.note.trim() } });
    if (answer.error) {
      void message.error(describeError(answer.error));
      return;
    }
    const resolution = answer.data?.resolveDiscrepancy;
    if (resolution?.state === 'PENDING_APPROVAL')
      void message.info(
        tr(
          `金额 ¥${resolution.amount} 超过复核额度：已提交，等待另一位操作员审批`,
          `¥${resolution.amount} is above the approval amount: submitted, waiting for another operator to approve`,
        ),
      );
    else if (resolution?.state === 'EXECUTED')
      void message.success(
        tr(`已处理：${resolution.outcome ?? ''}`, `Resolved: ${resolution.outcome ?? ''}`),
      );
    else void message.warning(`${resolution?.state ?? ''} ${resolution?.outcome ?? ''}`);
    onDone();
  };

  return (
    <Modal
      open
      title={tr('处理差错', 'Resolve a discrepancy')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'recon-resolve-ok', loading: resolveState.fetching }}
      onOk={() => void submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <>
        <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={tr('订单号', 'Order no.')}>
            {row.platformOrderNo ?? row.outTradeNo ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={tr('结果', 'Verdict')}>
            <IssueTag issue={row.issue} />
          </Descriptions.Item>
          <Descriptions.Item label={tr('渠道金额', 'Channel')}>
            <Money value={row.channelAmount} /> ({row.channelState})
          </Descriptions.Item>
          <Descriptions.Item label={tr('平台金额', 'Platform')}>
            <Money value={row.platformAmount} /> ({row.platformState})
          </Descriptions.Item>
          <Descriptions.Item label={t('common.merchant')}>{merchantName}</Descriptions.Item>
          <Descriptions.Item label={tr('商户收入', 'Merchant income')}>
            <Money value={row.order?.merchantIncome} />
          </Descriptions.Item>
          <Descriptions.Item label={tr('原因', 'Causes')} span={2}>
            {row.note}
          </Descriptions.Item>
        </Descriptions>
        <Form form={form} layout="vertical" initialValues={{ action: actionsFor(row)[0], note: '' }}>
          <Form.Item name="action" label={tr('处理方式', 'Action')} rules={[{ required: true }]}>
            <Select
              data-testid="recon-resolve-action"
              options={actionsFor(row).map((a) => ({ value: a, label: labels.action(a) }))}
            />
          </Form.Item>
          {chosenAction && (
            <Alert
              data-testid="recon-resolve-effect"
              type={chosenAction === 'ACCEPT' ? 'info' : 'warning'}
              showIcon
              style={{ marginBottom: 12 }}
              message={moneyEffect(chosenAction, row.order, merchantName)}
              description={
                chosenAction === 'ACCEPT'
                  ? undefined
                  : tr(
                      `涉及金额 ¥${resolvingAmount}；超过复核额度时，提交后须由另一位操作员审批才会执行。`,
                      `Amount concerned ¥${resolvingAmount}; above the approval amount it waits for a second operator to approve before anything happens.`,
                    )
              }
            />
          )}
          <Form.Item
            name="note"
            label={t('common.note')}
            rules={[
              { required: true, whitespace: true, message: tr('请填写处理说明', 'A note is required') },
              { max: 500 },
            ]}
          >
            <Input.TextArea data-testid="recon-resolve-note" rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </>
    </Modal>
  );
}
