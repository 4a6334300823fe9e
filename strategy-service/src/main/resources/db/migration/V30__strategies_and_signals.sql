-- A user's strategy instances. symbols is a comma-separated list (symbols hold no commas); params are the validated
-- template parameters as JSON text; state holds each symbol's StrategyRun snapshot (indicator windows, simulated
-- position) as a JSON object, written with every signal and when it stops, so a restarted or moved strategy resumes
-- where it was. Text, not jsonb: the service only ever reads and writes them whole.
create table strategies (
    id              uuid        primary key,
    user_id         uuid        not null,
    template        text        not null,
    account_id      uuid        not null,
    broker          text        not null,
    symbols         text        not null check (symbols ~ '^[A-Z0-9-]+(,[A-Z0-9-]+){0,19}$'),
    bar_interval    text        not null,
    params          text        not null,
    status          text        not null check (status in ('RUNNING', 'STOPPED', 'FAILED')),
    status_reason   text,
    state           text        not null default '{}',
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index strategies_user on strategies (user_id, created_at desc);
create index strategies_running on strategies (status) where status = 'RUNNING';

-- Every signal a strategy emitted, with the order it asked for. (user_id, client_order_id) is unique: the client
-- order id is derived from the strategy, the bar and the leg, so a replayed bar writes nothing twice.
create table strategy_signals (
    order_id        uuid            primary key,
    user_id         uuid            not null,
    strategy_id     uuid            not null references strategies (id) on delete cascade,
    client_order_id text            not null,
    symbol          text            not null,
    side            text            not null check (side in ('BUY', 'SELL')),
    quantity        numeric(38, 18) not null check (quantity > 0),
    kind            text            not null,
    reason          text            not null,
    bar_time        timestamptz     not null,
    status          text            not null check (status in ('SENT', 'REJECTED', 'FILLED')),
    reject_code     text,
    reject_reason   text,
    created_at      timestamptz     not null,
    updated_at      timestamptz     not null,
    constraint strategy_signals_client_order unique (user_id, client_order_id)
);
create index strategy_signals_strategy on strategy_signals (user_id, strategy_id, created_at desc);

alter table strategies enable row level security;
alter table strategies force row level security;
create policy strategies_of_current_user on strategies
    using (user_id = nullif(current_setting('app.user_id', true), '')::uuid)
    with check (user_id = nullif(current_setting('app.user_id', true), '')::uuid);
-- The one path across users: an instance that is handed users' partitions loads their running strategies
-- (Tenant.systemTransaction). It only reads.
create policy strategies_system_read on strategies for select
    using (current_setting('app.rls_bypass', true) = 'on');

alter table strategy_signals enable row level security;
alter table strategy_signals force row level security;
create policy strategy_signals_of_current_user on strategy_signals
    using (user_id = nullif(current_setting('app.user_id', true), '')::uuid)
    with check (user_id = nullif(current_setting('app.user_id', true), '')::uuid);
