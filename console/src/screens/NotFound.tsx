import { Result } from 'antd';
import { useI18n } from '../i18n/i18n';

export function NotFound() {
  const { tr } = useI18n();
  return <Result status="404" title="404" subTitle={tr('页面不存在', 'No such page')} />;
}
