/**
 * A pid lock file guarding the embedded database directory: PGlite must never be opened by two processes at once
 * (it would corrupt the data). Created with O_EXCL; a lock left by a dead process is taken over.
 */
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';

/** Thrown when another live process holds the data directory. Its message is one line, fit to print and exit. */
export class DataDirLockedError extends Error {
	constructor(
		readonly lockPath: string,
		readonly pid: number | null
	) {
		super(
			`The data directory is in use by another process${pid ? ` (pid ${pid})` : ''}: ${lockPath}. ` +
				`Stop that process, or set DATA_DIR to another directory (or DATABASE_URL to share a PostgreSQL).`
		);
		this.name = 'DataDirLockedError';
	}
}

/** A lock just created by another process may not have its pid written yet: treat it as live for this long. */
const FRESH_LOCK_MS = 5_000;

function isAlive(pid: number): boolean {
	if (pid === process.pid) return true;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function readPid(lockPath: string): number | null {
	try {
		const pid = Number.parseInt(readFileSync(lockPath, 'utf8').trim(), 10);
		return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
	} catch {
		return null;
	}
}

function isFresh(lockPath: string): boolean {
	try {
		return Date.now() - statSync(lockPath).mtimeMs < FRESH_LOCK_MS;
	} catch {
		return false;
	}
}

/**
 * Takes the lock at `lockPath` for this process and returns its release function (idempotent; also run on exit).
 * Throws {@link DataDirLockedError} when a live process holds it.
 */
export function acquireLock(lockPath: string): () => void {
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			const fd = openSync(lockPath, 'wx', 0o644);
			try {
				writeSync(fd, `${process.pid}\n`);
			} finally {
				closeSync(fd);
			}
			let released = false;
			const release = () => {
				if (released) return;
				released = true;
				process.off('exit', release);
				// Only remove the lock if it is still ours.
				if (readPid(lockPath) === process.pid) {
					try {
						unlinkSync(lockPath);
					} catch {
						// already gone
					}
				}
			};
			process.on('exit', release);
			return release;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const pid = readPid(lockPath);
			if (pid ? isAlive(pid) : isFresh(lockPath)) throw new DataDirLockedError(lockPath, pid);
			// Stale: its process is gone. Remove it and try again (another process may win the race; then it is live).
			try {
				unlinkSync(lockPath);
			} catch {
				// someone else removed it first
			}
		}
	}
	throw new DataDirLockedError(lockPath, readPid(lockPath));
}
