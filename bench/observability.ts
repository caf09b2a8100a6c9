/**
 * `npm run bench:ops`: what the request log, request ids and metrics cost per request. The built app
 * (`npm run build` first) against a baseline build of another git revision without them (`BENCH_BASE`, default
 * `main`, exported with `git archive` into a temporary folder and built there), on PGlite, both answering the same
 * small server-rendered page (`/join`) — a small page, so the fixed cost per request shows at its largest. The two
 * servers run one at a time, in alternating rounds (A B C A B C …; C is this build with LOG_LEVEL=silent), each round 3,000 requests from 16 keep-alive
 * clients. Prints requests/s and median/p99 latency per build and the difference. Loopback only.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, SERVER_ENTRY } from '../tests/e2e/server';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const CONCURRENCY = 16;
const ROUNDS = 3;
const PATH = '/join';

async function startIn(dir: string, env: Record<string, string>) {
	const port = await freePort();
	const dataDir = mkdtempSync(join(tmpdir(), 'readiness-bench-ops-'));
	const url = `http://127.0.0.1:${port}`;
	// The baseline may predate the server entry: then it starts as it did, with adapter-node's build/index.js.
	const entry = existsSync(join(dir, SERVER_ENTRY)) ? SERVER_ENTRY : 'build/index.js';
	const child = spawn(process.execPath, [entry], {
		cwd: dir,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, DATA_DIR: dataDir, ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (let i = 0; ; i++) {
		const ok = await fetch(`${url}${PATH}`).then(
			(r) => r.ok,
			() => false
		);
		if (ok) break;
		if (i > 600) throw new Error(`server in ${dir} did not start`);
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		stop: async () => {
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			await exited;
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

async function round(url: string) {
	const latencies: number[] = [];
	let next = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			while (next < REQUESTS) {
				next++;
				const t = performance.now();
				const res = await fetch(`${url}${PATH}`);
				await res.arrayBuffer();
				if (!res.ok) throw new Error(`${PATH} answered ${res.status}`);
				latencies.push(performance.now() - t);
			}
		})
	);
	const seconds = (performance.now() - started) / 1000;
	latencies.sort((a, b) => a - b);
	return {
		rps: REQUESTS / seconds,
		p50: latencies[Math.floor(latencies.length / 2)]!,
		p99: latencies[Math.floor(latencies.length * 0.99)]!
	};
}

if (!existsSync(SERVER_ENTRY)) throw new Error('no build: run npm run build first');
const base = process.env.BENCH_BASE ?? 'main';
const baseDir = mkdtempSync(join(tmpdir(), 'readiness-bench-base-'));
try {
	console.log(`Building the baseline (${base}) in ${baseDir}…`);
	execFileSync('sh', ['-c', `git archive ${base} | tar -x -C ${baseDir}`]);
	symlinkSync(resolve('node_modules'), join(baseDir, 'node_modules'));
	execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
		cwd: baseDir,
		stdio: ['ignore', 'ignore', 'inherit']
	});

	const builds: { name: string; dir: string; env: Record<string, string> }[] = [
		{ name: `${base} (no request log, no metrics)`, dir: baseDir, env: {} },
		{ name: 'this build (LOG_LEVEL=info, metrics on METRICS_PORT)', dir: resolve('.'), env: { LOG_LEVEL: 'info' } },
		{ name: 'this build (LOG_LEVEL=silent, metrics not exposed)', dir: resolve('.'), env: { LOG_LEVEL: 'silent' } }
	];
	const results = builds.map(() => [] as Awaited<ReturnType<typeof round>>[]);
	for (let r = 0; r < ROUNDS; r++)
		for (const [i, build] of builds.entries()) {
			const env = i === 1 ? { ...build.env, METRICS_PORT: String(await freePort()) } : build.env;
			const server = await startIn(build.dir, env);
			await round(server.url); // warm-up
			results[i]!.push(await round(server.url));
			await server.stop();
		}
	const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
	const summary = results.map((rs) => ({
		rps: median(rs.map((x) => x.rps)),
		p50: median(rs.map((x) => x.p50)),
		p99: median(rs.map((x) => x.p99))
	}));
	console.log(`\nGET ${PATH}, ${REQUESTS} requests × ${ROUNDS} rounds, ${CONCURRENCY} clients (median of rounds):`);
	for (const [i, build] of builds.entries()) {
		const s = summary[i]!;
		console.log(
			`  ${build.name.padEnd(56)} ${s.rps.toFixed(0).padStart(6)} req/s  p50 ${s.p50.toFixed(1)} ms  p99 ${s.p99.toFixed(1)} ms`
		);
	}
	// The server is one process on one core: at saturation, 1 / (requests/s) is its time per request.
	const a = summary[0]!;
	for (const [i, b] of summary.entries()) {
		if (i === 0) continue;
		const perRequestUs = (1 / b.rps - 1 / a.rps) * 1e6;
		console.log(
			`  ${builds[i]!.name}: ${(((b.rps - a.rps) / a.rps) * 100).toFixed(1)} % throughput, ` +
				`${(b.p50 - a.p50).toFixed(2)} ms median latency (≈ ${perRequestUs.toFixed(0)} µs more server time per request)`
		);
	}
} finally {
	rmSync(baseDir, { recursive: true, force: true });
}
