-- Managed credit limits: staff set a payer's limit (with its history); the open plans that consume it come from
-- billing's contract and installment events.
alter table payer_installment add column contract_id varchar(64);
alter table payer_installment add column paid_amount numeric(14, 2) not null default 0;

create table payer_contract (
    contract_id       varchar(64) primary key,
    tenant_id         varchar(64) not null,
    payer_id          uuid not null,
    kind              varchar(20) not null,
    status            varchar(20) not null,
    total             numeric(14, 2) not null,
    installment_count integer not null,
    updated_at        timestamptz not null
);
create index payer_contract_by_payer on payer_contract (tenant_id, payer_id);

create table credit_limit (
    id         uuid primary key,
    tenant_id  varchar(64) not null,
    payer_id   uuid not null,
    amount     numeric(14, 2) not null,
    reason     varchar(300) not null,
    set_by     varchar(200),
    set_at     timestamptz not null,
    version    integer not null default 0,
    unique (tenant_id, payer_id)
);

create table credit_limit_change (
    id              uuid primary key,
    tenant_id       varchar(64) not null,
    payer_id        uuid not null,
    previous_amount numeric(14, 2),
    amount          numeric(14, 2),
    reason          varchar(300) not null,
    changed_by      varchar(200),
    changed_at      timestamptz not null
);
create index credit_limit_change_by_payer on credit_limit_change (tenant_id, payer_id, changed_at);
