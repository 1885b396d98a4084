import { decodeJwt, errors, jwtVerify } from 'jose';
import { AppError, createJwtVerifier, type Actor } from '@pay/common';
import type { GatewayConfig, OidcConfig } from '../config';
import { actorFromOidcClaims } from './oidc-claims';
import { oidcSigningKeys } from './oidc-keys';

/** Turns a bearer token into the caller's actor; the one place the gateway checks tokens. */
export interface TokenVerifier {
  /**
   * The actor of a valid token. Rejects with AppError UNAUTHENTICATED (a bad token, with
   * a message saying why) or DEPENDENCY_UNAVAILABLE (the OpenID provider's keys could not
   * be fetched).
   */
  verify(token: string): Promise<Actor>;
}

/**
 * Signature algorithms accepted from the OpenID provider: asymmetric ones only. HS* would
 * let anyone holding a shared secret mint tokens, and `none` needs no key at all.
 */
export const OIDC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

/**
 * The gateway's token verifier, made once at start-up. A token whose `iss` is OIDC_ISSUER
 * is verified against the OpenID provider's keys (issuer, audience, expiry, algorithm),
 * its claims mapped by `actorFromOidcClaims`; every other token goes through the
 * gateway's own HS256 check (`createJwtVerifier`, JWT_SECRET and JWT_ISSUER: its key
 * prepared here once, not per request) as before. Which
 * check applies depends on the unverified `iss` only to pick the check: each check then
 * verifies the issuer itself, so a token cannot choose a weaker one.
 */
export function createTokenVerifier(auth: GatewayConfig['auth']): TokenVerifier {
  const own = createJwtVerifier({ secret: auth.jwtSecret, issuer: auth.jwtIssuer });
  const oidc = auth.oidc ? oidcVerifier(auth.oidc) : undefined;
  return rememberingVerified({
    async verify(token) {
      if (oidc && unverifiedIssuer(token) === oidc.issuer) return oidc.verify(token);
      return own(token);
    },
  });
}

/** How long a verified token is taken on trust at most (key rotations reach it within this). */
const REMEMBERED_MS = 60_000;
/** Tokens remembered at once; past this the memory is emptied (a flood of new tokens only costs checks). */
const MAX_REMEMBERED = 10_000;

/**
 * Remembers each verified token's actor until the token expires or for a minute, whichever
 * is sooner: a client sends the same token with every request, and the check (HMAC or
 * signature, claims, the actor's schema) was ~8 % of the gateway's CPU per passed-through
 * request. Only a verified token with an `exp` is remembered, keyed by its exact text, so
 * the answer for it is the one the check gave; a refused token is checked every time.
 */
export function rememberingVerified(verifier: TokenVerifier, now: () => number = Date.now): TokenVerifier {
  const remembered = new Map<string, { actor: Actor; until: number }>();
  return {
    async verify(token) {
      const at = now();
      const known = remembered.get(token);
      if (known && at < known.until) return known.actor;
      if (known) remembered.delete(token);
      const actor = Object.freeze(await verifier.verify(token));
      const expiry = unverifiedExpiry(token);
      if (expiry !== undefined) {
        if (remembered.size >= MAX_REMEMBERED) remembered.clear();
        remembered.set(token, { actor, until: Math.min(expiry * 1000, at + REMEMBERED_MS) });
      }
      return actor;
    },
  };
}

function unverifiedExpiry(token: string): number | undefined {
  try {
    const { exp } = decodeJwt(token);
    return typeof exp === 'number' ? exp : undefined;
  } catch {
    return undefined;
  }
}

function unverifiedIssuer(token: string): string | undefined {
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined; // not a JWT: the HS256 check refuses it as before
  }
}

function oidcVerifier(oidc: OidcConfig) {
  const keys = oidcSigningKeys(oidc);
  return {
    issuer: oidc.issuer,
    async verify(token: string): Promise<Actor> {
      let claims: Record<string, unknown>;
      try {
        ({ payload: claims } = await jwtVerify(token, keys, {
          issuer: oidc.issuer,
          audience: oidc.audience,
          algorithms: OIDC_ALGORITHMS,
          clockTolerance: oidc.clockToleranceSeconds,
          requiredClaims: ['exp', 'sub'],
        }));
      } catch (error) {
        throw refusal(error);
      }
      return actorFromOidcClaims(claims, oidc);
    },
  };
}

/** Why an OIDC token was refused, in words a client developer can act on. */
function refusal(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = (text: string) => new AppError('UNAUTHENTICATED', text);
  if (error instanceof errors.JWTExpired) return message('token expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return message(`the token has no "${error.claim}" claim`);
    if (error.claim === 'aud') return message('the token is not for this API (aud)');
    if (error.claim === 'nbf') return message('the token is not valid yet (nbf)');
    return message(`invalid token: the "${error.claim}" claim failed its check`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return message(`tokens of this issuer must be signed with one of ${OIDC_ALGORITHMS.join(', ')}`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return message("the token's signature does not match the issuer's keys");
  }
  return message('invalid token');
}
