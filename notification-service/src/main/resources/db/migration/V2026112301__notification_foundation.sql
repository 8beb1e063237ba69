-- Every message notification-service was asked to send, deduplicated by the command's idempotency key.
create table message (
    id              uuid primary key,
    tenant_id       varchar(64) not null,
    payer_id        uuid not null,
    installment_id  uuid,
    idempotency_key varchar(300) not null,
    step_code       varchar(60),
    channel         varchar(20) not null,
    template        varchar(60) not null,
    recipient       varchar(254),
    command         text not null,
    status          varchar(20) not null,
    attempts        int not null default 0,
    not_before      timestamptz not null,
    not_after       timestamptz,
    next_attempt_at timestamptz not null,
    last_error      varchar(500),
    created_at      timestamptz not null,
    sent_at         timestamptz,
    constraint message_once unique (tenant_id, idempotency_key)
);
create index message_queued on message (next_attempt_at) where status = 'QUEUED';
create index message_by_payer on message (tenant_id, payer_id);
