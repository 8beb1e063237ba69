-- Promises to pay: while one is open, the payer's régua waits; kept when nothing is overdue any more, broken when
-- its date plus grace passes unpaid.
create table promise (
    id            uuid primary key,
    tenant_id     varchar(64) not null,
    payer_id      uuid not null,
    promised_date date not null,
    amount        numeric(14, 2) not null,
    grace_days    int not null,
    status        varchar(20) not null,
    created_by    varchar(200) not null,
    created_at    timestamptz not null,
    resolved_at   timestamptz
);
create unique index promise_one_open_per_payer on promise (tenant_id, payer_id) where status = 'OPEN';

-- marks the payer: how many promises they broke
alter table payer add column broken_promises int not null default 0;
