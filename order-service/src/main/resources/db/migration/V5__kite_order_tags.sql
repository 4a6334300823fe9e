-- Kite postbacks name our order only by the tag we gave Kite: the first 20 hex digits of the order id without its
-- dashes (broker/kite/KiteTag). This index serves that one lookup, which runs before the user is known, so it cannot
-- start with user_id; it reads through the existing read-only bypass policy orders_system_read (V2), so no new
-- policy is needed. The expression must stay exactly as KiteOrders queries it.
create index orders_kite_tag on orders ((left(replace(cast(id as text), '-', ''), 20))) where broker = 'kite';
