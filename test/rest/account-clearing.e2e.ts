import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedClearingDemo, CLEARING_DEMO, testLedgerConfig } from '@pay/ledger';
import { ACTOR_HEADER, dataOf, signActorHeader } from '@pay/common';
import { startPlatform, ACTORS, type Platform } from '../support/platform';
import { gatewayRoot, legacyMerchantSign, nowSeconds } from '../support/legacy-clients';

/**
 * The account-clearing API (account-clearing-api.md) as a main account's integration
 * calls it: every request signed with `unionId`, `timeStamp` and the merchant API's MD5
 * scheme over its parameters with `&key=<account key>` (computed here, independently).
 */

type Params = Record<string, string | number | null | undefined>;
type Body = Record<string, unknown>;
interface Plain {
  s: string;
  m: string;
  d: Body | null;
}
interface Wrapped {
  data: Plain;
  sign: string;
}
interface Account {
  unionId: string;
  key: string;
}

const DEMO: Account = { unionId: CLEARING_DEMO.unionId, key: CLEARING_DEMO.key };
const [CHILD_A, CHILD_B] = CLEARING_DEMO.childPhones;

const ISO_LIKE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const SHORT = /^\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}$/;

function signed(params: Params, account: Account): Params {
  const full: Params = { unionId: account.unionId, timeStamp: String(nowSeconds()), ...params };
  if (full.sign === undefined) full.sign = legacyMerchantSign(full, account.key);
  return full;
}

/** A GET with signed query parameters. */
async function get<T>(
  platform: Platform,
  path: string,
  params: Params = {},
  account: Account = DEMO,
): Promise<{ status: number; body: T }> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(signed(params, account)))
    if (v !== undefined && v !== null) query.append(k, String(v));
  const response = await fetch(`${gatewayRoot(platform)}/api/account/v1/${path}?${query.toString()}`);
  return { status: response.status, body: (await response.json()) as T };
}

