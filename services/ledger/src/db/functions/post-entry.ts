// The current source of post_entry(): edit it here, then add a migration that reloads it
// (see index.ts). Old migrations keep the versions they created.
export const POST_ENTRY = `create or replace function post_entry(
        p_unique_no text, p_type int, p_description text, p_order_no text, p_actor text, p_reverses bigint, p_legs jsonb,
        p_platform_order_no text default null, p_effective_at timestamptz default null)
      returns table (posting_id bigint, created boolean)
      language plpgsql as $$
      declare
        v_posting bigint;
        v_leg record;
        v_balance bigint;
        v_slot int;
        v_sum bigint;
      begin
        if jsonb_typeof(p_legs) <> 'array' or jsonb_array_length(p_legs) < 2 then
          raise exception 'LEDGER_UNBALANCED: a posting needs at least two legs';
        end if;
        select coalesce(sum((l->>'amount')::bigint), 0) into v_sum from jsonb_array_elements(p_legs) l;
        if v_sum <> 0 then
          raise exception 'LEDGER_UNBALANCED: legs of % sum to %', p_unique_no, v_sum;
        end if;
        -- The key first (posting_key: the partitioned posting cannot hold a unique key of its own).
        insert into posting_key (unique_no) values (p_unique_no)
          on conflict on constraint posting_key_unique_no_unique do nothing
          returning id into v_posting;
        if v_posting is null then
          return query select k.id, false from posting_key k where k.unique_no = p_unique_no;
          return;
        end if;
        insert into posting (id, unique_no, type, description, order_no, reverses_posting_id, actor, platform_order_no, effective_at)
          values (v_posting, p_unique_no, p_type, p_description, p_order_no, p_reverses, p_actor, p_platform_order_no,
                  coalesce(p_effective_at, now()));
        for v_leg in
          select ensure_account(l->>'ownerType', l->>'ownerId', l->>'purpose') as account_id,
                 (l->>'amount')::bigint as amount,
                 coalesce(l->>'description', p_description) as description,
                 coalesce((l->>'type')::int, p_type) as type,
                 ap.hot, ap.allow_negative
            from jsonb_array_elements(p_legs) l
            join account_purpose ap on ap.purpose = l->>'purpose'
           order by 1
        loop
          if v_leg.hot then
            update account_slot s set balance = s.balance + v_leg.amount
             where s.account_id = v_leg.account_id
               and s.slot = (select f.slot from account_slot f where f.account_id = v_leg.account_id
                              order by f.slot limit 1 for update skip locked);
            if not found then
              -- Every slot is held by another transaction: queue on one of them.
              v_slot := floor(random() * 16)::int;
              update account_slot set balance = balance + v_leg.amount
                where account_id = v_leg.account_id and slot = v_slot;
            end if;
            v_balance := null;
          else
            update account set balance = balance + v_leg.amount, updated_at = now()
              where id = v_leg.account_id and (v_leg.allow_negative or balance + v_leg.amount >= 0)
              returning balance into v_balance;
            if not found then
              raise exception 'INSUFFICIENT_BALANCE: account %', v_leg.account_id;
            end if;
          end if;
          insert into leg (posting_id, account_id, amount, balance_after, type, description)
            values (v_posting, v_leg.account_id, v_leg.amount, v_balance, v_leg.type, v_leg.description);
        end loop;
        return query select v_posting, true;
      end $$`;
