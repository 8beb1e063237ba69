-- Contracts created by the CSV import of existing receivables, by the reference the spreadsheet gave them, so the
-- same contract of the same payer is never imported twice.
create table imported_contract (
    tenant_id    varchar(64) not null references tenant (tenant_id),
    payer_id     uuid not null references payer (id),
    reference    varchar(100) not null,
    contract_id  uuid not null references contract (id),
    imported_at  timestamptz not null,
    primary key (tenant_id, payer_id, reference)
);
