import { redirect } from '@sveltejs/kit';
import { finishSignIn } from '$lib/server/auth/flow';
import type { PageServerLoad } from './$types';

/**
 * Where the identity provider sends the browser back: checked, exchanged, signed in, sent on. A page (not an
 * endpoint) so that a refused sign-in shows the site's error page with its message.
 */
export const load: PageServerLoad = async ({ cookies, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	redirect(303, await finishSignIn(cookies, url));
};
