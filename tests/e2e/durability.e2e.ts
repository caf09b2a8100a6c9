/**
 * Durability of the built server: `kill -9` under a steady submission load must never lose a submission that got
 * a 2xx; SIGTERM drains in-flight requests and releases the data directory; a second process on the same PGlite
 * directory fails fast. Run against PGlite and (with TEST_DATABASE_URL) PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { CURRENT_BANK } from '$scoring/content/banks/index';
import { mulberry32 } from '$scoring/norm/simulate';
import { DONT_KNOW, NOT_APPLICABLE, type Answers } from '$scoring/schema';
import { createDb, type DbOptions } from '$lib/server/db';
import { participants, responses, workshops } from '$lib/server/db/schema';
import { hashToken } from '$lib/server/workshops/tokens';
import { recordSecurity } from './security-summary';
import { freePort, SERVER_ENTRY, startServer, type RunningServer } from './server';

// A failed test must not leave its server holding the data-directory lock for the next one.
const running = new Set<RunningServer>();
afterEach(async () => {
	for (const server of running) if (server.process.exitCode === null) server.process.kill('SIGKILL');
	running.clear();
});

const KILLS = Number(process.env.DURABILITY_KILLS ?? 20);
const CLIENTS = 6;
const PARTICIPANTS = 30;
const SEED = Number(process.env.DURABILITY_SEED ?? 20_260_624);
/** Load runs this long (ms, seeded uniform) before each kill: some kills land right after a start. */
const LOAD_MS: [number, number] = [50, 1_500];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A POST the way a browser form on the server's origin sends it (the CSRF guard wants Origin). */
function form(base: string, path: string, fields: Record<string, string>, cookie = '') {
	return fetch(`${base}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', cookie },
		body: new URLSearchParams(fields)
	});
}

/** The `name=value` pairs a response sets, as a Cookie header. */
const cookieOf = (res: Response) =>
	res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');

/** Creates a workshop through the facilitator form: its join code, dashboard path and facilitator cookie. */
async function createWorkshop(base: string, title: string) {
	const created = await form(base, '/workshops/new', { title, minGroupSize: '3', expectedGroupSize: '100' });
	expect(created.status).toBe(303);
	const dashboard = created.headers.get('location')!;
	const facilitator = cookieOf(created);
	const page = await (await fetch(`${base}${dashboard}`, { headers: { cookie: facilitator } })).text();
	return { code: /data-testid="join-code"[^>]*>([A-Z0-9]{6,})</.exec(page)![1]!, dashboard, facilitator };
}

interface Participant {
	cookie: string;
	/** SHA-256 of the participant token, as stored: how the final check finds the participant's row. */
	tokenHash: string;
}

/** Joins a workshop through the participant form. */
async function joinWorkshop(base: string, code: string): Promise<Participant> {
	const joined = await form(base, `/w/${code}?/join`, { displayName: '' });
	expect(joined.status).toBe(303);
	const cookie = cookieOf(joined);
	// One `participant` cookie (`__Host-` prefixed over HTTPS) holding `<code>.<token>` entries; a fresh browser has one.
	const value = decodeURIComponent(/(?:^|; )(?:__Host-)?participant=([^;]+)/.exec(cookie)![1]!);
	return { cookie, tokenHash: hashToken(value.slice(value.indexOf('.') + 1)) };
}

interface Submission {
	idempotencyKey: string;
	answers: Answers;
}

/** Valid answers drawn from the question bank (about 10 % "don’t know", some skipped). */
function randomAnswers(random: () => number): Answers {
	const answers: Answers = {};
	for (const q of CURRENT_BANK.questions) {
		const r = random();
		if (r < 0.05) continue;
		answers[q.id] =
			r < 0.15
				? q.kind === 'profile'
					? NOT_APPLICABLE
					: DONT_KNOW
				: q.options[Math.floor(random() * q.options.length)]!.id;
	}
	return answers;
}

/** POSTs a submission to the JSON endpoint; rejects on a network error (e.g. the server was killed mid-request). */
async function submit(base: string, code: string, p: Participant, s: Submission) {
	const res = await fetch(`${base}/w/${code}/response`, {
		method: 'POST',
		headers: { origin: base, 'content-type': 'application/json', cookie: p.cookie },
		body: JSON.stringify(s)
	});
	return { status: res.status, body: (await res.json()) as { status?: string; answers?: Answers } };
}

/** Each participant's response as stored, keyed by token hash, read straight from the database. */
async function readResponses(options: DbOptions, code: string): Promise<Map<string, Submission>> {
	const database = await createDb(options);
	try {
		const rows = await database.db
			.select({ tokenHash: participants.tokenHash, answers: responses.answers, key: responses.idempotencyKey })
			.from(responses)
			.innerJoin(participants, eq(participants.id, responses.participantId))
			.innerJoin(workshops, eq(workshops.id, responses.workshopId))
			.where(eq(workshops.joinCode, code));
		return new Map(rows.map((r) => [r.tokenHash, { idempotencyKey: r.key, answers: r.answers }]));
	} finally {
		await database.close();
	}
}

interface KillRun {
	kills: number;
	acknowledged: number;
	acknowledgedMissing: number;
	/** Submissions in flight at a kill that were found committed when retried with their key. */
	committedUnacknowledged: number;
	startMs: number[];
	elapsedMs: number;
}

/**
 * Runs CLIENTS concurrent clients submitting for PARTICIPANTS participants against the server on one database,
 * SIGKILLs it KILLS times at seeded random moments and restarts it. Clients behave like the browser queue: a
 * submission that got no answer is retried with the same idempotency key; a new submission gets a fresh key.
 *
 * Acknowledged-but-missing is counted twice over: after every restart each participant's last acknowledged
 * submission is sent again and must come back `unchanged` (so it survived the kill), and at the end the database
 * is read directly and must hold exactly each participant's last acknowledged submission.
 */
async function killLoop(label: string, env: Record<string, string>, db: DbOptions, dataDir?: string): Promise<KillRun> {
	const random = mulberry32(SEED);
	const began = Date.now();
	const startMs: number[] = [];
	const start = async () => {
		const t = Date.now();
		const server = await startServer(env, { dataDir });
		running.add(server);
		startMs.push(Date.now() - t);
		return server;
	};

	let server = await start();
	const { code } = await createWorkshop(server.url, `Durability ${label}`);
	const people: Participant[] = [];
	for (let i = 0; i < PARTICIPANTS; i++) people.push(await joinWorkshop(server.url, code));

	const lastAck = new Map<number, Submission>();
	const pending = new Map<number, Submission>();
	let acknowledged = 0;
	let acknowledgedMissing = 0;
	let committedUnacknowledged = 0;
	let serial = 0;
	const refused: string[] = [];

	const fresh = (): Submission => ({
		idempotencyKey: `${label}-${serial++}-${randomBytes(4).toString('hex')}`,
		answers: randomAnswers(random)
	});
	const acknowledge = (i: number, s: Submission, status: number, body: { status?: string; answers?: Answers }) => {
		if (status < 200 || status >= 300) {
			refused.push(`${status} ${JSON.stringify(body)}`);
			return;
		}
		// The server must answer with what it stored, which must be what we sent under this key.
		if (!isDeepStrictEqual(body.answers, s.answers)) refused.push(`answers differ for ${s.idempotencyKey}`);
		acknowledged++;
		lastAck.set(i, s);
		pending.delete(i);
	};

	/** After a restart: finish what was in flight, and check every earlier acknowledgement survived. */
	const probe = async () => {
		for (let i = 0; i < people.length; i++) {
			const inFlight = pending.get(i);
			const last = lastAck.get(i);
			const s = inFlight ?? last;
			if (!s) continue;
			const { status, body } = await submit(server.url, code, people[i]!, s);
			if (inFlight) {
				if (body.status === 'unchanged') committedUnacknowledged++;
				acknowledge(i, s, status, body);
			} else if (status !== 200 || body.status !== 'unchanged') {
				acknowledgedMissing++;
				console.error(`${label}: acknowledged ${s.idempotencyKey} was lost (resend → ${status} ${body.status})`);
			}
		}
	};

	let killed = false;
	const client = async (c: number) => {
		const mine = people.map((_, i) => i).filter((i) => i % CLIENTS === c);
		for (let turn = 0; !killed; turn++) {
			const i = mine[turn % mine.length]!;
			const s = pending.get(i) ?? fresh();
			pending.set(i, s);
			try {
				const { status, body } = await submit(server.url, code, people[i]!, s);
				acknowledge(i, s, status, body);
			} catch (error) {
				// Only a kill may interrupt a request.
				if (!killed) throw error;
			}
		}
	};

	let kills = 0;
	for (let round = 0; round < KILLS; round++) {
		killed = false;
		const load = Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
		await sleep(LOAD_MS[0] + random() * (LOAD_MS[1] - LOAD_MS[0]));
		const exited = new Promise((r) => server.process.once('exit', r));
		killed = true;
		server.process.kill('SIGKILL');
		await exited;
		await load;
		kills++;
		if (dataDir) {
			// The dead process's lock is still there: the restart must take it over.
			expect(readFileSync(join(dataDir, 'readiness.lock'), 'utf8').trim()).toBe(String(server.process.pid));
		}
		server = await start();
		await probe();
	}

	// Let everything in flight be acknowledged, stop cleanly, then read the database directly.
	await probe();
	await server.stop();
	expect(server.process.exitCode).toBe(0);
	if (dataDir) expect(existsSync(join(dataDir, 'readiness.lock'))).toBe(false);
	const stored = await readResponses(db, code);
	for (const [i, s] of lastAck) {
		const row = stored.get(people[i]!.tokenHash);
		if (!row || row.idempotencyKey !== s.idempotencyKey || !isDeepStrictEqual(row.answers, s.answers)) {
			acknowledgedMissing++;
			console.error(`${label}: participant ${i}: acknowledged ${s.idempotencyKey}, stored ${row?.idempotencyKey}`);
		}
	}
	expect(refused).toEqual([]);
	expect(pending.size).toBe(0);
	return {
		kills,
		acknowledged,
		acknowledgedMissing,
		committedUnacknowledged,
		startMs,
		elapsedMs: Date.now() - began
	};
}

/** Prints the run and adds it to the security suite's tally (kills survived, acknowledged-but-missing). */
function report(label: string, run: KillRun) {
	recordSecurity({ killsSurvived: run.kills, acknowledgedMissing: run.acknowledgedMissing });
	const sorted = [...run.startMs].sort((a, b) => a - b);
	console.log(
		`durability ${label}: ${run.kills} kill -9 survived, ${run.acknowledged} submissions acknowledged, ` +
			`${run.acknowledgedMissing} acknowledged-but-missing, ${run.committedUnacknowledged} in flight at a kill ` +
			`and found committed; start ${sorted[0]} ms first ${run.startMs[0]} ms, median ` +
			`${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted.at(-1)} ms; total ${(run.elapsedMs / 1000).toFixed(1)} s`
	);
}

// One PGlite directory for every test in this file: a fresh one takes PGlite many seconds to initialise.
let pgliteDir: string | undefined;
function sharedDataDir() {
	return (pgliteDir ??= mkdtempSync(join(tmpdir(), 'readiness-durable-')));
}
afterAll(() => {
	if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
});

describe('kill -9 under load', () => {
	test(`PGlite: ${KILLS} kills, every acknowledged submission is in the database`, { timeout: 600_000 }, async () => {
		const dataDir = sharedDataDir();
		const run = await killLoop('pglite', {}, { dataDir }, dataDir);
		report('PGlite', run);
		expect(run.kills).toBe(KILLS);
		expect(run.acknowledged).toBeGreaterThan(KILLS);
		expect(run.acknowledgedMissing).toBe(0);
	});

	const url = process.env.TEST_DATABASE_URL;
	if (!url) console.log('TEST_DATABASE_URL is not set: skipping the kill -9 test on PostgreSQL.');
	test.skipIf(!url)(`PostgreSQL: ${KILLS} kills of the app server`, { timeout: 600_000 }, async () => {
		const name = `readiness_durable_${randomBytes(6).toString('hex')}`;
		const admin = postgres(url!, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name}`);
		try {
			const target = new URL(url!);
			target.pathname = `/${name}`;
			const run = await killLoop('postgres', { DATABASE_URL: target.toString() }, { databaseUrl: target.toString() });
			report('PostgreSQL', run);
			expect(run.kills).toBe(KILLS);
			expect(run.acknowledgedMissing).toBe(0);
		} finally {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	});
});

