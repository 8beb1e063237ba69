-- Negativação: one row per registration lifecycle at one bureau, started by dunning's NOTICE command.
create table negativation (
    id                     uuid primary key,
    tenant_id              varchar(64) not null,
    payer_id               uuid not null,
    case_id                varchar(100),
    bureau                 varchar(20) not null,
    state                  varchar(30) not null,
    reason                 varchar(200),
    debtor_name            varchar(200) not null,
    debtor_tax_id          varchar(20) not null,
    debtor_street          varchar(200),
    debtor_number          varchar(20),
    debtor_complement      varchar(100),
    debtor_district        varchar(100),
    debtor_city            varchar(100),
    debtor_state           char(2),
    debtor_postal_code     varchar(10),
    creditor_name          varchar(200),
    creditor_cnpj          varchar(20),
    amount                 numeric(14, 2) not null,
    currency               char(3) not null default 'BRL',
    oldest_due_date        date not null,
    notice_protocol        varchar(100),
    notice_tracking_code   varchar(100),
    notice_sent_at         timestamptz,
    notice_sent_on         date,
    registration_protocol  varchar(100),
    registered_at          timestamptz,
    removal_reason         varchar(30),
    removal_requested_at   timestamptz,
    removal_deadline       date,
    removed_at             timestamptz,
    created_at             timestamptz not null,
    updated_at             timestamptz not null
);
create index negativation_by_payer on negativation (tenant_id, payer_id);

-- The debts (installments) a negativação covers.
create table negativation_debt (
    negativation_id   uuid not null references negativation (id),
    tenant_id         varchar(64) not null,
    installment_id    uuid not null,
    contract_id       varchar(100),
    original_due_date date not null,
    amount            numeric(14, 2) not null,
    primary key (negativation_id, installment_id)
);
create index negativation_debt_by_installment on negativation_debt (tenant_id, installment_id);

-- Every dunning command, once: a redelivered or re-issued command with the same idempotency key does nothing.
create table negativation_command (
    tenant_id        varchar(64) not null,
    idempotency_key  varchar(255) not null,
    action           varchar(20) not null,
    payer_id         uuid not null,
    negativation_id  uuid,
    outcome          varchar(300),
    received_at      timestamptz not null,
    primary key (tenant_id, idempotency_key)
);

-- Calls to make to a bureau: claimed with SKIP LOCKED, retried with backoff until the bureau answers.
create table bureau_attempt (
    id               uuid primary key,
    tenant_id        varchar(64) not null,
    negativation_id  uuid not null references negativation (id),
    operation        varchar(20) not null,
    idempotency_key  varchar(255) not null,
    status           varchar(20) not null,
    attempts         int not null default 0,
    next_attempt_at  timestamptz not null,
    last_error       varchar(500),
    created_at       timestamptz not null,
    completed_at     timestamptz,
    unique (idempotency_key)
);
create index bureau_attempt_due on bureau_attempt (next_attempt_at) where status = 'PENDING';

-- What happened to each negativação, in order (the events it published, plus refused commands).
create table negativation_history (
    id               bigserial primary key,
    negativation_id  uuid not null references negativation (id),
    tenant_id        varchar(64) not null,
    state            varchar(30) not null,
    previous_state   varchar(30),
    reason           varchar(300),
    command_key      varchar(255),
    occurred_at      timestamptz not null
);
create index negativation_history_by_negativation on negativation_history (negativation_id, id);

-- The tenant's negativação policy; absent rows mean the configured defaults.
create table negativation_policy (
    tenant_id                 varchar(64) primary key,
    bureau                    varchar(20) not null,
    minimum_amount            numeric(14, 2) not null,
    notice_wait_days          int not null,
    notice_wait_days_sao_paulo int not null,
    updated_at                timestamptz not null,
    updated_by                varchar(100)
);
