#!/bin/sh
# PostgreSQL's first start (docker-entrypoint-initdb.d): the schema's owner and the application's role, and the
# database the owner owns (docs/operations/database-roles.md). The migrate command grants the
# application's role its privileges after migrating (ICS_DATABASE_APP_ROLE).
set -eu
owner_password=$(cat "$ICS_SECRETS/postgres/ics-owner-password")
app_password=$(cat "$ICS_SECRETS/postgres/ics-app-password")
psql -v ON_ERROR_STOP=1 --username postgres --dbname postgres \
  -v owner_password="$owner_password" -v app_password="$app_password" <<'SQL'
CREATE ROLE ics_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE ics_app LOGIN PASSWORD :'app_password';
CREATE DATABASE ics_transition OWNER ics_owner;
SQL
