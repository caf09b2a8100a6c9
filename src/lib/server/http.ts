/**
 * HTTP helpers shared by the workshop routes: the facilitator and participant cookies, and WorkshopError → HTTP
 * status. (Cross-site requests to every endpoint are refused before routes run: `csrfGuard` in hooks.server.ts.)
 */
import { error, type Cookies } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { errorResponse } from './errors';
import { WorkshopError } from './workshops/errors';
import { WorkspaceError } from './workspaces/errors';

/** The facilitator cookie lives 90 days, the participant cookie 30 (renewed on each new workshop). */
const FACILITATOR_MAX_AGE = 90 * 24 * 3600;
const PARTICIPANT_MAX_AGE = 30 * 24 * 3600;
/** The workspace cookie lives a year (renewed whenever a workspace is added): re-assessments come quarterly. */
const WORKSPACE_MAX_AGE = 365 * 24 * 3600;

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

/** What writing a token-set cookie needs of a request. */
type CookieEvent = { cookies: Cookies; url: URL; request: Request };

/** Separates entries in a token-set cookie, and a key from its token (neither occurs in a key or a token). */
const ENTRY_SEPARATOR = '~';
const KEY_SEPARATOR = '.';
const KEY = /^[0-9A-Za-z-]{1,64}$/;
const TOKEN = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * Whether this request carried the cookies the browser holds with this SameSite setting, so the server has read
 * them: a `cross-site` request (Sec-Fetch-Site) carries no Strict cookie, and a Lax one only on a top-level GET
 * navigation. Same-origin, same-site and user-initiated (`none`: typed, bookmarked, opened from a mail program)
 * requests carry both; so does a request without Sec-Fetch-Site (a browser too old to send it, or not a browser).
 */
export function carriesCookies(request: Request, sameSite: 'strict' | 'lax'): boolean {
	if (request.headers.get('sec-fetch-site') !== 'cross-site') return true;
	return (
		sameSite === 'lax' &&
		(request.method === 'GET' || request.method === 'HEAD') &&
		request.headers.get('sec-fetch-mode') === 'navigate'
	);
}

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

/**
 * The one-cookie-per-workshop cookies of earlier versions (`legacy` captures the key), most recent first: a
 * browser sends cookies of one path in the order it created them, oldest first.
 */
function legacyTokens(cookies: Cookies, legacy: RegExp): { name: string; key: string; token: string }[] {
	const found: { name: string; key: string; token: string }[] = [];
	for (const { name, value } of cookies.getAll()) {
		const key = legacy.exec(name)?.[1];
		if (key && TOKEN.test(value)) found.push({ name, key, token: value });
	}
	return found.reverse();
}

/**
 * Adds `key` to the front of a token-set cookie: the set this request carried, then the earlier version's
 * per-workshop cookies folded in (up to the cap, most recent first), which are then deleted. A request that did
 * not carry the set (a cross-site one, for the Strict facilitator cookie) must not write it — it would replace every
 * workshop the browser holds with this one — and is refused here as a programming error.
 */
function addToTokenSet(
	event: CookieEvent,
	cookie: ReturnType<typeof tokenCookie>,
	key: string,
	token: string,
	legacy: RegExp
): void {
	const { cookies } = event;
	if (!carriesCookies(event.request, cookie.options.sameSite))
		throw new Error(`${cookie.name}: this request did not carry the cookie, so it may not write it`);
	const entries = readTokenSet(cookies, cookie.name);
	const old = legacyTokens(cookies, legacy);
	for (const { key: k, token: t } of old) if (!entries.has(k)) entries.set(k, t);
	entries.delete(key);
	const kept: [string, string][] = [[key, token], ...entries];
	writeTokenSet(cookies, cookie, kept.slice(0, REMEMBERED_WORKSHOPS));
	for (const { name } of old) cookies.delete(name, { path: '/', secure: cookie.options.secure });
}

/** Writes a token-set cookie with `entries`, most recent first; with none left, deletes it. */
function writeTokenSet(cookies: Cookies, cookie: ReturnType<typeof tokenCookie>, entries: [string, string][]): void {
	if (entries.length === 0) cookies.delete(cookie.name, { path: cookie.options.path, secure: cookie.options.secure });
	else
		cookies.set(cookie.name, entries.map(([k, t]) => `${k}${KEY_SEPARATOR}${t}`).join(ENTRY_SEPARATOR), cookie.options);
}

