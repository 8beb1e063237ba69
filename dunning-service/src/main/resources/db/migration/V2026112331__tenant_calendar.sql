-- The tenant's bank calendar as billing's tenant-profile.updated now carries it: the state whose holidays count
-- and the city holidays the tenant listed (JSON array of {monthDay, date, name}). Business-day offsets of a policy
-- count with this calendar.
alter table tenant_profile add column calendar_state varchar(2);
alter table tenant_profile add column city_holidays text;
