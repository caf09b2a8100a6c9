/**
 * HTTP helpers shared by the workshop routes: the facilitator and participant cookies, and WorkshopError → HTTP
 * status. (Cross-site requests to every endpoint are refused before routes run: `csrfGuard` in hooks.server.ts.)
 */
import { error, json, type Cookies } from '@sveltejs/kit';
import { WorkshopError } from './workshops';

/** Facilitator cookies live 90 days; participants' 30 (a workshop spans a session, its results a few weeks). */
const FACILITATOR_MAX_AGE = 90 * 24 * 3600;
const PARTICIPANT_MAX_AGE = 30 * 24 * 3600;

/**
 * Cookie settings shared by the facilitator and participant cookies: HttpOnly (no script can read a token), Path=/
 * and no Domain, and over HTTPS Secure with the `__Host-` name prefix — so no subdomain and no plain-HTTP page can
 * set, overwrite or read them.
 */
export function tokenCookie(name: string, url: URL, sameSite: 'strict' | 'lax', maxAge: number) {
	const https = url.protocol === 'https:';
	return {
		name: `${https ? '__Host-' : ''}${name}`,
		options: { path: '/', httpOnly: true, sameSite, secure: https, maxAge }
	};
}

/**
 * The facilitator cookie for a workshop. SameSite=Strict: the dashboard's close/reopen and downloads are never
 * reached from another site, and the private link itself carries the token (`?key=`) when opened from mail or chat.
 */
function facilitatorCookie(url: URL, workshopId: string) {
	return tokenCookie(`facilitator-${workshopId}`, url, 'strict', FACILITATOR_MAX_AGE);
}

/** The facilitator cookie's name for a workshop (`__Host-facilitator-<id>` over HTTPS). */
export function facilitatorCookieName(workshopId: string, url: URL): string {
	return facilitatorCookie(url, workshopId).name;
}

export function setFacilitatorCookie(cookies: Cookies, url: URL, workshopId: string, token: string): void {
	const { name, options } = facilitatorCookie(url, workshopId);
	cookies.set(name, token, options);
}

export function facilitatorToken(cookies: Cookies, url: URL, workshopId: string): string | undefined {
	return cookies.get(facilitatorCookieName(workshopId, url));
}

/** Path of a workshop's participant pages. */
export function participantPath(code: string): string {
	return `/w/${code}`;
}

/**
 * The participant cookie for a workshop, one per workshop (`__Host-participant-<code>` over HTTPS). SameSite=Lax,
 * not Strict: a participant arrives from a join link in chat or mail and must be recognised on that first visit
 * (Strict would hide the cookie on that navigation and the page would offer to join again). Lax still withholds it
 * from cross-site POSTs, which `csrfGuard` refuses anyway.
 */
function participantCookie(url: URL, code: string) {
	return tokenCookie(`participant-${code}`, url, 'lax', PARTICIPANT_MAX_AGE);
}

export function setParticipantCookie(cookies: Cookies, url: URL, code: string, token: string): void {
	const { name, options } = participantCookie(url, code);
	cookies.set(name, token, options);
}

export function participantToken(cookies: Cookies, url: URL, code: string): string | undefined {
	return cookies.get(participantCookie(url, code).name);
}

/**
 * The request's form data for a form action; a body that is not a readable form (broken multipart, a wrong
 * boundary) is a 400 with a clear message instead of the TypeError a bare `request.formData()` turns into a 500.
 * The body-size limit's 413 passes through.
 */
export async function readForm(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch (e) {
		if (e && typeof e === 'object' && 'status' in e) throw e;
		error(400, 'The form could not be read: send it as application/x-www-form-urlencoded or multipart/form-data.');
	}
}

/** Throws the SvelteKit HTTP error for a {@link WorkshopError}; rethrows anything else. */
export function httpError(e: unknown): never {
	if (e instanceof WorkshopError) error(e.status, e.message);
	throw e;
}

/** A JSON error body for endpoints that answer JSON. */
export function jsonError(e: unknown): Response {
	if (e instanceof WorkshopError) return json({ error: e.reason, message: e.message }, { status: e.status });
	throw e;
}
