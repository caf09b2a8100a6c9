import type { Handle } from '@sveltejs/kit';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { CSP_DIRECTIVES, serializeCsp } from './csp.js';

/**
 * Headers every response carries, whoever produced it (SvelteKit, the static file server, an error path).
 *
 * - `referrer-policy: same-origin`: result URLs carry the answers and facilitator links a token, so no other
 *   site ever receives a Referer. Not `no-referrer`: under that policy browsers send `Origin: null` on
 *   same-origin POSTs (Fetch spec, "serializing a request origin"), which would fail SvelteKit's and our own
 *   CSRF checks for every legitimate form.
 * - `cross-origin-resource-policy: same-origin`: other sites cannot embed our responses (results, PDFs, CSVs).
 * - HSTS is ignored by browsers over plain HTTP (localhost), so sending it always is safe.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
	'strict-transport-security': 'max-age=63072000; includeSubDomains',
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin',
	'permissions-policy':
		'accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), ' +
		'microphone=(), payment=(), usb=(), browsing-topics=()',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
	'cross-origin-resource-policy': 'same-origin'
});

/** The app's whole policy (`CSP_DIRECTIVES`) as a header, for every response SvelteKit did not give its own. */
export const DEFAULT_CSP = serializeCsp(CSP_DIRECTIVES);

/**
 * For HTML that SvelteKit prerendered: its `<meta http-equiv>` policy carries the script hashes, and a header
 * policy is enforced *as well*, so the header must not restrict scripts; it adds what a meta tag cannot carry.
 */
export const PRERENDERED_HTML_CSP = serializeCsp({
	'frame-ancestors': CSP_DIRECTIVES['frame-ancestors'],
	'object-src': CSP_DIRECTIVES['object-src'],
	'base-uri': CSP_DIRECTIVES['base-uri']
});

/** Sets each security header on `headers` unless the route already chose a value. */
function addMissing(headers: Headers): void {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		if (!headers.has(name)) headers.set(name, value);
	}
	// SvelteKit sets its own policy (with the page's nonce) on pages; everything else gets the default.
	if (!headers.has('content-security-policy')) headers.set('content-security-policy', DEFAULT_CSP);
}

/**
 * SvelteKit `handle`: adds `SECURITY_HEADERS` and, where SvelteKit set none, `DEFAULT_CSP` to every response
 * that passes through `handle` (pages, endpoints, form actions, 404/error pages, in dev and preview too).
 * Responses made outside `handle` — static files and prerendered pages served by adapter-node's sirv, and the
 * few answers SvelteKit gives before `handle` runs (its own CSRF 403, malformed URLs) — are covered by
 * `installNodeSecurityHeaders`.
 */
export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	try {
		addMissing(response.headers);
		return response;
	} catch {
		// A Response from `fetch` has immutable headers: copy it.
		const copy = new Response(response.body, response);
		addMissing(copy.headers);
		return copy;
	}
};

/** Lower-cased header names given to `writeHead` directly (object or flat `[name, value, …]` array form). */
function namesIn(headers: OutgoingHttpHeaders | unknown[] | undefined): Map<string, unknown> {
	const names = new Map<string, unknown>();
	if (Array.isArray(headers)) {
		for (let i = 0; i + 1 < headers.length; i += 2) names.set(String(headers[i]).toLowerCase(), headers[i + 1]);
	} else if (headers) {
		for (const [name, value] of Object.entries(headers)) names.set(name.toLowerCase(), value);
	}
	return names;
}

/**
 * Adds the security headers a Node response does not already carry (set with `setHeader` or passed to
 * `writeHead`): `SECURITY_HEADERS`, and `DEFAULT_CSP` — or `PRERENDERED_HTML_CSP` for HTML without a policy,
 * which can only be a prerendered page whose policy is in its meta tag.
 */
export function fillSecurityHeaders(
	response: ServerResponse,
	writeHeadHeaders?: OutgoingHttpHeaders | unknown[]
): void {
	if (response.headersSent) return;
	const given = namesIn(writeHeadHeaders);
	const has = (name: string) => given.has(name) || response.hasHeader(name);
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		if (!has(name)) response.setHeader(name, value);
	}
	if (!has('content-security-policy')) {
		const type = String(given.get('content-type') ?? response.getHeader('content-type') ?? '');
		const html = /^\s*text\/html\b/i.test(type);
		response.setHeader('content-security-policy', html ? PRERENDERED_HTML_CSP : DEFAULT_CSP);
	}
}

type WriteHead = ServerResponse['writeHead'];
let installed = false;

/**
 * Makes every response of this Node process carry the security headers, including those adapter-node sends
 * without consulting SvelteKit: `/_app/immutable/*` and `static/` files and prerendered pages (sirv), its
 * "Bad Request" answer, and SvelteKit's pre-`handle` answers. It subscribes to Node's documented
 * `http.server.request.start` diagnostics channel, published for each request before the server's `request`
 * listener runs, and wraps that one response's `writeHead` (which Node also calls implicitly on the first
 * `write`/`end`) so missing headers are filled in just before they are sent. Works with `node build/index.js`
 * and with a custom server importing `build/handler.js` alike. Idempotent; call it from `hooks.server.ts`
 * outside dev (Vite's dev server serves its own modules and HMR client, which a strict CSP would break).
 */
export function installNodeSecurityHeaders(): void {
	if (installed) return;
	installed = true;
	subscribe('http.server.request.start', (message) => {
		const { response } = message as { request: IncomingMessage; response: ServerResponse };
		const writeHead = response.writeHead;
		response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
			const headers = args.find((arg) => typeof arg === 'object' && arg !== null) as
				OutgoingHttpHeaders | unknown[] | undefined;
			fillSecurityHeaders(this, headers);
			return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
		} as WriteHead;
	});
}