/** The PostgreSQL cluster state in `pg_control` (offset 16, after the system id and two version numbers). */
function clusterState(dataDir: string): 'shut down' | 'in production' | number {
	const state = readFileSync(join(dataDir, 'pglite', 'global', 'pg_control')).readUInt32LE(16);
	return state === 1 ? 'shut down' : state === 6 ? 'in production' : state;
}

/** A submission uploaded in two halves: the request is in flight until `finish()` sends the rest. */
function slowSubmit(base: string, code: string, p: Participant, s: Submission) {
	const body = Buffer.from(JSON.stringify(s));
	let finish = () => {};
	const response = new Promise<{ status: number; body: { status?: string } }>((resolve, reject) => {
		const req = request(
			`${base}/w/${code}/response`,
			{
				method: 'POST',
				agent: false,
				headers: { origin: base, 'content-type': 'application/json', 'content-length': body.length, cookie: p.cookie }
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (d) => (text += d));
				res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
			}
		);
		req.on('error', reject);
		req.write(body.subarray(0, body.length >> 1));
		finish = () => req.end(body.subarray(body.length >> 1));
	});
	return { response, finish: () => finish() };
}

/** Opens a fresh TCP connection; rejects with the socket error (ECONNREFUSED once the server stopped listening). */
function connect(port: number): Promise<void> {
	return new Promise((resolve, reject) => {
		const socket = createConnection({ port, host: '127.0.0.1' });
		socket.once('connect', () => {
			socket.destroy();
			resolve();
		});
		socket.once('error', reject);
	});
}

