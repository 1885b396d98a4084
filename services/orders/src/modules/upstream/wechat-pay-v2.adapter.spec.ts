import { ChannelSignatureError } from './channel-adapter';
import { signWechatV2Notification, wechatV2Sign, WechatPayV2Adapter } from './wechat-pay-v2.adapter';
import { fromWechatXml, toWechatXml } from './wechat-xml';

describe('wechatV2Sign', () => {
  // WeChat Pay's published example (pay.weixin.qq.com, "安全规范" / signature algorithm).
  const vector = {
    appid: 'wxd930ea5d5a258f4f',
    mch_id: '10000100',
    device_info: '1000',
    body: 'test',
    nonce_str: 'ibuaiVcKdpRxkhJA',
  };
  const key = '192006250b4c09247ec02edce69f6a2d';

  it('matches the public MD5 vector', () => {
    expect(wechatV2Sign(vector, key)).toBe('9A0A8659F005D6984697E2CA0A9CF3B7');
    expect(wechatV2Sign(vector, key, 'MD5')).toBe('9A0A8659F005D6984697E2CA0A9CF3B7');
  });

  it('matches the public HMAC-SHA256 vector', () => {
    expect(wechatV2Sign(vector, key, 'HMAC-SHA256')).toBe(
      '6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6',
    );
  });

  it('ignores sign and empty values, and signs sign_type', () => {
    expect(wechatV2Sign({ ...vector, sign: 'X', attach: '' }, key)).toBe('9A0A8659F005D6984697E2CA0A9CF3B7');
    expect(wechatV2Sign({ ...vector, sign_type: 'MD5' }, key)).not.toBe('9A0A8659F005D6984697E2CA0A9CF3B7');
  });
});

describe('WechatPayV2Adapter', () => {
  const apiKey = '192006250b4c09247ec02edce69f6a2d';
  const adapter = new WechatPayV2Adapter({ appId: 'wx2421b1c4370ec43b', mchId: '10000100', apiKey });
  const notification: Record<string, string> = {
    appid: 'wx2421b1c4370ec43b',
    attach: '支付测试',
    bank_type: 'CFT',
    fee_type: 'CNY',
    is_subscribe: 'Y',
    mch_id: '10000100',
    nonce_str: '5d2b6c2a8db53831f7eda20af46e531c',
    openid: 'oUpF8uMEb4qRXf22hE3X68TekukE',
    out_trade_no: 'P202406080001',
    result_code: 'SUCCESS',
    return_code: 'SUCCESS',
    time_end: '20240608103456',
    total_fee: '10000',
    cash_fee: '10000',
    trade_type: 'JSAPI',
    transaction_id: '4200002024060812345678901234',
  };
  const verify = (params: Record<string, string>) =>
    adapter.verifyCallback({ headers: {}, rawBody: toWechatXml(params) });

  it('maps a verified MD5 notification', () => {
    const notice = verify(signWechatV2Notification(notification, apiKey));
    expect(notice).toMatchObject({
      platformOrderNo: 'P202406080001',
      upstreamOrderNo: '4200002024060812345678901234',
      amountFen: 10000,
      paid: true,
    });
    expect(notice.paidAt?.toISOString()).toBe('2024-06-08T02:34:56.000Z');
    expect(notice.raw.attach).toBe('支付测试');
  });

  it('verifies with the sign_type the message names', () => {
    const signed = signWechatV2Notification({ ...notification, sign_type: 'HMAC-SHA256' }, apiKey);
    expect(signed.sign).toHaveLength(64);
    expect(verify(signed).paid).toBe(true);
    expect(() => verify({ ...signed, sign_type: 'MD5' })).toThrow(ChannelSignatureError);
    expect(() => verify({ ...signed, sign_type: 'SHA1' })).toThrow(/sign_type/);
  });

  it('reports result_code FAIL as not paid', () => {
    const failed = { ...notification, result_code: 'FAIL', transaction_id: '', time_end: '' };
    const notice = verify(signWechatV2Notification(failed, apiKey));
    expect(notice).toMatchObject({ paid: false, upstreamOrderNo: '', paidAt: null });
  });

  it('rejects a tampered field, a lower-case sign and a wrong key', () => {
    const signed = signWechatV2Notification(notification, apiKey);
    expect(() => verify({ ...signed, total_fee: '1' })).toThrow(/does not verify/);
    expect(() => verify({ ...signed, sign: (signed.sign ?? '').toLowerCase() })).toThrow(/does not verify/);
    expect(() => verify(signWechatV2Notification(notification, 'another-key'))).toThrow(/does not verify/);
  });

  it('rejects a validly signed notification for another appid or mch_id', () => {
    expect(() =>
      verify(signWechatV2Notification({ ...notification, appid: 'wx0000000000000000' }, apiKey)),
    ).toThrow(/appid/);
    expect(() => verify(signWechatV2Notification({ ...notification, mch_id: '10000200' }, apiKey))).toThrow(
      /mch_id/,
    );
  });

  it('rejects return_code FAIL, a missing sign, bad amounts and non-XML bodies', () => {
    expect(() => verify({ return_code: 'FAIL', return_msg: '签名失败' })).toThrow(/return_code/);
    expect(() => verify(notification)).toThrow(/missing sign/);
    expect(() => verify(signWechatV2Notification({ ...notification, total_fee: '100.00' }, apiKey))).toThrow(
      /total_fee/,
    );
    expect(() => verify(signWechatV2Notification({ ...notification, total_fee: '-1' }, apiKey))).toThrow(
      /total_fee/,
    );
    expect(() => verify(signWechatV2Notification({ ...notification, fee_type: 'USD' }, apiKey))).toThrow(
      /fee_type/,
    );
    expect(() => adapter.verifyCallback({ headers: {}, rawBody: 'return_code=SUCCESS' })).toThrow(
      ChannelSignatureError,
    );
  });

  it('rejects a time_end that is not a possible yyyyMMddHHmmss time', () => {
    // A Unix timestamp in milliseconds and the dashed layout are both readable, but not what WeChat sends.
    for (const timeEnd of ['20240230103456', '1717814096000', '2024-06-08 10:34:56', '2024060810345']) {
      expect(() => verify(signWechatV2Notification({ ...notification, time_end: timeEnd }, apiKey))).toThrow(
        /time_end/,
      );
    }
  });

  it('acknowledges with the SUCCESS / FAIL documents', () => {
    expect(adapter.acknowledge(true)).toEqual({
      status: 200,
      contentType: 'text/xml; charset=utf-8',
      body: '<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>',
    });
    expect(fromWechatXml(adapter.acknowledge(false).body).return_code).toBe('FAIL');
  });
});
