/**
 * SvelteKit `handle` for facilitator sign-in. With sign-in off it does nothing at all. With it on:
 *
 * - `locals.account` is the signed-in account (from the session cookie), or null;
 * - creating a workshop needs an account (GET → sign-in page, POST → 401), so every workshop has an owner;
 * - pages may post forms that redirect to the identity provider: its origin is added to `form-action`.
 */
import type { Handle } from '@sveltejs/kit';
import { getAccounts } from './accounts';
import { oidcSettings } from './config';
import { sessionId } from './cookies';
import { providerOrigins } from './oidc';

/** Adds `origins` to the `form-action` directive of a policy that has one. */
export function allowFormActionTo(policy: string, origins: string[]): string {
	return policy.replace(/(^|;\s*)form-action ([^;]*)/, (_, lead: string, sources: string) => {
		const list = sources.trim().split(/\s+/);
		for (const origin of origins) if (!list.includes(origin)) list.push(origin);
		return `${lead}form-action ${list.join(' ')}`;
	});
}

const TEMPLATE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const authenticate: Handle = async ({ event, resolve }) => {
	event.locals.account = null;
	const settings = oidcSettings();
	if (!settings) return resolve(event);

	const id = sessionId(event.cookies, event.url);
	if (id) event.locals.account = await (await getAccounts()).session(id);

	if (event.route.id === '/workshops/new' && !event.locals.account) {
		const method = event.request.method;
		if (method === 'GET' || method === 'HEAD') {
			// "Start a workshop from it" (a template) comes back to the same prefilled form after sign-in.
			const template = event.url.searchParams.get('template');
			const returnTo =
				template && TEMPLATE_ID.test(template)
					? encodeURIComponent(`/workshops/new?template=${template}`)
					: '/workshops/new';
			return new Response(null, { status: 303, headers: { location: `/auth/sign-in?returnTo=${returnTo}` } });
		}
		return new Response('Sign in to create a workshop.', {
			status: 401,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}

	const response = await resolve(event);
	const policy = response.headers.get('content-security-policy');
	if (policy?.includes('form-action')) {
		const widened = allowFormActionTo(policy, providerOrigins(settings));
		try {
			response.headers.set('content-security-policy', widened);
		} catch {
			// immutable headers: not a page of ours
		}
	}
	return response;
};
