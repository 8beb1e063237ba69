-- Channels, consent, contact hours, budget and delivery status (issue 5).

-- A message now walks the command's channels in order (fallback); channel is the one being tried.
alter table message add column channels varchar(100);
alter table message add column channel_index int not null default 0;
alter table message add column provider varchar(20);
alter table message add column provider_message_id varchar(200);
alter table message add column payer_state varchar(2);
alter table message add column delivered_at timestamptz;
alter table message add column read_at timestamptz;
alter table message add column dead_lettered_at timestamptz;
alter table message add column updated_at timestamptz;
update message set channels = channel where channels is null;
alter table message alter column channels set not null;

-- Every status a message went through, per channel, from our own sends and from provider callbacks.
create table message_status_history (
    id                  uuid primary key,
    message_id          uuid not null references message (id),
    tenant_id           varchar(64) not null,
    channel             varchar(20) not null,
    status              varchar(20) not null,
    provider            varchar(20),
    provider_message_id varchar(200),
    detail              varchar(500),
    cost                numeric(12, 4),
    occurred_at         timestamptz not null,
    recorded_at         timestamptz not null
);
create index message_status_history_by_message on message_status_history (message_id, recorded_at);
create index message_status_history_by_provider_id on message_status_history (provider, provider_message_id)
    where provider_message_id is not null;
create index message_status_history_spend on message_status_history (tenant_id, channel, occurred_at)
    where cost is not null;

-- A tenant's provider and sender identity per channel; secrets encrypted (AES-GCM), never returned.
create table provider_config (
    tenant_id          varchar(64) not null,
    channel            varchar(20) not null,
    provider           varchar(20) not null,
    sender             varchar(120) not null,
    account_id         varchar(120),
    secrets_ciphertext text,
    monthly_budget     numeric(12, 2),
    unit_cost          numeric(12, 4) not null default 0,
    whatsapp_language  varchar(10),
    whatsapp_templates text,
    updated_at         timestamptz not null,
    primary key (tenant_id, channel)
);

-- Read model of billing's payer events: contact points and consent, honoured at send time.
create table payer_contact (
    tenant_id                varchar(64) not null,
    payer_id                 uuid not null,
    email                    varchar(254),
    mobile                   varchar(30),
    whatsapp                 varchar(30),
    state                    varchar(2),
    opted_out_channels       varchar(60) not null default '',
    whatsapp_opt_in          boolean not null default false,
    whatsapp_opt_in_at       timestamptz,
    whatsapp_opt_in_evidence varchar(300),
    updated_at               timestamptz not null,
    primary key (tenant_id, payer_id)
);
