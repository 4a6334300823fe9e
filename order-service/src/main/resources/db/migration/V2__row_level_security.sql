-- Row-level security: the service connects as a role that owns nothing and cannot bypass these policies, and every
-- transaction names its user first (Tenant.transaction in service-kit). A query that forgets its user_id filter then
-- still sees, changes and creates nothing of another user; with no user set (or an empty one) it sees nothing.
-- FORCE applies the policies to the table owner as well.
alter table orders enable row level security;
alter table orders force row level security;
create policy orders_of_current_user on orders
    using (user_id = nullif(current_setting('app.user_id', true), '')::uuid)
    with check (user_id = nullif(current_setting('app.user_id', true), '')::uuid);
-- The one path across users: at start the paper broker rebuilds its book from every user's open orders
-- (Tenant.systemTransaction). It only reads, so the bypass only reads.
create policy orders_system_read on orders for select
    using (current_setting('app.rls_bypass', true) = 'on');

alter table fills enable row level security;
alter table fills force row level security;
create policy fills_of_current_user on fills
    using (user_id = nullif(current_setting('app.user_id', true), '')::uuid)
    with check (user_id = nullif(current_setting('app.user_id', true), '')::uuid);
