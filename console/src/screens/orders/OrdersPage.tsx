import { useMemo } from 'react';
import { Card, DatePicker, Input, Select, Space, Statistic, Table, Tag, Typography, Form } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { useSession } from '../../auth/auth';
import { isPlatform } from '../../auth/session';
import { FilterBar } from '../../components/FilterBar';
import { Money } from '../../components/Money';
import { ReconciliationTag } from '../../components/ReconciliationTag';
import { chinaDayStart, formatChinaTime } from '../../format/time';
import {
  ConsoleChannelsDocument,
  ConsoleOrdersDocument,
  type ConsoleOrdersQuery,
  type ConsoleOrdersQueryVariables,
} from '../../graphql/generated';
import { useI18n } from '../../i18n/i18n';
import { ErrorAlert } from '../../lists/errors';
import { ExportButton } from '../../lists/ExportButton';
import { intOrNull, orNull, useUrlState } from '../../lists/url-state';

type OrderRow = ConsoleOrdersQuery['orders']['nodes'][number];
const KEYS = [
  'merchantId',
  'platformOrderNo',
  'merchantOrderNo',
  'statusCode',
  'channelCode',
  'from',
  'to',
  'minAmount',
  'maxAmount',
] as const;

const STATUS_COLOURS: Record<string, string> = {
  PAID: 'green',
  PENDING: 'default',
  WITHHELD: 'orange',
  REFUNDED: 'red',
};

