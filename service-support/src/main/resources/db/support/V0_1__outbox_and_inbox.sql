-- Shared by every Régua service (each applies it to its own database).
-- Transactional outbox: business state and the event are written in one transaction; a relay publishes the rows.
-- Column names follow Debezium's outbox event router so that a CDC relay could replace the poller without a
-- schema change: aggregatetype is the destination topic, aggregateid the record key, type the CloudEvents type.
create table outbox_event (
    id            uuid primary key,
    seq           bigserial not null,
    aggregatetype varchar(200) not null,
    aggregateid   varchar(200) not null,
    type          varchar(200) not null,
    payload       jsonb not null,
    tenant_id     varchar(64) not null,
    subject       varchar(200),
    occurred_at   timestamptz not null,
    published_at  timestamptz
);
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;

-- Idempotent consumers: the id of every processed message, written in the same transaction as the work it caused.
create table processed_message (
    consumer     varchar(100) not null,
    message_id   varchar(200) not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, message_id)
);
