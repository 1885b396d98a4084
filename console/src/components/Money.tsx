import { formatMoney } from '../format/money';

/** An amount from the graph's Money scalar, right-aligned digits, never recomputed. */
export function Money({ value, strong }: { value: string | null | undefined; strong?: boolean }) {
  const text = formatMoney(value);
  return (
    <span
      style={{ fontVariantNumeric: 'tabular-nums', fontWeight: strong ? 600 : undefined }}
      data-money={value ?? ''}
    >
      {text}
    </span>
  );
}
