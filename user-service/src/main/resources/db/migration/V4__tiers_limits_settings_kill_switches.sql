-- Limits: the tier gives the ceiling; an administrator may tighten any of them per user (null = follow the tier).
alter table users add column trade_only            boolean        not null default false;
alter table users add column max_position_size_usd numeric(20, 2) check (max_position_size_usd > 0);
alter table users add column max_order_size_usd    numeric(20, 2) check (max_order_size_usd > 0);
alter table users add column max_daily_loss_usd    numeric(20, 2) check (max_daily_loss_usd > 0);
alter table users add column max_open_positions    integer        check (max_open_positions >= 0);
alter table users add column allowed_symbols       text[];
-- Optional daily trading window in the user's time zone.
alter table users add column trading_time_zone     text;
alter table users add column trading_days          text[];
alter table users add column trading_open          time;
alter table users add column trading_close         time;
alter table users add constraint users_trading_hours_complete check (
    (trading_time_zone is null) = (trading_open is null) and (trading_open is null) = (trading_close is null)
        and (trading_open is null) = (trading_days is null));

-- The user's kill switch: on while kill_switch_reason is set. Who set it decides who may reset it.
alter table users add column kill_switch_reason    text;
alter table users add column kill_switch_by        text check (kill_switch_by in ('user', 'admin', 'system'));
alter table users add column kill_switch_actor     uuid;
alter table users add column kill_switch_at        timestamptz;
alter table users add constraint users_kill_switch_complete check (
    (kill_switch_reason is null) = (kill_switch_by is null) and (kill_switch_by is null) = (kill_switch_at is null));

-- Soft delete: the row stays (trade history elsewhere refers to the user), identity data is kept for the record.
alter table users add column deleted_at            timestamptz;
alter table users add constraint users_status_known check (status in ('ACTIVE', 'DISABLED', 'DELETED'));
alter table users add constraint users_tier_known check (tier in ('basic', 'pro', 'enterprise'));

create table user_settings (
    user_id             uuid          primary key references users (id) on delete cascade,
    risk_level          text          not null check (risk_level in ('low', 'medium', 'high')),
    stop_loss_pct       numeric(6, 3),
    take_profit_pct     numeric(6, 3),
    trailing_stop_pct   numeric(6, 3),
    notify_email        boolean       not null,
    notify_fills        boolean       not null,
    notify_risk_alerts  boolean       not null,
    notify_daily_summary boolean      not null,
    updated_at          timestamptz   not null
);
alter table user_settings enable row level security;
alter table user_settings force row level security;
create policy user_settings_of_current_user on user_settings
    using (user_id = nullif(current_setting('app.user_id', true), '')::uuid)
    with check (user_id = nullif(current_setting('app.user_id', true), '')::uuid);

-- Platform-wide controls (no user data, so no row-level security): today the global kill switch.
create table trading_controls (
    name       text        primary key check (name in ('global')),
    active     boolean     not null,
    reason     text,
    actor_id   uuid        not null,
    changed_at timestamptz not null
);
