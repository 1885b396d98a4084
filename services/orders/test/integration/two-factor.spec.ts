import { Secret, TOTP, URI } from 'otpauth';
import { ACTOR_HEADER, dataOf, errorCodes, signActorHeader, type Actor } from '@pay/common';
import { ACTORS, startOrdersTestApp, type OrdersTestApp } from '../support/orders-app';
import { verifyMerchantTotp } from '../../src/modules/merchant/merchant-security.service';

const ENABLE = `mutation ($input: EnableTwoFactorInput!) { enableTwoFactor(input: $input) { merchantId otpauthUri } }`;
const DISABLE = `mutation ($input: DisableTwoFactorInput!) { disableTwoFactor(input: $input) { id twoFactorEnabled } }`;
const MERCHANT = `query ($id: Int) { merchant(id: $id) { id twoFactorEnabled } }`;
const MERCHANT_ID = ACTORS.merchant.merchantId;

describe('two-factor (TOTP) for withdrawals', () => {
  let app: OrdersTestApp;
  let base: string;

  beforeAll(async () => {
    app = await startOrdersTestApp();
    base = app.url.replace(/\/graphql$/, '');
  });

  afterAll(async () => {
    await app.close();
  });

  async function verify(
    merchantId: number | string,
    body: unknown,
    actor: Actor | null = ACTORS.system,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${base}/internal/merchants/${merchantId}/verify-totp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(actor ? { [ACTOR_HEADER]: signActorHeader(actor, app.config.auth.internalSecret) } : {}),
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function enable(merchantId = MERCHANT_ID): Promise<TOTP> {
    const { otpauthUri } = dataOf(
      await app.gql<{ enableTwoFactor: { merchantId: number; otpauthUri: string } }>(ENABLE, {
        input: { merchantId },
      }),
    ).enableTwoFactor;
    const parsed = URI.parse(otpauthUri);
    if (!(parsed instanceof TOTP)) throw new Error(`not a TOTP URI: ${otpauthUri}`);
    return parsed;
  }

  const codeAt = (totp: TOTP, offsetSeconds: number) =>
    totp.generate({ timestamp: Date.now() + offsetSeconds * 1000 });

  it('answers required: false while two-factor is off', async () => {
    expect(await verify(MERCHANT_ID, { code: '123456' })).toEqual({
      status: 200,
      body: { required: false, valid: false },
    });
  });

  it('enables with a fresh secret returned once as an otpauth URI (SHA-1, 6 digits, 30 s)', async () => {
    const totp = await enable();
    expect(totp).toMatchObject({ issuer: 'PayOffice', algorithm: 'SHA1', digits: 6, period: 30 });
    expect(totp.secret.base32).toMatch(/^[A-Z2-7]{32}$/);
    expect(dataOf(await app.gql(MERCHANT, { id: MERCHANT_ID }, ACTORS.merchant))).toEqual({
      merchant: { id: MERCHANT_ID, twoFactorEnabled: true },
    });
    // The secret is not part of the graph.
    const probe = await app.gql(`{ merchant(id: ${MERCHANT_ID}) { totpSecret } }`);
    expect(errorCodes(probe)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const otherTotp = await enable(ACTORS.otherMerchant.merchantId);
    expect(otherTotp.secret.base32).not.toBe(totp.secret.base32);
  });

  it('accepts a right code once, one step early or late, and nothing else', async () => {
    const totp = await enable();
    // One fixed instant for both sides, so a 30 s step boundary during the test changes nothing.
    const now = Date.now();
    const at = (offsetSeconds: number) => totp.generate({ timestamp: now + offsetSeconds * 1000 });
    const check = (code: string) => verifyMerchantTotp(app.orm.em.fork(), MERCHANT_ID, code, now);
    expect(await check(at(-90))).toEqual({ required: true, valid: false });
    expect(await check(at(-30))).toEqual({ required: true, valid: true });
    expect(await check(at(0))).toEqual({ required: true, valid: true });
    // Used codes, and older ones, never pass again.
    expect(await check(at(0))).toEqual({ required: true, valid: false });
    expect(await check(at(-30))).toEqual({ required: true, valid: false });
    expect(await check(at(30))).toEqual({ required: true, valid: true });
  });

  it('accepts a code only once even when it is replayed concurrently', async () => {
    const totp = await enable();
    const code = codeAt(totp, 0);
    const answers = await Promise.all(Array.from({ length: 10 }, () => verify(MERCHANT_ID, { code })));
    expect(answers.filter((a) => a.body.valid === true)).toHaveLength(1);
  });

  it.each([[{}], [{ code: '' }], [{ code: 'abcdef' }], [{ code: '12345' }], [{ code: '1234567' }]])(
    'refuses %p',
    async (body) => {
      await enable();
      expect((await verify(MERCHANT_ID, body)).body).toEqual({ required: true, valid: false });
    },
  );

  it('re-enabling rotates the secret: codes of the old one fail', async () => {
    const old = await enable();
    const current = await enable();
    const oldCode = codeAt(old, 0);
    if (oldCode !== codeAt(current, 0)) {
      expect((await verify(MERCHANT_ID, { code: oldCode })).body).toEqual({ required: true, valid: false });
    }
    expect((await verify(MERCHANT_ID, { code: codeAt(current, 0) })).body).toEqual({
      required: true,
      valid: true,
    });
  });

  it('disables and forgets the secret', async () => {
    const totp = await enable();
    expect(dataOf(await app.gql(DISABLE, { input: { merchantId: MERCHANT_ID } }))).toEqual({
      disableTwoFactor: { id: MERCHANT_ID, twoFactorEnabled: false },
    });
    expect((await verify(MERCHANT_ID, { code: codeAt(totp, 0) })).body).toEqual({
      required: false,
      valid: false,
    });
    const [row] = (await app.orm.em
      .fork()
      .getConnection()
      .execute('select totp_secret, totp_last_step from merchant where id = ?', [MERCHANT_ID])) as {
      totp_secret: string | null;
      totp_last_step: string | null;
    }[];
    expect(row).toEqual({ totp_secret: null, totp_last_step: null });
  });

  it('fails closed when two-factor is on without a secret', async () => {
    await app.orm.em
      .fork()
      .getConnection()
      .execute('update merchant set two_factor_enabled = true, totp_secret = null where id = ?', [
        MERCHANT_ID,
      ]);
    const guess = new TOTP({ secret: new Secret() }).generate();
    expect((await verify(MERCHANT_ID, { code: guess })).body).toEqual({ required: true, valid: false });
  });

  it('lets only operators and services switch it', async () => {
    for (const actor of [ACTORS.merchant, ACTORS.analyst]) {
      expect(errorCodes(await app.gql(ENABLE, { input: { merchantId: MERCHANT_ID } }, actor))).toEqual([
        'FORBIDDEN',
      ]);
      expect(errorCodes(await app.gql(DISABLE, { input: { merchantId: MERCHANT_ID } }, actor))).toEqual([
        'FORBIDDEN',
      ]);
    }
    expect(errorCodes(await app.gql(ENABLE, { input: { merchantId: 999 } }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.gql(DISABLE, { input: { merchantId: 999 } }))).toEqual(['NOT_FOUND']);
  });

  it('hears only signed SYSTEM callers, and answers 404/400 for unknown merchants and bad input', async () => {
    expect((await verify(MERCHANT_ID, { code: '123456' }, null)).status).toBe(401);
    expect((await verify(MERCHANT_ID, { code: '123456' }, ACTORS.operator)).status).toBe(401);
    expect((await verify(MERCHANT_ID, { code: '123456' }, ACTORS.merchant)).status).toBe(401);
    const forged = await fetch(`${base}/internal/merchants/${MERCHANT_ID}/verify-totp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [ACTOR_HEADER]: signActorHeader(ACTORS.system, 'wrong-secret-0123456789'),
      },
      body: '{"code":"123456"}',
    });
    expect(forged.status).toBe(401);
    expect((await verify(999, { code: '123456' })).status).toBe(404);
    expect((await verify('abc', { code: '123456' })).status).toBe(400);
    expect((await verify(MERCHANT_ID, { code: 123456 })).status).toBe(400);
  });
});
