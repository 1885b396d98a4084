import { createHash } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { dataOf, errorCodes, formatChinaDate, type Actor } from '@pay/common';
import { runSettlement } from '../../src/modules/settlement';
import { createLedgerClient } from '../../src/modules/ledger/http-ledger.client';
import {
  ACTORS,
  cn,
  startSettlementTestApp,
  VOUCHER_FILES,
  type SettlementTestApp,
} from '../support/settlement-app';

const MALL = ACTORS.merchant.merchantId; // 2024164
const OTHER = ACTORS.otherMerchant.merchantId; // 2023100
const THIRD = 2025003;

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const SETTLEMENT_FIELDS = `code merchantId state stateCode person remark settlementTime settledBy total
  method methodCode voucher { sha256 url contentType size fileName }`;
const SETTLE = `mutation ($input: SettleSettlementInput!) { settleSettlement(input: $input) { ${SETTLEMENT_FIELDS} } }`;
const LIST = `query ($filter: SettlementFilter, $pageSize: Int) {
  settlements(filter: $filter, pageSize: $pageSize) { totalCount nodes { code merchantId state remark method } }
}`;

interface SettlementView {
  code: string;
  merchantId: number;
  state: string;
  stateCode: number;
  person: string;
  remark: string | null;
  settlementTime: string | null;
  settledBy: string | null;
  total: string;
  method: string;
  methodCode: number;
  voucher: { sha256: string; url: string; contentType: string; size: number; fileName: string } | null;
}

interface RawSettlement {
  code: string;
  state: number;
  person: string;
  remark: string | null;
  settlement_time: Date | null;
  settled_by: string | null;
  voucher_sha256: string | null;
  payout_posting_id: string | null;
  updated_at: Date;
  total: string;
}

