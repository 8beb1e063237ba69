-- The desconto de pontualidade reaches contracts and installments: a contract keeps its rule (percent off when paid
-- up to N days before each due date), each installment the percent and its own last day. Null: no discount.
alter table contract add column punctuality_discount_percent numeric(5, 2);
alter table contract add column punctuality_discount_days int;
alter table installment add column punctuality_discount_percent numeric(5, 2);
alter table installment add column punctuality_discount_until date;
alter table contract add constraint contract_punctuality_discount_complete
    check ((punctuality_discount_percent is null) = (punctuality_discount_days is null));
alter table installment add constraint installment_punctuality_discount_complete
    check ((punctuality_discount_percent is null) = (punctuality_discount_until is null));
