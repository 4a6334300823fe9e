-- Per-user activity log: what the platform did on a user's behalf, from tradeplex.audit.v1. Append-only: the run-time
-- role may insert and read its own user's rows; nobody may update a row; only the retention job deletes, and only
-- whole days past retention (ActivityRetention, through the bypass policy below).
create table activity (
    event_id    varchar(200) primary key,
    user_id     uuid         not null,
    occurred_at timestamptz  not null,
    actor_id    uuid,
    kind        varchar(40)  not null,
    action      varchar(100) not null,
    outcome     varchar(10)  not null,
    reason      varchar(100),
    account_id  uuid,
    resource    varchar(300),
    source_ip   varchar(64),
    summary     varchar(500) not null,
    details     text         not null default '{}'
);
create index activity_by_user_time on activity (user_id, occurred_at desc, event_id desc);
create index activity_by_user_kind_time on activity (user_id, kind, occurred_at desc);
create index activity_by_user_account_time on activity (user_id, account_id, occurred_at desc) where account_id is not null;
-- Pruning deletes by day across users.
create index activity_by_time on activity (occurred_at);

alter table activity enable row level security;
alter table activity force row level security;
-- Not "for all": without update and delete policies, RLS lets no update or delete through for a user.
create policy activity_of_current_user on activity for select
    using (user_id = nullif(current_setting('app.user_id', true), '')::uuid);
create policy activity_insert_of_current_user on activity for insert
    with check (user_id = nullif(current_setting('app.user_id', true), '')::uuid);
-- The retention job only: delete, under the bypass, nothing younger than the configured retention. ActivityRetention
-- sets the bound from tradeplex.activity.retention.
create policy activity_retention_delete on activity for delete
    using (current_setting('app.rls_bypass', true) = 'on'
           and occurred_at < nullif(current_setting('app.activity_prune_before', true), '')::timestamptz);

-- A delete with a WHERE clause must also see the rows it deletes: the same bound, for reading.
create policy activity_retention_read on activity for select
    using (current_setting('app.rls_bypass', true) = 'on'
           and occurred_at < nullif(current_setting('app.activity_prune_before', true), '')::timestamptz);

-- The table grants (kit R__app_role_grants) include update; rows stay immutable whatever the grants say. Per
-- statement, so an update fails even where row-level security has already left it no rows to touch.
create function activity_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'activity is append-only';
end
$$;
create trigger activity_no_update before update or truncate on activity
    for each statement execute function activity_is_append_only();
