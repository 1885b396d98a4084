import { AppError, actorSchema, type Actor, type Role } from '@pay/common';

/**
 * The roles an OpenID provider may grant, in the order that decides when a token names
 * several: OPERATOR, then ANALYST, then MERCHANT. SYSTEM is never taken from outside.
 */
export const OIDC_ROLE_PRECEDENCE: readonly Role[] = ['OPERATOR', 'ANALYST', 'MERCHANT'];

export interface OidcClaimNames {
  /** The claim with the role(s): a string (one role) or an array of strings. */
  roleClaim: string;
  /** The claim with a MERCHANT's merchant id. */
  merchantClaim: string;
}

/**
 * The actor of a verified OIDC token: `sub`, the role named in the role claim (role names
 * exactly, in any case; other values are ignored; the first of OIDC_ROLE_PRECEDENCE wins),
 * and for MERCHANT the merchant id claim (a positive integer, or a string of digits). A
 * token with no recognised role, or a MERCHANT token without a valid merchant id, is
 * refused (UNAUTHENTICATED).
 */
export function actorFromOidcClaims(claims: Record<string, unknown>, names: OidcClaimNames): Actor {
  const raw = claims[names.roleClaim];
  const values = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : [];
  const granted = new Set(
    values.filter((v): v is string => typeof v === 'string').map((v) => v.toUpperCase()),
  );
  const role = OIDC_ROLE_PRECEDENCE.find((r) => granted.has(r));
  if (!role) {
    throw new AppError(
      'UNAUTHENTICATED',
      `the token's "${names.roleClaim}" claim names none of the roles ${OIDC_ROLE_PRECEDENCE.join(', ')}`,
    );
  }
  let merchantId: number | undefined;
  if (role === 'MERCHANT') {
    merchantId = merchantIdOf(claims[names.merchantClaim]);
    if (merchantId === undefined) {
      throw new AppError(
        'UNAUTHENTICATED',
        `a MERCHANT token needs a "${names.merchantClaim}" claim with a positive integer merchant id`,
      );
    }
  }
  const parsed = actorSchema.safeParse({ sub: claims.sub, role, merchantId });
  if (!parsed.success) throw new AppError('UNAUTHENTICATED', 'the token has no usable "sub" claim');
  return parsed.data;
}

function merchantIdOf(value: unknown): number | undefined {
  const id = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
