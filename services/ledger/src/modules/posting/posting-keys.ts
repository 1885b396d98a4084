import type { EntityManager } from '@mikro-orm/postgresql';

/** A posting key and its posting that do not match: a key without a posting, or the reverse. */
export interface PostingKeyDrift {
  id: number;
  keyUniqueNo: string | null;
  postingUniqueNo: string | null;
}

/**
 * The idempotency keys (`posting_key`) and the postings (partitioned `posting`) must match
 * one to one: a key without its posting would answer a retry "posted" with nothing posted,
 * a posting without its key could be posted twice. Both are written in one transaction by
 * the posting functions; this finds any pair that is not (at most 100).
 */
export async function postingKeyDrift(em: EntityManager): Promise<PostingKeyDrift[]> {
  const rows = (await em.getConnection().execute(
    `select coalesce(k.id, p.id) as id, k.unique_no as key_unique_no, p.unique_no as posting_unique_no
       from posting_key k full join posting p on p.id = k.id
      where k.id is null or p.id is null or k.unique_no <> p.unique_no
      order by 1 limit 100`,
  )) as { id: string; key_unique_no: string | null; posting_unique_no: string | null }[];
  return rows.map((r) => ({
    id: Number(r.id),
    keyUniqueNo: r.key_unique_no,
    postingUniqueNo: r.posting_unique_no,
  }));
}
