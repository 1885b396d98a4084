// The current source of post_entries(): edit it here, then add a migration that reloads it
// (see index.ts). Old migrations keep the versions they created.
export const POST_ENTRIES = `create or replace function post_entries(p_entries jsonb)
      returns table (entry int, posting_id bigint, created boolean, error_state text, error_message text)
      language plpgsql as $$
      declare
        v_n int := jsonb_array_length(p_entries);
        v_state text[] := array_fill(null::text, array[v_n]);
        v_message text[] := array_fill(null::text, array[v_n]);
        v_posting bigint[] := array_fill(null::bigint, array[v_n]);
        v_created boolean[] := array_fill(false, array[v_n]);
        v_first int[] := array_fill(null::int, array[v_n]);
        v_keys text[];
        v_legs batch_leg[];
        v_out batch_leg[] := '{}';
        v_entry_legs batch_leg[] := '{}';
        v_leg batch_leg;
        v_ids bigint[];
        v_bal bigint[];
        v_trial bigint[];
        v_failed bigint[] := '{}';
        v_current int;
        v_short bigint;
        v_pos int;
        v_sum bigint;
        v_i int;
        r record;
      begin
        -- 1. Each entry's shape, as post_entry checks it.
        for r in select e.ordinality::int as i, e.value as v from jsonb_array_elements(p_entries) with ordinality e loop
          if jsonb_typeof(r.v->'legs') is distinct from 'array' or jsonb_array_length(r.v->'legs') < 2 then
            v_state[r.i] := 'P0001'; v_message[r.i] := 'LEDGER_UNBALANCED: a posting needs at least two legs';
            continue;
          end if;
          select coalesce(sum((l->>'amount')::bigint), 0) into v_sum from jsonb_array_elements(r.v->'legs') l;
          if v_sum <> 0 then
            v_state[r.i] := 'P0001';
            v_message[r.i] := format('LEDGER_UNBALANCED: legs of %s sum to %s', r.v->>'uniqueNo', v_sum);
          elsif exists (select 1 from jsonb_array_elements(r.v->'legs') l
                         where not exists (select 1 from account_purpose ap where ap.purpose = l->>'purpose')) then
            v_state[r.i] := '23503';
            v_message[r.i] := format('LEDGER_UNKNOWN_PURPOSE: a leg of %s names no account purpose', r.v->>'uniqueNo');
          end if;
        end loop;
        -- A key repeated in the batch answers like its first entry.
        select array_agg(f order by i) into v_first from (
          select e.ordinality::int as i,
                 case when v_state[e.ordinality::int] is null
                      then min(e.ordinality::int) filter (where v_state[e.ordinality::int] is null)
                             over (partition by e.value->>'uniqueNo') end as f
            from jsonb_array_elements(p_entries) with ordinality e) x;

        v_keys := array(select case when v_first[e.ordinality::int] = e.ordinality::int then e.value->>'uniqueNo' end
                          from jsonb_array_elements(p_entries) with ordinality e order by e.ordinality);
        begin
          -- 2. The postings, in one statement; keys taken already answer created = false.
          -- The keys first (posting_key: the partitioned posting cannot hold a unique key of its own).
          for r in
            insert into posting_key (unique_no)
            select e.value->>'uniqueNo'
              from jsonb_array_elements(p_entries) with ordinality e
             where v_first[e.ordinality::int] = e.ordinality::int
             order by e.ordinality
            on conflict on constraint posting_key_unique_no_unique do nothing
            returning posting_key.id, posting_key.unique_no
          loop
            v_i := array_position(v_keys, r.unique_no);
            v_posting[v_i] := r.id; v_created[v_i] := true;
          end loop;
          insert into posting (id, unique_no, type, description, order_no, reverses_posting_id, actor, platform_order_no, effective_at)
          select v_posting[e.ordinality::int], e.value->>'uniqueNo', (e.value->>'type')::int, e.value->>'description',
                 e.value->>'orderNo', (e.value->>'reverses')::bigint, e.value->>'actor', e.value->>'platformOrderNo',
                 coalesce((e.value->>'effectiveAt')::timestamptz, now())
            from jsonb_array_elements(p_entries) with ordinality e
           where v_created[e.ordinality::int]
           order by e.ordinality;
          for r in
            select e.ordinality::int as i, k.id
              from jsonb_array_elements(p_entries) with ordinality e
              join posting_key k on k.unique_no = e.value->>'uniqueNo'
             where v_first[e.ordinality::int] = e.ordinality::int and not v_created[e.ordinality::int]
          loop
            v_posting[r.i] := r.id;
          end loop;

          -- 3. The new postings' legs, by entry then account (post_entry's order), and their
          -- non-hot accounts locked in id order.
          v_legs := array(
            select row(y.i, y.account_id, y.amount, y.hot, y.allow_negative, y.type, y.description, null)::batch_leg
              from (select e.i, ensure_account(l.value->>'ownerType', l.value->>'ownerId', l.value->>'purpose') as account_id,
                           (l.value->>'amount')::bigint as amount, ap.hot, ap.allow_negative,
                           coalesce((l.value->>'type')::int, (e.v->>'type')::int) as type,
                           coalesce(l.value->>'description', e.v->>'description') as description, l.ordinality
                      from (select x.ordinality::int as i, x.value as v
                              from jsonb_array_elements(p_entries) with ordinality x) e
                      cross join lateral jsonb_array_elements(e.v->'legs') with ordinality l
                      join account_purpose ap on ap.purpose = l.value->>'purpose'
                     where v_created[e.i]) y
             order by y.i, y.account_id, y.ordinality);
          select coalesce(array_agg(a.id order by a.id), '{}'), coalesce(array_agg(a.balance order by a.id), '{}')
            into v_ids, v_bal
            from (select a.id, a.balance from account a
                   where a.id in (select x.account_id from unnest(v_legs) x where not x.hot)
                   order by a.id for update) a;

          -- Replay: an entry passes when none of its non-hot accounts goes below zero.
          -- A sentinel leg closes the last entry.
          v_legs := v_legs || row(v_n + 1, null, 0, true, true, null, null, null)::batch_leg;
          v_current := null; v_trial := v_bal; v_short := null;
          foreach v_leg in array v_legs loop
            if v_current is distinct from v_leg.entry then
              if v_current is not null then
                if v_short is null then
                  v_bal := v_trial; v_out := v_out || v_entry_legs;
                else
                  v_state[v_current] := 'P0001';
                  v_message[v_current] := format('INSUFFICIENT_BALANCE: account %s', v_short);
                  v_failed := v_failed || v_posting[v_current];
                  v_created[v_current] := false; v_posting[v_current] := null;
                end if;
              end if;
              v_current := v_leg.entry; v_trial := v_bal; v_short := null; v_entry_legs := '{}';
            end if;
            if not v_leg.hot then
              v_pos := array_position(v_ids, v_leg.account_id);
              v_trial[v_pos] := v_trial[v_pos] + v_leg.amount;
              if not v_leg.allow_negative and v_trial[v_pos] < 0 and v_short is null then
                v_short := v_leg.account_id;
              end if;
              v_leg.balance_after := v_trial[v_pos];
            end if;
            v_entry_legs := v_entry_legs || v_leg;
          end loop;
          if array_length(v_failed, 1) > 0 then
            delete from posting where id = any(v_failed);
            delete from posting_key where id = any(v_failed);
          end if;

          -- 4. What passed, set-based.
          insert into leg (posting_id, account_id, amount, balance_after, type, description)
          select v_posting[x.entry], x.account_id, x.amount, x.balance_after, x.type, x.description
            from unnest(v_out) with ordinality x order by x.ordinality;
          update account a set balance = a.balance + d.delta, updated_at = now()
            from (select x.account_id, sum(x.amount) as delta from unnest(v_out) x where not x.hot group by 1) d
           where a.id = d.account_id;
          for r in select x.account_id, sum(x.amount)::bigint as delta from unnest(v_out) x where x.hot group by 1 order by 1 loop
            update account_slot s set balance = s.balance + r.delta
             where s.account_id = r.account_id
               and s.slot = (select f.slot from account_slot f where f.account_id = r.account_id
                              order by f.slot limit 1 for update skip locked);
            if not found then
              -- Every slot is held by another transaction: queue on one of them.
              update account_slot set balance = balance + r.delta
               where account_id = r.account_id and slot = floor(random() * 16)::int;
            end if;
          end loop;
        exception
          when deadlock_detected or serialization_failure then raise;
          when others then
            -- Something no check above foresaw: entry by entry, so only that entry fails.
            for r in select e.ordinality::int as i, e.value as v from jsonb_array_elements(p_entries) with ordinality e
                      where v_first[e.ordinality::int] = e.ordinality::int loop
              declare
                v_result record;
                v_s text;
                v_m text;
              begin
                select x.posting_id, x.created into strict v_result
                  from post_entry(r.v->>'uniqueNo', (r.v->>'type')::int, r.v->>'description', r.v->>'orderNo',
                                  r.v->>'actor', (r.v->>'reverses')::bigint, r.v->'legs',
                                  r.v->>'platformOrderNo', (r.v->>'effectiveAt')::timestamptz) x;
                v_posting[r.i] := v_result.posting_id; v_created[r.i] := v_result.created;
                v_state[r.i] := null; v_message[r.i] := null;
              exception
                when deadlock_detected or serialization_failure then raise;
                when others then
                  get stacked diagnostics v_s = returned_sqlstate, v_m = message_text;
                  v_posting[r.i] := null; v_created[r.i] := false; v_state[r.i] := v_s; v_message[r.i] := v_m;
              end;
            end loop;
        end;

        for v_i in 1..v_n loop
          entry := v_i - 1;
          if v_first[v_i] is not null and v_first[v_i] <> v_i then
            posting_id := v_posting[v_first[v_i]]; created := false;
            error_state := v_state[v_first[v_i]]; error_message := v_message[v_first[v_i]];
          else
            posting_id := v_posting[v_i];
            created := case when v_state[v_i] is null then v_created[v_i] end;
            error_state := v_state[v_i]; error_message := v_message[v_i];
          end if;
          return next;
        end loop;
      end $$`;
