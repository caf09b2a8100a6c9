import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import postgres from 'postgres';
import { randomBytes } from 'node:crypto';
import { startServer, type RunningServer } from './server';
import { cookieOf, postForm as form } from './workshop-api';

const url = process.env.TEST_DATABASE_URL;
if (!url) console.log('TEST_DATABASE_URL is not set: skipping the two-instance scale-out test.');

/** Reads server-sent `summary` events from a dashboard until `predicate` holds; returns when it did. */
async function waitForSummary(
	base: string,
	path: string,
	cookie: string,
	predicate: (summary: { submitted: number }) => boolean,
	onOpen: () => Promise<void>
): Promise<number> {
	const controller = new AbortController();
	const res = await fetch(`${base}${path}`, {
		headers: { cookie, accept: 'text/event-stream' },
		signal: controller.signal
	});
	expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
	const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
	let buffer = '';
	let started = 0;
	try {
		for (;;) {
			const { value, done } = await reader.read();
			if (done) throw new Error('event stream ended');
			buffer += value;
			let end;
			while ((end = buffer.indexOf('\n\n')) >= 0) {
				const event = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				const data = event.split('\n').find((l) => l.startsWith('data: '));
				if (!event.startsWith('event: summary') || !data) continue;
				const summary = JSON.parse(data.slice(6));
				if (!started) {
					// The first summary is the state on connect: now make the change through the other instance.
					started = Date.now();
					await onOpen();
				}
				if (predicate(summary)) return Date.now() - started;
			}
		}
	} finally {
		controller.abort();
	}
}

/** Every event of an event stream, in order, as `[name, data]`, until `stop` is called. */
async function readEvents(base: string, path: string, cookie: string) {
	const controller = new AbortController();
	const res = await fetch(`${base}${path}`, {
		headers: { cookie, accept: 'text/event-stream' },
		signal: controller.signal
	});
	expect(res.status).toBe(200);
	const events: [string, unknown][] = [];
	const reading = (async () => {
		const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
		let buffer = '';
		try {
			for (;;) {
				const { value, done } = await reader.read();
				if (done) return;
				buffer += value;
				let end;
				while ((end = buffer.indexOf('\n\n')) >= 0) {
					const block = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					const name = /^event: (.+)$/m.exec(block)?.[1];
					const data = /^data: (.+)$/m.exec(block)?.[1];
					if (name && data) events.push([name, JSON.parse(data)]);
				}
			}
		} catch {
			// aborted
		}
	})();
	return {
		events,
		/** Waits until an event satisfies `predicate` (5 s at most). */
		async until(predicate: (name: string, data: unknown) => boolean) {
			const deadline = Date.now() + 5_000;
			while (!events.some(([n, d]) => predicate(n, d))) {
				if (Date.now() > deadline) throw new Error(`no such event among ${JSON.stringify(events).slice(0, 500)}`);
				await new Promise((r) => setTimeout(r, 50));
			}
			return events.find(([n, d]) => predicate(n, d))![1];
		},
		stop: async () => {
			controller.abort();
			await reading;
		}
	};
}

