import { useMemo, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Select, Space, Table, Typography, message } from 'antd';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../../auth/auth';
import { canAct } from '../../auth/session';
import { FilterBar } from '../../components/FilterBar';
import { Money } from '../../components/Money';
import { formatChinaTime } from '../../format/time';
import {
  ConsoleReconApproveDocument,
  ConsoleReconRejectDocument,
  ConsoleReconResolutionsDocument,
  type ConsoleReconResolutionsQuery,
  type ConsoleReconResolutionsQueryVariables,
  type ResolutionState,
} from '../../graphql/generated';
import { useI18n } from '../../i18n/i18n';
import { describeError, ErrorAlert } from '../../lists/errors';
import { ExportButton } from '../../lists/ExportButton';
import { useUrlState } from '../../lists/url-state';
import { IssueTag, ResolutionStateTag, useMoneyEffect, useResolutionLabels } from './shared';

type ResolutionRow = ConsoleReconResolutionsQuery['resolutions']['nodes'][number];
const KEYS = ['state'] as const;
const STATES: ResolutionState[] = ['PENDING_APPROVAL', 'APPROVED', 'EXECUTED', 'REJECTED', 'FAILED'];

const merchantOf = (r: ResolutionRow) =>
  r.result.merchantId ? `${r.result.merchantName ?? ''} (${r.result.merchantId})` : '—';

/**
 * The checker's tab: resolutions waiting for a second operator. The maker of a resolution
 * never gets Approve/Reject on it (the graph refuses it too).
 */
