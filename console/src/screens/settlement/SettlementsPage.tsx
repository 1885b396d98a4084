import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { FilePdfOutlined, PlayCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../../auth/auth';
import { canAct, isPlatform } from '../../auth/session';
import { FilterBar } from '../../components/FilterBar';
import { Money } from '../../components/Money';
import { formatMoney } from '../../format/money';
import { formatChinaTime } from '../../format/time';
import {
  ConsoleSettlementRunDocument,
  ConsoleSettlementSettleDocument,
  ConsoleSettlementsDocument,
  type ConsoleSettlementsQuery,
  type ConsoleSettlementsQueryVariables,
  type SettlementMethod,
  type SettlementState,
} from '../../graphql/generated';
import { useI18n } from '../../i18n/i18n';
import { describeError, ErrorAlert } from '../../lists/errors';
import { ExportButton } from '../../lists/ExportButton';
import { intOrNull, orNull, useUrlState } from '../../lists/url-state';
import { methodLabel, SETTLEMENT_METHODS, stateLabel } from './labels';
import { uploadOperation, VOUCHER_MAX_BYTES, VOUCHER_TYPES, VoucherView } from './voucher';

type SettlementRow = ConsoleSettlementsQuery['settlements']['nodes'][number];
const KEYS = ['code', 'merchantId', 'method', 'state', 'settlementDate'] as const;

/**
 * Settlement records (`/pay/settlement/`): an operator runs settlements on demand and pays a
 * pending record out with its voucher; analysts read; a merchant sees its own with vouchers.
 */
export function SettlementsPage() {
  const session = useSession();
  const { t, tr } = useI18n();
  const { message } = AntApp.useApp();
  const { values, page, pageSize, set, setPage, reset } = useUrlState(KEYS);
  const variables = useMemo<ConsoleSettlementsQueryVariables>(
    () => ({
      page,
      pageSize,
      filter: {
        code: orNull(values.code),
        merchantId: isPlatform(session) ? intOrNull(values.merchantId) : null,
        method: (orNull(values.method) as SettlementMethod | null) ?? null,
        state: (orNull(values.state) as SettlementState | null) ?? null,
        settlementDate: orNull(values.settlementDate),
      },
    }),
    [page, pageSize, values, session],
  );
  const [result, reexecuteQuery] = useQuery({ query: ConsoleSettlementsDocument, variables });
  const settlements = result.data?.settlements;
  const refetch = () => reexecuteQuery({ requestPolicy: 'network-only' });
  const [runOpen, setRunOpen] = useState(false);
  const [settling, setSettling] = useState<SettlementRow | null>(null);

  const columns = [
    { title: tr('结算单号', 'Code'), dataIndex: 'code', width: 80 },
    ...(isPlatform(session)
      ? [
          {
            title: t('common.merchant'),
            width: 150,
            render: (_: unknown, r: SettlementRow) => `${r.merchantName ?? ''} (${r.merchantId})`,
          },
        ]
      : []),
    {
      title: tr('收款账户', 'Paid to'),
      width: 220,
      render: (_: unknown, r: SettlementRow) => (
        <Typography.Text
          ellipsis={{ tooltip: `${r.account.accountName} ${r.account.accountNo}` }}
          style={{ maxWidth: 200 }}
        >
          {methodLabel(r.method, tr)} · {r.account.accountNo}
        </Typography.Text>
      ),
    },
    { title: tr('订单数', 'Orders'), dataIndex: 'orderCount', align: 'right' as const, width: 70 },
    {
      title: tr('订单金额', 'Order total'),
      dataIndex: 'orderTotal',
      align: 'right' as const,
      width: 120,
      render: (v: string) => <Money value={v} />,
    },
    {
      title: tr('结算金额', 'Payout'),
      dataIndex: 'total',
      align: 'right' as const,
      width: 130,
      render: (v: string) => <Money value={v} strong />,
    },
    {
      title: tr('结算周期', 'Period'),
      width: 190,
      render: (_: unknown, r: SettlementRow) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {r.periodStart ? formatChinaTime(r.periodStart).slice(0, 16) : '—'}
          <br />~ {formatChinaTime(r.periodEnd).slice(0, 16)}
        </span>
      ),
    },
    {
      title: t('common.status'),
      dataIndex: 'state',
      width: 90,
      render: (s: SettlementState) => (
        <Tag color={s === 'SETTLED' ? 'green' : 'orange'}>{stateLabel(s, tr)}</Tag>
      ),
    },
    {
      title: tr('凭证', 'Voucher'),
      width: 140,
      render: (_: unknown, r: SettlementRow) =>
        r.voucher ? <VoucherView voucher={r.voucher} testId={`settle-voucher-${r.code}`} /> : '—',
    },
    { title: tr('结算时间', 'Settled at'), dataIndex: 'settlementTime', width: 170, render: formatChinaTime },
    { title: tr('结算人', 'Person'), dataIndex: 'person', width: 140 },
    {
      title: t('common.note'),
      dataIndex: 'remark',
      width: 160,
      render: (v: string | null) =>
        v ? <Typography.Text ellipsis={{ tooltip: v }}>{v}</Typography.Text> : '—',
    },
    ...(canAct(session)
      ? [
          {
            title: tr('操作', 'Actions'),
            fixed: 'right' as const,
            width: 90,
            render: (_: unknown, r: SettlementRow) =>
              r.state === 'PENDING' ? (
                <Button
                  size="small"
                  type="primary"
                  data-testid={`settle-settle-${r.code}`}
                  onClick={() => setSettling(r)}
                >
                  {tr('结算', 'Settle')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4}>{t('nav.settlements')}</Typography.Title>
        {canAct(session) && (
          <Button
            type="primary"
            icon={<PlayCircleOutlined />}
            data-testid="settle-run"
            onClick={() => setRunOpen(true)}
          >
            {tr('立即结算', 'Run settlements')}
          </Button>
        )}
      </Space>
      <FilterBar
        initialValues={{
          ...values,
          settlementDate: values.settlementDate ? dayjs(values.settlementDate) : undefined,
        }}
        onReset={reset}
        onSubmit={(v: Record<string, unknown>) =>
          set({
            code: v.code as string,
            merchantId: v.merchantId as string,
            method: v.method as string,
            state: v.state as string,
            settlementDate: (v.settlementDate as dayjs.Dayjs | undefined)?.format('YYYY-MM-DD'),
          })
        }
        extra={
          <ExportButton
            document={ConsoleSettlementsDocument}
            variables={variables}
            pick={(d) => d.settlements}
            fileName="settlements.csv"
            columns={[
              { title: 'code', value: (r: SettlementRow) => r.code },
              { title: 'merchant_id', value: (r) => r.merchantId },
              { title: 'merchant_name', value: (r) => r.merchantName },
              { title: 'method', value: (r) => r.method },
              { title: 'account_name', value: (r) => r.account.accountName },
              { title: 'account_no', value: (r) => r.account.accountNo },
              { title: 'order_count', value: (r) => r.orderCount },
              { title: 'order_total', value: (r) => r.orderTotal },
              { title: 'total', value: (r) => r.total },
              { title: 'period_start_china_time', value: (r) => formatChinaTime(r.periodStart) },
              { title: 'period_end_china_time', value: (r) => formatChinaTime(r.periodEnd) },
              { title: 'state', value: (r) => r.state },
              { title: 'person', value: (r) => r.person },
              { title: 'settlement_time_china_time', value: (r) => formatChinaTime(r.settlementTime) },
              { title: 'voucher_url', value: (r) => r.voucher?.url },
              { title: 'remark', value: (r) => r.remark },
            ]}
          />
        }
      >
        <Form.Item name="code" label={tr('结算单号', 'Code')}>
          <Input allowClear style={{ width: 120 }} />
        </Form.Item>
        {isPlatform(session) && (
          <Form.Item name="merchantId" label={t('common.merchant')}>
            <Input allowClear placeholder="2024164" style={{ width: 110 }} />
          </Form.Item>
        )}
        <Form.Item name="method" label={tr('结算方式', 'Method')}>
          <Select
            allowClear
            style={{ width: 130 }}
            options={SETTLEMENT_METHODS.map((m) => ({ value: m, label: methodLabel(m, tr) }))}
          />
        </Form.Item>
        <Form.Item name="state" label={t('common.status')}>
          <Select
            allowClear
            style={{ width: 110 }}
            options={(['PENDING', 'SETTLED'] as const).map((s) => ({ value: s, label: stateLabel(s, tr) }))}
          />
        </Form.Item>
        <Form.Item name="settlementDate" label={tr('结算日期', 'Settled on')}>
          <DatePicker />
        </Form.Item>
      </FilterBar>
      <ErrorAlert error={result.error} />
      <div data-testid="settle-records-table">
        <Table<SettlementRow>
          rowKey="code"
          size="small"
          loading={result.fetching}
          dataSource={settlements?.nodes ?? []}
          columns={columns}
          scroll={{ x: 1700 }}
          pagination={{
            current: page,
            pageSize,
            total: settlements?.totalCount ?? 0,
            showSizeChanger: true,
            showTotal: (total) => tr(`共 ${total} 条`, `${total} in all`),
            onChange: (p, s) => setPage(p, s),
          }}
        />
      </div>
      {canAct(session) && (
        <RunSettlementsDialog
          open={runOpen}
          initialMerchantId={intOrNull(values.merchantId)}
          onClose={(ran) => {
            setRunOpen(false);
            if (ran) {
              refetch();
              void message.success(ran);
            }
          }}
        />
      )}
      {canAct(session) && settling && (
        <SettleDialog
          settlement={settling}
          onClose={(done) => {
            setSettling(null);
            if (done) {
              void message.success(tr(`结算单 ${done} 已结算`, `Settlement ${done} settled`));
              refetch();
            }
          }}
        />
      )}
    </Space>
  );
}

/** Runs settlements now: one merchant or every account with a period, up to an instant. */
function RunSettlementsDialog(props: {
  open: boolean;
  initialMerchantId: number | null;
  onClose: (ranMessage: string | null) => void;
}) {
  const { t, tr } = useI18n();
  const [form] = Form.useForm<{ merchantId?: number | null; until?: dayjs.Dayjs | null }>();
  const [, run] = useMutation(ConsoleSettlementRunDocument);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (props.open) {
      setError(null);
      form.setFieldsValue({ merchantId: props.initialMerchantId, until: null });
    }
  }, [props.open, props.initialMerchantId, form]);

  const submit = async (v: { merchantId?: number | null; until?: dayjs.Dayjs | null }) => {
    setBusy(true);
    setError(null);
    const outcome = await run({
      input: { merchantId: v.merchantId ?? null, until: v.until ? v.until.toDate().toISOString() : null },
    });
    setBusy(false);
    if (outcome.error || !outcome.data) {
      setError(describeError(outcome.error) ?? 'no data');
      return;
    }
    const r = outcome.data.runSettlements;
    props.onClose(
      tr(
        `生成 ${r.settlementsCreated} 笔结算单，${r.ordersSettled} 笔订单，合计 ${formatMoney(r.total)}（待结算）`,
        `${r.settlementsCreated} settlements created for ${r.ordersSettled} orders, ${formatMoney(r.total)} in all (pending)`,
      ),
    );
  };

  return (
    <Modal
      open={props.open}
      title={tr('立即结算', 'Run settlements')}
      okText={tr('开始结算', 'Run')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'settle-run-confirm' }}
      onOk={() => form.submit()}
      onCancel={() => props.onClose(null)}
      forceRender
    >
      <Typography.Paragraph>
        {tr(
          '把截至所选时间已对账、未结算的支付订单生成待结算单（每个账户一笔）。此操作不付款：付款在上传凭证结算时发生。',
          'Turns reconciled, not yet settled paid orders up to the chosen time into pending settlements (one per account). Nothing is paid out now: the payout happens when a record is settled with its voucher.',
        )}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="merchantId"
          label={tr('商户号（留空：所有带周期的账户）', 'Merchant id (empty: every account with a period)')}
        >
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="until" label={tr('截至（留空：现在）', 'Until (empty: now)')}>
          <DatePicker showTime style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * Pays a pending settlement out: the operator picks the voucher (previewed when it is an
 * image), confirms the payout that leaves the merchant's available balance, and the
 * voucher travels with `settleSettlement` as a GraphQL multipart request.
 */
function SettleDialog({
  settlement,
  onClose,
}: {
  settlement: SettlementRow;
  onClose: (code: string | null) => void;
}) {
  const session = useSession();
  const { t, tr } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const [remark, setRemark] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);

  useEffect(() => {
    if (!file || !file.type.startsWith('image/')) return undefined;
    const url = URL.createObjectURL(file);
    setPreviewUrl(url);
    return () => {
      URL.revokeObjectURL(url);
      setPreviewUrl(null);
    };
  }, [file]);

  const pick = (picked: File | undefined) => {
    setError(null);
    setFileError(null);
    setFile(null);
    if (!picked) return;
    if (!VOUCHER_TYPES.includes(picked.type)) {
      setFileError(
        tr(
          '凭证须为图片（PNG、JPEG、GIF、WebP）或 PDF',
          'A voucher is an image (PNG, JPEG, GIF, WebP) or a PDF',
        ),
      );
      return;
    }
    if (picked.size > VOUCHER_MAX_BYTES) {
      setFileError(tr('凭证不能超过 5 MB', 'A voucher is at most 5 MB'));
      return;
    }
    setFile(picked);
  };

  const settle = async () => {
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      const data = await uploadOperation({
        token: session.token,
        document: ConsoleSettlementSettleDocument,
        // The gateway stores the file and puts its upload id where the map points.
        variables: {
          input: {
            code: settlement.code,
            voucher: null as unknown as string,
            person: session.sub,
            remark: remark.trim() || null,
          },
        },
        filePath: 'variables.input.voucher',
        file,
        onProgress: setProgress,
      });
      onClose(data.settleSettlement.code);
    } catch (e) {
      setError(describeError(e as Error));
      setProgress(null);
    }
  };

  const busy = progress !== null;
  return (
    <Modal
      open
      title={tr(`结算 ${settlement.code}`, `Settle ${settlement.code}`)}
      okText={tr('确认结算付款', 'Confirm payout')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !file, loading: busy, 'data-testid': 'settle-confirm' }}
      onOk={() => void settle()}
      onCancel={() => !busy && onClose(null)}
      width={620}
    >
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('common.merchant')}>
          {settlement.merchantName ?? ''} ({settlement.merchantId})
        </Descriptions.Item>
        <Descriptions.Item label={tr('收款账户', 'Paid to')}>
          {methodLabel(settlement.account.method, tr)} · {settlement.account.accountName} ·{' '}
          {settlement.account.accountNo}
        </Descriptions.Item>
        <Descriptions.Item label={tr('订单', 'Orders')}>
          {settlement.orderCount} · <Money value={settlement.orderTotal} />
        </Descriptions.Item>
        <Descriptions.Item label={tr('结算金额', 'Payout')}>
          <Money value={settlement.total} strong />
        </Descriptions.Item>
        <Descriptions.Item label={tr('结算人', 'Person')}>{session.sub}</Descriptions.Item>
      </Descriptions>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message={tr(
          `确认后 ${formatMoney(settlement.total)} 将从商户 ${settlement.merchantId} 的可用余额中付出（记入账本），结算单变为已结算，不可撤销。`,
          `On confirming, ${formatMoney(settlement.total)} is paid out of merchant ${settlement.merchantId}'s available balance (posted to the ledger) and the record becomes settled; this cannot be undone.`,
        )}
      />
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text strong>
          {tr('付款凭证（图片或 PDF，最大 5 MB）', 'Payment voucher (image or PDF, at most 5 MB)')}
        </Typography.Text>
        <input
          type="file"
          accept={VOUCHER_TYPES.join(',')}
          data-testid="settle-voucher-input"
          disabled={busy}
          onChange={(e) => pick(e.target.files?.[0])}
        />
        {fileError && <Typography.Text type="danger">{fileError}</Typography.Text>}
        {file && (
          <div data-testid="settle-voucher-preview">
            {previewUrl ? (
              <img
                src={previewUrl}
                alt={file.name}
                style={{ maxWidth: '100%', maxHeight: 260, border: '1px solid #f0f0f0', borderRadius: 4 }}
              />
            ) : (
              <Typography.Text>
                <FilePdfOutlined /> {file.name}
              </Typography.Text>
            )}
            <div>
              <Typography.Text type="secondary">
                {file.name} · {Math.ceil(file.size / 1024)} KB
              </Typography.Text>
            </div>
          </div>
        )}
        <Input.TextArea
          rows={2}
          maxLength={500}
          placeholder={tr('备注（可选）', 'Remark (optional)')}
          value={remark}
          disabled={busy}
          onChange={(e) => setRemark(e.target.value)}
          data-testid="settle-remark"
        />
        {progress !== null && <Progress percent={progress} size="small" />}
        {error && <Alert type="error" showIcon message={error} />}
      </Space>
    </Modal>
  );
}
