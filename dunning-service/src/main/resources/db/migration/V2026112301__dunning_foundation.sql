-- Dunning's own read model of billing's facts (recomputed on every event) and its schedule of future work.
create table tenant_profile (
    tenant_id    varchar(64) primary key,
    legal_name   varchar(200) not null,
    trade_name   varchar(200),
    cnpj         varchar(18) not null,
    address_line varchar(400) not null,
    time_zone    varchar(64) not null,
    vertical     varchar(20) not null,
    updated_at   timestamptz not null
);

create table payer (
    payer_id   uuid primary key,
    tenant_id  varchar(64) not null,
    name       varchar(200) not null,
    email      varchar(254),
    mobile     varchar(20),
    state      char(2),
    updated_at timestamptz not null
);
create index payer_by_tenant on payer (tenant_id, payer_id);

create table installment_fact (
    installment_id           uuid primary key,
    tenant_id                varchar(64) not null,
    payer_id                 uuid not null,
    contract_id              uuid not null,
    number                   int not null,
    count                    int not null,
    nominal                  numeric(14, 2) not null,
    original_due_date        date not null,
    due_date                 date not null,
    fine_percent             numeric(5, 2) not null,
    monthly_interest_percent numeric(6, 3) not null,
    grace_days               int not null,
    status                   varchar(20) not null,
    paid_amount              numeric(14, 2) not null default 0,
    overdue_since            date,
    paid_on                  date,
    updated_at               timestamptz not null
);
create index installment_fact_by_payer on installment_fact (tenant_id, payer_id);

-- Future work as rows with an effective time in the tenant's local time, never timers in memory.
-- Each (installment, step) exists once, so it executes at most once.
create table scheduled_step (
    id              uuid primary key,
    tenant_id       varchar(64) not null,
    payer_id        uuid not null,
    installment_id  uuid not null,
    step_code       varchar(60) not null,
    effective_local timestamp not null,
    not_after_local timestamp,
    status          varchar(20) not null,
    outcome         varchar(300),
    created_at      timestamptz not null,
    executed_at     timestamptz,
    constraint scheduled_step_once unique (tenant_id, installment_id, step_code)
);
create index scheduled_step_pending on scheduled_step (effective_local) where status = 'PENDING';
create index scheduled_step_by_payer on scheduled_step (tenant_id, payer_id);
