// The current source of unfreezable_amount(): edit it here, then add a migration that reloads it
// (see index.ts). Old migrations keep the versions they created.
export const UNFREEZABLE_AMOUNT = `create or replace function unfreezable_amount(p_account bigint, p_start_of_today timestamptz)
      returns bigint language sql stable as $$
        select greatest(0, least(a.balance, a.balance - coalesce((
                 select sum(l.amount)
                   from leg l
                   join posting p on p.id = l.posting_id
                   left join posting reversed on reversed.id = p.reverses_posting_id
                  where l.account_id = a.id and p.effective_at >= p_start_of_today and p.type <> 5
                    and (reversed.id is null or reversed.effective_at >= p_start_of_today)), 0)))::bigint
          from account a where a.id = p_account
      $$`;
