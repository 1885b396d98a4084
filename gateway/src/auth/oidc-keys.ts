import { createRemoteJWKSet, errors, type JWTVerifyGetKey } from 'jose';
import { AppError, logger } from '@pay/common';
import type { OidcConfig } from '../config';

const DISCOVERY_PATH = '/.well-known/openid-configuration';

/**
 * The OpenID provider's signing keys, for `jwtVerify`: the key set at OIDC_JWKS_URL, or
 * at the `jwks_uri` of the issuer's discovery document. jose's remote key set caches the
 * keys and fetches the set again when a token names a key id it does not know (at most
 * once per `jwks.cooldownMs`): that is how a provider's key rotation is picked up.
 *
 * Made once, at start-up, when it begins loading the discovery document and the keys so
 * the first request does not wait; if the provider cannot be reached then, the next token
 * from it tries again. A provider that cannot be reached (or answers nonsense) fails
 * verification with DEPENDENCY_UNAVAILABLE (503), not as a bad token: the token may be fine.
 */
export function oidcSigningKeys(oidc: OidcConfig): JWTVerifyGetKey {
  let loading: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;
  const load = () => {
    if (!loading) {
      const keySet = jwksUrlOf(oidc).then((url) =>
        createRemoteJWKSet(new URL(url), {
          timeoutDuration: oidc.jwks.timeoutMs,
          cooldownDuration: oidc.jwks.cooldownMs,
        }),
      );
      loading = keySet;
      keySet.catch(() => {
        if (loading === keySet) loading = undefined;
      });
    }
    return loading;
  };

  load()
    .then((keys) => keys.reload())
    .catch((error: unknown) =>
      logger().warn(
        { err: error, issuer: oidc.issuer },
        'could not load the OpenID provider keys at start-up; will retry on the first token',
      ),
    );

  return async (header, token) => {
    try {
      const keys = await load();
      return await keys(header, token);
    } catch (error) {
      if (isProviderUnreachable(error)) {
        logger().warn({ err: error, issuer: oidc.issuer }, 'OpenID provider keys unavailable');
        throw new AppError('DEPENDENCY_UNAVAILABLE', 'the identity provider could not be reached');
      }
      throw error;
    }
  };
}

/** OIDC_JWKS_URL, or the `jwks_uri` of the issuer's discovery document (OpenID Connect Discovery 1.0). */
async function jwksUrlOf(oidc: OidcConfig): Promise<string> {
  if (oidc.jwksUrl) return oidc.jwksUrl;
  const url = `${oidc.issuer.replace(/\/$/, '')}${DISCOVERY_PATH}`;
  const response = await fetch(url, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(oidc.jwks.timeoutMs),
  });
  if (!response.ok) throw new DiscoveryError(`${url} answered ${response.status}`);
  const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
  // The discovery document must name the issuer it was fetched for (Discovery §4.3).
  if (document.issuer !== oidc.issuer) {
    throw new DiscoveryError(`${url} is for issuer ${JSON.stringify(document.issuer)}, not ${oidc.issuer}`);
  }
  if (typeof document.jwks_uri !== 'string' || !/^https?:\/\//i.test(document.jwks_uri)) {
    throw new DiscoveryError(`${url} has no usable jwks_uri`);
  }
  return document.jwks_uri;
}

class DiscoveryError extends Error {
  override name = 'DiscoveryError';
}

/**
 * Failures of fetching the discovery document or the key set, as against a token that
 * fits none of the keys (JWKSNoMatchingKey and the like, which are the token's fault).
 */
function isProviderUnreachable(error: unknown): boolean {
  if (!(error instanceof errors.JOSEError)) return !(error instanceof AppError);
  return (
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    // jose's plain JOSEError: the key set answered other than 200 or was not JSON.
    error.code === 'ERR_JOSE_GENERIC'
  );
}
