import { describe, expect, test } from 'vitest';
import {
	REMEMBERED_WORKSHOPS,
	carriesCookies,
	facilitatorToken,
	participantToken,
	setFacilitatorCookie,
	setParticipantCookie,
	tokenCookie
} from '../../../src/lib/server/http';
import type { Cookies } from '@sveltejs/kit';

/** A cookie jar that behaves like SvelteKit's: `set` replaces, `delete` removes, `getAll` lists. */
function jar(initial: Record<string, string> = {}) {
	const values = new Map(Object.entries(initial));
	const set: { name: string; value: string; options: Record<string, unknown> }[] = [];
	const deleted: string[] = [];
	const cookies = {
		set: (name: string, value: string, options: Record<string, unknown>) => {
			set.push({ name, value, options });
			values.set(name, value);
		},
		get: (name: string) => values.get(name),
		getAll: () => [...values].map(([name, value]) => ({ name, value })),
		delete: (name: string) => {
			deleted.push(name);
			values.delete(name);
		}
	} as unknown as Cookies;
	return { cookies, set, deleted, values };
}

const HTTPS = new URL('https://readiness.example/workshops/new');
const HTTP = new URL('http://127.0.0.1:3000/workshops/new');

/** A request as a browser sends it, with its Sec-Fetch-Site (none given: an older browser or not a browser). */
function request(method = 'POST', site?: string, mode?: string): Request {
	const headers: Record<string, string> = {};
	if (site) headers['sec-fetch-site'] = site;
	if (mode) headers['sec-fetch-mode'] = mode;
	return new Request('http://127.0.0.1:3000/', { method, headers });
}
/** What a same-origin form post gives the cookie helpers. */
const posted = (cookies: Cookies, url: URL) => ({ cookies, url, request: request('POST', 'same-origin') });

