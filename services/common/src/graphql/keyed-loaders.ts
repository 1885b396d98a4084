import DataLoader from 'dataloader';

/** Batches loads by key into one `where key in (…)` query per request; a key not found loads null. */
export function keyedLoader<K extends string | number, V>(
  load: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (value: V) => K,
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const found = new Map((await load(keys)).map((value) => [keyOf(value), value] as const));
    return keys.map((key) => found.get(key) ?? null);
  });
}

/** Batches loads of many values per key (a key without any loads an empty list). */
export function groupedLoader<K extends string | number, V>(
  load: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (value: V) => K,
): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const groups = new Map<K, V[]>();
    for (const value of await load(keys)) {
      const key = keyOf(value);
      groups.set(key, [...(groups.get(key) ?? []), value]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/**
 * A federation representation's numeric key, or null when it is not one: a NaN reaching
 * a loader would fail the whole batched `where id in (…)` query, valid keys included.
 */
export function numericKey(value: number | string | undefined): number | null {
  return /^\d{1,15}$/.test(String(value ?? '')) ? Number(value) : null;
}
