-- What each user holds and has working, per account and symbol. Kept in step with every change of an order in the
-- same transaction (risk.ExposureLedger), so the pre-trade exposure check reads a few rows instead of summing the
-- user's whole order history on every order.
create table exposures (
    user_id    uuid            not null,
    account_id uuid            not null,
    symbol     text            not null,
    -- filled, signed: negative is short
    position   numeric(38, 18) not null default 0,
    -- what open orders may still fill on each side
    open_buy   numeric(38, 18) not null default 0 check (open_buy >= 0),
    open_sell  numeric(38, 18) not null default 0 check (open_sell >= 0),
    primary key (user_id, account_id, symbol)
);

alter table exposures enable row level security;
alter table exposures force row level security;
create policy exposures_of_current_user on exposures
    using (user_id = nullif(current_setting('app.user_id', true), '')::uuid)
    with check (user_id = nullif(current_setting('app.user_id', true), '')::uuid);

-- Existing orders, summed once. FORCE binds the owner too, so it is lifted for this one statement's tables.
alter table orders no force row level security;
alter table exposures no force row level security;
insert into exposures (user_id, account_id, symbol, position, open_buy, open_sell)
select user_id, account_id, symbol,
       coalesce(sum(case when side = 'BUY' then filled_quantity else -filled_quantity end), 0),
       coalesce(sum(case when status in ('PENDING', 'ACCEPTED', 'PARTIALLY_FILLED') and side = 'BUY'
                         then quantity - filled_quantity else 0 end), 0),
       coalesce(sum(case when status in ('PENDING', 'ACCEPTED', 'PARTIALLY_FILLED') and side = 'SELL'
                         then quantity - filled_quantity else 0 end), 0)
  from orders
 group by user_id, account_id, symbol;
alter table orders force row level security;
alter table exposures force row level security;
