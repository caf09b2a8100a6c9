/**
 * Built servers on each database the e2e suites cover — PGlite always, PostgreSQL when TEST_DATABASE_URL is set
 * (a fresh database per server) — and a reader for the dashboard's event stream.
 */
import { createDb, type Database } from '$lib/server/db';
import { freshPostgresDatabase } from '../lib/server/databases';
import { startServer, type RunningServer } from './server';

export interface ServerKind {
	name: 'pglite' | 'postgres';
	/** Starts a built server on a fresh database of this kind. */
	start: (env?: Record<string, string>) => Promise<TargetServer>;
}

export interface TargetServer {
	readonly url: string;
	/** Everything the server printed so far (stdout and stderr). */
	output: () => string;
	/**
	 * Runs `change` on the server's database directly (PGlite: the server is stopped for it, since one process
	 * owns the directory, and started again on a new port — read `url` afresh).
	 */
	withDatabase: (change: (database: Database) => Promise<void>) => Promise<void>;
	stop: () => Promise<void>;
}

const pgUrl = process.env.TEST_DATABASE_URL;

export const SERVER_KINDS: ServerKind[] = [
	{
		name: 'pglite',
		start: async (env = {}) => {
			let server: RunningServer = await startServer(env);
			const dataDir = server.dataDir;
			let log = '';
			const first = server;
			return {
				get url() {
					return server.url;
				},
				output: () => log + server.output(),
				withDatabase: async (change) => {
					const running = server;
					const exited = new Promise<void>((resolve) =>
						running.process.exitCode !== null ? resolve() : running.process.once('exit', () => resolve())
					);
					running.process.kill('SIGTERM');
					await exited;
					log += running.output();
					const database = await createDb({ dataDir });
					try {
						await change(database);
					} finally {
						await database.close();
					}
					server = await startServer(env, { dataDir });
				},
				stop: async () => {
					if (server !== first) await server.stop();
					await first.stop();
				}
			};
		}
	}
];

if (pgUrl)
	SERVER_KINDS.push({
		name: 'postgres',
		start: async (env = {}) => {
			const fresh = await freshPostgresDatabase(pgUrl);
			const server = await startServer({ DATABASE_URL: fresh.url, ...env });
			return {
				url: server.url,
				output: server.output,
				withDatabase: async (change) => {
					const database = await createDb({ databaseUrl: fresh.url });
					try {
						await change(database);
					} finally {
						await database.close();
					}
				},
				stop: async () => {
					await server.stop();
					await fresh.drop();
				}
			};
		}
	});
else console.log('TEST_DATABASE_URL is not set: the PostgreSQL variants of the workshop e2e suites are skipped.');

/** An open event stream: every `summary` event received so far, parsed. */
export interface EventStream<T> {
	events: T[];
	/** Resolves once `count` events have arrived (or rejects after `ms`). */
	waitFor: (count: number, ms?: number) => Promise<void>;
	close: () => void;
}

/** Opens `path` as an event stream with `cookie` and collects its `event` events (`summary`: the dashboard's). */
export async function openEventStream<T>(
	base: string,
	path: string,
	cookie: string,
	event = 'summary'
): Promise<EventStream<T>> {
	const controller = new AbortController();
	const res = await fetch(`${base}${path}`, {
		headers: { cookie, accept: 'text/event-stream' },
		signal: controller.signal
	});
	if (!res.ok || !res.body) throw new Error(`event stream answered ${res.status}`);
	const events: T[] = [];
	const waiters: (() => void)[] = [];
	let failure: unknown;
	void (async () => {
		const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
		let buffer = '';
		try {
			for (;;) {
				const { value, done } = await reader.read();
				if (done) return;
				buffer += value;
				let end;
				while ((end = buffer.indexOf('\n\n')) >= 0) {
					const message = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					const data = message.split('\n').find((l) => l.startsWith('data: '));
					if (!message.startsWith(`event: ${event}\n`) || !data) continue;
					events.push(JSON.parse(data.slice(6)) as T);
					for (const w of waiters.splice(0)) w();
				}
			}
		} catch (error) {
			// close() aborts the stream on purpose; anything else (a reset, an event that is not JSON) fails waitFor.
			if (!controller.signal.aborted) failure = error;
			for (const w of waiters.splice(0)) w();
		}
	})();
	return {
		events,
		waitFor: async (count, ms = 5_000) => {
			const deadline = Date.now() + ms;
			while (events.length < count) {
				if (failure) throw new Error(`the event stream failed after ${events.length} events`, { cause: failure });
				if (Date.now() > deadline) throw new Error(`only ${events.length} of ${count} events within ${ms} ms`);
				await new Promise<void>((resolve) => {
					waiters.push(resolve);
					setTimeout(resolve, 100);
				});
			}
		},
		close: () => controller.abort()
	};
}
