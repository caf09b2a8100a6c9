/**
 * Abuse: join-code guessing and workshop creation are rate-limited per client address (429 with Retry-After), a
 * forged X-Forwarded-For does not reset the count, and the token cookies carry HttpOnly, SameSite, Path=/ and —
 * over HTTPS — Secure with the `__Host-` prefix. Runs its own servers so the limits it trips touch no other suite.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { JOIN_CODE_GUESSES, WORKSHOP_CREATION } from '$lib/server/rate-limit';
import { JOIN_CODE_ALPHABET } from '$lib/server/workshops/tokens';
import { cookieOf, createWorkshop, post } from './attack';
import { countStatus, recordSecurity } from './security-summary';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
let https: RunningServer;
const HTTPS_ORIGIN = 'https://readiness.example';
const tally = { payloads: 0, status4xx: 0, status5xx: 0 };
/** Workshops this file created on `server` from this address (they count towards the creation limit). */
let creations = 0;

beforeAll(async () => {
	[server, https] = await Promise.all([startServer(), startServer({ ORIGIN: HTTPS_ORIGIN })]);
});
afterAll(async () => {
	await Promise.all([server?.stop(), https?.stop()]);
	recordSecurity(tally);
});

/** A different forged client address for request `i`. */
const spoofed = (i: number) => ({
	'x-forwarded-for': `10.${i % 250}.${(i * 7) % 250}.${(i * 13) % 250}`,
	'x-real-ip': `192.0.2.${i % 250}`,
	forwarded: `for=198.51.100.${i % 250}`
});

/** A well-formed join code no workshop has (from a fixed pattern; the suite's own server has one workshop). */
const wrongCode = (i: number) =>
	Array.from({ length: 6 }, (_, k) => JOIN_CODE_ALPHABET[(i * 5 + k * 11) % JOIN_CODE_ALPHABET.length]).join('');

function expectTooMany(res: Response, what: string) {
	expect(res.status, what).toBe(429);
	const retry = Number(res.headers.get('retry-after'));
	expect(retry, what).toBeGreaterThan(0);
	expect(retry, what).toBeLessThanOrEqual(JOIN_CODE_GUESSES.windowMs / 1000);
}

/** The attributes of the Set-Cookie header named `name` (lower-cased), or null when it is absent. */
function cookieAttributes(res: Response, name: string): Record<string, string> | null {
	const header = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
	if (!header) return null;
	return Object.fromEntries(
		header
			.split(';')
			.slice(1)
			.map((part) => {
				const [key = '', value = ''] = part.trim().split('=');
				return [key.toLowerCase(), value.toLowerCase()];
			})
	);
}

