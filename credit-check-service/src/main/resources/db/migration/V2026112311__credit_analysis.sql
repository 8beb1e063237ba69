-- Payers as billing registered them: lets an analysis by CPF/CNPJ find the payer's own history.
create table payer_profile (
    tenant_id   varchar(64) not null,
    payer_id    uuid not null,
    tax_id      varchar(20) not null,
    name        varchar(200),
    state       char(2),
    updated_at  timestamptz not null,
    primary key (tenant_id, payer_id)
);
create index payer_profile_by_tax_id on payer_profile (tenant_id, tax_id);

-- Renegotiation agreements (acordos) of each payer: CREATED, PAID or BROKEN.
create table payer_agreement (
    agreement_id uuid primary key,
    tenant_id    varchar(64) not null,
    payer_id     uuid not null,
    status       varchar(20) not null,
    created_on   date,
    updated_at   timestamptz not null
);
create index payer_agreement_by_payer on payer_agreement (tenant_id, payer_id);

-- The tenant's credit-analysis thresholds; absent rows mean the configured defaults.
create table credit_policy (
    tenant_id                 varchar(64) primary key,
    deny_below_score          int not null,
    review_below_score        int not null,
    max_restricted_amount     numeric(14, 2) not null,
    max_overdue_with_tenant   numeric(14, 2) not null,
    min_on_time_share         numeric(5, 4) not null,
    max_installments          int not null,
    limit_per_thousand_score  numeric(14, 2) not null,
    updated_at                timestamptz not null,
    updated_by                varchar(100)
);

-- Bureau answers kept for a while per tenant (never shared between tenants).
create table bureau_report_cache (
    tenant_id          varchar(64) not null,
    bureau             varchar(20) not null,
    tax_id             varchar(20) not null,
    score              int not null,
    restrictions       int not null,
    restricted_amount  numeric(14, 2) not null,
    fetched_at         timestamptz not null,
    primary key (tenant_id, bureau, tax_id)
);

-- LGPD: every consultation of a person's credit data, who asked, when and why.
create table credit_consultation (
    id            uuid primary key,
    tenant_id     varchar(64) not null,
    tax_id        varchar(20) not null,
    bureau        varchar(20) not null,
    source        varchar(20) not null,
    purpose       varchar(40) not null,
    requested_by  varchar(100) not null,
    analysis_id   uuid,
    consulted_at  timestamptz not null
);
create index credit_consultation_by_tenant on credit_consultation (tenant_id, consulted_at);

create table credit_analysis (
    id                     uuid primary key,
    tenant_id              varchar(64) not null,
    payer_id               uuid,
    tax_id                 varchar(20) not null,
    amount                 numeric(14, 2) not null,
    installments           int not null,
    purpose                varchar(40) not null,
    decision               varchar(30) not null,
    approved_limit         numeric(14, 2) not null,
    reasons                text not null,
    bureau                 varchar(20) not null,
    score                  int,
    restricted_amount      numeric(14, 2),
    amount_overdue         numeric(14, 2) not null,
    on_time_share          numeric(5, 4),
    broken_agreements      int not null,
    requested_by           varchar(100) not null,
    decided_at             timestamptz not null
);
create index credit_analysis_by_tenant on credit_analysis (tenant_id, decided_at);
