import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { DEFAULT_OIDC_CLAIMS, type OidcClaimNames } from './session';
import type { AuthConfig } from './sign-in-options';

type OidcSettings = NonNullable<AuthConfig['oidc']>;

/**
 * OpenID Connect, authorization code with PKCE (oidc-client-ts does PKCE by default). With
 * an audience, the authorization and the token request both name the API as `resource`
 * (RFC 8707), so the access token — the console's bearer token — is a JWT for the gateway
 * (`aud` = the API) rather than for the provider's userinfo endpoint.
 */
export function oidcManager(config: OidcSettings): UserManager {
  const resource: Record<string, string> = config.audience ? { resource: config.audience } : {};
  return new UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: `${window.location.origin}/console/auth/callback`,
    post_logout_redirect_uri: `${window.location.origin}/console/`,
    response_type: 'code',
    scope: config.scopes.join(' '),
    extraQueryParams: resource,
    extraTokenParams: resource,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

/** Where the provider's tokens name the role and merchant id: the gateway's claim names. */
export function oidcClaimNames(config: OidcSettings): OidcClaimNames {
  return {
    roleClaim: config.roleClaim ?? DEFAULT_OIDC_CLAIMS.roleClaim,
    merchantClaim: config.merchantClaim ?? DEFAULT_OIDC_CLAIMS.merchantClaim,
  };
}
