/** Who is signed in, read from the bearer token the gateway verifies (never trusted for more than display). */
export interface Session {
  token: string;
  sub: string;
  role: 'MERCHANT' | 'OPERATOR' | 'ANALYST' | 'SYSTEM';
  merchantId: number | null;
  /** A display name for the header. */
  name: string;
  expiresAt: number | null;
}

const KEY = 'payoffice.session';

function decodePayload(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(decodeURIComponent(escape(json))) as Record<string, unknown>;
  } catch {
    return null;
  }
}

const ROLE_ORDER = ['OPERATOR', 'ANALYST', 'MERCHANT'] as const;

/**
 * Where an identity provider's token names the role and the merchant id: the gateway's
 * `OIDC_ROLE_CLAIM` and `OIDC_MERCHANT_CLAIM` (sent in `GET /console/auth-config`), read the
 * way the gateway reads them (gateway/src/auth/oidc-claims.ts).
 */
export interface OidcClaimNames {
  roleClaim: string;
  merchantClaim: string;
}

/** The gateway's defaults for `OIDC_ROLE_CLAIM` and `OIDC_MERCHANT_CLAIM`. */
export const DEFAULT_OIDC_CLAIMS: OidcClaimNames = { roleClaim: 'roles', merchantClaim: 'merchant_id' };

const asList = (value: unknown): unknown[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];

/** The highest of the roles named (exact names, any case; others ignored). */
function highestRole(values: unknown[]): Session['role'] | null {
  const claimed = values.filter((r): r is string => typeof r === 'string').map((r) => r.toUpperCase());
  return ROLE_ORDER.find((r) => claimed.includes(r)) ?? null;
}

/** A merchant id as the gateway accepts it: a positive integer, or a string of digits. */
function merchantIdOf(value: unknown): number | null {
  const id = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
}

/**
 * Role and merchant id of a token. With `claims` (an identity provider's token), exactly the
 * gateway's mapping: the role claim (a string or a list), and a MERCHANT needs the merchant
 * claim, else no session. Without (the platform's own tokens, or an unknown mapping): `role`
 * or a `roles` list, and `merchantId` or `merchant_id`.
 */
function identityOf(
  payload: Record<string, unknown>,
  claims?: OidcClaimNames,
): Pick<Session, 'role' | 'merchantId'> | null {
  if (claims) {
    const role = highestRole(asList(payload[claims.roleClaim]));
    const merchantId = merchantIdOf(payload[claims.merchantClaim]);
    if (!role || (role === 'MERCHANT' && merchantId === null)) return null;
    return { role, merchantId: role === 'MERCHANT' ? merchantId : null };
  }
  const role = highestRole([payload.role, ...asList(payload.roles)]);
  if (!role) return null;
  return { role, merchantId: merchantIdOf(payload.merchantId ?? payload.merchant_id) };
}

/**
 * A session from a token the gateway issued or accepts; null when it cannot be read or
 * names no role the console knows. `claims`: how an identity provider's token is read.
 */
export function sessionFromToken(token: string, name?: string, claims?: OidcClaimNames): Session | null {
  const payload = decodePayload(token);
  const identity = payload ? identityOf(payload, claims) : null;
  if (!payload || !identity) return null;
  return {
    token,
    sub: String(payload.sub ?? ''),
    ...identity,
    name: name ?? String(payload.name ?? payload.sub ?? identity.role),
    expiresAt: typeof payload.exp === 'number' ? payload.exp * 1000 : null,
  };
}

export function loadSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    if (session.expiresAt && session.expiresAt < Date.now()) return null;
    return session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}

/** Roles that may change things (the graph enforces it; the console only hides what would be refused). */
export const canAct = (session: Session | null): boolean => session?.role === 'OPERATOR';
export const isPlatform = (session: Session | null): boolean =>
  session?.role === 'OPERATOR' || session?.role === 'ANALYST';
