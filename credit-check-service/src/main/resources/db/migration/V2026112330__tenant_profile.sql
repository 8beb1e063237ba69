-- The tenant as billing describes it (tenant-profile.updated): its time zone and the place whose bank calendar its
-- dates follow. The whole event is kept, so the calendar is rebuilt exactly as billing builds it.
create table tenant_profile (
    tenant_id      varchar(64) primary key,
    legal_name     varchar(200),
    time_zone      varchar(64) not null,
    state          char(2),
    city_ibge_code varchar(7),
    profile        text not null,
    updated_at     timestamptz not null
);
