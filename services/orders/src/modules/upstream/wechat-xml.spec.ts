import { fromWechatXml, toWechatXml } from './wechat-xml';

describe('toWechatXml / fromWechatXml', () => {
  it('round-trips values, CDATA terminators and markup included', () => {
    const params = {
      return_code: 'SUCCESS',
      body: '充值 <100> & "more"',
      tricky: 'a]]>b',
      empty: '',
      spaced: ' x ',
    };
    const xml = toWechatXml(params);
    expect(xml.startsWith('<xml><return_code><![CDATA[SUCCESS]]></return_code>')).toBe(true);
    expect(fromWechatXml(xml)).toEqual(params);
  });

  it('reads plain text, pretty printing and the declaration', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<xml>\n  <total_fee>0100</total_fee>\n  <a><![CDATA[1]]></a>\n  <b>x &amp; y &#20013;</b>\n</xml>\n';
    expect(fromWechatXml(xml)).toEqual({ total_fee: '0100', a: '1', b: 'x & y 中' });
  });

  it('refuses DOCTYPE, nesting, repeats, other roots and broken documents', () => {
    expect(() => fromWechatXml('<!DOCTYPE xml [<!ENTITY e "boom">]><xml><a>&e;</a></xml>')).toThrow(
      /DOCTYPE/,
    );
    expect(() => fromWechatXml('<xml><a><b>1</b></a></xml>')).toThrow(RangeError);
    expect(() => fromWechatXml('<xml><a>1</a><a>2</a></xml>')).toThrow(/more than once/);
    expect(() => fromWechatXml('<root><a>1</a></root>')).toThrow(/<xml>/);
    expect(() => fromWechatXml('<xml><a>1</a>')).toThrow(/well-formed/);
    expect(() => fromWechatXml('<xml><a>&unknown;</a></xml>')).toThrow(RangeError);
    expect(() => fromWechatXml('<xml><__proto__>1</__proto__></xml>')).toThrow(RangeError);
  });

  it('refuses names that are not XML names', () => {
    expect(() => toWechatXml({ 'a b': '1' })).toThrow(RangeError);
  });
});