/** The order list (`/pay/consume_order` for operators; a merchant sees its own): filters in the URL, totals on top. */
export function OrdersPage() {
  const session = useSession();
  const { t, tr } = useI18n();
  const { values, page, pageSize, set, setPage, reset } = useUrlState(KEYS);
  const [channels] = useQuery({ query: ConsoleChannelsDocument });
  const variables = useMemo<ConsoleOrdersQueryVariables>(
    () => ({
      page,
      pageSize,
      filter: {
        merchantId: isPlatform(session) ? intOrNull(values.merchantId) : null,
        platformOrderNo: orNull(values.platformOrderNo),
        merchantOrderNo: orNull(values.merchantOrderNo),
        statusCode: intOrNull(values.statusCode),
        channelCode: orNull(values.channelCode),
        createdFrom: values.from ? chinaDayStart(values.from).toISOString() : null,
        createdTo: values.to ? new Date(chinaDayStart(values.to).getTime() + 86_400_000).toISOString() : null,
        minAmount: orNull(values.minAmount),
        maxAmount: orNull(values.maxAmount),
      },
    }),
    [page, pageSize, values, session],
  );
  const [result] = useQuery({ query: ConsoleOrdersDocument, variables });
  const orders = result.data?.orders;

  const columns = [
    {
      title: tr('平台订单号', 'Order no.'),
      dataIndex: 'platformOrderNo',
      render: (no: string) => <Link to={`/orders/${encodeURIComponent(no)}`}>{no}</Link>,
    },
    { title: tr('商户订单号', 'Merchant order no.'), dataIndex: 'merchantOrderNo' },
    ...(isPlatform(session)
      ? [
          {
            title: t('common.merchant'),
            render: (_: unknown, r: OrderRow) => `${r.merchant.name} (${r.merchantId})`,
          },
        ]
      : []),
    { title: t('common.channel'), render: (_: unknown, r: OrderRow) => r.channel.name },
    {
      title: t('common.amount'),
      dataIndex: 'amount',
      align: 'right' as const,
      render: (v: string) => <Money value={v} />,
    },
    {
      title: tr('商户收入', 'Merchant income'),
      dataIndex: 'merchantIncome',
      align: 'right' as const,
      render: (v: string) => <Money value={v} />,
    },
    {
      title: t('common.status'),
      render: (_: unknown, r: OrderRow) => (
        <Tag color={STATUS_COLOURS[r.status] ?? 'blue'}>
          {isPlatform(session) ? r.adminStatusText : r.statusText}
        </Tag>
      ),
    },
    { title: tr('通知', 'Notify'), dataIndex: 'notifyStatusText' },
    {
      title: tr('对账', 'Reconciled'),
      render: (_: unknown, r: OrderRow) => <ReconciliationTag status={r.reconciliationStatus} />,
    },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatChinaTime },
    { title: t('common.paidAt'), dataIndex: 'paidAt', render: formatChinaTime },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('nav.orders')}</Typography.Title>
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
            platformOrderNo: v.platformOrderNo as string,
            merchantOrderNo: v.merchantOrderNo as string,
            statusCode: v.statusCode as string,
            channelCode: v.channelCode as string,
            minAmount: v.minAmount as string,
            maxAmount: v.maxAmount as string,
            from: range?.[0]?.format('YYYY-MM-DD'),
            to: range?.[1]?.format('YYYY-MM-DD'),
          });
        }}
        extra={
          <ExportButton
            document={ConsoleOrdersDocument}
            variables={variables}
            pick={(d) => d.orders}
            fileName="orders.csv"
            columns={[
              { title: 'platform_order_no', value: (r: OrderRow) => r.platformOrderNo },
              { title: 'merchant_order_no', value: (r) => r.merchantOrderNo },
              { title: 'merchant_id', value: (r) => r.merchantId },
              { title: 'channel', value: (r) => r.channelCode },
              { title: 'amount', value: (r) => r.amount },
              { title: 'merchant_income', value: (r) => r.merchantIncome },
              { title: 'status', value: (r) => r.status },
              { title: 'created_at_china_time', value: (r) => formatChinaTime(r.createdAt) },
              { title: 'paid_at_china_time', value: (r) => formatChinaTime(r.paidAt) },
            ]}
          />
        }
      >
        {isPlatform(session) && (
          <Form.Item name="merchantId" label={t('common.merchant')}>
            <Input placeholder="2024164" style={{ width: 110 }} />
          </Form.Item>
        )}
        <Form.Item name="platformOrderNo" label={tr('订单号', 'Order no.')}>
          <Input allowClear style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="merchantOrderNo" label={tr('商户订单号', 'Merchant no.')}>
          <Input allowClear style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="statusCode" label={t('common.status')}>
          <Select
            allowClear
            style={{ width: 120 }}
            options={[
              { value: '0', label: tr('未支付', 'Pending') },
              { value: '1', label: tr('支付成功', 'Paid') },
              { value: '2', label: tr('扣量', 'Withheld') },
            ]}
          />
        </Form.Item>
        <Form.Item name="channelCode" label={t('common.channel')}>
          <Select
            allowClear
            showSearch
            style={{ width: 170 }}
            options={(channels.data?.channels ?? []).map((c) => ({ value: c.code, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="range" label={t('common.dateRange')}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="minAmount" label={tr('金额从', 'Amount ≥')}>
          <Input style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="maxAmount" label={tr('到', '≤')}>
          <Input style={{ width: 90 }} />
        </Form.Item>
      </FilterBar>
      <ErrorAlert error={result.error} />
      <Card size="small">
        <Space size={48}>
          <Statistic title={tr('订单数', 'Orders')} value={orders?.summary.orderCount ?? 0} />
          <Statistic
            title={tr('成交金额', 'Paid amount')}
            valueRender={() => <Money value={orders?.summary.grossAmount} />}
          />
          <Statistic
            title={tr('商户收入', 'Merchant income')}
            valueRender={() => <Money value={orders?.summary.merchantIncome} />}
          />
        </Space>
      </Card>
      <div data-testid="orders-table">
        <Table<OrderRow>
          rowKey="platformOrderNo"
          size="small"
          loading={result.fetching}
          dataSource={orders?.nodes ?? []}
          columns={columns}
          scroll={{ x: 1300 }}
          pagination={{
            current: page,
            pageSize,
            total: orders?.totalCount ?? 0,
            showSizeChanger: true,
            showTotal: (total) => tr(`共 ${total} 条`, `${total} in all`),
            onChange: (p, s) => setPage(p, s),
          }}
        />
      </div>
    </Space>
  );
}
