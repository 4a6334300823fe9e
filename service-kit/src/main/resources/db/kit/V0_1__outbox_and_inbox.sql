-- Transactional outbox: an event is written in the same transaction as the state it describes, then relayed to
-- Kafka by OutboxRelay. Rows are deleted once Kafka has acknowledged them.
create table outbox (
    id          bigserial primary key,
    event_id    uuid        not null unique,
    topic       text        not null,
    record_key  text        not null,
    event_type  text        not null,
    subject     text,
    payload     text        not null,
    created_at  timestamptz not null default now()
);

-- Idempotent consumers: an event id is applied at most once per consumer, in the transaction of its effect.
create table inbox (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
