import { redirect } from '@sveltejs/kit';
import { requireSignIn, signOut } from '$lib/server/auth/flow';
import type { RequestHandler } from './$types';

/** Signs this browser out (a form POST: cross-site requests are refused by `csrfGuard`). */
export const POST: RequestHandler = async ({ cookies, url }) => {
	requireSignIn();
	await signOut(cookies, url);
	redirect(303, '/');
};
