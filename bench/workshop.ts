/**
 * `npm run bench:workshop` (`npm run build` first), loopback only, three parts:
 *
 * 1. Submit throughput: 1,000 participants submitting to a workshop on the built server, on PGlite and — when
 *    TEST_DATABASE_URL (or BENCH_DATABASE_URL) is set — on PostgreSQL: once all as fast as the server allows (a
 *    burst, 32 in flight), once paced over 9 s. Prints throughput, latency percentiles, acknowledged submissions
 *    missing from the database, the ratio against a bare `node:http` handler doing only the same validation (the
 *    ceiling) and against the same endpoint refusing at once (the framework floor).
 * 2. The submit endpoint's profile: the burst again on PGlite with the server under `node --cpu-prof`; the samples
 *    taken during the burst, self time by area (bench/cpu-profile.ts) and the top functions.
 * 3. The room at scale (bench/room.ts): 1,000 phones — the group-size maximum — holding a facilitated workshop's
 *    room stream from distinct loopback addresses, and presenter steps timed until the last phone has the new state;
 *    on PGlite (one instance) and on two instances sharing PostgreSQL; the memory per open stream.
 *
 * Every figure is printed with the 1-minute load average at its end (the machine is shared). Targets, exit 1 when
 * one is missed: submit burst p95 < 200 ms, ≥ 50 % of the ceiling, 0 acknowledged-but-missing, no errors; the room:
 * no 429, no failed phone, one address per phone, enough file descriptors, last phone p95 < 1 s.
 *
 * `BENCH_PARTICIPANTS` (default 1000) and `BENCH_PHONES` (default 1000) set the sizes, `BENCH_ROOM_STEPS` the
 * presenter steps (20; 3 below 1,000 phones), `BENCH_PARTS` the parts (default `submit,profile,room`);
 * `BENCH_PROFILE_OUT=file.cpuprofile` keeps the whole profile (for Chrome DevTools). `npm test`
 * runs it at 20 and 20 (tests/e2e/bench.e2e.ts) so it cannot rot; the latency and ceiling targets are only checked
 * at full size.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { CURRENT_BANK } from '$scoring/content/banks/index';
import { DONT_KNOW, NOT_APPLICABLE, type Answers } from '$scoring/schema';
import { validateAnswers } from '$scoring/model/v2/score';
import { createDb } from '$lib/server/db';
import { MAX_GROUP_SIZE, SubmissionSchema } from '$lib/server/workshops/dto';
import { startServer, type RunningServer } from '../tests/e2e/server';
import { printProfile, summariseProfile, type ProfileSummary } from './cpu-profile';
import { load1, percentile, pool, prng } from './load';
import { benchRoom, fileLimitProblem, printRoom, type RoomFigures } from './room';

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const BUDGET_MS = 10_000;
/** The targets: burst p95 under this many ms, and at least this share of the bare ceiling (at 1,000 participants). */
const TARGET_P95_MS = 200;
const TARGET_CEILING_SHARE = 0.5;
const FULL_SIZE = PARTICIPANTS >= 1000;
/** The paced run spreads arrivals over 9 s (1 s at a small size: it only has to run). */
const PACED_MS = FULL_SIZE ? BUDGET_MS * 0.9 : 1000;
/** The room: phones (the group-size maximum), presenter steps, and the last phone's p95 target (at full size). */
const PHONES = Number(process.env.BENCH_PHONES ?? MAX_GROUP_SIZE);
const ROOM_FULL_SIZE = PHONES >= MAX_GROUP_SIZE;
const ROOM_STEPS = Number(process.env.BENCH_ROOM_STEPS ?? (ROOM_FULL_SIZE ? 20 : 3));
const TARGET_ROOM_P95_MS = 1000;
/** `BENCH_PARTS`: which parts run (default all), e.g. `room` or `submit,profile`. */
const PARTS = new Set((process.env.BENCH_PARTS ?? 'submit,profile,room').split(','));

function randomAnswers(random: () => number): Answers {
	const answers: Answers = {};
	for (const q of CURRENT_BANK.questions) {
		const r = random();
		if (r < 0.05) continue;
		answers[q.id] =
			r < 0.1
				? q.kind === 'profile'
					? NOT_APPLICABLE
					: DONT_KNOW
				: q.options[Math.floor(random() * q.options.length)]!.id;
	}
	return answers;
}

interface Figures {
	label: string;
	throughput: number;
	elapsed: number;
	p50: number;
	p95: number;
	p99: number;
	errors: number;
	missing: number | null;
	/** The 1-minute load average when the run ended. */
	load: string;
}

