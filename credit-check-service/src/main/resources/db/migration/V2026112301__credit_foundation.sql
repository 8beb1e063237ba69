-- The payer's own history with the tenant, built from billing's events; credit analysis reads it.
create table payer_installment (
    installment_id uuid primary key,
    tenant_id      varchar(64) not null,
    payer_id       uuid not null,
    nominal        numeric(14, 2) not null,
    due_date       date not null,
    status         varchar(20) not null,
    overdue_since  date,
    paid_on        date,
    updated_at     timestamptz not null
);
create index payer_installment_by_payer on payer_installment (tenant_id, payer_id);