/** child_detail: `{data: {...}, sign}` as a JSON body, by GET (fetch can't send a GET body) or POST. */
function childDetail(
  platform: Platform,
  data: Params,
  options: { method?: 'GET' | 'POST'; account?: Account; raw?: string } = {},
): Promise<{ status: number; body: Wrapped }> {
  const full = signed(data, options.account ?? DEMO);
  const { sign, ...rest } = full;
  const payload = options.raw ?? JSON.stringify({ data: rest, sign });
  const url = new URL(`${gatewayRoot(platform)}/api/account/v1/child_detail`);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: options.method ?? 'GET',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Wrapped });
          } catch (error) {
            reject(new Error(`non-JSON (${res.statusCode}): ${text.slice(0, 300)} ${String(error)}`));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const resultOf = (d: Body | null): Body[] => (d?.result ?? []) as Body[];

describe('account-clearing API (account-clearing-api.md)', () => {
  let platform: Platform;
  /** A platform-run main account (no merchant) with its own key and one child, nothing moved. */
  let platformRun: Account;

  beforeAll(async () => {
    platform = await startPlatform();
    await seedClearingDemo(platform.ledgerOrm.em.fork());
    const created = dataOf(
      await platform.gql<{
        createMainAccount: { apiKey: string; mainAccount: { id: string; unionId: string } };
      }>(
        `mutation ($input: CreateMainAccountInput!) {
           createMainAccount(input: $input) { apiKey mainAccount { id unionId } }
         }`,
        { input: { unionId: 'platform-run-1', inFeeRate: '0.5', shareFeeRate: '0', withdrawFeeRate: '0' } },
        ACTORS.operator,
      ),
    ).createMainAccount;
    platformRun = { unionId: created.mainAccount.unionId, key: created.apiKey };
    dataOf(
      await platform.gql(
        `mutation ($input: AddChildAccountInput!) { addChildAccount(input: $input) { created } }`,
        { input: { mainAccountId: created.mainAccount.id, phone: '13900001111' } },
        ACTORS.operator,
      ),
    );
  });
  afterAll(async () => {
    await platform.close();
  });

  it('§1 balance: {s, m, d} with the example’s keys, fen integers and percent rates', async () => {
    const { status, body } = await get<Plain>(platform, 'balance');
    expect(status).toBe(200);
    expect(body).toMatchObject({ s: 'success', m: '成功' });
    const d = body.d!;
    expect(Object.keys(d)).toEqual([
      'id',
      'main_account_uid',
      'total_in_amount',
      'total_in_fee',
      'in_fee_rate',
      'total_share_amount',
      'total_share_fee',
      'share_fee_rate',
      'balance',
      'total_withdraw_amount',
      'total_withdraw_fee',
      'withdraw_fee_rate',
    ]);
    for (const value of Object.values(d)) expect(typeof value).toBe('number');
    // Paid: 1000.00 + 100.00 + 88.88; cleared 200.00 + 30.00 at 0.1 %; withdrawn 100.00 at 0.2 %.
    expect(d).toMatchObject({
      main_account_uid: 123456,
      total_in_amount: 118888,
      in_fee_rate: 0.6,
      total_share_amount: 23000,
      total_share_fee: 23,
      share_fee_rate: 0.1,
      total_withdraw_amount: 10000,
      total_withdraw_fee: 20,
      withdraw_fee_rate: 0.2,
    });
    for (const key of ['total_in_fee', 'balance', 'id']) expect(Number.isInteger(d[key])).toBe(true);
    // The spec's invariant: what was received (less its fee) = balance + cleared + clearing fees.
    expect(Number(d.total_in_amount) - Number(d.total_in_fee)).toBe(
      Number(d.balance) + Number(d.total_share_amount) + Number(d.total_share_fee),
    );
  });

  it('§2 in_detail: every payment newest first, in the example’s shape; status and time filters', async () => {
    const all = await get<Plain>(platform, 'in_detail');
    expect(all.body).toMatchObject({ s: 'success', m: '成功' });
    const rows = resultOf(all.body.d);
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual([
        'id',
        'main_account_uid',
        'client_sn',
        'sn',
        'amount',
        'msg',
        'pay_way',
        'status',
        'gen_time',
        'pay_time',
      ]);
      expect(row).toMatchObject({ main_account_uid: '123456', sn: '' });
      expect(typeof row.id).toBe('number');
      expect(Number.isInteger(row.amount)).toBe(true);
      expect([1, 0, -1]).toContain(row.status);
      expect(row.gen_time).toMatch(ISO_LIKE);
      if (row.status === -1) expect(row.pay_time).toBe('');
      else expect(row.pay_time).toMatch(ISO_LIKE);
    }
    const ids = rows.map((r) => Number(r.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(rows.find((r) => r.client_sn === '201805090002')).toMatchObject({
      amount: 2300,
      msg: '支付宝',
      pay_way: '支付宝',
      status: 0,
    });

    const paid = resultOf((await get<Plain>(platform, 'in_detail', { status: 1 })).body.d);
    expect(paid.map((r) => r.client_sn).sort()).toEqual(['201805090001', '201805090003', '201805090005']);
    expect(resultOf((await get<Plain>(platform, 'in_detail', { status: -1 })).body.d)).toHaveLength(1);
    expect(resultOf((await get<Plain>(platform, 'in_detail', { status: 'ALL' })).body.d)).toHaveLength(5);
    // Empty optional parameters are allowed (and drop out of the signature).
    expect(resultOf((await get<Plain>(platform, 'in_detail', { status: '', page: '' })).body.d)).toHaveLength(
      5,
    );
    const now = nowSeconds();
    expect(
      resultOf(
        (await get<Plain>(platform, 'in_detail', { startTime: now + 3600, endTime: now + 7200 })).body.d,
      ),
    ).toEqual([]);
    expect(
      resultOf(
        (await get<Plain>(platform, 'in_detail', { startTime: now - 3600, endTime: now + 3600 })).body.d,
      ),
    ).toHaveLength(5);
    expect(resultOf((await get<Plain>(platform, 'in_detail', { page: 2 })).body.d)).toEqual([]);
  });

  it('§3 shared_detail and §4 withdraw_detail: the example’s keys, fen integers, change types', async () => {
    const shared = await get<Plain>(platform, 'shared_detail');
    expect(shared.body).toMatchObject({ s: 'success', m: '成功' });
    const clearings = resultOf(shared.body.d);
    expect(clearings).toHaveLength(2);
    for (const row of clearings) {
      expect(Object.keys(row)).toEqual([
        'client_sn',
        'child_phone',
        'changed_amount',
        'changed_type',
        'msg',
        'gen_time',
        'complete_time',
      ]);
      expect(row).toMatchObject({ changed_type: 2, msg: '清分' });
      expect(row.gen_time).toMatch(ISO_LIKE);
      expect(row.complete_time).toMatch(ISO_LIKE);
    }
    expect(clearings.find((r) => r.client_sn === 'demo-clear-0001')).toMatchObject({
      child_phone: CHILD_A,
      changed_amount: 20000,
    });
    expect(clearings.find((r) => r.client_sn === 'demo-clear-0002')).toMatchObject({
      child_phone: CHILD_B,
      changed_amount: 3000,
    });

    const withdrawn = await get<Plain>(platform, 'withdraw_detail', { page: 1 });
    expect(withdrawn.body).toMatchObject({ s: 'success', m: '成功' });
    const rows = resultOf(withdrawn.body.d);
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!)).toEqual([
      'client_sn',
      'child_phone',
      'changed_amount',
      'changed_type',
      'msg',
      'gen_time',
      'complete_time',
      'status',
    ]);
    expect(rows[0]).toMatchObject({
      client_sn: 'demo-withdraw-0001',
      child_phone: CHILD_A,
      changed_amount: 10000,
      changed_type: -1,
      msg: '提现',
      status: 1,
    });
    expect(rows[0]!.gen_time).toMatch(ISO_LIKE);
  });

  it('§5 children_detail: {data: {s, m, d}, sign} with masked phones, fen strings, short times', async () => {
    const { status, body } = await get<Wrapped>(platform, 'children_detail');
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(['data', 'sign']);
    expect(body.sign).toBe('');
    expect(body.data).toMatchObject({ s: 'success', m: '成功' });
    const rows = resultOf(body.data.d);
    expect(rows).toEqual([
      { phone: '138****2921', amount: '9980', time: expect.stringMatching(SHORT) },
      { phone: '132****8332', amount: '3000', time: expect.stringMatching(SHORT) },
    ]);
    const one = await get<Wrapped>(platform, 'children_detail', { phone: CHILD_B });
    expect(resultOf(one.body.data.d)).toEqual([
      { phone: '132****8332', amount: '3000', time: expect.any(String) },
    ]);
    const none = await get<Wrapped>(platform, 'children_detail', { phone: '13000000000' });
    expect(none.body.data).toEqual({ s: 'success', m: '成功', d: { result: [] } });
  });

  it('§6 child_detail: GET with a JSON body and POST; balance and running amounts as the example', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const { status, body } = await childDetail(
        platform,
        { phone: CHILD_A, startTime: '', endTime: null },
        { method },
      );
      expect(status).toBe(200);
      expect(Object.keys(body)).toEqual(['data', 'sign']);
      expect(body.sign).toBe('');
      expect(body.data).toMatchObject({ s: 'success', m: '成功' });
      const d = body.data.d!;
      expect(Object.keys(d)).toEqual(['balance', 'last_modified_time', 'result']);
      expect(d.balance).toBe('9980');
      expect(d.last_modified_time).toMatch(SHORT);
      // Oldest first: the clearing in, then the withdrawal of 100.00 plus its 0.20 fee.
      expect(resultOf(d)).toEqual([
        {
          phone: CHILD_A,
          changed_amount: '20000',
          current_amount: '20000',
          message: '清分',
          time: expect.stringMatching(SHORT),
        },
        {
          phone: CHILD_A,
          changed_amount: '10020',
          current_amount: '9980',
          message: '提现',
          time: expect.stringMatching(SHORT),
        },
      ]);
    }
    const now = nowSeconds();
    const later = await childDetail(platform, { phone: CHILD_A, startTime: String(now + 3600) });
    expect(later.body.data.d).toMatchObject({ balance: '9980', result: [] });
  });

  it('a platform-run main account (no merchant) reads its own data only', async () => {
    const balance = await get<Plain>(platform, 'balance', {}, platformRun);
    expect(balance.body).toMatchObject({
      s: 'success',
      d: { total_in_amount: 0, balance: 0, in_fee_rate: 0.5 },
    });
    expect(balance.body.d!.main_account_uid).not.toBe(123456);
    expect(resultOf((await get<Plain>(platform, 'in_detail', {}, platformRun)).body.d)).toEqual([]);
    expect(resultOf((await get<Plain>(platform, 'shared_detail', {}, platformRun)).body.d)).toEqual([]);
    const children = await get<Wrapped>(platform, 'children_detail', {}, platformRun);
    expect(resultOf(children.body.data.d)).toEqual([
      { phone: '139****1111', amount: '0', time: expect.stringMatching(SHORT) },
    ]);
    // Another main account's child is not found under this one.
    const foreign = await childDetail(platform, { phone: CHILD_A }, { account: platformRun });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual({ data: { s: 'fail', m: '子账户不存在', d: null }, sign: '' });
  });

  it('refuses bad, tampered and missing signatures, unknown unionIds and stale timestamps', async () => {
    const fail = (m: string) => ({ s: 'fail', m, d: null });
    const bad = await get<Plain>(platform, 'balance', { sign: 'ABCDEF' });
    expect(bad.status).toBe(401);
    expect(bad.body).toEqual(fail('签名错误'));
    // Another account's key, the demo's unionId.
    expect(
      (await get<Plain>(platform, 'balance', {}, { unionId: DEMO.unionId, key: platformRun.key })).body,
    ).toEqual(fail('签名错误'));
    expect(
      (await get<Plain>(platform, 'balance', {}, { unionId: 'no-such-union', key: DEMO.key })).body,
    ).toEqual(fail('签名错误'));
    // A lower-case signature is not the documented one.
    const params = { unionId: DEMO.unionId, timeStamp: String(nowSeconds()) };
    const lower = legacyMerchantSign(params, DEMO.key).toLowerCase();
    expect((await get<Plain>(platform, 'balance', { sign: lower })).body).toEqual(fail('签名错误'));
    // Tampering after signing: the status filter changed.
    const tampered = signed({ status: 1 }, DEMO);
    tampered.status = 0;
    expect((await get<Plain>(platform, 'in_detail', tampered)).body).toEqual(fail('签名错误'));
    // Missing sign / unionId.
    const noSign = await fetch(
      `${gatewayRoot(platform)}/api/account/v1/balance?unionId=${DEMO.unionId}&timeStamp=${nowSeconds()}`,
    );
    expect(await noSign.json()).toEqual(fail('签名错误'));
    // Outside ±10 s, and missing.
    const stale = await get<Plain>(platform, 'balance', { timeStamp: String(nowSeconds() - 30) });
    expect(stale.status).toBe(401);
    expect(stale.body).toEqual(fail('timestamp已过期'));
    expect((await get<Plain>(platform, 'balance', { timeStamp: String(nowSeconds() + 30) })).body).toEqual(
      fail('timestamp已过期'),
    );
    expect((await get<Plain>(platform, 'balance', { timeStamp: undefined })).body).toEqual(
      fail('timestamp已过期'),
    );
    // child_detail: the same, in the wrapped envelope.
    const badChild = await childDetail(platform, { phone: CHILD_A, sign: 'X' }, { method: 'POST' });
    expect(badChild.status).toBe(401);
    expect(badChild.body).toEqual({ data: fail('签名错误'), sign: '' });
    const staleChild = await childDetail(platform, { phone: CHILD_A, timeStamp: String(nowSeconds() - 60) });
    expect(staleChild.body).toEqual({ data: fail('timestamp已过期'), sign: '' });
  });

  it('answers a client’s malformed request in the envelope, never with a stack trace', async () => {
    const fail = (m: string) => ({ s: 'fail', m, d: null });
    const badStatus = await get<Plain>(platform, 'in_detail', { status: 'PAID' });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body).toEqual(fail('参数错误'));
    expect((await get<Plain>(platform, 'shared_detail', { page: 0 })).body).toEqual(fail('参数错误'));
    expect((await get<Plain>(platform, 'in_detail', { startTime: 'yesterday' })).body).toEqual(
      fail('参数错误'),
    );
    expect((await get<Wrapped>(platform, 'children_detail', { page: 'x' })).body).toEqual({
      data: fail('参数错误'),
      sign: '',
    });
    const noPhone = await childDetail(platform, {});
    expect(noPhone.status).toBe(400);
    expect(noPhone.body).toEqual({ data: fail('参数错误'), sign: '' });
    const unknown = await childDetail(platform, { phone: '13000000000' }, { method: 'POST' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ data: fail('子账户不存在'), sign: '' });
    const malformed = await childDetail(platform, {}, { raw: '{"data": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ data: fail('参数错误'), sign: '' });
    const noData = await childDetail(platform, {}, { raw: '{"sign":"X"}', method: 'POST' });
    expect(noData.body).toEqual({ data: fail('签名错误'), sign: '' });
  });

  it('the ledger answers verify-signature to signed SYSTEM callers only, and keeps the key to itself', async () => {
    // A second listener on the ledger's own app: the platform does not publish its URL.
    const server = platform.ledger.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/internal/account-api/verify-signature`;
      const secret = testLedgerConfig().auth.internalSecret;
      const call = (params: Params, actor?: Parameters<typeof signActorHeader>[0]) =>
        fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(actor ? { [ACTOR_HEADER]: signActorHeader(actor, secret) } : {}),
          },
          body: JSON.stringify({ params }),
        });
      const good = signed({ page: 1 }, DEMO);
      expect((await call(good)).status).toBe(401);
      expect((await call(good, ACTORS.merchant)).status).toBe(401);
      const ok = await call(good, ACTORS.system);
      expect(ok.status).toBe(200);
      const verdict = (await ok.json()) as Body;
      expect(verdict).toEqual({
        ok: true,
        mainAccount: { mainAccountId: expect.any(Number), unionId: DEMO.unionId, merchantId: 2024164 },
      });
      expect(JSON.stringify(verdict)).not.toContain(DEMO.key);
      expect(await (await call({ ...good, page: 2 }, ACTORS.system)).json()).toEqual({
        ok: false,
        code: 'SIGNATURE_INVALID',
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
