import { useState } from 'react';
import { Button, message } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useClient, type AnyVariables, type TypedDocumentNode } from 'urql';
import { useI18n } from '../i18n/i18n';
import { download, toCsv, type CsvColumn } from './csv';

interface Page<T> {
  nodes: T[];
  totalPages: number;
}

/**
 * Exports the list's current filter to CSV: walks the connection page by page (100 at a
 * time, the graph's maximum) with the same variables, then offers the file.
 */
export function ExportButton<Data, Variables extends AnyVariables, Row>(props: {
  document: TypedDocumentNode<Data, Variables>;
  variables: Variables;
  pick: (data: Data) => Page<Row>;
  columns: CsvColumn<Row>[];
  fileName: string;
}) {
  const client = useClient();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const rows: Row[] = [];
      for (let page = 1; ; page += 1) {
        const result = await client
          .query(
            props.document,
            { ...props.variables, page, pageSize: 100 },
            { requestPolicy: 'network-only' },
          )
          .toPromise();
        if (result.error || !result.data) throw result.error ?? new Error('no data');
        const connection = props.pick(result.data);
        rows.push(...connection.nodes);
        if (page >= connection.totalPages || page >= 500) break;
      }
      download(props.fileName, toCsv(props.columns, rows));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()}>
      {t('common.export')}
    </Button>
  );
}
