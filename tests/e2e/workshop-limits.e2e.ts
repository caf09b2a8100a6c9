/**
 * Abuse and resource limits of workshops, each through HTTP on the built server, on PGlite and PostgreSQL: the
 * participant cap and the per-address join limit (a room of 60 behind one address still joins within a minute),
 * the facilitator's own browser refused as a participant, caps on event streams, the team PDF's limit and cache,
 * control characters and invisible titles refused, bounded facilitator and participant cookies, failed queries
 * logged without their parameters, and a wrong-code guess counted before its lookup — while a participant's own
 * cookie is never guess-limited. Each kind gets its own servers, so the limits tripped here touch no other suite.
 */
import { pdfText } from '../lib/report/pdf-text';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import { DASHBOARD_STREAMS } from '$lib/server/live';
import { JOINS, JOIN_CODE_GUESSES, TEAM_PDF } from '$lib/server/rate-limit';
import { JOIN_CODE_ALPHABET } from '$lib/server/workshops/tokens';
import { participantCap } from '$lib/server/workshops/dto';
import { allAt } from '../fixtures/answers';
import { CURRENT_BANK } from '$scoring/content/banks';
import { ANSWER_FIELD_PREFIX } from '$lib/assess/progress';
import { SERVER_KINDS, openEventStream, type EventStream, type TargetServer } from './targets';
import { cookieOf, createWorkshop, postForm, submitAnswers, type TestWorkshop } from './workshop-api';

const best = allAt(CURRENT_BANK, 'best');
const worst = allAt(CURRENT_BANK, 'worst');

/** A well-formed join code no workshop has. */
const wrongCode = (i: number) =>
	Array.from({ length: 6 }, (_, k) => JOIN_CODE_ALPHABET[(i * 7 + k * 13 + 3) % JOIN_CODE_ALPHABET.length]).join('');

function expectTooMany(res: Response, what: string) {
	expect(res.status, what).toBe(429);
	expect(Number(res.headers.get('retry-after')), what).toBeGreaterThan(0);
}