/** A run's figures; `run.load` is the load average when it ended (default: now). */
function figures(
	label: string,
	run: { latencies: number[]; elapsed: number; load?: string },
	errors: number,
	missing: number | null
) {
	const sorted = [...run.latencies].sort((a, b) => a - b);
	return {
		label,
		throughput: (run.latencies.length / run.elapsed) * 1000,
		elapsed: run.elapsed,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		p99: percentile(sorted, 99),
		errors,
		missing,
		load: run.load ?? load1()
	} satisfies Figures;
}

const cookieOf = (res: Response) =>
	res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');

interface AppFigures {
	burst: Figures;
	/** When the burst ran (µs, monotonic clock). */
	burstWindow: { from: number; to: number };
	joins?: Figures;
	floor?: Figures;
	paced?: Figures;
}

/** {@link pool}, with the load average as it ended. */
async function timed(...args: Parameters<typeof pool>) {
	return { ...(await pool(...args)), load: load1() };
}

/** Now on the monotonic clock V8's profiler stamps its samples with, in microseconds. */
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/**
 * The built app on one database: create a workshop, join everyone, then time the submissions. `burstOnly`: the
 * burst alone (the profiled run), under `nodeArgs`; `burstWindow` says when it ran, for the profile.
 */
async function benchApp(
	label: string,
	env: Record<string, string>,
	countStored: (keys: string[]) => Promise<number>,
	options: { nodeArgs?: string[]; burstOnly?: boolean } = {}
): Promise<AppFigures> {
	// Every participant comes from one loopback address: lift the per-address limits (joins, creations).
	const server = await startServer(
		{ RATE_LIMIT_SCALE: '100', ...env },
		{ nodeArgs: options.nodeArgs, ...(env.DATA_DIR ? { dataDir: env.DATA_DIR } : {}) }
	);
	const sets = options.burstOnly ? 1 : 2;
	const base = server.url;
	const post = (path: string, body: string, type: string, cookie = '') =>
		fetch(`${base}${path}`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: base, 'content-type': type, accept: 'text/html', cookie },
			body
		});
	try {
		// Two workshops of PARTICIPANTS each (the cap follows the expected group size): one for the burst, one paced.
		const workshops: string[] = [];
		for (const title of ['Bench burst', 'Bench paced'].slice(0, sets)) {
			const created = await post(
				'/workshops/new',
				new URLSearchParams({ title, minGroupSize: '3', expectedGroupSize: String(PARTICIPANTS) }).toString(),
				'application/x-www-form-urlencoded'
			);
			if (created.status !== 303) throw new Error(`creating a workshop failed: ${created.status}`);
			const dashboard = created.headers.get('location')!;
			const page = await (await fetch(`${base}${dashboard}`, { headers: { cookie: cookieOf(created) } })).text();
			workshops.push(/data-testid="join-code"[^>]*>([A-Z0-9]{6})</.exec(page)![1]!);
		}
		const codeOf = (i: number) => workshops[i < PARTICIPANTS ? 0 : 1]!;

		// Twice the participants: one set submits as fast as the server allows, the other paced over 10 s.
		const cookies: string[] = new Array(sets * PARTICIPANTS);
		const joins = await timed(sets * PARTICIPANTS, CONCURRENCY, async (i) => {
			const res = await post(`/w/${codeOf(i)}?/join`, 'displayName=', 'application/x-www-form-urlencoded');
			if (res.status !== 303) throw new Error(`join failed: ${res.status} ${await res.text()}`);
			cookies[i] = cookieOf(res);
		});

		const random = prng(42);
		const bodies = Array.from({ length: sets * PARTICIPANTS }, (_, i) =>
			JSON.stringify({ answers: randomAnswers(random), idempotencyKey: `bench-${i}-${randomBytes(4).toString('hex')}` })
		);
		const acknowledged: string[] = [];
		const errors = { burst: 0, paced: 0 };
		const submit = (offset: number, kind: keyof typeof errors) => async (i: number) => {
			const res = await post(
				`/w/${codeOf(offset + i)}/response`,
				bodies[offset + i]!,
				'application/json',
				cookies[offset + i]
			);
			await res.arrayBuffer();
			if (res.status === 201 || res.status === 200) acknowledged.push(JSON.parse(bodies[offset + i]!).idempotencyKey);
			else errors[kind]++;
		};
		const burstFrom = monotonicUs();
		const burst = await timed(PARTICIPANTS, CONCURRENCY, submit(0, 'burst'));
		const burstWindow = { from: burstFrom, to: monotonicUs() };
		if (options.burstOnly) {
			await server.stop();
			const missing = acknowledged.length - (await countStored(acknowledged));
			return { burst: figures(`${label}: submit, as fast as possible`, burst, errors.burst, missing), burstWindow };
		}
		// The framework's floor: the same endpoint, same participants, refused at once (415, wrong content type) —
		// SvelteKit, the hooks and the workshop lookup, but no body, no validation and no database.
		let floorErrors = 0;
		const floor = await timed(PARTICIPANTS, CONCURRENCY, async (i) => {
			const res = await post(`/w/${codeOf(i)}/response`, bodies[i]!, 'text/plain', cookies[i]);
			await res.arrayBuffer();
			if (res.status !== 415) floorErrors++;
		});
		const paced = await timed(PARTICIPANTS, PARTICIPANTS, submit(PARTICIPANTS, 'paced'), PACED_MS);
		await server.stop();
		const stored = await countStored(acknowledged);
		const missing = acknowledged.length - stored;
		return {
			burstWindow,
			joins: figures(`${label}: join`, joins, 0, null),
			burst: figures(`${label}: submit, as fast as possible`, burst, errors.burst, missing),
			floor: figures(`${label}: the same endpoint refusing at once (framework floor)`, floor, floorErrors, null),
			paced: figures(`${label}: submit, paced over ${PACED_MS / 1000} s`, paced, errors.paced, missing)
		};
	} finally {
		await server.stop();
	}
}

