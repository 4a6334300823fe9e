-- The outbound route an operator pins for a broker account (Kite accepts orders only from whitelisted static IPs): an
-- outbound proxy and/or the local source address order-service connects from. Both null: the default route.
alter table broker_accounts
    add column egress_proxy          text check (egress_proxy ~ '^(http|socks5)://'),
    add column egress_source_address text;
