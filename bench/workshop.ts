/**
 * `npm run bench:workshop`: 1,000 participants submitting to one workshop on the built server (`npm run build`
 * first), on PGlite and — when TEST_DATABASE_URL (or BENCH_DATABASE_URL) is set — on PostgreSQL. Prints throughput,
 * latency percentiles, acknowledged submissions missing from the database (must be 0), and the ratio against a bare
 * `node:http` handler doing only the same validation (the ceiling). Loopback only.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import postgres from 'postgres';
import { CURRENT_BANK } from '../scoring/bank/index';
import { NOT_APPLICABLE, type Answers } from '../scoring/schema';
import { validateAnswers } from '../scoring/score';
import { createDb } from '../src/lib/server/db';
import { SubmissionSchema } from '../src/lib/server/workshops';
import { startServer } from '../tests/e2e/server';

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const BUDGET_MS = 10_000;

/** Seeded PRNG (mulberry32), so every run submits the same answers. */
function prng(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function randomAnswers(random: () => number): Answers {
	const answers: Answers = {};
	for (const q of CURRENT_BANK.questions) {
		const r = random();
		if (r < 0.05) continue;
		answers[q.id] = r < 0.1 ? NOT_APPLICABLE : q.options[Math.floor(random() * q.options.length)]!.id;
	}
	return answers;
}

/**
 * Runs `task(i)` for i < n with at most `concurrency` in flight, optionally paced evenly over `spreadMs`; returns
 * each task's latency in ms.
 */
async function pool(n: number, concurrency: number, task: (i: number) => Promise<void>, spreadMs = 0) {
	const latencies: number[] = new Array(n);
	let next = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: Math.min(concurrency, n) }, async () => {
			while (next < n) {
				const i = next++;
				// Paced: participant i arrives at i × spread / n, as people finishing over a few seconds would.
				const due = started + (i * spreadMs) / n;
				if (due > performance.now()) await new Promise((r) => setTimeout(r, due - performance.now()));
				const t = performance.now();
				await task(i);
				latencies[i] = performance.now() - t;
			}
		})
	);
	return { latencies, elapsed: performance.now() - started };
}

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
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
}

function figures(label: string, run: { latencies: number[]; elapsed: number }, errors: number, missing: number | null) {
	const sorted = [...run.latencies].sort((a, b) => a - b);
	return {
		label,
		throughput: (run.latencies.length / run.elapsed) * 1000,
		elapsed: run.elapsed,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		p99: percentile(sorted, 99),
		errors,
		missing
	} satisfies Figures;
}

const cookieOf = (res: Response) =>
	res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');

/** The built app on one database: create a workshop, join everyone, then time the submissions. */
async function benchApp(label: string, env: Record<string, string>, countStored: (keys: string[]) => Promise<number>) {
	const server = await startServer(env, env.DATA_DIR ? { dataDir: env.DATA_DIR } : {});
	const base = server.url;
	const post = (path: string, body: string, type: string, cookie = '') =>
		fetch(`${base}${path}`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: base, 'content-type': type, accept: 'text/html', cookie },
			body
		});
	try {
		const created = await post(
			'/workshops/new',
			new URLSearchParams({ title: 'Bench', minGroupSize: '3' }).toString(),
			'application/x-www-form-urlencoded'
		);
		const dashboard = created.headers.get('location')!;
		const page = await (await fetch(`${base}${dashboard}`, { headers: { cookie: cookieOf(created) } })).text();
		const code = /class="code[^"]*"[^>]*>([A-Z0-9]{6})</.exec(page)![1]!;

		// Twice the participants: one set submits as fast as the server allows, the other paced over 10 s.
		const cookies: string[] = new Array(2 * PARTICIPANTS);
		const joins = await pool(2 * PARTICIPANTS, CONCURRENCY, async (i) => {
			const res = await post(`/w/${code}?/join`, 'displayName=', 'application/x-www-form-urlencoded');
			if (res.status !== 303) throw new Error(`join failed: ${res.status} ${await res.text()}`);
			cookies[i] = cookieOf(res);
		});

		const random = prng(42);
		const bodies = Array.from({ length: 2 * PARTICIPANTS }, (_, i) =>
			JSON.stringify({ answers: randomAnswers(random), idempotencyKey: `bench-${i}-${randomBytes(4).toString('hex')}` })
		);
		const acknowledged: string[] = [];
		const errors = { burst: 0, paced: 0 };
		const submit = (offset: number, kind: keyof typeof errors) => async (i: number) => {
			const res = await post(`/w/${code}/response`, bodies[offset + i]!, 'application/json', cookies[offset + i]);
			await res.arrayBuffer();
			if (res.status === 201 || res.status === 200) acknowledged.push(JSON.parse(bodies[offset + i]!).idempotencyKey);
			else errors[kind]++;
		};
		const burst = await pool(PARTICIPANTS, CONCURRENCY, submit(0, 'burst'));
		const paced = await pool(PARTICIPANTS, PARTICIPANTS, submit(PARTICIPANTS, 'paced'), BUDGET_MS * 0.9);
		await server.stop();
		const stored = await countStored(acknowledged);
		const missing = acknowledged.length - stored;
		return {
			joins: figures(`${label}: join`, joins, 0, null),
			burst: figures(`${label}: submit, as fast as possible`, burst, errors.burst, missing),
			paced: figures(`${label}: submit, paced over 9 s`, paced, errors.paced, missing)
		};
	} finally {
		await server.stop();
	}
}

