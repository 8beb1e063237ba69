-- Contracts carry the terms the payer agreed: the dunning segment, the signature date and where the evidence of
-- the signature is kept; their lifecycle (ACTIVE, SUSPENDED, CANCELLED) with the date and reason of the last change.
-- Kinds: ONE_OFF, INSTALLMENT_PLAN, MONTHLY_FEE. An installment plan may have a down payment (installment number 0).
alter table contract add column segment varchar(60);
alter table contract add column signed_on date;
alter table contract add column evidence_ref varchar(300);
alter table contract add column activated_on date;
alter table contract add column status_reason varchar(300);
alter table contract add column status_changed_on date;
alter table contract add column down_payment numeric(14, 2);
update contract set activated_on = cast(created_at as date) where activated_on is null;
create index installment_by_contract on installment (tenant_id, contract_id);
