import { useMemo, useState } from 'react';
import { Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography, message } from 'antd';
import { PlayCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../../auth/auth';
import { canAct } from '../../auth/session';
import { FilterBar } from '../../components/FilterBar';
import { Money } from '../../components/Money';
import { chinaDayStart, chinaDaysAgo, formatChinaTime } from '../../format/time';
import {
  ConsoleReconRunsDocument,
  ConsoleReconStartRunDocument,
  type ConsoleReconRunsQuery,
  type ConsoleReconRunsQueryVariables,
} from '../../graphql/generated';
import { useI18n } from '../../i18n/i18n';
import { describeError, ErrorAlert } from '../../lists/errors';
import { ExportButton } from '../../lists/ExportButton';
import { orNull, useUrlState } from '../../lists/url-state';
import { formatPeriod, useSourceOptions } from './shared';

type RunRow = ConsoleReconRunsQuery['reconciliationRuns']['nodes'][number];
const KEYS = ['source', 'person', 'from', 'to'] as const;
const DAY_MS = 86_400_000;
const nextDayStart = (day: string) => new Date(chinaDayStart(day).getTime() + DAY_MS);

const STATUS_COLOURS: Record<string, string> = { DONE: 'green', RUNNING: 'blue', FAILED: 'red' };

/** Reconciliation runs (`/pay/check_record/`); an operator starts one over a source and China days. */
export function RunsPage() {
  const session = useSession();
  const { t, tr } = useI18n();
  const sourceOptions = useSourceOptions();
  const { values, page, pageSize, set, setPage, reset } = useUrlState(KEYS);
  const variables = useMemo<ConsoleReconRunsQueryVariables>(
    () => ({
      page,
      pageSize,
      source: orNull(values.source),
      person: orNull(values.person),
      startTime: values.from ? chinaDayStart(values.from).toISOString() : null,
      endTime: values.to ? new Date(nextDayStart(values.to).getTime() - 1).toISOString() : null,
    }),
    [page, pageSize, values],
  );
  const [result, reexecuteQuery] = useQuery({ query: ConsoleReconRunsDocument, variables });
  const runs = result.data?.reconciliationRuns;

  const [starting, setStarting] = useState(false);
  const [startState, startRun] = useMutation(ConsoleReconStartRunDocument);
  const [form] = Form.useForm<{ source: string; period: [dayjs.Dayjs, dayjs.Dayjs]; remark?: string }>();

  const submitRun = async () => {
    const v = await form.validateFields();
    const from = v.period[0].format('YYYY-MM-DD');
    const to = v.period[1].format('YYYY-MM-DD');
    const answer = await startRun({
      input: {
        source: v.source,
        periodStart: chinaDayStart(from).toISOString(),
        periodEnd: nextDayStart(to).toISOString(),
        remark: v.remark?.trim() || null,
      },
    });
    if (answer.error) {
      void message.error(describeError(answer.error));
      return;
    }
    const run = answer.data?.startReconciliationRun;
    if (run?.status === 'FAILED')
      void message.error(tr(`对账失败：${run.error ?? ''}`, `The run failed: ${run.error ?? ''}`));
    else
      void message.success(
        tr(
          `对账完成：平账 ${run?.matchedCount ?? 0}，异常 ${run?.abnormalCount ?? 0}，存疑 ${run?.doubtfulCount ?? 0}`,
          `Run done: ${run?.matchedCount ?? 0} matched, ${run?.abnormalCount ?? 0} abnormal, ${run?.doubtfulCount ?? 0} doubtful`,
        ),
      );
    setStarting(false);
    form.resetFields();
    reexecuteQuery({ requestPolicy: 'network-only' });
  };

  const columns = [
    {
      title: tr('对账单号', 'Run code'),
      dataIndex: 'code',
      render: (code: string) => (
        <Link to={`/reconciliation/runs/${encodeURIComponent(code)}`} data-testid={`recon-run-${code}`}>
          {code.slice(0, 12)}…
        </Link>
      ),
    },
    { title: tr('来源', 'Source'), dataIndex: 'source' },
    {
      title: tr('对账期间', 'Period'),
      render: (_: unknown, r: RunRow) => formatPeriod(r.periodStart, r.periodEnd),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      render: (s: string, r: RunRow) => (
        <Tag color={STATUS_COLOURS[s]} title={r.error ?? undefined}>
          {s === 'DONE'
            ? tr('完成', 'Done')
            : s === 'RUNNING'
              ? tr('进行中', 'Running')
              : tr('失败', 'Failed')}
        </Tag>
      ),
    },
    { title: tr('渠道行', 'Channel lines'), dataIndex: 'statementLineCount', align: 'right' as const },
    { title: tr('总笔数', 'Lines'), dataIndex: 'lineCount', align: 'right' as const },
    {
      title: tr('总金额', 'Total'),
      dataIndex: 'lineAmount',
      align: 'right' as const,
      render: (v: string) => <Money value={v} />,
    },
    { title: tr('平账笔数', 'Matched'), dataIndex: 'matchedCount', align: 'right' as const },
    {
      title: tr('平账金额', 'Matched amount'),
      dataIndex: 'matchedAmount',
      align: 'right' as const,
      render: (v: string) => <Money value={v} />,
    },
    { title: tr('异常笔数', 'Abnormal'), dataIndex: 'abnormalCount', align: 'right' as const },
    {
      title: tr('异常金额', 'Abnormal amount'),
      dataIndex: 'abnormalAmount',
      align: 'right' as const,
      render: (v: string) => <Money value={v} />,
    },
    { title: tr('存疑笔数', 'Doubtful'), dataIndex: 'doubtfulCount', align: 'right' as const },
    { title: tr('对账人', 'Person'), dataIndex: 'person' },
    { title: t('common.note'), dataIndex: 'remark', render: (v: string | null) => v ?? '' },
    { title: tr('对账时间', 'Started'), dataIndex: 'createdAt', render: formatChinaTime },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('nav.runs')}</Typography.Title>
      <FilterBar
        initialValues={{
          source: values.source || undefined,
          person: values.person,
          range: values.from && values.to ? [dayjs(values.from), dayjs(values.to)] : undefined,
        }}
        onReset={reset}
        onSubmit={(v: Record<string, unknown>) => {
          const range = v.range as [dayjs.Dayjs, dayjs.Dayjs] | undefined;
          set({
            source: v.source as string,
            person: v.person as string,
            from: range?.[0]?.format('YYYY-MM-DD'),
            to: range?.[1]?.format('YYYY-MM-DD'),
          });
        }}
        extra={
          <>
            <ExportButton
              document={ConsoleReconRunsDocument}
              variables={variables}
              pick={(d) => d.reconciliationRuns}
              fileName="reconciliation-runs.csv"
              columns={[
                { title: 'code', value: (r: RunRow) => r.code },
                { title: 'source', value: (r) => r.source },
                { title: 'period_start_china_time', value: (r) => formatChinaTime(r.periodStart) },
                { title: 'period_end_china_time', value: (r) => formatChinaTime(r.periodEnd) },
                { title: 'status', value: (r) => r.status },
                { title: 'statement_line_count', value: (r) => r.statementLineCount },
                { title: 'line_count', value: (r) => r.lineCount },
                { title: 'line_amount', value: (r) => r.lineAmount },
                { title: 'matched_count', value: (r) => r.matchedCount },
                { title: 'matched_amount', value: (r) => r.matchedAmount },
                { title: 'abnormal_count', value: (r) => r.abnormalCount },
                { title: 'abnormal_amount', value: (r) => r.abnormalAmount },
                { title: 'doubtful_count', value: (r) => r.doubtfulCount },
                { title: 'doubtful_amount', value: (r) => r.doubtfulAmount },
                { title: 'person', value: (r) => r.person },
                { title: 'remark', value: (r) => r.remark },
                { title: 'created_at_china_time', value: (r) => formatChinaTime(r.createdAt) },
              ]}
            />
            {canAct(session) && (
              <Button
                type="primary"
                icon={<PlayCircleOutlined />}
                data-testid="recon-start-run"
                onClick={() => setStarting(true)}
              >
                {tr('发起对账', 'Start a run')}
              </Button>
            )}
          </>
        }
      >
        <Form.Item name="source" label={tr('来源', 'Source')}>
          <Select allowClear style={{ width: 170 }} options={sourceOptions} />
        </Form.Item>
        <Form.Item name="person" label={tr('对账人', 'Person')}>
          <Input allowClear placeholder="auto" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="range" label={tr('对账时间', 'Started')}>
          <DatePicker.RangePicker />
        </Form.Item>
      </FilterBar>
      <ErrorAlert error={result.error} />
      <Table<RunRow>
        data-testid="recon-runs-table"
        rowKey="code"
        size="small"
        loading={result.fetching}
        dataSource={runs?.nodes ?? []}
        columns={columns}
        scroll={{ x: 1600 }}
        pagination={{
          current: page,
          pageSize,
          total: runs?.totalCount ?? 0,
          showSizeChanger: true,
          showTotal: (total) => tr(`共 ${total} 条`, `${total} in all`),
          onChange: (p, s) => setPage(p, s),
        }}
      />
      <Modal
        open={starting}
        title={tr('发起对账', 'Start a reconciliation run')}
        okText={tr('开始对账', 'Start')}
        cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'recon-start-run-ok', loading: startState.fetching }}
        onOk={() => void submitRun()}
        onCancel={() => setStarting(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {tr(
            '按中国时间的自然日，将该来源在期间内的渠道账单行与订单逐笔核对，生成对账明细并更新各订单的对账状态；不会变动任何资金。',
            'Matches the source’s channel lines traded in the period (China days) with the orders, writes the grid and sets each order’s reconciliation status; no money moves.',
          )}
        </Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            source: 'sandbox-wechat',
            period: [dayjs(chinaDaysAgo(1)), dayjs(chinaDaysAgo(1))],
          }}
        >
          <Form.Item name="source" label={tr('来源', 'Source')} rules={[{ required: true }]}>
            <Select options={sourceOptions} data-testid="recon-start-run-source" />
          </Form.Item>
          <Form.Item
            name="period"
            label={tr('对账日期（中国时间，最长 31 天）', 'Days (China time, at most 31)')}
            rules={[{ required: true }]}
          >
            <DatePicker.RangePicker data-testid="recon-start-run-period" />
          </Form.Item>
          <Form.Item name="remark" label={t('common.note')}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
