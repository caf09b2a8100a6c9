import { redirect } from '@sveltejs/kit';
import { safeReturnTo } from '$lib/server/auth/config';
import { beginSignIn, requireSignIn } from '$lib/server/auth/flow';
import { readForm } from '$lib/server/http';
import { enforceRateLimit } from '$lib/server/rate-limit';
import type { Actions, PageServerLoad } from './$types';

/** Sign-in attempts one client address may start: 30 per 10 minutes (each stores a row for 10 minutes). */
const SIGN_IN_ATTEMPTS = { limit: 30, windowMs: 10 * 60_000 };

export const load: PageServerLoad = ({ url, locals }) => {
	requireSignIn();
	return { returnTo: safeReturnTo(url.searchParams.get('returnTo')), signedIn: locals.account !== null };
};

export const actions: Actions = {
	default: async (event) => {
		requireSignIn();
		enforceRateLimit(event, 'sign-in', SIGN_IN_ATTEMPTS);
		const form = await readForm(event.request);
		const target = await beginSignIn(event.cookies, event.url, String(form.get('returnTo') ?? ''));
		redirect(303, target);
	}
};
