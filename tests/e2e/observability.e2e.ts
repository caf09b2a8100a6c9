/**
 * Operations through their real surfaces: /healthz and /readyz (cheap, never rate limited, never logged at info;
 * 503 while the database is unreachable and from SIGTERM on), Prometheus metrics that move with traffic (on their
 * own port, or behind a bearer token) that promtool accepts after traffic and whose `method` label cannot grow,
 * and the JSON request log: request id, route id, status, duration on every line — and, after a full workshop run
 * and a solo assessment in Chromium, every stdout line a JSON object and none of the titles, names, join codes,
 * tokens, answer codes, answers or query parameters that went through the server.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { CURRENT_BANK } from '$scoring/content/banks';
import { freshPostgresDatabase } from '../lib/server/databases';
import { allAt } from '../fixtures/answers';
import { checkMetrics } from '../lib/server/observability/prometheus-lint';
import { launchBrowser, newPage } from './browser';
import { answerSteps, completeAssessment, STEPS, uniformAnswers } from './flow';
import { freePort, startServer, type RunningServer } from './server';
import { closeWorkshop, createWorkshop, joinWorkshop, postForm, submitAnswers } from './workshop-api';

interface LogLine {
	level: string;
	msg: string;
	reqId?: string;
	method?: string;
	route?: string | null;
	status?: number;
	durationMs?: number;
	[key: string]: unknown;
}

/** Every line the server wrote on stdout, each parsed as JSON (a line that is not JSON fails the test). */
function logLines(server: RunningServer): LogLine[] {
	return server
		.stdout()
		.split('\n')
		.filter((line) => line !== '')
		.map((line) => {
			try {
				return JSON.parse(line) as LogLine;
			} catch {
				throw new Error(`not a JSON log line: ${line}`);
			}
		});
}

/** The series (name and labels) of one metric in an exposition. */
function series(text: string, name: string): string[] {
	return text
		.split('\n')
		.filter((line) => line.startsWith(`${name}{`))
		.map((line) => line.slice(0, line.lastIndexOf(' ')))
		.sort();
}

