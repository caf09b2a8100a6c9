import { redirect } from '@sveltejs/kit';
import type { SignedIn } from './accounts';
import { requireSignIn } from './flow';

/**
 * The signed-in account for a page only accounts have: a 404 with sign-in off (the page does not exist), a redirect
 * to sign in (and back to `returnTo`) for a signed-out browser.
 */
export function signedInOrRedirect(locals: App.Locals, returnTo: string): SignedIn {
	requireSignIn();
	if (!locals.account) redirect(303, `/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
	return locals.account;
}
