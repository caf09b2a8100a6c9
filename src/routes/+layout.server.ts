import { signInEnabled } from '$lib/server/auth/config';
import type { LayoutServerLoad } from './$types';

/** Whether facilitator sign-in is on and who is signed in (null when it is off: the header is then as ever). */
export const load: LayoutServerLoad = ({ locals }) => ({
	signIn: signInEnabled() ? { name: locals.account ? (locals.account.displayName ?? 'Signed in') : null } : null
});
