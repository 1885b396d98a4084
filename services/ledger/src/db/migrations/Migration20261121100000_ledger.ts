import { Migration } from '@mikro-orm/migrations';

/**
 * The ledger's core: account purposes, accounts (with balance slots for hot shared
 * accounts), postings and their legs (money logs), and `post_entry`, the one place a
 * posting is written. Postings are never updated or deleted: a correction is a new
 * posting linked by `reverses_posting_id`.
 */
export class Migration20261121100000_ledger extends Migration {
  override async up(): Promise<void> {
    // hot: touched by (nearly) every payment; its balance is spread over slots so
    //      postings do not queue on one row. allow_negative: asset-like or suspense accounts.
    this.addSql(`create table "account_purpose" (
      "purpose" varchar(40) primary key,
      "hot" boolean not null,
      "allow_negative" boolean not null,
      "description" varchar(200) not null
    )`);
    this.addSql(`insert into "account_purpose" ("purpose", "hot", "allow_negative", "description") values
      ('MERCHANT_AVAILABLE', false, false, 'Merchant money that may be withdrawn'),
      ('MERCHANT_FROZEN', false, false, 'Merchant income of today, withdrawable from tomorrow (T+1)'),
      ('MERCHANT_PENDING_WITHDRAWAL', false, false, 'Merchant money in withdrawals not yet paid out'),
      ('MERCHANT_PREPAID_FEE', false, false, 'Merchant prepaid wallet for platform fees'),
      ('AGENT_COMMISSION', true, true, 'Commission owed to an agent'),
      ('PLATFORM_REVENUE', true, true, 'Platform fee income'),
      ('UPSTREAM_COST', true, true, 'What the platform owes upstream channels'),
      ('CHANNEL_RECEIVABLE', true, true, 'What channels owe the platform for paid orders (a debit balance)'),
      ('WITHDRAWAL_PAYOUT', true, true, 'Money paid out to bank accounts (a debit balance)'),
      ('ADJUSTMENT', true, true, 'Counterpart of manual adjustments'),
      ('MAIN_ACCOUNT', false, false, 'A main account''s unshared money'),
      ('CHILD_ACCOUNT', false, false, 'A child account''s money')`);
    this.addSql(`create table "account" (
      "id" bigserial primary key,
      "owner_type" varchar(20) not null,
      "owner_id" varchar(64) not null,
      "purpose" varchar(40) not null references "account_purpose" ("purpose"),
      "balance" bigint not null default 0,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      constraint "account_owner_purpose_unique" unique ("owner_type", "owner_id", "purpose")
    )`);
    this.addSql(`create table "account_slot" (
      "account_id" bigint not null references "account" ("id"),
      "slot" smallint not null,
      "balance" bigint not null default 0,
      primary key ("account_id", "slot")
    )`);
    this.addSql(`create table "posting" (
      "id" bigserial primary key,
      "unique_no" varchar(120) not null,
      "type" smallint not null,
      "description" varchar(300) not null,
      "order_no" varchar(100) null,
      "reverses_posting_id" bigint null references "posting" ("id"),
      "actor" varchar(200) not null,
      "created_at" timestamptz not null default now(),
      constraint "posting_unique_no_unique" unique ("unique_no")
    )`);
    this.addSql(`create index "posting_order_no_index" on "posting" ("order_no")`);
    this.addSql(`create table "leg" (
      "id" bigserial primary key,
      "posting_id" bigint not null references "posting" ("id"),
      "account_id" bigint not null references "account" ("id"),
      "amount" bigint not null,
      "balance_after" bigint null,
      "type" smallint not null,
      "description" varchar(300) not null,
      "created_at" timestamptz not null default now()
    )`);
    this.addSql(`create index "leg_account_index" on "leg" ("account_id", "id")`);
    this.addSql(`create index "leg_posting_index" on "leg" ("posting_id")`);
    this.addSql(`create index "leg_account_created_index" on "leg" ("account_id", "created_at")`);

    this
      .addSql(`create or replace function ensure_account(p_owner_type text, p_owner_id text, p_purpose text) returns bigint
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
      end $$`);

    // One round trip per posting. Legs: [{ownerType, ownerId, purpose, amount, description?}].
    // Idempotent on unique_no; all-or-nothing (an exception aborts the transaction);
    // accounts are locked in id order, so concurrent postings cannot deadlock.
    this.addSql(`create or replace function post_entry(
        p_unique_no text, p_type int, p_description text, p_order_no text, p_actor text, p_reverses bigint, p_legs jsonb)
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
        insert into posting (unique_no, type, description, order_no, reverses_posting_id, actor)
          values (p_unique_no, p_type, p_description, p_order_no, p_reverses, p_actor)
          on conflict on constraint posting_unique_no_unique do nothing
          returning id into v_posting;
        if v_posting is null then
          return query select p.id, false from posting p where p.unique_no = p_unique_no;
          return;
        end if;
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
            v_slot := floor(random() * 16)::int;
            update account_slot set balance = balance + v_leg.amount
              where account_id = v_leg.account_id and slot = v_slot;
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
      end $$`);

    // Hot accounts keep their balance in slots; everything reads balances through this view.
    this.addSql(`create view "account_balance" as
      select a.id, a.owner_type, a.owner_id, a.purpose, a.updated_at,
             case when ap.hot then coalesce((select sum(s.balance) from account_slot s where s.account_id = a.id), 0)::bigint
                  else a.balance end as balance
        from account a join account_purpose ap on ap.purpose = a.purpose`);

    // Events this service consumed, for those that post nothing (withheld orders).
    this.addSql(`create table "consumed_event" (
      "event_id" uuid primary key,
      "topic" varchar(100) not null,
      "consumed_at" timestamptz not null default now()
    )`);
  }
}