export function ApprovalsPage() {
  const session = useSession();
  const { t, tr } = useI18n();
  const labels = useResolutionLabels();
  const moneyEffect = useMoneyEffect();
  const { values, page, pageSize, set, setPage, reset } = useUrlState(KEYS);
  const variables = useMemo<ConsoleReconResolutionsQueryVariables>(
    () => ({
      page,
      pageSize,
      // Waiting ones unless asked otherwise.
      state:
        values.state === 'all'
          ? null
          : STATES.includes(values.state as ResolutionState)
            ? (values.state as ResolutionState)
            : 'PENDING_APPROVAL',
    }),
    [page, pageSize, values],
  );
  const [result, reexecuteQuery] = useQuery({ query: ConsoleReconResolutionsDocument, variables });
  const resolutions = result.data?.resolutions;

  const [approving, setApproving] = useState<ResolutionRow | null>(null);
  const [rejecting, setRejecting] = useState<ResolutionRow | null>(null);
  const [approveState, approve] = useMutation(ConsoleReconApproveDocument);

  const done = () => {
    setApproving(null);
    setRejecting(null);
    reexecuteQuery({ requestPolicy: 'network-only' });
  };

  const submitApprove = async () => {
    if (!approving) return;
    const answer = await approve({ input: { resolutionId: approving.id } });
    if (answer.error) {
      void message.error(describeError(answer.error));
      return;
    }
    const r = answer.data?.approveResolution;
    if (r?.state === 'EXECUTED')
      void message.success(
        tr(`已批准并执行：${r.outcome ?? ''}`, `Approved and carried out: ${r.outcome ?? ''}`),
      );
    else void message.warning(`${r?.state ?? ''} ${r?.outcome ?? ''}`);
    done();
  };

  const columns = [
    {
      title: tr('订单号', 'Order no.'),
      render: (_: unknown, r: ResolutionRow) =>
        r.result.platformOrderNo ? (
          <Link to={`/orders/${encodeURIComponent(r.result.platformOrderNo)}`}>
            {r.result.platformOrderNo}
          </Link>
        ) : (
          (r.result.outTradeNo ?? '—')
        ),
    },
    {
      title: tr('结果', 'Verdict'),
      render: (_: unknown, r: ResolutionRow) => <IssueTag issue={r.result.issue} />,
    },
    { title: tr('原因', 'Causes'), width: 260, render: (_: unknown, r: ResolutionRow) => r.result.note },
    { title: tr('处理方式', 'Action'), render: (_: unknown, r: ResolutionRow) => labels.action(r.action) },
    {
      title: tr('金额', 'Amount'),
      dataIndex: 'amount',
      align: 'right' as const,
      render: (v: string) => <Money value={v} strong />,
    },
    { title: t('common.merchant'), render: (_: unknown, r: ResolutionRow) => merchantOf(r) },
    { title: tr('说明', 'Note'), dataIndex: 'note', width: 200 },
    { title: tr('申请人', 'Requested by'), dataIndex: 'requestedBy' },
    { title: tr('申请时间', 'Requested'), dataIndex: 'requestedAt', render: formatChinaTime },
    {
      title: t('common.status'),
      render: (_: unknown, r: ResolutionRow) => (
        <Space direction="vertical" size={0}>
          <ResolutionStateTag state={r.state} />
          {r.approvedBy && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.approvedBy} · {formatChinaTime(r.decidedAt)}
            </Typography.Text>
          )}
          {r.outcome && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.outcome}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: tr('复核', 'Decision'),
      fixed: 'right' as const,
      width: 190,
      render: (_: unknown, r: ResolutionRow) => {
        if (r.state !== 'PENDING_APPROVAL' || !canAct(session)) return null;
        if (r.requestedBy === session.sub)
          return (
            <Typography.Text type="secondary" data-testid={`recon-waiting-${r.id}`}>
              {tr('等待其他操作员复核', 'Waiting for another operator')}
            </Typography.Text>
          );
        return (
          <Space>
            <Button
              size="small"
              type="primary"
              data-testid={`recon-approve-${r.id}`}
              onClick={() => setApproving(r)}
            >
              {tr('批准', 'Approve')}
            </Button>
            <Button size="small" danger data-testid={`recon-reject-${r.id}`} onClick={() => setRejecting(r)}>
              {tr('驳回', 'Reject')}
            </Button>
          </Space>
        );
      },
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('nav.approvals')}</Typography.Title>
      <FilterBar
        initialValues={{ state: values.state || 'PENDING_APPROVAL' }}
        onReset={reset}
        onSubmit={(v: Record<string, unknown>) =>
          set({ state: v.state === 'PENDING_APPROVAL' ? null : (v.state as string) })
        }
        extra={
          <ExportButton
            document={ConsoleReconResolutionsDocument}
            variables={variables}
            pick={(d) => d.resolutions}
            fileName="resolutions.csv"
            columns={[
              { title: 'id', value: (r: ResolutionRow) => r.id },
              { title: 'result_code', value: (r) => r.result.code },
              { title: 'platform_order_no', value: (r) => r.result.platformOrderNo },
              { title: 'issue', value: (r) => r.result.issue },
              { title: 'action', value: (r) => r.action },
              { title: 'amount', value: (r) => r.amount },
              { title: 'merchant_id', value: (r) => r.result.merchantId },
              { title: 'note', value: (r) => r.note },
              { title: 'state', value: (r) => r.state },
              { title: 'requested_by', value: (r) => r.requestedBy },
              { title: 'requested_at_china_time', value: (r) => formatChinaTime(r.requestedAt) },
              { title: 'decided_by', value: (r) => r.approvedBy },
              { title: 'decided_at_china_time', value: (r) => formatChinaTime(r.decidedAt) },
              { title: 'outcome', value: (r) => r.outcome },
            ]}
          />
        }
      >
        <Form.Item name="state" label={t('common.status')}>
          <Select
            style={{ width: 150 }}
            options={[
              ...STATES.map((s) => ({ value: s, label: <ResolutionStateTag state={s} /> })),
              { value: 'all', label: tr('全部', 'All') },
            ]}
          />
        </Form.Item>
      </FilterBar>
      <ErrorAlert error={result.error} />
      <Table<ResolutionRow>
        data-testid="recon-approvals-table"
        rowKey="id"
        size="small"
        loading={result.fetching}
        dataSource={resolutions?.nodes ?? []}
        columns={columns}
        scroll={{ x: 1700 }}
        pagination={{
          current: page,
          pageSize,
          total: resolutions?.totalCount ?? 0,
          showSizeChanger: true,
          showTotal: (total) => tr(`共 ${total} 条`, `${total} in all`),
          onChange: (p, s) => setPage(p, s),
        }}
      />
      <Modal
        open={approving !== null}
        title={tr('批准处理', 'Approve the resolution')}
        okText={tr('批准并执行', 'Approve and carry out')}
        cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'recon-approve-ok', loading: approveState.fetching }}
        onOk={() => void submitApprove()}
        onCancel={() => setApproving(null)}
        destroyOnHidden
      >
        {approving && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              {tr(
                `${approving.requestedBy} 申请：${labels.action(approving.action)}，金额 ¥${approving.amount}`,
                `${approving.requestedBy} asks to: ${labels.action(approving.action)}, amount ¥${approving.amount}`,
              )}
            </Typography.Text>
            <Alert
              type={approving.action === 'ACCEPT' ? 'info' : 'warning'}
              showIcon
              message={moneyEffect(approving.action, approving.result.order, merchantOf(approving))}
            />
            <Typography.Text type="secondary">
              {tr('申请说明：', 'Note: ')}
              {approving.note}
            </Typography.Text>
          </Space>
        )}
      </Modal>
      {rejecting && <RejectDialog row={rejecting} onClose={() => setRejecting(null)} onDone={done} />}
    </Space>
  );
}

/** Rejecting needs a reason; nothing moves. */
function RejectDialog({
  row,
  onClose,
  onDone,
}: {
  row: ResolutionRow;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, tr } = useI18n();
  const [rejectState, reject] = useMutation(ConsoleReconRejectDocument);
  const [form] = Form.useForm<{ note: string }>();
  const submitReject = async () => {
    const v = await form.validateFields();
    const answer = await reject({ input: { resolutionId: row.id, note: v.note.trim() } });
    if (answer.error) {
      void message.error(describeError(answer.error));
      return;
    }
    void message.success(tr('已驳回，资金未变动', 'Rejected: no money moved'));
    onDone();
  };
  return (
    <Modal
      open
      title={tr('驳回处理', 'Reject the resolution')}
      okText={tr('驳回', 'Reject')}
      okButtonProps={{ danger: true, 'data-testid': 'recon-reject-ok', loading: rejectState.fetching }}
      cancelText={t('common.cancel')}
      onOk={() => void submitReject()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {tr(
          '驳回后不会变动任何资金，差错保持未处理。',
          'Rejecting moves no money; the discrepancy stays open.',
        )}
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="note"
          label={tr('驳回原因', 'Why')}
          rules={[
            { required: true, whitespace: true, message: tr('请填写驳回原因', 'A reason is required') },
            { max: 500 },
          ]}
        >
          <Input.TextArea data-testid="recon-reject-note" rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
