-- Linking real brokers: per-account limits (tighter than the user's; null = the user's own), the broker's own id for
-- the account (Kite's user_id) and, for Kite, when the daily session ends.
alter table broker_accounts
    add column max_position_size_usd numeric(20, 2) check (max_position_size_usd > 0),
    add column max_daily_loss_usd    numeric(20, 2) check (max_daily_loss_usd > 0),
    add column max_open_positions    integer        check (max_open_positions > 0),
    add column broker_user_id        text,
    add column session_expires_at    timestamptz;

-- The credential vault: one row per secret (apiKey, apiSecret, accessToken) of an account, sealed with envelope
-- encryption. The data key is random per secret and stored only wrapped by the master key named in key_id, so
-- deleting the row destroys the only copy of that data key (crypto-shredding) and a master-key rotation rewrites
-- wrapped_key/key_nonce/key_id without touching the ciphertext. hint is the masked form shown to the owner.
create table broker_credentials (
    id             uuid        primary key,
    user_id        uuid        not null,
    account_id     uuid        not null,
    name           text        not null check (name in ('apiKey', 'apiSecret', 'accessToken')),
    format_version smallint    not null,
    key_id         text        not null,
    key_nonce      bytea       not null,
    wrapped_key    bytea       not null,
    nonce          bytea       not null,
    ciphertext     bytea       not null,
    hint           text        not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    constraint broker_credentials_secret unique (user_id, account_id, name),
    -- The code deletes credentials explicitly with their account; the cascade is only the net.
    constraint broker_credentials_account foreign key (user_id, account_id)
        references broker_accounts (user_id, id) on delete cascade
);
-- Key rotation walks the records still wrapped under an old key.
create index broker_credentials_key_id on broker_credentials (key_id, id);

alter table broker_credentials enable row level security;
alter table broker_credentials force row level security;
create policy broker_credentials_of_current_user on broker_credentials
    using (user_id = nullif(current_setting('app.user_id', true), '')::uuid)
    with check (user_id = nullif(current_setting('app.user_id', true), '')::uuid);

-- rotate-keys re-wraps every user's data keys (Tenant.systemTransaction): it reads and updates rows, never inserts or
-- deletes them, and sees no other table across users.
create policy broker_credentials_rotation_read on broker_credentials for select
    using (current_setting('app.rls_bypass', true) = 'on');
create policy broker_credentials_rotation_update on broker_credentials for update
    using (current_setting('app.rls_bypass', true) = 'on')
    with check (current_setting('app.rls_bypass', true) = 'on');
