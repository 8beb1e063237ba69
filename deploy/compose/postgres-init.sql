-- Runs once, when the postgres container starts with an empty data volume
-- (docker compose down -v starts over). Each service owns one database through a role of the same
-- name; the passwords are the throw-away ones of docker-compose.yml and the dev overlay.
CREATE ROLE billing LOGIN PASSWORD 'billing';
CREATE DATABASE billing OWNER billing;

CREATE ROLE dunning LOGIN PASSWORD 'dunning';
CREATE DATABASE dunning OWNER dunning;

CREATE ROLE notification LOGIN PASSWORD 'notification';
CREATE DATABASE notification OWNER notification;

CREATE ROLE creditcheck LOGIN PASSWORD 'creditcheck';
CREATE DATABASE creditcheck OWNER creditcheck;
