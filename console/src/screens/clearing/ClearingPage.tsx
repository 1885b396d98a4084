import { useMemo } from 'react';
import {
  Alert,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useQuery } from 'urql';
import { FilterBar } from '../../components/FilterBar';
import { Money } from '../../components/Money';
import { formatChinaTime } from '../../format/time';
import {
  ConsoleClearingChildWithdrawalsDocument,
  ConsoleClearingChildrenDocument,
  ConsoleClearingIncomingDocument,
  ConsoleClearingMainAccountDocument,
  ConsoleClearingMainAccountsDocument,
  ConsoleClearingRecordsDocument,
  type ConsoleClearingChildWithdrawalsQuery,
  type ConsoleClearingChildrenQuery,
  type ConsoleClearingIncomingQuery,
  type ConsoleClearingRecordsQuery,
  type IncomingPaymentStatus,
} from '../../graphql/generated';
import { useI18n } from '../../i18n/i18n';
import { ErrorAlert } from '../../lists/errors';
import { ExportButton } from '../../lists/ExportButton';
import { intOrNull, orNull, useUrlState } from '../../lists/url-state';

const KEYS = ['merchantId', 'account', 'tab', 'from', 'to', 'status', 'phone'] as const;
type Tab = 'incoming' | 'clearings' | 'children' | 'withdrawals';

