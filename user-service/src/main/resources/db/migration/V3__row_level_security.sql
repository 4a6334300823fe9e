-- Row-level security (see order-service's V2 and the kit's Tenant): every transaction names its user first, and the
-- service's role can neither own nor bypass these tables, so a query without its user filter still sees only the
-- caller's rows, and with no user set sees nothing.
alter table users enable row level security;
alter table users force row level security;
create policy users_of_current_user on users
    using (id = nullif(current_setting('app.user_id', true), '')::uuid)
    with check (id = nullif(current_setting('app.user_id', true), '')::uuid);

alter table broker_accounts enable row level security;
alter table broker_accounts force row level security;
create policy broker_accounts_of_current_user on broker_accounts
    using (user_id = nullif(current_setting('app.user_id', true), '')::uuid)
    with check (user_id = nullif(current_setting('app.user_id', true), '')::uuid);

alter table permission_overrides enable row level security;
alter table permission_overrides force row level security;
create policy permission_overrides_of_current_user on permission_overrides
    using (user_id = nullif(current_setting('app.user_id', true), '')::uuid)
    with check (user_id = nullif(current_setting('app.user_id', true), '')::uuid);

-- Administrators list and read users across tenants (Tenant.systemTransaction, audited in the admin's own log).
-- Reading only: an admin's change to one user runs as that user (Tenant.transaction(target)).
create policy users_admin_read on users for select
    using (current_setting('app.rls_bypass', true) = 'on');
create policy permission_overrides_admin_read on permission_overrides for select
    using (current_setting('app.rls_bypass', true) = 'on');
