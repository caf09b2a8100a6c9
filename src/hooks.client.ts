import type { ClientInit, HandleClientError } from '@sveltejs/kit';

/**
 * zod, loaded on demand in the browser (the result page's importers, the custom benchmark), probes for `eval` with
 * `new Function('')` to compile faster parsers. The pages' Content-Security-Policy forbids eval, so the probe fails
 * and the browser logs a CSP violation on every page that parses anything (Lighthouse counts it against best
 * practices). Run without, zod never probes; parsing is the same, only not compiled.
 *
 * The setting goes where zod reads its configuration, `globalThis.__zod_globalConfig` (what `z.config()` writes;
 * zod keeps an object it finds there), so that zod itself stays out of every page's first load.
 * tests/lib/zod-jitless.test.ts checks that the installed zod honours it.
 */
export function zodWithoutEval(): void {
	const scope = globalThis as { __zod_globalConfig?: Record<string, unknown> };
	scope.__zod_globalConfig = Object.assign(scope.__zod_globalConfig ?? {}, { jitless: true });
}

export const init: ClientInit = () => {
	zodWithoutEval();
};

/**
 * Errors met in the browser get the same `{ error, message }` as the server's. SvelteKit raises only two here: an
 * address no route matches (404) and a failed load (500) — so not `errorCodeForStatus`, which would add its whole
 * table to every page's first load.
 */
export const handleError: HandleClientError = ({ status, message }) => ({
	error: status === 404 ? 'not_found' : 'server_error',
	message
});
