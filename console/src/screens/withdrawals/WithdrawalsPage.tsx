import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Result,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import dayjs from 'dayjs';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../../auth/auth';
import { canAct, isPlatform } from '../../auth/session';
import { FilterBar } from '../../components/FilterBar';
import { Money } from '../../components/Money';
import { formatMoney, isYuan } from '../../format/money';
import { chinaDayStart, formatChinaTime } from '../../format/time';
import {
  ConsoleWithdrawalsCancelDocument,
  ConsoleWithdrawalsFreezeDocument,
  ConsoleWithdrawalsListDocument,
  ConsoleWithdrawalsMarkPaidDocument,
  ConsoleWithdrawalsOneDocument,
  ConsoleWithdrawalsRequestContextDocument,
  ConsoleWithdrawalsRequestDocument,
  type ConsoleWithdrawalsListQuery,
  type ConsoleWithdrawalsListQueryVariables,
  type ConsoleWithdrawalsRequestMutation,
} from '../../graphql/generated';
import { useI18n } from '../../i18n/i18n';
import { describeError, ErrorAlert } from '../../lists/errors';
import { ExportButton } from '../../lists/ExportButton';
import { intOrNull, orNull, useUrlState } from '../../lists/url-state';

type WithdrawalRow = ConsoleWithdrawalsListQuery['withdrawals']['nodes'][number];
type Action = 'paid' | 'freeze' | 'cancel';

const KEYS = ['merchantId', 'statusCode', 'withdrawNo', 'from', 'to'] as const;
const STATUS_COLOURS: Record<string, string> = {
  APPLIED: 'processing',
  PAID: 'green',
  FROZEN: 'orange',
  CANCELLED: 'default',
};

/** Which lifecycle actions an operator may take on a withdrawal in this status (the graph decides; this hides what it would refuse). */
const ACTIONS_BY_STATUS: Record<string, Action[]> = {
  APPLIED: ['paid', 'freeze', 'cancel'],
  FROZEN: ['paid', 'cancel'],
};

