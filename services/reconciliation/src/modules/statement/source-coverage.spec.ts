import { BUILT_IN_COVERAGE, checkCoverage, coverageParams, PayType } from './source-coverage';
import { BUILT_IN_SOURCES } from './templates/built-in-templates';

describe('source coverage', () => {
  it('gives every built-in source the channel of its files', () => {
    expect(Object.keys(BUILT_IN_COVERAGE).sort()).toEqual(Object.keys(BUILT_IN_SOURCES).sort());
    expect(BUILT_IN_COVERAGE['sandbox-wechat']).toEqual({ payTypes: [PayType.WECHAT], channelCodes: [] });
    expect(BUILT_IN_COVERAGE.alipay).toEqual({ payTypes: [PayType.ALIPAY], channelCodes: [] });
  });

  it('normalises what an operator registers and refuses what is no pay type or channel code', () => {
    expect(
      checkCoverage({ payTypes: ['alipay', 'wechat', 'alipay'], channelCodes: [' zfbwthf ', 'a_1'] }),
    ).toEqual({
      payTypes: ['alipay', 'wechat'],
      channelCodes: ['a_1', 'zfbwthf'],
    });
    expect(checkCoverage({})).toEqual({ payTypes: [], channelCodes: [] });
    expect(() => checkCoverage({ payTypes: ['cash'] })).toThrow('unknown pay type "cash"');
    expect(() => checkCoverage({ channelCodes: ['a b'] })).toThrow('not a channel code');
  });

  it('binds the lists as text[] literals', () => {
    expect(coverageParams({ payTypes: [PayType.WECHAT], channelCodes: [] })).toEqual({
      payTypes: '{"wechat"}',
      channelCodes: '{}',
    });
  });
});
