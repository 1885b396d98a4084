import { instantFromCalendar } from '@pay/common';

const TOKENS: Record<string, string> = {
  yyyy: 'year',
  MM: 'month',
  dd: 'day',
  HH: 'hour',
  mm: 'minute',
  ss: 'second',
};

/**
 * Compiles a template's time format (`yyyy-MM-dd HH:mm:ss`, `yyyy/MM/dd HH:mm`,
 * `yyyyMMddHHmmss`…) into a parser of wall-clock times `utcOffsetMinutes` ahead of UTC.
 * The parser returns null for text that does not fit or names no real time (2025-02-30).
 */
export function compileTimeFormat(format: string, utcOffsetMinutes: number): (text: string) => Date | null {
  const parts: string[] = [];
  let pattern = '';
  for (let i = 0; i < format.length;) {
    const token = Object.keys(TOKENS).find((t) => format.startsWith(t, i));
    if (token) {
      parts.push(TOKENS[token] as string);
      pattern += token === 'yyyy' ? '(\\d{4})' : '(\\d{2})';
      i += token.length;
    } else {
      pattern += (format[i] as string).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i += 1;
    }
  }
  const regex = new RegExp(`^${pattern}$`);
  return (text) => {
    const match = regex.exec(text);
    if (!match) return null;
    const fields: Record<string, number> = { hour: 0, minute: 0, second: 0 };
    parts.forEach((part, i) => (fields[part] = Number(match[i + 1])));
    return instantFromCalendar(
      {
        year: fields.year ?? 0,
        month: fields.month ?? 0,
        day: fields.day ?? 0,
        hour: fields.hour ?? 0,
        minute: fields.minute ?? 0,
        second: fields.second ?? 0,
      },
      utcOffsetMinutes,
    );
  };
}
