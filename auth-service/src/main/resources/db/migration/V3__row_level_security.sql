-- Row-level security (see order-service's V2, user-service's V3 and the kit's Tenant): every transaction names its user
-- first, and the service's role can neither own nor bypass these tables, so a query without its user filter still sees
-- only the caller's rows, and with no user set sees nothing.
alter table accounts enable row level security;
alter table accounts force row level security;
create policy accounts_of_current_user on accounts
    using (id = nullif(current_setting('app.user_id', true), '')::uuid)
    with check (id = nullif(current_setting('app.user_id', true), '')::uuid);

alter table sessions enable row level security;
alter table sessions force row level security;
create policy sessions_of_current_user on sessions
    using (user_id = nullif(current_setting('app.user_id', true), '')::uuid)
    with check (user_id = nullif(current_setting('app.user_id', true), '')::uuid);

alter table refresh_tokens enable row level security;
alter table refresh_tokens force row level security;
create policy refresh_tokens_of_current_user on refresh_tokens
    using (user_id = nullif(current_setting('app.user_id', true), '')::uuid)
    with check (user_id = nullif(current_setting('app.user_id', true), '')::uuid);

alter table totp_credentials enable row level security;
alter table totp_credentials force row level security;
create policy totp_credentials_of_current_user on totp_credentials
    using (user_id = nullif(current_setting('app.user_id', true), '')::uuid)
    with check (user_id = nullif(current_setting('app.user_id', true), '')::uuid);

alter table recovery_codes enable row level security;
alter table recovery_codes force row level security;
create policy recovery_codes_of_current_user on recovery_codes
    using (user_id = nullif(current_setting('app.user_id', true), '')::uuid)
    with check (user_id = nullif(current_setting('app.user_id', true), '')::uuid);

-- login_throttles gets no policy: its rows are keyed by a SHA-256 of a typed email or by a client address, not by a
-- user (most keys belong to no account at all), and a login must count the attempt before anyone is known.

-- Paths that must find a row before the user is known (Tenant.systemTransaction, logged with its reason). Reading
-- only: everything after that runs as the user found (Tenant.transaction).
-- Login finds the account by email; registration and the admin bootstrap check whether the email is taken.
create policy accounts_lookup_by_email on accounts for select
    using (current_setting('app.rls_bypass', true) = 'on');
-- Refresh finds the presented token's user by the token's hash.
create policy refresh_tokens_lookup_by_hash on refresh_tokens for select
    using (current_setting('app.rls_bypass', true) = 'on');