/** Main/child account clearing (account-clearing API): the main account's totals and invariant, and its records. */
export function ClearingPage() {
  const { t, tr } = useI18n();
  const { values, set } = useUrlState(KEYS);
  const [accounts] = useQuery({
    query: ConsoleClearingMainAccountsDocument,
    variables: { merchantId: intOrNull(values.merchantId), page: 1, pageSize: 100 },
  });
  const nodes = accounts.data?.mainAccounts.nodes ?? [];
  const accountId = values.account || nodes[0]?.id || null;
  const tab = (values.tab || 'incoming') as Tab;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('nav.clearing')}</Typography.Title>
      <Card size="small">
        <Space wrap>
          <span>{t('common.merchant')}</span>
          <Input.Search
            allowClear
            placeholder="2024164"
            style={{ width: 160 }}
            defaultValue={values.merchantId}
            key={values.merchantId}
            onSearch={(v) => set({ merchantId: v.trim(), account: null })}
          />
          <span>{tr('主账户', 'Main account')}</span>
          <Select
            data-testid="clearing-account"
            style={{ minWidth: 340 }}
            loading={accounts.fetching}
            value={accountId ?? undefined}
            onChange={(v: string) => set({ account: v, tab: values.tab })}
            options={nodes.map((a) => ({
              value: a.id,
              label: `${a.mainAccountUid} · ${a.unionId}${a.merchantId ? ` · ${tr('商户', 'merchant')} ${a.merchantId}` : ''}`,
            }))}
          />
          {(accounts.data?.mainAccounts.totalCount ?? 0) > nodes.length && (
            <Typography.Text type="secondary">
              {tr('仅列出前 100 个，请按商户筛选', 'Only the first 100 are listed: filter by merchant')}
            </Typography.Text>
          )}
        </Space>
      </Card>
      <ErrorAlert error={accounts.error} />
      {!accounts.fetching && nodes.length === 0 && (
        <Alert type="info" showIcon message={tr('没有主账户', 'No main account')} />
      )}
      {accountId && (
        <>
          <Totals id={accountId} />
          <Card size="small">
            <Tabs
              activeKey={tab}
              onChange={(key) => set({ tab: key, from: null, to: null, status: null, phone: null })}
              items={[
                {
                  key: 'incoming',
                  label: tr('入账记录', 'Incoming payments'),
                  children: tab === 'incoming' && <Incoming mainAccountId={accountId} />,
                },
                {
                  key: 'clearings',
                  label: tr('清分记录', 'Clearings'),
                  children: tab === 'clearings' && <Clearings mainAccountId={accountId} />,
                },
                {
                  key: 'children',
                  label: tr('子账户', 'Children'),
                  children: tab === 'children' && <Children mainAccountId={accountId} />,
                },
                {
                  key: 'withdrawals',
                  label: tr('子账户提现', 'Child withdrawals'),
                  children: tab === 'withdrawals' && <ChildWithdrawals mainAccountId={accountId} />,
                },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}

/** The main account's totals and the invariant as the graph checks it (no arithmetic here). */
function Totals({ id }: { id: string }) {
  const { tr } = useI18n();
  const [result] = useQuery({ query: ConsoleClearingMainAccountDocument, variables: { id } });
  const m = result.data?.mainAccount;
  return (
    <Card size="small" data-testid="clearing-totals" loading={result.fetching && !m}>
      <ErrorAlert error={result.error} />
      {m && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} bordered>
            <Descriptions.Item label={tr('主账户号', 'Account uid')}>{m.mainAccountUid}</Descriptions.Item>
            <Descriptions.Item label="unionId">{m.unionId}</Descriptions.Item>
            <Descriptions.Item label={tr('商户', 'Merchant')}>{m.merchantId ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={tr('开户时间', 'Opened')}>
              {formatChinaTime(m.createdAt)}
            </Descriptions.Item>
            <Descriptions.Item label={tr('入账费率', 'In-fee rate')}>{m.inFeeRate}%</Descriptions.Item>
            <Descriptions.Item label={tr('分账费率', 'Share fee rate')}>{m.shareFeeRate}%</Descriptions.Item>
            <Descriptions.Item label={tr('提现费率', 'Withdraw fee rate')}>
              {m.withdrawFeeRate}%
            </Descriptions.Item>
            <Descriptions.Item label={tr('未分余额', 'Balance (unshared)')}>
              <span data-testid="clearing-balance">
                <Money value={m.balance} strong />
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={tr('入账总额', 'Total in')}>
              <Money value={m.totalInAmount} />
            </Descriptions.Item>
            <Descriptions.Item label={tr('入账手续费', 'In-fees')}>
              <Money value={m.totalInFee} />
            </Descriptions.Item>
            <Descriptions.Item label={tr('已分账', 'Shared')}>
              <Money value={m.totalShareAmount} />
            </Descriptions.Item>
            <Descriptions.Item label={tr('分账手续费', 'Share fees')}>
              <Money value={m.totalShareFee} />
            </Descriptions.Item>
            <Descriptions.Item label={tr('子账户提现', 'Withdrawn by children')}>
              <Money value={m.totalWithdrawAmount} />
            </Descriptions.Item>
            <Descriptions.Item label={tr('提现手续费', 'Withdraw fees')}>
              <Money value={m.totalWithdrawFee} />
            </Descriptions.Item>
          </Descriptions>
          <Alert
            type={m.invariantHolds ? 'success' : 'error'}
            data-testid="clearing-invariant"
            data-holds={String(m.invariantHolds)}
            icon={m.invariantHolds ? <CheckCircleFilled /> : <CloseCircleFilled />}
            showIcon
            message={
              <Space wrap size={4} style={{ fontVariantNumeric: 'tabular-nums' }}>
                <span>{tr('未分余额', 'balance')}</span>
                <Money value={m.balance} />
                <span>+ {tr('分账手续费', 'share fees')}</span>
                <Money value={m.totalShareFee} />
                <span>+ {tr('已分账', 'shared')}</span>
                <Money value={m.totalShareAmount} />
                <span>= {tr('入账总额', 'total in')}</span>
                <Money value={m.totalInAmount} />
                <span>− {tr('入账手续费', 'in-fees')}</span>
                <Money value={m.totalInFee} />
              </Space>
            }
            description={
              m.invariantHolds
                ? tr('账务系统核对：等式成立', 'Checked by the ledger: the equation holds')
                : tr(
                    '账务系统核对：等式不成立，余额与记录存在差异，请排查',
                    'Checked by the ledger: the equation does NOT hold — the balance drifted from the records',
                  )
            }
          />
        </Space>
      )}
    </Card>
  );
}

/** The date range part of a tab's filter, as the clearing API reads it (China dates, inclusive). */
function useRange() {
  const state = useUrlState(KEYS);
  const { values } = state;
  return {
    ...state,
    startTime: orNull(values.from),
    endTime: orNull(values.to),
    initialValues: {
      ...values,
      range: values.from && values.to ? [dayjs(values.from), dayjs(values.to)] : undefined,
    },
    rangeOf: (v: Record<string, unknown>) => {
      const range = v.range as [dayjs.Dayjs, dayjs.Dayjs] | undefined;
      return { from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') };
    },
  };
}

function pagination(
  tr: (zh: string, en: string) => string,
  page: number,
  pageSize: number,
  total: number,
  setPage: (p: number, s?: number) => void,
) {
  return {
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100],
    showTotal: (n: number) => tr(`共 ${n} 条`, `${n} in all`),
    onChange: (p: number, s: number) => setPage(p, s),
  };
}

type IncomingRow = ConsoleClearingIncomingQuery['incomingPayments']['nodes'][number];
const INCOMING_COLOURS: Record<string, string> = { PAID: 'green', WAITING: 'processing', FAILED: 'red' };

function Incoming({ mainAccountId }: { mainAccountId: string }) {
  const { t, tr } = useI18n();
  const r = useRange();
  const variables = useMemo(
    () => ({
      mainAccountId,
      status: (orNull(r.values.status) as IncomingPaymentStatus | null) ?? null,
      startTime: r.startTime,
      endTime: r.endTime,
      page: r.page,
      pageSize: r.pageSize,
    }),
    [mainAccountId, r.values.status, r.startTime, r.endTime, r.page, r.pageSize],
  );
  const [result] = useQuery({ query: ConsoleClearingIncomingDocument, variables });
  const data = result.data?.incomingPayments;
  const statusLabel = (s: string) =>
    ({ PAID: tr('已支付', 'Paid'), WAITING: tr('等待中', 'Waiting'), FAILED: tr('失败', 'Failed') })[s] ?? s;
  return (
    <>
      <FilterBar
        initialValues={r.initialValues}
        onReset={() => r.set({ from: null, to: null, status: null })}
        onSubmit={(v: Record<string, unknown>) => r.set({ ...r.rangeOf(v), status: v.status as string })}
        extra={
          <ExportButton
            document={ConsoleClearingIncomingDocument}
            variables={variables}
            pick={(d) => d.incomingPayments}
            fileName="incoming-payments.csv"
            columns={[
              { title: 'client_sn', value: (x: IncomingRow) => x.clientSn },
              { title: 'sn', value: (x) => x.sn },
              { title: 'amount', value: (x) => x.amount },
              { title: 'in_fee', value: (x) => x.inFee },
              { title: 'pay_way', value: (x) => x.payWay },
              { title: 'msg', value: (x) => x.msg },
              { title: 'status', value: (x) => x.status },
              { title: 'gen_time_china_time', value: (x) => formatChinaTime(x.genTime) },
              { title: 'pay_time_china_time', value: (x) => formatChinaTime(x.payTime) },
            ]}
          />
        }
      >
        <Form.Item name="status" label={t('common.status')}>
          <Select
            allowClear
            style={{ width: 110 }}
            options={['PAID', 'WAITING', 'FAILED'].map((s) => ({ value: s, label: statusLabel(s) }))}
          />
        </Form.Item>
        <Form.Item name="range" label={t('common.dateRange')}>
          <DatePicker.RangePicker />
        </Form.Item>
      </FilterBar>
      <ErrorAlert error={result.error} />
      <Table<IncomingRow>
        data-testid="clearing-incoming-table"
        rowKey="id"
        size="small"
        loading={result.fetching}
        dataSource={data?.nodes ?? []}
        scroll={{ x: 1100 }}
        columns={[
          { title: tr('商户流水号', 'Client sn'), dataIndex: 'clientSn' },
          { title: tr('渠道流水号', 'Channel sn'), dataIndex: 'sn', render: (v: string) => v || '—' },
          {
            title: t('common.amount'),
            dataIndex: 'amount',
            align: 'right',
            render: (v: string) => <Money value={v} />,
          },
          {
            title: tr('入账手续费', 'In-fee'),
            dataIndex: 'inFee',
            align: 'right',
            render: (v: string) => <Money value={v} />,
          },
          { title: tr('支付方式', 'Pay way'), dataIndex: 'payWay' },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s: string) => <Tag color={INCOMING_COLOURS[s]}>{statusLabel(s)}</Tag>,
          },
          { title: t('common.createdAt'), dataIndex: 'genTime', render: formatChinaTime },
          { title: t('common.paidAt'), dataIndex: 'payTime', render: formatChinaTime },
        ]}
        pagination={pagination(tr, r.page, r.pageSize, data?.totalCount ?? 0, r.setPage)}
      />
    </>
  );
}

