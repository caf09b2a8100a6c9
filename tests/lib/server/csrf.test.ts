import { describe, expect, test } from 'vitest';
import { csrfDecision } from '$lib/server/csrf';

const appOrigin = 'https://readiness.example';
const decide = (method: string, origin: string | null, secFetchSite: string | null) =>
	csrfDecision({ method, origin, secFetchSite, appOrigin });

describe('csrfDecision', () => {
	test('safe methods always pass, whatever their provenance', () => {
		for (const method of ['GET', 'HEAD', 'OPTIONS', 'get']) {
			expect(decide(method, 'https://evil.example', 'cross-site')).toEqual({ allowed: true });
		}
	});

	test.each(['POST', 'PUT', 'PATCH', 'DELETE', 'post', 'PROPFIND'])('%s from the app itself passes', (method) => {
		expect(decide(method, appOrigin, 'same-origin')).toEqual({ allowed: true });
		expect(decide(method, appOrigin, null)).toEqual({ allowed: true }); // older browsers: Origin only
		expect(decide(method, null, 'same-origin')).toEqual({ allowed: true }); // Sec-Fetch-Site only
		expect(decide(method, appOrigin, 'none')).toEqual({ allowed: true }); // user-initiated
	});

	test.each(['POST', 'PUT', 'PATCH', 'DELETE'])('%s from elsewhere is refused', (method) => {
		const refusals = [
			decide(method, 'https://evil.example', null),
			decide(method, 'https://evil.example', 'cross-site'),
			decide(method, 'https://sub.readiness.example', 'same-site'),
			decide(method, null, 'cross-site'),
			decide(method, null, 'same-site'),
			decide(method, null, 'Cross-Site'),
			decide(method, 'null', null), // sandboxed frame, or after a cross-origin redirect
			decide(method, appOrigin, 'cross-site'), // contradictory: trust the browser's Sec-Fetch-Site
			decide(method, 'http://readiness.example', null), // scheme downgrade is another origin
			decide(method, 'https://readiness.example:444', null),
			decide(method, appOrigin + '.evil.example', null)
		];
		for (const refusal of refusals) {
			expect(refusal).toEqual({ allowed: false, reason: `Cross-site ${method} requests are forbidden.` });
		}
	});

	test('a state-changing request that names no origin at all is refused with what to send', () => {
		expect(decide('POST', null, null)).toEqual({
			allowed: false,
			reason: `POST requests must say where they come from: send an Origin header equal to ${appOrigin}.`
		});
	});
});
