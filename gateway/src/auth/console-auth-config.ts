import express, { type Router } from 'express';
import type { OidcConfig } from '../config';

/** What the console reads before signing in (no secrets: the console is a public client). */
export interface ConsoleAuthConfig {
  oidc: {
    issuer: string;
    clientId: string;
    /** The API the console asks an access token for (the `resource`, RFC 8707; `aud` of the token). */
    audience: string;
    scopes: string[];
    /** Where the provider's tokens name the role and a MERCHANT's merchant id (OIDC_ROLE_CLAIM, OIDC_MERCHANT_CLAIM). */
    roleClaim: string;
    merchantClaim: string;
  } | null;
}

const SCOPES = ['openid', 'profile'];

/**
 * `GET /console/auth-config`, public: how the console signs in. With OIDC on and a console
 * client id, the console runs the authorization code flow with PKCE against `issuer` and
 * sends the access token it gets for `audience` as its bearer token, showing the role it
 * reads from `roleClaim` / `merchantClaim` as the gateway does; `oidc: null` means no OIDC
 * sign-in (the gateway's own HS256 tokens only).
 */
export function consoleAuthConfig(oidc: OidcConfig | null): Router {
  const body: ConsoleAuthConfig = {
    oidc:
      oidc?.clientId !== undefined
        ? {
            issuer: oidc.issuer,
            clientId: oidc.clientId,
            audience: oidc.audience,
            scopes: SCOPES,
            roleClaim: oidc.roleClaim,
            merchantClaim: oidc.merchantClaim,
          }
        : null,
  };
  const router = express.Router();
  router.get('/console/auth-config', (_req, res) => {
    res.set('cache-control', 'no-cache').json(body);
  });
  return router;
}
