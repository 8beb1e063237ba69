-- Renegotiation (acordo): the tenant's policy, each agreement with the overdue installments it replaced, and the
-- plan (an INSTALLMENT_PLAN contract whose installment 0 is the down payment) that replaces them.
create table renegotiation_policy (
    tenant_id                 varchar(64) primary key references tenant (tenant_id),
    max_installments          int not null,
    min_down_payment_percent  numeric(5, 2) not null,
    fine_discount_percent     numeric(5, 2) not null,
    interest_discount_percent numeric(5, 2) not null,
    down_payment_days         int not null,
    updated_at                timestamptz not null
);

create table agreement (
    id                     uuid primary key,
    tenant_id              varchar(64) not null references tenant (tenant_id),
    payer_id               uuid not null references payer (id),
    contract_id            uuid not null references contract (id),
    status                 varchar(20) not null,
    original_debt          numeric(14, 2) not null,
    discount               numeric(14, 2) not null,
    total                  numeric(14, 2) not null,
    down_payment           numeric(14, 2) not null,
    installment_count      int not null,
    down_payment_deadline  date not null,
    down_payment_confirmed boolean not null default false,
    created_on             date not null,
    closed_on              date,
    created_at             timestamptz not null,
    constraint agreement_contract_unique unique (tenant_id, contract_id)
);
create index agreement_to_check on agreement (tenant_id, down_payment_deadline, id)
    where status = 'ACTIVE' and not down_payment_confirmed;
create index agreement_by_payer on agreement (tenant_id, payer_id);

create table agreement_original (
    agreement_id   uuid not null references agreement (id),
    tenant_id      varchar(64) not null,
    installment_id uuid not null references installment (id),
    primary key (agreement_id, installment_id)
);
