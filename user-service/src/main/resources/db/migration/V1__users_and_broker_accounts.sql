-- One row per user, keyed by auth-service's user id. Created by the UserRegistered event or, if a request
-- arrives first, from the caller's verified token; email/name/roles follow auth-service, the rest is ours.
create table users (
    id                uuid        primary key,
    email             text,
    display_name      text,
    roles             text[]      not null,
    tier              text        not null,
    status            text        not null,
    active_account_id uuid,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);

create table broker_accounts (
    id             uuid          primary key,
    user_id        uuid          not null references users (id) on delete cascade,
    broker         text          not null check (broker in ('paper', 'binance', 'kite')),
    label          text          not null,
    capital_usd    numeric(20, 2) not null check (capital_usd > 0),
    risk_tolerance text          not null check (risk_tolerance in ('low', 'medium', 'high')),
    status         text          not null,
    created_at     timestamptz   not null,
    -- Lets users point at its active account through (user_id, id), so it can only ever be one of its own.
    constraint broker_accounts_user_id_id unique (user_id, id)
);
create index broker_accounts_user_created on broker_accounts (user_id, created_at);

alter table users add constraint users_active_account_is_own
    foreign key (id, active_account_id) references broker_accounts (user_id, id);
