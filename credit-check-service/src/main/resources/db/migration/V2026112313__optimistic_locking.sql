-- A command, a billing settlement and a bureau answer may touch the same negativação or protest at once: the
-- version column makes the later writer fail and retry (consumers retry in place, attempts after their lease).
alter table negativation add column version int not null default 0;
alter table protest add column version int not null default 0;