/** The value of one sample in a Prometheus exposition (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
	let total = 0;
	let found = false;
	for (const line of text.split('\n')) {
		if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
		const labelText = /\{(.*)\}/.exec(line)?.[1] ?? '';
		const has = Object.entries(labels).every(([k, v]) => labelText.includes(`${k}="${v}"`));
		if (!has) continue;
		found = true;
		total += Number(line.trim().split(/\s+/).at(-1));
	}
	return found ? total : 0;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('health, metrics and the request log', () => {
	let server: RunningServer;
	let metricsPort: number;
	const scrape = async () => (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();

	beforeAll(async () => {
		metricsPort = await freePort();
		server = await startServer({ METRICS_PORT: String(metricsPort), METRICS_HOST: '127.0.0.1', LOG_LEVEL: 'info' });
	});
	afterAll(async () => {
		await server?.stop();
	});

	test('metrics on their own port move with traffic: requests, submissions, refusals, streams, PDFs, queries', async () => {
		expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
		const other = await fetch(`http://127.0.0.1:${metricsPort}/other`);
		expect(other.status).toBe(404);
		const before = await scrape();
		for (const name of [
			'process_cpu_user_seconds_total',
			'nodejs_heap_size_used_bytes',
			'nodejs_eventloop_lag_seconds',
			'readiness_event_streams_open'
		])
			expect(before).toContain(`# TYPE ${name} `);

		for (let i = 0; i < 3; i++) expect((await fetch(`${server.url}/methodology`)).status).toBe(200);
		const workshop = await createWorkshop(server.url, 'Metrics check', 2);
		const ada = await joinWorkshop(server.url, workshop.code);
		const best = allAt(CURRENT_BANK, 'best');
		expect((await submitAnswers(server.url, workshop.code, ada, best, 'metrics-1')).status).toBe(201);
		expect((await submitAnswers(server.url, workshop.code, ada, { nope: 'x' }, 'metrics-2')).status).toBe(400);
		expect((await submitAnswers(server.url, workshop.code, '', best, 'metrics-3')).status).toBe(403);
		// The no-JavaScript form submits too.
		const formFields: Record<string, string> = {
			bank: CURRENT_BANK.id,
			version: CURRENT_BANK.version,
			step: String(STEPS.length),
			go: 'submit',
			idempotencyKey: 'metrics-form-1'
		};
		for (const [q, o] of Object.entries(best)) formFields[`a.${q}`] = o;
		expect((await postForm(server.url, `/w/${workshop.code}?/submit`, formFields, ada)).status).toBe(200);
		await closeWorkshop(server.url, workshop);
		expect((await submitAnswers(server.url, workshop.code, ada, best, 'metrics-4')).status).toBe(409);

		// An open dashboard stream counts while it is open.
		const controller = new AbortController();
		const stream = await fetch(`${server.url}${workshop.dashboard}/events`, {
			headers: { cookie: workshop.cookie, accept: 'text/event-stream' },
			signal: controller.signal
		});
		const reader = stream.body!.getReader();
		await reader.read();
		const during = await scrape();
		controller.abort();

		const results = (await postForm(server.url, '/assess', { ...formFields, go: 'results', step: '1' })).headers.get(
			'location'
		)!;
		expect((await fetch(`${server.url}${results}/report.pdf`)).status).toBe(200);

		// Wrong join codes: refused submissions (not found), then 429s (rate limited).
		let limited = 0;
		for (let i = 0; i < 25; i++) {
			const res = await fetch(`${server.url}/w/ZZZZZZ/response`, {
				method: 'POST',
				headers: { origin: server.url, 'content-type': 'application/json' },
				body: '{}'
			});
			if (res.status === 429) limited++;
		}
		expect(limited).toBe(5);

		await expect.poll(async () => sample(await scrape(), 'readiness_event_streams_open'), { timeout: 5_000 }).toBe(0);
		const after = await scrape();
		const delta = (name: string, labels: Record<string, string> = {}) =>
			sample(after, name, labels) - sample(before, name, labels);

		expect(sample(during, 'readiness_event_streams_open')).toBe(1);
		expect(delta('http_request_duration_seconds_count', { method: 'GET', route: '/methodology', status: '200' })).toBe(
			3
		);
		expect(
			delta('http_request_duration_seconds_count', { method: 'POST', route: '/workshops/new', status: '303' })
		).toBe(1);
		expect(delta('readiness_submissions_accepted_total', { via: 'json' })).toBe(1);
		expect(delta('readiness_submissions_accepted_total', { via: 'form' })).toBe(1);
		expect(delta('readiness_submissions_refused_total', { via: 'json', reason: 'invalid' })).toBe(1);
		expect(delta('readiness_submissions_refused_total', { via: 'json', reason: 'forbidden' })).toBe(1);
		expect(delta('readiness_submissions_refused_total', { via: 'json', reason: 'closed' })).toBe(1);
		expect(delta('readiness_pdf_renders_total', { report: 'result' })).toBe(1);
		expect(delta('readiness_pdf_render_duration_seconds_count', { report: 'result' })).toBe(1);
		expect(
			delta('readiness_db_query_duration_seconds_count', { operation: 'insert', outcome: 'ok' })
		).toBeGreaterThanOrEqual(3);
		expect(delta('readiness_db_query_duration_seconds_count', { operation: 'select' })).toBeGreaterThan(5);
		expect(delta('readiness_submissions_refused_total', { via: 'json', reason: 'not_found' })).toBe(20);
		expect(delta('readiness_submissions_refused_total', { via: 'json', reason: 'rate_limited' })).toBe(5);
		expect(delta('readiness_rate_limit_refusals_total', { route: '/w/[code]/response' })).toBe(5);
		// The exposition after all that traffic passes promtool (or, where it is not installed, the same rules).
		const { tool, problems } = checkMetrics(after);
		expect(problems, `${tool} check metrics`).toEqual([]);
		console.log(
			`${tool} check metrics: 0 problems in ${after.split('\n').filter((l) => /^[a-z]/.test(l)).length} samples`
		);
		// Health probes are not request metrics (nor log lines).
		expect(after).not.toContain('route="/healthz"');
		// Labels never carry a join code or a result code.
		expect(after).not.toContain(workshop.code);
		expect(after).not.toContain(results.split('/').at(-1)!);
	});

	test('the method label is one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS or other: other methods add no series', async () => {
		// No Origin: the CSRF guard answers every one 403, as it would a WebDAV scanner.
		const send = (method: string, path: string) => fetch(`${server.url}${path}`, { method });
		for (const path of ['/', '/no-such-page']) expect((await send('PROPFIND', path)).status).toBe(403);
		const before = series(await scrape(), 'http_request_duration_seconds_count');
		expect(before).toContain('http_request_duration_seconds_count{method="other",route="/",status="403"}');
		expect(before).toContain('http_request_duration_seconds_count{method="other",route="(none)",status="403"}');

		const methods = ['PROPFIND', 'MKCOL', 'SEARCH', 'LOCK', 'UNLOCK', 'COPY', 'MOVE', 'PROPPATCH', 'REPORT', 'PURGE'];
		for (const method of methods)
			for (const path of ['/', '/no-such-page']) expect((await send(method, path)).status, method).toBe(403);
		const after = await scrape();
		expect(series(after, 'http_request_duration_seconds_count')).toEqual(before);
		expect(sample(after, 'http_request_duration_seconds_count', { method: 'other', route: '/' })).toBe(
			methods.length + 1
		);
		for (const method of methods) expect(after).not.toContain(`method="${method}"`);
		const labelled = new Set([...after.matchAll(/method="([^"]*)"/g)].map((m) => m[1]));
		expect(
			[...labelled].filter((m) => !['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'other'].includes(m!))
		).toEqual([]);
		// The log keeps the method as sent: an operator can still see what was tried.
		await wait(100);
		expect(logLines(server)).toContainEqual(expect.objectContaining({ method: 'MKCOL', route: '/', status: 403 }));
	});

	test('/healthz and /readyz answer 200 JSON, quickly, are never rate limited and never logged at info', async () => {
		// This address used up its wrong-join-code allowance in the test above: probes must still pass.
		const limited = await fetch(`${server.url}/w/ZZZZZZ/response`, {
			method: 'POST',
			headers: { origin: server.url, 'content-type': 'application/json' },
			body: '{}'
		});
		expect(limited.status).toBe(429);
		const times: number[] = [];
		for (let i = 0; i < 150; i++) {
			for (const path of ['/healthz', '/readyz']) {
				const started = performance.now();
				const res = await fetch(`${server.url}${path}`);
				times.push(performance.now() - started);
				expect(res.status).toBe(200);
				expect(res.headers.get('cache-control')).toBe('no-store');
				expect(await res.json()).toEqual({ status: path === '/healthz' ? 'ok' : 'ready' });
			}
		}
		const head = await fetch(`${server.url}/readyz`, { method: 'HEAD' });
		expect(head.status).toBe(200);
		times.sort((a, b) => a - b);
		const median = times[Math.floor(times.length / 2)]!;
		console.log(`health probes: 300 answered, median ${median.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`);
		expect(median).toBeLessThan(50);
		await wait(200);
		expect(logLines(server).filter((l) => l.msg === 'probe' || /healthz|readyz/.test(String(l.route)))).toEqual([]);
	});

	test('every request line carries the request id (the incoming one when acceptable), method, route id, status and duration', async () => {
		const kept = await fetch(`${server.url}/methodology`, { headers: { 'x-request-id': 'trace-4bf92f35.77b3' } });
		expect(kept.headers.get('x-request-id')).toBe('trace-4bf92f35.77b3');
		const replaced = await fetch(`${server.url}/methodology`, { headers: { 'x-request-id': 'no spaces "or quotes"' } });
		const fresh = replaced.headers.get('x-request-id')!;
		expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
		const missing = await fetch(`${server.url}/no-such-page?email=someone@example.org`);
		expect(missing.status).toBe(404);
		const missingId = missing.headers.get('x-request-id')!;
		await wait(100);
		const lines = logLines(server);
		const requests = lines.filter((l) => l.msg === 'request');
		expect(requests.length).toBeGreaterThan(20);
		for (const line of requests) {
			expect(line).toEqual(
				expect.objectContaining({
					level: expect.stringMatching(/^(info|error)$/),
					reqId: expect.any(String),
					method: expect.stringMatching(/^[A-Z]+$/),
					status: expect.any(Number),
					durationMs: expect.any(Number)
				})
			);
			expect(line.route === null || (typeof line.route === 'string' && line.route.startsWith('/'))).toBe(true);
		}
		expect(requests).toContainEqual(
			expect.objectContaining({ reqId: 'trace-4bf92f35.77b3', route: '/methodology', status: 200, method: 'GET' })
		);
		expect(requests).toContainEqual(expect.objectContaining({ reqId: fresh, route: '/methodology', status: 200 }));
		expect(requests).toContainEqual(expect.objectContaining({ reqId: missingId, route: null, status: 404 }));
		expect(server.output()).not.toContain('no spaces');
		expect(server.output()).not.toContain('someone@example.org');
		expect(server.output()).not.toContain('no-such-page');
	});

	test('metrics behind a bearer token on the app port, when METRICS_TOKEN is set', async () => {
		const token = 'a-long-random-metrics-token-0123456789';
		const other = await startServer({ METRICS_TOKEN: token, LOG_LEVEL: 'warn' });
		try {
			expect((await fetch(`${other.url}/metrics`)).status).toBe(401);
			expect((await fetch(`${other.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
			const res = await fetch(`${other.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
			expect(await res.text()).toContain('http_request_duration_seconds_count{method="GET",route="/",status="200"}');
			expect(other.output()).not.toContain(token);
		} finally {
			await other.stop();
		}
	});
});

/** A TCP proxy in front of PostgreSQL that can be cut and restored, to make the database unreachable. */
async function cuttableProxy(
	target: URL
): Promise<{ port: number; cut: () => Promise<void>; restore: () => Promise<void> }> {
	const port = await freePort();
	const sockets = new Set<Socket>();
	let server: Server | undefined;
	const listen = () =>
		new Promise<void>((resolve) => {
			server = createServer((client) => {
				const upstream = connect(Number(target.port || 5432), target.hostname);
				sockets.add(client).add(upstream);
				client.pipe(upstream).pipe(client);
				const drop = () => {
					client.destroy();
					upstream.destroy();
					sockets.delete(client);
					sockets.delete(upstream);
				};
				client.on('error', drop).on('close', drop);
				upstream.on('error', drop).on('close', drop);
			});
			server.listen(port, '127.0.0.1', () => resolve());
		});
	await listen();
	return {
		port,
		cut: async () => {
			await new Promise<void>((resolve) => {
				server!.close(() => resolve());
				for (const socket of sockets) socket.destroy();
			});
		},
		restore: listen
	};
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('readiness follows the database (PostgreSQL)', () => {
	test('/readyz answers 503 while the database is unreachable and 200 again when it is back; /healthz stays 200', async () => {
		const database = await freshPostgresDatabase(process.env.TEST_DATABASE_URL!);
		const proxy = await cuttableProxy(new URL(database.url));
		const through = new URL(database.url);
		through.hostname = '127.0.0.1';
		through.port = String(proxy.port);
		const server = await startServer({ DATABASE_URL: through.toString() });
		try {
			expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
			await proxy.cut();
			await expect.poll(async () => (await fetch(`${server.url}/readyz`)).status, { timeout: 10_000 }).toBe(503);
			expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({
				status: 'unavailable',
				reason: 'database unreachable'
			});
			expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
			await proxy.restore();
			await expect.poll(async () => (await fetch(`${server.url}/readyz`)).status, { timeout: 10_000 }).toBe(200);
		} finally {
			await server.stop();
			await proxy.cut();
			await database.drop();
		}
	});
});

describe('a full workshop run leaves no personal data in the log', () => {
	let browser: Browser;
	let server: RunningServer;
	beforeAll(async () => {
		browser = await launchBrowser();
		// debug: the strictest scan — health probes and everything else are logged too.
		server = await startServer({ LOG_LEVEL: 'debug' });
	});
	afterAll(async () => {
		await browser?.close();
		if (server?.process.exitCode !== null) console.log(server?.output().slice(-3000), server?.process.exitCode);
		await server?.stop();
	});

	async function cookieValues(context: BrowserContext): Promise<string[]> {
		return (await context.cookies()).map((c) => c.value).filter((v) => v.length >= 16);
	}

	test(
		'facilitator, three participants, close, downloads, a solo assessment: every stdout line JSON, no title, name, code, token, answer or query in the log',
		{ timeout: 240_000 },
		async () => {
			const base = server.url;
			const secrets = new Set<string>([
				'Zq7 Secret Offsite Title',
				'Zq7 Hidden Organisation',
				'Zq7 Participant Ada',
				'Zq7 Participant Grace',
				'Zq7 Participant Linus'
			]);
			const facilitator = await newPage(browser, { acceptDownloads: true });
			await facilitator.goto(`${base}/workshops/new`);
			await facilitator.getByLabel('Workshop title').fill('Zq7 Secret Offsite Title');
			await facilitator.getByLabel(/Organisation/).fill('Zq7 Hidden Organisation');
			await facilitator.getByLabel('Minimum group size').fill('2');
			await facilitator.getByRole('button', { name: 'Create workshop' }).click();
			await facilitator.waitForURL(/\/workshops\/[0-9a-f-]{36}$/);
			const code = (await facilitator.getByTestId('join-code').textContent())!.trim();
			secrets.add(code);
			for (const v of await cookieValues(facilitator.context())) secrets.add(v);
			// The private link, opened in another browser, carries the token in its query.
			const dashboard = facilitator.url();
			// The facilitator cookie holds "<workshop id>.<token>" entries: the link carries the token alone.
			const id = new URL(dashboard).pathname.split('/').pop()!;
			const entry = decodeURIComponent((await cookieValues(facilitator.context()))[0]!)
				.split(/[~,|\s]/)
				.find((e) => e.startsWith(`${id}.`))!;
			const key = entry.slice(id.length + 1);
			const second = await newPage(browser);
			await second.goto(`${dashboard}?key=${key}`);
			await second.waitForURL(dashboard);

			for (const [name, pick] of [
				['Zq7 Participant Ada', 'best'],
				['Zq7 Participant Grace', 'worst']
			] as const) {
				const page = await newPage(browser);
				await page.goto(`${base}/join?code=${code.toLowerCase()}`);
				await page.goto(`${base}/join`);
				await page.getByLabel('Join code').fill(code.toLowerCase());
				await page.getByRole('button', { name: 'Join' }).click();
				await page.waitForURL(`${base}/w/${code}`);
				await page.getByLabel(/Your name/).fill(name);
				await page.getByRole('button', { name: 'Join workshop' }).click();
				await page.getByRole('heading', { level: 2, name: STEPS[0]!.title }).waitFor();
				await answerSteps(page, uniformAnswers(pick), 'Submit');
				await page.getByText('Your answers are submitted.').waitFor();
				for (const v of await cookieValues(page.context())) secrets.add(v);
				await page.context().close();
			}
			// A third over HTTP, with a known idempotency key.
			const linus = await joinWorkshop(base, code, 'Zq7 Participant Linus');
			secrets.add(linus.split('=')[1]!);
			const answers = uniformAnswers('best');
			expect((await submitAnswers(base, code, linus, answers, 'zq7-idempotency-key-123')).status).toBe(201);
			secrets.add('zq7-idempotency-key-123');

			await facilitator.getByTestId('team-tier').waitFor({ timeout: 10_000 });
			// Close, then confirm what closing does.
			await facilitator.getByText('Close workshop', { exact: true }).click();
			await facilitator.getByRole('button', { name: 'Close the workshop now' }).click();
			await facilitator.getByTestId('workshop-status').filter({ hasText: 'closed' }).waitFor();
			const csv = facilitator.waitForEvent('download');
			await facilitator.getByRole('link', { name: /CSV/ }).click();
			await (await csv).path();
			const pdf = facilitator.waitForEvent('download');
			await facilitator.getByRole('link', { name: /PDF/ }).click();
			await (await pdf).path();

			// A solo assessment: the result link carries the answers.
			const solo = await newPage(browser);
			await completeAssessment(solo, base, uniformAnswers('worst'));
			const resultCode = solo.url().split('/results/')[1]!;
			secrets.add(decodeURIComponent(resultCode));
			await solo.goto(`${base}/assess?step=2&code=${resultCode}`);
			await solo.getByRole('heading', { level: 2 }).first().waitFor();

			// At debug level, probes are logged too (at debug).
			expect((await fetch(`${base}/readyz`)).status).toBe(200);
			await new Promise((r) => setTimeout(r, 300));
			const output = server.output();
			// Every stdout line of the whole run is a JSON object, adapter-node's start line included.
			const lines = logLines(server);
			expect(lines.length).toBe(
				server
					.stdout()
					.split('\n')
					.filter((l) => l !== '').length
			);
			expect(lines).toContainEqual(
				expect.objectContaining({
					level: 'info',
					msg: expect.stringMatching(/^Listening on http:\/\/127\.0\.0\.1:\d+$/)
				})
			);
			for (const line of lines)
				expect(line).toEqual(
					expect.objectContaining({
						level: expect.any(String),
						time: expect.any(String),
						pid: server.process.pid,
						msg: expect.any(String)
					})
				);
			expect(lines).toContainEqual(
				expect.objectContaining({ level: 'debug', msg: 'probe', route: '/readyz', status: 200 })
			);
			expect(lines.filter((l) => l.msg === 'request').length).toBeGreaterThan(30);
			// Probes and static files aside, every request was logged with its route id.
			expect(lines.some((l) => l.msg === 'request' && l.route === '/w/[code]/response' && l.status === 201)).toBe(true);
			for (const secret of secrets) expect(output, `the log contains ${JSON.stringify(secret)}`).not.toContain(secret);
			for (const [question, option] of Object.entries(answers).slice(0, 5))
				expect(output).not.toContain(`"${question}":"${option}"`);
			for (const fragment of ['?key=', 'key=', '?step=', 'code=', '?/', 'displayName', 'idempotencyKey', 'cookie'])
				expect(output, `the log contains ${fragment}`).not.toContain(fragment);
			for (const line of lines) if (typeof line.route === 'string') expect(line.route).not.toMatch(/[A-Z0-9]{6}/);
			console.log(
				`log scan: all ${lines.length} stdout lines JSON, ${secrets.size} secrets and 8 query fragments absent`
			);
		}
	);
});
