import { maskAccountNumber, maskApiKey, maskPhone } from './masking';

describe('maskAccountNumber', () => {
  it.each([
    // Card numbers: first six and last four.
    ['6217000010001234', '621700******1234'],
    ['6217000010001231234', '621700******1234'],
    ['62170000100012', '621700******0012'],
    ['  6217000012345678901  ', '621700******8901'],
    // Anything else: the last four.
    ['1234567890123', '******0123'],
    ['1234567890', '******7890'],
    ['12345', '******2345'],
    ['wx_merchant_mall', '******mall'],
    ['alice@example.com', '******.com'],
    ['alipay-6217001234567890', '******7890'],
    // Too short to show any of it.
    ['1234', '****'],
    ['1', '****'],
  ])('%p → %p', (number, masked) => {
    expect(maskAccountNumber(number)).toBe(masked);
  });

  it('shows ten digits of a card number at most, four of anything else, none of four or fewer', () => {
    for (let length = 1; length <= 32; length += 1) {
      const shown = maskAccountNumber('9'.repeat(length)).replace(/\*/g, '').length;
      expect(shown).toBe(length <= 4 ? 0 : length < 14 ? 4 : 10);
    }
  });
});

describe('maskPhone', () => {
  it.each([
    ['13804542921', '138****2921'],
    ['13245678332', '132****8332'],
    ['12345678', '123****5678'],
    ['1234567', '*******'],
    ['', ''],
  ])('masks %p as %p', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});

describe('maskApiKey', () => {
  it('keeps the first and last four characters', () => {
    expect(maskApiKey('0123456789abcdef0123456789abcdef')).toBe('0123****cdef');
    expect(maskApiKey('key-2024164-demo')).toBe('key-****demo');
  });

  it('hides short keys entirely', () => {
    expect(maskApiKey('12345678')).toBe('********');
    expect(maskApiKey('')).toBe('********');
  });
});
