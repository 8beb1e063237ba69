-- Per-tenant régua policies, versioned: a version is never changed; an edit adds the next version.
create table policy (
    tenant_id       varchar(64) not null,
    code            varchar(60) not null,
    current_version int not null,
    active          boolean not null default true,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    primary key (tenant_id, code)
);

create table policy_version (
    tenant_id  varchar(64) not null,
    code       varchar(60) not null,
    version    int not null,
    definition jsonb not null,
    created_by varchar(200) not null,
    created_at timestamptz not null,
    primary key (tenant_id, code, version)
);

-- What the policy choice needs: the contract's kind and segment, the payer's tags and postal identity (bureau
-- commands need the tax id and the address the notice letter goes to), channel consent.
create table contract_fact (
    contract_id uuid primary key,
    tenant_id   varchar(64) not null,
    payer_id    uuid not null,
    kind        varchar(30) not null,
    segment     varchar(60),
    updated_at  timestamptz not null
);
create index contract_fact_by_payer on contract_fact (tenant_id, payer_id);

alter table payer add column tax_id varchar(20);
alter table payer add column whatsapp varchar(20);
alter table payer add column address varchar(1000);
alter table tenant_profile add column state char(2);
alter table payer add column tags varchar(600) not null default '';
alter table payer add column opted_out_channels varchar(60) not null default '';
alter table payer add column whatsapp_opt_in boolean not null default false;
alter table payer add column responsible_name varchar(200);
alter table payer add column responsible_email varchar(254);
alter table payer add column responsible_mobile varchar(20);

alter table installment_fact add column agreement_id uuid;

-- Agreements (acordos) as billing reports them: CREATED, then PAID or BROKEN (never back).
create table agreement_fact (
    agreement_id    uuid primary key,
    tenant_id       varchar(64) not null,
    payer_id        uuid not null,
    contract_id     uuid,
    status          varchar(20) not null,
    original_ids    varchar(4000) not null default '',
    total           numeric(14, 2),
    updated_at      timestamptz not null
);
create index agreement_fact_by_payer on agreement_fact (tenant_id, payer_id);

-- A collection case: one open case per payer, grouping their overdue installments.
create table dunning_case (
    id                  uuid primary key,
    tenant_id           varchar(64) not null,
    payer_id            uuid not null,
    state               varchar(20) not null,
    policy_code         varchar(60) not null,
    policy_version      int not null,
    current_step        varchar(60),
    collector           varchar(200),
    manual_pause        boolean not null default false,
    pause_reason        varchar(300),
    opened_at           timestamptz not null,
    opened_on           date not null,
    closed_at           timestamptz,
    close_reason        varchar(20),
    notice_requested_on date,
    bureau_state        varchar(30),
    bureau_installments varchar(4000),
    protest_state       varchar(30),
    restriction_kind    varchar(40),
    updated_at          timestamptz not null
);
create unique index dunning_case_one_open_per_payer on dunning_case (tenant_id, payer_id) where state <> 'CLOSED';
create index dunning_case_by_tenant on dunning_case (tenant_id, state);

-- Case-level actions (bureau, restriction, handoff, write-off, task) happen once per case and step.
create table case_step (
    case_id     uuid not null,
    step_code   varchar(60) not null,
    tenant_id   varchar(64) not null,
    done_at     timestamptz not null,
    primary key (case_id, step_code)
);

-- The case timeline: everything that happened, once each (dedup_key), in business time.
create table case_event (
    id          uuid primary key,
    tenant_id   varchar(64) not null,
    case_id     uuid not null,
    payer_id    uuid not null,
    occurred_at timestamptz not null,
    kind        varchar(40) not null,
    detail      varchar(1000) not null,
    ref         varchar(300),
    actor       varchar(200) not null,
    dedup_key   varchar(300) not null,
    constraint case_event_once unique (tenant_id, dedup_key)
);
create index case_event_by_case on case_event (tenant_id, case_id, occurred_at);

-- Messages dunning requested, so notification's delivery statuses reach the right case.
create table message_request (
    tenant_id       varchar(64) not null,
    idempotency_key varchar(300) not null,
    case_id         uuid,
    payer_id        uuid not null,
    step_code       varchar(60) not null,
    status          varchar(20) not null,
    updated_at      timestamptz not null,
    primary key (tenant_id, idempotency_key)
);

-- Staff tasks (calls, visits) created by steps; shown on the agenda.
create table staff_task (
    id          uuid primary key,
    tenant_id   varchar(64) not null,
    case_id     uuid not null,
    payer_id    uuid not null,
    step_code   varchar(60) not null,
    kind        varchar(20) not null,
    due_on      date not null,
    assigned_to varchar(200),
    status      varchar(20) not null,
    outcome     varchar(300),
    created_at  timestamptz not null,
    done_at     timestamptz,
    constraint staff_task_once unique (case_id, step_code)
);
create index staff_task_by_tenant on staff_task (tenant_id, status, due_on);

alter table scheduled_step add column policy_code varchar(60);
alter table scheduled_step add column policy_version int;
