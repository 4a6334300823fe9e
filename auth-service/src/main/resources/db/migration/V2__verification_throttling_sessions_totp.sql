-- Email verification: when the address was proven, and when the last link was mailed (resends are rate-limited).
alter table accounts
    add column email_verified_at    timestamptz,
    add column verification_sent_at timestamptz;

-- Sessions gain what the idle timeout and the "my sessions" list need. revoked_reason says why a session ended early
-- (logout, ended-by-user, refresh-token-reuse).
alter table sessions
    add column last_used_at   timestamptz,
    add column user_agent     text,
    add column client_address text,
    add column revoked_reason text;
update sessions set last_used_at = created_at;
alter table sessions alter column last_used_at set not null;
create index sessions_user_live on sessions (user_id, last_used_at) where revoked_at is null;

-- Login throttling, shared by every instance. One row per throttled key: 'account:' + SHA-256 of the normalised email
-- (so unknown addresses typed by strangers are not stored in clear), or 'address:' + the client address.
-- failures counts attempts not known to have succeeded: an attempt is counted when it starts, so parallel guesses
-- cannot slip through together, and given back when it succeeds.
create table login_throttles (
    key             text        primary key,
    failures        integer     not null,
    next_attempt_at timestamptz,
    updated_at      timestamptz not null
);
create index login_throttles_updated on login_throttles (updated_at);

-- TOTP second factor. A row without confirmed_at is an enrolment in progress. last_used_step is the RFC 6238 time
-- step of the last accepted code: a code is accepted only for a later step, so none can be replayed.
-- The secret is stored as issued; encryption at rest comes with the credential vault.
create table totp_credentials (
    user_id        uuid        primary key references accounts (id) on delete cascade,
    secret         text        not null,
    created_at     timestamptz not null,
    confirmed_at   timestamptz,
    last_used_step bigint
);

-- One-time recovery codes, only as SHA-256 (they carry about 82 bits of randomness, so no slow hash is needed).
create table recovery_codes (
    user_id   uuid        not null references accounts (id) on delete cascade,
    code_hash bytea       not null,
    used_at   timestamptz,
    primary key (user_id, code_hash)
);
