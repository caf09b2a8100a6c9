/**
 * Helpers for the security suites: requests the way a non-browser client sends them (with the `Origin` the CSRF
 * guard wants), a seeded workshop with a facilitator and participants, and a server whose database the test can
 * read — to prove a refused request changed nothing (row counts plus a checksum of every table).
 */
import { sql } from 'drizzle-orm';
import { createDb } from '../../src/lib/server/db';
import { freshPostgresDatabase } from '../lib/server/databases';
import { startServer, type RunningServer } from './server';
import { cookieOf } from './workshop-api';

export { cookieOf };

/** A same-origin POST (what the app's own forms send), with a body of `type`. */
export function post(
	base: string,
	path: string,
	body: BodyInit,
	type = 'application/x-www-form-urlencoded',
	headers: Record<string, string> = {}
): Promise<Response> {
	return fetch(`${base}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: base, 'content-type': type, accept: 'text/html', ...headers },
		body
	});
}

/** A workshop created through the app, with its facilitator cookie. */
export interface SeededWorkshop {
	id: string;
	code: string;
	dashboard: string;
	facilitator: string;
}

/** Creates a workshop through `/workshops/new` and reads its join code off the dashboard. */
export async function createWorkshop(base: string, fields: Record<string, string> = {}): Promise<SeededWorkshop> {
	const created = await post(
		base,
		'/workshops/new',
		new URLSearchParams({ title: 'Security suite', minGroupSize: '2', ...fields })
	);
	if (created.status !== 303) throw new Error(`creating a workshop failed: ${created.status} ${await created.text()}`);
	const dashboard = created.headers.get('location')!;
	const facilitator = cookieOf(created);
	const page = await (await fetch(`${base}${dashboard}`, { headers: { cookie: facilitator } })).text();
	const code = /data-testid="join-code"[^>]*>([A-Z0-9]{6})</.exec(page)?.[1];
	if (!code) throw new Error('no join code on the dashboard');
	return { id: dashboard.split('/').pop()!, code, dashboard, facilitator };
}

/** Joins a workshop as a participant (optionally named); returns the participant cookie. */
export async function joinWorkshop(base: string, code: string, displayName = ''): Promise<string> {
	const joined = await post(base, `/w/${code}?/join`, new URLSearchParams({ displayName }));
	if (joined.status !== 303) throw new Error(`joining failed: ${joined.status} ${await joined.text()}`);
	return cookieOf(joined);
}

/** Submits answers as JSON for a participant. */
export function submitJson(base: string, code: string, cookie: string, body: unknown): Promise<Response> {
	return post(base, `/w/${code}/response`, JSON.stringify(body), 'application/json', {
		cookie,
		accept: 'application/json'
	});
}

/** Row counts and a checksum of every table a request could write. */
export interface DatabaseSnapshot {
	counts: Record<string, number>;
	checksums: Record<string, string>;
}

/** Every table a request could write: the workshops' and the workspaces'. */
const TABLES = [
	'workshops',
	'participants',
	'responses',
	'workshop_agreements',
	'workspaces',
	'milestones',
	'milestone_evidence',
	'plan_items',
	'workspace_members',
	'workspace_invites'
] as const;

async function snapshotOf(options: { databaseUrl?: string; dataDir?: string }): Promise<DatabaseSnapshot> {
	const database = await createDb(options);
	try {
		const snapshot: DatabaseSnapshot = { counts: {}, checksums: {} };
		for (const table of TABLES) {
			const result = await database.db.execute(
				sql.raw(
					`select count(*)::int as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as sum from ${table} t`
				)
			);
			const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
				n: number;
				sum: string;
			}[];
			snapshot.counts[table] = Number(rows[0]!.n);
			snapshot.checksums[table] = rows[0]!.sum;
		}
		return snapshot;
	} finally {
		await database.close();
	}
}

/** Rows that differ between two snapshots: count differences, or 1 per table whose checksum changed. */
export function rowsChanged(before: DatabaseSnapshot, after: DatabaseSnapshot): number {
	let changed = 0;
	for (const table of TABLES) {
		const delta = Math.abs((after.counts[table] ?? 0) - (before.counts[table] ?? 0));
		changed += delta > 0 ? delta : after.checksums[table] === before.checksums[table] ? 0 : 1;
	}
	return changed;
}

/**
 * A built server whose database the test reads. On the test PostgreSQL (`TEST_DATABASE_URL`, a fresh database per
 * target) the snapshot is read while the server runs. Without it the server runs on PGlite, which one process may
 * open at a time: `snapshot()` stops the server, reads its data directory, and starts it again (on a new port —
 * read `url` afresh after each snapshot).
 */
export interface DatabaseTarget {
	readonly url: string;
	readonly kind: 'postgres' | 'pglite';
	snapshot: () => Promise<DatabaseSnapshot>;
	stop: () => Promise<void>;
}

export async function startDatabaseTarget(env: Record<string, string> = {}): Promise<DatabaseTarget> {
	const testUrl = process.env.TEST_DATABASE_URL;
	if (testUrl) {
		const fresh = await freshPostgresDatabase(testUrl);
		const server = await startServer({ DATABASE_URL: fresh.url, ...env });
		return {
			url: server.url,
			kind: 'postgres',
			snapshot: () => snapshotOf({ databaseUrl: fresh.url }),
			stop: async () => {
				await server.stop();
				await fresh.drop();
			}
		};
	}
	// The first server owns (and on stop removes) the data directory; restarts reuse it.
	const first = await startServer(env);
	const dataDir = first.dataDir;
	let server: RunningServer = first;
	return {
		get url() {
			return server.url;
		},
		kind: 'pglite',
		snapshot: async () => {
			const running = server;
			const exited = new Promise<void>((resolve) =>
				running.process.exitCode !== null ? resolve() : running.process.once('exit', () => resolve())
			);
			running.process.kill('SIGTERM');
			await exited;
			const snapshot = await snapshotOf({ dataDir });
			server = await startServer(env, { dataDir });
			return snapshot;
		},
		stop: async () => {
			if (server !== first) await server.stop();
			await first.stop();
		}
	};
}
