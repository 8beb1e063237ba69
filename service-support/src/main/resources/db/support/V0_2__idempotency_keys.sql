-- Idempotency-Key on POST: the first response for a (tenant, key) is stored in the same transaction as the work
-- it answers; the same key with the same request replays it, with a different request is refused (422).
create table idempotency_record (
    tenant_id       varchar(64) not null,
    idempotency_key varchar(255) not null,
    fingerprint     varchar(64) not null,
    status          int,
    location        varchar(500),
    body            text,
    created_at      timestamptz not null default now(),
    primary key (tenant_id, idempotency_key)
);
