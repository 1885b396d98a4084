import { parseChinaDateTime } from '@pay/common';
import { SettlementPeriod } from './settlement-codes';
import { latestPeriodBoundary } from './settlement-period';

const cn = (text: string) => parseChinaDateTime(text)!;

describe('latestPeriodBoundary (China time)', () => {
  it.each([
    // daily: midnight of the China day, also when the UTC date differs
    [SettlementPeriod.DAILY, '2025-11-19 07:59:59', '2025-11-19 00:00'],
    [SettlementPeriod.DAILY, '2025-11-19 08:00:00', '2025-11-19 00:00'],
    [SettlementPeriod.DAILY, '2025-11-19 00:00:00', '2025-11-19 00:00'],
    [SettlementPeriod.DAILY, '2025-11-18 23:59:59', '2025-11-18 00:00'],
    // weekly: Monday 00:00 (2025-11-17 is a Monday)
    [SettlementPeriod.WEEKLY, '2025-11-17 00:00:00', '2025-11-17 00:00'],
    [SettlementPeriod.WEEKLY, '2025-11-19 12:00:00', '2025-11-17 00:00'],
    [SettlementPeriod.WEEKLY, '2025-11-23 23:59:59', '2025-11-17 00:00'],
    [SettlementPeriod.WEEKLY, '2025-11-16 23:59:59', '2025-11-10 00:00'],
    // …across a month and a year
    [SettlementPeriod.WEEKLY, '2026-01-01 03:00:00', '2025-12-29 00:00'],
    // monthly: the 1st
    [SettlementPeriod.MONTHLY, '2025-11-19 12:00:00', '2025-11-01 00:00'],
    [SettlementPeriod.MONTHLY, '2025-12-01 00:00:00', '2025-12-01 00:00'],
    [SettlementPeriod.MONTHLY, '2025-11-30 23:59:59', '2025-11-01 00:00'],
    [SettlementPeriod.MONTHLY, '2024-03-01 07:00:00', '2024-03-01 00:00'],
    // yearly: January 1st
    [SettlementPeriod.YEARLY, '2025-11-19 12:00:00', '2025-01-01 00:00'],
    [SettlementPeriod.YEARLY, '2026-01-01 00:00:00', '2026-01-01 00:00'],
    [SettlementPeriod.YEARLY, '2025-12-31 23:59:59', '2025-01-01 00:00'],
  ])('period %s at %s → %s', (period, now, boundary) => {
    expect(latestPeriodBoundary(period, cn(now))).toEqual(cn(boundary));
  });

  it('has no boundary for UNKNOWN', () => {
    expect(latestPeriodBoundary(SettlementPeriod.UNKNOWN, new Date())).toBeNull();
  });
});
