import { appErrorOf } from '@pay/common';
import { parseLogTimeRange, toMoneyLogFilter } from './money-log.args';

describe('money log filters', () => {
  it('reads bounds as China time: a date alone covers its day, a time is inclusive to the second', () => {
    expect(parseLogTimeRange({ startTime: '2025-11-16', endTime: '2025-11-16' })).toEqual({
      from: new Date('2025-11-15T16:00:00Z'),
      to: new Date('2025-11-16T16:00:00Z'),
    });
    expect(parseLogTimeRange({ startTime: '2025-11-16 08:00:00', endTime: '2025-11-16 09:30:00' })).toEqual({
      from: new Date('2025-11-16T00:00:00Z'),
      to: new Date('2025-11-16T01:30:01Z'),
    });
    expect(parseLogTimeRange({ startTime: '1763251200' })).toEqual({
      from: new Date('2025-11-16T00:00:00Z'),
      to: null,
    });
    expect(parseLogTimeRange({ startTime: ' ', endTime: null })).toEqual({ from: null, to: null });
  });

  it('refuses bad times, ranges that end before they start and unknown types', () => {
    expect(appErrorOf(() => parseLogTimeRange({ startTime: '2025-02-30' })).details).toEqual({
      argument: 'startTime',
    });
    expect(appErrorOf(() => parseLogTimeRange({ endTime: 'soon' })).code).toBe('BAD_USER_INPUT');
    expect(
      appErrorOf(() => parseLogTimeRange({ startTime: '2025-11-17', endTime: '2025-11-16 23:59:59' })).code,
    ).toBe('BAD_USER_INPUT');
    expect(appErrorOf(() => toMoneyLogFilter({ type: 99 })).details).toEqual({ argument: 'type' });
    expect(appErrorOf(() => toMoneyLogFilter({ type: -1 })).code).toBe('BAD_USER_INPUT');
    expect(toMoneyLogFilter({ type: 0 })).toEqual({ type: 0, from: null, to: null });
  });
});
