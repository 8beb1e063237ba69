-- Every change to a payer keeps the version it replaced: who changed it, when, and what it was.
create table payer_version (
    id          uuid primary key,
    tenant_id   varchar(64) not null,
    payer_id    uuid not null references payer (id),
    name        varchar(200) not null,
    email       varchar(254),
    mobile      varchar(20),
    state       char(2) not null,
    replaced_at timestamptz not null,
    replaced_by varchar(200) not null
);
create index payer_version_by_payer on payer_version (tenant_id, payer_id, replaced_at);
