import { sniffVoucherType } from './voucher-type';

const bytes = (...parts: (number[] | string)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffVoucherType', () => {
  it.each([
    [bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13]), 'image/png'],
    [bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF'), 'image/jpeg'],
    [bytes('GIF89a', [1, 0, 1, 0]), 'image/gif'],
    [bytes('GIF87a'), 'image/gif'],
    [bytes('RIFF', [36, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    [bytes('%PDF-1.7\n'), 'application/pdf'],
  ])('recognises %#', (head, type) => {
    expect(sniffVoucherType(head)).toBe(type);
  });

  it.each([
    ['a text file', bytes('hello, I am a PNG\n')],
    ['an empty file', bytes()],
    ['a truncated PNG signature', bytes([0x89], 'PNG')],
    ['a RIFF that is no WebP (WAV)', bytes('RIFF', [36, 0, 0, 0], 'WAVEfmt ')],
    ['an HTML page', bytes('<!doctype html><svg onload=alert(1)>')],
    ['a ZIP', bytes('PK', [3, 4])],
  ])('refuses %s', (_name, head) => {
    expect(sniffVoucherType(head)).toBeNull();
  });
});