/** A fresh idempotency key for one request dialog: a double click or a retry never withdraws twice. */
const newRequestId = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? `console-${crypto.randomUUID()}`
    : `console-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** Withdrawals (`/withdrawlist`): operators mark paid, freeze or cancel; a merchant sees its own and requests new ones. */
export function WithdrawalsPage() {
  const session = useSession();
  const { t, tr } = useI18n();
  const platform = isPlatform(session);
  const operator = canAct(session);
  const merchant = session.role === 'MERCHANT';
  const { values, page, pageSize, set, setPage, reset } = useUrlState(KEYS);

  const variables = useMemo<ConsoleWithdrawalsListQueryVariables>(
    () => ({
      page,
      pageSize,
      merchantId: platform ? intOrNull(values.merchantId) : null,
      statusCode: intOrNull(values.statusCode),
      startTime: values.from ? chinaDayStart(values.from).toISOString() : null,
      endTime: values.to ? new Date(chinaDayStart(values.to).getTime() + 86_400_000 - 1).toISOString() : null,
    }),
    [page, pageSize, values, platform],
  );
  const lookup = orNull(values.withdrawNo.trim());
  const [list, reexecuteList] = useQuery({
    query: ConsoleWithdrawalsListDocument,
    variables,
    pause: !!lookup,
  });
  const [one, reexecuteOne] = useQuery({
    query: ConsoleWithdrawalsOneDocument,
    variables: { withdrawNo: lookup ?? '', merchantId: platform ? intOrNull(values.merchantId) : null },
    pause: !lookup,
  });
  const refetch = () => {
    if (lookup) reexecuteOne({ requestPolicy: 'network-only' });
    else reexecuteList({ requestPolicy: 'network-only' });
  };

  const rows: WithdrawalRow[] = lookup
    ? one.data?.withdrawal
      ? [one.data.withdrawal]
      : []
    : (list.data?.withdrawals.nodes ?? []);
  const total = lookup ? rows.length : (list.data?.withdrawals.totalCount ?? 0);

  const [pending, setPending] = useState<{ action: Action; row: WithdrawalRow } | null>(null);
  const [requesting, setRequesting] = useState(false);

  const statusLabel = (status: string) =>
    ({
      APPLIED: tr('待处理', 'Applied'),
      PAID: tr('已打款', 'Paid'),
      FROZEN: tr('已冻结', 'Frozen'),
      CANCELLED: tr('已取消', 'Cancelled'),
    })[status] ?? status;

  const columns = [
    { title: tr('提现单号', 'Withdraw no.'), dataIndex: 'withdrawNo', width: 190 },
    ...(platform ? [{ title: t('common.merchant'), dataIndex: 'merchantId', width: 90 }] : []),
    {
      title: t('common.amount'),
      dataIndex: 'amount',
      align: 'right' as const,
      render: (v: string) => <Money value={v} />,
    },
    {
      title: tr('手续费', 'Fee'),
      dataIndex: 'fee',
      align: 'right' as const,
      render: (v: string) => <Money value={v} />,
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      render: (s: string) => <Tag color={STATUS_COLOURS[s] ?? 'blue'}>{statusLabel(s)}</Tag>,
    },
    {
      title: tr('收款账户', 'Bank account'),
      width: 300,
      ellipsis: true,
      render: (_: unknown, r: WithdrawalRow) => (
        <span>
          {r.accountName} · {r.bankName}
          {r.branch ? ` ${r.branch}` : ''} · {r.maskedAccountNumber}
        </span>
      ),
    },
    { title: tr('代付', 'Agent pay'), dataIndex: 'agentPayStatusName' },
    { title: tr('通知', 'Notify'), dataIndex: 'notifyStatusName' },
    { title: t('common.createdAt'), dataIndex: 'createdAt', width: 170, render: formatChinaTime },
    { title: tr('更新时间', 'Updated'), dataIndex: 'updatedAt', width: 170, render: formatChinaTime },
    ...(operator
      ? [
          {
            title: tr('操作', 'Actions'),
            fixed: 'right' as const,
            width: 230,
            render: (_: unknown, r: WithdrawalRow) => (
              <Space size="small">
                {(ACTIONS_BY_STATUS[r.status] ?? []).map((action) => (
                  <Button
                    key={action}
                    size="small"
                    danger={action === 'cancel'}
                    type={action === 'paid' ? 'primary' : 'default'}
                    data-testid={`wd-${action}-${r.withdrawNo}`}
                    onClick={() => setPending({ action, row: r })}
                  >
                    {action === 'paid'
                      ? tr('标记已打款', 'Mark paid')
                      : action === 'freeze'
                        ? tr('冻结', 'Freeze')
                        : tr('取消', 'Cancel')}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.withdrawals')}
        </Typography.Title>
        {merchant && (
          <Button type="primary" data-testid="wd-request" onClick={() => setRequesting(true)}>
            {tr('申请提现', 'Request a withdrawal')}
          </Button>
        )}
      </Space>
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
            statusCode: v.statusCode as string,
            withdrawNo: v.withdrawNo as string,
            from: range?.[0]?.format('YYYY-MM-DD'),
            to: range?.[1]?.format('YYYY-MM-DD'),
          });
        }}
        extra={
          <ExportButton
            document={ConsoleWithdrawalsListDocument}
            variables={variables}
            pick={(d) => d.withdrawals}
            fileName="withdrawals.csv"
            columns={[
              { title: 'withdraw_no', value: (r: WithdrawalRow) => r.withdrawNo },
              { title: 'merchant_id', value: (r) => r.merchantId },
              { title: 'amount', value: (r) => r.amount },
              { title: 'fee', value: (r) => r.fee },
              { title: 'status', value: (r) => r.status },
              { title: 'status_code', value: (r) => r.statusCode },
              { title: 'account_name', value: (r) => r.accountName },
              { title: 'bank_name', value: (r) => r.bankName },
              { title: 'account_number', value: (r) => r.maskedAccountNumber },
              { title: 'agentpay_status', value: (r) => r.agentPayStatusName },
              { title: 'notify_status', value: (r) => r.notifyStatusName },
              { title: 'created_at_china_time', value: (r) => formatChinaTime(r.createdAt) },
              { title: 'updated_at_china_time', value: (r) => formatChinaTime(r.updatedAt) },
            ]}
          />
        }
      >
        {platform && (
          <Form.Item name="merchantId" label={t('common.merchant')}>
            <Input placeholder="2024164" style={{ width: 110 }} />
          </Form.Item>
        )}
        <Form.Item name="statusCode" label={t('common.status')}>
          <Select
            allowClear
            style={{ width: 120 }}
            options={[
              { value: '0', label: statusLabel('APPLIED') },
              { value: '1', label: statusLabel('PAID') },
              { value: '2', label: statusLabel('FROZEN') },
              { value: '3', label: statusLabel('CANCELLED') },
            ]}
          />
        </Form.Item>
        <Form.Item name="withdrawNo" label={tr('提现单号', 'Withdraw no.')}>
          <Input allowClear style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="range" label={t('common.dateRange')}>
          <DatePicker.RangePicker />
        </Form.Item>
      </FilterBar>
      {lookup && (
        <Alert
          type="info"
          showIcon
          message={tr(
            `按提现单号 ${lookup} 查询（其他筛选条件不适用）`,
            `Looking up withdraw no. ${lookup} (other filters do not apply)`,
          )}
        />
      )}
      <ErrorAlert error={lookup ? one.error : list.error} />
      <Table<WithdrawalRow>
        data-testid="wd-table"
        rowKey="withdrawNo"
        size="small"
        loading={lookup ? one.fetching : list.fetching}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 1650 }}
        pagination={{
          current: lookup ? 1 : page,
          pageSize,
          total,
          showSizeChanger: true,
          showTotal: (n) => tr(`共 ${n} 条`, `${n} in all`),
          onChange: (p, s) => setPage(p, s),
        }}
      />
      {pending && (
        <ActionDialog
          action={pending.action}
          row={pending.row}
          onClose={(changed) => {
            setPending(null);
            if (changed) refetch();
          }}
        />
      )}
      {requesting && (
        <RequestDialog
          onClose={(changed) => {
            setRequesting(false);
            if (changed) refetch();
          }}
        />
      )}
    </Space>
  );
}

/** Confirms one lifecycle action with its money effect and an optional note for the withdrawal log. */
function ActionDialog(props: { action: Action; row: WithdrawalRow; onClose: (changed: boolean) => void }) {
  const { t, tr } = useI18n();
  const { action, row } = props;
  const [note, setNote] = useState('');
  const [paid, markPaid] = useMutation(ConsoleWithdrawalsMarkPaidDocument);
  const [frozen, freeze] = useMutation(ConsoleWithdrawalsFreezeDocument);
  const [cancelled, cancel] = useMutation(ConsoleWithdrawalsCancelDocument);
  const busy = paid.fetching || frozen.fetching || cancelled.fetching;
  const [error, setError] = useState<string | null>(null);

  const amount = formatMoney(row.amount);
  const fee = formatMoney(row.fee);
  const title = {
    paid: tr('确认已打款', 'Mark as paid out'),
    freeze: tr('冻结提现', 'Freeze the withdrawal'),
    cancel: tr('取消提现', 'Cancel the withdrawal'),
  }[action];
  const effect = {
    paid: tr(
      `提现 ${amount}（手续费 ${fee}）将从商户 ${row.merchantId} 的「提现中」余额转出，视为已打款到 ${row.bankName} ${row.maskedAccountNumber}。此操作不可撤销。`,
      `${amount} (fee ${fee}) leaves merchant ${row.merchantId}'s pending withdrawal as paid out to ${row.bankName} ${row.maskedAccountNumber}. This cannot be undone.`,
    ),
    freeze: tr(
      `提现 ${amount}（手续费 ${fee}）将被冻结：资金继续留在「提现中」，余额不变，之后可打款或取消。`,
      `${amount} (fee ${fee}) is held: the money stays in pending withdrawal and no balance changes; it may later be paid or cancelled.`,
    ),
    cancel: tr(
      `提现金额 ${amount} 与手续费 ${fee} 将退回商户 ${row.merchantId} 的可用余额。`,
      `The amount ${amount} and the fee ${fee} go back to merchant ${row.merchantId}'s available balance.`,
    ),
  }[action];

  const submit = async () => {
    setError(null);
    const input = { withdrawNo: row.withdrawNo, note: note.trim() || null };
    const result =
      action === 'paid'
        ? await markPaid({ input })
        : action === 'freeze'
          ? await freeze({ input })
          : await cancel({ input });
    if (result.error) {
      setError(describeError(result.error));
      return;
    }
    void message.success(tr('已完成', 'Done'));
    props.onClose(true);
  };

  return (
    <Modal
      open
      title={title}
      onCancel={() => props.onClose(false)}
      footer={[
        <Button key="cancel" onClick={() => props.onClose(false)}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger={action === 'cancel'}
          loading={busy}
          data-testid="wd-confirm"
          onClick={() => void submit()}
        >
          {t('common.confirm')}
        </Button>,
      ]}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={tr('提现单号', 'Withdraw no.')}>{row.withdrawNo}</Descriptions.Item>
          <Descriptions.Item label={t('common.merchant')}>{row.merchantId}</Descriptions.Item>
          <Descriptions.Item label={t('common.amount')}>
            <Money value={row.amount} strong />
          </Descriptions.Item>
          <Descriptions.Item label={tr('手续费', 'Fee')}>
            <Money value={row.fee} />
          </Descriptions.Item>
        </Descriptions>
        <Alert type={action === 'freeze' ? 'info' : 'warning'} showIcon message={effect} />
        <Input.TextArea
          rows={2}
          maxLength={500}
          placeholder={tr('备注（写入提现日志，可选）', 'Note for the withdrawal log (optional)')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        {error && <Alert type="error" showIcon message={error} />}
      </Space>
    </Modal>
  );
}

