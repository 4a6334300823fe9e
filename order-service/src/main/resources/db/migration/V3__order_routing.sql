-- Where an order stands with its broker, apart from its status: whether the request left, whether the broker
-- answered, and the broker's own id for it. An order whose request may have left without an answer coming back is
-- uncertain: it is looked up at the broker (reconciliation), never sent again blindly.
--   NOT_SENT   accepted here, nothing has left yet (the paper broker's orders, which never leave, skip SENDING)
--   SENDING    written just before the request leaves: after a crash it means "may or may not be at the broker"
--   UNKNOWN    sent, and the answer was lost (no answer, a 5xx, Binance -1007)
--   CONFIRMED  the broker answered or reported a fill
alter table orders add column routing text not null default 'NOT_SENT'
    check (routing in ('NOT_SENT', 'SENDING', 'UNKNOWN', 'CONFIRMED'));
alter table orders add column broker_order_id text;
-- When SENDING was written (the request leaves after it, possibly after waiting for rate limits), then when the lost
-- answer came back (UNKNOWN: the request was signed before it). A broker that drops requests older than a window
-- (Binance's recvWindow) can then be believed when it says it has no such order.
alter table orders add column routed_at timestamptz;

-- Orders from before this column: an open order at a broker outside this service was sent and never looked at
-- again, so it is looked up once; everything else is settled.
alter table orders no force row level security;
update orders set routing = case
    when status = 'PENDING' then 'NOT_SENT'
    when status in ('ACCEPTED', 'PARTIALLY_FILLED') and broker <> 'paper' then 'UNKNOWN'
    else 'CONFIRMED' end;
alter table orders force row level security;

-- The uncertain orders of one user (checked before each new order of theirs) and of everyone (the sweep).
create index orders_uncertain on orders (user_id) where routing in ('SENDING', 'UNKNOWN');

-- No new policy: the reconciliation reads across users through V2's read-only orders_system_read, and every change
-- it makes runs as the order's user.
