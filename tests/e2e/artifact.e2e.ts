/**
 * The production artifact is what this tests: scripts/pack.sh packs the build the e2e suite just made into a clean
 * folder (build output, drizzle/, package.json, the lock file, `npm ci --omit=dev`) — the same script the
 * Dockerfile runs — and the folder is started the way the Dockerfile's final stage starts it (its ENV, WORKDIR and
 * CMD, read from the Dockerfile), on PGlite and, with TEST_DATABASE_URL, on PostgreSQL. Over HTTP: /healthz and
 * /readyz, one assessment (form post → results page, CSV, PDF) and one workshop submission; then SIGTERM: /readyz
 * answers 503 while the server drains, and the process exits 0, every line it wrote a JSON object. A runtime
 * dependency left in devDependencies is missing from the folder, so the server fails to start or a page fails here.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CURRENT_BANK } from '$scoring/content/banks';
import { score } from '$scoring/model';
import { presentResult } from '$scoring/present/result';
import { answerField } from '../../src/lib/assess/progress';
import { freshPostgresDatabase } from '../lib/server/databases';
import { allAt } from '../fixtures/answers';
import { freePort, SERVER_ENTRY } from './server';
import { cookieOf, createWorkshop, joinWorkshop, postForm, submitAnswers } from './workshop-api';

interface Stage {
	from: string;
	lines: string[];
}

/** The Dockerfile's stages, continuation lines joined, comments dropped. */
function dockerStages(): Stage[] {
	const text = readFileSync('Dockerfile', 'utf8').replace(/\\\n\s*/g, ' ');
	const stages: Stage[] = [];
	for (const raw of text.split('\n')) {
		const line = raw.trim();
		if (!line || line.startsWith('#')) continue;
		if (/^FROM\s/i.test(line)) stages.push({ from: line, lines: [] });
		else stages.at(-1)?.lines.push(line);
	}
	return stages;
}

const stages = dockerStages();
const [buildStage, finalStage] = [stages[0]!, stages.at(-1)!];
const instruction = (stage: Stage, name: string) =>
	stage.lines.filter((l) => l.toUpperCase().startsWith(`${name} `)).map((l) => l.slice(name.length + 1).trim());
/** ENV KEY=value lines of the final stage. */
const imageEnv = Object.fromEntries(
	instruction(finalStage, 'ENV').map((e) => {
		const [key, ...value] = e.split('=');
		return [key!, value.join('=')];
	})
);
const imageCmd = JSON.parse(instruction(finalStage, 'CMD')[0]!) as string[];

test('the Dockerfile builds with the same scripts, packs with scripts/pack.sh and runs the packed folder as non-root', () => {
	expect(stages).toHaveLength(2);
	const run = instruction(buildStage, 'RUN');
	expect(run).toContain('npm ci --no-audit --no-fund');
	expect(run).toContain('npm run check && npm run lint && npm run test:unit');
	expect(run.slice(-2)).toEqual(['npm run build', 'sh scripts/pack.sh /app']);
	expect(instruction(finalStage, 'COPY')).toEqual(['--from=build /app /app']);
	expect(instruction(finalStage, 'WORKDIR')).toEqual(['/app']);
	expect(instruction(finalStage, 'USER')).toEqual(['node']);
	expect(instruction(finalStage, 'VOLUME')).toEqual(['["/data"]']);
	expect(imageEnv).toMatchObject({ NODE_ENV: 'production', DATA_DIR: '/data' });
	expect(instruction(finalStage, 'HEALTHCHECK').join(' ')).toContain('/healthz');
	expect(imageCmd).toEqual(['node', SERVER_ENTRY]);
	// The image's Node is the one the tests run on.
	const major = process.versions.node.split('.')[0];
	for (const stage of stages) expect(stage.from).toMatch(new RegExp(`^FROM node:${major}\\.`));
	// compose gives the drain time: stop_grace_period > SHUTDOWN_DELAY + SHUTDOWN_TIMEOUT.
	const grace = Number(/stop_grace_period:\s*(\d+)s/.exec(readFileSync('compose.yaml', 'utf8'))?.[1]);
	expect(grace).toBeGreaterThan(Number(imageEnv.SHUTDOWN_DELAY) + Number(imageEnv.SHUTDOWN_TIMEOUT));
});

let work: string;
let app: string;
let packSeconds = 0;

beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'readiness-artifact-'));
	app = join(work, 'app');
	const started = Date.now();
	execFileSync('sh', ['scripts/pack.sh', app], { stdio: ['ignore', 'pipe', 'inherit'] });
	packSeconds = (Date.now() - started) / 1000;
	console.log(`artifact: packed in ${packSeconds.toFixed(1)} s`);
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Started {
	base: string;
	child: ChildProcess;
	log: () => string;
	exited: Promise<number | null>;
}

/** Starts the packed folder as the image would: its CMD in its WORKDIR with its ENV (plus where to listen). */
async function startPacked(env: Record<string, string>): Promise<Started> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const [command, ...args] = imageCmd;
	const child = spawn(command === 'node' ? process.execPath : command!, args, {
		cwd: app,
		// Nothing of the developer's environment but PATH and HOME: the container has only its ENV.
		env: {
			PATH: process.env.PATH ?? '',
			HOME: work,
			...imageEnv,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: base,
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	child.stdout!.on('data', (d) => (log += d));
	child.stderr!.on('data', (d) => (log += d));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	const deadline = Date.now() + 90_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`the packed server exited (${child.exitCode}):\n${log}`);
		const ready = await fetch(`${base}/readyz`).then(
			(r) => r.status,
			() => 0
		);
		if (ready === 200) break;
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`the packed server was not ready within 90 s:\n${log}`);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	return { base, child, log: () => log, exited };
}

