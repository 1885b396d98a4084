import { MoneyFormatError, parseYuan } from '@pay/common';
import {
  ChannelSignatureError,
  channelTime,
  fenStringToFen,
  parseNoticeField,
  parseRfc3339,
} from './channel-adapter';

describe('fenStringToFen', () => {
  it('reads digits only', () => {
    expect(fenStringToFen('10000')).toBe(10000);
    expect(fenStringToFen('1')).toBe(1);
    expect(() => fenStringToFen('1.00')).toThrow(RangeError);
    expect(() => fenStringToFen('-1')).toThrow(RangeError);
    expect(() => fenStringToFen('')).toThrow(RangeError);
  });
});

describe('channelTime', () => {
  it('reads both channel layouts as UTC+8', () => {
    expect(channelTime('2024-06-08 10:34:56', 'yyyy-MM-dd HH:mm:ss').toISOString()).toBe(
      '2024-06-08T02:34:56.000Z',
    );
    expect(channelTime('20240608003456', 'yyyyMMddHHmmss').toISOString()).toBe('2024-06-07T16:34:56.000Z');
  });

  // The shared parser reads all of these; a channel sending them is malformed.
  it.each([
    ['2024-06-08T10:34:56', 'yyyy-MM-dd HH:mm:ss'],
    ['2024-06-08 10:34', 'yyyy-MM-dd HH:mm:ss'],
    ['2024-06-08', 'yyyy-MM-dd HH:mm:ss'],
    [' 2024-06-08 10:34:56', 'yyyy-MM-dd HH:mm:ss'],
    ['1717813496', 'yyyy-MM-dd HH:mm:ss'],
    ['20240608103456', 'yyyy-MM-dd HH:mm:ss'],
    ['2024-06-08 10:34:56', 'yyyyMMddHHmmss'],
    ['1717813496000', 'yyyyMMddHHmmss'],
    ['20240608103456 ', 'yyyyMMddHHmmss'],
  ] as const)('rejects %j as %s', (text, layout) => {
    expect(() => channelTime(text, layout)).toThrow(/is not a/);
  });

  it('rejects impossible dates in the right layout', () => {
    expect(() => channelTime('2024-02-30 10:00:00', 'yyyy-MM-dd HH:mm:ss')).toThrow(RangeError);
    expect(() => channelTime('20240608240000', 'yyyyMMddHHmmss')).toThrow(RangeError);
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
    const parse = () => parseNoticeField('total_amount', () => parseYuan('1.005'));
    expect(parse).toThrow(ChannelSignatureError);
    expect(parse).toThrow(/invalid total_amount/);
    expect(parse).toThrow(expect.objectContaining({ cause: expect.any(MoneyFormatError) }));
    expect(parseNoticeField('total_amount', () => parseYuan('1.00'))).toBe(100);
  });
});
