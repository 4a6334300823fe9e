-- The zone the user's trading day is counted in (daily P&L, the daily-loss limit). Rows saved before it existed were
-- on the platform's UTC day, so they keep it.
alter table user_settings add column time_zone text not null default 'UTC';
