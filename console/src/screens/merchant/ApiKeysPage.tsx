import { Alert, Card, Descriptions, Input, Space, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { useSession } from '../../auth/auth';
import { isPlatform } from '../../auth/session';
import { ConsoleMerchantApiKeyDocument } from '../../graphql/generated';
import { useI18n } from '../../i18n/i18n';
import { ErrorAlert } from '../../lists/errors';
import { intOrNull, useUrlState } from '../../lists/url-state';

const KEYS = ['merchantId'] as const;

/** The merchant API key, masked by the graph (first 4 + **** + last 4); the key itself never reaches the console. */
export function ApiKeysPage() {
  const session = useSession();
  const { t, tr } = useI18n();
  const platform = isPlatform(session);
  const { values, set } = useUrlState(KEYS);
  const merchantId = platform ? intOrNull(values.merchantId) : null;
  const [result] = useQuery({
    query: ConsoleMerchantApiKeyDocument,
    variables: { merchantId },
    pause: platform && merchantId == null,
  });
  const merchant = result.data?.merchant;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('nav.apiKeys')}</Typography.Title>
      {platform && (
        <Space>
          <span>{t('common.merchant')}</span>
          <Input.Search
            placeholder="2024164"
            style={{ width: 180 }}
            defaultValue={values.merchantId}
            key={values.merchantId}
            onSearch={(v) => set({ merchantId: v.trim() })}
          />
        </Space>
      )}
      <ErrorAlert error={result.error} />
      <Card size="small" loading={result.fetching && !merchant}>
        {merchant ? (
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={tr('商户号', 'Merchant id')}>{merchant.id}</Descriptions.Item>
            <Descriptions.Item label={tr('商户名称', 'Name')}>{merchant.name}</Descriptions.Item>
            <Descriptions.Item label={t('common.status')}>
              <Tag color={merchant.status === 'ACTIVE' ? 'green' : 'red'}>{merchant.status}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={tr('接口密钥（MD5 签名）', 'API key (MD5 signing)')}>
              <Typography.Text code data-testid="apikey-masked">
                {merchant.apiKeyMasked ?? '—'}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={tr('提现二次验证', 'Two-factor withdrawals')}>
              {merchant.twoFactorEnabled ? tr('已开启', 'On') : tr('未开启', 'Off')}
            </Descriptions.Item>
            <Descriptions.Item label={tr('IP 白名单', 'IP allow-list')}>
              {merchant.ipAllowList.length ? merchant.ipAllowList.join(', ') : tr('不限', 'Any')}
            </Descriptions.Item>
          </Descriptions>
        ) : (
          !result.fetching && (
            <Typography.Text type="secondary">{tr('请输入商户号', 'Enter a merchant id')}</Typography.Text>
          )
        )}
      </Card>
      <Alert
        type="info"
        showIcon
        message={tr(
          '出于安全考虑，密钥只显示首尾各 4 位。如需更换或找回密钥，请联系平台运营。',
          'For safety only the first and last four characters are shown. To rotate or recover the key, contact platform operations.',
        )}
      />
    </Space>
  );
}
