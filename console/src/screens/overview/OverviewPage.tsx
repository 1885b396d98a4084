import { useMemo, type ReactNode } from 'react';
import { Button, Card, Col, Empty, Row, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { Link } from 'react-router-dom';
import { useQuery, type CombinedError } from 'urql';
import { Money } from '../../components/Money';
import { formatMoney, moneyToFen } from '../../format/money';
import { chinaDate, chinaDayStart, chinaDaysAgo, formatChinaTime } from '../../format/time';
import {
  ConsoleOverviewLedgerHealthDocument,
  ConsoleOverviewReconciliationQueuesDocument,
  ConsoleOverviewRunsDocument,
  ConsoleOverviewSettlementsDocument,
  ConsoleOverviewStatsDocument,
  type ConsoleOverviewRunsQuery,
  type ConsoleOverviewStatsQuery,
} from '../../graphql/generated';
import { useI18n } from '../../i18n/i18n';
import { describeError, ErrorAlert } from '../../lists/errors';

// SVG rather than canvas: chart texts are DOM text, so they get the console's CJK web font.
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Stats = ConsoleOverviewStatsQuery['platformOverview'];
type Run = ConsoleOverviewRunsQuery['reconciliationRuns']['nodes'][number];

const DAYS = 7;
const CHART_OPTS = { renderer: 'svg' as const };
const FONT =
  "-apple-system, 'Segoe UI', Roboto, 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** Integer fen as a yuan string ("12345" → "123.45"), by string operations only (chart axes and labels). */
function fenToYuan(fen: number): string {
  const digits = String(Math.abs(Math.trunc(fen))).padStart(3, '0');
  return `${fen < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** paid / created as a percentage with one decimal, from integer counts; "—" without orders. */
function successRate(paid: number, created: number): string {
  return created === 0 ? '—' : `${((paid * 100) / created).toFixed(1)}%`;
}

/** A count card that links to the screen where the items are worked on. */
function CountCard(props: {
  testId: string;
  title: string;
  value: number | undefined;
  to?: string;
  error?: CombinedError;
  danger?: boolean;
  footer?: ReactNode;
}) {
  const { tr } = useI18n();
  const alarming = props.danger && (props.value ?? 0) > 0;
  const body = (
    <Card size="small" hoverable={!!props.to} data-testid={props.testId} style={{ height: '100%' }}>
      <Statistic
        title={props.title}
        value={props.value ?? (props.error ? '!' : '…')}
        valueStyle={alarming ? { color: '#cf1322' } : undefined}
      />
      {props.error && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {describeError(props.error)}
        </Typography.Text>
      )}
      {props.footer}
      {props.to && !props.error && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {tr('点击查看', 'Open')} →
        </Typography.Text>
      )}
    </Card>
  );
  return props.to ? <Link to={props.to}>{body}</Link> : body;
}

/** The operators' overview: today and the last 7 China days, reconciliation per source and day, work queues. */
export function OverviewPage() {
  const { tr } = useI18n();
  const runsFrom = useMemo(() => chinaDayStart(chinaDaysAgo(DAYS)).toISOString(), []);
  const [stats, refetchStats] = useQuery({ query: ConsoleOverviewStatsDocument });
  const [runs, refetchRuns] = useQuery({ query: ConsoleOverviewRunsDocument, variables: { runsFrom } });
  const [queues, refetchQueues] = useQuery({ query: ConsoleOverviewReconciliationQueuesDocument });
  const [settlements, refetchSettlements] = useQuery({ query: ConsoleOverviewSettlementsDocument });
  const [ledger, refetchLedger] = useQuery({ query: ConsoleOverviewLedgerHealthDocument });

  const refresh = () => {
    for (const refetch of [refetchStats, refetchRuns, refetchQueues, refetchSettlements, refetchLedger])
      refetch({ requestPolicy: 'network-only' });
  };

  const overview = stats.data?.platformOverview;
  const today = overview?.days[overview.days.length - 1];
  const health = ledger.data?.ledgerHealth;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {tr('概览', 'Overview')}
        </Typography.Title>
        <Space>
          {overview && (
            <Typography.Text type="secondary">
              {tr('统计时间', 'As of')} {formatChinaTime(overview.generatedAt)}
            </Typography.Text>
          )}
          <Button icon={<ReloadOutlined />} onClick={refresh} data-testid="overview-refresh">
            {tr('刷新', 'Refresh')}
          </Button>
        </Space>
      </Space>

      <ErrorAlert error={stats.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={tr('成交金额（已支付）', 'Volume (paid)')} data-testid="overview-volume">
            <Row gutter={16}>
              <Col span={12}>
                <Statistic
                  title={tr('今日', 'Today')}
                  valueRender={() => <Money value={today?.paidAmount} strong />}
                />
                <Typography.Text type="secondary">
                  {tr('订单', 'Orders')} {today?.orderCount ?? '—'} · {tr('已支付', 'paid')}{' '}
                  {today?.paidCount ?? '—'}
                </Typography.Text>
              </Col>
              <Col span={12}>
                <Statistic
                  title={tr(`近 ${DAYS} 天`, `Last ${DAYS} days`)}
                  valueRender={() => <Money value={overview?.total.paidAmount} strong />}
                />
                <Typography.Text type="secondary">
                  {tr('订单', 'Orders')} {overview?.total.orderCount ?? '—'} · {tr('已支付', 'paid')}{' '}
                  {overview?.total.paidCount ?? '—'}
                </Typography.Text>
              </Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={tr('成功率（已支付 / 创建）', 'Success rate (paid / created)')}
            data-testid="overview-success-rate"
          >
            <Row gutter={16}>
              <Col span={12}>
                <Statistic
                  title={tr('今日', 'Today')}
                  value={today ? successRate(today.paidCount, today.orderCount) : '—'}
                />
              </Col>
              <Col span={12}>
                <Statistic
                  title={tr(`近 ${DAYS} 天`, `Last ${DAYS} days`)}
                  value={overview ? successRate(overview.total.paidCount, overview.total.orderCount) : '—'}
                />
              </Col>
            </Row>
          </Card>
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={6}>
          <CountCard
            testId="overview-open-discrepancies"
            title={tr('未处理差错', 'Open discrepancies')}
            value={queues.data?.discrepancies.totalCount}
            error={queues.error}
            to="/reconciliation/discrepancies"
            danger
          />
        </Col>
        <Col xs={24} lg={5}>
          <CountCard
            testId="overview-pending-approvals"
            title={tr('待复核', 'Pending approvals')}
            value={queues.data?.resolutions.totalCount}
            error={queues.error}
            to="/reconciliation/approvals"
          />
        </Col>
        <Col xs={24} lg={5}>
          <CountCard
            testId="overview-pending-settlements"
            title={tr('待结算', 'Pending settlements')}
            value={settlements.data?.settlements.totalCount}
            error={settlements.error}
            to="/settlement/records"
          />
        </Col>
        <Col xs={24} lg={4}>
          <CountCard
            testId="overview-failed-notifications"
            title={tr('商户通知失败', 'Failed notifications')}
            value={overview?.failedNotifications}
            error={stats.error}
            to="/orders"
            danger
          />
        </Col>
        <Col xs={24} lg={4}>
          <CountCard
            testId="overview-ledger-drift"
            title={tr('账务核验问题', 'Ledger drift findings')}
            value={health?.findings}
            error={ledger.error}
            danger
            footer={
              health && (
                <div style={{ fontSize: 12 }}>
                  {health.checks
                    .filter((c) => c.count > 0)
                    .map((c) => (
                      <div key={c.name}>
                        <Typography.Text type="danger">
                          {c.name}: {c.count}
                        </Typography.Text>
                      </div>
                    ))}
                  <Tooltip title={health.checks.map((c) => `${c.name}: ${c.count}`).join('\n')}>
                    <Typography.Text type="secondary">
                      {health.findings === 0 ? tr('全部通过', 'All checks pass') : ''}{' '}
                      {tr('核验于', 'checked')} {formatChinaTime(health.checkedAt).slice(11)}
                    </Typography.Text>
                  </Tooltip>
                </div>
              )
            }
          />
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card size="small" title={tr('每日成交（按创建日）', 'Per day (by day of creation)')}>
            <div data-testid="overview-daily-chart">
              {overview ? <DailyChart days={overview.days} /> : <Empty />}
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card
            size="small"
            title={tr(`通道占比（近 ${DAYS} 天成交金额）`, `Per channel (volume, last ${DAYS} days)`)}
          >
            <div data-testid="overview-channel-chart">
              {overview && overview.channels.length > 0 ? (
                <ChannelChart channels={overview.channels} />
              ) : (
                <Empty description={tr('暂无订单', 'No orders')} />
              )}
            </div>
          </Card>
        </Col>
      </Row>

      <Card size="small" title={tr('对账状态（按来源和账单日）', 'Reconciliation by source and bill day')}>
        <ErrorAlert error={runs.error} />
        <ReconciliationGrid runs={runs.data?.reconciliationRuns.nodes ?? []} loading={runs.fetching} />
      </Card>
    </Space>
  );
}

function DailyChart({ days }: { days: Stats['days'] }) {
  const { tr } = useI18n();
  const option = useMemo(() => {
    const volume = tr('成交金额', 'Volume');
    const orders = tr('订单数', 'Orders');
    const rate = tr('成功率', 'Success rate');
    return {
      textStyle: { fontFamily: FONT },
      tooltip: {
        trigger: 'axis',
        formatter: (params: { dataIndex: number }[]) => {
          const d = days[params[0]?.dataIndex ?? 0];
          if (!d) return '';
          return [
            d.date,
            `${volume}: ${formatMoney(d.paidAmount)}`,
            `${orders}: ${d.orderCount} (${tr('已支付', 'paid')} ${d.paidCount})`,
            `${rate}: ${successRate(d.paidCount, d.orderCount)}`,
          ].join('<br/>');
        },
      },
      legend: { top: 0, data: [volume, orders, rate] },
      grid: { left: 70, right: 60, top: 56, bottom: 30 },
      xAxis: { type: 'category', data: days.map((d) => d.date.slice(5)) },
      yAxis: [
        { type: 'value', name: '¥', axisLabel: { formatter: (fen: number) => fenToYuan(fen) } },
        { type: 'value', name: '%', min: 0, max: 100, splitLine: { show: false } },
        { type: 'value', show: false, minInterval: 1 },
      ],
      series: [
        { name: volume, type: 'bar', data: days.map((d) => moneyToFen(d.paidAmount)), yAxisIndex: 0 },
        { name: orders, type: 'line', data: days.map((d) => d.orderCount), yAxisIndex: 2, symbol: 'circle' },
        {
          name: rate,
          type: 'line',
          yAxisIndex: 1,
          data: days.map((d) =>
            d.orderCount === 0 ? null : Number(((d.paidCount * 100) / d.orderCount).toFixed(1)),
          ),
        },
      ],
    };
  }, [days, tr]);
  return (
    <ReactEChartsCore echarts={echarts} option={option} notMerge opts={CHART_OPTS} style={{ height: 300 }} />
  );
}

function ChannelChart({ channels }: { channels: Stats['channels'] }) {
  const { tr } = useI18n();
  const option = {
    textStyle: { fontFamily: FONT },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number; percent: number }) => {
        const c = channels[p.dataIndex];
        if (!c) return '';
        return [
          `${c.channelName} (${c.channelCode})`,
          `${tr('成交金额', 'Volume')}: ${formatMoney(c.paidAmount)} (${p.percent}%)`,
          `${tr('订单数', 'Orders')}: ${c.orderCount} (${tr('已支付', 'paid')} ${c.paidCount})`,
          `${tr('成功率', 'Success rate')}: ${successRate(c.paidCount, c.orderCount)}`,
        ].join('<br/>');
      },
    },
    legend: { type: 'scroll', bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        top: -20,
        data: channels.map((c) => ({ name: c.channelName, value: moneyToFen(c.paidAmount) })),
        label: { formatter: '{b}\n{d}%' },
      },
    ],
  };
  return (
    <ReactEChartsCore echarts={echarts} option={option} notMerge opts={CHART_OPTS} style={{ height: 300 }} />
  );
}

/** Sources × the last 7 bill days; each cell shows the newest run of that source for that day. */
function ReconciliationGrid({ runs, loading }: { runs: Run[]; loading: boolean }) {
  const { tr } = useI18n();
  const days = useMemo(() => Array.from({ length: DAYS }, (_, i) => chinaDaysAgo(DAYS - 1 - i)), []);
  const { sources, cells } = useMemo(() => {
    const cells = new Map<string, Run>();
    // Runs come newest first: the first one seen for a source and day is the one that counts.
    for (const run of runs) {
      const key = `${run.source}|${chinaDate(new Date(run.periodStart))}`;
      if (!cells.has(key)) cells.set(key, run);
    }
    const sources = [...new Set(runs.map((r) => r.source))].sort();
    return { sources, cells };
  }, [runs]);

  const cell = (run: Run | undefined) => {
    if (!run) return <Typography.Text type="secondary">—</Typography.Text>;
    const tags =
      run.status === 'RUNNING' ? (
        <Tag color="processing">{tr('对账中', 'Running')}</Tag>
      ) : run.status === 'FAILED' ? (
        <Tag color="error">{tr('失败', 'Failed')}</Tag>
      ) : (
        <Space size={2} wrap>
          <Tooltip title={tr('相符', 'Matched')}>
            <Tag color="success">✓ {run.matchedCount}</Tag>
          </Tooltip>
          <Tooltip title={tr('异常', 'Abnormal')}>
            <Tag color={run.abnormalCount > 0 ? 'error' : 'default'}>✗ {run.abnormalCount}</Tag>
          </Tooltip>
          <Tooltip title={tr('存疑', 'Doubtful')}>
            <Tag color={run.doubtfulCount > 0 ? 'warning' : 'default'}>? {run.doubtfulCount}</Tag>
          </Tooltip>
        </Space>
      );
    return (
      <Link
        to={`/reconciliation/runs/${encodeURIComponent(run.code)}`}
        data-testid={`overview-recon-cell-${run.code}`}
      >
        {tags}
      </Link>
    );
  };

  const columns = [
    { title: tr('来源', 'Source'), dataIndex: 'source', fixed: 'left' as const, width: 110 },
    ...days.map((day) => ({
      title: day.slice(5),
      key: day,
      render: (_: unknown, row: { source: string }) => cell(cells.get(`${row.source}|${day}`)),
    })),
  ];

  return (
    <div data-testid="overview-recon-grid">
      <Table
        size="small"
        rowKey="source"
        loading={loading}
        pagination={false}
        scroll={{ x: true }}
        columns={columns}
        dataSource={sources.map((source) => ({ source }))}
        locale={{
          emptyText: tr(`近 ${DAYS} 天没有对账记录`, `No reconciliation runs in the last ${DAYS} days`),
        }}
      />
    </div>
  );
}
