-- A payment belongs to a payer and may be spread over several installments (payment_allocation); what is not
-- allocated is the payer's credit, consumed by later installments and payments. A reversed payment (estorno)
-- keeps its row with the date and reason; its allocations are marked reversed and no longer count.
alter table payment add column payer_id uuid references payer (id);
update payment p set payer_id = i.payer_id from installment i where i.id = p.installment_id;
alter table payment alter column payer_id set not null;
alter table payment alter column installment_id drop not null;
alter table payment add column reversed_on date;
alter table payment add column reversal_reason varchar(300);
create index payment_by_payer on payment (tenant_id, payer_id, paid_on);

create table payment_allocation (
    id             uuid primary key,
    tenant_id      varchar(64) not null references tenant (tenant_id),
    payment_id     uuid not null references payment (id),
    installment_id uuid not null references installment (id),
    amount         numeric(14, 2) not null check (amount > 0),
    applied_on     date not null,
    reversed       boolean not null default false,
    created_at     timestamptz not null
);
create index payment_allocation_by_payment on payment_allocation (tenant_id, payment_id);
create index payment_allocation_by_installment on payment_allocation (tenant_id, installment_id);
insert into payment_allocation (id, tenant_id, payment_id, installment_id, amount, applied_on, reversed, created_at)
select gen_random_uuid(), tenant_id, id, installment_id, amount, paid_on, false, created_at from payment;
