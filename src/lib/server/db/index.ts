/**
 * Opens the database: PostgreSQL (postgres-js) when a URL is given, else embedded PGlite — in a data directory
 * guarded by a lock file, or in memory for tests. Migrations from `drizzle/` are applied on open.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { timedPglite, timedPostgres } from '../observability/db-metrics';
import { acquireLock } from './lock';
import * as schema from './schema';

export { DataDirLockedError } from './lock';

/** The drizzle database, whichever driver is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database and what the live notifier needs from it. */
export interface Database {
	db: Db;
	kind: 'pglite' | 'postgres';
	/** PostgreSQL only: LISTEN on a channel; resolves to an unlisten function. */
	listen?: (channel: string, onNotify: (payload: string) => void) => Promise<() => Promise<void>>;
	/** PostgreSQL only: NOTIFY a channel. */
	notify?: (channel: string, payload: string) => Promise<void>;
	/** Closes connections and releases the data-directory lock. */
	close: () => Promise<void>;
}

export interface DbOptions {
	/** A PostgreSQL URL; when absent PGlite is used. */
	databaseUrl?: string;
	/** PGlite data directory; when absent (and no URL) the database lives in memory. */
	dataDir?: string;
	/** The migrations folder (default `MIGRATIONS_DIR` or `./drizzle`). */
	migrationsFolder?: string;
	/** PostgreSQL pool size (default 10). */
	maxConnections?: number;
}

/** Any fixed 64-bit number: serialises migrations when several instances start against one PostgreSQL. */
const MIGRATION_LOCK_KEY = 7_301_964_211;

function migrationsFolder(options: DbOptions): string {
	return options.migrationsFolder ?? process.env.MIGRATIONS_DIR ?? resolve('drizzle');
}

async function openPostgres(url: string, options: DbOptions): Promise<Database> {
	// Migrate on one dedicated connection holding an advisory lock, so concurrent starts do not race.
	const migrator = postgres(url, { max: 1, onnotice: () => {} });
	try {
		await migrator`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
		await migratePostgres(drizzlePostgres(migrator), { migrationsFolder: migrationsFolder(options) });
		await migrator`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
	} finally {
		await migrator.end();
	}
	const client = postgres(url, { max: options.maxConnections ?? 10, onnotice: () => {} });
	return {
		db: drizzlePostgres(timedPostgres(client), { schema }),
		kind: 'postgres',
		listen: async (channel, onNotify) => {
			const { unlisten } = await client.listen(channel, onNotify);
			return unlisten;
		},
		notify: async (channel, payload) => {
			await client.notify(channel, payload);
		},
		close: async () => {
			await client.end({ timeout: 5 });
		}
	};
}

async function openPglite(options: DbOptions): Promise<Database> {
	let release = () => {};
	let client: PGlite;
	if (options.dataDir) {
		mkdirSync(options.dataDir, { recursive: true });
		release = acquireLock(join(options.dataDir, 'readiness.lock'));
		try {
			client = await PGlite.create(join(options.dataDir, 'pglite'));
		} catch (error) {
			release();
			throw error;
		}
	} else {
		client = await PGlite.create();
	}
	const db = drizzlePglite(timedPglite(client), { schema });
	try {
		await migratePglite(db, { migrationsFolder: migrationsFolder(options) });
	} catch (error) {
		await client.close();
		release();
		throw error;
	}
	return {
		db,
		kind: 'pglite',
		close: async () => {
			try {
				if (!client.closed) await client.close();
			} finally {
				release();
			}
		}
	};
}

/** Opens and migrates a database (tests call this directly; the app uses {@link getDb}). */
export async function createDb(options: DbOptions = {}): Promise<Database> {
	return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options);
}

/** The options the app runs with: `DATABASE_URL`, else PGlite in `DATA_DIR` (default `./data`). */
export function dbOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DbOptions {
	return env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: resolve(env.DATA_DIR || 'data') };
}

// Kept on globalThis so a dev-server module reload does not open the data directory a second time.
const GLOBAL_KEY = Symbol.for('readiness.db');
type Holder = { [GLOBAL_KEY]?: Promise<Database> };

/** The app's one database, opened (and migrated) on first use from the environment. */
export function getDb(): Promise<Database> {
	const holder = globalThis as Holder;
	holder[GLOBAL_KEY] ??= createDb(dbOptionsFromEnv()).catch((error) => {
		delete holder[GLOBAL_KEY];
		throw error;
	});
	return holder[GLOBAL_KEY];
}