/** The ceiling: a bare node:http server doing only the submission's validation (JSON, schema, bank check). */
async function benchBare(): Promise<Figures> {
	const server: Server = createServer((req, res) => {
		let body = '';
		req.setEncoding('utf8');
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			try {
				const input: unknown = JSON.parse(body);
				const parsed = SubmissionSchema.safeParse(input);
				if (parsed.success) validateAnswers(CURRENT_BANK, parsed.data.answers);
				res.writeHead(parsed.success ? 201 : 400, { 'content-type': 'application/json' }).end('{"status":"created"}');
			} catch {
				res.writeHead(400).end();
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const random = prng(42);
	const bodies = Array.from({ length: PARTICIPANTS }, (_, i) =>
		JSON.stringify({ answers: randomAnswers(random), idempotencyKey: `bench-${i}-0000` })
	);
	let errors = 0;
	const run = await timed(PARTICIPANTS, CONCURRENCY, async (i) => {
		const res = await fetch(`http://127.0.0.1:${port}/`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: bodies[i]
		});
		await res.arrayBuffer();
		if (res.status !== 201) errors++;
	});
	server.close();
	return figures('bare node:http + validation', run, errors, null);
}

function print(rows: Figures[], ceiling: Figures) {
	const f = (n: number) => n.toFixed(1);
	console.log(
		`\n${PARTICIPANTS} participants per run (burst: ${CONCURRENCY} in flight; paced: arrivals spread over ${PACED_MS / 1000} s), loopback, ${process.platform} ${process.arch}, node ${process.version}, ${availableParallelism()} cores\n`
	);
	console.log(
		'| run | requests/s | total s | p50 ms | p95 ms | p99 ms | errors | acked but missing (both runs) | vs ceiling | load avg (1 min) |'
	);
	console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
	for (const r of [...rows, ceiling])
		console.log(
			`| ${r.label} | ${f(r.throughput)} | ${(r.elapsed / 1000).toFixed(2)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${r.errors} | ${r.missing ?? '—'} | ${((r.throughput / ceiling.throughput) * 100).toFixed(1)} % | ${r.load} |`
		);
}

/** How many of `keys` PGlite holds in `dataDir` (read after the server stopped: it holds the directory's lock). */
async function storedInPglite(dataDir: string, keys: string[]): Promise<number> {
	const database = await createDb({ dataDir });
	try {
		const stored = new Set(
			(await database.db.query.responses.findMany({ columns: { idempotencyKey: true } })).map((r) => r.idempotencyKey)
		);
		return keys.filter((k) => stored.has(k)).length;
	} finally {
		await database.close();
	}
}

/** How many of `keys` the PostgreSQL database at `url` holds. */
async function storedInPostgres(url: string, keys: string[]): Promise<number> {
	const sql = postgres(url, { max: 1 });
	try {
		const rows = await sql<{ idempotency_key: string }[]>`select idempotency_key from responses`;
		const stored = new Set(rows.map((r) => r.idempotency_key));
		return keys.filter((k) => stored.has(k)).length;
	} finally {
		await sql.end();
	}
}

if (!existsSync('build/index.js')) {
	console.error('bench:workshop needs the built server: run `npm run build` first.');
	process.exit(1);
}

const rows: Figures[] = [];
const missed: string[] = [];
const check = (r: Figures) => {
	rows.push(r);
	if (!r.label.includes('submit')) return;
	if (r.missing !== 0) missed.push(`${r.label}: ${r.missing} acknowledged submissions missing`);
	if (r.errors > 0) missed.push(`${r.label}: ${r.errors} errors`);
	if (r.elapsed > BUDGET_MS)
		missed.push(`${r.label}: took ${(r.elapsed / 1000).toFixed(1)} s (budget ${BUDGET_MS / 1000} s)`);
};
const checkApp = (app: AppFigures) => {
	for (const r of [app.joins, app.burst, app.floor, app.paced]) if (r) check(r);
};

// PostgreSQL, when given: one database of our own for the submit run and the two-instance room, dropped at the end.
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const pgName = `readiness_bench_${randomBytes(6).toString('hex')}`;
const admin = pgUrl ? postgres(pgUrl, { max: 1, onnotice: () => {} }) : undefined;
const pgTarget = pgUrl ? new URL(pgUrl) : undefined;
if (pgTarget) pgTarget.pathname = `/${pgName}`;
await admin?.unsafe(`create database ${pgName}`);
const roomRows: RoomFigures[] = [];
let ceiling: Figures | undefined;
let profile: { burst: Figures; summary: ProfileSummary } | undefined;

try {
	if (!pgTarget) console.log('TEST_DATABASE_URL / BENCH_DATABASE_URL not set: PostgreSQL runs skipped.');
	// 1. Submit throughput.
	if (PARTS.has('submit')) {
		const dataDir = mkdtempSync(join(tmpdir(), 'readiness-bench-'));
		try {
			checkApp(await benchApp('PGlite', { DATA_DIR: dataDir }, (keys) => storedInPglite(dataDir, keys)));
		} finally {
			rmSync(dataDir, { recursive: true, force: true });
		}
		if (pgTarget) {
			const url = pgTarget.toString();
			checkApp(await benchApp('PostgreSQL', { DATABASE_URL: url }, (keys) => storedInPostgres(url, keys)));
		}
	}

	// The ceiling is the best of three runs: a noisy machine can only make it look lower, never higher.
	if (PARTS.has('submit') || PARTS.has('profile')) {
		const bare = [await benchBare(), await benchBare(), await benchBare()];
		ceiling = bare.reduce((a, b) => (b.throughput > a.throughput ? b : a));
	}

	// 2. The submit endpoint's profile: the burst again, the server under --cpu-prof (written when it stops).
	if (PARTS.has('profile')) await profileSubmit();

	// 3. The room at scale: production defaults (no RATE_LIMIT_SCALE, no ADDRESS_HEADER), one phone per address.
	if (PARTS.has('room')) await rooms();
} finally {
	await admin?.unsafe(`drop database if exists ${pgName} with (force)`);
	await admin?.end();
}

async function profileSubmit() {
	const profileDir = mkdtempSync(join(tmpdir(), 'readiness-bench-profile-'));
	const profileData = mkdtempSync(join(tmpdir(), 'readiness-bench-'));
	try {
		const run = await benchApp(
			'PGlite under --cpu-prof',
			{ DATA_DIR: profileData },
			(keys) => storedInPglite(profileData, keys),
			{ nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`], burstOnly: true }
		);
		if (run.burst.errors || run.burst.missing)
			missed.push(`${run.burst.label}: ${run.burst.errors} errors, ${run.burst.missing} acknowledged but missing`);
		const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
		// Kept where asked, to open in Chrome DevTools' Performance panel.
		if (file && process.env.BENCH_PROFILE_OUT) copyFileSync(join(profileDir, file), process.env.BENCH_PROFILE_OUT);
		if (file)
			profile = {
				burst: run.burst,
				summary: summariseProfile(join(profileDir, file), run.burstWindow.from, run.burstWindow.to)
			};
		else missed.push('the profiled server wrote no CPU profile');
	} finally {
		rmSync(profileDir, { recursive: true, force: true });
		rmSync(profileData, { recursive: true, force: true });
	}
}

async function rooms() {
	const roomData = mkdtempSync(join(tmpdir(), 'readiness-bench-'));
	try {
		const server = await startServer({}, { dataDir: roomData });
		try {
			await room('PGlite, one instance', [server]);
		} finally {
			await server.stop();
		}
	} finally {
		rmSync(roomData, { recursive: true, force: true });
	}
	if (pgTarget) {
		const servers = await Promise.all([
			startServer({ DATABASE_URL: pgTarget.toString() }),
			startServer({ DATABASE_URL: pgTarget.toString() })
		]);
		try {
			await room('PostgreSQL, two instances', servers);
		} finally {
			await Promise.all(servers.map((s) => s.stop()));
		}
	}
}

/** One room run with its checks; a run that cannot be held or fails is a missed target, and the next still runs. */
async function room(label: string, servers: RunningServer[]) {
	const problem = fileLimitProblem(
		PHONES,
		servers.length,
		servers.map((s) => s.process.pid!)
	);
	if (problem) {
		missed.push(`${label}: ${problem}`);
		console.log(`\n${label}: ${problem}`);
		return;
	}
	try {
		const r = await benchRoom(label, servers, PHONES, ROOM_STEPS);
		roomRows.push(r);
		if (r.refused) missed.push(`${label}: ${r.refused} streams refused with 429`);
		if (r.failed.length) missed.push(`${label}: ${r.failed.length} phones failed, first: ${r.failed[0]}`);
		if (r.addresses !== PHONES)
			missed.push(`${label}: the streams came from ${r.addresses} addresses, not one per phone (${PHONES})`);
		const sorted = [...r.lastPhone].sort((a, b) => a - b);
		if (ROOM_FULL_SIZE && sorted.length && percentile(sorted, 95) >= TARGET_ROOM_P95_MS)
			missed.push(
				`${label}: last phone p95 ${percentile(sorted, 95).toFixed(0)} ms (target < ${TARGET_ROOM_P95_MS} ms)`
			);
	} catch (error) {
		missed.push(`${label}: ${String(error)}`);
	}
}

/** The profile's heading: the profiled burst and the unprofiled ones against the ceiling, then the areas. */
function printProfileSection({ summary, burst }: { summary: ProfileSummary; burst: Figures }, bare: Figures) {
	const share = (r: Figures) => `${((r.throughput / bare.throughput) * 100).toFixed(1)} %`;
	console.log(
		`\nThe submit endpoint's profile: ${PARTICIPANTS} submissions as fast as possible (${CONCURRENCY} in flight) to the PGlite server under node --cpu-prof, samples of the burst only.`
	);
	console.log(
		`Profiled: ${burst.throughput.toFixed(1)} requests/s, ${share(burst)} of the bare node:http ceiling (${bare.throughput.toFixed(1)}/s, load avg ${bare.load}); load avg ${burst.load}.`
	);
	for (const r of rows.filter((x) => x.label.includes('as fast as possible') || x.label.includes('floor')))
		console.log(`Unprofiled, ${r.label}: ${r.throughput.toFixed(1)} requests/s, ${share(r)} (load avg ${r.load}).`);
	printProfile(summary);
}

if (ceiling) print(rows, ceiling);
if (profile && ceiling) printProfileSection(profile, ceiling);
if (roomRows.length) printRoom(roomRows);
if (FULL_SIZE && ceiling)
	for (const r of rows.filter((x) => x.label.includes('as fast as possible'))) {
		if (r.p95 >= TARGET_P95_MS) missed.push(`${r.label}: p95 ${r.p95.toFixed(0)} ms (target < ${TARGET_P95_MS} ms)`);
		const share = r.throughput / ceiling.throughput;
		if (share < TARGET_CEILING_SHARE)
			missed.push(
				`${r.label}: ${(share * 100).toFixed(1)} % of the ceiling (target ≥ ${TARGET_CEILING_SHARE * 100} %)`
			);
	}
else if (ceiling)
	console.log(`\n(${PARTICIPANTS} participants: the p95 and ceiling targets are checked only at 1,000.)`);
if (!ROOM_FULL_SIZE && PARTS.has('room'))
	console.log(`(${PHONES} phones: the room's p95 target is checked only at ${MAX_GROUP_SIZE.toLocaleString('en')}.)`);
if (missed.length) {
	console.log(`\nMISSED:\n${missed.map((m) => `- ${m}`).join('\n')}`);
	process.exitCode = 1;
} else console.log('\nAll targets met.');
