-- Money and quantities are numeric(38, 18): exact decimals, 20 integer digits, 18 fractional ones.

-- One row per (user, account, symbol), kept when the position closes (quantity 0) so its realized P&L and fees
-- carry over when it reopens. Quantity is signed: negative is short.
create table positions (
    id            bigserial       primary key,
    user_id       uuid            not null,
    account_id    uuid            not null,
    symbol        text            not null,
    quantity      numeric(38, 18) not null,
    avg_price     numeric(38, 18) not null check (avg_price >= 0),
    realized_pnl  numeric(38, 18) not null,
    fees          numeric(38, 18) not null,
    updated_at    timestamptz     not null,
    constraint positions_owner_symbol unique (user_id, account_id, symbol)
);

-- Every fill applied, as the user's trade history. (broker, fill_id) is unique: whatever event carries a fill,
-- it is applied once.
create table trades (
    id               bigserial       primary key,
    user_id          uuid            not null,
    account_id       uuid            not null,
    broker           text            not null,
    fill_id          text            not null,
    order_id         uuid            not null,
    symbol           text            not null,
    side             text            not null check (side in ('BUY', 'SELL')),
    quantity         numeric(38, 18) not null check (quantity > 0),
    price            numeric(38, 18) not null check (price > 0),
    fee              numeric(38, 18) not null,
    fee_currency     text            not null,
    -- The part of the fill that reduced an open position, and the P&L realized on it (0 for a fill that only opens
    -- or adds): win rate counts reducing fills.
    closed_quantity  numeric(38, 18) not null check (closed_quantity >= 0),
    realized_pnl     numeric(38, 18) not null,
    executed_at      timestamptz     not null,
    event_id         text            not null,
    constraint trades_broker_fill unique (broker, fill_id)
);

create index trades_user_newest on trades (user_id, executed_at desc, id desc);
