-- Accounts an administrator imports have no password until their owner accepts the invitation; login treats a missing
-- hash exactly like a wrong password.
alter table accounts alter column password_hash drop not null;

-- Soft deletion, mirrored from user-service's tradeplex.users.v1 (status DELETED): the row stays so the e-mail stays
-- taken and the user id keeps meaning the same person in every other service's history; login and refresh stop.
alter table accounts add column deleted_at timestamptz;

-- One invitation per imported account. Only the SHA-256 of the mailed token is kept (it carries 256 random bits, so a
-- slow hash buys nothing). accepted_at makes it single-use; the conditional update that sets it decides a race.
create table invitations (
    token_hash  bytea       primary key,
    user_id     uuid        not null references accounts (id) on delete cascade,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    accepted_at timestamptz
);
create index invitations_user on invitations (user_id, created_at);

alter table invitations enable row level security;
alter table invitations force row level security;
create policy invitations_of_current_user on invitations
    using (user_id = nullif(current_setting('app.user_id', true), '')::uuid)
    with check (user_id = nullif(current_setting('app.user_id', true), '')::uuid);
-- Accepting knows only the token: its user is found by the token's hash through the read-only bypass, and everything
-- after that runs as that user.
create policy invitations_lookup_by_hash on invitations for select
    using (current_setting('app.rls_bypass', true) = 'on');
