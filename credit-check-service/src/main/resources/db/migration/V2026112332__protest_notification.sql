-- Protest follows the notary's flow: the title is registered and the debtor notified (apontamento, intimação),
-- the debtor may pay until the third business day after it, then the title is protested.
alter table protest add column notified_on date;
alter table protest add column payment_deadline date;
alter table protest add column protested_on date;
