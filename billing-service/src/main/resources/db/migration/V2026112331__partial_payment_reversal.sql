-- A payment can be reversed in part (estorno parcial): reversed_amount is what its reversals took back so far
-- (the whole amount once reversed_on is set). A partly undone allocation is marked reversed and its kept part
-- applied again as a new allocation row with the original's date and creation time.
alter table payment add column reversed_amount numeric(14, 2) not null default 0;
update payment set reversed_amount = amount where reversed_on is not null;
alter table payment add constraint payment_reversed_amount_within check (reversed_amount >= 0 and reversed_amount <= amount);
