-- Payers: WhatsApp number, postal address, per-channel opt-out, WhatsApp opt-in with its evidence, the financially
-- responsible person and tags. payer_version keeps the same columns, so every change keeps the whole replaced version.
alter table payer add column whatsapp varchar(20);
alter table payer add column address_street varchar(200);
alter table payer add column address_number varchar(20);
alter table payer add column address_complement varchar(100);
alter table payer add column address_district varchar(100);
alter table payer add column address_city varchar(100);
alter table payer add column address_state char(2);
alter table payer add column address_postal_code varchar(9);
alter table payer add column opted_out_channels varchar(40) not null default '';
alter table payer add column whatsapp_opt_in_at timestamptz;
alter table payer add column whatsapp_opt_in_how varchar(30);
alter table payer add column whatsapp_opt_in_reference varchar(200);
alter table payer add column responsible_name varchar(200);
alter table payer add column responsible_tax_id varchar(18);
alter table payer add column responsible_email varchar(254);
alter table payer add column responsible_mobile varchar(20);
alter table payer add column tags varchar(1000) not null default '';
-- registration order for the payer list's keyset (a sequence: independent of the business clock, which may travel)
alter table payer add column seq bigserial;
create unique index payer_by_seq on payer (tenant_id, seq);

alter table payer_version add column whatsapp varchar(20);
alter table payer_version add column address_street varchar(200);
alter table payer_version add column address_number varchar(20);
alter table payer_version add column address_complement varchar(100);
alter table payer_version add column address_district varchar(100);
alter table payer_version add column address_city varchar(100);
alter table payer_version add column address_state char(2);
alter table payer_version add column address_postal_code varchar(9);
alter table payer_version add column opted_out_channels varchar(40) not null default '';
alter table payer_version add column whatsapp_opt_in_at timestamptz;
alter table payer_version add column whatsapp_opt_in_how varchar(30);
alter table payer_version add column whatsapp_opt_in_reference varchar(200);
alter table payer_version add column responsible_name varchar(200);
alter table payer_version add column responsible_tax_id varchar(18);
alter table payer_version add column responsible_email varchar(254);
alter table payer_version add column responsible_mobile varchar(20);
alter table payer_version add column tags varchar(1000) not null default '';
