import { useMemo, useState } from 'react';
import {
  App as AntApp,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../../auth/auth';
import { canAct } from '../../auth/session';
import { FilterBar } from '../../components/FilterBar';
import { formatChinaTime } from '../../format/time';
import {
  ConsoleSettlementAccountsDocument,
  ConsoleSettlementCreateAccountDocument,
  ConsoleSettlementDeleteAccountDocument,
  ConsoleSettlementUpdateAccountDocument,
  type ConsoleSettlementAccountsQuery,
  type ConsoleSettlementAccountsQueryVariables,
  type SettlementMethod,
  type SettlementPeriod,
} from '../../graphql/generated';
import { useI18n } from '../../i18n/i18n';
import { describeError, ErrorAlert } from '../../lists/errors';
import { ExportButton } from '../../lists/ExportButton';
import { intOrNull, orNull, useUrlState } from '../../lists/url-state';
import { methodLabel, periodLabel, SETTLEMENT_METHODS, SETTLEMENT_PERIODS } from './labels';

type AccountRow = ConsoleSettlementAccountsQuery['settlementAccounts']['nodes'][number];
const KEYS = ['merchantId', 'merchantName', 'account', 'includeDeleted'] as const;

interface AccountForm {
  merchantId?: number;
  method: SettlementMethod;
  accountName: string;
  accountNo: string;
  period: SettlementPeriod;
  remarks?: string;
}

/** Merchants' settlement accounts (`/pay/account/`): operators create, edit and delete; analysts read. */
export function SettlementAccountsPage() {
  const session = useSession();
  const { t, tr } = useI18n();
  const { message, modal } = AntApp.useApp();
  const { values, page, pageSize, set, setPage, reset } = useUrlState(KEYS);
  const variables = useMemo<ConsoleSettlementAccountsQueryVariables>(
    () => ({
      page,
      pageSize,
      filter: {
        merchantId: intOrNull(values.merchantId),
        merchantName: orNull(values.merchantName),
        account: orNull(values.account),
        includeDeleted: values.includeDeleted === '1',
      },
    }),
    [page, pageSize, values],
  );
  const [result, reexecuteQuery] = useQuery({ query: ConsoleSettlementAccountsDocument, variables });
  const accounts = result.data?.settlementAccounts;
  const [, createAccount] = useMutation(ConsoleSettlementCreateAccountDocument);
  const [, updateAccount] = useMutation(ConsoleSettlementUpdateAccountDocument);
  const [, deleteAccount] = useMutation(ConsoleSettlementDeleteAccountDocument);
  const refetch = () => reexecuteQuery({ requestPolicy: 'network-only' });

  // The dialog: null closed, 'new' creating, else the account being edited.
  const [editing, setEditing] = useState<AccountRow | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [form] = Form.useForm<AccountForm>();

  const openDialog = (row: AccountRow | 'new') => {
    setSaveError(null);
    setEditing(row);
    form.resetFields();
    form.setFieldsValue(
      row === 'new'
        ? {
            method: 'BANK_TRANSFER',
            period: 'UNKNOWN',
            merchantId: intOrNull(values.merchantId) ?? undefined,
          }
        : {
            method: row.method,
            accountName: row.accountName,
            accountNo: row.accountNo,
            period: row.period,
            remarks: row.remarks ?? undefined,
          },
    );
  };

  const save = async (v: AccountForm) => {
    setSaving(true);
    setSaveError(null);
    const common = {
      method: v.method,
      accountName: v.accountName.trim(),
      accountNo: v.accountNo.trim(),
      period: v.period,
    };
    const outcome =
      editing === 'new'
        ? await createAccount({
            input: { ...common, merchantId: v.merchantId!, remarks: v.remarks?.trim() || null },
          })
        : await updateAccount({
            input: { ...common, id: (editing as AccountRow).id, remarks: v.remarks?.trim() ?? '' },
          });
    setSaving(false);
    if (outcome.error) {
      setSaveError(describeError(outcome.error));
      return;
    }
    void message.success(
      editing === 'new' ? tr('结算账户已创建', 'Settlement account created') : tr('已保存', 'Saved'),
    );
    setEditing(null);
    refetch();
  };

  const confirmDelete = (row: AccountRow) =>
    modal.confirm({
      title: tr('删除结算账户', 'Delete settlement account'),
      content: tr(
        `删除商户 ${row.merchantId} 的账户 ${row.accountName}（${row.accountNo}）？删除后不再结算，已有结算记录保留。`,
        `Delete account ${row.accountName} (${row.accountNo}) of merchant ${row.merchantId}? It is no longer settled; its settlements are kept.`,
      ),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'settle-account-delete-confirm' },
      onOk: async () => {
        const outcome = await deleteAccount({ input: { id: row.id } });
        if (outcome.error) void message.error(describeError(outcome.error));
        else void message.success(tr('已删除', 'Deleted'));
        refetch();
      },
    });

  const columns = [
    { title: tr('编号', 'Code'), dataIndex: 'code' },
    {
      title: t('common.merchant'),
      render: (_: unknown, r: AccountRow) => `${r.merchantName ?? ''} (${r.merchantId})`,
    },
    {
      title: tr('结算方式', 'Method'),
      dataIndex: 'method',
      render: (m: SettlementMethod) => methodLabel(m, tr),
    },
    { title: tr('户名', 'Account name'), dataIndex: 'accountName' },
    { title: tr('账号', 'Account no.'), dataIndex: 'accountNo' },
    {
      title: tr('结算周期', 'Period'),
      dataIndex: 'period',
      render: (p: SettlementPeriod) => periodLabel(p, tr),
    },
    { title: tr('已结算至', 'Settled until'), dataIndex: 'settledUntil', render: formatChinaTime },
    { title: t('common.note'), dataIndex: 'remarks', render: (v: string | null) => v ?? '—' },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatChinaTime },
    {
      title: t('common.status'),
      render: (_: unknown, r: AccountRow) =>
        r.isDelete ? (
          <Tag color="red">{tr('已删除', 'Deleted')}</Tag>
        ) : (
          <Tag color="green">{tr('正常', 'Live')}</Tag>
        ),
    },
    ...(canAct(session)
      ? [
          {
            title: tr('操作', 'Actions'),
            render: (_: unknown, r: AccountRow) =>
              r.isDelete ? null : (
                <Space>
                  <Button
                    size="small"
                    data-testid={`settle-account-edit-${r.id}`}
                    onClick={() => openDialog(r)}
                  >
                    {tr('编辑', 'Edit')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    data-testid={`settle-account-delete-${r.id}`}
                    onClick={() => void confirmDelete(r)}
                  >
                    {tr('删除', 'Delete')}
                  </Button>
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4}>{t('nav.settlementAccounts')}</Typography.Title>
        {canAct(session) && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="settle-account-create"
            onClick={() => openDialog('new')}
          >
            {tr('新建结算账户', 'New settlement account')}
          </Button>
        )}
      </Space>
      <FilterBar
        initialValues={{ ...values }}
        onReset={reset}
        onSubmit={(v: Record<string, unknown>) =>
          set({
            merchantId: v.merchantId as string,
            merchantName: v.merchantName as string,
            account: v.account as string,
            includeDeleted: v.includeDeleted as string,
          })
        }
        extra={
          <ExportButton
            document={ConsoleSettlementAccountsDocument}
            variables={variables}
            pick={(d) => d.settlementAccounts}
            fileName="settlement-accounts.csv"
            columns={[
              { title: 'code', value: (r: AccountRow) => r.code },
              { title: 'merchant_id', value: (r) => r.merchantId },
              { title: 'merchant_name', value: (r) => r.merchantName },
              { title: 'method', value: (r) => r.method },
              { title: 'account_name', value: (r) => r.accountName },
              { title: 'account_no', value: (r) => r.accountNo },
              { title: 'period', value: (r) => r.period },
              { title: 'settled_until_china_time', value: (r) => formatChinaTime(r.settledUntil) },
              { title: 'remarks', value: (r) => r.remarks },
              { title: 'deleted', value: (r) => (r.isDelete ? 1 : 0) },
              { title: 'created_at_china_time', value: (r) => formatChinaTime(r.createdAt) },
            ]}
          />
        }
      >
        <Form.Item name="merchantId" label={tr('商户号', 'Merchant id')}>
          <Input allowClear placeholder="2024164" style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="merchantName" label={tr('商户名称', 'Merchant name')}>
          <Input allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="account" label={tr('账户', 'Account')}>
          <Input allowClear placeholder={tr('账号或户名', 'Number or name')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="includeDeleted" label={tr('已删除', 'Deleted')}>
          <Select
            allowClear
            style={{ width: 110 }}
            options={[{ value: '1', label: tr('包含', 'Include') }]}
            placeholder={tr('不含', 'Exclude')}
          />
        </Form.Item>
      </FilterBar>
      <ErrorAlert error={result.error} />
      <div data-testid="settle-accounts-table">
        <Table<AccountRow>
          rowKey="id"
          size="small"
          loading={result.fetching}
          dataSource={accounts?.nodes ?? []}
          columns={columns}
          scroll={{ x: 1200 }}
          pagination={{
            current: page,
            pageSize,
            total: accounts?.totalCount ?? 0,
            showSizeChanger: true,
            showTotal: (total) => tr(`共 ${total} 条`, `${total} in all`),
            onChange: (p, s) => setPage(p, s),
          }}
        />
      </div>
      <Modal
        open={editing !== null}
        title={
          editing === 'new'
            ? tr('新建结算账户', 'New settlement account')
            : tr('编辑结算账户', 'Edit settlement account')
        }
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: saving, 'data-testid': 'settle-account-save' }}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        forceRender
      >
        {saveError && <Typography.Paragraph type="danger">{saveError}</Typography.Paragraph>}
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          {editing === 'new' && (
            <Form.Item
              name="merchantId"
              label={tr('商户号', 'Merchant id')}
              rules={[{ required: true, message: tr('请输入商户号', 'Enter the merchant id') }]}
            >
              <InputNumber
                min={1}
                precision={0}
                style={{ width: '100%' }}
                data-testid="settle-account-merchant"
              />
            </Form.Item>
          )}
          {editing !== null && editing !== 'new' && (
            <Typography.Paragraph>
              {t('common.merchant')}: {editing.merchantName ?? ''} ({editing.merchantId})
            </Typography.Paragraph>
          )}
          <Form.Item name="method" label={tr('结算方式', 'Method')} rules={[{ required: true }]}>
            <Select options={SETTLEMENT_METHODS.map((m) => ({ value: m, label: methodLabel(m, tr) }))} />
          </Form.Item>
          <Form.Item
            name="accountName"
            label={tr('户名', 'Account name')}
            rules={[
              {
                required: true,
                whitespace: true,
                max: 100,
                message: tr('请输入户名（最多 100 字）', 'Enter the account name (at most 100 characters)'),
              },
            ]}
          >
            <Input data-testid="settle-account-name" />
          </Form.Item>
          <Form.Item
            name="accountNo"
            label={tr('账号', 'Account no.')}
            rules={[
              {
                required: true,
                whitespace: true,
                max: 64,
                message: tr('请输入账号（最多 64 字）', 'Enter the account number (at most 64 characters)'),
              },
            ]}
          >
            <Input data-testid="settle-account-no" />
          </Form.Item>
          <Form.Item
            name="period"
            label={tr('结算周期', 'Period')}
            extra={tr('每个商户最多一个带周期的账户', 'A merchant has at most one account with a period')}
          >
            <Select options={SETTLEMENT_PERIODS.map((p) => ({ value: p, label: periodLabel(p, tr) }))} />
          </Form.Item>
          <Form.Item name="remarks" label={t('common.note')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
