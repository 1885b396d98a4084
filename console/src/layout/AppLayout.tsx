import { useMemo, type ReactNode } from 'react';
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth, useSession } from '../auth/auth';
import { useI18n } from '../i18n/i18n';
import { navigationFor, type NavItem } from './navigation';

const ROLE_COLOURS: Record<string, string> = { OPERATOR: 'blue', ANALYST: 'purple', MERCHANT: 'green' };

/** The frame of every screen: the role's menu, who is signed in, language, China time. */
export function AppLayout() {
  const session = useSession();
  const { signOut } = useAuth();
  const { t, tr, language, setLanguage } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const items = useMemo(() => {
    const toItem = (
      item: NavItem,
    ): { key: string; icon?: ReactNode; label: string; children?: unknown[] } => ({
      key: item.path,
      icon: item.icon,
      label: t(item.label),
      ...(item.children ? { children: item.children.map(toItem) } : {}),
    });
    return navigationFor(session).map(toItem);
  }, [session, t]);
  const selected = navigationFor(session)
    .flatMap((i) => [i, ...(i.children ?? [])])
    .filter((i) => !i.children && location.pathname.startsWith(i.path))
    .map((i) => i.path);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} theme="light" breakpoint="lg">
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 16 }}>{t('app.title')}</div>
        <Menu
          mode="inline"
          items={items as never}
          selectedKeys={selected}
          defaultOpenKeys={navigationFor(session)
            .filter((i) => i.children)
            .map((i) => i.path)}
          onClick={({ key }) => void navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            gap: 16,
          }}
        >
          <Typography.Text type="secondary">{t('app.timezone')}</Typography.Text>
          <Space>
            <Tag color={ROLE_COLOURS[session.role]} data-testid="role">
              {session.role}
            </Tag>
            <span data-testid="who">
              {session.name}
              {session.merchantId ? ` · ${tr('商户', 'merchant')} ${session.merchantId}` : ''}
            </span>
          </Space>
          <Button size="small" onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}>
            {t('app.language')}
          </Button>
          <Button size="small" onClick={signOut}>
            {t('app.signOut')}
          </Button>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
