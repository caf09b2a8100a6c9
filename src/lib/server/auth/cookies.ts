/**
 * The sign-in cookies, made like the facilitator and participant cookies (`tokenCookie`): HttpOnly, Path=/, no
 * Domain, and over HTTPS `Secure` with the `__Host-` prefix. SameSite=Lax, not Strict: the identity provider
 * sends the browser back to the callback by a cross-site redirect, and a Strict cookie would be withheld there
 * and on the redirect that follows. Lax still keeps both cookies off cross-site POSTs (which `csrfGuard` refuses).
 */
import type { Cookies } from '@sveltejs/kit';
import { tokenCookie } from '../http';
import { LOGIN_ATTEMPT_TTL_MS } from './accounts';

const session = (url: URL, maxAge: number) => tokenCookie('session', url, 'lax', maxAge);
const attempt = (url: URL) => tokenCookie('sign-in', url, 'lax', LOGIN_ATTEMPT_TTL_MS / 1000);

export function sessionId(cookies: Cookies, url: URL): string | undefined {
	return cookies.get(session(url, 0).name);
}

export function setSessionCookie(cookies: Cookies, url: URL, id: string, maxAgeSeconds: number): void {
	const { name, options } = session(url, maxAgeSeconds);
	cookies.set(name, id, options);
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	const { name, options } = session(url, 0);
	cookies.delete(name, { path: options.path, secure: options.secure, httpOnly: true, sameSite: 'lax' });
}

export function attemptId(cookies: Cookies, url: URL): string | undefined {
	return cookies.get(attempt(url).name);
}

export function setAttemptCookie(cookies: Cookies, url: URL, id: string): void {
	const { name, options } = attempt(url);
	cookies.set(name, id, options);
}

export function clearAttemptCookie(cookies: Cookies, url: URL): void {
	const { name, options } = attempt(url);
	cookies.delete(name, { path: options.path, secure: options.secure, httpOnly: true, sameSite: 'lax' });
}