describe('token cookies', () => {
	test('over HTTPS: __Host- prefix, Secure, HttpOnly, Path=/, no Domain', () => {
		expect(tokenCookie('x', HTTPS, 'lax', 60)).toEqual({
			name: '__Host-x',
			options: { path: '/', httpOnly: true, sameSite: 'lax', secure: true, maxAge: 60 }
		});
	});

	test('over plain HTTP (local use): no prefix and not Secure (a browser would drop both), still HttpOnly', () => {
		expect(tokenCookie('x', HTTP, 'strict', 60)).toEqual({
			name: 'x',
			options: { path: '/', httpOnly: true, sameSite: 'strict', secure: false, maxAge: 60 }
		});
	});

	test('the facilitator cookie is Strict and one cookie for every workshop this browser runs', () => {
		const { cookies, set } = jar();
		setFacilitatorCookie(posted(cookies, HTTPS), 'w1', 'secret');
		setFacilitatorCookie(posted(cookies, HTTPS), 'w2', 'other');
		expect(set.map((c) => c.name)).toEqual(['__Host-facilitator', '__Host-facilitator']);
		expect(set[1]!.options).toMatchObject({ sameSite: 'strict', httpOnly: true, secure: true, path: '/' });
		expect(facilitatorToken(cookies, HTTPS, 'w1')).toBe('secret');
		expect(facilitatorToken(cookies, HTTPS, 'w2')).toBe('other');
		expect(facilitatorToken(cookies, HTTPS, 'w3')).toBeUndefined();
	});

	test('however many workshops, the cookie stays small: the most recent are kept, the oldest forgotten', () => {
		const { cookies, values } = jar();
		const token = 'A'.repeat(43);
		for (let i = 0; i < 500; i++)
			setFacilitatorCookie(posted(cookies, HTTPS), `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, token);
		const value = values.get('__Host-facilitator')!;
		expect(value.length).toBeLessThan(2000);
		expect(facilitatorToken(cookies, HTTPS, '00000000-0000-4000-8000-000000000499')).toBe(token);
		expect(
			facilitatorToken(
				cookies,
				HTTPS,
				`00000000-0000-4000-8000-${String(500 - REMEMBERED_WORKSHOPS).padStart(12, '0')}`
			)
		).toBe(token);
		expect(
			facilitatorToken(
				cookies,
				HTTPS,
				`00000000-0000-4000-8000-${String(499 - REMEMBERED_WORKSHOPS).padStart(12, '0')}`
			)
		).toBeUndefined();
		// Setting one again moves it to the front, without a duplicate.
		setFacilitatorCookie(posted(cookies, HTTPS), '00000000-0000-4000-8000-000000000490', 'B'.repeat(43));
		expect(values.get('__Host-facilitator')!.split('~')).toHaveLength(REMEMBERED_WORKSHOPS);
		expect(facilitatorToken(cookies, HTTPS, '00000000-0000-4000-8000-000000000490')).toBe('B'.repeat(43));
	});

	test('cookies of the earlier one-per-workshop kind still work, and are folded into the set when it is written', () => {
		const id = '11111111-1111-4111-8111-111111111111';
		const { cookies, deleted } = jar({ [`facilitator-${id}`]: 'legacy', 'participant-ABC234': 'old', other: 'x' });
		expect(facilitatorToken(cookies, HTTP, id)).toBe('legacy');
		expect(participantToken(cookies, HTTP, 'ABC234')).toBe('old');
		setFacilitatorCookie(posted(cookies, HTTP), 'w9', 'new');
		setParticipantCookie(posted(cookies, HTTP), 'XYZ789', 'two');
		expect(deleted).toEqual([`facilitator-${id}`, 'participant-ABC234']);
		// Carried over, not dropped: the new workshop first, then the older ones.
		expect(facilitatorToken(cookies, HTTP, id)).toBe('legacy');
		expect(facilitatorToken(cookies, HTTP, 'w9')).toBe('new');
		expect(participantToken(cookies, HTTP, 'ABC234')).toBe('old');
		expect(participantToken(cookies, HTTP, 'XYZ789')).toBe('two');
	});

	test('folded old cookies fill the set up to its cap, most recent first', () => {
		// A browser sends cookies of one path oldest first.
		const ids = Array.from({ length: 25 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
		const { cookies, values } = jar({
			facilitator: 'kept.t0',
			...Object.fromEntries(ids.map((id, i) => [`facilitator-${id}`, `t${i + 1}`]))
		});
		setFacilitatorCookie(posted(cookies, HTTP), 'fresh', 'new');
		const keys = values
			.get('facilitator')!
			.split('~')
			.map((e) => e.split('.')[0]);
		expect(keys).toHaveLength(REMEMBERED_WORKSHOPS);
		expect(keys.slice(0, 4)).toEqual(['fresh', 'kept', ids[24], ids[23]]);
		expect(keys.at(-1)).toBe(ids[25 - (REMEMBERED_WORKSHOPS - 2)]);
	});

	test('a request that did not carry the set may not write it', () => {
		const { cookies, set } = jar({ facilitator: 'w1.one', participant: 'ABC234.one' });
		const crossSite = { cookies, url: HTTP, request: request('GET', 'cross-site', 'navigate') };
		expect(() => setFacilitatorCookie(crossSite, 'w2', 'two')).toThrow(/did not carry/);
		expect(set).toEqual([]);
		// The Lax participant cookie does come with a cross-site navigation, not with a cross-site POST.
		setParticipantCookie(crossSite, 'XYZ789', 'two');
		const post = { cookies, url: HTTP, request: request('POST', 'cross-site', 'navigate') };
		expect(() => setParticipantCookie(post, 'XYZ789', 'three')).toThrow(/did not carry/);
	});

	test('which requests carry the Strict and the Lax cookie', () => {
		for (const site of [undefined, 'same-origin', 'same-site', 'none'])
			expect(carriesCookies(request('GET', site, 'navigate'), 'strict')).toBe(true);
		expect(carriesCookies(request('GET', 'cross-site', 'navigate'), 'strict')).toBe(false);
		expect(carriesCookies(request('GET', 'cross-site', 'navigate'), 'lax')).toBe(true);
		expect(carriesCookies(request('GET', 'cross-site', 'no-cors'), 'lax')).toBe(false);
		expect(carriesCookies(request('POST', 'cross-site', 'navigate'), 'lax')).toBe(false);
	});

	test('junk in the cookie is ignored, never thrown on', () => {
		const { cookies } = jar({ facilitator: '~..~x.~.y~w1.tok~w1.second~<script>.z' });
		expect(facilitatorToken(cookies, HTTP, 'w1')).toBe('tok');
		expect(facilitatorToken(cookies, HTTP, '<script>')).toBeUndefined();
	});

	test('the participant cookie is Lax and one cookie, so joining a second workshop keeps the first', () => {
		const { cookies, set } = jar();
		setParticipantCookie(posted(cookies, HTTPS), 'ABC234', 'one');
		setParticipantCookie(posted(cookies, HTTPS), 'XYZ789', 'two');
		expect(set.map((c) => c.name)).toEqual(['__Host-participant', '__Host-participant']);
		expect(set[0]!.options).toMatchObject({ sameSite: 'lax', httpOnly: true, secure: true, path: '/' });
		expect(participantToken(cookies, HTTPS, 'ABC234')).toBe('one');
		expect(participantToken(cookies, HTTPS, 'XYZ789')).toBe('two');
	});
});
