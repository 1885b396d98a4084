import { AppError, signJwt, type Actor } from '@pay/common';
import { createTokenVerifier, rememberingVerified, type TokenVerifier } from './token-verifier';

const settings = { secret: 'token-verifier-spec-secret', issuer: 'pay-gateway' };
const actor: Actor = { sub: 'op-1', role: 'OPERATOR' };

/** A verifier that counts its checks, refusing tokens listed as refused. */
function counting(refused = new Set<string>()) {
  const checked: string[] = [];
  const verifier: TokenVerifier = {
    verify(token) {
      checked.push(token);
      if (refused.has(token)) return Promise.reject(new AppError('UNAUTHENTICATED', 'invalid token'));
      return Promise.resolve({ ...actor });
    },
  };
  return { verifier, checked };
}

describe('rememberingVerified', () => {
  it('checks a token once, then answers the same actor until a minute has passed', async () => {
    let now = Date.now();
    const { verifier, checked } = counting();
    const remembering = rememberingVerified(verifier, () => now);
    const token = signJwt(actor, settings, 3600);
    const first = await remembering.verify(token);
    expect(await remembering.verify(token)).toBe(first);
    expect(checked).toHaveLength(1);
    now += 59_999;
    await remembering.verify(token);
    expect(checked).toHaveLength(1);
    now += 1;
    await remembering.verify(token);
    expect(checked).toHaveLength(2);
  });

  it("never past the token's expiry, and a refused token is checked every time", async () => {
    const { verifier, checked } = counting(new Set(['refused']));
    const token = signJwt(actor, settings, 10);
    const exp = (
      JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { exp: number }
    ).exp;
    let now = exp * 1000 - 5;
    const remembering = rememberingVerified(verifier, () => now);
    await remembering.verify(token);
    await remembering.verify(token);
    expect(checked).toHaveLength(1);
    now = exp * 1000;
    await remembering.verify(token);
    expect(checked).toHaveLength(2);

    await expect(remembering.verify('refused')).rejects.toThrow('invalid token');
    await expect(remembering.verify('refused')).rejects.toThrow('invalid token');
    expect(checked.filter((t) => t === 'refused')).toHaveLength(2);
  });

  it('remembers nothing for a token without exp', async () => {
    const { verifier, checked } = counting();
    const remembering = rememberingVerified(verifier);
    await remembering.verify('opaque');
    await remembering.verify('opaque');
    expect(checked).toEqual(['opaque', 'opaque']);
  });
});

describe('createTokenVerifier', () => {
  const auth = {
    jwtSecret: settings.secret,
    jwtIssuer: settings.issuer,
    internalSecret: 'internal',
    oidc: null,
  } satisfies Parameters<typeof createTokenVerifier>[0];

  it('answers the actor of a valid token, frozen, the same for a repeated token', async () => {
    const tokens = createTokenVerifier(auth);
    const token = signJwt({ sub: 'm-1', role: 'MERCHANT', merchantId: 2024164 }, settings);
    const verified = await tokens.verify(token);
    expect(verified).toEqual({ sub: 'm-1', role: 'MERCHANT', merchantId: 2024164 });
    expect(Object.isFrozen(verified)).toBe(true);
    expect(await tokens.verify(token)).toBe(verified);
  });

  it('refuses a forged token even after the genuine one was remembered', async () => {
    const tokens = createTokenVerifier(auth);
    const token = signJwt(actor, settings);
    await tokens.verify(token);
    const forged = signJwt({ sub: 'op-1', role: 'SYSTEM' }, { ...settings, secret: 'not the secret' });
    await expect(tokens.verify(forged)).rejects.toThrow('invalid token');
    const [header, , signature] = token.split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify({ sub: 'x', role: 'ADMIN', iss: settings.issuer, exp: 9999999999 })).toString('base64url')}.${signature}`;
    await expect(tokens.verify(tampered)).rejects.toThrow('invalid token');
  });
});
