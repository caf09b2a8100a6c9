import { describe, expect, test } from 'vitest';
import {
	facilitatorCookieName,
	participantToken,
	setFacilitatorCookie,
	setParticipantCookie,
	tokenCookie
} from '../../../src/lib/server/http';
import type { Cookies } from '@sveltejs/kit';

/** A cookie jar recording what `cookies.set` was called with. */
function jar() {
	const set: { name: string; value: string; options: Record<string, unknown> }[] = [];
	const cookies = {
		set: (name: string, value: string, options: Record<string, unknown>) => set.push({ name, value, options }),
		get: (name: string) => set.find((c) => c.name === name)?.value
	} as unknown as Cookies;
	return { cookies, set };
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

	test('the facilitator cookie is Strict and per workshop', () => {
		const { cookies, set } = jar();
		setFacilitatorCookie(cookies, HTTPS, 'w1', 'secret');
		expect(set).toEqual([
			{
				name: '__Host-facilitator-w1',
				value: 'secret',
				options: expect.objectContaining({ sameSite: 'strict', httpOnly: true, secure: true, path: '/' })
			}
		]);
		expect(facilitatorCookieName('w1', HTTPS)).toBe('__Host-facilitator-w1');
	});

	test('the participant cookie is Lax and per workshop, so joining a second workshop keeps the first', () => {
		const { cookies, set } = jar();
		setParticipantCookie(cookies, HTTPS, 'ABC234', 'one');
		setParticipantCookie(cookies, HTTPS, 'XYZ789', 'two');
		expect(set.map((c) => c.name)).toEqual(['__Host-participant-ABC234', '__Host-participant-XYZ789']);
		expect(set[0]!.options).toMatchObject({ sameSite: 'lax', httpOnly: true, secure: true, path: '/' });
		expect(participantToken(cookies, HTTPS, 'ABC234')).toBe('one');
		expect(participantToken(cookies, HTTPS, 'XYZ789')).toBe('two');
	});
});
