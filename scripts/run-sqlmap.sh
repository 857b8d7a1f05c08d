#!/usr/bin/env bash
# SQL-injection probe of the API with Debian's sqlmap, through the NGINX edge and directly;
# see scripts/run-sqlmap.ts. Takes several minutes. Exit 1: sqlmap found an injectable parameter.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in sqlmap nginx openssl; do
  command -v "$tool" >/dev/null || { echo "run-sqlmap: $tool is missing (apt-get install sqlmap nginx libnginx-mod-http-modsecurity modsecurity-crs openssl)" >&2; exit 2; }
done
exec node --import tsx scripts/run-sqlmap.ts "$@"
