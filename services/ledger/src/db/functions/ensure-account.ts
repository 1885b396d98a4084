// The current source of ensure_account(): edit it here, then add a migration that reloads it
// (see index.ts). Old migrations keep the versions they created.
export const ENSURE_ACCOUNT = `create or replace function ensure_account(p_owner_type text, p_owner_id text, p_purpose text) returns bigint
      language plpgsql as $$
      declare v_id bigint;
      begin
        select id into v_id from account where owner_type = p_owner_type and owner_id = p_owner_id and purpose = p_purpose;
        if v_id is not null then return v_id; end if;
        insert into account (owner_type, owner_id, purpose) values (p_owner_type, p_owner_id, p_purpose)
          on conflict on constraint account_owner_purpose_unique do nothing returning id into v_id;
        if v_id is null then
          select id into v_id from account where owner_type = p_owner_type and owner_id = p_owner_id and purpose = p_purpose;
        elsif (select hot from account_purpose where purpose = p_purpose) then
          insert into account_slot (account_id, slot) select v_id, s from generate_series(0, 15) s;
        end if;
        return v_id;
      end $$`;
