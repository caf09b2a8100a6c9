#!/usr/bin/env bash
# `npm run test:fast`: everything but e2e. The type check and the lint share one `svelte-kit sync` and run side by
# side (each is mostly one core), then the unit and component tests take both cores. The outputs are printed whole,
# one after the other; the first that failed decides the exit code, and the tests do not run after a failure.
set -uo pipefail
cd "$(dirname "$0")/../.."

npx svelte-kit sync || exit 1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
npm run --silent typecheck >"$out/typecheck" 2>&1 &
typecheck=$!
npm run --silent lint:files >"$out/lint" 2>&1 &
lint=$!
wait "$typecheck"
typecheck_status=$?
wait "$lint"
lint_status=$?
echo '> typecheck (svelte-check)'
cat "$out/typecheck"
echo '> lint (prettier, eslint, knip)'
cat "$out/lint"
failed=()
[ "$typecheck_status" -eq 0 ] || failed+=('the type check')
[ "$lint_status" -eq 0 ] || failed+=('the lint')
if [ ${#failed[@]} -gt 0 ]; then
	echo "test:fast: $(IFS=/; echo "${failed[*]}" | sed 's|/| and |') failed; the unit and component tests were not run" >&2
	exit 1
fi
exec npx vitest run --project unit --project component
