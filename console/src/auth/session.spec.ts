import { DEFAULT_OIDC_CLAIMS, sessionFromToken } from './session';

const token = (payload: Record<string, unknown>) =>
  `x.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.y`;

describe('sessionFromToken', () => {
  it('reads the platform’s tokens (role, merchantId)', () => {
    expect(
      sessionFromToken(token({ sub: 'merchant:2024164', role: 'MERCHANT', merchantId: 2024164, exp: 2 })),
    ).toMatchObject({
      role: 'MERCHANT',
      merchantId: 2024164,
      expiresAt: 2000,
    });
  });

  it('reads an identity provider’s roles list, highest first, and a merchant_id claim', () => {
    expect(
      sessionFromToken(token({ sub: 'u1', roles: ['merchant', 'analyst'], merchant_id: '2023100' })),
    ).toMatchObject({
      role: 'ANALYST',
      merchantId: 2023100,
    });
    expect(sessionFromToken(token({ sub: 'u2', roles: ['MERCHANT', 'OPERATOR'] }))?.role).toBe('OPERATOR');
  });

  it('refuses tokens without a role the console knows, or that cannot be read', () => {
    expect(sessionFromToken(token({ sub: 'u3', roles: ['SYSTEM_ADMIN'] }))).toBeNull();
    expect(sessionFromToken('not-a-jwt')).toBeNull();
  });

  it('reads an identity provider’s token with the gateway’s claim names, as the gateway does', () => {
    expect(
      sessionFromToken(token({ sub: 'u4', roles: 'operator', role: 'MERCHANT' }), 'Ops', DEFAULT_OIDC_CLAIMS),
    ).toMatchObject({ role: 'OPERATOR', merchantId: null, name: 'Ops' });
    expect(
      sessionFromToken(
        token({ sub: 'u5', roles: ['MERCHANT'], merchant_id: 7 }),
        undefined,
        DEFAULT_OIDC_CLAIMS,
      ),
    ).toMatchObject({ role: 'MERCHANT', merchantId: 7 });
    const custom = { roleClaim: 'https://payoffice.example/roles', merchantClaim: 'shop' };
    expect(
      sessionFromToken(
        token({ sub: 'u6', 'https://payoffice.example/roles': ['MERCHANT'], shop: '42' }),
        '',
        custom,
      ),
    ).toMatchObject({ role: 'MERCHANT', merchantId: 42 });
    // Another claim than the gateway reads is not a role; a MERCHANT without a merchant id is refused.
    expect(
      sessionFromToken(token({ sub: 'u7', role: 'OPERATOR' }), undefined, DEFAULT_OIDC_CLAIMS),
    ).toBeNull();
    expect(
      sessionFromToken(token({ sub: 'u8', roles: ['MERCHANT'] }), undefined, DEFAULT_OIDC_CLAIMS),
    ).toBeNull();
  });
});
