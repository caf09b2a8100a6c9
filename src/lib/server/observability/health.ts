/**
 * Liveness and readiness, answered by the first `handle` before anything else runs (no session lookup, no CSRF
 * guard, no rate limit, no info-level log line):
 *
 * - `GET /healthz`: 200 while the process can answer at all. Nothing else is checked, so a slow database never
 *   gets a healthy process restarted.
 * - `GET /readyz`: 200 when the database answers within 2 s and holds every migration this version ships; 503
 *   once shutdown has begun (SIGTERM/SIGINT) or when the database is unreachable, slow or behind.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { getDb } from '../db';
import { isShuttingDown } from '../shutdown';

/** How long `/readyz` waits for the database. */
const READY_TIMEOUT_MS = 2_000;

export interface Readiness {
	status: 'ready' | 'draining' | 'unavailable';
	/** Set when not ready: what is wrong, in a few words. */
	reason?: string;
}

let expectedMigrations: number | undefined;

/** How many migrations this build ships (entries in `drizzle/meta/_journal.json`), read once. */
function shippedMigrations(): number {
	if (expectedMigrations !== undefined) return expectedMigrations;
	const folder = process.env.MIGRATIONS_DIR ?? resolve('drizzle');
	try {
		const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
		expectedMigrations = journal.entries.length;
	} catch {
		// No journal next to the server: any applied migration will do.
		expectedMigrations = 1;
	}
	return expectedMigrations;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(what)), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Whether this instance should receive traffic now. */
export async function readiness(): Promise<Readiness> {
	if (isShuttingDown()) return { status: 'draining', reason: 'shutting down' };
	try {
		const applied = await withTimeout(
			(async () => {
				const { db } = await getDb();
				const result = (await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as unknown;
				const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
				return Number(rows[0]?.n ?? 0);
			})(),
			READY_TIMEOUT_MS,
			'database timeout'
		);
		if (applied < shippedMigrations()) return { status: 'unavailable', reason: 'database not migrated' };
		return { status: 'ready' };
	} catch (error) {
		const timedOut = error instanceof Error && error.message === 'database timeout';
		return { status: 'unavailable', reason: timedOut ? 'database timeout' : 'database unreachable' };
	}
}

const NO_STORE = { 'content-type': 'application/json', 'cache-control': 'no-store' };

/** The answer to `/healthz` or `/readyz`, or null for any other path. */
export async function healthResponse(method: string, pathname: string): Promise<Response | null> {
	if (method !== 'GET' && method !== 'HEAD') return null;
	if (pathname === '/healthz') return new Response(method === 'HEAD' ? null : '{"status":"ok"}', { headers: NO_STORE });
	if (pathname !== '/readyz') return null;
	const state = await readiness();
	return new Response(method === 'HEAD' ? null : JSON.stringify(state), {
		status: state.status === 'ready' ? 200 : 503,
		headers: NO_STORE
	});
}