describe('token cookies', () => {
	test('over HTTPS: one __Host- prefixed cookie each, Secure, HttpOnly, Path=/, no Domain; facilitator Strict, participant Lax', async () => {
		const headers = { origin: HTTPS_ORIGIN, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
		const created = await fetch(`${https.url}/workshops/new`, {
			method: 'POST',
			redirect: 'manual',
			headers,
			body: 'title=Cookies'
		});
		expect(created.status).toBe(303);
		const id = created.headers.get('location')!.split('/').pop()!;
		expect(cookieAttributes(created, '__Host-facilitator')).toEqual({
			path: '/',
			httponly: '',
			samesite: 'strict',
			secure: '',
			'max-age': String(90 * 24 * 3600)
		});
		const page = await (await fetch(`${https.url}/workshops/${id}`, { headers: { cookie: cookieOf(created) } })).text();
		const code = /data-testid="join-code"[^>]*>([A-Z0-9]{6})</.exec(page)![1]!;
		const joined = await fetch(`${https.url}/w/${code}?/join`, {
			method: 'POST',
			redirect: 'manual',
			headers,
			body: 'displayName='
		});
		expect(joined.status).toBe(303);
		expect(cookieAttributes(joined, '__Host-participant')).toEqual({
			path: '/',
			httponly: '',
			samesite: 'lax',
			secure: '',
			'max-age': String(30 * 24 * 3600)
		});
		// The participant is recognised through the prefixed cookie.
		const own = await (await fetch(`${https.url}/w/${code}`, { headers: { cookie: cookieOf(joined) } })).text();
		const stranger = await (await fetch(`${https.url}/w/${code}`)).text();
		expect(stranger).toMatch(/Join workshop/);
		expect(own).not.toMatch(/Join workshop/);
	});

	test('over plain HTTP (a local run): HttpOnly, SameSite and Path=/ still; no prefix or Secure, which a browser would drop', async () => {
		const created = await post(server.url, '/workshops/new', 'title=Local');
		creations++;
		expect(created.status).toBe(303);
		const id = created.headers.get('location')!.split('/').pop()!;
		const facilitator = cookieAttributes(created, 'facilitator');
		expect(facilitator).toMatchObject({ path: '/', httponly: '', samesite: 'strict' });
		expect(facilitator).not.toHaveProperty('secure');
		const page = await (
			await fetch(`${server.url}/workshops/${id}`, { headers: { cookie: cookieOf(created) } })
		).text();
		const code = /data-testid="join-code"[^>]*>([A-Z0-9]{6})</.exec(page)![1]!;
		const joined = await post(server.url, `/w/${code}?/join`, 'displayName=');
		expect(cookieAttributes(joined, 'participant')).toMatchObject({ path: '/', httponly: '', samesite: 'lax' });
	});
});

describe('rate limits', () => {
	let real: Awaited<ReturnType<typeof createWorkshop>>;
	beforeAll(async () => {
		real = await createWorkshop(server.url);
		creations++;
	});

	test('workshop creation: the limit passes, then 429 with Retry-After, whatever X-Forwarded-For says', async () => {
		const base = server.url;
		// Earlier tests created some from this address; together they use up exactly the limit.
		for (let i = creations; i < WORKSHOP_CREATION.limit; i++) {
			const res = await post(base, '/workshops/new', new URLSearchParams({ title: `W${i}` }), undefined, spoofed(i));
			expect(res.status, `creation ${i + 1}`).toBe(303);
		}
		for (let i = 0; i < 3; i++) {
			const res = await post(base, '/workshops/new', 'title=One+more', undefined, spoofed(100 + i));
			tally.payloads++;
			countStatus(tally, res.status);
			expect(res.status).toBe(429);
			expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(WORKSHOP_CREATION.windowMs / 1000 - 120);
			expect(await res.text()).toMatch(/Too many attempts\. Please wait \d+ seconds/);
		}
	});

	test('join codes: a real code is never limited, wrong guesses are — on /join, /w/<code>, its actions and the JSON endpoint', async () => {
		const base = server.url;
		// A room of people behind one address looking up the real code: more lookups than the limit, all fine.
		for (let i = 0; i < JOIN_CODE_GUESSES.limit + 5; i++) {
			const res = await post(base, '/join', new URLSearchParams({ code: real.code.toLowerCase() }));
			expect(res.status).toBe(303);
		}
		const surfaces = [
			(code: string, i: number) => post(base, '/join', new URLSearchParams({ code }), undefined, spoofed(i)),
			(code: string, i: number) => fetch(`${base}/w/${code}`, { headers: spoofed(i) }),
			(code: string, i: number) =>
				post(base, `/w/${code}/response`, '{}', 'application/json', { ...spoofed(i), accept: 'application/json' }),
			(code: string, i: number) => post(base, `/w/${code}?/join`, 'displayName=', undefined, spoofed(i))
		];
		for (let i = 0; i < JOIN_CODE_GUESSES.limit; i++) {
			const res = await surfaces[i % surfaces.length]!(wrongCode(i), i);
			expect(res.status, `guess ${i + 1}`).toBe(404);
			await res.arrayBuffer();
		}
		for (const [i, attempt] of surfaces.entries()) {
			const res = await attempt(wrongCode(500 + i), 500 + i);
			tally.payloads++;
			countStatus(tally, res.status);
			expectTooMany(res, `surface ${i} after the limit`);
			expect(await res.text()).toMatch(/Too many attempts/);
		}
		// Once limited, the right code is refused the same way: a guesser learns nothing.
		for (const [i, attempt] of surfaces.entries()) {
			const res = await attempt(real.code, 600 + i);
			tally.payloads++;
			countStatus(tally, res.status);
			expectTooMany(res, `real code on surface ${i}`);
			await res.arrayBuffer();
		}
	});
});
