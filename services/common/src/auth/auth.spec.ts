import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Actor } from './actor';
import {
  ACTOR_HEADER,
  signActorHeader,
  signClaimHeader,
  verifyActorHeader,
  verifyClaimHeader,
} from './actor-header';
import { merchantScope, requireMutation, requireRole } from './authorize';
import { bearerToken, createJwtVerifier, signJwt, verifyJwt } from './jwt';
import { appErrorOf } from '../testkit/assertions';

const settings = { secret: 'jwt-secret-for-unit-tests-0123456789', issuer: 'payoffice' };
const merchant: Actor = { sub: 'merchant:7', role: 'MERCHANT', merchantId: 7 };
const operator: Actor = { sub: 'alice', role: 'OPERATOR' };
const analyst: Actor = { sub: 'bob', role: 'ANALYST' };
const system: Actor = { sub: 'settlement', role: 'SYSTEM' };

/** The one-off check and the prepared one must accept and refuse exactly the same tokens. */
const verifiers: [string, (token: string) => Actor][] = [
  ['verifyJwt', (token) => verifyJwt(token, settings)],
  ['a verifier from createJwtVerifier', createJwtVerifier(settings)],
];

describe('signJwt', () => {
  it('issues an HS256 token with subject, issuer and expiry', () => {
    const token = signJwt(merchant, settings, 60);
    const decoded = jwt.decode(token, { complete: true });
    expect(decoded?.header.alg).toBe('HS256');
    const payload = decoded?.payload as jwt.JwtPayload;
    expect(payload.sub).toBe('merchant:7');
    expect(payload.iss).toBe('payoffice');
    expect(payload.exp! - payload.iat!).toBe(60);
  });
});

describe.each(verifiers)('signJwt / %s', (_name, verify) => {
  it.each([merchant, operator, analyst, system])('round-trips %p', (actor) => {
    expect(verify(signJwt(actor, settings))).toEqual(actor);
  });

  it('rejects an expired token as UNAUTHENTICATED "token expired"', () => {
    const token = signJwt(operator, settings, -10);
    const error = appErrorOf(() => verify(token));
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toBe('token expired');
  });

  it('rejects a token signed with another secret', () => {
    const token = signJwt(operator, { ...settings, secret: 'another-secret-0123456789abcdef' });
    const error = appErrorOf(() => verify(token));
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toBe('invalid token');
  });

  it('rejects a token from another issuer', () => {
    const token = signJwt(operator, { ...settings, issuer: 'someone-else' });
    expect(appErrorOf(() => verify(token)).code).toBe('UNAUTHENTICATED');
  });

  it('rejects an unsigned (alg none) token', () => {
    const token = jwt.sign({ role: 'SYSTEM' }, '', {
      algorithm: 'none',
      subject: 'x',
      issuer: settings.issuer,
    });
    expect(appErrorOf(() => verify(token)).code).toBe('UNAUTHENTICATED');
  });

  it.each(['', 'garbage', 'a.b.c'])('rejects the malformed token %p', (token) => {
    expect(appErrorOf(() => verify(token)).code).toBe('UNAUTHENTICATED');
  });

  it('rejects a MERCHANT token without a merchantId', () => {
    const token = signJwt({ sub: 'merchant:?', role: 'MERCHANT' }, settings);
    const error = appErrorOf(() => verify(token));
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toBe('invalid token claims');
  });

  it('rejects unknown roles and bad merchant ids', () => {
    const forge = (claims: object) =>
      jwt.sign(claims, settings.secret, { algorithm: 'HS256', subject: 'x', issuer: settings.issuer });
    expect(appErrorOf(() => verify(forge({ role: 'ADMIN' }))).message).toBe('invalid token claims');
    expect(appErrorOf(() => verify(forge({ role: 'MERCHANT', merchantId: '7' }))).message).toBe(
      'invalid token claims',
    );
    expect(appErrorOf(() => verify(forge({ role: 'MERCHANT', merchantId: -1 }))).message).toBe(
      'invalid token claims',
    );
  });

  it('refuses an HS512 token signed with the same secret (only HS256 is accepted)', () => {
    const token = jwt.sign({ role: 'OPERATOR' }, settings.secret, {
      algorithm: 'HS512',
      subject: 'x',
      issuer: settings.issuer,
    });
    expect(appErrorOf(() => verify(token)).message).toBe('invalid token');
  });

  it('keeps verifying after a refusal', () => {
    expect(appErrorOf(() => verify('garbage')).code).toBe('UNAUTHENTICATED');
    expect(verify(signJwt(merchant, settings))).toEqual(merchant);
  });
});

