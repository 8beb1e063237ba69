-- The tenant's place for the bank calendar (state holidays from the built-in table, city holidays it lists),
-- its default punctuality discount and where the remainder cents of a plan go.
alter table tenant add column holiday_state char(2);
alter table tenant add column holiday_city varchar(100);
alter table tenant add column city_ibge_code varchar(7);
alter table tenant add column punctuality_discount_percent numeric(5, 2);
alter table tenant add column punctuality_discount_days int;
alter table tenant add column remainder_policy varchar(5) not null default 'FIRST';

create table tenant_holiday (
    id         uuid primary key,
    tenant_id  varchar(64) not null references tenant (tenant_id),
    month_day  char(5),
    on_date    date,
    name       varchar(100) not null,
    constraint tenant_holiday_one_kind check ((month_day is null) <> (on_date is null))
);
create index tenant_holiday_by_tenant on tenant_holiday (tenant_id);