type ClearingRow = ConsoleClearingRecordsQuery['clearingRecords']['nodes'][number];

function Clearings({ mainAccountId }: { mainAccountId: string }) {
  const { t, tr } = useI18n();
  const r = useRange();
  const variables = useMemo(
    () => ({ mainAccountId, startTime: r.startTime, endTime: r.endTime, page: r.page, pageSize: r.pageSize }),
    [mainAccountId, r.startTime, r.endTime, r.page, r.pageSize],
  );
  const [result] = useQuery({ query: ConsoleClearingRecordsDocument, variables });
  const data = result.data?.clearingRecords;
  return (
    <>
      <FilterBar
        initialValues={r.initialValues}
        onReset={() => r.set({ from: null, to: null })}
        onSubmit={(v: Record<string, unknown>) => r.set(r.rangeOf(v))}
        extra={
          <ExportButton
            document={ConsoleClearingRecordsDocument}
            variables={variables}
            pick={(d) => d.clearingRecords}
            fileName="clearings.csv"
            columns={[
              { title: 'client_sn', value: (x: ClearingRow) => x.clientSn },
              { title: 'child_phone', value: (x) => x.childPhone },
              { title: 'amount', value: (x) => x.amount },
              { title: 'fee', value: (x) => x.fee },
              { title: 'gen_time_china_time', value: (x) => formatChinaTime(x.genTime) },
              { title: 'complete_time_china_time', value: (x) => formatChinaTime(x.completeTime) },
            ]}
          />
        }
      >
        <Form.Item name="range" label={t('common.dateRange')}>
          <DatePicker.RangePicker />
        </Form.Item>
      </FilterBar>
      <ErrorAlert error={result.error} />
      <Table<ClearingRow>
        data-testid="clearing-records-table"
        rowKey="id"
        size="small"
        loading={result.fetching}
        dataSource={data?.nodes ?? []}
        columns={[
          { title: tr('流水号', 'Client sn'), dataIndex: 'clientSn' },
          { title: tr('子账户手机号', 'Child phone'), dataIndex: 'childPhone' },
          {
            title: tr('分账金额', 'Amount'),
            dataIndex: 'amount',
            align: 'right',
            render: (v: string) => <Money value={v} />,
          },
          {
            title: tr('分账手续费', 'Share fee'),
            dataIndex: 'fee',
            align: 'right',
            render: (v: string) => <Money value={v} />,
          },
          { title: t('common.createdAt'), dataIndex: 'genTime', render: formatChinaTime },
          { title: tr('完成时间', 'Completed'), dataIndex: 'completeTime', render: formatChinaTime },
        ]}
        pagination={pagination(tr, r.page, r.pageSize, data?.totalCount ?? 0, r.setPage)}
      />
    </>
  );
}

