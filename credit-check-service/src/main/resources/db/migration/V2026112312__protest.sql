-- Protest at a notary office (Lei 9.492/1997), started by dunning's PROTEST command; cancelled after payment with
-- the creditor's consent (carta de anuência).
create table protest (
    id                     uuid primary key,
    tenant_id              varchar(64) not null,
    payer_id               uuid not null,
    case_id                varchar(100),
    state                  varchar(40) not null,
    reason                 varchar(200),
    debtor_name            varchar(200) not null,
    debtor_tax_id          varchar(20) not null,
    debtor_street          varchar(200),
    debtor_number          varchar(20),
    debtor_district        varchar(100),
    debtor_city            varchar(100),
    debtor_state           char(2),
    debtor_postal_code     varchar(10),
    creditor_name          varchar(200),
    creditor_cnpj          varchar(20),
    amount                 numeric(14, 2) not null,
    oldest_due_date        date not null,
    installment_ids        text not null,
    contract_id            varchar(100),
    notary_office          varchar(200),
    protocol               varchar(100),
    protested_at           timestamptz,
    consent_letter         varchar(100),
    consent_issued_at      timestamptz,
    cancellation_requested boolean not null default false,
    cancelled_at           timestamptz,
    created_at             timestamptz not null,
    updated_at             timestamptz not null
);
create index protest_by_payer on protest (tenant_id, payer_id);

create table protest_history (
    id              bigserial primary key,
    protest_id      uuid not null references protest (id),
    tenant_id       varchar(64) not null,
    state           varchar(40) not null,
    previous_state  varchar(40),
    reason          varchar(300),
    command_key     varchar(255),
    occurred_at     timestamptz not null
);

-- Calls to the notary central (PROTEST, CONSENT, CANCEL), retried from the row like bureau_attempt.
create table protest_attempt (
    id               uuid primary key,
    tenant_id        varchar(64) not null,
    protest_id       uuid not null references protest (id),
    operation        varchar(20) not null,
    idempotency_key  varchar(255) not null unique,
    status           varchar(20) not null,
    attempts         int not null default 0,
    next_attempt_at  timestamptz not null,
    last_error       varchar(500),
    created_at       timestamptz not null,
    completed_at     timestamptz
);
create index protest_attempt_due on protest_attempt (next_attempt_at) where status = 'PENDING';
