#!/bin/sh
# Packs the built app into DIR the way the container image holds it: only the build output, the migrations, the
# shipped lenses (the default LENS_DIR), package.json, the lock file and the production dependencies
# (`npm ci --omit=dev`). Run `npm run build` first.
# The Dockerfile runs exactly `npm run build` then this script; tests/e2e/artifact.e2e.ts runs this script on the
# build the e2e suite just made and starts DIR the way the Dockerfile's final stage does. Anything the running app
# needs that sits in devDependencies is missing from DIR, and that test fails.
set -eu
if [ $# -ne 1 ]; then
	echo "usage: sh scripts/pack.sh DIR  (after npm run build)" >&2
	exit 2
fi
out=$1
cd "$(dirname "$0")/.."
if [ ! -f build/server-entry.js ]; then
	echo "pack: no build/server-entry.js: run npm run build first" >&2
	exit 1
fi
rm -rf "$out"
mkdir -p "$out"
cp -R build drizzle lenses package.json package-lock.json "$out"/
cd "$out"
# --ignore-scripts: no install script of any dependency runs (none is needed; the root `prepare` is a dev step).
npm ci --omit=dev --ignore-scripts --prefer-offline --no-audit --no-fund --loglevel=error