/** A merchant's withdrawal request: amount, approved card, TOTP when two-factor is on; one idempotency key per dialog. */
function RequestDialog(props: { onClose: (changed: boolean) => void }) {
  const { t, tr } = useI18n();
  const [requestId] = useState(newRequestId);
  const [context] = useQuery({
    query: ConsoleWithdrawalsRequestContextDocument,
    variables: {},
    requestPolicy: 'network-only',
  });
  const [state, request] = useMutation(ConsoleWithdrawalsRequestDocument);
  const [form] = Form.useForm<{ amount: string; bankCardId: string; totpCode?: string }>();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<ConsoleWithdrawalsRequestMutation['requestWithdrawal'] | null>(null);
  const twoFactor = context.data?.merchant?.twoFactorEnabled ?? false;
  const cards = context.data?.bankCards ?? [];
  const amount = Form.useWatch('amount', form);
  const firstCard = cards[0]?.id;
  // Preselect the first approved card once the cards arrive (the graph's default too).
  useEffect(() => {
    if (firstCard && !form.getFieldValue('bankCardId')) form.setFieldValue('bankCardId', firstCard);
  }, [firstCard, form]);

  const submit = async () => {
    if (state.fetching || done) return;
    const v = await form.validateFields();
    setError(null);
    const result = await request({
      input: {
        amount: v.amount.trim(),
        bankCardId: v.bankCardId,
        totpCode: twoFactor ? (v.totpCode ?? '').trim() : null,
        requestId,
      },
    });
    if (result.error || !result.data) {
      setError(describeError(result.error) ?? tr('提现失败', 'The withdrawal failed'));
      return;
    }
    setDone(result.data.requestWithdrawal);
    void message.success(tr('提现已提交', 'Withdrawal requested'));
  };

  return (
    <Modal
      open
      title={tr('申请提现', 'Request a withdrawal')}
      onCancel={() => props.onClose(!!done)}
      footer={
        done
          ? [
              <Button key="close" type="primary" onClick={() => props.onClose(true)}>
                {tr('完成', 'Done')}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={() => props.onClose(false)}>
                {t('common.cancel')}
              </Button>,
              <Button
                key="ok"
                type="primary"
                loading={state.fetching}
                disabled={context.fetching || cards.length === 0}
                data-testid="wd-submit"
                onClick={() => void submit()}
              >
                {tr('确认提现', 'Withdraw')}
              </Button>,
            ]
      }
    >
      {done ? (
        <Result
          status="success"
          title={tr(
            `提现 ${done.withdrawal.withdrawNo} 已提交`,
            `Withdrawal ${done.withdrawal.withdrawNo} requested`,
          )}
          extra={
            <Descriptions size="small" column={1} bordered data-testid="wd-result">
              <Descriptions.Item label={t('common.amount')}>
                <Money value={done.withdrawal.amount} />
              </Descriptions.Item>
              <Descriptions.Item label={tr('手续费', 'Fee')}>
                <Money value={done.fee} />
              </Descriptions.Item>
              <Descriptions.Item label={tr('可用余额', 'Available balance now')}>
                <span data-testid="wd-balance-after">
                  <Money value={done.balanceAfter} strong />
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={tr('提现中', 'Pending withdrawal')}>
                <Money value={done.pendingWithdrawal} />
              </Descriptions.Item>
              <Descriptions.Item label={tr('今日冻结（T+1 可提）', 'Frozen today (T+1)')}>
                <Money value={done.frozenToday} />
              </Descriptions.Item>
            </Descriptions>
          }
        />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <ErrorAlert error={context.error} />
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={tr('可用余额', 'Available')}>
              <Money value={context.data?.merchantBalance.available} strong />
            </Descriptions.Item>
            <Descriptions.Item label={tr('提现中', 'Pending')}>
              <Money value={context.data?.merchantBalance.pendingWithdrawal} />
            </Descriptions.Item>
          </Descriptions>
          {!context.fetching && cards.length === 0 && (
            <Alert
              type="warning"
              showIcon
              message={tr('没有已审核的银行卡，无法提现', 'No approved bank card: withdrawals need one')}
            />
          )}
          <Form form={form} layout="vertical">
            <Form.Item
              name="amount"
              label={tr('提现金额（元）', 'Amount (yuan)')}
              rules={[
                {
                  validator: (_, value: string | undefined) =>
                    value && isYuan(value)
                      ? Promise.resolve()
                      : Promise.reject(
                          new Error(
                            tr('请输入正数金额，最多两位小数', 'A positive amount with at most two decimals'),
                          ),
                        ),
                },
              ]}
            >
              <Input data-testid="wd-amount" inputMode="decimal" placeholder="500.00" />
            </Form.Item>
            <Form.Item
              name="bankCardId"
              label={tr('收款银行卡', 'Bank card')}
              rules={[{ required: true, message: tr('请选择银行卡', 'Choose a bank card') }]}
            >
              <Select
                data-testid="wd-card"
                options={cards.map((c) => ({
                  value: c.id,
                  label: `${c.bankName}${c.branch ? ` ${c.branch}` : ''} · ${c.accountName} · ${c.maskedNumber}`,
                }))}
              />
            </Form.Item>
            {twoFactor && (
              <Form.Item
                name="totpCode"
                label={tr('动态验证码（Google Authenticator）', 'Authenticator code (TOTP)')}
                rules={[
                  {
                    required: true,
                    pattern: /^\d{6}$/,
                    message: tr('请输入 6 位验证码', 'Enter the 6-digit code'),
                  },
                ]}
              >
                <Input data-testid="wd-totp" inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
              </Form.Item>
            )}
          </Form>
          <Alert
            type="info"
            showIcon
            message={tr(
              `提现 ${amount && isYuan(amount) ? formatMoney(amount.trim()) : '—'} 及手续费将从可用余额扣除，转入「提现中」，由平台打款到所选银行卡。`,
              `${amount && isYuan(amount) ? formatMoney(amount.trim()) : '—'} plus the withdrawal fee leave the available balance into pending withdrawal until the platform pays it out to the chosen card.`,
            )}
          />
          {error && <Alert type="error" showIcon message={error} />}
        </Space>
      )}
    </Modal>
  );
}
