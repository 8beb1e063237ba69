#!/usr/bin/env bash
# Healthcheck for containers that have bash but maybe no curl or wget (Keycloak's image has neither):
#   http-ok.sh PORT PATH
# exits 0 when GET http://127.0.0.1:PORT/PATH answers 200.
set -eu
exec 3<>"/dev/tcp/127.0.0.1/$1"
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$2" >&3
IFS= read -r status <&3
case "$status" in
  *" 200 "*) exit 0 ;;
  *) exit 1 ;;
esac
