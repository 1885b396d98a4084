import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AppError } from '../errors/app-error';
import { actorSchema, type Actor } from './actor';

export interface JwtSettings {
  secret: string;
  issuer: string;
}

/** Issues a bearer token for an actor (demo tokens, tests, the SYSTEM role). */
export function signJwt(actor: Actor, settings: JwtSettings, expiresInSeconds = 12 * 3600): string {
  return jwt.sign({ role: actor.role, merchantId: actor.merchantId }, settings.secret, {
    algorithm: 'HS256',
    subject: actor.sub,
    issuer: settings.issuer,
    expiresIn: expiresInSeconds,
  });
}

/** Verifies a bearer token; UNAUTHENTICATED when it is missing, forged, expired or malformed. */
export type JwtVerifier = (token: string) => Actor;

/**
 * Prepares the check of `verifyJwt` once: the secret becomes an HMAC key object here, so
 * each verification skips what jsonwebtoken does with a string secret on every call
 * (first trying to parse it as a public key, then wrapping it). Make it once at start-up
 * and call it per request; it accepts and refuses exactly what `verifyJwt` does.
 */
export function createJwtVerifier(settings: JwtSettings): JwtVerifier {
  const key: KeyObject = createSecretKey(Buffer.from(settings.secret));
  const options: jwt.VerifyOptions = { algorithms: ['HS256'], issuer: settings.issuer };
  return (token) => {
    let payload: string | jwt.JwtPayload;
    try {
      payload = jwt.verify(token, key, options);
    } catch (error) {
      const reason = error instanceof jwt.TokenExpiredError ? 'token expired' : 'invalid token';
      throw new AppError('UNAUTHENTICATED', reason);
    }
    if (typeof payload === 'string') throw new AppError('UNAUTHENTICATED', 'invalid token');
    const parsed = actorSchema.safeParse({
      sub: payload.sub,
      role: payload.role,
      merchantId: payload.merchantId ?? undefined,
    });
    if (!parsed.success) throw new AppError('UNAUTHENTICATED', 'invalid token claims');
    return parsed.data;
  };
}

/**
 * Verifies a bearer token; UNAUTHENTICATED when it is missing, forged, expired or
 * malformed. Prepares the key on every call: for one-off checks; per request, use a
 * verifier from `createJwtVerifier`.
 */
export function verifyJwt(token: string, settings: JwtSettings): Actor {
  return createJwtVerifier(settings)(token);
}

/** Extracts the token from an `Authorization: Bearer …` header. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}
