-- Billing owns what is owed: the tenant's creditor profile and charge defaults, payers, contracts, installments, payments.
create table tenant (
    tenant_id                varchar(64) primary key,
    legal_name               varchar(200) not null,
    trade_name               varchar(200),
    cnpj                     varchar(18) not null,
    street                   varchar(200) not null,
    number                   varchar(20) not null,
    complement               varchar(100),
    district                 varchar(100),
    city                     varchar(100) not null,
    state                    char(2) not null,
    postal_code              varchar(9),
    time_zone                varchar(64) not null,
    vertical                 varchar(20) not null,
    fine_percent             numeric(5, 2) not null,
    monthly_interest_percent numeric(6, 3) not null,
    grace_days               int not null,
    due_lead_days            int not null,
    swept_through            date,
    updated_at               timestamptz not null
);

create table payer (
    id          uuid primary key,
    tenant_id   varchar(64) not null references tenant (tenant_id),
    name        varchar(200) not null,
    tax_id      varchar(18) not null,
    email       varchar(254),
    mobile      varchar(20),
    state       char(2) not null,
    created_at  timestamptz not null,
    constraint payer_tax_id_unique unique (tenant_id, tax_id)
);

create table contract (
    id                       uuid primary key,
    tenant_id                varchar(64) not null references tenant (tenant_id),
    payer_id                 uuid not null references payer (id),
    kind                     varchar(20) not null,
    description              varchar(300),
    total_amount             numeric(14, 2) not null,
    currency                 char(3) not null,
    installment_count        int not null,
    fine_percent             numeric(5, 2) not null,
    monthly_interest_percent numeric(6, 3) not null,
    grace_days               int not null,
    status                   varchar(20) not null,
    created_at               timestamptz not null
);
create index contract_by_payer on contract (tenant_id, payer_id);

create table installment (
    id                uuid primary key,
    tenant_id         varchar(64) not null references tenant (tenant_id),
    contract_id       uuid not null references contract (id),
    payer_id          uuid not null references payer (id),
    number            int not null,
    count             int not null,
    nominal           numeric(14, 2) not null,
    currency          char(3) not null,
    original_due_date date not null,
    due_date          date not null,
    fine_percent      numeric(5, 2) not null,
    monthly_interest_percent numeric(6, 3) not null,
    grace_days        int not null,
    status            varchar(20) not null,
    paid_amount       numeric(14, 2) not null default 0,
    paid_on           date,
    updated_at        timestamptz not null,
    constraint installment_number_unique unique (contract_id, number)
);
create index installment_open_by_due_date on installment (tenant_id, due_date, id) where status in ('OPEN', 'DUE', 'PARTIALLY_PAID');
create index installment_by_payer on installment (tenant_id, payer_id);

create table payment (
    id             uuid primary key,
    tenant_id      varchar(64) not null references tenant (tenant_id),
    installment_id uuid not null references installment (id),
    amount         numeric(14, 2) not null,
    currency       char(3) not null,
    method         varchar(20) not null,
    external_id    varchar(100) not null,
    paid_on        date not null,
    created_at     timestamptz not null,
    constraint payment_external_id_unique unique (tenant_id, method, external_id)
);
