import { text, type Handle } from '@sveltejs/kit';
import { errorResponse } from './errors';

/** Methods that never change state; every other method is checked. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What the browser (or client) told us about where a request comes from. */
export interface RequestProvenance {
	method: string;
	/** The `Origin` header, or null when absent. */
	origin: string | null;
	/** The `Sec-Fetch-Site` header, or null when absent. */
	secFetchSite: string | null;
	/** The app's own origin (`event.url.origin`: from `ORIGIN` under adapter-node). */
	appOrigin: string;
}

/** The outcome of `csrfDecision`: allowed, or refused with the reason shown to the client. */
export type CsrfDecision = { allowed: true } | { allowed: false; reason: string };

/**
 * Decides whether a request may change state. SvelteKit's own check (`kit.csrf`) only covers form content
 * types; this one covers every method other than GET/HEAD/OPTIONS, whatever the content type or path:
 *
 * - `Sec-Fetch-Site` (set by browsers, unforgeable by pages) other than `same-origin` or `none` → refused;
 *   `same-site` is refused too, so a sibling subdomain cannot post.
 * - `Origin` present and not exactly the app's origin (including `null`, which browsers send from sandboxed
 *   frames and after cross-origin redirects) → refused.
 * - Neither header → refused (OWASP's advice: block when provenance is unknown). Every current browser sends
 *   at least one of them on a state-changing request, so only non-browser clients hit this; they must send
 *   `Origin: <the app's origin>` — the same rule SvelteKit applies to form posts.
 */
export function csrfDecision(request: RequestProvenance): CsrfDecision {
	const method = request.method.toUpperCase();
	if (SAFE_METHODS.has(method)) return { allowed: true };
	const site = request.secFetchSite?.trim().toLowerCase() ?? null;
	if (site !== null && site !== 'same-origin' && site !== 'none') {
		return { allowed: false, reason: `Cross-site ${method} requests are forbidden.` };
	}
	if (request.origin !== null && request.origin !== request.appOrigin) {
		return { allowed: false, reason: `Cross-site ${method} requests are forbidden.` };
	}
	if (request.origin === null && site === null) {
		return {
			allowed: false,
			reason: `${method} requests must say where they come from: send an Origin header equal to ${request.appOrigin}.`
		};
	}
	return { allowed: true };
}

/**
 * SvelteKit `handle`: refuses a state-changing request that `csrfDecision` rejects with 403 and a plain message
 * (JSON `{ "error": "forbidden", "message" }` when the client accepts JSON), before any route, action or endpoint
 * runs — so a refused request changes nothing.
 */
export const csrfGuard: Handle = async ({ event, resolve }) => {
	const decision = csrfDecision({
		method: event.request.method,
		origin: event.request.headers.get('origin'),
		secFetchSite: event.request.headers.get('sec-fetch-site'),
		appOrigin: event.url.origin
	});
	if (decision.allowed) return resolve(event);
	const accept = event.request.headers.get('accept') ?? '';
	return accept.includes('application/json')
		? errorResponse(403, { error: 'forbidden', message: decision.reason })
		: text(decision.reason, { status: 403 });
};