/**
 * The facilitator cookie: SameSite=Strict, so the dashboard's close/reopen and downloads are never reached from
 * another site; the private link itself carries the token (`?key=`) when opened from mail or chat.
 */
function facilitatorCookie(url: URL) {
	return tokenCookie('facilitator', url, 'strict', FACILITATOR_MAX_AGE);
}

const LEGACY_FACILITATOR = /^(?:__Host-)?facilitator-([0-9a-f-]{36})$/;
const LEGACY_PARTICIPANT = /^(?:__Host-)?participant-([0-9A-Z]{6})$/;

/**
 * Remembers that this browser facilitates `workshopId` (with its token), among its most recent workshops.
 * @throws Error when the request did not carry the facilitator cookie (see {@link carriesCookies}).
 */
export function setFacilitatorCookie(event: CookieEvent, workshopId: string, token: string): void {
	addToTokenSet(event, facilitatorCookie(event.url), workshopId, token, LEGACY_FACILITATOR);
}

/** Every workshop this browser facilitates, with its credential (the private link's token or a facilitator key). */
export function facilitatorTokens(cookies: Cookies, url: URL): Map<string, string> {
	return readTokenSet(cookies, facilitatorCookie(url).name);
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

/** Remembers this browser's participant token for workshop `code`, among its most recent workshops. */
export function setParticipantCookie(event: CookieEvent, code: string, token: string): void {
	addToTokenSet(event, participantCookie(event.url), code, token, LEGACY_PARTICIPANT);
}

export function participantToken(cookies: Cookies, url: URL, code: string): string | undefined {
	const https = url.protocol === 'https:';
	return (
		readTokenSet(cookies, participantCookie(url).name).get(code) ??
		cookies.get(`${https ? '__Host-' : ''}participant-${code}`)
	);
}

/** No earlier version had a cookie per workspace: nothing to fold in. */
const NO_LEGACY = /(?!)/;

/**
 * The workspace cookie (`__Host-workspace` over HTTPS): the private-link tokens of this browser's most recent
 * workspaces. SameSite=Lax: a private link opened from mail or chat is a cross-site navigation, and the workspace
 * must open on it and be remembered; Lax still withholds the cookie from cross-site POSTs (which `csrfGuard`
 * refuses anyway), and every change to a workspace is a POST.
 */
function workspaceCookie(url: URL) {
	return tokenCookie('workspace', url, 'lax', WORKSPACE_MAX_AGE);
}

/** Remembers this browser's private-link token for a workspace, among its most recent workspaces. */
export function setWorkspaceCookie(event: CookieEvent, workspaceId: string, token: string): void {
	addToTokenSet(event, workspaceCookie(event.url), workspaceId, token, NO_LEGACY);
}

/** Forgets this browser's private-link token for a workspace (once it is deleted); the others stay. */
export function forgetWorkspace(event: CookieEvent, workspaceId: string): void {
	const cookie = workspaceCookie(event.url);
	const entries = readTokenSet(event.cookies, cookie.name);
	if (entries.delete(workspaceId)) writeTokenSet(event.cookies, cookie, [...entries]);
}

/** The private-link token this browser holds for a workspace. */
export function workspaceToken(cookies: Cookies, url: URL, workspaceId: string): string | undefined {
	return readTokenSet(cookies, workspaceCookie(url).name).get(workspaceId);
}

/** Every workspace this browser holds a private-link token for. */
export function workspaceTokens(cookies: Cookies, url: URL): Map<string, string> {
	return readTokenSet(cookies, workspaceCookie(url).name);
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
		error(400, {
			error: 'invalid',
			message: 'The form could not be read: send it as application/x-www-form-urlencoded or multipart/form-data.'
		});
	}
}

/** Throws the SvelteKit HTTP error for a {@link WorkshopError} or {@link WorkspaceError}; rethrows anything else. */
export function httpError(e: unknown): never {
	if (e instanceof WorkshopError || e instanceof WorkspaceError)
		error(e.status, { error: e.reason, message: e.message });
	throw e;
}

/** The JSON error answer for a {@link WorkshopError} (endpoints that answer JSON); rethrows anything else. */
export function jsonError(e: unknown): Response {
	if (e instanceof WorkshopError) return errorResponse(e.status, { error: e.reason, message: e.message });
	throw e;
}
