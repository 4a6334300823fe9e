-- Login identities. The email is stored normalised (trimmed, lower-case), so the unique key is case-insensitive.
create table accounts (
    id            uuid        primary key,
    email         text        not null unique,
    -- Argon2id in PHC string form; it carries its own parameters, so raising them later needs no migration.
    password_hash text        not null,
    display_name  text        not null,
    roles         text[]      not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);

-- One row per login. Refresh tokens live and die with their session; logout revokes it.
create table sessions (
    id         uuid        primary key,
    user_id    uuid        not null references accounts (id) on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz
);
create index sessions_user on sessions (user_id, created_at);

-- Only the SHA-256 of a refresh token is kept: a leaked table cannot be replayed. A used token keeps its row
-- (used_at set), so a replay is recognisable, which refresh-token family revocation will build on.
create table refresh_tokens (
    token_hash bytea       primary key,
    user_id    uuid        not null,
    session_id uuid        not null references sessions (id) on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index refresh_tokens_user_session on refresh_tokens (user_id, session_id);
