import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../signatures/merchant-signature';
import { actorSchema, type Actor } from './actor';

/** Header the gateway sets on every subgraph request: `<base64url actor>.<unix ms>.<hmac>`. */
export const ACTOR_HEADER = 'x-payoffice-actor';

/** How long a signed actor header stays valid: covers clock skew, limits replay. */
const MAX_AGE_MS = 5 * 60 * 1000;

function hmac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function signActorHeader(actor: Actor, secret: string, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify(actor)).toString('base64url');
  const payload = `${body}.${now}`;
  return `${payload}.${hmac(secret, payload)}`;
}

/** Returns the actor when the header is present, signed with `secret` and fresh; otherwise null. */
export function verifyActorHeader(
  header: string | undefined,
  secret: string,
  now = Date.now(),
): Actor | null {
  if (!header) return null;
  const parts = header.split('.');
  if (parts.length !== 3) return null;
  const [body, issuedAt, signature] = parts as [string, string, string];
  if (!constantTimeEqual(hmac(secret, `${body}.${issuedAt}`), signature)) return null;
  const issued = Number(issuedAt);
  if (!Number.isFinite(issued) || Math.abs(now - issued) > MAX_AGE_MS) return null;
  try {
    const parsed = actorSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
