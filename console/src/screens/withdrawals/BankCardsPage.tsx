import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../../auth/auth';
import { canAct, isPlatform } from '../../auth/session';
import { FilterBar } from '../../components/FilterBar';
import { formatChinaTime } from '../../format/time';
import {
  ConsoleWithdrawalsApproveCardDocument,
  ConsoleWithdrawalsBankCardsDocument,
  type ConsoleWithdrawalsBankCardsQuery,
  type ConsoleWithdrawalsBankCardsQueryVariables,
} from '../../graphql/generated';
import { useI18n } from '../../i18n/i18n';
import { describeError, ErrorAlert } from '../../lists/errors';
import { ExportButton } from '../../lists/ExportButton';
import { intOrNull, useUrlState } from '../../lists/url-state';

type CardRow = ConsoleWithdrawalsBankCardsQuery['bankCards'][number];
const KEYS = ['merchantId', 'approved'] as const;

/**
 * A merchant's bank cards (the graph lists them per merchant, at most 20, numbers masked);
 * operators approve pending ones so they can take withdrawals.
 */
export function BankCardsPage() {
  const session = useSession();
  const { t, tr } = useI18n();
  const platform = isPlatform(session);
  const { values, set, reset } = useUrlState(KEYS);
  const merchantId = platform ? intOrNull(values.merchantId) : null;
  const variables = useMemo<ConsoleWithdrawalsBankCardsQueryVariables>(
    () => ({
      merchantId,
      approved: values.approved === 'true' ? true : values.approved === 'false' ? false : null,
    }),
    [merchantId, values.approved],
  );
  const needsMerchant = platform && merchantId == null;
  const [result, reexecute] = useQuery({
    query: ConsoleWithdrawalsBankCardsDocument,
    variables,
    pause: needsMerchant,
  });
  const [approving, setApproving] = useState<CardRow | null>(null);
  const [approval, approve] = useMutation(ConsoleWithdrawalsApproveCardDocument);
  const [error, setError] = useState<string | null>(null);
  const cards = result.data?.bankCards ?? [];

  const confirmApprove = async () => {
    if (!approving) return;
    setError(null);
    const r = await approve({ input: { bankCardId: approving.id } });
    if (r.error) {
      setError(describeError(r.error));
      return;
    }
    void message.success(tr('银行卡已审核通过', 'Bank card approved'));
    setApproving(null);
    reexecute({ requestPolicy: 'network-only' });
  };

  const columns = [
    { title: 'ID', dataIndex: 'id' },
    { title: t('common.merchant'), dataIndex: 'merchantId' },
    { title: tr('开户名', 'Account name'), dataIndex: 'accountName' },
    { title: tr('银行', 'Bank'), dataIndex: 'bankName' },
    { title: tr('支行', 'Branch'), dataIndex: 'branch', render: (v: string | null) => v ?? '—' },
    {
      title: tr('省 / 市', 'Province / city'),
      render: (_: unknown, r: CardRow) => [r.province, r.city].filter(Boolean).join(' ') || '—',
    },
    { title: tr('联行号', 'CNAPS code'), dataIndex: 'unionpayCode', render: (v: string | null) => v ?? '—' },
    { title: tr('卡号', 'Number'), dataIndex: 'maskedNumber' },
    {
      title: t('common.status'),
      render: (_: unknown, r: CardRow) =>
        r.approved ? (
          <Tag color="green">{tr('已审核', 'Approved')}</Tag>
        ) : (
          <Tag color="orange">{tr('待审核', 'Pending')}</Tag>
        ),
    },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatChinaTime },
    { title: tr('审核时间', 'Approved at'), dataIndex: 'approvedAt', render: formatChinaTime },
    ...(canAct(session)
      ? [
          {
            title: tr('操作', 'Actions'),
            render: (_: unknown, r: CardRow) =>
              r.approved ? null : (
                <Button
                  size="small"
                  type="primary"
                  data-testid={`cards-approve-${r.id}`}
                  onClick={() => setApproving(r)}
                >
                  {tr('审核通过', 'Approve')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('nav.bankCards')}</Typography.Title>
      <FilterBar
        initialValues={{ ...values }}
        onReset={reset}
        onSubmit={(v: Record<string, unknown>) =>
          set({ merchantId: v.merchantId as string, approved: v.approved as string })
        }
        extra={
          <ExportButton
            document={ConsoleWithdrawalsBankCardsDocument}
            variables={variables}
            pick={(d) => ({ nodes: d.bankCards, totalPages: 1 })}
            fileName="bank-cards.csv"
            columns={[
              { title: 'id', value: (r: CardRow) => r.id },
              { title: 'merchant_id', value: (r) => r.merchantId },
              { title: 'account_name', value: (r) => r.accountName },
              { title: 'bank_name', value: (r) => r.bankName },
              { title: 'branch', value: (r) => r.branch ?? '' },
              { title: 'unionpay_code', value: (r) => r.unionpayCode ?? '' },
              { title: 'account_number', value: (r) => r.maskedNumber },
              { title: 'approved', value: (r) => (r.approved ? 'yes' : 'no') },
              { title: 'created_at_china_time', value: (r) => formatChinaTime(r.createdAt) },
              { title: 'approved_at_china_time', value: (r) => formatChinaTime(r.approvedAt) },
            ]}
          />
        }
      >
        {platform && (
          <Form.Item name="merchantId" label={t('common.merchant')}>
            <Input placeholder="2024164" style={{ width: 110 }} data-testid="cards-merchant" />
          </Form.Item>
        )}
        <Form.Item name="approved" label={t('common.status')}>
          <Select
            allowClear
            style={{ width: 120 }}
            options={[
              { value: 'false', label: tr('待审核', 'Pending') },
              { value: 'true', label: tr('已审核', 'Approved') },
            ]}
          />
        </Form.Item>
      </FilterBar>
      {needsMerchant && (
        <Alert
          type="info"
          showIcon
          message={tr(
            '银行卡按商户查看：请输入商户号',
            'Bank cards are listed per merchant: enter a merchant id',
          )}
        />
      )}
      <ErrorAlert error={result.error} />
      <Table<CardRow>
        data-testid="cards-table"
        rowKey="id"
        size="small"
        loading={result.fetching}
        dataSource={cards}
        columns={columns}
        scroll={{ x: 1200 }}
        pagination={false}
      />
      {approving && (
        <Modal
          open
          title={tr('审核银行卡', 'Approve the bank card')}
          onCancel={() => setApproving(null)}
          footer={[
            <Button key="cancel" onClick={() => setApproving(null)}>
              {t('common.cancel')}
            </Button>,
            <Button
              key="ok"
              type="primary"
              loading={approval.fetching}
              data-testid="cards-confirm"
              onClick={() => void confirmApprove()}
            >
              {t('common.confirm')}
            </Button>,
          ]}
        >
          <Space direction="vertical" style={{ width: '100%' }}>
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('common.merchant')}>{approving.merchantId}</Descriptions.Item>
              <Descriptions.Item label={tr('开户名', 'Account name')}>
                {approving.accountName}
              </Descriptions.Item>
              <Descriptions.Item label={tr('银行', 'Bank')}>
                {approving.bankName} {approving.branch ?? ''}
              </Descriptions.Item>
              <Descriptions.Item label={tr('卡号', 'Number')}>{approving.maskedNumber}</Descriptions.Item>
            </Descriptions>
            <Alert
              type="warning"
              showIcon
              message={tr(
                '审核通过后，该商户的提现可以打款到这张卡。请先核对开户名与商户主体一致。',
                "Once approved, the merchant's withdrawals may be paid out to this card. Check the account name matches the merchant first.",
              )}
            />
            {error && <Alert type="error" showIcon message={error} />}
          </Space>
        </Modal>
      )}
    </Space>
  );
}
