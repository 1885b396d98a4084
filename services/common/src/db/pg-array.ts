/**
 * Formats values as a PostgreSQL array literal ('{"a","b"}') to bind as ONE parameter
 * with a cast (`= any(?::text[])`): knex would otherwise expand a JS array into a list.
 */
export function pgArray(values: readonly (string | number)[]): string {
  return `{${values.map((v) => (typeof v === 'number' ? String(v) : `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}
