import { describe, expect, test } from 'vitest';
import {
	REMEMBERED_WORKSHOPS,
	facilitatorCookieName,
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
		setFacilitatorCookie(cookies, HTTPS, 'w1', 'secret');
		setFacilitatorCookie(cookies, HTTPS, 'w2', 'other');
		expect(set.map((c) => c.name)).toEqual(['__Host-facilitator', '__Host-facilitator']);
		expect(set[1]!.options).toMatchObject({ sameSite: 'strict', httpOnly: true, secure: true, path: '/' });
		expect(facilitatorCookieName(HTTPS)).toBe('__Host-facilitator');
		expect(facilitatorToken(cookies, HTTPS, 'w1')).toBe('secret');
		expect(facilitatorToken(cookies, HTTPS, 'w2')).toBe('other');
		expect(facilitatorToken(cookies, HTTPS, 'w3')).toBeUndefined();
	});

	test('however many workshops, the cookie stays small: the most recent are kept, the oldest forgotten', () => {
		const { cookies, values } = jar();
		const token = 'A'.repeat(43);
		for (let i = 0; i < 500; i++)
			setFacilitatorCookie(cookies, HTTPS, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, token);
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
		setFacilitatorCookie(cookies, HTTPS, '00000000-0000-4000-8000-000000000490', 'B'.repeat(43));
		expect(values.get('__Host-facilitator')!.split('~')).toHaveLength(REMEMBERED_WORKSHOPS);
		expect(facilitatorToken(cookies, HTTPS, '00000000-0000-4000-8000-000000000490')).toBe('B'.repeat(43));
	});

	test('a cookie of the earlier one-per-workshop kind still works, and goes once the set is written', () => {
		const id = '11111111-1111-4111-8111-111111111111';
		const { cookies, deleted } = jar({ [`facilitator-${id}`]: 'legacy', 'participant-ABC234': 'old', other: 'x' });
		expect(facilitatorToken(cookies, HTTP, id)).toBe('legacy');
		expect(participantToken(cookies, HTTP, 'ABC234')).toBe('old');
		setFacilitatorCookie(cookies, HTTP, 'w9', 'new');
		setParticipantCookie(cookies, HTTP, 'XYZ789', 'two');
		expect(deleted).toEqual([`facilitator-${id}`, 'participant-ABC234']);
	});

	test('junk in the cookie is ignored, never thrown on', () => {
		const { cookies } = jar({ facilitator: '~..~x.~.y~w1.tok~w1.second~<script>.z' });
		expect(facilitatorToken(cookies, HTTP, 'w1')).toBe('tok');
		expect(facilitatorToken(cookies, HTTP, '<script>')).toBeUndefined();
	});

	test('the participant cookie is Lax and one cookie, so joining a second workshop keeps the first', () => {
		const { cookies, set } = jar();
		setParticipantCookie(cookies, HTTPS, 'ABC234', 'one');
		setParticipantCookie(cookies, HTTPS, 'XYZ789', 'two');
		expect(set.map((c) => c.name)).toEqual(['__Host-participant', '__Host-participant']);
		expect(set[0]!.options).toMatchObject({ sameSite: 'lax', httpOnly: true, secure: true, path: '/' });
		expect(participantToken(cookies, HTTPS, 'ABC234')).toBe('one');
		expect(participantToken(cookies, HTTPS, 'XYZ789')).toBe('two');
	});
});
