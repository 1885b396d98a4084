import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ACTORS,
  startSettlementTestApp,
  VOUCHER_FILES,
  type SettlementTestApp,
} from '../support/settlement-app';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('voucher uploads', () => {
  let app: SettlementTestApp;

  beforeAll(async () => {
    // A small limit so "too large" is cheap to send.
    app = await startSettlementTestApp({ vouchers: { dir: null, maxBytes: 4096 } });
  });
  afterAll(() => app.close());

  /** Stored files (the temporary folder aside). */
  const storedFiles = async () =>
    (await readdir(app.voucherDir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(app.voucherDir.length + 1))
      .sort();
  const voucherRows = () =>
    app.sql<{ sha256: string; content_type: string; size: number; file_name: string; uploaded_by: string }>(
      'select sha256, content_type, size, file_name, uploaded_by from voucher_file order by created_at, sha256',
    );

  it('keeps PNG, JPEG and PDF content-addressed, typed by their content', async () => {
    const cases = [
      { file: VOUCHER_FILES.png, name: '结算凭证.png', declared: 'image/png', type: 'image/png' },
      { file: VOUCHER_FILES.jpeg, name: 'receipt.jpg', declared: 'image/jpeg', type: 'image/jpeg' },
      // The declared type is not trusted either way.
      { file: VOUCHER_FILES.pdf, name: 'transfer.png', declared: 'image/png', type: 'application/pdf' },
    ];
    for (const c of cases) {
      const answer = await app.uploadVoucher(c.file, {
        fileName: c.name,
        contentType: c.declared,
        actor: { sub: 'upload:ops-alice', role: 'SYSTEM' },
      });
      expect(answer).toEqual({
        status: 200,
        body: { uploadId: sha256(c.file), size: c.file.length, contentType: c.type },
      });
    }
    expect(await storedFiles()).toEqual(
      cases
        .map((c) => sha256(c.file))
        .sort()
        .map((h) => join(h.slice(0, 2), h)),
    );
    expect(await voucherRows()).toEqual(
      expect.arrayContaining(
        cases.map((c) => ({
          sha256: sha256(c.file),
          content_type: c.type,
          size: c.file.length,
          file_name: c.name,
          uploaded_by: 'upload:ops-alice',
        })),
      ),
    );
    // The same content again: one file, one row.
    expect((await app.uploadVoucher(VOUCHER_FILES.png, { fileName: 'again.png' })).status).toBe(200);
    expect(await storedFiles()).toHaveLength(3);
    expect(await voucherRows()).toHaveLength(3);
  });

  it('refuses a text file named .png, an empty file and one over the limit, keeping nothing', async () => {
    const filesBefore = await storedFiles();
    const rowsBefore = await voucherRows();
    const tooLarge = Buffer.concat([VOUCHER_FILES.png, Buffer.alloc(5000, 7)]);
    for (const [body, reason] of [
      [VOUCHER_FILES.textNamedPng, /image|PDF/],
      [Buffer.alloc(0), /empty/],
      [tooLarge, /larger than 4096 bytes/],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), /image|PDF/],
    ] as const) {
      const answer = await app.uploadVoucher(body, { fileName: 'voucher.png', contentType: 'image/png' });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ code: 'VOUCHER_INVALID', message: expect.stringMatching(reason) });
    }
    expect(await storedFiles()).toEqual(filesBefore);
    expect(await voucherRows()).toEqual(rowsBefore);
  });

  it('takes uploads only from the gateway (a signed SYSTEM actor)', async () => {
    for (const actor of [null, ACTORS.operator, ACTORS.merchant]) {
      const answer = await app.uploadVoucher(VOUCHER_FILES.png, { actor });
      expect(answer.status).toBe(401);
    }
  });

  it('serves a voucher to platform roles inline with its sniffed type; others get 401 or 404', async () => {
    const id = sha256(VOUCHER_FILES.pdf);
    for (const actor of [ACTORS.operator, ACTORS.analyst, ACTORS.system]) {
      const response = await app.downloadVoucher(id, actor);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe(`inline; filename*=UTF-8''transfer.png`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await response.arrayBuffer())).toEqual(VOUCHER_FILES.pdf);
    }
    // A merchant only sees vouchers of its own settlements: this one is attached to none.
    expect((await app.downloadVoucher(id, ACTORS.merchant)).status).toBe(404);
    expect((await app.downloadVoucher(id, null)).status).toBe(401);
    expect((await app.downloadVoucher('0'.repeat(64), ACTORS.operator)).status).toBe(404);
    expect((await app.downloadVoucher('..%2F..%2Fetc%2Fpasswd', ACTORS.operator)).status).toBe(404);
  });
});
