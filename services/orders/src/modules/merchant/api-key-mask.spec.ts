import { maskApiKey } from './api-key-mask';

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