describe('bearerToken', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer   tok', 'tok'],
    ['Basic dXNlcjpwYXNz', undefined],
    ['Bearer', undefined],
    ['Bearer a b', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%p → %p', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});

describe('signActorHeader / verifyActorHeader', () => {
  const secret = 'internal-secret-for-unit-tests-0123';
  const now = Date.UTC(2025, 10, 16, 15, 14, 50);

  it('names the header', () => {
    expect(ACTOR_HEADER).toBe('x-payoffice-actor');
  });

  it.each([merchant, operator, analyst, system])('round-trips %p', (actor) => {
    expect(verifyActorHeader(signActorHeader(actor, secret, now), secret, now)).toEqual(actor);
  });

  it('has the shape <base64url actor>.<unix ms>.<hmac>', () => {
    const [body, issued, mac] = signActorHeader(merchant, secret, now).split('.');
    expect(JSON.parse(Buffer.from(body!, 'base64url').toString('utf8'))).toEqual(merchant);
    expect(issued).toBe(String(now));
    expect(mac).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('rejects a tampered body', () => {
    const [, issued, mac] = signActorHeader(merchant, secret, now).split('.');
    const forged = Buffer.from(JSON.stringify({ ...merchant, merchantId: 8 })).toString('base64url');
    expect(verifyActorHeader(`${forged}.${issued}.${mac}`, secret, now)).toBeNull();
    const promoted = Buffer.from(JSON.stringify({ sub: 'merchant:7', role: 'OPERATOR' })).toString(
      'base64url',
    );
    expect(verifyActorHeader(`${promoted}.${issued}.${mac}`, secret, now)).toBeNull();
  });

  it('rejects a changed timestamp', () => {
    const [body, , mac] = signActorHeader(merchant, secret, now).split('.');
    expect(verifyActorHeader(`${body}.${now + 1}.${mac}`, secret, now)).toBeNull();
  });

  it('rejects another secret', () => {
    expect(
      verifyActorHeader(signActorHeader(merchant, 'some-other-secret-0123456789', now), secret, now),
    ).toBeNull();
  });

  it('accepts up to five minutes of age or skew, not more', () => {
    const header = signActorHeader(operator, secret, now);
    expect(verifyActorHeader(header, secret, now + 5 * 60_000)).toEqual(operator);
    expect(verifyActorHeader(header, secret, now - 5 * 60_000)).toEqual(operator);
    expect(verifyActorHeader(header, secret, now + 5 * 60_000 + 1)).toBeNull();
    expect(verifyActorHeader(header, secret, now - 5 * 60_000 - 1)).toBeNull();
  });

  it.each([undefined, '', 'garbage', 'a.b', 'a.b.c', 'a.b.c.d', '...'])('rejects %p', (header) => {
    expect(verifyActorHeader(header, secret, now)).toBeNull();
  });

  it('rejects a correctly signed body that is not an actor', () => {
    const sign = (json: string) => {
      const payload = `${Buffer.from(json).toString('base64url')}.${now}`;
      const mac = createHmac('sha256', secret).update(payload).digest('base64url');
      return `${payload}.${mac}`;
    };
    expect(verifyActorHeader(sign('not json'), secret, now)).toBeNull();
    expect(verifyActorHeader(sign(JSON.stringify({ sub: 'm', role: 'MERCHANT' })), secret, now)).toBeNull();
    expect(verifyActorHeader(sign(JSON.stringify({ sub: 'x', role: 'ROOT' })), secret, now)).toBeNull();
    // the helper itself produces valid headers
    expect(verifyActorHeader(sign(JSON.stringify(operator)), secret, now)).toEqual(operator);
  });
});

describe('merchantScope', () => {
  it('pins a merchant to its own id', () => {
    expect(merchantScope(merchant)).toBe(7);
    expect(merchantScope(merchant, null)).toBe(7);
    expect(merchantScope(merchant, 7)).toBe(7);
  });

  it('forbids a merchant to name another merchant', () => {
    const error = appErrorOf(() => merchantScope(merchant, 8));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.extensions.code).toBe('FORBIDDEN');
  });

  it.each([operator, analyst, system])('lets %p name any merchant or none', (actor) => {
    expect(merchantScope(actor, 8)).toBe(8);
    expect(merchantScope(actor, null)).toBeUndefined();
    expect(merchantScope(actor)).toBeUndefined();
  });
});

describe('requireRole', () => {
  it('passes a listed role', () => {
    expect(() => requireRole(operator, 'OPERATOR', 'SYSTEM')).not.toThrow();
    expect(() => requireRole(system, 'OPERATOR', 'SYSTEM')).not.toThrow();
  });

  it('forbids other roles', () => {
    for (const actor of [merchant, analyst]) {
      const error = appErrorOf(() => requireRole(actor, 'OPERATOR', 'SYSTEM'));
      expect(error.code).toBe('FORBIDDEN');
      expect(error.message).toBe('this needs one of the roles OPERATOR, SYSTEM');
    }
  });
});

describe('requireMutation', () => {
  it('forbids ANALYST', () => {
    expect(appErrorOf(() => requireMutation(analyst)).code).toBe('FORBIDDEN');
  });

  it.each([merchant, operator, system])('allows %p', (actor) => {
    expect(() => requireMutation(actor)).not.toThrow();
  });
});

describe('claimed actors (signClaimHeader)', () => {
  const secret = 'claim-secret';
  const actor: Actor = { sub: 'merchant:7', role: 'MERCHANT', merchantId: 7, ip: '203.0.113.7' };

  it('verifies as a claim with its proof, never as a verified actor', () => {
    const header = signClaimHeader({ actor, proof: 'merchant-api' }, secret);
    expect(verifyClaimHeader(header, secret)).toEqual({ actor, proof: 'merchant-api' });
    expect(verifyActorHeader(header, secret)).toBeNull();
    expect(verifyClaimHeader(signActorHeader(actor, secret), secret)).toBeNull();
  });

  it('refuses another secret, an unknown or swapped proof, and a stale claim', () => {
    const header = signClaimHeader({ actor, proof: 'merchant-api' }, secret, 1_000_000);
    expect(verifyClaimHeader(header, 'other', 1_000_000)).toBeNull();
    expect(verifyClaimHeader(header.replace(/^merchant-api\./, 'open-api.'), secret, 1_000_000)).toBeNull();
    expect(verifyClaimHeader(header, secret, 1_000_000 + 5 * 60 * 1000 + 1)).toBeNull();
    expect(verifyClaimHeader(header, secret, 1_000_000 + 1000)).not.toBeNull();
  });
});
