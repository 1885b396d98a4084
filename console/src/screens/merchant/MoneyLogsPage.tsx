import { useMemo } from 'react';
import { Alert, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useQuery } from 'urql';
import { useSession } from '../../auth/auth';
import { isPlatform } from '../../auth/session';
import { FilterBar } from '../../components/FilterBar';
import { Money } from '../../components/Money';
import { formatChinaTime } from '../../format/time';
import {
  ConsoleMerchantMoneyLogsDocument,
  type ConsoleMerchantMoneyLogsQuery,
  type ConsoleMerchantMoneyLogsQueryVariables,
} from '../../graphql/generated';
import { useI18n } from '../../i18n/i18n';
import { ErrorAlert } from '../../lists/errors';
import { ExportButton } from '../../lists/ExportButton';
import { intOrNull, orNull, useUrlState } from '../../lists/url-state';

type LogRow = ConsoleMerchantMoneyLogsQuery['moneyLogs']['nodes'][number];
const KEYS = ['merchantId', 'type', 'orderNo', 'from', 'to'] as const;

/** Money log types (the merchant API's `style` 0-3, then the ledger's own kinds). */
const TYPES: [number, string, string][] = [
  [0, '调账', 'Adjustment'],
  [1, '收入', 'Income'],
  [2, '提现', 'Withdrawal'],
  [3, '佣金', 'Commission'],
  [4, '冲正', 'Reversal'],
  [5, '解冻', 'Unfreeze'],
  [6, '提现退回', 'Withdrawal returned'],
  [7, '提现打款', 'Withdrawal paid out'],
  [11, '手续费', 'Fee'],
  [12, '结算打款', 'Settlement payout'],
  [13, '钱包充值', 'Wallet recharge'],
  [14, '账单扣款', 'Bill collection'],
];

/** The merchant's money logs (`/moneylogs`): every change of its available and frozen balances. */
export function MoneyLogsPage() {
  const session = useSession();
  const { t, tr } = useI18n();
  const platform = isPlatform(session);
  const { values, page, pageSize, set, setPage, reset } = useUrlState(KEYS);
  const merchantId = platform ? intOrNull(values.merchantId) : null;
  const variables = useMemo<ConsoleMerchantMoneyLogsQueryVariables>(
    () => ({
      merchantId,
      type: intOrNull(values.type),
      orderNo: orNull(values.orderNo.trim()),
      startTime: orNull(values.from),
      endTime: orNull(values.to),
      page,
      pageSize,
    }),
    [merchantId, values, page, pageSize],
  );
  const needsMerchant = platform && merchantId == null;
  const [result] = useQuery({ query: ConsoleMerchantMoneyLogsDocument, variables, pause: needsMerchant });
  const logs = result.data?.moneyLogs;
  const typeLabel = (code: number, name: string) => {
    const known = TYPES.find(([c]) => c === code);
    return known ? tr(known[1], known[2]) : name;
  };

  const columns = [
    { title: 'ID', dataIndex: 'id' },
    { title: tr('时间', 'Time'), dataIndex: 'createdAt', render: formatChinaTime },
    {
      title: tr('类型', 'Type'),
      render: (_: unknown, r: LogRow) => <Tag>{typeLabel(r.type, r.typeName)}</Tag>,
    },
    {
      title: tr('变动金额', 'Change'),
      dataIndex: 'amount',
      align: 'right' as const,
      render: (v: string) => (
        <span style={{ color: v.startsWith('-') ? '#cf1322' : '#389e0d' }}>
          <Money value={v} />
        </span>
      ),
    },
    {
      title: tr('变动后余额', 'Balance after'),
      dataIndex: 'balanceAfter',
      align: 'right' as const,
      render: (v: string | null) => <Money value={v} />,
    },
    {
      title: tr('账户', 'Account'),
      dataIndex: 'accountPurpose',
      render: (p: string) =>
        p === 'MERCHANT_AVAILABLE'
          ? tr('可用', 'Available')
          : p === 'MERCHANT_FROZEN'
            ? tr('冻结', 'Frozen')
            : p,
    },
    { title: tr('订单号', 'Order no.'), dataIndex: 'orderNo', render: (v: string | null) => v ?? '—' },
    { title: tr('说明', 'Description'), dataIndex: 'description' },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('nav.moneyLogs')}</Typography.Title>
      <FilterBar
        initialValues={{
          ...values,
          range: values.from && values.to ? [dayjs(values.from), dayjs(values.to)] : undefined,
        }}
        onReset={reset}
        onSubmit={(v: Record<string, unknown>) => {
          const range = v.range as [dayjs.Dayjs, dayjs.Dayjs] | undefined;
          set({
            merchantId: v.merchantId as string,
            type: v.type as string,
            orderNo: v.orderNo as string,
            from: range?.[0]?.format('YYYY-MM-DD'),
            to: range?.[1]?.format('YYYY-MM-DD'),
          });
        }}
        extra={
          <ExportButton
            document={ConsoleMerchantMoneyLogsDocument}
            variables={variables}
            pick={(d) => d.moneyLogs}
            fileName="money-logs.csv"
            columns={[
              { title: 'log_id', value: (r: LogRow) => r.id },
              { title: 'created_at_china_time', value: (r) => formatChinaTime(r.createdAt) },
              { title: 'type_code', value: (r) => r.type },
              { title: 'type', value: (r) => r.typeName },
              { title: 'change_amount', value: (r) => r.amount },
              { title: 'balance_after', value: (r) => r.balanceAfter ?? '' },
              { title: 'account', value: (r) => r.accountPurpose },
              { title: 'order_no', value: (r) => r.orderNo ?? '' },
              { title: 'platform_order_no', value: (r) => r.platformOrderNo ?? '' },
              { title: 'unique_no', value: (r) => r.uniqueNo },
              { title: 'description', value: (r) => r.description },
            ]}
          />
        }
      >
        {platform && (
          <Form.Item name="merchantId" label={t('common.merchant')}>
            <Input placeholder="2024164" style={{ width: 110 }} />
          </Form.Item>
        )}
        <Form.Item name="type" label={tr('类型', 'Type')}>
          <Select
            allowClear
            style={{ width: 140 }}
            options={TYPES.map(([code, zh, en]) => ({ value: String(code), label: tr(zh, en) }))}
          />
        </Form.Item>
        <Form.Item name="orderNo" label={tr('订单号', 'Order no.')}>
          <Input allowClear style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="range" label={t('common.dateRange')}>
          <DatePicker.RangePicker />
        </Form.Item>
      </FilterBar>
      {needsMerchant && <Alert type="info" showIcon message={tr('请输入商户号', 'Enter a merchant id')} />}
      <ErrorAlert error={result.error} />
      <Table<LogRow>
        data-testid="moneylogs-table"
        rowKey="id"
        size="small"
        loading={result.fetching}
        dataSource={logs?.nodes ?? []}
        columns={columns}
        scroll={{ x: 1200 }}
        pagination={{
          current: page,
          pageSize,
          total: logs?.totalCount ?? 0,
          showSizeChanger: true,
          showTotal: (total) => tr(`共 ${total} 条`, `${total} in all`),
          onChange: (p, s) => setPage(p, s),
        }}
      />
    </Space>
  );
}
