#!/bin/sh
# Generates the local stack's passwords, event seal key and signing key into the secrets volume, once: each consumer reads only
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
if [ ! -f signing/signing-key.pem ]; then
  # the key evidence packs and signed digests are signed with (docs/decisions/0024): RSA, PEM, PKCS #8
  mkdir -p signing
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out signing/signing-key.pem
  chown -R 10001:10001 signing
fi
