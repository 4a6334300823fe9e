-- Round trips: a position opened from flat and taken back to flat (or through it, a reversal) is one round trip, won
-- when what it realized net of its fees is positive. The open trip's running result lives on the position row.
alter table positions add column trip_pnl numeric(38, 18) not null default 0;
alter table positions add column round_trips integer not null default 0 check (round_trips >= 0);
alter table positions add column winning_round_trips integer not null default 0
    check (winning_round_trips between 0 and round_trips);

-- One row per user, broker account and trading day (in the user's time zone): what the day realized, cost in fees and
-- traded, and the unrealized P&L the account's open positions carried into the day (unrealized_open) — the day's P&L
-- is realized − fees + (unrealized now − unrealized_open). unrealized_last is the latest unrealized figure published,
-- which stays the day's closing mark once the day is over.
create table daily_pnl (
    id               bigserial       primary key,
    user_id          uuid            not null,
    account_id       uuid            not null,
    trading_day      date            not null,
    time_zone        text            not null,
    realized_pnl     numeric(38, 18) not null default 0,
    fees             numeric(38, 18) not null default 0,
    trades           bigint          not null default 0 check (trades >= 0),
    unrealized_open  numeric(38, 18) not null,
    unrealized_last  numeric(38, 18) not null,
    updated_at       timestamptz     not null,
    constraint daily_pnl_account_day unique (user_id, account_id, trading_day)
);

-- At most one breach of the daily-loss limit per user and trading day: the row and its event are written together,
-- so a second instance, a restart or a retry finds the row and publishes nothing more.
create table daily_loss_breaches (
    id                 bigserial       primary key,
    user_id            uuid            not null,
    trading_day        date            not null,
    net_pnl            numeric(38, 18) not null,
    max_daily_loss_usd numeric(38, 18) not null,
    breached_at        timestamptz     not null,
    constraint daily_loss_breaches_user_day unique (user_id, trading_day)
);

alter table daily_pnl enable row level security;
alter table daily_pnl force row level security;
create policy daily_pnl_of_current_user on daily_pnl
    using (user_id = nullif(current_setting('app.user_id', true), '')::uuid)
    with check (user_id = nullif(current_setting('app.user_id', true), '')::uuid);

alter table daily_loss_breaches enable row level security;
alter table daily_loss_breaches force row level security;
create policy daily_loss_breaches_of_current_user on daily_loss_breaches
    using (user_id = nullif(current_setting('app.user_id', true), '')::uuid)
    with check (user_id = nullif(current_setting('app.user_id', true), '')::uuid);

-- The daily P&L tracker marks every owned user's open positions each second: one read across users
-- (Tenant.systemTransaction) instead of a transaction per user. It only reads; every write it causes runs as the user.
create policy positions_system_read on positions for select
    using (current_setting('app.rls_bypass', true) = 'on');
create policy daily_pnl_system_read on daily_pnl for select
    using (current_setting('app.rls_bypass', true) = 'on');
create policy daily_loss_breaches_system_read on daily_loss_breaches for select
    using (current_setting('app.rls_bypass', true) = 'on');
