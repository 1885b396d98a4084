import {
  ChannelSignatureError,
  constantTimeEqual,
  fenStringToFen,
  fenToYuan,
  parseChinaDateTime,
  parseNoticeField,
  parseRfc3339,
  yuanToFen,
} from './channel-adapter';

describe('yuanToFen', () => {
  it.each([
    ['100.00', 10000],
    ['0.01', 1],
    ['0.1', 10],
    ['5', 500],
    ['0', 0],
    ['123456.78', 12345678],
    ['9999999999999.99', 999999999999999],
  ])('reads %s as %d fen', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });

  it.each([
    '1.005',
    '-1',
    '-0.01',
    '+1',
    '1.',
    '.5',
    ' 1',
    '1 ',
    '1,00',
    '1e2',
    '',
    'abc',
    '10000000000000.00',
  ])('rejects %j', (yuan) => {
    expect(() => yuanToFen(yuan)).toThrow(RangeError);
  });
});

describe('fenToYuan', () => {
  it('renders two decimals', () => {
    expect(fenToYuan(10000)).toBe('100.00');
    expect(fenToYuan(1)).toBe('0.01');
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(12345)).toBe('123.45');
  });

  it('rejects negatives and fractions of a fen', () => {
    expect(() => fenToYuan(-1)).toThrow(RangeError);
    expect(() => fenToYuan(1.5)).toThrow(RangeError);
  });
});

describe('fenStringToFen', () => {
  it('reads digits only', () => {
    expect(fenStringToFen('10000')).toBe(10000);
    expect(fenStringToFen('1')).toBe(1);
    expect(() => fenStringToFen('1.00')).toThrow(RangeError);
    expect(() => fenStringToFen('-1')).toThrow(RangeError);
    expect(() => fenStringToFen('')).toThrow(RangeError);
  });
});

describe('parseChinaDateTime', () => {
  it('reads both channel layouts as UTC+8', () => {
    expect(parseChinaDateTime('2024-06-08 10:34:56', 'yyyy-MM-dd HH:mm:ss').toISOString()).toBe(
      '2024-06-08T02:34:56.000Z',
    );
    expect(parseChinaDateTime('20240608003456', 'yyyyMMddHHmmss').toISOString()).toBe(
      '2024-06-07T16:34:56.000Z',
    );
  });

  it('rejects impossible dates and other layouts', () => {
    expect(() => parseChinaDateTime('2024-02-30 10:00:00', 'yyyy-MM-dd HH:mm:ss')).toThrow(RangeError);
    expect(() => parseChinaDateTime('2024-06-08 24:00:00', 'yyyy-MM-dd HH:mm:ss')).toThrow(RangeError);
    expect(() => parseChinaDateTime('2024-06-08T10:34:56', 'yyyy-MM-dd HH:mm:ss')).toThrow(RangeError);
    expect(() => parseChinaDateTime('2024060810345', 'yyyyMMddHHmmss')).toThrow(RangeError);
  });
});

describe('parseRfc3339', () => {
  it('applies the offset', () => {
    expect(parseRfc3339('2024-06-08T10:34:56+08:00').toISOString()).toBe('2024-06-08T02:34:56.000Z');
    expect(parseRfc3339('2024-06-08T02:34:56Z').toISOString()).toBe('2024-06-08T02:34:56.000Z');
    expect(parseRfc3339('2024-06-07T21:34:56.250-05:00').toISOString()).toBe('2024-06-08T02:34:56.250Z');
  });

  it('rejects times without an offset and impossible dates', () => {
    expect(() => parseRfc3339('2024-06-08T10:34:56')).toThrow(RangeError);
    expect(() => parseRfc3339('2024-02-30T10:34:56+08:00')).toThrow(RangeError);
  });
});

describe('parseNoticeField', () => {
  it('turns a parse failure into a ChannelSignatureError naming the field', () => {
    expect(() => parseNoticeField('total_amount', () => yuanToFen('1.005'))).toThrow(ChannelSignatureError);
    expect(() => parseNoticeField('total_amount', () => yuanToFen('1.005'))).toThrow(/invalid total_amount/);
    expect(parseNoticeField('total_amount', () => yuanToFen('1.00'))).toBe(100);
  });
});

describe('constantTimeEqual', () => {
  it('handles different lengths without throwing', () => {
    expect(constantTimeEqual('ABC', 'ABC')).toBe(true);
    expect(constantTimeEqual('ABC', 'AB')).toBe(false);
  });
});