describe('shutdown and the data-directory lock (PGlite)', () => {
	test('SIGTERM ends event streams, finishes in-flight submissions, refuses new connections, closes the database, exits 0', async () => {
		const dataDir = sharedDataDir();
		const server = await startServer({ SHUTDOWN_TIMEOUT: '10' }, { dataDir });
		try {
			const { code, dashboard, facilitator } = await createWorkshop(server.url, 'Drain');
			const random = mulberry32(SEED);
			const people: Participant[] = [];
			for (let i = 0; i < 3; i++) people.push(await joinWorkshop(server.url, code));
			const sent = people.map((_, i) => ({
				idempotencyKey: `drain-${i}-${randomBytes(4).toString('hex')}`,
				answers: randomAnswers(random)
			}));
			const inFlight = people.map((p, i) => slowSubmit(server.url, code, p, sent[i]!));
			// An open dashboard: its event stream must end at SIGTERM rather than hold the drain until the timeout.
			// Opened after the submissions' headers went out, so by its first event the server has seen them too.
			const events = await fetch(`${server.url}${dashboard}/events`, {
				headers: { cookie: facilitator, accept: 'text/event-stream' }
			});
			expect(events.status).toBe(200);
			const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
			let received = '';
			while (!received.includes('event: summary')) received += (await reader.read()).value ?? '';
			let streamEnded = false;
			const drained = (async () => {
				while (!(await reader.read()).done);
				streamEnded = true;
			})();
			await sleep(300);
			expect(clusterState(dataDir)).toBe('in production');

			const exited = new Promise<number | null>((r) => server.process.once('exit', (c) => r(c)));
			const signalled = Date.now();
			server.process.kill('SIGTERM');
			// While the submissions still wait for the rest of their bodies: no new connection, the stream has ended.
			await expect
				.poll(
					() =>
						connect(server.port).then(
							() => 'accepted',
							(e: Error) => e.message
						),
					{ timeout: 5_000 }
				)
				.toMatch(/ECONNREFUSED/);
			await expect.poll(() => streamEnded, { timeout: 5_000 }).toBe(true);
			await drained;
			expect(server.process.exitCode).toBeNull();

			for (const request of inFlight) request.finish();
			const answered = await Promise.all(inFlight.map((r) => r.response));
			expect(answered.map((r) => [r.status, r.body.status])).toEqual(people.map(() => [201, 'created']));
			const exitCode = await exited;
			const drainMs = Date.now() - signalled;
			expect(exitCode).toBe(0);
			expect(drainMs).toBeLessThan(10_000);

			// The lock is released and PostgreSQL recorded a clean shutdown (no recovery needed on the next start).
			expect(existsSync(join(dataDir, 'readiness.lock'))).toBe(false);
			expect(clusterState(dataDir)).toBe('shut down');
			const stored = await readResponses({ dataDir }, code);
			for (const [i, p] of people.entries()) expect(stored.get(p.tokenHash)).toEqual(sent[i]);
			console.log(
				`SIGTERM: event stream ended, ${answered.length} in-flight submissions answered 201 and stored; ` +
					`exit 0 after ${drainMs} ms (SHUTDOWN_TIMEOUT 10 s)`
			);
		} finally {
			await server.stop('SIGKILL');
		}
	});

	test('a second server on the same data directory exits at once with one clear line', async () => {
		const dataDir = sharedDataDir();
		const first = await startServer({}, { dataDir });
		try {
			const port = await freePort();
			const began = Date.now();
			const second = spawn(process.execPath, [SERVER_ENTRY], {
				env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
				stdio: ['ignore', 'pipe', 'pipe']
			});
			let stdout = '';
			let stderr = '';
			second.stdout.on('data', (d) => (stdout += d));
			second.stderr.on('data', (d) => (stderr += d));
			const exitCode = await new Promise<number | null>((r) => second.once('exit', (c) => r(c)));
			const ms = Date.now() - began;
			expect(exitCode).toBe(1);
			expect(stderr).toBe('');
			// One log line, JSON like every other.
			expect(
				stdout
					.trim()
					.split('\n')
					.map((line) => JSON.parse(line) as unknown)
			).toEqual([
				expect.objectContaining({
					level: 'fatal',
					msg:
						`The data directory is in use by another process (pid ${first.process.pid}): ${join(dataDir, 'readiness.lock')}. ` +
						'Stop that process, or set DATA_DIR to another directory (or DATABASE_URL to share a PostgreSQL).'
				})
			]);
			// The first server is untouched: it still holds the lock and serves.
			expect(readFileSync(join(dataDir, 'readiness.lock'), 'utf8').trim()).toBe(String(first.process.pid));
			expect((await fetch(`${first.url}/`)).status).toBe(200);
			console.log(`second process on one PGlite directory: exit 1 after ${ms} ms`);
		} finally {
			await first.stop();
		}
	});
});
