// The current source of request_withdrawals_each(): edit it here, then add a migration that reloads
// it (see index.ts). Old migrations keep the versions they created.
// request_withdrawals() one entry at a time, each in its own subtransaction: what
// request_withdrawals falls back to when its set-based path meets something it did not foresee
// (two concurrent requests with one request id, say), so only that entry fails.
export const REQUEST_WITHDRAWALS_EACH = `create or replace function request_withdrawals_each(p_entries jsonb)
      returns table (entry int, withdrawal_id bigint, posting_id bigint, created_at timestamptz, card jsonb,
                     available bigint, pending bigint, frozen bigint, error_state text, error_message text)
      language plpgsql as $$
      declare
        v_entry jsonb;
        v_posting jsonb;
        v_w jsonb;
        v_index int;
        v_result record;
        v_card bank_card;
        v_state text;
        v_message text;
        -- Milliseconds, as JavaScript dates (filters compare with them) and the other writers have them.
        v_now timestamptz := date_trunc('milliseconds', now());
      begin
        -- Entries run in the order of the first existing account they touch, so two calls in
        -- flight take their accounts in the same order instead of waiting on each other in a cycle.
        for v_entry, v_index in
          select e.value, (e.ordinality - 1)::int
            from jsonb_array_elements(p_entries) with ordinality e
           order by (select min(a.id) from account a
                      join account_purpose ap on ap.purpose = a.purpose and not ap.hot
                     where (a.owner_type, a.owner_id, a.purpose) in (
                        select l->>'ownerType', l->>'ownerId', l->>'purpose' from jsonb_array_elements(e.value->'posting'->'legs') l)),
                    e.ordinality
        loop
          v_posting := v_entry->'posting';
          v_w := v_entry->'withdrawal';
          begin
            -- Income from before today not yet released: the caller unfreezes, then asks again.
            if v_entry->>'unfreezeSince' is not null and exists (
                 select 1 from account a
                  where a.owner_type = 'MERCHANT' and a.owner_id = v_w->>'merchant_id'
                    and a.purpose = 'MERCHANT_FROZEN' and a.balance > 0
                    and unfreezable_amount(a.id, (v_entry->>'unfreezeSince')::timestamptz) > 0) then
              raise exception 'UNFREEZE_DUE: merchant % has income to release first', v_w->>'merchant_id';
            end if;
            -- The card: the one named (the merchant's own and approved), else the first approved.
            if v_w->>'bank_card_id' is null then
              select * into v_card from bank_card c
               where c.merchant_id = (v_w->>'merchant_id')::int and c.approved order by c.id limit 1;
              if not found then raise exception 'NO_APPROVED_BANK_CARD'; end if;
            else
              select * into v_card from bank_card c
               where c.id = (v_w->>'bank_card_id')::bigint and c.merchant_id = (v_w->>'merchant_id')::int;
              if not found then raise exception 'BANK_CARD_NOT_FOUND'; end if;
              if not v_card.approved then raise exception 'BANK_CARD_NOT_APPROVED'; end if;
            end if;
            select r.posting_id, r.created into strict v_result
              from post_entry(v_posting->>'uniqueNo', (v_posting->>'type')::int, v_posting->>'description',
                              v_posting->>'orderNo', v_posting->>'actor', null, v_posting->'legs') r;
            if not v_result.created then
              raise exception 'WITHDRAW_NO_TAKEN: posting key % exists', v_posting->>'uniqueNo';
            end if;
            entry := v_index; posting_id := v_result.posting_id;
            insert into withdrawal (withdraw_no, merchant_id, amount, fee, bank_card_id, account_name, account_number,
                                    bank_name, branch, province, city, unionpay_code, request_id, request_posting_id,
                                    created_at, updated_at)
            values (v_w->>'withdraw_no', (v_w->>'merchant_id')::int, (v_w->>'amount')::bigint, (v_w->>'fee')::bigint,
                    v_card.id, v_card.account_name, v_card.account_number, v_card.bank_name,
                    v_card.branch, v_card.province, v_card.city, v_card.unionpay_code, v_w->>'request_id',
                    v_result.posting_id, v_now, v_now)
            returning withdrawal.id, withdrawal.created_at into withdrawal_id, created_at;
            card := to_jsonb(v_card);
            insert into withdrawal_log (withdrawal_id, from_status, to_status, actor, created_at)
              values (withdrawal_id, null, 'APPLIED', v_posting->>'actor', v_now);
            select max(l.balance_after) filter (where a.purpose = 'MERCHANT_AVAILABLE'),
                   max(l.balance_after) filter (where a.purpose = 'MERCHANT_PENDING_WITHDRAWAL')
              into available, pending
              from leg l join account a on a.id = l.account_id
             -- post_entry wrote the legs in this transaction (created_at = now()): one month's partition.
             where l.posting_id = v_result.posting_id and l.created_at = now();
            select coalesce(max(b.balance), 0) into frozen from account_balance b
             where b.owner_type = 'MERCHANT' and b.owner_id = v_w->>'merchant_id' and b.purpose = 'MERCHANT_FROZEN';
            error_state := null; error_message := null;
          exception when others then
            get stacked diagnostics v_state = returned_sqlstate, v_message = message_text;
            entry := v_index; withdrawal_id := null; posting_id := null; created_at := null; card := null;
            available := null; pending := null; frozen := null;
            error_state := v_state; error_message := v_message;
          end;
          return next;
        end loop;
      end $$`;
