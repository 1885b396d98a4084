import { maskAccountNumber } from './account-number';

describe('maskAccountNumber', () => {
  it.each([
    ['6217000010001234', '621700******1234'],
    ['6217000010001231234', '621700******1234'],
    ['62170000100012', '621700******0012'],
    ['1234567890123', '******0123'],
    ['1234567890', '******7890'],
  ])('%p → %p', (number, masked) => {
    expect(maskAccountNumber(number)).toBe(masked);
  });

  it('never shows more than ten digits', () => {
    for (let length = 10; length <= 32; length += 1) {
      const number = '9'.repeat(length);
      expect(maskAccountNumber(number).replace(/\*/g, '').length).toBeLessThanOrEqual(10);
    }
  });
});
