import { payMethodOf } from '../reconciliation-order/reconciliation-order.type';
import { legacyPayMethodOf, payTypeOfSource } from './source-setting.entity';

describe('payTypeOfSource', () => {
  it('takes the channel from the source name, a setting overriding it', () => {
    expect(payTypeOfSource('wechat', null)).toBe('wechat');
    expect(payTypeOfSource('sandbox-wechat', null)).toBe('wechat');
    expect(payTypeOfSource('sandbox-alipay', null)).toBe('alipay');
    expect(payTypeOfSource('acme', null)).toBeNull();
    expect(payTypeOfSource('acme', { payType: 'unionpay' })).toBe('unionpay');
  });
});

describe('legacy pay method codes', () => {
  it('are 1 unpaid, 2 WeChat, 3 Alipay', () => {
    expect(legacyPayMethodOf('wechat')).toBe(2);
    expect(legacyPayMethodOf('alipay')).toBe(3);
    expect(legacyPayMethodOf('qq')).toBeNull();
    expect(payMethodOf({ status: 'PENDING', payType: 'alipay' })).toBe(1);
    expect(payMethodOf({ status: 'EXPIRED', payType: 'wechat' })).toBe(1);
    expect(payMethodOf({ status: 'PAID', payType: 'wechat' })).toBe(2);
    expect(payMethodOf({ status: 'REFUNDED', payType: 'alipay' })).toBe(3);
  });
});
