import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { AuthConfig } from './sign-in-options';

/** OpenID Connect, authorization code with PKCE (oidc-client-ts does PKCE by default). */
export function oidcManager(config: NonNullable<AuthConfig['oidc']>): UserManager {
  return new UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: `${window.location.origin}/console/auth/callback`,
    post_logout_redirect_uri: `${window.location.origin}/console/`,
    response_type: 'code',
    scope: config.scopes.join(' '),
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}
