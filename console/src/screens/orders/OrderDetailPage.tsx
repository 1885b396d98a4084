import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Modal,
  Row,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../../auth/auth';
import { canAct, isPlatform } from '../../auth/session';
import { Money } from '../../components/Money';
import { buttonTestId } from '../../components/test-id';
import { ReconciliationTag } from '../../components/ReconciliationTag';
import { formatMoney } from '../../format/money';
import { formatChinaTime } from '../../format/time';
import {
  ConsoleCancelOrderDocument,
  ConsoleCompleteOrderDocument,
  ConsoleOrderDocument,
  ConsoleResendNotificationsDocument,
  ConsoleSetAutoReconcileDocument,
  type ConsoleOrderQuery,
} from '../../graphql/generated';
import { useI18n } from '../../i18n/i18n';
import { describeError, ErrorAlert } from '../../lists/errors';

type Order = NonNullable<ConsoleOrderQuery['order']>;

/**
 * One order: its split, the channel's bill line beside it (`/pay/order_details`), its
 * postings, notification attempts (resend), audit trail, and for operators the manual
 * complete / cancel (with the money effect stated before confirming) and auto-reconcile.
 */
export function OrderDetailPage() {
  const { platformOrderNo = '' } = useParams();
  const session = useSession();
  const { t, tr } = useI18n();
  const { message } = App.useApp();
  const [result, refetch] = useQuery({ query: ConsoleOrderDocument, variables: { platformOrderNo } });
  const [, complete] = useMutation(ConsoleCompleteOrderDocument);
  const [, cancel] = useMutation(ConsoleCancelOrderDocument);
  const [, resend] = useMutation(ConsoleResendNotificationsDocument);
  const [, setAuto] = useMutation(ConsoleSetAutoReconcileDocument);
  const order = result.data?.order;
  const reload = () => refetch({ requestPolicy: 'network-only' });

  if (result.fetching && !order) return <Card loading />;
  if (!order)
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <ErrorAlert error={result.error} />
        <Empty data-testid="order-not-found" description={tr('订单不存在', 'No such order')} />
        <Link to="/orders">{tr('返回订单列表', 'Back to orders')}</Link>
      </Space>
    );

  const credited = order.status === 'PAID' || order.status === 'WITHHELD';
  const setAutoReconcile = async (auto: boolean) => {
    const answer = await setAuto({ input: { platformOrderNo: order.platformOrderNo, auto } });
    const error = describeError(answer.error);
    if (error) void message.error(error);
    reload();
  };
  const resendNotification = async () => {
    const answer = await resend({ input: { platformOrderNos: [order.platformOrderNo] } });
    const error = describeError(answer.error);
    if (error) void message.error(error);
    else
      void message.success(
        tr(
          `已加入发送队列：${answer.data?.resendNotifications.queued ?? 0}`,
          `Queued: ${answer.data?.resendNotifications.queued ?? 0}`,
        ),
      );
    reload();
  };
  const act = (kind: 'complete' | 'cancel') => {
    const effect =
      kind === 'complete'
        ? tr(
            `补单：订单变为已支付，商户 ${order.merchantId} 入账 ${formatMoney(order.merchantIncome)}（冻结至次日）。`,
            `Complete: the order becomes paid; merchant ${order.merchantId} is credited ${formatMoney(order.merchantIncome)} (frozen until tomorrow).`,
          )
        : order.status === 'PAID'
          ? tr(
              `撤单：从商户 ${order.merchantId} 余额收回 ${formatMoney(order.merchantIncome)}，订单回到未支付；余额不足时不做任何改动。`,
              `Cancel: ${formatMoney(order.merchantIncome)} is taken back from merchant ${order.merchantId}; the order returns to pending. Nothing changes if the balance cannot cover it.`,
            )
          : tr('撤单：订单回到未支付，不涉及资金。', 'Cancel: the order returns to pending; no money moves.');
    Modal.confirm({
      title:
        kind === 'complete' ? tr('确认补单', 'Complete this order?') : tr('确认撤单', 'Cancel this order?'),
      content: effect,
      okButtonProps: buttonTestId('order-action-ok'),
      onOk: async () => {
        const answer = await (kind === 'complete' ? complete : cancel)({
          input: {
            platformOrderNo: order.platformOrderNo,
            note: tr('控制台人工操作', 'console manual action'),
          },
        });
        const error = describeError(answer.error);
        if (error) void message.error(error);
        else {
          const data =
            answer.data &&
            ('completeOrder' in answer.data ? answer.data.completeOrder : answer.data.cancelOrder);
          void message.success(data?.message ?? 'ok');
        }
        reload();
      },
    });
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {tr('订单', 'Order')} {order.platformOrderNo}
        </Typography.Title>
        {canAct(session) && (
          <Space>
            <Button
              data-testid="order-complete"
              disabled={order.status === 'PAID'}
              onClick={() => act('complete')}
            >
              {tr('补单', 'Complete')}
            </Button>
            <Button danger data-testid="order-cancel" onClick={() => act('cancel')}>
              {tr('撤单', 'Cancel')}
            </Button>
          </Space>
        )}
      </Space>
      <ErrorAlert error={result.error} />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={tr('订单', 'Order')} size="small" data-testid="order-detail">
            <Descriptions column={2} size="small">
              <Descriptions.Item label={tr('商户订单号', 'Merchant order no.')}>
                {order.merchantOrderNo}
              </Descriptions.Item>
              <Descriptions.Item label={tr('渠道交易号', 'Channel transaction')}>
                {order.upstreamOrderNo ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('common.merchant')}>
                {order.merchant.name} ({order.merchantId})
              </Descriptions.Item>
              <Descriptions.Item label={t('common.channel')}>
                {order.channel.name} · pzid {order.pzid}
              </Descriptions.Item>
              <Descriptions.Item label={t('common.status')}>
                <Tag color={credited ? 'green' : 'default'}>
                  {isPlatform(session) ? order.adminStatusText : order.statusText}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={tr('通知', 'Notification')}>
                {order.notifyStatusText}
              </Descriptions.Item>
              <Descriptions.Item label={t('common.amount')}>
                <Money value={order.amount} strong />
              </Descriptions.Item>
              <Descriptions.Item label={tr('商户收入', 'Merchant income')}>
                <Money value={order.merchantIncome} />
              </Descriptions.Item>
              <Descriptions.Item label={tr('代理收入', 'Agent income')}>
                <Money value={order.agentIncome} />
              </Descriptions.Item>
              <Descriptions.Item
                label={tr('通道费（上游成本 + 平台利润）', 'Channel fee (upstream cost + profit)')}
              >
                <Money value={order.channelFee} /> (<Money value={order.upstreamCost} /> +{' '}
                <Money value={order.platformProfit} />)
              </Descriptions.Item>
              <Descriptions.Item label={t('common.createdAt')}>
                {formatChinaTime(order.createdAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('common.paidAt')}>
                {formatChinaTime(order.paidAt)}
              </Descriptions.Item>
              <Descriptions.Item label={tr('商品', 'Product')}>{order.productTitle}</Descriptions.Item>
              <Descriptions.Item label={tr('通知地址', 'Notify URL')}>{order.notifyUrl}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={tr('渠道账单', "Channel's bill line")} size="small" data-testid="order-bill-line">
            {order.statementLine ? (
              <Descriptions column={1} size="small">
                <Descriptions.Item label={tr('来源', 'Source')}>
                  {order.statementLine.source} · {order.statementLine.statement?.billDate}
                </Descriptions.Item>
                <Descriptions.Item label={tr('类型', 'Kind')}>{order.statementLine.kind}</Descriptions.Item>
                <Descriptions.Item label={tr('交易时间', 'Traded')}>
                  {formatChinaTime(order.statementLine.tradeTime)}
                </Descriptions.Item>
                <Descriptions.Item label={tr('渠道交易号', 'Transaction')}>
                  {order.statementLine.transactionId ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('common.amount')}>
                  <Money value={order.statementLine.amount} />
                </Descriptions.Item>
                <Descriptions.Item label={tr('退款', 'Refunded')}>
                  <Money value={order.statementLine.refundAmount} />
                </Descriptions.Item>
                <Descriptions.Item label={tr('手续费', 'Fee')}>
                  <Money value={order.statementLine.fee} />
                </Descriptions.Item>
                <Descriptions.Item label={tr('文件', 'File')}>
                  {order.statementLine.statement?.fileName ?? '—'}
                </Descriptions.Item>
              </Descriptions>
            ) : (
              <Empty description={tr('渠道账单中尚无此订单', 'Not on a channel statement yet')} />
            )}
            <Space style={{ marginTop: 12 }}>
              <span>
                {tr('对账状态', 'Reconciliation')}: <ReconciliationTag status={order.reconciliationStatus} />
              </span>
              {isPlatform(session) && (
                <span>
                  {tr('自动对账', 'Auto-reconcile')}{' '}
                  <Switch
                    data-testid="order-auto-reconcile"
                    checked={order.autoReconcile}
                    disabled={!canAct(session)}
                    onChange={(auto) => void setAutoReconcile(auto)}
                  />
                </span>
              )}
            </Space>
          </Card>
        </Col>
      </Row>
      <Postings order={order} />
      <Card
        title={tr('商户通知', 'Merchant notifications')}
        size="small"
        extra={
          canAct(session) && (
            <Button size="small" data-testid="order-resend" onClick={() => void resendNotification()}>
              {tr('重新通知', 'Resend')}
            </Button>
          )
        }
      >
        <Table
          size="small"
          rowKey="id"
          data-testid="order-notify-logs"
          pagination={false}
          dataSource={order.notifyLogs}
          columns={[
            { title: '#', dataIndex: 'attempt' },
            { title: 'URL', dataIndex: 'callbackUrl', ellipsis: true },
            { title: 'HTTP', dataIndex: 'httpStatus', render: (v: number | null) => v ?? '—' },
            {
              title: tr('结果', 'Result'),
              dataIndex: 'delivered',
              render: (v: boolean) => (
                <Tag color={v ? 'green' : 'red'}>{v ? tr('成功', 'delivered') : tr('失败', 'failed')}</Tag>
              ),
            },
            { title: tr('应答', 'Answer'), dataIndex: 'responseBody', ellipsis: true },
            { title: 'ms', dataIndex: 'durationMs' },
            { title: tr('时间', 'At'), dataIndex: 'createdAt', render: formatChinaTime },
          ]}
        />
      </Card>
      <Card title={tr('操作记录', 'Audit trail')} size="small">
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={order.audits}
          columns={[
            { title: tr('操作', 'Action'), dataIndex: 'action' },
            {
              title: tr('操作人', 'By'),
              render: (_: unknown, a: Order['audits'][number]) => `${a.actor} (${a.actorRole})`,
            },
            {
              title: tr('状态变化', 'Status'),
              render: (_: unknown, a: Order['audits'][number]) => `${a.fromStatus} → ${a.toStatus}`,
            },
            { title: t('common.note'), dataIndex: 'note' },
            { title: tr('时间', 'At'), dataIndex: 'createdAt', render: formatChinaTime },
          ]}
        />
      </Card>
    </Space>
  );
}

