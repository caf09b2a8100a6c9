/**
 * The databases the repository/service suites run against: in-memory PGlite always, and PostgreSQL when
 * TEST_DATABASE_URL is set (each opened database is a fresh database created for the run and dropped after).
 * Opening PGlite costs seconds on this machine, so a suite opens one per kind and empties it before each test.
 */
import { randomBytes } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createDb, type Database } from '../../../src/lib/server/db';

export interface TestDatabaseKind {
	name: 'pglite' | 'postgres';
	/** Opens a fresh, migrated database; `drop` closes and removes it. */
	open: () => Promise<{ database: Database; drop: () => Promise<void> }>;
}

const url = process.env.TEST_DATABASE_URL;

/** Opens a fresh PostgreSQL database on the test server; returns its URL and how to drop it. */
export async function freshPostgresDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
	const name = `readiness_t_${randomBytes(6).toString('hex')}`;
	const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const target = new URL(baseUrl);
	target.pathname = `/${name}`;
	return {
		url: target.toString(),
		drop: async () => {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}

export const DATABASE_KINDS: TestDatabaseKind[] = [
	{
		name: 'pglite',
		open: async () => {
			const database = await createDb();
			return { database, drop: () => database.close() };
		}
	}
];

if (url) {
	DATABASE_KINDS.push({
		name: 'postgres',
		open: async () => {
			const fresh = await freshPostgresDatabase(url);
			const database = await createDb({ databaseUrl: fresh.url });
			return {
				database,
				drop: async () => {
					await database.close();
					await fresh.drop();
				}
			};
		}
	});
} else {
	console.log('TEST_DATABASE_URL is not set: skipping the PostgreSQL variant of the repository/service tests.');
}

/**
 * Opens a fresh database of `kind` for the surrounding `describe` (before all), empties every table before each
 * test, and drops it after all. Returns a getter for the open database.
 */
export function useDatabase(kind: TestDatabaseKind): () => Database {
	let opened: { database: Database; drop: () => Promise<void> } | undefined;
	beforeAll(async () => {
		opened = await kind.open();
	}, 120_000);
	afterAll(async () => {
		await opened?.drop();
	});
	beforeEach(async () => {
		await opened?.database.db.execute(sql`truncate table responses, participants, workshops, workspaces cascade`);
	});
	return () => {
		if (!opened) throw new Error(`the ${kind.name} test database did not open`);
		return opened.database;
	};
}

/** Rows of a raw `db.execute` result, whichever driver ran it (postgres-js returns an array, PGlite `{ rows }`). */
export async function queryRows<T>(database: Database, query: SQL): Promise<T[]> {
	const result = (await database.db.execute(query)) as unknown;
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
