/**
 * HTTP helpers shared by the workshop routes: the facilitator and participant cookies, and WorkshopError → HTTP
 * status. (Cross-site requests to every endpoint are refused before routes run: `csrfGuard` in hooks.server.ts.)
 */
import { error, json, type Cookies } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { WorkshopError } from './workshops/errors';

/** The facilitator cookie lives 90 days, the participant cookie 30 (renewed on each new workshop). */
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

/** Workshops one browser remembers as facilitator, and as participant: the most recent this many. */
export const REMEMBERED_WORKSHOPS = 20;

/** Separates entries in a token-set cookie, and a key from its token (neither occurs in a key or a token). */
const ENTRY_SEPARATOR = '~';
const KEY_SEPARATOR = '.';
const KEY = /^[0-9A-Za-z-]{1,64}$/;
const TOKEN = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * One cookie holding a bounded set of `key.token` entries, most recent first — a browser that facilitated or joined
 * hundreds of workshops still sends one small cookie (a cookie per workshop made every request of such a browser
 * answer 431 once there were ~175 of them). Past {@link REMEMBERED_WORKSHOPS} the oldest entry is forgotten.
 */
function readTokenSet(cookies: Cookies, name: string): Map<string, string> {
	const entries = new Map<string, string>();
	for (const entry of (cookies.get(name) ?? '').split(ENTRY_SEPARATOR)) {
		const at = entry.indexOf(KEY_SEPARATOR);
		const key = entry.slice(0, at);
		const token = entry.slice(at + 1);
		if (at > 0 && KEY.test(key) && TOKEN.test(token) && !entries.has(key)) entries.set(key, token);
	}
	return entries;
}

function addToTokenSet(
	cookies: Cookies,
	cookie: ReturnType<typeof tokenCookie>,
	key: string,
	token: string,
	legacy: RegExp
): void {
	const entries = readTokenSet(cookies, cookie.name);
	entries.delete(key);
	const kept = [[key, token], ...entries].slice(0, REMEMBERED_WORKSHOPS);
	cookies.set(cookie.name, kept.map(([k, t]) => `${k}${KEY_SEPARATOR}${t}`).join(ENTRY_SEPARATOR), cookie.options);
	// The one-cookie-per-workshop cookies of earlier versions go as soon as the browser comes back.
	for (const { name } of cookies.getAll())
		if (legacy.test(name)) cookies.delete(name, { path: '/', secure: cookie.options.secure });
}

/**
 * The facilitator cookie: SameSite=Strict, so the dashboard's close/reopen and downloads are never reached from
 * another site; the private link itself carries the token (`?key=`) when opened from mail or chat.
 */
function facilitatorCookie(url: URL) {
	return tokenCookie('facilitator', url, 'strict', FACILITATOR_MAX_AGE);
}

/** The facilitator cookie's name (`__Host-facilitator` over HTTPS). */
export function facilitatorCookieName(url: URL): string {
	return facilitatorCookie(url).name;
}

const LEGACY_FACILITATOR = /^(__Host-)?facilitator-[0-9a-f-]{36}$/;
const LEGACY_PARTICIPANT = /^(__Host-)?participant-[0-9A-Z]{6}$/;

/** Remembers that this browser facilitates `workshopId` (with its token), among its most recent workshops. */
export function setFacilitatorCookie(cookies: Cookies, url: URL, workshopId: string, token: string): void {
	addToTokenSet(cookies, facilitatorCookie(url), workshopId, token, LEGACY_FACILITATOR);
}

export function facilitatorToken(cookies: Cookies, url: URL, workshopId: string): string | undefined {
	const https = url.protocol === 'https:';
	return (
		readTokenSet(cookies, facilitatorCookie(url).name).get(workshopId) ??
		cookies.get(`${https ? '__Host-' : ''}facilitator-${workshopId}`)
	);
}

/** Path of a workshop's participant pages. */
export function participantPath(code: string): string {
	return `/w/${code}`;
}

/** A workshop's join address on this origin and its QR code (an SVG data URL) for the room's screen. */
export async function joinLink(origin: string, code: string): Promise<{ joinUrl: string; qr: string }> {
	const joinUrl = `${origin}${participantPath(code)}`;
	const qrSvg = await QRCode.toString(joinUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
	return { joinUrl, qr: `data:image/svg+xml;base64,${Buffer.from(qrSvg).toString('base64')}` };
}

/**
 * The participant cookie (`__Host-participant` over HTTPS): the participant tokens of this browser's most recent
 * workshops. SameSite=Lax, not Strict: a participant arrives from a join link in chat or mail and must be
 * recognised on that first visit (Strict would hide the cookie on that navigation and the page would offer to join
 * again). Lax still withholds it from cross-site POSTs, which `csrfGuard` refuses anyway.
 */
function participantCookie(url: URL) {
	return tokenCookie('participant', url, 'lax', PARTICIPANT_MAX_AGE);
}

export function setParticipantCookie(cookies: Cookies, url: URL, code: string, token: string): void {
	addToTokenSet(cookies, participantCookie(url), code, token, LEGACY_PARTICIPANT);
}

export function participantToken(cookies: Cookies, url: URL, code: string): string | undefined {
	const https = url.protocol === 'https:';
	return (
		readTokenSet(cookies, participantCookie(url).name).get(code) ??
		cookies.get(`${https ? '__Host-' : ''}participant-${code}`)
	);
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
