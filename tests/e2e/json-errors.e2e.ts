/**
 * Every JSON error the server answers has one shape, `{ "error": <code>, "message": <sentence> }` (docs/formats.md,
 * "Errors"), whoever produces it: the submission endpoint, the CSRF guard, the body-size limit, a rate limit, the
 * facilitator's JSON endpoints, an `error()` SvelteKit renders as JSON. A refused submission is counted in
 * `readiness_submissions_refused_total` under the code it was answered with. Over HTTP, on the built server.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CURRENT_BANK } from '$scoring/content/banks';
import { allAt } from '../fixtures/answers';
import { freePort, startServer, type RunningServer } from './server';
import { closeWorkshop, createWorkshop, joinWorkshop, submitAnswers, type TestWorkshop } from './workshop-api';

let server: RunningServer;
let metricsPort: number;
let open: TestWorkshop;
let closed: TestWorkshop;
let participant: string;
let closedParticipant: string;

beforeAll(async () => {
	metricsPort = await freePort();
	server = await startServer({ METRICS_PORT: String(metricsPort), METRICS_HOST: '127.0.0.1' });
	open = await createWorkshop(server.url, 'Errors check', 3);
	participant = await joinWorkshop(server.url, open.code);
	closed = await createWorkshop(server.url, 'Errors check, closed', 2);
	closedParticipant = await joinWorkshop(server.url, closed.code);
	await closeWorkshop(server.url, closed);
});
afterAll(async () => {
	await server?.stop();
});

/** The body of a JSON error answer, after checking it is JSON and has exactly `error` and `message`. */
async function errorBody(response: Response, what: string): Promise<{ error: string; message: string }> {
	expect(response.headers.get('content-type'), what).toMatch(/^application\/json/);
	const body = (await response.json()) as Record<string, unknown>;
	expect(Object.keys(body).sort(), what).toEqual(['error', 'message']);
	expect(body.error, what).toMatch(/^[a-z_]+$/);
	expect(typeof body.message === 'string' && body.message.length > 5, what).toBe(true);
	return body as { error: string; message: string };
}

/** The count of one labelled sample in a scrape of the metrics port. */
async function refused(reason: string): Promise<number> {
	const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
	const line = text
		.split('\n')
		.find((l) => l.startsWith(`readiness_submissions_refused_total{via="json",reason="${reason}"}`));
	return line ? Number(line.split(' ').at(-1)) : 0;
}

test('refused submissions answer { error, message }, and the metric counts each under the code it answered', async () => {
	const base = server.url;
	const json = { origin: base, 'content-type': 'application/json', cookie: participant };
	const post = (code: string, body: string, headers: Record<string, string>) =>
		fetch(`${base}/w/${code}/response`, { method: 'POST', headers, body });
	const answers = allAt(CURRENT_BANK, 'best');
	const valid = JSON.stringify({ answers, idempotencyKey: 'errors-1' });
	const cases: [string, () => Promise<Response>, number, string][] = [
		['malformed JSON', () => post(open.code, '{"answers":', json), 400, 'invalid'],
		[
			'an unknown question',
			() => post(open.code, '{"answers":{"nope":"x"},"idempotencyKey":"errors-2"}', json),
			400,
			'invalid'
		],
		['text/plain', () => post(open.code, valid, { ...json, 'content-type': 'text/plain' }), 415, 'unsupported_type'],
		[
			'a 600 KB body',
			() => post(open.code, JSON.stringify({ answers, pad: 'x'.repeat(600_000) }), json),
			413,
			'too_large'
		],
		['no participant cookie', () => post(open.code, valid, { ...json, cookie: '' }), 403, 'forbidden'],
		['the facilitator', () => post(open.code, valid, { ...json, cookie: open.cookie }), 403, 'facilitator'],
		[
			'a closed workshop',
			() => submitAnswers(base, closed.code, closedParticipant, answers, 'errors-3'),
			409,
			'closed'
		],
		['an unknown code', () => post('ZZZZZZ', valid, json), 404, 'not_found']
	];
	const before = new Map<string, number>();
	for (const [, , , code] of cases) before.set(code, await refused(code));
	for (const [what, send, status, code] of cases) {
		const response = await send();
		expect(response.status, what).toBe(status);
		expect((await errorBody(response, what)).error, what).toBe(code);
	}
	for (const code of new Set(cases.map((c) => c[3])))
		expect(await refused(code), code).toBe(before.get(code)! + cases.filter((c) => c[3] === code).length);
	// The 415 used to say "invalid" while being counted as unsupported_type.
	expect(await refused('invalid')).toBe(before.get('invalid')! + 2);
});

test('the CSRF guard, the facilitator and room endpoints, a thrown error() and a rate limit answer the same shape', async () => {
	const base = server.url;
	const cases: [string, () => Promise<Response>, number, string][] = [
		[
			'a cross-site POST from a JSON client',
			() =>
				fetch(`${base}/w/${open.code}/response`, {
					method: 'POST',
					headers: { origin: 'https://evil.example', 'content-type': 'application/json', accept: 'application/json' },
					body: '{}'
				}),
			403,
			'forbidden'
		],
		[
			'a summary with a wrong key',
			() => fetch(`${base}${open.dashboard}/summary`, { headers: { cookie: `${open.cookie}x` } }),
			403,
			'forbidden'
		],
		[
			'the team CSV below the minimum',
			() => fetch(`${base}${open.dashboard}/team.csv`, { headers: { cookie: open.cookie } }),
			409,
			'too_few'
		],
		[
			'the room of a self-paced workshop',
			() => fetch(`${base}${open.dashboard}/room`, { headers: { cookie: open.cookie } }),
			409,
			'not_facilitated'
		],
		['a phone room without joining', () => fetch(`${base}/w/${open.code}/room`), 403, 'forbidden'],
		[
			'sign-out with sign-in off',
			() => fetch(`${base}/auth/sign-out`, { method: 'POST', headers: { origin: base, accept: 'application/json' } }),
			404,
			'not_found'
		]
	];
	for (const [what, send, status, code] of cases) {
		const response = await send();
		expect(response.status, what).toBe(status);
		expect((await errorBody(response, what)).error, what).toBe(code);
	}

	// Wrong join codes: 20 misses, then SvelteKit answers the rate limit's error — the same shape, with Retry-After.
	const before = await refused('rate_limited');
	const guess = () =>
		fetch(`${base}/w/ZZZZZZ/response`, {
			method: 'POST',
			headers: { origin: base, 'content-type': 'application/json' },
			body: '{}'
		});
	let limited: Response | undefined;
	for (let i = 0; i < 25 && !limited; i++) {
		const response = await guess();
		if (response.status === 429) limited = response;
		else expect((await errorBody(response, 'a wrong code')).error).toBe('not_found');
	}
	expect(limited?.status).toBe(429);
	expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
	expect((await errorBody(limited!, 'a rate-limited guess')).error).toBe('rate_limited');
	expect(await refused('rate_limited')).toBe(before + 1);
});
