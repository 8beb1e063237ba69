-- Read model of billing's TenantProfileUpdated: the creditor's identity every message must show (CDC art. 42-A).
create table tenant_profile (
    tenant_id   text primary key,
    legal_name  text not null,
    trade_name  text,
    cnpj        text not null,
    address     text not null,
    state       text,
    time_zone   text,
    updated_at  timestamptz not null
);
