/**
 * The sign-in routes' logic: start an attempt, complete it on the callback, sign out. Routes stay thin.
 */
import { error, type Cookies } from '@sveltejs/kit';
import { getLogger } from '../observability/log';
import { getAccounts } from './accounts';
import { oidcSettings, safeReturnTo, type OidcSettings } from './config';
import {
	attemptId,
	clearAttemptCookie,
	clearSessionCookie,
	sessionId,
	setAttemptCookie,
	setSessionCookie
} from './cookies';
import { authorizationUrl, completeSignIn, newAttemptSecrets, SignInError } from './oidc';

/** The settings, or a 404: with sign-in off its pages do not exist. */
export function requireSignIn(): OidcSettings {
	const settings = oidcSettings();
	if (!settings) error(404, { error: 'not_found', message: 'Not found' });
	return settings;
}

/** The callback address registered at the identity provider: `<ORIGIN>/auth/callback`. */
export function redirectUri(url: URL): string {
	return `${url.origin}/auth/callback`;
}

/**
 * Starts a sign-in: fresh state, nonce and PKCE verifier stored server-side under a new attempt id (the browser
 * keeps only that id, in a cookie); returns the provider's authorization URL to redirect to.
 * @throws a 503 HttpError when the provider cannot be reached
 */
export async function beginSignIn(cookies: Cookies, url: URL, returnTo: string | null): Promise<string> {
	const settings = requireSignIn();
	const secrets = newAttemptSecrets();
	let target: URL;
	try {
		target = await authorizationUrl(settings, redirectUri(url), secrets);
	} catch (e) {
		getLogger().warn(
			{ err: { type: (e as Error).name, code: (e as { code?: string }).code } },
			'sign-in: discovery failed'
		);
		error(503, {
			error: 'unavailable',
			message: 'The sign-in service cannot be reached right now. Please try again in a minute.'
		});
	}
	const id = await (await getAccounts()).createLoginAttempt({ ...secrets, returnTo: safeReturnTo(returnTo) });
	setAttemptCookie(cookies, url, id);
	return target.toString();
}

/**
 * Completes a sign-in on the callback: the attempt named by this browser's cookie is taken (it works once), the
 * provider's answer is checked against it, and a new session replaces any previous one. Returns where to go.
 * @throws a 400 HttpError when anything does not match — nothing is stored then
 */
export async function finishSignIn(cookies: Cookies, url: URL): Promise<string> {
	const settings = requireSignIn();
	const accounts = await getAccounts();
	const attempt = await accounts.takeLoginAttempt(attemptId(cookies, url));
	clearAttemptCookie(cookies, url);
	if (!attempt) {
		getLogger().warn({ reason: 'no_attempt' }, 'sign-in refused');
		error(400, { error: 'invalid', message: 'This sign-in has expired or was already used. Please sign in again.' });
	}
	let identity;
	try {
		identity = await completeSignIn(settings, url, attempt);
	} catch (e) {
		if (!(e instanceof SignInError)) throw e;
		getLogger().warn({ reason: e.code }, 'sign-in refused');
		error(400, { error: 'invalid', message: e.message });
	}
	const { sessionId: id } = await accounts.signIn(identity, settings.sessionMaxAgeSeconds, sessionId(cookies, url));
	setSessionCookie(cookies, url, id, settings.sessionMaxAgeSeconds);
	getLogger().info('sign-in');
	return attempt.returnTo;
}

/** Ends this browser's session (and the facilitator keys it held). */
export async function signOut(cookies: Cookies, url: URL): Promise<void> {
	await (await getAccounts()).signOut(sessionId(cookies, url));
	clearSessionCookie(cookies, url);
}
