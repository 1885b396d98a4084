import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DownloadOutlined, QrcodeOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { QRCodeSVG } from 'qrcode.react';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../../auth/auth';
import { canAct, isPlatform } from '../../auth/session';
import { FilterBar } from '../../components/FilterBar';
import { Money } from '../../components/Money';
import { formatMoney, isYuan } from '../../format/money';
import { chinaDate, formatChinaTime } from '../../format/time';
import {
  ConsoleBillingBillsDocument,
  ConsoleBillingCollectDocument,
  ConsoleBillingIssueDocument,
  ConsoleBillingMerchantDocument,
  ConsoleBillingRechargeDocument,
  ConsoleBillingSetTermsDocument,
  type BillReceiptMethod,
  type ConsoleBillingBillsQuery,
  type ConsoleBillingBillsQueryVariables,
  type ConsoleBillingMerchantQuery,
  type ConsoleBillingRechargeMutation,
} from '../../graphql/generated';
import { useI18n } from '../../i18n/i18n';
import { download, toCsv } from '../../lists/csv';
import { describeError, ErrorAlert } from '../../lists/errors';
import { ExportButton } from '../../lists/ExportButton';
import { intOrNull, orNull, useUrlState } from '../../lists/url-state';

type BillRow = ConsoleBillingBillsQuery['merchantBills']['nodes'][number];
type ReceiptRow = ConsoleBillingMerchantQuery['billReceipts'][number];
type Terms = ConsoleBillingMerchantQuery['merchantBillingTerms'];
const KEYS = ['merchantId', 'month'] as const;

const RECEIPT_COLOURS: Record<BillReceiptMethod, string> = {
  AUTO_COLLECTION: 'blue',
  ALIPAY_RECHARGE: 'cyan',
  API_RECHARGE: 'purple',
};

/** The month a China day falls in, "YYYY-MM". */
const currentChinaMonth = () => chinaDate(new Date()).slice(0, 7);

/**
 * Merchant billing (the CRM billing API): monthly bills with receivable / received / left,
 * the selected merchant's receipts, prepaid balance and billing terms; operators issue a
 * finished month's bills, set terms and make recharge links; a merchant sees its own and
 * may make a recharge link for itself.
 */
