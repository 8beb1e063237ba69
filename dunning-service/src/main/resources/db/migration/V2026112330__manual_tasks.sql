-- Staff create calls and visits on a case by hand, not only through a step: what the task is for and who asked.
-- A manual task's step_code is 'manual-<uuid>', so the (case_id, step_code) uniqueness of step tasks still holds.
alter table staff_task add column note varchar(500);
alter table staff_task add column created_by varchar(200);
