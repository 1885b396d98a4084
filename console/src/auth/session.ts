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

/** The role a token carries: `role` (the platform's tokens) or a `roles` list (an identity provider's), highest first. */
function roleOf(payload: Record<string, unknown>): Session['role'] | null {
  const claimed = [payload.role, ...(Array.isArray(payload.roles) ? payload.roles : [])]
    .filter((r): r is string => typeof r === 'string')
    .map((r) => r.toUpperCase());
  return ROLE_ORDER.find((r) => claimed.includes(r)) ?? null;
}

/** A session from a token the gateway issued or accepts; null when it cannot be read. */
export function sessionFromToken(token: string, name?: string): Session | null {
  const payload = decodePayload(token);
  const role = payload ? roleOf(payload) : null;
  if (!payload || !role) return null;
  const rawMerchant = payload.merchantId ?? payload.merchant_id;
  const merchantId = rawMerchant == null || rawMerchant === '' ? null : Number(rawMerchant);
  return {
    token,
    sub: String(payload.sub ?? ''),
    role,
    merchantId: Number.isInteger(merchantId) ? merchantId : null,
    name: name ?? String(payload.name ?? payload.sub ?? role),
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