export function BillingPage() {
  const session = useSession();
  const { t, tr } = useI18n();
  const { values, page, pageSize, set, setPage, reset } = useUrlState(KEYS);
  const platform = isPlatform(session);
  const merchantId = platform ? intOrNull(values.merchantId) : session.merchantId;
  const variables = useMemo<ConsoleBillingBillsQueryVariables>(
    () => ({
      page,
      pageSize,
      merchantId: platform ? intOrNull(values.merchantId) : null,
      month: orNull(values.month),
    }),
    [page, pageSize, values, platform],
  );
  const [bills, reexecuteBills] = useQuery({ query: ConsoleBillingBillsDocument, variables });
  const connection = bills.data?.merchantBills;
  const [merchant, reexecuteMerchant] = useQuery({
    query: ConsoleBillingMerchantDocument,
    variables: { merchantId: merchantId ?? 0 },
    pause: merchantId == null,
  });
  const refetch = () => {
    reexecuteBills({ requestPolicy: 'network-only' });
    if (merchantId != null) reexecuteMerchant({ requestPolicy: 'network-only' });
  };
  const [issueOpen, setIssueOpen] = useState(false);
  const [rechargeOpen, setRechargeOpen] = useState(false);
  // Operators make links for any merchant; a merchant only for itself.
  const mayRecharge = canAct(session) || session.role === 'MERCHANT';

  const columns = [
    { title: tr('账单月份', 'Bill month'), dataIndex: 'billMonth', render: (v: string) => v.slice(0, 7) },
    ...(platform
      ? [
          {
            title: t('common.merchant'),
            render: (_: unknown, r: BillRow) => (
              <Typography.Link onClick={() => set({ merchantId: String(r.merchantId), month: values.month })}>
                {r.merchantName ?? ''} ({r.merchantId})
              </Typography.Link>
            ),
          },
        ]
      : []),
    { title: tr('订单数', 'Orders'), dataIndex: 'orderCount', align: 'right' as const },
    {
      title: tr('销售额', 'Sales'),
      dataIndex: 'salesTotal',
      align: 'right' as const,
      render: (v: string) => <Money value={v} />,
    },
    {
      title: tr('费率', 'Rate'),
      dataIndex: 'ratePercent',
      align: 'right' as const,
      render: (v: number) => `${v}%`,
    },
    {
      title: tr('应收', 'Receivable'),
      dataIndex: 'receivable',
      align: 'right' as const,
      render: (v: string) => <Money value={v} />,
    },
    {
      title: tr('已收', 'Received'),
      dataIndex: 'received',
      align: 'right' as const,
      render: (v: string) => <Money value={v} />,
    },
    {
      title: tr('未收', 'Left'),
      dataIndex: 'left',
      align: 'right' as const,
      render: (v: string) => (
        <Typography.Text type={/^0(\.0+)?$/.test(v) ? undefined : 'danger'}>
          <Money value={v} strong />
        </Typography.Text>
      ),
    },
    { title: tr('销售', 'Sales person'), dataIndex: 'salesName', render: (v: string | null) => v ?? '—' },
    { title: tr('付款备注', 'Pay remark'), dataIndex: 'payRemark' },
    { title: tr('出账', 'Issued by'), dataIndex: 'issuedBy' },
    { title: tr('出账时间', 'Issued at'), dataIndex: 'issuedAt', render: formatChinaTime },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4}>{t('nav.billing')}</Typography.Title>
        <Space>
          {canAct(session) && (
            <Button data-testid="billing-issue" onClick={() => setIssueOpen(true)}>
              {tr('出月账单', 'Issue monthly bills')}
            </Button>
          )}
          {mayRecharge && (
            <Button
              type="primary"
              icon={<QrcodeOutlined />}
              data-testid="billing-recharge-create"
              onClick={() => setRechargeOpen(true)}
            >
              {tr('生成充值链接', 'Recharge link')}
            </Button>
          )}
        </Space>
      </Space>
      <FilterBar
        initialValues={{ ...values, month: values.month ? dayjs(`${values.month}-01`) : undefined }}
        onReset={reset}
        onSubmit={(v: Record<string, unknown>) =>
          set({
            merchantId: v.merchantId as string,
            month: (v.month as dayjs.Dayjs | undefined)?.format('YYYY-MM'),
          })
        }
        extra={
          <ExportButton
            document={ConsoleBillingBillsDocument}
            variables={variables}
            pick={(d) => d.merchantBills}
            fileName="bills.csv"
            columns={[
              { title: 'bill_month', value: (r: BillRow) => r.billMonth.slice(0, 7) },
              { title: 'merchant_id', value: (r) => r.merchantId },
              { title: 'merchant_name', value: (r) => r.merchantName },
              { title: 'order_count', value: (r) => r.orderCount },
              { title: 'sales_total', value: (r) => r.salesTotal },
              { title: 'rate_percent', value: (r) => r.ratePercent },
              { title: 'receivable', value: (r) => r.receivable },
              { title: 'received', value: (r) => r.received },
              { title: 'left', value: (r) => r.left },
              { title: 'sales_name', value: (r) => r.salesName },
              { title: 'pay_remark', value: (r) => r.payRemark },
              { title: 'issued_by', value: (r) => r.issuedBy },
              { title: 'issued_at_china_time', value: (r) => formatChinaTime(r.issuedAt) },
            ]}
          />
        }
      >
        {platform && (
          <Form.Item name="merchantId" label={t('common.merchant')}>
            <Input allowClear placeholder="2024164" style={{ width: 110 }} />
          </Form.Item>
        )}
        <Form.Item name="month" label={tr('账单月份', 'Bill month')}>
          <DatePicker picker="month" />
        </Form.Item>
      </FilterBar>
      <ErrorAlert error={bills.error} />
      <div data-testid="billing-bills-table">
        <Table<BillRow>
          rowKey="id"
          size="small"
          loading={bills.fetching}
          dataSource={connection?.nodes ?? []}
          columns={columns}
          scroll={{ x: 1300 }}
          pagination={{
            current: page,
            pageSize,
            total: connection?.totalCount ?? 0,
            showSizeChanger: true,
            showTotal: (total) => tr(`共 ${total} 条`, `${total} in all`),
            onChange: (p, s) => setPage(p, s),
          }}
        />
      </div>
      {merchantId == null ? (
        <Alert
          type="info"
          showIcon
          message={tr(
            '输入商户号（或点击账单中的商户）查看其预付余额、收款记录和计费条款。',
            'Enter a merchant id (or click a merchant in the bills) to see its prepaid balance, receipts and billing terms.',
          )}
        />
      ) : (
        <MerchantBilling
          merchantId={merchantId}
          data={merchant.data}
          fetching={merchant.fetching}
          error={merchant.error}
          onChanged={refetch}
        />
      )}
      {canAct(session) && (
        <IssueBillsDialog
          open={issueOpen}
          merchantId={platform ? intOrNull(values.merchantId) : null}
          onClose={(changed) => {
            setIssueOpen(false);
            if (changed) refetch();
          }}
        />
      )}
      {mayRecharge && (
        <RechargeDialog open={rechargeOpen} merchantId={merchantId} onClose={() => setRechargeOpen(false)} />
      )}
    </Space>
  );
}

