#!/usr/bin/env bash
# Stops the cluster started by pg-up.sh.
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
dir=${PG_TEST_DIR:-/tmp/readiness-pg}
run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ -f "$dir/data/postmaster.pid" ] && run "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1
exit 0
