-- The punctuality discount (desconto de pontualidade) billing now carries on every installment event
-- (ChargeTermsView.punctualityDiscountPercent / punctualityDiscountUntil): kept on the fact so that the amount a
-- reminder shows on or before the discount's last day is the discounted one, as billing's quote says.
alter table installment_fact
    add column punctuality_discount_percent numeric(7, 4),
    add column punctuality_discount_until date;
