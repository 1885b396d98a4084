import { maskAccountNo } from './account-number';

describe('maskAccountNo', () => {
  it.each([
    ['6217000012345678901', '******8901'],
    ['wx_merchant_mall', '******mall'],
    ['alice@example.com', '******.com'],
    ['12345', '******2345'],
    ['1234', '****'],
    ['1', '****'],
    ['  6217001234  ', '******1234'],
  ])('%s → %s', (number, masked) => {
    expect(maskAccountNo(number)).toBe(masked);
  });
});