describe.skipIf(!url)('two instances on one PostgreSQL', () => {
	let a: RunningServer;
	let b: RunningServer;
	let dropDatabase: () => Promise<void>;
	beforeAll(async () => {
		const name = `readiness_e2e_${randomBytes(6).toString('hex')}`;
		const admin = postgres(url!, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name}`);
		const target = new URL(url!);
		target.pathname = `/${name}`;
		dropDatabase = async () => {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		};
		[a, b] = await Promise.all([
			startServer({ DATABASE_URL: target.toString() }),
			startServer({ DATABASE_URL: target.toString() })
		]);
	});
	afterAll(async () => {
		await Promise.all([a?.stop(), b?.stop()]);
		await dropDatabase?.();
	});

	test('a submission through one instance reaches a dashboard on the other within 2 s', async () => {
		// The facilitator creates the workshop on B and watches B's dashboard.
		const created = await form(b.url, '/workshops/new', { title: 'Scale-out', minGroupSize: '2' });
		expect(created.status).toBe(303);
		const dashboard = created.headers.get('location')!;
		const facilitator = cookieOf(created);
		const page = await (await fetch(`${b.url}${dashboard}`, { headers: { cookie: facilitator } })).text();
		const code = /data-testid="join-code"[^>]*>([A-Z0-9]{6})</.exec(page)![1]!;

		// A participant joins through A.
		const joined = await form(a.url, `/w/${code}?/join`, { displayName: '' });
		expect(joined.status).toBe(303);
		const participant = cookieOf(joined);

		const elapsed = await waitForSummary(
			b.url,
			`${dashboard}/events`,
			facilitator,
			(s) => s.submitted === 1,
			async () => {
				const res = await fetch(`${a.url}/w/${code}/response`, {
					method: 'POST',
					headers: { origin: a.url, 'content-type': 'application/json', cookie: participant },
					body: JSON.stringify({ answers: {}, idempotencyKey: 'scale-out-0001' })
				});
				expect(res.status).toBe(201);
			}
		);
		console.log(`scale-out: submission through A seen on B's dashboard events after ${elapsed} ms`);
		expect(elapsed).toBeLessThan(2_000);
	});

	test(
		'a timer set through one instance: the other sends the same end and its clock, and closes the vote at zero',
		{
			timeout: 30_000
		},
		async () => {
			const created = await form(b.url, '/workshops/new', { title: 'Timed', minGroupSize: '2', mode: 'facilitated' });
			const dashboard = created.headers.get('location')!;
			const facilitator = cookieOf(created);
			const page = await (await fetch(`${b.url}${dashboard}`, { headers: { cookie: facilitator } })).text();
			const code = /data-testid="join-code"[^>]*>([A-Z0-9]{6})</.exec(page)![1]!;
			const participant = cookieOf(await form(a.url, `/w/${code}?/join`, { displayName: '' }));
			expect((await form(b.url, `${dashboard}/present?/open`, { item: 'governance' }, facilitator)).status).toBe(200);

			// A phone on A: the stream opens with A's clock, then the room.
			const phone = await readEvents(a.url, `/w/${code}/events`, participant);
			await phone.until((name) => name === 'room');
			expect(phone.events[0]![0]).toBe('clock');
			const clock = (phone.events[0]![1] as { now: number }).now;
			expect(Math.abs(clock - Date.now())).toBeLessThan(2_000);

			const set = Date.now();
			const started = await form(
				b.url,
				`${dashboard}/present?/timer`,
				{ seconds: '10', closesVote: 'on' },
				facilitator
			);
			expect(started.status).toBe(200);
			type Timed = { timer: { endsAt: number; seconds: number; atZero: string } | null };
			const onA = (await phone.until((name, data) => name === 'room' && (data as Timed).timer !== null)) as Timed;
			expect(onA.timer).toMatchObject({ seconds: 10, atZero: 'closes_vote' });
			expect(onA.timer!.endsAt - set).toBeGreaterThan(9_000);
			expect(onA.timer!.endsAt - set).toBeLessThan(11_000);
			// The polling fallback on A: the same end, and A's clock in a header.
			const polled = await fetch(`${a.url}/w/${code}/room`, { headers: { cookie: participant } });
			expect(((await polled.json()) as Timed).timer!.endsAt).toBe(onA.timer!.endsAt);
			expect(Math.abs(Number(polled.headers.get('x-server-time')) - Date.now())).toBeLessThan(2_000);

			const vote = (key: string) =>
				fetch(`${a.url}/w/${code}/response`, {
					method: 'POST',
					headers: { origin: a.url, 'content-type': 'application/json', cookie: participant },
					body: JSON.stringify({ answers: {}, idempotencyKey: key })
				});
			expect((await vote('timed-before-zero')).status).toBe(201);
			await new Promise((r) => setTimeout(r, Math.max(0, onA.timer!.endsAt - Date.now()) + 200));
			const late = await vote('timed-after-zero');
			expect(late.status).toBe(409);
			expect(((await late.json()) as { message: string }).message).toMatch(/timer reached zero/);
			await phone.stop();
		}
	);
});
