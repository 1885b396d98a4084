import { Migration } from '@mikro-orm/migrations';

/**
 * `post_entries` without its up-front `FOR UPDATE` of the batch's accounts. That lock,
 * taken by the call's transaction and followed by each entry's update in its own
 * subtransaction, made PostgreSQL record every such account row's lockers as a
 * MultiXact (the parent's lock and the subtransaction's update); under load the
 * MultiXact buffers became the bottleneck (waits on MultiXactOffsetSLRU/MemberBuffer,
 * SLRU reads) and slowed every later call. Entries now run in the order of the first
 * existing account they touch, so two calls in flight still take their merchants'
 * accounts in one order and do not wait on each other in a cycle; a deadlock that
 * remains (hot-slot queueing) rolls back only its entry, which the batcher sends again.
 */
export class Migration20261206101000_batch_lock_order extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function post_entries(p_entries jsonb)
      returns table (entry int, posting_id bigint, created boolean, error_state text, error_message text)
      language plpgsql as $$
      declare
        v_entry jsonb;
        v_index int;
        v_result record;
        v_state text;
        v_message text;
      begin
        for v_entry, v_index in
          select e.value, (e.ordinality - 1)::int
            from jsonb_array_elements(p_entries) with ordinality e
           order by (select min(a.id) from account a
                      join account_purpose ap on ap.purpose = a.purpose and not ap.hot
                     where (a.owner_type, a.owner_id, a.purpose) in (
                       select l->>'ownerType', l->>'ownerId', l->>'purpose' from jsonb_array_elements(e.value->'legs') l)),
                    e.ordinality
        loop
          begin
            select r.posting_id, r.created into strict v_result
              from post_entry(v_entry->>'uniqueNo', (v_entry->>'type')::int, v_entry->>'description',
                              v_entry->>'orderNo', v_entry->>'actor', (v_entry->>'reverses')::bigint, v_entry->'legs',
                              v_entry->>'platformOrderNo', (v_entry->>'effectiveAt')::timestamptz) r;
            entry := v_index; posting_id := v_result.posting_id; created := v_result.created;
            error_state := null; error_message := null;
          exception when others then
            get stacked diagnostics v_state = returned_sqlstate, v_message = message_text;
            entry := v_index; posting_id := null; created := null;
            error_state := v_state; error_message := v_message;
          end;
          return next;
        end loop;
      end $$`);
  }
}
