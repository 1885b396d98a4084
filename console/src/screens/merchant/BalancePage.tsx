import { useMemo } from 'react';
import { Alert, Card, Col, Input, Row, Space, Statistic, Typography } from 'antd';
import ReactECharts from 'echarts-for-react';
import { useQuery } from 'urql';
import { useSession } from '../../auth/auth';
import { isPlatform } from '../../auth/session';
import { Money } from '../../components/Money';
import { formatMoney } from '../../format/money';
import { chinaDaysAgo, formatChinaTime } from '../../format/time';
import { ConsoleMerchantBalanceDocument } from '../../graphql/generated';
import { useI18n } from '../../i18n/i18n';
import { ErrorAlert } from '../../lists/errors';
import { intOrNull, useUrlState } from '../../lists/url-state';

const KEYS = ['merchantId'] as const;

/** The merchant's home: balances, paid totals, and the last 7 days of paid amounts. */
export function BalancePage() {
  const session = useSession();
  const { t, tr } = useI18n();
  const platform = isPlatform(session);
  const { values, set } = useUrlState(KEYS);
  const merchantId = platform ? intOrNull(values.merchantId) : null;
  const days = useMemo(() => Array.from({ length: 7 }, (_, i) => chinaDaysAgo(6 - i)), []);
  const [result] = useQuery({
    query: ConsoleMerchantBalanceDocument,
    variables: { merchantId, startTime: days[0], endTime: days[6] },
    pause: platform && merchantId == null,
  });
  const balance = result.data?.merchantBalance;
  const stats = result.data?.merchantStats;

  // The chart shows the graph's decimal strings as given (ECharts reads them); days without
  // paid orders are shown as 0.00, nothing is summed or converted here.
  const byDay = new Map((result.data?.dailySummary.items ?? []).map((i) => [i.date, i]));
  const chart = {
    textStyle: { fontFamily: "'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif" },
    grid: { left: 60, right: 20, top: 40, bottom: 30 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { axisValue: string; dataIndex: number }[]) => {
        const day = params[0]?.axisValue ?? '';
        const item = byDay.get(day);
        return `${day}<br/>${tr('成交', 'Paid')}: ${formatMoney(item?.grossAmount ?? '0.00')} (${item?.orderCount ?? 0})<br/>${tr('商户收入', 'Income')}: ${formatMoney(item?.merchantIncome ?? '0.00')}`;
      },
    },
    legend: { top: 0, data: [tr('成交金额', 'Paid amount'), tr('商户收入', 'Merchant income')] },
    xAxis: { type: 'category', data: days },
    yAxis: { type: 'value' },
    series: [
      {
        name: tr('成交金额', 'Paid amount'),
        type: 'bar',
        data: days.map((d) => byDay.get(d)?.grossAmount ?? '0.00'),
      },
      {
        name: tr('商户收入', 'Merchant income'),
        type: 'line',
        data: days.map((d) => byDay.get(d)?.merchantIncome ?? '0.00'),
      },
    ],
  };

  const period = (label: string, p?: { orderCount: number; grossAmount: string; merchantIncome: string }) => (
    <Card size="small">
      <Statistic title={label} valueRender={() => <Money value={p?.grossAmount} strong />} />
      <Typography.Text type="secondary">
        {tr(`${p?.orderCount ?? 0} 笔 · 收入 `, `${p?.orderCount ?? 0} orders · income `)}
        <Money value={p?.merchantIncome} />
      </Typography.Text>
    </Card>
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('nav.balance')}</Typography.Title>
      {platform && (
        <Space>
          <span>{t('common.merchant')}</span>
          <Input.Search
            placeholder="2024164"
            style={{ width: 180 }}
            defaultValue={values.merchantId}
            key={values.merchantId}
            onSearch={(v) => set({ merchantId: v.trim() })}
          />
        </Space>
      )}
      {platform && merchantId == null && (
        <Alert type="info" showIcon message={tr('请输入商户号', 'Enter a merchant id')} />
      )}
      <ErrorAlert error={result.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} lg={6}>
          <Card size="small" loading={result.fetching && !balance}>
            <Statistic
              title={tr('可用余额（可提现）', 'Available (withdrawable)')}
              valueRender={() => (
                <span data-testid="balance-available">
                  <Money value={balance?.available} strong />
                </span>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Card size="small" loading={result.fetching && !balance}>
            <Statistic
              title={tr('冻结（今日收入，T+1 可提）', 'Frozen (today, withdrawable T+1)')}
              valueRender={() => (
                <span data-testid="balance-frozen">
                  <Money value={balance?.frozen} />
                </span>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Card size="small" loading={result.fetching && !balance}>
            <Statistic
              title={tr('提现中', 'Pending withdrawal')}
              valueRender={() => (
                <span data-testid="balance-pending">
                  <Money value={balance?.pendingWithdrawal} />
                </span>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Card size="small" loading={result.fetching && !balance}>
            <Statistic
              title={tr('预付手续费钱包', 'Prepaid fee wallet')}
              valueRender={() => (
                <span data-testid="balance-prepaid">
                  <Money value={balance?.prepaidFee} />
                </span>
              )}
            />
          </Card>
        </Col>
      </Row>
      {balance?.updatedAt && (
        <Typography.Text type="secondary">
          {tr('余额更新于 ', 'Balance updated ')}
          {formatChinaTime(balance.updatedAt)}
        </Typography.Text>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={6}>
          {period(tr('今日成交', 'Paid today'), stats?.today)}
        </Col>
        <Col xs={24} md={6}>
          {period(tr('昨日成交', 'Paid yesterday'), stats?.yesterday)}
        </Col>
        <Col xs={24} md={6}>
          {period(tr('累计成交', 'Paid in total'), stats?.total)}
        </Col>
        <Col xs={24} md={6}>
          <Card size="small">
            <Statistic
              title={tr('待支付', 'Awaiting payment')}
              valueRender={() => <Money value={stats?.pending.grossAmount} />}
            />
            <Typography.Text type="secondary">
              {tr(`${stats?.pending.orderCount ?? 0} 笔`, `${stats?.pending.orderCount ?? 0} orders`)}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={tr('近 7 日成交', 'Paid in the last 7 days')} data-testid="balance-chart">
        <ReactECharts option={chart} style={{ height: 280 }} notMerge />
      </Card>
    </Space>
  );
}
