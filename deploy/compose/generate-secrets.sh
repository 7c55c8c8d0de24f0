#!/bin/sh
# Generates the local stack's passwords and event seal key into the secrets volume, once: each consumer reads only
# its own folder. Spring Boot reads app/ and owner/ as a config tree (a file per property).
set -eu
umask 077
random() { head -c 32 /dev/urandom | base64 | tr -d '/+=\n' | head -c 32; }
cd /secrets
if [ ! -f postgres/superuser-password ]; then
  mkdir -p postgres app owner event-seal
  random > postgres/superuser-password
  random > owner/spring.flyway.password
  random > app/spring.datasource.password
  head -c 32 /dev/urandom | base64 > event-seal/local.key
  # the role passwords, for the database's initialisation script
  cp owner/spring.flyway.password postgres/ics-owner-password
  cp app/spring.datasource.password postgres/ics-app-password
  # PostgreSQL runs as uid 999, the service as 10001 (docker/Dockerfile)
  chown -R 999:999 postgres
  chown -R 10001:10001 app owner event-seal
fi
