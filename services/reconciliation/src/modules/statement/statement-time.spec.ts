import { compileTimeFormat } from './statement-time';

describe('statement time formats', () => {
  it('reads China wall-clock time into an instant', () => {
    const parse = compileTimeFormat('yyyy-MM-dd HH:mm:ss', 480);
    expect(parse('2025-11-16 00:30:05')?.toISOString()).toBe('2025-11-15T16:30:05.000Z');
  });

  it('follows the layout given, literals included', () => {
    expect(compileTimeFormat('yyyy/MM/dd HH:mm', 0)('2025/11/16 08:01')?.toISOString()).toBe(
      '2025-11-16T08:01:00.000Z',
    );
    expect(compileTimeFormat('yyyyMMddHHmmss', 480)('20251116083000')?.toISOString()).toBe(
      '2025-11-16T00:30:00.000Z',
    );
    expect(compileTimeFormat('dd.MM.yyyy', 60)('16.11.2025')?.toISOString()).toBe('2025-11-15T23:00:00.000Z');
  });

  it('rejects text that does not fit or names no real time', () => {
    const parse = compileTimeFormat('yyyy-MM-dd HH:mm:ss', 480);
    expect(parse('2025-11-16')).toBeNull();
    expect(parse('2025-02-30 10:00:00')).toBeNull();
    expect(parse('2025-11-16 24:00:00')).toBeNull();
    expect(parse('2025-11-16T10:00:00')).toBeNull();
  });
});
