import { createHash } from 'node:crypto';
import {
  constantTimeEqual,
  fxNotifySign,
  merchantSign,
  merchantSignString,
  verifyMerchantSign,
  type SignableValue,
} from './merchant-signature';

const md5Upper = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex').toUpperCase();

describe('merchantSignString', () => {
  it('sorts keys in byte order and appends the secret', () => {
    expect(merchantSignString({ b: '2', a: '1', B: '3', a_b: '4', ab: '5' }, 'k')).toBe(
      'B=3&a=1&a_b=4&ab=5&b=2&key=k',
    );
  });

  it('leaves out sign, "" , null and undefined', () => {
    const params: Record<string, SignableValue> = {
      a: '1',
      sign: 'XYZ',
      empty: '',
      nothing: null,
      missing: undefined,
    };
    expect(merchantSignString(params, 'k')).toBe('a=1&key=k');
  });

  it('keeps 0, "0" and false', () => {
    expect(merchantSignString({ zero: 0, zeroText: '0', no: false, yes: true }, 'k')).toBe(
      'no=false&yes=true&zero=0&zeroText=0&key=k',
    );
  });

  it('keeps values raw: no URL encoding, no trimming', () => {
    expect(merchantSignString({ url: 'https://m.example.com/n?a=1&b=2', name: ' 测 试 ' }, 'k')).toBe(
      'name= 测 试 &url=https://m.example.com/n?a=1&b=2&key=k',
    );
  });

  it('encodes arrays and objects as PHP json_encode with JSON_UNESCAPED_UNICODE', () => {
    const params: Record<string, SignableValue> = {
      goods: ['商品', 'https://m.example.com/a', 1, null],
      extra: { 名称: '测试', nested: { ok: true } },
      lineSeparator: ['a\u2028b'],
    };
    expect(merchantSignString(params, 'k')).toBe(
      'extra={"名称":"测试","nested":{"ok":true}}' +
        '&goods=["商品","https:\\/\\/m.example.com\\/a",1,null]' +
        '&lineSeparator=["a\\u2028b"]' +
        '&key=k',
    );
  });

  it('has no leading & when no parameter is left', () => {
    expect(merchantSignString({ sign: 'X', empty: '' }, 'k')).toBe('key=k');
  });

  it('refuses non-finite numbers', () => {
    expect(() => merchantSignString({ amount: Number.NaN }, 'k')).toThrow(RangeError);
    expect(() => merchantSignString({ list: [Number.POSITIVE_INFINITY] }, 'k')).toThrow(RangeError);
  });
});

describe('merchantSign', () => {
  const params: Record<string, SignableValue> = {
    pid: 10001,
    type: 'alipay',
    out_trade_no: 'M20240101001',
    notify_url: 'https://m.example.com/notify',
    name: '测试商品',
    money: '100.00',
    attach: ['商品', 'https://m.example.com/a'],
    return_url: '',
    sign: 'ignored',
  };
  const expectedStringToSign =
    'attach=["商品","https:\\/\\/m.example.com\\/a"]&money=100.00&name=测试商品' +
    '&notify_url=https://m.example.com/notify&out_trade_no=M20240101001&pid=10001&type=alipay&key=s3cr3t';

  it('is the upper-case MD5 of the documented string', () => {
    expect(merchantSignString(params, 's3cr3t')).toBe(expectedStringToSign);
    expect(merchantSign(params, 's3cr3t')).toBe(md5Upper(expectedStringToSign));
    // Computed independently (Python hashlib) so a broken md5 helper cannot hide a regression.
    expect(merchantSign(params, 's3cr3t')).toBe('4E215504D5BBD27BDF4B4D304D9823B5');
  });

  it('verifies its own signature and rejects tampering, a wrong key and lower case', () => {
    const signed = { ...params, sign: merchantSign(params, 's3cr3t') };
    expect(verifyMerchantSign(signed, 's3cr3t')).toBe(true);
    expect(verifyMerchantSign({ ...signed, money: '100.01' }, 's3cr3t')).toBe(false);
    expect(verifyMerchantSign(signed, 'other')).toBe(false);
    expect(verifyMerchantSign({ ...signed, sign: signed.sign.toLowerCase() }, 's3cr3t')).toBe(false);
  });

  it('rejects a missing, empty or non-string sign', () => {
    expect(verifyMerchantSign({ ...params, sign: undefined }, 's3cr3t')).toBe(false);
    expect(verifyMerchantSign({ ...params, sign: '' }, 's3cr3t')).toBe(false);
    expect(verifyMerchantSign({ ...params, sign: ['4E215504D5BBD27BDF4B4D304D9823B5'] }, 's3cr3t')).toBe(
      false,
    );
  });
});

describe('constantTimeEqual', () => {
  it('compares equal and different strings', () => {
    expect(constantTimeEqual('ABC', 'ABC')).toBe(true);
    expect(constantTimeEqual('ABC', 'ABD')).toBe(false);
  });

  it('returns false for different lengths instead of throwing', () => {
    expect(constantTimeEqual('ABC', 'ABCD')).toBe(false);
    expect(constantTimeEqual('', 'A')).toBe(false);
    // Same number of UTF-16 units, different number of bytes.
    expect(constantTimeEqual('é', 'e')).toBe(false);
  });
});

describe('fxNotifySign', () => {
  it('is the lower-case MD5 of fxstatus + fxid + fxddh + fxfee + key', () => {
    const input = { fxstatus: '1', fxid: '2024164', fxddh: '210127021460067825479', fxfee: '100.00' };
    // md5("12024164210127021460067825479100.00testkey")
    expect(fxNotifySign(input, 'testkey')).toBe('420107da3b14a736e592e98866198ab6');
    expect(fxNotifySign({ ...input, fxstatus: 1 }, 'testkey')).toBe('420107da3b14a736e592e98866198ab6');
  });
});
