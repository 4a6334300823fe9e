-- Backtests run in the background: the client gets an id at once and reads progress, then the result, from its row.
-- request is the checked request with its defaults; result the BacktestResult, both as the API shows them.
create table backtests (
    user_id      uuid         not null,
    id           uuid         not null,
    template     text         not null,
    request      jsonb        not null,
    status       text         not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    progress     numeric(5, 4) not null default 0 check (progress between 0 and 1),
    result       jsonb,
    error        text,
    created_at   timestamptz  not null,
    finished_at  timestamptz,
    -- Refreshed by the instance holding a RUNNING backtest; a stale one was left by an instance that stopped.
    heartbeat_at timestamptz  not null,
    primary key (id),
    check ((status = 'DONE') = (result is not null)),
    check ((status = 'FAILED') = (error is not null))
);
create index backtests_user_created on backtests (user_id, created_at desc, id desc);
create index backtests_running on backtests (heartbeat_at) where status = 'RUNNING';

-- Row-level security as everywhere (template: order-service V2): every transaction names its user first.
alter table backtests enable row level security;
alter table backtests force row level security;
create policy backtests_of_current_user on backtests
    using (user_id = nullif(current_setting('app.user_id', true), '')::uuid)
    with check (user_id = nullif(current_setting('app.user_id', true), '')::uuid);
-- The one path across users: finding backtests an instance left RUNNING when it stopped (Tenant.systemTransaction),
-- which are then marked FAILED, each in its owner's own transaction. It only reads, and only RUNNING rows.
create policy backtests_system_read_running on backtests for select
    using (current_setting('app.rls_bypass', true) = 'on' and status = 'RUNNING');