describe.each(SERVER_KINDS)('workshop limits on $name', (kind) => {
	let server: TargetServer;
	/** Join requests this file has made to `server` from this address (they count towards JOINS). */
	let joins = 0;
	const base = () => server.url;
	const join = async (code: string, fields: Record<string, string> = {}, cookie = '') => {
		joins++;
		return postForm(base(), `/w/${code}?/join`, { displayName: '', ...fields }, cookie);
	};
	const joined = async (code: string) => {
		const res = await join(code);
		expect(res.status).toBe(303);
		return cookieOf(res);
	};
	const summary = async (w: TestWorkshop) =>
		(await (await fetch(`${base()}${w.dashboard}/summary`, { headers: { cookie: w.cookie } })).json()) as {
			joined: number;
			submitted: number;
			released: number;
		};

	/** A participant who joined before this address guessed codes (see the last test). */
	let guessing: { workshop: TestWorkshop; participant: string };

	beforeAll(async () => {
		server = await kind.start();
		const workshop = await createWorkshop(base(), 'Guessing', 3, 10);
		guessing = { workshop, participant: await joined(workshop.code) };
	}, 120_000);
	afterAll(async () => {
		await server?.stop();
	});

	test('the facilitator’s own browser cannot become a participant', async () => {
		const w = await createWorkshop(base(), 'Own browser', 2, 10);
		const page = await (await fetch(`${base()}/w/${w.code}`, { headers: { cookie: w.cookie } })).text();
		expect(page).toContain('data-testid="facilitator-browser"');
		expect(page).not.toContain('Join workshop');
		const refused = await join(w.code, { displayName: 'Me' }, w.cookie);
		expect(refused.status).toBe(403);
		expect(await refused.text()).toMatch(
			/This browser runs this workshop as its facilitator, so it cannot also take part/
		);
		// A participant cookie copied into the facilitator's browser is refused too.
		const participant = await joined(w.code);
		const both = await submitAnswers(base(), w.code, `${participant}; ${w.cookie}`, best, 'own-browser-01');
		expect(both.status).toBe(403);
		expect(((await both.json()) as { error: string }).error).toBe('facilitator');
		expect(await summary(w)).toMatchObject({ joined: 1, submitted: 0 });
	});

	test('a join past the cap is refused with a clear message', async () => {
		// The form states the rule by examples that hold whatever number is typed (the cap's own function).
		expect(await (await fetch(`${base()}/workshops/new`)).text()).toContain(
			`Joining stops a fifth above this number, and at least 2 above it (12 → ${participantCap(12)}, 60 → ${participantCap(60)})`
		);
		const w = await createWorkshop(base(), 'Small room', 2, 3);
		expect(await (await fetch(`${base()}${w.dashboard}`, { headers: { cookie: w.cookie } })).text()).toMatch(
			/You expected 3 people; joining stops at 5/
		);
		for (let i = 0; i < 5; i++) await joined(w.code);
		const full = await join(w.code);
		expect(full.status).toBe(409);
		expect(await full.text()).toContain(
			'This workshop is full: its facilitator expected 3 people and 5 have joined. If you joined before on another device, carry on there; otherwise ask the facilitator.'
		);
		expect((await summary(w)).joined).toBe(5);
	});

	test('event streams: one state per change for every stream; capped per workshop and per address', async () => {
		const a = await createWorkshop(base(), 'Streams A', 3, 10);
		const b = await createWorkshop(base(), 'Streams B', 3, 10);
		const open = (w: TestWorkshop) => openEventStream<{ submitted: number }>(base(), `${w.dashboard}/events`, w.cookie);
		const streams: EventStream<{ submitted: number }>[] = [];
		try {
			for (let i = 0; i < DASHBOARD_STREAMS.perWorkshop; i++) streams.push(await open(a));
			await Promise.all(streams.map((s) => s.waitFor(1)));
			const overWorkshop = await fetch(`${base()}${a.dashboard}/events`, { headers: { cookie: a.cookie } });
			expectTooMany(overWorkshop, 'stream over the workshop cap');
			expect(await overWorkshop.json()).toMatchObject({ error: 'too_many_streams' });
			const more = DASHBOARD_STREAMS.perAddress - DASHBOARD_STREAMS.perWorkshop;
			for (let i = 0; i < more; i++) streams.push(await open(b));
			const overAddress = await fetch(`${base()}${b.dashboard}/events`, { headers: { cookie: b.cookie } });
			expectTooMany(overAddress, 'stream over the address cap');
			await overAddress.arrayBuffer();
			// A change reaches every stream of its workshop as the same event.
			const participant = await joined(a.code);
			const before = streams.slice(0, DASHBOARD_STREAMS.perWorkshop).map((s) => s.events.length);
			expect((await submitAnswers(base(), a.code, participant, best, 'streams-key-1')).status).toBe(201);
			const ofA = streams.slice(0, DASHBOARD_STREAMS.perWorkshop);
			await Promise.all(ofA.map((s, i) => s.waitFor(before[i]! + 1)));
			const latest = ofA.map((s) => JSON.stringify(s.events.at(-1)));
			expect(new Set(latest).size).toBe(1);
			expect(JSON.parse(latest[0]!)).toMatchObject({ submitted: 1 });
		} finally {
			for (const s of streams) s.close();
		}
		// Closed streams free their places.
		await new Promise((r) => setTimeout(r, 300));
		const again = await open(a);
		await again.waitFor(1);
		again.close();
	});

	test('team.pdf is cached per data version and rate-limited', { timeout: 60_000 }, async () => {
		const w = await createWorkshop(base(), 'Report', 3, 10);
		const pdf = () => fetch(`${base()}${w.dashboard}/team.pdf`, { headers: { cookie: w.cookie } });
		let requests = 0;
		const get = async () => {
			requests++;
			const res = await pdf();
			return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
		};
		expect((await get()).status).toBe(409); // below the minimum
		const cookies = await Promise.all(Array.from({ length: 6 }, () => joined(w.code)));
		for (let i = 0; i < 3; i++) await submitAnswers(base(), w.code, cookies[i]!, i ? best : worst, `pdf-key-${i}-01`);
		const first = await get();
		expect(first.status).toBe(200);
		expect(first.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		await new Promise((r) => setTimeout(r, 1100)); // a rebuild would now carry another creation time
		const second = await get();
		expect(second.bytes.equals(first.bytes)).toBe(true);
		// Two more responses wait for a third: the figures stay, and the report now says two responses are left out
		// of them (a new build, cached in turn).
		for (let i = 3; i < 5; i++) await submitAnswers(base(), w.code, cookies[i]!, worst, `pdf-key-${i}-01`);
		const waiting = await get();
		expect(waiting.bytes.equals(first.bytes)).toBe(false);
		expect((await pdfText(new Uint8Array(waiting.bytes))).text.replace(/\s+/g, ' ')).toContain(
			'2 responses came in after the figures last changed and are not included in the team result'
		);
		expect((await get()).bytes.equals(waiting.bytes)).toBe(true);
		await submitAnswers(base(), w.code, cookies[5]!, worst, 'pdf-key-5-01');
		const third = await get();
		expect(third.status).toBe(200);
		expect(third.bytes.equals(first.bytes)).toBe(false);
		expect(third.bytes.equals(waiting.bytes)).toBe(false);
		while (requests < TEAM_PDF.limit) expect((await get()).status).toBe(200);
		const limited = await pdf();
		expectTooMany(limited, 'team.pdf over the limit');
		await limited.arrayBuffer();
	});

	test('control characters are refused with a 400 and titles need a visible character', async () => {
		const cases: [string, Record<string, string>][] = [
			['NUL in the title', { title: 'Plat\u0000form' }],
			['a line break in the title', { title: 'Two\nlines' }],
			['only zero-width characters', { title: '\u200b\u200c\u200d\ufeff' }],
			['only a Hangul filler', { title: '\u3164' }],
			['NUL in the organisation', { title: 'Fine', organisation: 'Ex\u0000ample' }]
		];
		for (const [what, fields] of cases) {
			const res = await postForm(base(), '/workshops/new', { minGroupSize: '3', expectedGroupSize: '10', ...fields });
			expect(res.status, what).toBe(400);
			expect(await res.text(), what).toMatch(/control characters|Enter a workshop title/);
		}
		const w = await createWorkshop(base(), 'Names', 3, 10);
		const res = await join(w.code, { displayName: 'Ada\u0000' });
		expect(res.status).toBe(400);
		expect(await res.text()).toMatch(/The name cannot contain control characters/);
		expect((await summary(w)).joined).toBe(0);
	});

	test(
		'60 joins from one address within a minute all succeed; the per-address join limit stops the rest',
		{ timeout: 120_000 },
		async () => {
			const room = await createWorkshop(base(), 'Room of sixty', 3, 60);
			const started = Date.now();
			// Ten at a time, as phones scanning the QR code at once.
			const results: Response[] = [];
			for (let i = 0; i < 60; i += 10)
				results.push(...(await Promise.all(Array.from({ length: 10 }, () => join(room.code)))));
			expect(Date.now() - started).toBeLessThan(60_000);
			expect(results.map((r) => r.status)).toEqual(Array(60).fill(303));
			expect((await summary(room)).joined).toBe(60);
			// The rest of this address's joins for the window, then 429.
			const other = await createWorkshop(base(), 'Next room', 3, 200);
			while (joins < JOINS.limit) expect((await join(other.code)).status).toBe(303);
			const over = await join(other.code);
			expectTooMany(over, 'join over the limit');
			expect(await over.text()).toMatch(/Too many attempts/);
		}
	);

	test('a guess is counted before its lookup; a participant’s own cookie is never guess-limited', async () => {
		const { workshop: w, participant } = guessing;
		// 200 wrong codes at once from one address: exactly the limit is looked up, the rest refused.
		const burst = await Promise.all(
			Array.from({ length: 200 }, (_, i) => postForm(base(), '/join', { code: wrongCode(i) }))
		);
		const statuses = burst.map((r) => r.status);
		expect(statuses.filter((s) => s === 404)).toHaveLength(JOIN_CODE_GUESSES.limit);
		expect(statuses.filter((s) => s === 429)).toHaveLength(200 - JOIN_CODE_GUESSES.limit);
		await Promise.all(burst.map((r) => r.arrayBuffer()));
		// Now even the right code is refused to a stranger on this address…
		expectTooMany(await fetch(`${base()}/w/${w.code}`), 'a stranger with the right code');
		expectTooMany(await postForm(base(), '/join', { code: w.code }), 'the join form with the right code');
		// …but the participant behind the same address carries on: their page, the JSON endpoint, the form.
		const page = await fetch(`${base()}/w/${w.code}`, { headers: { cookie: participant } });
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('What your facilitator will see');
		expect((await submitAnswers(base(), w.code, participant, best, 'guess-key-01')).status).toBe(201);
		const form = new URLSearchParams({
			go: 'submit',
			idempotencyKey: 'guess-key-02',
			bank: CURRENT_BANK.id,
			version: CURRENT_BANK.version,
			step: '1'
		});
		for (const q of CURRENT_BANK.questions)
			if (q.kind !== 'profile') form.set(`${ANSWER_FIELD_PREFIX}${q.id}`, worst[q.id]!);
		const nojs = await fetch(`${base()}/w/${w.code}?/submit`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: base(), 'content-type': 'application/x-www-form-urlencoded', cookie: participant },
			body: form
		});
		expect(nojs.status).toBe(200);
		expect((await summary(w)).submitted).toBe(1);
	});

	test('nothing refused above reached the database', async () => {
		await server.withDatabase(async ({ db }) => {
			const rows = (await db.execute(
				sql`select count(*)::int as n from workshops where title ~ '[[:cntrl:]]' or organisation ~ '[[:cntrl:]]'`
			)) as unknown;
			const [row] = (Array.isArray(rows) ? rows : (rows as { rows: { n: number }[] }).rows) as { n: number }[];
			expect(row!.n).toBe(0);
		});
	});
});

