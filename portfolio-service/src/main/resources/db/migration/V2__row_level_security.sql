-- Row-level security: the service connects as a role that owns nothing and cannot bypass these policies, and every
-- transaction names its user first (Tenant.transaction in service-kit). A query that forgets its user_id filter then
-- still sees, changes and creates nothing of another user; with no user set (or an empty one) it sees nothing.
-- FORCE applies the policies to the table owner as well. Every path here knows its user (the caller, or the fill's
-- owner), so there is no system bypass.
alter table positions enable row level security;
alter table positions force row level security;
create policy positions_of_current_user on positions
    using (user_id = nullif(current_setting('app.user_id', true), '')::uuid)
    with check (user_id = nullif(current_setting('app.user_id', true), '')::uuid);

alter table trades enable row level security;
alter table trades force row level security;
create policy trades_of_current_user on trades
    using (user_id = nullif(current_setting('app.user_id', true), '')::uuid)
    with check (user_id = nullif(current_setting('app.user_id', true), '')::uuid);
