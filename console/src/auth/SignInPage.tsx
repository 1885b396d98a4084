import { useEffect, useState } from 'react';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n/i18n';
import { useAuth } from './auth';
import { oidcClaimNames, oidcManager } from './oidc';
import {
  demoSignIn,
  fetchAuthConfig,
  fetchDemoIdentities,
  type AuthConfig,
  type DemoIdentity,
} from './sign-in-options';

/** Sign-in: the organisation's identity provider, and on the demo a choice of demo identities. */
export function SignInPage() {
  const { t } = useI18n();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [config, setConfig] = useState<AuthConfig | null>(null);
  const [identities, setIdentities] = useState<DemoIdentity[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void Promise.all([fetchAuthConfig(), fetchDemoIdentities()]).then(([c, ids]) => {
      setConfig(c);
      setIdentities(ids);
    });
  }, []);

  const pick = async (identity: DemoIdentity) => {
    try {
      const token = await demoSignIn(identity.id);
      signIn(token, identity.label);
      void navigate('/', { replace: true });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 96 }}>
      <Card title={`${t('app.title')} · ${t('signIn.title')}`} style={{ width: 440 }}>
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          {error && <Alert type="error" message={error} showIcon />}
          {config?.oidc && (
            <Button
              type="primary"
              block
              data-testid="signin-oidc"
              onClick={() =>
                void oidcManager(config.oidc!)
                  .signinRedirect()
                  .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
              }
            >
              {t('signIn.oidc')}
            </Button>
          )}
          {identities.length > 0 && (
            <div>
              <Typography.Text type="secondary">{t('signIn.demo')}</Typography.Text>
              <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
                {identities.map((identity) => (
                  <Button
                    key={identity.id}
                    block
                    data-identity={identity.id}
                    onClick={() => void pick(identity)}
                  >
                    {identity.label}
                  </Button>
                ))}
              </Space>
            </div>
          )}
          {config && !config.oidc && identities.length === 0 && (
            <Alert type="warning" message={t('signIn.unavailable')} showIcon />
          )}
        </Space>
      </Card>
    </div>
  );
}

/** Where the identity provider sends the browser back with the authorization code. */
export function OidcCallbackPage() {
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void fetchAuthConfig().then(async (config) => {
      if (!config.oidc) return setError('OpenID Connect is not configured');
      try {
        const user = await oidcManager(config.oidc).signinRedirectCallback();
        // The access token is the session's bearer token; its claims (read as the gateway
        // reads them) give the role shown, never the ID token's.
        const claims = oidcClaimNames(config.oidc);
        const session = signIn(user.access_token, user.profile.name ?? user.profile.sub, claims);
        if (!session) {
          return setError(
            `the identity provider’s access token names no role this console knows (claim “${claims.roleClaim}”)`,
          );
        }
        void navigate('/', { replace: true });
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    });
  }, [navigate, signIn]);
  return error ? (
    <div data-testid="oidc-callback-error" style={{ margin: 48 }}>
      <Alert type="error" message={error} showIcon />
    </div>
  ) : null;
}
