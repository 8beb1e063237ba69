-- Recurring monthly fees (mensalidades): the due day and the months they run; installments are generated ahead
-- over a rolling horizon. installment_count is 0 for an open-ended fee.
alter table contract add column due_day int;
alter table contract add column start_month date;
alter table contract add column end_month date;
alter table contract add column generated_through date;
create index contract_monthly_fee on contract (tenant_id, id) where kind = 'MONTHLY_FEE' and status = 'ACTIVE';
