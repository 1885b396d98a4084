/** The console shows every time in China Standard Time (UTC+8), whatever the browser's zone. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const dateTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: CHINA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "2026-12-05 14:03:09" in China time; "—" for nothing. */
export function formatChinaTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : dateTime.format(date);
}

/** "2026-12-05": the China day of an instant. */
export const chinaDate = (date: Date): string => dateTime.format(date).slice(0, 10);

/** The instant a China day (YYYY-MM-DD) starts. */
export const chinaDayStart = (day: string): Date => new Date(`${day}T00:00:00+08:00`);

/** The China day `days` before today. */
export function chinaDaysAgo(days: number, now = new Date()): string {
  return chinaDate(new Date(chinaDayStart(chinaDate(now)).getTime() - days * 86_400_000));
}