type ChildRow = ConsoleClearingChildrenQuery['childAccounts']['nodes'][number];

function Children({ mainAccountId }: { mainAccountId: string }) {
  const { tr } = useI18n();
  const r = useRange();
  const variables = useMemo(
    () => ({ mainAccountId, phone: orNull(r.values.phone.trim()), page: r.page, pageSize: r.pageSize }),
    [mainAccountId, r.values.phone, r.page, r.pageSize],
  );
  const [result] = useQuery({ query: ConsoleClearingChildrenDocument, variables });
  const data = result.data?.childAccounts;
  return (
    <>
      <FilterBar
        initialValues={r.initialValues}
        onReset={() => r.set({ phone: null })}
        onSubmit={(v: Record<string, unknown>) => r.set({ phone: v.phone as string })}
        extra={
          <ExportButton
            document={ConsoleClearingChildrenDocument}
            variables={variables}
            pick={(d) => d.childAccounts}
            fileName="child-accounts.csv"
            columns={[
              { title: 'id', value: (x: ChildRow) => x.id },
              { title: 'name', value: (x) => x.name },
              { title: 'phone', value: (x) => x.phone ?? x.maskedPhone },
              { title: 'balance', value: (x) => x.balance },
              { title: 'last_modified_china_time', value: (x) => formatChinaTime(x.lastModifiedTime) },
            ]}
          />
        }
      >
        <Form.Item name="phone" label={tr('手机号', 'Phone')}>
          <Input allowClear style={{ width: 160 }} />
        </Form.Item>
      </FilterBar>
      <ErrorAlert error={result.error} />
      <Table<ChildRow>
        data-testid="clearing-children-table"
        rowKey="id"
        size="small"
        loading={result.fetching}
        dataSource={data?.nodes ?? []}
        columns={[
          { title: 'ID', dataIndex: 'id' },
          { title: tr('名称', 'Name'), dataIndex: 'name', render: (v: string) => v || '—' },
          { title: tr('手机号', 'Phone'), render: (_: unknown, x: ChildRow) => x.phone ?? x.maskedPhone },
          {
            title: tr('余额', 'Balance'),
            dataIndex: 'balance',
            align: 'right',
            render: (v: string) => <Money value={v} />,
          },
          { title: tr('最近变动', 'Last change'), dataIndex: 'lastModifiedTime', render: formatChinaTime },
          { title: tr('添加时间', 'Added'), dataIndex: 'createdAt', render: formatChinaTime },
        ]}
        pagination={pagination(tr, r.page, r.pageSize, data?.totalCount ?? 0, r.setPage)}
      />
    </>
  );
}

