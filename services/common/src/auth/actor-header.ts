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
  return signedActor(secret, `${body}.${issuedAt}`, signature, body, issuedAt, now);
}

/**
 * The proofs a claimed actor can come with: the legacy signature the subgraph that keeps
 * the keys checks itself, before it runs anything, instead of the gateway asking first.
 */
export const ACTOR_PROOFS = ['merchant-api'] as const;
export type ActorProof = (typeof ACTOR_PROOFS)[number];

/** An actor the gateway has not verified: who the caller says it is, and the proof to check. */
export interface ActorClaim {
  actor: Actor;
  proof: ActorProof;
}

/**
 * Signs a claimed actor: `<proof>.<base64url actor>.<unix ms>.<hmac>`, the proof's name
 * under the HMAC too. Four parts, so `verifyActorHeader` refuses it: only a receiver that
 * checks the proof (`verifyClaimHeader`) can take it, and nobody mistakes it for a
 * verified actor.
 */
export function signClaimHeader(claim: ActorClaim, secret: string, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify(claim.actor)).toString('base64url');
  const payload = `${claim.proof}.${body}.${now}`;
  return `${payload}.${hmac(secret, payload)}`;
}

/** The claim when the header is a claim signed with `secret`, fresh, with a known proof; otherwise null. */
export function verifyClaimHeader(
  header: string | undefined,
  secret: string,
  now = Date.now(),
): ActorClaim | null {
  if (!header) return null;
  const parts = header.split('.');
  if (parts.length !== 4) return null;
  const [proof, body, issuedAt, signature] = parts as [string, string, string, string];
  if (!(ACTOR_PROOFS as readonly string[]).includes(proof)) return null;
  const actor = signedActor(secret, `${proof}.${body}.${issuedAt}`, signature, body, issuedAt, now);
  return actor ? { actor, proof: proof as ActorProof } : null;
}

function signedActor(
  secret: string,
  payload: string,
  signature: string,
  body: string,
  issuedAt: string,
  now: number,
): Actor | null {
  if (!constantTimeEqual(hmac(secret, payload), signature)) return null;
  const issued = Number(issuedAt);
  if (!Number.isFinite(issued) || Math.abs(now - issued) > MAX_AGE_MS) return null;
  try {
    const parsed = actorSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
