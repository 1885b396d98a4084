import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * A list's filters and page, kept in the URL (so a link or a reload shows the same list).
 * Values are strings; empty ones are dropped. Changing a filter goes back to page 1.
 */
export function useUrlState<K extends string>(
  keys: readonly K[],
): {
  values: Record<K, string>;
  page: number;
  pageSize: number;
  set: (changes: Partial<Record<K, string | null | undefined>>) => void;
  setPage: (page: number, pageSize?: number) => void;
  reset: () => void;
} {
  const [params, setParams] = useSearchParams();
  const values = useMemo(
    () => Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>,
    [params, keys.join(',')],
  );
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const pageSize = Math.min(100, Math.max(1, Number(params.get('pageSize') ?? 20) || 20));
  const set = useCallback(
    (changes: Partial<Record<K, string | null | undefined>>) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const [k, v] of Object.entries(changes) as [string, string | null | undefined][]) {
          if (v == null || v === '') next.delete(k);
          else next.set(k, v);
        }
        next.delete('page');
        return next;
      }),
    [setParams],
  );
  const setPage = useCallback(
    (nextPage: number, nextSize?: number) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        next.set('page', String(nextPage));
        if (nextSize) next.set('pageSize', String(nextSize));
        return next;
      }),
    [setParams],
  );
  const reset = useCallback(() => setParams(new URLSearchParams()), [setParams]);
  return { values, page, pageSize, set, setPage, reset };
}

/** A filter value as the graph wants it: null when empty. */
export const orNull = (value: string): string | null => (value === '' ? null : value);
/** An integer filter value, or null. */
export const intOrNull = (value: string): number | null =>
  value === '' || !/^-?\d+$/.test(value) ? null : Number(value);