type ChildWithdrawalRow = ConsoleClearingChildWithdrawalsQuery['childWithdrawals']['nodes'][number];

function ChildWithdrawals({ mainAccountId }: { mainAccountId: string }) {
  const { t, tr } = useI18n();
  const r = useRange();
  const variables = useMemo(
    () => ({ mainAccountId, startTime: r.startTime, endTime: r.endTime, page: r.page, pageSize: r.pageSize }),
    [mainAccountId, r.startTime, r.endTime, r.page, r.pageSize],
  );
  const [result] = useQuery({ query: ConsoleClearingChildWithdrawalsDocument, variables });
  const data = result.data?.childWithdrawals;
  return (
    <>
      <FilterBar
        initialValues={r.initialValues}
        onReset={() => r.set({ from: null, to: null })}
        onSubmit={(v: Record<string, unknown>) => r.set(r.rangeOf(v))}
        extra={
          <ExportButton
            document={ConsoleClearingChildWithdrawalsDocument}
            variables={variables}
            pick={(d) => d.childWithdrawals}
            fileName="child-withdrawals.csv"
            columns={[
              { title: 'client_sn', value: (x: ChildWithdrawalRow) => x.clientSn },
              { title: 'child_phone', value: (x) => x.childPhone },
              { title: 'amount', value: (x) => x.amount },
              { title: 'fee', value: (x) => x.fee },
              { title: 'status', value: (x) => x.status },
              { title: 'gen_time_china_time', value: (x) => formatChinaTime(x.genTime) },
              { title: 'complete_time_china_time', value: (x) => formatChinaTime(x.completeTime) },
            ]}
          />
        }
      >
        <Form.Item name="range" label={t('common.dateRange')}>
          <DatePicker.RangePicker />
        </Form.Item>
      </FilterBar>
      <ErrorAlert error={result.error} />
      <Table<ChildWithdrawalRow>
        data-testid="clearing-withdrawals-table"
        rowKey="id"
        size="small"
        loading={result.fetching}
        dataSource={data?.nodes ?? []}
        columns={[
          { title: tr('流水号', 'Client sn'), dataIndex: 'clientSn' },
          { title: tr('子账户手机号', 'Child phone'), dataIndex: 'childPhone' },
          {
            title: t('common.amount'),
            dataIndex: 'amount',
            align: 'right',
            render: (v: string) => <Money value={v} />,
          },
          {
            title: tr('提现手续费', 'Fee'),
            dataIndex: 'fee',
            align: 'right',
            render: (v: string) => <Money value={v} />,
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s: number) =>
              s === 1 ? <Tag color="green">{tr('已打款', 'Paid out')}</Tag> : <Tag>{s}</Tag>,
          },
          { title: t('common.createdAt'), dataIndex: 'genTime', render: formatChinaTime },
          { title: tr('完成时间', 'Completed'), dataIndex: 'completeTime', render: formatChinaTime },
        ]}
        pagination={pagination(tr, r.page, r.pageSize, data?.totalCount ?? 0, r.setPage)}
      />
    </>
  );
}
