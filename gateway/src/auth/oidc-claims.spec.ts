import { AppError } from '@pay/common';
import { actorFromOidcClaims } from './oidc-claims';

const names = { roleClaim: 'roles', merchantClaim: 'merchant_id' };
const actorOf = (claims: Record<string, unknown>) => actorFromOidcClaims({ sub: 'u-1', ...claims }, names);
const refusalOf = (claims: Record<string, unknown>) => {
  try {
    actorOf(claims);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('UNAUTHENTICATED');
    return (error as AppError).message;
  }
  throw new Error('expected a refusal');
};

describe('actorFromOidcClaims', () => {
  it.each([
    [{ roles: 'OPERATOR' }, { sub: 'u-1', role: 'OPERATOR' }],
    [{ roles: ['analyst'] }, { sub: 'u-1', role: 'ANALYST' }],
    [
      { roles: ['Merchant'], merchant_id: 2024164 },
      { sub: 'u-1', role: 'MERCHANT', merchantId: 2024164 },
    ],
    [
      { roles: 'MERCHANT', merchant_id: '42' },
      { sub: 'u-1', role: 'MERCHANT', merchantId: 42 },
    ],
  ])('maps %p', (claims, actor) => {
    expect(actorOf(claims)).toEqual(actor);
  });

  it('picks by OPERATOR > ANALYST > MERCHANT when several roles are named, whatever their order', () => {
    expect(actorOf({ roles: ['merchant', 'analyst', 'operator'], merchant_id: 1 }).role).toBe('OPERATOR');
    expect(actorOf({ roles: ['MERCHANT', 'ANALYST'] })).toEqual({ sub: 'u-1', role: 'ANALYST' });
  });

  it('ignores values that are not role names, and never grants SYSTEM', () => {
    expect(actorOf({ roles: ['offline_access', 42, 'ANALYST'] }).role).toBe('ANALYST');
    expect(refusalOf({ roles: ['SYSTEM', 'operators', ' OPERATOR'] })).toBe(
      'the token\'s "roles" claim names none of the roles OPERATOR, ANALYST, MERCHANT',
    );
    expect(refusalOf({})).toMatch(/"roles" claim names none of the roles/);
    expect(refusalOf({ roles: { OPERATOR: true } })).toMatch(/names none of the roles/);
  });

  it.each([undefined, 0, -3, 1.5, '', '12a', 'ABC', Number.MAX_SAFE_INTEGER + 2, [7]])(
    'refuses a MERCHANT whose merchant id is %p',
    (merchantId) => {
      expect(refusalOf({ roles: 'MERCHANT', merchant_id: merchantId })).toBe(
        'a MERCHANT token needs a "merchant_id" claim with a positive integer merchant id',
      );
    },
  );

  it('reads the configured claim names', () => {
    const actor = actorFromOidcClaims(
      { sub: 'u-2', 'https://payoffice.example/roles': ['merchant'], mch: 9 },
      { roleClaim: 'https://payoffice.example/roles', merchantClaim: 'mch' },
    );
    expect(actor).toEqual({ sub: 'u-2', role: 'MERCHANT', merchantId: 9 });
  });

  it('needs a usable sub', () => {
    expect(refusalOf({ sub: '', roles: 'OPERATOR' })).toBe('the token has no usable "sub" claim');
    expect(refusalOf({ sub: 'x'.repeat(201), roles: 'OPERATOR' })).toMatch(/"sub"/);
  });
});
