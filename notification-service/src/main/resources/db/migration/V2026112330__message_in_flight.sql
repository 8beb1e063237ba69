-- A send in flight toward a provider: claimed and committed before the provider is called (ADR 0010).
-- in_flight_ref travels with the request where the provider echoes it back (WhatsApp biz_opaque_callback_data,
-- Twilio's StatusCallback URL), so a status callback can confirm a send whose answer was never recorded.
alter table message add column in_flight_ref uuid;
alter table message add column in_flight_at timestamptz;
alter table message add column in_flight_provider text;
create unique index message_in_flight_ref on message (in_flight_ref) where in_flight_ref is not null;
