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
export function verifyJwt(token: string, settings: JwtSettings): Actor {
  let payload: string | jwt.JwtPayload;
  try {
    payload = jwt.verify(token, settings.secret, { algorithms: ['HS256'], issuer: settings.issuer });
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
}

/** Extracts the token from an `Authorization: Bearer …` header. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}
