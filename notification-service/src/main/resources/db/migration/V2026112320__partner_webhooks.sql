-- Partner webhooks (Standard Webhooks): endpoints a tenant registers, one delivery per event and endpoint, and
-- every attempt made to deliver it. Signing secrets are stored AES-GCM encrypted, never in clear.
create table webhook_endpoint (
    id                         uuid primary key,
    tenant_id                  varchar(64) not null,
    url                        varchar(2000) not null,
    description                varchar(500),
    event_types                varchar(4000) not null,
    enabled                    boolean not null,
    disabled_reason            varchar(500),
    disabled_at                timestamptz,
    secret_ciphertext          varchar(300) not null,
    previous_secret_ciphertext varchar(300),
    previous_secret_expires_at timestamptz,
    consecutive_failures       int not null default 0,
    failing_since              timestamptz,
    created_at                 timestamptz not null,
    updated_at                 timestamptz not null
);
create index webhook_endpoint_by_tenant on webhook_endpoint (tenant_id);

create table webhook_delivery (
    id              uuid primary key,
    tenant_id       varchar(64) not null,
    endpoint_id     uuid not null references webhook_endpoint (id) on delete cascade,
    event_id        varchar(200) not null,
    event_type      varchar(200) not null,
    body            text not null,
    status          varchar(20) not null,
    attempts        int not null default 0,
    final_attempt   int not null,
    replay_pending  boolean not null default false,
    next_attempt_at timestamptz not null,
    last_attempt_at timestamptz,
    delivered_at    timestamptz,
    created_at      timestamptz not null,
    constraint webhook_delivery_once unique (endpoint_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_by_endpoint on webhook_delivery (tenant_id, endpoint_id, created_at);

create table webhook_attempt (
    id                uuid primary key,
    delivery_id       uuid not null references webhook_delivery (id) on delete cascade,
    tenant_id         varchar(64) not null,
    number            int not null,
    trigger           varchar(20) not null,
    attempted_at      timestamptz not null,
    webhook_timestamp bigint not null,
    status_code       int,
    latency_ms        bigint not null,
    error             varchar(500),
    response_snippet  varchar(1000),
    next_attempt_at   timestamptz
);
create index webhook_attempt_by_delivery on webhook_attempt (delivery_id, number);
