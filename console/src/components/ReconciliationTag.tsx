import { Tag } from 'antd';
import { RECONCILIATION_STATUS } from '../format/labels';
import { useI18n } from '../i18n/i18n';

/** An order's reconciliation status as the `/pay/*` list words it. */
export function ReconciliationTag({ status }: { status: string | null | undefined }) {
  const { language } = useI18n();
  const label = status ? RECONCILIATION_STATUS[status] : undefined;
  if (!label) return <>—</>;
  return <Tag color={label[2]}>{language === 'zh' ? label[0] : label[1]}</Tag>;
}
