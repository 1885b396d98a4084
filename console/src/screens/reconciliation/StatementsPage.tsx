import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  Typography,
  Upload,
  message,
} from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useQuery } from 'urql';
import { useSession } from '../../auth/auth';
import { canAct } from '../../auth/session';
import { FilterBar } from '../../components/FilterBar';
import { Money } from '../../components/Money';
import { chinaDaysAgo, formatChinaTime } from '../../format/time';
import {
  ConsoleReconImportStatementDocument,
  ConsoleReconStatementsDocument,
  type ConsoleReconImportStatementMutation,
  type ConsoleReconStatementsQuery,
  type ConsoleReconStatementsQueryVariables,
} from '../../graphql/generated';
import { useI18n } from '../../i18n/i18n';
import { ErrorAlert } from '../../lists/errors';
import { ExportButton } from '../../lists/ExportButton';
import { orNull, useUrlState } from '../../lists/url-state';
import { GraphUploadError, uploadFile, useSourceOptions } from './shared';

type StatementRow = ConsoleReconStatementsQuery['statements']['nodes'][number];
type Imported = ConsoleReconImportStatementMutation['importStatement'];
const KEYS = ['source', 'from', 'to'] as const;

/** A refused import: the graph's code and message, and for STATEMENT_INVALID the line and the reason. */
interface ImportFailure {
  /** The refused file, kept so a STATEMENT_EXISTS refusal can be retried as a replacement. */
  file: File;
  fileName: string;
  code: string;
  message: string;
  line: unknown;
  reason: unknown;
}