describe.each(SERVER_KINDS)('cookies and logs on $name', (kind) => {
	let server: TargetServer;
	beforeAll(async () => {
		// Creating 200 workshops from one address needs the creation limit lifted; nothing else here is limited.
		server = await kind.start({ RATE_LIMIT_SCALE: '20' });
	}, 120_000);
	afterAll(async () => {
		await server?.stop();
	});

	test(
		'facilitating and joining 200 workshops from one browser keeps one small cookie each: no 431',
		{ timeout: 180_000 },
		async () => {
			const base = server.url;
			const jar = new Map<string, string>();
			const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
			const keep = (res: Response) => {
				for (const c of res.headers.getSetCookie()) {
					const [pair] = c.split(';');
					const at = pair!.indexOf('=');
					jar.set(pair!.slice(0, at), pair!.slice(at + 1));
				}
			};
			let first: { dashboard: string; code: string } | undefined;
			let last = '';
			for (let i = 0; i < 200; i++) {
				const created = await postForm(
					base,
					'/workshops/new',
					{ title: `W${i}`, minGroupSize: '2', expectedGroupSize: '5' },
					header()
				);
				expect(created.status, `workshop ${i}`).toBe(303);
				keep(created);
				last = created.headers.get('location')!;
				if (i === 0) {
					const html = await (await fetch(`${base}${last}`, { headers: { cookie: header() } })).text();
					first = { dashboard: last, code: /data-testid="join-code"[^>]*>([A-Z0-9]{6})</.exec(html)![1]! };
				}
			}
			expect(header().length).toBeLessThan(4096);
			expect([...jar.keys()]).toEqual(['facilitator']);
			for (const path of ['/', '/workshops/new', last]) {
				const res = await fetch(`${base}${path}`, { headers: { cookie: header() } });
				expect(res.status, path).toBe(200);
				await res.arrayBuffer();
			}
			// The oldest workshops are forgotten by this browser: the private link brings them back.
			expect((await fetch(`${base}${first!.dashboard}`, { headers: { cookie: header() } })).status).toBe(403);
			// Joining many workshops keeps one participant cookie too.
			const codes: string[] = [];
			for (let i = 0; i < 30; i++) {
				const w = await createWorkshop(base, `J${i}`, 2, 5);
				codes.push(w.code);
			}
			const participant = new Map<string, string>();
			for (const code of codes) {
				const res = await postForm(
					base,
					`/w/${code}?/join`,
					{ displayName: '' },
					[...participant].map(([k, v]) => `${k}=${v}`).join('; ')
				);
				expect(res.status).toBe(303);
				for (const c of res.headers.getSetCookie()) {
					const [pair] = c.split(';');
					participant.set(pair!.split('=')[0]!, pair!.slice(pair!.indexOf('=') + 1));
				}
			}
			expect([...participant.keys()]).toEqual(['participant']);
			const cookie = [...participant].map(([k, v]) => `${k}=${v}`).join('; ');
			expect(cookie.length).toBeLessThan(2048);
			// The most recent workshops still know this browser as their participant.
			const page = await (await fetch(`${base}/w/${codes.at(-1)}`, { headers: { cookie } })).text();
			expect(page).not.toContain('Join workshop');
		}
	);

	test('a failed query is logged without its parameters or any personal data', { timeout: 60_000 }, async () => {
		const name = 'Ada Lovelace-Byron';
		// Make the database refuse one display name, so the insert fails inside the app (a 500 with a reference).
		await server.withDatabase(async ({ db }) => {
			await db.execute(
				sql.raw(
					`alter table participants add constraint refuse_one_name check (display_name is distinct from '${name}')`
				)
			);
		});
		const base = server.url;
		const w = await createWorkshop(base, 'Logged', 2, 5);
		const res = await postForm(base, `/w/${w.code}?/join`, { displayName: name });
		expect(res.status).toBe(500);
		const reference = /reference ([0-9a-f]{8})/.exec(await res.text())?.[1];
		expect(reference).toBeDefined();
		// The log line is written as the response goes out: wait for it rather than read the output at once.
		const lineOf = () =>
			server
				.output()
				.split('\n')
				.find((l) => l.includes(`"ref":"${reference}"`));
		await expect.poll(lineOf, { timeout: 5_000 }).toBeDefined();
		const log = server.output();
		const line = lineOf();
		// One JSON line per error (pino); the error is described in its `err` field.
		const err = String((JSON.parse(line!) as { err: unknown }).err);
		expect(err).toMatch(/SQLSTATE 23514/);
		expect(err).toMatch(/insert into "participants"/);
		expect(log).not.toContain(name);
		expect(log).not.toContain(w.code);
		expect(log).not.toMatch(/[0-9a-f]{64}/); // no token hash
		expect(log).not.toContain(w.cookie.split('.').at(-1)!); // no facilitator token
	});
});
