#!/usr/bin/env bash
# `npm test`: every test on a fresh Debian machine — check, lint, unit and component tests (`npm run test:fast`), then
# e2e in Chromium against the built server (`npm run test:e2e`), the PostgreSQL variants included.
# First it installs what is missing — Debian's chromium and qpdf (the PDF tests run `qpdf --check`), and postgresql
# unless TEST_DATABASE_URL names a server — with apt-get when it runs as root or `sudo -n` works; otherwise it prints
# one line saying what to install and exits 1.
# Without TEST_DATABASE_URL it starts a throw-away cluster (tests/support/pg-up.sh) in its own folder on a free port
# (PG_TEST_DIR / PG_TEST_PORT override them) and stops it at the end, whether the tests passed or not.
# With arguments it runs them instead of the whole suite, after the same set-up:
#   bash tests/support/test.sh npx vitest run --project unit tests/lib/server/live.test.ts
set -euo pipefail
cd "$(dirname "$0")/../.."

has_chromium() {
	node --input-type=module -e \
		"import { chromiumPath } from './tests/e2e/chromium-path.js'; process.exit(chromiumPath() ? 0 : 1);"
}
has_postgresql() { compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null; }
has_qpdf() { command -v qpdf >/dev/null; }

missing=()
has_chromium || missing+=(chromium)
has_qpdf || missing+=(qpdf)
[ -n "${TEST_DATABASE_URL:-}" ] || has_postgresql || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" = 0 ]; then
		as_root=()
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
		as_root=(sudo -n)
	else
		echo "npm test: install ${missing[*]} first (sudo apt-get install -y ${missing[*]}), or run it as root or with passwordless sudo so it installs them itself" >&2
		exit 1
	fi
	if ! command -v apt-get >/dev/null; then
		echo "npm test: ${missing[*]} missing and no apt-get to install them with: install Debian's ${missing[*]} packages" >&2
		exit 1
	fi
	echo "npm test: installing ${missing[*]} with apt-get"
	"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ -z "${TEST_DATABASE_URL:-}" ]; then
	# Its own folder and port by default, so a cluster someone else started (pg-up.sh's defaults) is never touched.
	own_dir=
	if [ -z "${PG_TEST_DIR:-}" ]; then
		own_dir=$(mktemp -d /tmp/readiness-pg-test.XXXXXX)
		export PG_TEST_DIR=$own_dir
	fi
	if [ -z "${PG_TEST_PORT:-}" ]; then
		PG_TEST_PORT=$(node -e "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => {
			console.log(s.address().port); s.close(); });")
		export PG_TEST_PORT
	fi
	# Set before the start, so a cluster that started but failed later (createdb) is stopped too.
	trap 'bash tests/support/pg-down.sh; [ -z "$own_dir" ] || rm -rf "$own_dir"' EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	pg_env=$(bash tests/support/pg-up.sh)
	eval "$pg_env"
	echo "npm test: throw-away PostgreSQL on port $PG_TEST_PORT (stopped at the end)"
fi

if [ $# -gt 0 ]; then
	"$@"
else
	npm run test:fast
	npm run test:e2e
fi
