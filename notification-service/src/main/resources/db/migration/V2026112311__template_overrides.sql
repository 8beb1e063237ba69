-- A tenant's own wording for a template on a channel (EMAIL: subject and HTML body; SMS: text), checked on save.
create table template_override (
    tenant_id  varchar(64) not null,
    channel    varchar(20) not null,
    template   varchar(60) not null,
    subject    varchar(300),
    body       text not null,
    updated_at timestamptz not null,
    primary key (tenant_id, channel, template)
);
