/**
 * Workshops driven over HTTP the way a browser form does (with the Origin header the CSRF guard wants), for e2e
 * tests that need a workshop, participants or a count quickly: the browser tests then open the pages.
 */
import type { Answers } from '$scoring/schema';

/** A POST the way a browser form on `base` sends it. */
export function postForm(base: string, path: string, fields: Record<string, string>, cookie = '') {
	return fetch(`${base}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', cookie },
		body: new URLSearchParams(fields)
	});
}

/** The `name=value` pairs a response sets, as a Cookie header. */
export const cookieOf = (res: Response) =>
	res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');

export interface TestWorkshop {
	id: string;
	code: string;
	/** `/workshops/<id>` */
	dashboard: string;
	/** The facilitator cookie, as a Cookie header. */
	cookie: string;
	/** The private facilitator link (carries the token; opening it in a browser sets the cookie). */
	privateLink: string;
}

/** Creates a workshop through the form and reads its join code from the dashboard. */
export async function createWorkshop(
	base: string,
	title: string,
	minGroupSize = 3,
	expectedGroupSize = 20,
	mode: 'self_paced' | 'facilitated' = 'self_paced'
): Promise<TestWorkshop> {
	const created = await postForm(base, '/workshops/new', {
		title,
		mode,
		minGroupSize: String(minGroupSize),
		expectedGroupSize: String(expectedGroupSize)
	});
	if (created.status !== 303) throw new Error(`creating a workshop answered ${created.status}`);
	const dashboard = created.headers.get('location')!;
	const cookie = cookieOf(created);
	const html = await (await fetch(`${base}${dashboard}`, { headers: { cookie } })).text();
	const code = /data-testid="join-code"[^>]*>([A-Z0-9]{6})</.exec(html)![1]!;
	// The facilitator cookie holds `<id>.<token>` entries; a fresh browser has one.
	const value = decodeURIComponent(cookie.split('=')[1]!);
	const token = value.slice(value.indexOf('.') + 1);
	return { id: dashboard.split('/').at(-1)!, code, dashboard, cookie, privateLink: `${base}${dashboard}?key=${token}` };
}

/** Joins a workshop; returns the participant cookie. */
export async function joinWorkshop(base: string, code: string, displayName = ''): Promise<string> {
	const joined = await postForm(base, `/w/${code}?/join`, { displayName });
	return cookieOf(joined);
}

/** Submits answers to the JSON endpoint. */
export function submitAnswers(base: string, code: string, cookie: string, answers: Answers, idempotencyKey: string) {
	return fetch(`${base}/w/${code}/response`, {
		method: 'POST',
		headers: { origin: base, 'content-type': 'application/json', cookie },
		body: JSON.stringify({ answers, idempotencyKey })
	});
}

/** The dashboard's counts as the database has them (the summary endpoint counts rows). */
export async function counts(base: string, workshop: TestWorkshop): Promise<{ joined: number; submitted: number }> {
	const res = await fetch(`${base}${workshop.dashboard}/summary`, { headers: { cookie: workshop.cookie } });
	const { joined, submitted } = (await res.json()) as { joined: number; submitted: number };
	return { joined, submitted };
}

/** Closes the workshop as its facilitator, confirming the close as the close form does. */
export async function closeWorkshop(base: string, workshop: TestWorkshop): Promise<void> {
	const res = await postForm(base, `${workshop.dashboard}?/close`, { confirm: 'yes' }, workshop.cookie);
	if (res.status >= 400) throw new Error(`closing answered ${res.status}`);
}
