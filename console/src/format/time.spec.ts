import { chinaDate, chinaDayStart, chinaDaysAgo, formatChinaTime } from './time';

describe('China time in the console', () => {
  it('shows instants in UTC+8 whatever the machine’s zone', () => {
    expect(formatChinaTime('2026-12-05T16:30:00Z')).toBe('2026-12-06 00:30:00');
    expect(formatChinaTime(null)).toBe('—');
    expect(formatChinaTime('not a time')).toBe('—');
  });

  it('knows where a China day starts and which day an instant is on', () => {
    expect(chinaDayStart('2026-12-06').toISOString()).toBe('2026-12-05T16:00:00.000Z');
    expect(chinaDate(new Date('2026-12-05T15:59:59Z'))).toBe('2026-12-05');
    expect(chinaDate(new Date('2026-12-05T16:00:00Z'))).toBe('2026-12-06');
    expect(chinaDaysAgo(1, new Date('2026-12-05T16:00:00Z'))).toBe('2026-12-05');
  });
});
