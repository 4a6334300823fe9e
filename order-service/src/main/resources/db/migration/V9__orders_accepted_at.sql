-- When the order was accepted (null for orders accepted before this column, and for those never accepted): the start
-- of the fill latency (tradeplex.orders.fill.latency). No new policy: the orders policies cover the new column.
alter table orders add column accepted_at timestamptz;