/** The ceiling: a bare node:http server doing only the submission's validation (JSON, zod schema, bank check). */
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
	const run = await pool(PARTICIPANTS, CONCURRENCY, async (i) => {
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
		`\n${PARTICIPANTS} participants per run (burst: ${CONCURRENCY} in flight; paced: arrivals spread over 9 s), loopback, ${process.platform} ${process.arch}, node ${process.version}\n`
	);
	console.log(
		'| run | requests/s | total s | p50 ms | p95 ms | p99 ms | errors | acked but missing (both runs) | vs ceiling |'
	);
	console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
	for (const r of [...rows, ceiling])
		console.log(
			`| ${r.label} | ${f(r.throughput)} | ${(r.elapsed / 1000).toFixed(2)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${r.errors} | ${r.missing ?? '—'} | ${((r.throughput / ceiling.throughput) * 100).toFixed(1)} % |`
		);
}

if (!existsSync('build/index.js')) {
	console.error('bench:workshop needs the built server: run `npm run build` first.');
	process.exit(1);
}

const rows: Figures[] = [];
let failed = false;
const check = (r: Figures) => {
	rows.push(r);
	if (r.label.includes('submit') && (r.missing !== 0 || r.errors > 0 || r.elapsed > BUDGET_MS)) failed = true;
};

// PGlite: the server holds the data directory's lock, so the count is taken after it stops.
const { mkdtempSync, rmSync } = await import('node:fs');
const { tmpdir } = await import('node:os');
const { join } = await import('node:path');
const dataDir = mkdtempSync(join(tmpdir(), 'readiness-bench-'));
try {
	const pglite = await benchApp('PGlite', { DATA_DIR: dataDir }, async (keys) => {
		const database = await createDb({ dataDir });
		try {
			const stored = new Set(
				(await database.db.query.responses.findMany({ columns: { idempotencyKey: true } })).map((r) => r.idempotencyKey)
			);
			return keys.filter((k) => stored.has(k)).length;
		} finally {
			await database.close();
		}
	});
	check(pglite.joins);
	check(pglite.burst);
	check(pglite.paced);
} finally {
	rmSync(dataDir, { recursive: true, force: true });
}

const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) {
	const name = `readiness_bench_${randomBytes(6).toString('hex')}`;
	const admin = postgres(pgUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const target = new URL(pgUrl);
	target.pathname = `/${name}`;
	try {
		const pg = await benchApp('PostgreSQL', { DATABASE_URL: target.toString() }, async (keys) => {
			const sql = postgres(target.toString(), { max: 1 });
			try {
				const rows = await sql<{ idempotency_key: string }[]>`select idempotency_key from responses`;
				const stored = new Set(rows.map((r) => r.idempotency_key));
				return keys.filter((k) => stored.has(k)).length;
			} finally {
				await sql.end();
			}
		});
		check(pg.joins);
		check(pg.burst);
		check(pg.paced);
	} finally {
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.end();
	}
} else console.log('TEST_DATABASE_URL / BENCH_DATABASE_URL not set: PostgreSQL run skipped.');

print(rows, await benchBare());
if (failed) {
	console.log(`\nFAILED: a submit run had errors, lost acknowledged submissions, or took over ${BUDGET_MS / 1000} s.`);
	process.exitCode = 1;
}