const status = (url: string) =>
	fetch(url).then(
		(r) => r.status,
		(e: Error & { cause?: { code?: string } }) => e.cause?.code ?? 'failed'
	);

async function exercise(server: Started) {
	const { base } = server;
	expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
	expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: 'ready' });

	// One assessment without JavaScript: the last step's form → the results page, its CSV and its PDF.
	const answers = allAt(CURRENT_BANK, 'best');
	const fields: Record<string, string> = {
		bank: CURRENT_BANK.id,
		version: CURRENT_BANK.version,
		step: '1',
		go: 'results'
	};
	for (const [question, option] of Object.entries(answers)) fields[answerField(question)] = option;
	const posted = await postForm(base, '/assess', fields);
	expect(posted.status).toBe(303);
	const results = posted.headers.get('location')!;
	expect(results).toMatch(/^\/results\/[^/]+$/);
	const page = await fetch(`${base}${results}`);
	expect(page.status).toBe(200);
	const html = await page.text();
	// The verdict of exactly these answers (every group's name is on the page, in the verdict picture).
	const { headline } = presentResult({ bank: CURRENT_BANK, answers, result: score(CURRENT_BANK, answers) }).verdict;
	expect(html).toMatch(new RegExp(`<h1[^>]*>${headline}</h1>`));
	const csv = await fetch(`${base}${results}/answers.csv`);
	expect(csv.status).toBe(200);
	expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
	const pdf = await fetch(`${base}${results}/report.pdf`);
	expect(pdf.status).toBe(200);
	expect(
		Buffer.from(await pdf.arrayBuffer())
			.subarray(0, 5)
			.toString()
	).toBe('%PDF-');

	// One workshop submission: create (dashboard with its QR code), join, submit, counted.
	const workshop = await createWorkshop(base, 'Artifact check', 2);
	const participant = await joinWorkshop(base, workshop.code);
	const submitted = await submitAnswers(base, workshop.code, participant, answers, 'artifact-check-1');
	expect(submitted.status).toBe(201);
	const summary = await fetch(`${base}${workshop.dashboard}/summary`, { headers: { cookie: workshop.cookie } });
	expect(await summary.json()).toMatchObject({ joined: 1, submitted: 1 });
	expect(cookieOf(await postForm(base, `/w/${workshop.code}?/join`, {}))).toMatch(/participant=/);
}

/** SIGTERM: /readyz 503 at once while pages are still served (SHUTDOWN_DELAY), then no listener, then exit 0. */
async function drain(server: Started) {
	const delaySeconds = Number(imageEnv.SHUTDOWN_DELAY);
	expect(delaySeconds).toBeGreaterThan(0);
	const signalled = Date.now();
	server.child.kill('SIGTERM');
	await expect.poll(() => status(`${server.base}/readyz`), { timeout: 2_000, interval: 50 }).toBe(503);
	expect(await (await fetch(`${server.base}/readyz`)).json()).toEqual({ status: 'draining', reason: 'shutting down' });
	expect(await status(`${server.base}/healthz`)).toBe(200);
	expect(await status(`${server.base}/`)).toBe(200);
	const code = await server.exited;
	const seconds = (Date.now() - signalled) / 1000;
	expect(code).toBe(0);
	expect(seconds).toBeGreaterThanOrEqual(delaySeconds - 0.5);
	expect(seconds).toBeLessThan(delaySeconds + Number(imageEnv.SHUTDOWN_TIMEOUT));
	expect(await status(`${server.base}/healthz`)).toBe('ECONNREFUSED');
	// Every line the server wrote is a JSON object, adapter-node's "Listening on" included (the entry's doing).
	const lines = server.log().trim().split('\n');
	for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
	expect(lines.some((l) => l.includes('"msg":"shutdown: draining"'))).toBe(true);
	expect(lines.some((l) => /"level":"info".*"msg":"Listening on http:\/\/127\.0\.0\.1:\d+"/.test(l))).toBe(true);
	return seconds;
}

describe('the packed artifact', () => {
	test('on PGlite: health, readiness, an assessment, a workshop submission, SIGTERM drain → exit 0', async () => {
		const dataDir = join(work, 'data');
		const started = Date.now();
		const server = await startPacked({ DATA_DIR: dataDir });
		try {
			const startSeconds = (Date.now() - started) / 1000;
			await exercise(server);
			const drainSeconds = await drain(server);
			console.log(
				`artifact on PGlite: ready in ${startSeconds.toFixed(1)} s, drained and exited 0 in ${drainSeconds.toFixed(1)} s`
			);
		} finally {
			server.child.kill('SIGKILL');
		}
	}, 180_000);

	test.skipIf(!process.env.TEST_DATABASE_URL)(
		'on PostgreSQL: health, readiness, an assessment, a workshop submission, SIGTERM drain → exit 0',
		async () => {
			const database = await freshPostgresDatabase(process.env.TEST_DATABASE_URL!);
			const server = await startPacked({ DATABASE_URL: database.url });
			try {
				await exercise(server);
				const drainSeconds = await drain(server);
				console.log(`artifact on PostgreSQL: drained and exited 0 in ${drainSeconds.toFixed(1)} s`);
			} finally {
				server.child.kill('SIGKILL');
				await database.drop();
			}
		},
		180_000
	);
});
