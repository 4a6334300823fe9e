-- Bars closed in the live feed, for GET /api/v1/market/bars. Every instance aggregates every tick and writes the bars
-- it closes; the key makes the second write of the same bar a no-op (insert ... on conflict do nothing).
-- Market data is the same for everyone: no user_id, so no row-level security policy.
create table bars (
    symbol    text            not null,
    interval  text            not null check (interval in ('1m', '5m', '15m', '1h', '1d')),
    open_time timestamptz     not null,
    open      numeric(38, 18) not null check (open > 0),
    high      numeric(38, 18) not null,
    low       numeric(38, 18) not null check (low > 0),
    close     numeric(38, 18) not null check (close > 0),
    volume    numeric(38, 18) not null check (volume >= 0),
    primary key (symbol, interval, open_time),
    check (high >= greatest(open, close) and low <= least(open, close))
);
