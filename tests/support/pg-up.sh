#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on a free loopback port and prints `export TEST_DATABASE_URL=...`.
# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
dir=${PG_TEST_DIR:-/tmp/readiness-pg}
port=${PG_TEST_PORT:-55432}
run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ -f "$dir/data/postmaster.pid" ]; then run "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; fi
rm -rf "$dir"
mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres "$dir"
run "$bin/initdb" -D "$dir/data" -U readiness --auth=trust >/dev/null
run "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null
run "$bin/createdb" -h 127.0.0.1 -p "$port" -U readiness readiness_test
echo "export TEST_DATABASE_URL=postgres://readiness@127.0.0.1:$port/readiness_test"
