// The current source of request_withdrawals(): edit it here, then add a migration that reloads it
// (see index.ts). Old migrations keep the versions they created.
//
// Set-based, as post_entries: each entry's checks (income to release, the card, the balance) are reads
// with no subtransaction; the debits of the entries that pass go to post_entries in one call;
// then the withdrawals, their first logs and the balances to answer are one statement each.
// Anything no check foresaw (a request id taken by a concurrent call) undoes that part and
// runs the batch entry by entry (request_withdrawals_each), so only that entry fails.
export const REQUEST_WITHDRAWALS = `create or replace function request_withdrawals(p_entries jsonb)
      returns table (entry int, withdrawal_id bigint, posting_id bigint, created_at timestamptz, card jsonb,
                     available bigint, pending bigint, frozen bigint, error_state text, error_message text)
      language plpgsql as $$
      declare
        v_n int := jsonb_array_length(p_entries);
        v_state text[] := array_fill(null::text, array[v_n]);
        v_message text[] := array_fill(null::text, array[v_n]);
        v_card jsonb[] := array_fill(null::jsonb, array[v_n]);
        v_posting bigint[] := array_fill(null::bigint, array[v_n]);
        v_withdrawal bigint[] := array_fill(null::bigint, array[v_n]);
        v_available bigint[] := array_fill(null::bigint, array[v_n]);
        v_pending bigint[] := array_fill(null::bigint, array[v_n]);
        -- Entries passed to post_entries, in its order: v_passed[k] is the entry of its k-th.
        v_passed int[] := '{}';
        v_postings jsonb := '[]';
        v_frozen jsonb := '{}';
        v_w jsonb;
        v_c bank_card;
        v_short record;
        v_i int;
        r record;
        -- Milliseconds, as JavaScript dates (filters compare with them) and the other writers have them.
        v_now timestamptz := date_trunc('milliseconds', now());
      begin
        -- 1. Each entry's checks, in request_withdrawals_each's order and words.
        for r in select e.ordinality::int as i, e.value as v from jsonb_array_elements(p_entries) with ordinality e loop
          v_w := r.v->'withdrawal';
          -- Income from before today not yet released: the caller unfreezes, then asks again.
          if r.v->>'unfreezeSince' is not null and exists (
               select 1 from account a
                where a.owner_type = 'MERCHANT' and a.owner_id = v_w->>'merchant_id'
                  and a.purpose = 'MERCHANT_FROZEN' and a.balance > 0
                  and unfreezable_amount(a.id, (r.v->>'unfreezeSince')::timestamptz) > 0) then
            v_state[r.i] := 'P0001';
            v_message[r.i] := format('UNFREEZE_DUE: merchant %s has income to release first', v_w->>'merchant_id');
            continue;
          end if;
          -- The card: the one named (the merchant's own and approved), else the first approved.
          if v_w->>'bank_card_id' is null then
            select * into v_c from bank_card c
             where c.merchant_id = (v_w->>'merchant_id')::int and c.approved order by c.id limit 1;
            if not found then v_state[r.i] := 'P0001'; v_message[r.i] := 'NO_APPROVED_BANK_CARD'; continue; end if;
          else
            select * into v_c from bank_card c
             where c.id = (v_w->>'bank_card_id')::bigint and c.merchant_id = (v_w->>'merchant_id')::int;
            if not found then v_state[r.i] := 'P0001'; v_message[r.i] := 'BANK_CARD_NOT_FOUND'; continue; end if;
            if not v_c.approved then v_state[r.i] := 'P0001'; v_message[r.i] := 'BANK_CARD_NOT_APPROVED'; continue; end if;
          end if;
          -- A debit the balance cannot cover is refused here, before post_entries would create
          -- the merchant's pending-withdrawal account for it; post_entries' own check (under
          -- lock) still decides when a concurrent call moves the balance in between.
          select l->>'purpose' as purpose, a.id, a.balance into v_short
            from jsonb_array_elements(r.v->'posting'->'legs') l
            join account_purpose ap on ap.purpose = l->>'purpose' and not ap.hot and not ap.allow_negative
            left join account a on (a.owner_type, a.owner_id, a.purpose) = (l->>'ownerType', l->>'ownerId', l->>'purpose')
           where (l->>'amount')::bigint < 0 and coalesce(a.balance, 0) + (l->>'amount')::bigint < 0
           limit 1;
          if found then
            v_state[r.i] := 'P0001';
            v_message[r.i] := case when v_short.id is null
              then format('INSUFFICIENT_BALANCE: no %s account for merchant %s', v_short.purpose, v_w->>'merchant_id')
              else format('INSUFFICIENT_BALANCE: account %s', v_short.id) end;
            continue;
          end if;
          v_card[r.i] := to_jsonb(v_c);
          v_passed := v_passed || r.i;
          v_postings := v_postings || jsonb_build_array(r.v->'posting');
        end loop;

        if array_length(v_passed, 1) > 0 then
          begin
            -- 2. The debits, together; an overdraft or a taken key fails only its entry.
            for r in select p.entry, p.posting_id, p.created, p.error_state, p.error_message
                       from post_entries(v_postings) p loop
              v_i := v_passed[r.entry + 1];
              if r.error_state is not null then
                v_state[v_i] := r.error_state; v_message[v_i] := r.error_message;
              elsif not r.created then
                v_state[v_i] := 'P0001';
                v_message[v_i] := format('WITHDRAW_NO_TAKEN: posting key %s exists', p_entries->(v_i - 1)->'posting'->>'uniqueNo');
              else
                v_posting[v_i] := r.posting_id;
              end if;
            end loop;

            -- 3. The withdrawals with their cards' details, and their first logs.
            for r in
              insert into withdrawal (withdraw_no, merchant_id, amount, fee, bank_card_id, account_name, account_number,
                                      bank_name, branch, province, city, unionpay_code, request_id, request_posting_id,
                                      created_at, updated_at)
              select w.v->>'withdraw_no', (w.v->>'merchant_id')::int, (w.v->>'amount')::bigint, (w.v->>'fee')::bigint,
                     c.id, c.account_name, c.account_number, c.bank_name, c.branch, c.province, c.city,
                     c.unionpay_code, w.v->>'request_id', v_posting[s.i], v_now, v_now
                from unnest(v_passed) s(i)
                cross join lateral (select p_entries->(s.i - 1)->'withdrawal' as v) w
                cross join lateral jsonb_populate_record(null::bank_card, v_card[s.i]) c
               where v_posting[s.i] is not null
               order by s.i
              returning withdrawal.id, withdrawal.request_posting_id
            loop
              v_withdrawal[array_position(v_posting, r.request_posting_id)] := r.id;
            end loop;
            insert into withdrawal_log (withdrawal_id, from_status, to_status, actor, created_at)
            select v_withdrawal[s.i], null, 'APPLIED', p_entries->(s.i - 1)->'posting'->>'actor', v_now
              from unnest(v_passed) s(i)
             where v_withdrawal[s.i] is not null
             order by s.i;

            -- 4. The balances each answer shows: after its own debit, and the merchant's frozen income.
            for r in
              select l.posting_id as id,
                     max(l.balance_after) filter (where a.purpose = 'MERCHANT_AVAILABLE') as available_after,
                     max(l.balance_after) filter (where a.purpose = 'MERCHANT_PENDING_WITHDRAWAL') as pending_after
                from leg l join account a on a.id = l.account_id
               -- post_entries wrote the legs in this transaction (created_at = now()): one month's partition.
               where l.posting_id = any(v_posting) and l.created_at = now()
               group by l.posting_id
            loop
              v_i := array_position(v_posting, r.id);
              v_available[v_i] := r.available_after; v_pending[v_i] := r.pending_after;
            end loop;
            select coalesce(jsonb_object_agg(b.owner_id, b.balance), '{}') into v_frozen
              from account_balance b
             where b.owner_type = 'MERCHANT' and b.purpose = 'MERCHANT_FROZEN'
               and b.owner_id in (select p_entries->(s.i - 1)->'withdrawal'->>'merchant_id'
                                    from unnest(v_passed) s(i) where v_withdrawal[s.i] is not null);
          exception
            when deadlock_detected or serialization_failure then raise;
            when others then
              return query select * from request_withdrawals_each(p_entries);
              return;
          end;
        end if;

        for v_i in 1..v_n loop
          entry := v_i - 1;
          if v_withdrawal[v_i] is not null then
            withdrawal_id := v_withdrawal[v_i]; posting_id := v_posting[v_i]; created_at := v_now;
            card := v_card[v_i]; available := v_available[v_i]; pending := v_pending[v_i];
            frozen := coalesce((v_frozen->>(p_entries->(v_i - 1)->'withdrawal'->>'merchant_id'))::bigint, 0);
            error_state := null; error_message := null;
          else
            withdrawal_id := null; posting_id := null; created_at := null; card := null;
            available := null; pending := null; frozen := null;
            error_state := coalesce(v_state[v_i], 'XX000');
            error_message := coalesce(v_message[v_i], 'request_withdrawals: entry not recorded');
          end if;
          return next;
        end loop;
      end $$`;
