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
 * The facilitator cookie for a workshop. Over HTTPS it is `__Host-` prefixed (Secure, Path=/, no Domain), so no
 * subdomain or plain-HTTP page can set or read it.
 */
export function facilitatorCookieName(workshopId: string, url: URL): string {
	return `${url.protocol === 'https:' ? '__Host-' : ''}facilitator-${workshopId}`;
}

export function setFacilitatorCookie(cookies: Cookies, url: URL, workshopId: string, token: string): void {
	cookies.set(facilitatorCookieName(workshopId, url), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'strict',
		secure: url.protocol === 'https:',
		maxAge: FACILITATOR_MAX_AGE
	});
}

export function facilitatorToken(cookies: Cookies, url: URL, workshopId: string): string | undefined {
	return cookies.get(facilitatorCookieName(workshopId, url));
}

/** Path of a workshop's participant pages; the participant cookie is scoped to it. */
export function participantPath(code: string): string {
	return `/w/${code}`;
}

const PARTICIPANT_COOKIE = 'participant';

export function setParticipantCookie(cookies: Cookies, url: URL, code: string, token: string): void {
	// Lax, not Strict: a participant arrives from a link in chat or mail and must be recognised on that first visit.
	cookies.set(PARTICIPANT_COOKIE, token, {
		path: participantPath(code),
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: PARTICIPANT_MAX_AGE
	});
}

export function participantToken(cookies: Cookies): string | undefined {
	return cookies.get(PARTICIPANT_COOKIE);
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