function Postings({ order }: { order: Order }) {
  const { tr } = useI18n();
  if (order.postings.length === 0)
    return (
      <Card title={tr('记账', 'Postings')} size="small">
        <Alert type="info" message={tr('此订单尚未记账', 'No posting for this order')} />
      </Card>
    );
  return (
    <Card title={tr('记账', 'Postings')} size="small">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        data-testid="order-postings"
        dataSource={order.postings}
        expandable={{
          defaultExpandAllRows: true,
          expandedRowRender: (p) => (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={p.legs}
              columns={[
                { title: tr('账户', 'Account'), dataIndex: 'accountPurpose' },
                {
                  title: tr('变动', 'Change'),
                  dataIndex: 'amount',
                  align: 'right' as const,
                  render: (v: string) => <Money value={v} />,
                },
                {
                  title: tr('余额', 'Balance after'),
                  dataIndex: 'balanceAfter',
                  align: 'right' as const,
                  render: (v: string | null) => <Money value={v} />,
                },
              ]}
            />
          ),
        }}
        columns={[
          { title: tr('幂等键', 'Key'), dataIndex: 'uniqueNo' },
          { title: tr('类型', 'Type'), dataIndex: 'typeName' },
          { title: tr('说明', 'Description'), dataIndex: 'description' },
          { title: tr('记账人', 'Actor'), dataIndex: 'actor' },
          { title: tr('业务时间', 'Effective'), dataIndex: 'effectiveAt', render: formatChinaTime },
        ]}
      />
    </Card>
  );
}
