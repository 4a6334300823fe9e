create table orders (
    id                uuid primary key,
    user_id           uuid           not null,
    account_id        uuid           not null,
    broker            text           not null,
    client_order_id   text           not null,
    symbol            text           not null,
    side              text           not null check (side in ('BUY', 'SELL')),
    type              text           not null check (type in ('MARKET', 'LIMIT')),
    quantity          numeric(38, 18) not null check (quantity > 0),
    limit_price       numeric(38, 18) check (limit_price > 0),
    status            text           not null,
    filled_quantity   numeric(38, 18) not null default 0,
    avg_fill_price    numeric(38, 18),
    reject_code       text,
    reject_reason     text,
    origin            text           not null,
    created_at        timestamptz    not null,
    updated_at        timestamptz    not null,
    version           bigint         not null default 0,
    -- A retried request with the same client order id is the same order, never a second one.
    constraint orders_client_order_id_unique unique (user_id, client_order_id)
);
create index orders_user_created on orders (user_id, created_at desc);
create index orders_open on orders (status) where status in ('ACCEPTED', 'PARTIALLY_FILLED');

create table fills (
    id            uuid primary key,
    order_id      uuid           not null references orders (id),
    user_id       uuid           not null,
    broker        text           not null,
    fill_id       text           not null,
    quantity      numeric(38, 18) not null check (quantity > 0),
    price         numeric(38, 18) not null check (price > 0),
    fee           numeric(38, 18) not null,
    fee_currency  text           not null,
    executed_at   timestamptz    not null,
    -- The same execution reported twice by a broker is applied once.
    constraint fills_broker_fill_unique unique (broker, fill_id)
);
create index fills_user_order on fills (user_id, order_id);
