import { useMemo } from 'react';
import { Card, Descriptions, Empty, Form, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { FilterBar } from '../../components/FilterBar';
import { Money } from '../../components/Money';
import { formatChinaTime } from '../../format/time';
import {
  ConsoleReconRunDocument,
  type ConsoleReconRunQuery,
  type ConsoleReconRunQueryVariables,
  type ReconciliationIssue,
} from '../../graphql/generated';
import { useI18n } from '../../i18n/i18n';
import { ErrorAlert } from '../../lists/errors';
import { ExportButton } from '../../lists/ExportButton';
import { useUrlState } from '../../lists/url-state';
import { formatPeriod, ISSUES, IssueTag, useIssueLabel } from './shared';

type Run = NonNullable<ConsoleReconRunQuery['reconciliationRun']>;
type ResultRow = Run['results']['nodes'][number];
const KEYS = ['issue'] as const;
const EMPTY_PAGE = { nodes: [] as ResultRow[], totalPages: 0 };

/** One run (`/pay/check_bills`): the header with its counts and amounts, and the grid of its results. */
export function RunDetailPage() {
  const { code = '' } = useParams();
  const { tr } = useI18n();
  const issueLabel = useIssueLabel();
  const { values, page, pageSize, set, setPage, reset } = useUrlState(KEYS);
  const variables = useMemo<ConsoleReconRunQueryVariables>(
    () => ({
      code,
      page,
      pageSize,
      issue: ISSUES.includes(values.issue as ReconciliationIssue)
        ? (values.issue as ReconciliationIssue)
        : null,
    }),
    [code, page, pageSize, values],
  );
  const [result] = useQuery({ query: ConsoleReconRunDocument, variables });
  const run = result.data?.reconciliationRun;

  const columns = [
    {
      title: tr('订单号', 'Order no.'),
      dataIndex: 'outTradeNo',
      render: (no: string | null, r: ResultRow) =>
        r.platformOrderNo ? (
          <Link to={`/orders/${encodeURIComponent(r.platformOrderNo)}`}>{r.platformOrderNo}</Link>
        ) : (
          (no ?? '—')
        ),
    },
    {
      title: tr('渠道交易号', 'Transaction id'),
      dataIndex: 'transactionId',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: tr('结果', 'Verdict'),
      dataIndex: 'issue',
      render: (issue: ReconciliationIssue, r: ResultRow) => (
        <Space size={4}>
          <IssueTag issue={issue} />
          {r.pendingIssue && (
            <Typography.Text type="secondary">→ {issueLabel(r.pendingIssue)}</Typography.Text>
          )}
          {r.resolved && <Tag color="green">{tr('已处理', 'Resolved')}</Tag>}
        </Space>
      ),
    },
    { title: tr('说明', 'Note'), dataIndex: 'note', width: 260 },
    {
      title: tr('金额', 'Amount'),
      dataIndex: 'payMoney',
      align: 'right' as const,
      render: (v: string) => <Money value={v} />,
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
      title: tr('渠道 / 平台状态', 'Channel / platform state'),
      render: (_: unknown, r: ResultRow) => `${r.channelState} / ${r.platformState}`,
    },
    {
      title: tr('商户', 'Merchant'),
      render: (_: unknown, r: ResultRow) =>
        r.merchantId ? `${r.merchantName ?? ''} (${r.merchantId})` : '—',
    },
    { title: tr('付款人', 'Payer'), dataIndex: 'payer', render: (v: string | null) => v ?? '—' },
    { title: tr('交易时间', 'Traded'), dataIndex: 'tradeTime', render: formatChinaTime },
  ];

  if (!result.fetching && result.data && !run)
    return <Empty description={tr(`没有对账记录 ${code}`, `No run ${code}`)} />;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>
        <Link to="/reconciliation/runs">{tr('对账记录', 'Runs')}</Link> / {code}
      </Typography.Title>
      <ErrorAlert error={result.error} />
      {run && (
        <Card size="small" data-testid="recon-run-header">
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={tr('来源', 'Source')}>{run.source}</Descriptions.Item>
            <Descriptions.Item label={tr('对账期间', 'Period')}>
              {formatPeriod(run.periodStart, run.periodEnd)}
            </Descriptions.Item>
            <Descriptions.Item label={tr('状态', 'Status')}>
              <Tag color={run.status === 'DONE' ? 'green' : run.status === 'FAILED' ? 'red' : 'blue'}>
                {run.status === 'DONE'
                  ? tr('完成', 'Done')
                  : run.status === 'RUNNING'
                    ? tr('进行中', 'Running')
                    : tr('失败', 'Failed')}
              </Tag>
              {run.error}
            </Descriptions.Item>
            <Descriptions.Item label={tr('对账人', 'Person')}>{run.person}</Descriptions.Item>
            <Descriptions.Item label={tr('对账时间', 'Started')}>
              {formatChinaTime(run.createdAt)}
            </Descriptions.Item>
            <Descriptions.Item label={tr('完成时间', 'Finished')}>
              {formatChinaTime(run.finishedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={tr('仅自动对账订单', 'Auto-reconcile orders only')}>
              {run.autoOnly ? tr('是', 'Yes') : tr('否', 'No')}
            </Descriptions.Item>
            <Descriptions.Item label={tr('备注', 'Remark')}>{run.remark ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Space size={40} wrap style={{ marginTop: 8 }}>
            <Statistic title={tr('渠道账单行', 'Channel lines')} value={run.statementLineCount} />
            <Statistic title={tr('总笔数', 'Lines')} value={run.lineCount} />
            <Statistic title={tr('总金额', 'Total')} valueRender={() => <Money value={run.lineAmount} />} />
            <Statistic title={tr('平账笔数', 'Matched')} value={run.matchedCount} />
            <Statistic
              title={tr('平账金额', 'Matched amount')}
              valueRender={() => <Money value={run.matchedAmount} />}
            />
            <Statistic title={tr('异常笔数', 'Abnormal')} value={run.abnormalCount} />
            <Statistic
              title={tr('异常金额', 'Abnormal amount')}
              valueRender={() => <Money value={run.abnormalAmount} />}
            />
            <Statistic title={tr('存疑笔数', 'Doubtful')} value={run.doubtfulCount} />
            <Statistic
              title={tr('存疑金额', 'Doubtful amount')}
              valueRender={() => <Money value={run.doubtfulAmount} />}
            />
          </Space>
        </Card>
      )}
      <FilterBar
        initialValues={{ issue: values.issue || undefined }}
        onReset={reset}
        onSubmit={(v: Record<string, unknown>) => set({ issue: v.issue as string })}
        extra={
          <ExportButton
            document={ConsoleReconRunDocument}
            variables={variables}
            pick={(d) => d.reconciliationRun?.results ?? EMPTY_PAGE}
            fileName={`reconciliation-run-${code}.csv`}
            columns={[
              { title: 'code', value: (r: ResultRow) => r.code },
              { title: 'out_trade_no', value: (r) => r.outTradeNo },
              { title: 'platform_order_no', value: (r) => r.platformOrderNo },
              { title: 'transaction_id', value: (r) => r.transactionId },
              { title: 'issue', value: (r) => r.issueCode },
              { title: 'issue_text', value: (r) => r.issueText },
              { title: 'note', value: (r) => r.note },
              { title: 'pay_money', value: (r) => r.payMoney },
              { title: 'channel_amount', value: (r) => r.channelAmount },
              { title: 'platform_amount', value: (r) => r.platformAmount },
              { title: 'channel_state', value: (r) => r.channelState },
              { title: 'platform_state', value: (r) => r.platformState },
              { title: 'merchant_id', value: (r) => r.merchantId },
              { title: 'merchant_name', value: (r) => r.merchantName },
              { title: 'payer', value: (r) => r.payer },
              { title: 'trade_time_china_time', value: (r) => formatChinaTime(r.tradeTime) },
              { title: 'resolved', value: (r) => r.resolved },
            ]}
          />
        }
      >
        <Form.Item name="issue" label={tr('结果', 'Verdict')}>
          <Select
            allowClear
            style={{ width: 170 }}
            data-testid="recon-run-issue"
            options={ISSUES.map((i) => ({ value: i, label: issueLabel(i) }))}
          />
        </Form.Item>
      </FilterBar>
      <Table<ResultRow>
        data-testid="recon-run-results-table"
        rowKey="code"
        size="small"
        loading={result.fetching}
        dataSource={run?.results.nodes ?? []}
        columns={columns}
        scroll={{ x: 1600 }}
        pagination={{
          current: page,
          pageSize,
          total: run?.results.totalCount ?? 0,
          showSizeChanger: true,
          showTotal: (total) => tr(`共 ${total} 条`, `${total} in all`),
          onChange: (p, s) => setPage(p, s),
        }}
      />
    </Space>
  );
}