/** One merchant's prepaid balance, what it owes, its terms and its receipts. */
function MerchantBilling(props: {
  merchantId: number;
  data: ConsoleBillingMerchantQuery | undefined;
  fetching: boolean;
  error: Parameters<typeof ErrorAlert>[0]['error'];
  onChanged: () => void;
}) {
  const session = useSession();
  const { t, tr } = useI18n();
  const { message, modal } = AntApp.useApp();
  const [, collect] = useMutation(ConsoleBillingCollectDocument);
  const [termsOpen, setTermsOpen] = useState(false);
  const { data } = props;
  const receipts = data?.billReceipts ?? [];

  const confirmCollect = () =>
    modal.confirm({
      title: tr('从预付余额收款', 'Collect from the prepaid wallet'),
      content: tr(
        `从商户 ${props.merchantId} 的预付余额（${formatMoney(data?.merchant?.prepaidBalance)}）中扣收未收账单（共 ${formatMoney(data?.billingSummary.totalLeft)}），以余额为限。`,
        `Takes what merchant ${props.merchantId}'s open bills leave (${formatMoney(data?.billingSummary.totalLeft)}) from its prepaid wallet (${formatMoney(data?.merchant?.prepaidBalance)}), as far as it reaches.`,
      ),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'billing-collect-confirm' },
      onOk: async () => {
        const outcome = await collect({ input: { merchantId: props.merchantId } });
        if (outcome.error) void message.error(describeError(outcome.error));
        else
          void message.success(
            tr(
              `已收款，剩余未收 ${formatMoney(outcome.data?.collectMerchantBills.totalLeft)}`,
              `Collected; ${formatMoney(outcome.data?.collectMerchantBills.totalLeft)} left owed`,
            ),
          );
        props.onChanged();
      },
    });

  const receiptColumns = [
    { title: tr('收款日期', 'Date'), dataIndex: 'date' },
    { title: tr('收款时间', 'Received at'), dataIndex: 'receivedAt', render: formatChinaTime },
    {
      title: tr('方式', 'Method'),
      render: (_: unknown, r: ReceiptRow) => <Tag color={RECEIPT_COLOURS[r.method]}>{r.methodText}</Tag>,
    },
    {
      title: t('common.amount'),
      dataIndex: 'amount',
      align: 'right' as const,
      render: (v: string) => <Money value={v} />,
    },
  ];

  return (
    <>
      <ErrorAlert error={props.error} />
      <Card
        size="small"
        loading={props.fetching && !data}
        title={tr(
          `商户 ${data?.merchant?.name ?? ''}（${props.merchantId}）`,
          `Merchant ${data?.merchant?.name ?? ''} (${props.merchantId})`,
        )}
        extra={
          canAct(session) && (
            <Button size="small" data-testid="billing-collect" onClick={() => void confirmCollect()}>
              {tr('从预付余额收款', 'Collect now')}
            </Button>
          )
        }
      >
        <Space size={48} wrap>
          <Statistic
            title={tr('预付余额', 'Prepaid balance')}
            valueRender={() => <Money value={data?.merchant?.prepaidBalance} strong />}
          />
          <Statistic
            title={tr('未收合计', 'Left owed')}
            valueRender={() => <Money value={data?.billingSummary.totalLeft} />}
          />
          <Statistic
            title={tr('本月账单未收', 'Latest bill left')}
            valueRender={() => <Money value={data?.billingSummary.thisMonthLeft} />}
          />
        </Space>
        {data && (
          <Descriptions
            size="small"
            style={{ marginTop: 16 }}
            title={tr('计费条款', 'Billing terms')}
            extra={
              canAct(session) && (
                <Button size="small" data-testid="billing-terms-edit" onClick={() => setTermsOpen(true)}>
                  {tr('修改', 'Edit')}
                </Button>
              )
            }
            column={{ xs: 1, md: 3 }}
          >
            <Descriptions.Item label={tr('费率', 'Rate')}>
              {data.merchantBillingTerms.ratePercent}%{' '}
              {!data.merchantBillingTerms.custom && <Tag>{tr('默认', 'Default')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={tr('销售', 'Sales person')}>
              {data.merchantBillingTerms.salesName ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={tr('付款备注', 'Pay remark')}>
              {data.merchantBillingTerms.payRemark}
            </Descriptions.Item>
            {data.merchantBillingTerms.updatedAt && (
              <Descriptions.Item label={tr('最后修改', 'Last set')}>
                {data.merchantBillingTerms.updatedBy ?? '—'} ·{' '}
                {formatChinaTime(data.merchantBillingTerms.updatedAt)}
              </Descriptions.Item>
            )}
          </Descriptions>
        )}
      </Card>
      <Card
        size="small"
        title={tr('收款记录', 'Receipts')}
        extra={
          <Button
            size="small"
            icon={<DownloadOutlined />}
            disabled={receipts.length === 0}
            onClick={() =>
              download(
                `receipts-${props.merchantId}.csv`,
                toCsv(
                  [
                    { title: 'id', value: (r: ReceiptRow) => r.id },
                    { title: 'merchant_id', value: () => props.merchantId },
                    { title: 'date', value: (r) => r.date },
                    { title: 'received_at_china_time', value: (r) => formatChinaTime(r.receivedAt) },
                    { title: 'method', value: (r) => r.method },
                    { title: 'method_text', value: (r) => r.methodText },
                    { title: 'amount', value: (r) => r.amount },
                  ],
                  receipts,
                ),
              )
            }
          >
            {t('common.export')}
          </Button>
        }
      >
        <div data-testid="billing-receipts-table">
          <Table<ReceiptRow>
            rowKey="id"
            size="small"
            loading={props.fetching}
            dataSource={receipts}
            columns={receiptColumns}
            pagination={{ pageSize: 10, showTotal: (total) => tr(`共 ${total} 条`, `${total} in all`) }}
          />
        </div>
      </Card>
      {canAct(session) && data && (
        <TermsDialog
          open={termsOpen}
          terms={data.merchantBillingTerms}
          onClose={(changed) => {
            setTermsOpen(false);
            if (changed) props.onChanged();
          }}
        />
      )}
    </>
  );
}

/** Sets a merchant's billing rate, sales person and pay remark (later bills use them). */
function TermsDialog(props: { open: boolean; terms: Terms; onClose: (changed: boolean) => void }) {
  const { t, tr } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ rate: string; salesName?: string; payRemark?: string }>();
  const [, setTerms] = useMutation(ConsoleBillingSetTermsDocument);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (props.open) {
      setError(null);
      form.setFieldsValue({
        rate: String(props.terms.ratePercent),
        salesName: props.terms.salesName ?? '',
        payRemark: props.terms.payRemark === '暂无' ? '' : props.terms.payRemark,
      });
    }
  }, [props.open, props.terms, form]);

  const submit = async (v: { rate: string; salesName?: string; payRemark?: string }) => {
    setBusy(true);
    setError(null);
    const outcome = await setTerms({
      input: {
        merchantId: props.terms.merchantId,
        rate: v.rate.trim(),
        salesName: v.salesName?.trim() || null,
        payRemark: v.payRemark?.trim() || null,
      },
    });
    setBusy(false);
    if (outcome.error) {
      setError(describeError(outcome.error));
      return;
    }
    void message.success(tr('计费条款已保存', 'Billing terms saved'));
    props.onClose(true);
  };

  return (
    <Modal
      open={props.open}
      title={tr(
        `商户 ${props.terms.merchantId} 计费条款`,
        `Billing terms of merchant ${props.terms.merchantId}`,
      )}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'billing-terms-save' }}
      onOk={() => form.submit()}
      onCancel={() => props.onClose(false)}
      forceRender
    >
      <Typography.Paragraph type="secondary">
        {tr(
          '新条款用于之后出具的账单，已出账单不变。',
          'Later bills use the new terms; bills already issued stay as they are.',
        )}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="rate"
          label={tr('费率（%）', 'Rate (%)')}
          rules={[
            {
              required: true,
              pattern: /^\d{1,3}(\.\d{1,4})?$/,
              message: tr(
                '费率为百分数，最多四位小数，如 5.9',
                'A percentage with at most four decimals, e.g. 5.9',
              ),
            },
          ]}
        >
          <Input suffix="%" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="salesName"
          label={tr('销售（留空：商户的代理）', "Sales person (empty: the merchant's agent)")}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="payRemark" label={tr('付款备注（留空：暂无）', 'Pay remark (empty: 暂无)')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Issues a finished month's bills (every merchant or one) and collects them from the prepaid wallets. */
function IssueBillsDialog(props: {
  open: boolean;
  merchantId: number | null;
  onClose: (changed: boolean) => void;
}) {
  const { t, tr } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ month: dayjs.Dayjs; merchantId?: number | null }>();
  const [, issue] = useMutation(ConsoleBillingIssueDocument);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const thisMonth = currentChinaMonth();

  useEffect(() => {
    if (props.open) {
      setError(null);
      form.setFieldsValue({
        month: dayjs(`${thisMonth}-01`).subtract(1, 'month'),
        merchantId: props.merchantId,
      });
    }
  }, [props.open, props.merchantId, thisMonth, form]);

  const submit = async (v: { month: dayjs.Dayjs; merchantId?: number | null }) => {
    setBusy(true);
    setError(null);
    const outcome = await issue({
      input: { month: v.month.format('YYYY-MM'), merchantId: v.merchantId ?? null },
    });
    setBusy(false);
    if (outcome.error || !outcome.data) {
      setError(describeError(outcome.error) ?? 'no data');
      return;
    }
    const r = outcome.data.issueMonthlyBills;
    const failed = r.failedCollections.length
      ? tr(
          `；收款失败的商户（将自动重试）：${r.failedCollections.join(', ')}`,
          `; collection failed for ${r.failedCollections.join(', ')} (retried automatically)`,
        )
      : '';
    void message.success(
      r.issuedCount === 0
        ? tr(`${r.month} 已出过账单，无新账单`, `${r.month} was billed before: no new bills`)
        : tr(
            `${r.month} 出账 ${r.issuedCount} 张${failed}`,
            `${r.issuedCount} bills issued for ${r.month}${failed}`,
          ),
    );
    props.onClose(true);
  };

  return (
    <Modal
      open={props.open}
      title={tr('出月账单', 'Issue monthly bills')}
      okText={tr('出账并收款', 'Issue and collect')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'billing-issue-confirm' }}
      onOk={() => form.submit()}
      onCancel={() => props.onClose(false)}
      forceRender
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message={tr(
          '为已结束的月份出具账单（应收 = 当月销售额 × 费率），并立即从各商户的预付余额中扣收，以余额为限。每个月只出账一次。',
          "Issues the bills of a finished month (receivable = the month's sales × rate) and collects them from each merchant's prepaid wallet right away, as far as it reaches. A month is billed once.",
        )}
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="month" label={tr('账单月份', 'Bill month')} rules={[{ required: true }]}>
          <DatePicker picker="month" disabledDate={(d) => d.format('YYYY-MM') >= thisMonth} />
        </Form.Item>
        <Form.Item
          name="merchantId"
          label={tr('商户号（留空：所有商户）', 'Merchant id (empty: every merchant)')}
        >
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Makes an Alipay recharge link for a merchant's prepaid wallet and shows it as a QR code. */
function RechargeDialog(props: { open: boolean; merchantId: number | null; onClose: () => void }) {
  const session = useSession();
  const { t, tr } = useI18n();
  const [form] = Form.useForm<{ merchantId?: number | null; amount: string }>();
  const [, create] = useMutation(ConsoleBillingRechargeDocument);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [recharge, setRecharge] = useState<ConsoleBillingRechargeMutation['createWalletRecharge'] | null>(
    null,
  );
  const own = session.role === 'MERCHANT';

  useEffect(() => {
    if (props.open) {
      setError(null);
      setRecharge(null);
      form.setFieldsValue({ merchantId: own ? session.merchantId : props.merchantId, amount: '' });
    }
  }, [props.open, props.merchantId, own, session.merchantId, form]);

  const submit = async (v: { merchantId?: number | null; amount: string }) => {
    const target = own ? session.merchantId : v.merchantId;
    if (target == null) return;
    setBusy(true);
    setError(null);
    const outcome = await create({ input: { merchantId: target, amount: v.amount.trim() } });
    setBusy(false);
    if (outcome.error || !outcome.data) {
      setError(describeError(outcome.error) ?? 'no data');
      return;
    }
    setRecharge(outcome.data.createWalletRecharge);
  };

  return (
    <Modal
      open={props.open}
      title={tr('预付余额充值链接', 'Prepaid wallet recharge link')}
      okText={recharge ? tr('完成', 'Done') : tr('生成链接', 'Create link')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'billing-recharge-confirm' }}
      onOk={() => (recharge ? props.onClose() : form.submit())}
      onCancel={props.onClose}
      forceRender
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {recharge ? (
        <Space orientation="vertical" align="center" style={{ width: '100%' }}>
          <Typography.Text>
            {tr(
              `商户 ${recharge.merchantId} 充值 ${formatMoney(recharge.amount)}：用支付宝扫码或打开链接付款，付款后计入预付余额。`,
              `Recharge ${formatMoney(recharge.amount)} for merchant ${recharge.merchantId}: scan with Alipay or open the link; once paid it is credited to the prepaid wallet.`,
            )}
          </Typography.Text>
          {recharge.payUrl ? (
            <>
              <div data-testid="billing-recharge-qr" data-pay-url={recharge.payUrl}>
                <QRCodeSVG value={recharge.payUrl} size={220} marginSize={2} />
              </div>
              <Typography.Link
                href={recharge.payUrl}
                target="_blank"
                rel="noreferrer"
                data-testid="billing-recharge-link"
              >
                {tr('打开支付宝付款链接', 'Open the Alipay pay link')}
              </Typography.Link>
            </>
          ) : (
            <Typography.Text type="secondary">
              {tr('无付款链接（已支付）', 'No pay link (already paid)')}
            </Typography.Text>
          )}
          <Typography.Text type="secondary">
            {tr('充值单号', 'Recharge no.')} {recharge.outTradeNo} · {formatChinaTime(recharge.createdAt)}
          </Typography.Text>
        </Space>
      ) : null}
      {/* Kept mounted (hidden) while the link shows, so the form stays connected. */}
      <div style={{ display: recharge ? 'none' : undefined }}>
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          {own ? (
            <Typography.Paragraph>
              {t('common.merchant')}: {session.merchantId}
            </Typography.Paragraph>
          ) : (
            <Form.Item name="merchantId" label={tr('商户号', 'Merchant id')} rules={[{ required: true }]}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          )}
          <Form.Item
            name="amount"
            label={tr('金额（元，0.01–10000.00）', 'Amount (yuan, 0.01–10000.00)')}
            rules={[
              {
                validator: (_, value: string | undefined) =>
                  value && isYuan(value) && /^(\d{1,4}(\.\d{1,2})?|10000(\.0{1,2})?)$/.test(value.trim())
                    ? Promise.resolve()
                    : Promise.reject(
                        new Error(
                          tr('请输入 0.01 到 10000.00 的金额', 'Enter an amount from 0.01 to 10000.00'),
                        ),
                      ),
              },
            ]}
          >
            <Input prefix="¥" style={{ width: 200 }} data-testid="billing-recharge-amount" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
