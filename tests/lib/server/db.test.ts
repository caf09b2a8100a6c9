import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import { DataDirLockedError } from '$lib/server/db';
import { acquireLock } from '$lib/server/db/lock';
import { DATABASE_KINDS, queryRows, useDatabase } from './databases';

const dirs: string[] = [];
function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'readiness-lock-'));
	dirs.push(dir);
	return dir;
}
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has exited (so its lock is stale). */
async function deadPid(): Promise<number> {
	const child = spawn(process.execPath, ['-e', '0']);
	await new Promise((resolve) => child.once('exit', resolve));
	return child.pid!;
}

describe('data directory lock', () => {
	test('a second holder is refused while the first is alive, and can take it after release', () => {
		const lock = join(tempDir(), 'readiness.lock');
		const release = acquireLock(lock);
		expect(readFileSync(lock, 'utf8').trim()).toBe(String(process.pid));
		expect(() => acquireLock(lock)).toThrow(DataDirLockedError);
		release();
		expect(existsSync(lock)).toBe(false);
		acquireLock(lock)();
	});

	test('a stale lock from a dead process is taken over', async () => {
		const lock = join(tempDir(), 'readiness.lock');
		writeFileSync(lock, `${await deadPid()}\n`);
		const release = acquireLock(lock);
		expect(readFileSync(lock, 'utf8').trim()).toBe(String(process.pid));
		release();
	});

	test(
		'a second process on a locked data directory exits fast with a one-line message',
		{ timeout: 30_000 },
		async () => {
			const dataDir = tempDir();
			const release = acquireLock(join(dataDir, 'readiness.lock'));
			try {
				const started = Date.now();
				const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/migrate.ts'], {
					env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
					stdio: ['ignore', 'pipe', 'pipe']
				});
				let stderr = '';
				child.stderr.on('data', (d) => (stderr += d));
				const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
				expect(code).toBe(1);
				const lines = stderr.trim().split('\n');
				expect(lines).toHaveLength(1);
				expect(lines[0]).toMatch(/data directory is in use by another process \(pid \d+\)/);
				// Fast: no database was opened (startup of node + tsx dominates).
				expect(Date.now() - started).toBeLessThan(15_000);
				// Nothing was created in the directory by the refused process.
				expect(existsSync(join(dataDir, 'pglite'))).toBe(false);
			} finally {
				release();
			}
		}
	);
});

describe.each(DATABASE_KINDS)('migrations on $name', (kind) => {
	const database = useDatabase(kind);
	test('create the three tables with their unique constraints', async () => {
		const rows = await queryRows<{ indexname: string }>(
			database(),
			sql`select indexname from pg_indexes where schemaname = 'public' order by indexname`
		);
		const names = rows.map((r) => r.indexname);
		expect(names).toEqual(
			expect.arrayContaining([
				'workshops_join_code_key',
				'participants_token_hash_key',
				'responses_workshop_participant_key'
			])
		);
	});
});