/** Channel statement import (drag and drop, with progress) and the list of imported statements. */
export function StatementsPage() {
  const session = useSession();
  const { t, tr } = useI18n();
  const sourceOptions = useSourceOptions();
  const { values, page, pageSize, set, setPage, reset } = useUrlState(KEYS);
  const variables = useMemo<ConsoleReconStatementsQueryVariables>(
    () => ({
      page,
      pageSize,
      source: orNull(values.source),
      billDateFrom: orNull(values.from),
      billDateTo: orNull(values.to),
    }),
    [page, pageSize, values],
  );
  const [result, reexecuteQuery] = useQuery({ query: ConsoleReconStatementsDocument, variables });
  const statements = result.data?.statements;

  const [source, setSource] = useState<string>('sandbox-wechat');
  const [billDate, setBillDate] = useState<dayjs.Dayjs | null>(dayjs(chinaDaysAgo(1)));
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<ImportFailure | null>(null);
  const [imported, setImported] = useState<Imported | null>(null);

  const importFile = async (file: File, replace = false) => {
    if (!billDate) {
      void message.warning(tr('请先选择账单日期', 'Choose the bill date first'));
      return;
    }
    setFailure(null);
    setImported(null);
    setProgress(0);
    try {
      const data = await uploadFile({
        document: ConsoleReconImportStatementDocument,
        variables: {
          input: {
            file: null as unknown as File,
            source,
            billDate: billDate.format('YYYY-MM-DD'),
            fileName: file.name,
            replace,
          },
        },
        filePath: 'variables.input.file',
        file,
        token: session.token,
        onProgress: setProgress,
      });
      setProgress(100);
      setImported(data.importStatement);
      void message.success(
        data.importStatement.created
          ? tr('对账单已导入', 'Statement imported')
          : tr('该文件此前已导入，未作更改', 'This file was imported before: nothing changed'),
      );
      reexecuteQuery({ requestPolicy: 'network-only' });
    } catch (error) {
      setProgress(null);
      const e = error instanceof GraphUploadError ? error : new GraphUploadError(String(error), 'ERROR', {});
      setFailure({
        file,
        fileName: file.name,
        code: e.code,
        message: e.message,
        line: e.details.line,
        reason: e.details.reason,
      });
    }
  };

  const columns = [
    { title: tr('账单日期', 'Bill date'), dataIndex: 'billDate' },
    { title: tr('来源', 'Source'), dataIndex: 'source' },
    { title: tr('文件', 'File'), dataIndex: 'fileName' },
    { title: tr('模板', 'Template'), dataIndex: 'template' },
    { title: tr('行数', 'Lines'), dataIndex: 'lineCount', align: 'right' as const },
    { title: tr('支付笔数', 'Payments'), dataIndex: 'paymentCount', align: 'right' as const },
    {
      title: tr('支付金额', 'Paid'),
      dataIndex: 'paymentAmount',
      align: 'right' as const,
      render: (v: string) => <Money value={v} />,
    },
    { title: tr('退款笔数', 'Refunds'), dataIndex: 'refundCount', align: 'right' as const },
    {
      title: tr('退款金额', 'Refunded'),
      dataIndex: 'refundAmount',
      align: 'right' as const,
      render: (v: string) => <Money value={v} />,
    },
    {
      title: tr('手续费', 'Fees'),
      dataIndex: 'feeAmount',
      align: 'right' as const,
      render: (v: string) => <Money value={v} />,
    },
    { title: tr('导入人', 'Imported by'), dataIndex: 'person' },
    { title: tr('导入时间', 'Imported at'), dataIndex: 'importedAt', render: formatChinaTime },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('nav.statements')}</Typography.Title>
      {canAct(session) && (
        <Card size="small" title={tr('导入渠道对账单', 'Import a channel statement')}>
          <Space wrap style={{ marginBottom: 12 }}>
            <span>{tr('来源', 'Source')}</span>
            <Select
              data-testid="recon-source"
              value={source}
              onChange={setSource}
              options={sourceOptions}
              style={{ width: 180 }}
            />
            <span>{tr('账单日期', 'Bill date')}</span>
            <DatePicker
              data-testid="recon-bill-date"
              value={billDate}
              onChange={setBillDate}
              allowClear={false}
            />
          </Space>
          <div data-testid="recon-upload">
            <Upload.Dragger
              multiple={false}
              showUploadList={false}
              disabled={progress !== null && progress < 100}
              customRequest={({ file }) => void importFile(file as File)}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">
                {tr('将对账单文件拖到此处，或点击选择', 'Drop a statement file here, or click to choose one')}
              </p>
              <p className="ant-upload-hint">
                {tr(
                  `以来源 ${source}、账单日期 ${billDate?.format('YYYY-MM-DD') ?? '—'} 导入（微信/支付宝账单 CSV 或 zip）`,
                  `Imported as source ${source} for bill date ${billDate?.format('YYYY-MM-DD') ?? '—'} (WeChat/Alipay bill CSV or zip)`,
                )}
              </p>
            </Upload.Dragger>
          </div>
          {progress !== null && (
            <Progress
              percent={progress}
              status={progress < 100 ? 'active' : 'success'}
              style={{ marginTop: 8 }}
            />
          )}
          {failure && (
            <Alert
              data-testid="recon-import-error"
              type="error"
              showIcon
              style={{ marginTop: 8 }}
              message={tr(
                `文件 ${failure.fileName} 被拒绝（${failure.code}）`,
                `File ${failure.fileName} refused (${failure.code})`,
              )}
              description={
                failure.code === 'STATEMENT_INVALID' ? (
                  <Descriptions size="small" column={1}>
                    <Descriptions.Item label={tr('行', 'Line')}>
                      <span data-testid="recon-import-error-line">
                        {failure.line === 0
                          ? tr('0（整个文件）', '0 (the file as a whole)')
                          : String(failure.line ?? '—')}
                      </span>
                    </Descriptions.Item>
                    <Descriptions.Item label={tr('原因', 'Reason')}>
                      <span data-testid="recon-import-error-reason">
                        {String(failure.reason ?? failure.message)}
                      </span>
                    </Descriptions.Item>
                    <Descriptions.Item label={tr('说明', 'Note')}>
                      {tr('文件中的内容均未保存。', 'Nothing of the file was kept.')}
                    </Descriptions.Item>
                  </Descriptions>
                ) : failure.code === 'STATEMENT_EXISTS' ? (
                  <Space direction="vertical">
                    <span>{failure.message}</span>
                    <Button
                      danger
                      data-testid="recon-import-replace"
                      onClick={() =>
                        Modal.confirm({
                          title: tr('替换当日对账单？', 'Replace the day’s statement?'),
                          content: tr(
                            '当前对账单保留为历史记录，之后的对账只使用新文件。已完成的对账记录不变。',
                            'The current statement is kept as history; later runs use the new file only. Finished runs stay as they are.',
                          ),
                          onOk: () => importFile(failure.file, true),
                        })
                      }
                    >
                      {tr('用此文件替换', 'Replace it with this file')}
                    </Button>
                  </Space>
                ) : (
                  failure.message
                )
              }
            />
          )}
          {imported && (
            <Alert
              data-testid="recon-import-result"
              type={imported.created ? 'success' : 'info'}
              showIcon
              style={{ marginTop: 8 }}
              message={
                imported.created
                  ? tr(
                      `已导入 ${imported.statement.fileName}（${imported.statement.source}，${imported.statement.billDate}）：${imported.statement.lineCount} 行，支付 ${imported.statement.paymentCount} 笔 ¥${imported.statement.paymentAmount}，退款 ${imported.statement.refundCount} 笔 ¥${imported.statement.refundAmount}`,
                      `Imported ${imported.statement.fileName} (${imported.statement.source}, ${imported.statement.billDate}): ${imported.statement.lineCount} lines, ${imported.statement.paymentCount} payments ¥${imported.statement.paymentAmount}, ${imported.statement.refundCount} refunds ¥${imported.statement.refundAmount}`,
                    )
                  : tr(
                      `${imported.statement.fileName} 此前已为 ${imported.statement.source} ${imported.statement.billDate} 导入，未作更改`,
                      `${imported.statement.fileName} was already imported for ${imported.statement.source} ${imported.statement.billDate}: nothing changed`,
                    )
              }
            />
          )}
        </Card>
      )}
      <FilterBar
        initialValues={{
          source: values.source || undefined,
          range: values.from && values.to ? [dayjs(values.from), dayjs(values.to)] : undefined,
        }}
        onReset={reset}
        onSubmit={(v: Record<string, unknown>) => {
          const range = v.range as [dayjs.Dayjs, dayjs.Dayjs] | undefined;
          set({
            source: v.source as string,
            from: range?.[0]?.format('YYYY-MM-DD'),
            to: range?.[1]?.format('YYYY-MM-DD'),
          });
        }}
        extra={
          <ExportButton
            document={ConsoleReconStatementsDocument}
            variables={variables}
            pick={(d) => d.statements}
            fileName="statements.csv"
            columns={[
              { title: 'bill_date', value: (r: StatementRow) => r.billDate },
              { title: 'source', value: (r) => r.source },
              { title: 'file_name', value: (r) => r.fileName },
              { title: 'template', value: (r) => r.template },
              { title: 'line_count', value: (r) => r.lineCount },
              { title: 'payment_count', value: (r) => r.paymentCount },
              { title: 'payment_amount', value: (r) => r.paymentAmount },
              { title: 'refund_count', value: (r) => r.refundCount },
              { title: 'refund_amount', value: (r) => r.refundAmount },
              { title: 'fee_amount', value: (r) => r.feeAmount },
              { title: 'sha256', value: (r) => r.contentHash },
              { title: 'person', value: (r) => r.person },
              { title: 'imported_at_china_time', value: (r) => formatChinaTime(r.importedAt) },
            ]}
          />
        }
      >
        <Form.Item name="source" label={tr('来源', 'Source')}>
          <Select allowClear style={{ width: 170 }} options={sourceOptions} />
        </Form.Item>
        <Form.Item name="range" label={tr('账单日期', 'Bill date')}>
          <DatePicker.RangePicker />
        </Form.Item>
      </FilterBar>
      <ErrorAlert error={result.error} />
      <Table<StatementRow>
        data-testid="recon-statements-table"
        rowKey="id"
        size="small"
        loading={result.fetching}
        dataSource={statements?.nodes ?? []}
        columns={columns}
        scroll={{ x: 1700 }}
        pagination={{
          current: page,
          pageSize,
          total: statements?.totalCount ?? 0,
          showSizeChanger: true,
          showTotal: (total) => tr(`共 ${total} 条`, `${total} in all`),
          onChange: (p, s) => setPage(p, s),
        }}
      />
    </Space>
  );
}
