-- The latest tick per symbol, so a restarted service answers quote requests (and resumes its simulated feed)
-- at once instead of waiting for the next tick. Ticks themselves are not kept: they live on the tick topic.
create table quotes (
    symbol     text           primary key,
    price      numeric(38, 18) not null check (price > 0),
    sequence   bigint          not null,
    quoted_at  timestamptz     not null
);