describe('settling with a voucher: the ledger payout, once', () => {
  let app: SettlementTestApp;
  const codes: Record<'mall' | 'other' | 'third', string> = { mall: '', other: '', third: '' };
  let pngId: string;
  let jpegId: string;

  beforeAll(async () => {
    app = await startSettlementTestApp();
    for (const [id, name, method] of [
      [MALL, 'mall', 'ALIPAY'],
      [OTHER, 'Other shop', 'WECHAT'],
      [THIRD, 'Third', 'BANK_TRANSFER'],
    ] as const) {
      await app.givenMerchant(id, name);
      await app.gql(
        `mutation ($input: CreateSettlementAccountInput!) { createSettlementAccount(input: $input) { id } }`,
        { input: { merchantId: id, method, period: 'DAILY', accountName: name, accountNo: `62220000${id}` } },
      );
    }
    await app.givenPayments([
      {
        platformOrderNo: 'P-M1',
        merchantId: MALL,
        amount: 10_000,
        fee: 1_150,
        paidAt: cn('2025-11-17 10:00'),
      },
      {
        platformOrderNo: 'P-M2',
        merchantId: MALL,
        amount: 20_000,
        fee: 2_300,
        paidAt: cn('2025-11-17 11:00'),
      },
      {
        platformOrderNo: 'P-O1',
        merchantId: OTHER,
        amount: 50_000,
        fee: 5_750,
        paidAt: cn('2025-11-17 12:00'),
      },
      { platformOrderNo: 'P-T1', merchantId: THIRD, amount: 8_000, fee: 800, paidAt: cn('2025-11-17 13:00') },
    ]);
    await runSettlement(app.orm.em.fork(), app.config, {
      until: cn('2025-11-18 03:00'),
      person: 'auto',
      scheduled: true,
    });
    const rows = await app.sql<{ code: string; merchant_id: number }>(
      'select code, merchant_id from settlement',
    );
    for (const r of rows) {
      if (r.merchant_id === MALL) codes.mall = r.code;
      if (r.merchant_id === OTHER) codes.other = r.code;
      if (r.merchant_id === THIRD) codes.third = r.code;
    }
    // The merchants' available money in the ledger: enough for mall and third, not for the other shop.
    await app.creditMerchant(MALL, 100_000);
    await app.creditMerchant(OTHER, 10_000);
    await app.creditMerchant(THIRD, 50_000);
    pngId = String((await app.uploadVoucher(VOUCHER_FILES.png, { fileName: '凭证.png' })).body.uploadId);
    jpegId = String((await app.uploadVoucher(VOUCHER_FILES.jpeg, { fileName: 'receipt.jpg' })).body.uploadId);
    expect([pngId, jpegId]).toEqual([sha256(VOUCHER_FILES.png), sha256(VOUCHER_FILES.jpeg)]);
  });
  afterAll(() => app.close());

  const raw = async (code: string): Promise<RawSettlement> => {
    const [row] = await app.sql<RawSettlement>('select * from settlement where code = ?', [code]);
    return row!;
  };
  const payoutKey = (code: string) => `stl_${code}`;

  it('refuses other roles and bad input, changing nothing and posting nothing', async () => {
    const before = await raw(codes.mall);
    const input = { code: codes.mall, voucher: pngId, person: 'Zhang San' };
    for (const actor of [ACTORS.merchant, ACTORS.analyst, ACTORS.system]) {
      expect(errorCodes(await app.gql(SETTLE, { input }, actor))).toEqual(['FORBIDDEN']);
    }
    for (const bad of [
      { ...input, voucher: 'not-an-upload-id' },
      // a well-formed id nobody uploaded
      { ...input, voucher: sha256(Buffer.from('never uploaded')) },
      { ...input, person: '  ' },
      { ...input, person: 'p'.repeat(101) },
      { ...input, remark: 'r'.repeat(501) },
    ]) {
      expect(errorCodes(await app.gql(SETTLE, { input: bad }))).toEqual(['BAD_USER_INPUT']);
    }
    expect(errorCodes(await app.gql(SETTLE, { input: { ...input, code: '999999' } }))).toEqual(['NOT_FOUND']);
    expect(await raw(codes.mall)).toEqual(before);
    expect(await app.ledgerPostings(payoutKey(codes.mall))).toEqual([]);
  });

  it('posts the payout to the ledger and marks the settlement settled with the voucher', async () => {
    const balanceBefore = await app.availableBalance(MALL);
    const settled = dataOf(
      await app.gql<{ settleSettlement: SettlementView }>(SETTLE, {
        input: {
          code: codes.mall,
          voucher: pngId,
          person: ' Zhang San ',
          remark: 'paid by Alipay transfer 2025-11-18',
        },
      }),
    ).settleSettlement;
    expect(settled).toEqual({
      code: codes.mall,
      merchantId: MALL,
      state: 'SETTLED',
      stateCode: 2,
      person: 'Zhang San',
      remark: 'paid by Alipay transfer 2025-11-18',
      settlementTime: expect.any(String),
      settledBy: ACTORS.operator.sub,
      total: '265.50',
      method: 'ALIPAY',
      methodCode: 3,
      voucher: {
        sha256: pngId,
        url: `/files/vouchers/${pngId}`,
        contentType: 'image/png',
        size: VOUCHER_FILES.png.length,
        fileName: '凭证.png',
      },
    });
    const postings = await app.ledgerPostings(payoutKey(codes.mall));
    expect(postings).toEqual([{ id: expect.any(String), unique_no: payoutKey(codes.mall), type: 12 }]);
    expect((await raw(codes.mall)).payout_posting_id).toBe(postings[0]!.id);
    expect(await app.availableBalance(MALL)).toBe(balanceBefore - 26_550);
  });

  it('refuses a second settlement (ALREADY_SETTLED): still one posting, the voucher unchanged', async () => {
    const before = await raw(codes.mall);
    const again = await app.gql(SETTLE, {
      input: { code: codes.mall, voucher: jpegId, person: 'Li Si', remark: 'second try' },
    });
    expect(errorCodes(again)).toEqual(['ALREADY_SETTLED']);
    expect(await raw(codes.mall)).toEqual(before);
    expect(await app.ledgerPostings(payoutKey(codes.mall))).toHaveLength(1);
  });

  it('leaves the record pending and unchanged when the ledger refuses (INSUFFICIENT_BALANCE) or is down', async () => {
    const before = await raw(codes.other);
    const input = { code: codes.other, voucher: jpegId, person: 'Wang Wu', remark: 'short' };
    expect(errorCodes(await app.gql(SETTLE, { input }))).toEqual(['INSUFFICIENT_BALANCE']);
    expect(await raw(codes.other)).toEqual(before);
    expect(await app.ledgerPostings(payoutKey(codes.other))).toEqual([]);

    // The ledger down: a port nothing listens on.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const ledger = app.server.runtime.ledger;
    app.server.runtime.ledger = createLedgerClient({
      ledgerUrl: `http://127.0.0.1:${port}`,
      internalSecret: app.config.auth.internalSecret,
    });
    try {
      expect(errorCodes(await app.gql(SETTLE, { input }))).toEqual(['DEPENDENCY_UNAVAILABLE']);
    } finally {
      app.server.runtime.ledger = ledger;
    }
    expect(await raw(codes.other)).toEqual(before);

    // Money arrives: the same request now goes through.
    await app.creditMerchant(OTHER, 40_000);
    const settled = dataOf(
      await app.gql<{ settleSettlement: SettlementView }>(SETTLE, { input }),
    ).settleSettlement;
    expect(settled).toMatchObject({
      state: 'SETTLED',
      person: 'Wang Wu',
      voucher: { contentType: 'image/jpeg' },
    });
    expect(await app.ledgerPostings(payoutKey(codes.other))).toHaveLength(1);
  });

  it('settles once when two operators settle at the same time', async () => {
    const input = { code: codes.third, voucher: pngId, person: 'Zhao Liu' };
    const results = await Promise.all([app.gql(SETTLE, { input }), app.gql(SETTLE, { input })]);
    expect(results.map((r) => errorCodes(r).join()).sort()).toEqual(['', 'ALREADY_SETTLED']);
    expect(await app.ledgerPostings(payoutKey(codes.third))).toHaveLength(1);
    expect(await app.availableBalance(THIRD)).toBe(50_000 - 7_200);
  });

  it('lists by code, method, state, settlement time and remark; merchants see only their own', async () => {
    const list = async (filter: Record<string, unknown>, actor: Actor = ACTORS.operator) =>
      dataOf(
        await app.gql<{ settlements: { totalCount: number; nodes: { code: string; merchantId: number }[] } }>(
          LIST,
          { filter },
          actor,
        ),
      ).settlements;
    const codesOf = async (filter: Record<string, unknown>, actor: Actor = ACTORS.operator) =>
      (await list(filter, actor)).nodes.map((n) => n.code).sort();

    expect(await codesOf({})).toEqual([codes.mall, codes.other, codes.third].sort());
    expect(await codesOf({ code: codes.other })).toEqual([codes.other]);
    expect(await codesOf({ method: 'ALIPAY' })).toEqual([codes.mall]);
    expect(await codesOf({ method: 'OFFLINE_TRANSFER' })).toEqual([]);
    expect(await codesOf({ state: 'SETTLED' })).toEqual([codes.mall, codes.other, codes.third].sort());
    expect(await codesOf({ state: 'PENDING' })).toEqual([]);
    expect(await codesOf({ remark: 'ALIPAY TRANSFER' })).toEqual([codes.mall]);
    expect(await codesOf({ remark: '%' })).toEqual([]);
    const today = formatChinaDate(new Date());
    expect(await codesOf({ settlementDate: today })).toHaveLength(3);
    expect(await codesOf({ settlementDate: '2025-11-17' })).toEqual([]);
    expect(errorCodes(await app.gql(LIST, { filter: { settlementDate: '2025-02-30' } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const mallTime = (await raw(codes.mall)).settlement_time!;
    expect(
      await codesOf({
        settlementTimeFrom: new Date(mallTime).toISOString(),
        settlementTimeTo: new Date(mallTime).toISOString(),
      }),
    ).toEqual([codes.mall]);
    expect(
      await codesOf({ settlementTimeTo: new Date(new Date(mallTime).getTime() - 1).toISOString() }),
    ).toEqual([]);

    // A merchant sees its own only, whatever it asks.
    expect(await codesOf({}, ACTORS.merchant)).toEqual([codes.mall]);
    expect(await codesOf({ code: codes.other }, ACTORS.merchant)).toEqual([]);
    expect(errorCodes(await app.gql(LIST, { filter: { merchantId: OTHER } }, ACTORS.merchant))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('serves the voucher to the merchant it was paid to, not to other merchants', async () => {
    // png: the mall's and the third merchant's voucher; jpeg: the other shop's.
    const mine = await app.downloadVoucher(pngId, ACTORS.merchant);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('image/png');
    expect(mine.headers.get('content-disposition')).toBe(
      `inline; filename*=UTF-8''${encodeURIComponent('凭证.png')}`,
    );
    expect(Buffer.from(await mine.arrayBuffer())).toEqual(VOUCHER_FILES.png);
    expect((await app.downloadVoucher(jpegId, ACTORS.merchant)).status).toBe(404);
    expect((await app.downloadVoucher(jpegId, ACTORS.otherMerchant)).status).toBe(200);
    expect((await app.downloadVoucher(pngId, ACTORS.otherMerchant)).status).toBe(404);
  });
});
