/**
 * The security suite's tally, printed once at the end of the e2e run. Each security e2e file calls
 * `recordSecurity` with what it tried and saw; global setup names a fresh directory in `SECURITY_SUMMARY_DIR`
 * (inherited by the test workers), records append to one JSON-lines file there, and global teardown sums them and
 * prints the block. Counts add up, so a file may record as often as it likes.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The environment variable naming the directory the tally is written to (set by global setup). */
export const SECURITY_SUMMARY_ENV = 'SECURITY_SUMMARY_DIR';

/** What the security suites count. */
export interface SecurityCounts {
	/** Hostile or malicious inputs sent (XSS payloads, hostile requests, fuzz runs, CSRF attempts). */
	payloads: number;
	/** Responses in the 4xx range to those inputs. */
	status4xx: number;
	/** Responses in the 5xx range (must stay 0). */
	status5xx: number;
	/** Database rows added, removed or changed by requests that should have changed nothing (must stay 0). */
	rowsChanged: number;
	/** `kill -9` restarts the server survived with its database intact. */
	killsSurvived: number;
	/** Submissions acknowledged with a 2xx but missing from the database afterwards (must stay 0). */
	acknowledgedMissing: number;
}

const ZERO: SecurityCounts = {
	payloads: 0,
	status4xx: 0,
	status5xx: 0,
	rowsChanged: 0,
	killsSurvived: 0,
	acknowledgedMissing: 0
};

const FILE = 'security-summary.jsonl';

/**
 * Adds `counts` to the run's security tally. A no-op when the tally directory is not set (a file run outside
 * the e2e project's global setup).
 */
export function recordSecurity(counts: Partial<SecurityCounts>): void {
	const dir = process.env[SECURITY_SUMMARY_ENV];
	if (!dir) return;
	const clean: Partial<SecurityCounts> = {};
	for (const key of Object.keys(ZERO) as (keyof SecurityCounts)[]) {
		const value = counts[key];
		if (value === undefined) continue;
		if (!Number.isInteger(value) || value < 0) throw new RangeError(`recordSecurity: ${key} must be a count`);
		clean[key] = value;
	}
	// One short line per call: appends of this size do not interleave between processes.
	appendFileSync(join(dir, FILE), JSON.stringify(clean) + '\n');
}

/** The sum of every record in `dir`, or null when nothing was recorded. */
export function readSecuritySummary(dir: string): SecurityCounts | null {
	const path = join(dir, FILE);
	if (!existsSync(path)) return null;
	const total = { ...ZERO };
	for (const line of readFileSync(path, 'utf8').split('\n')) {
		if (!line.trim()) continue;
		const record = JSON.parse(line) as Partial<SecurityCounts>;
		for (const key of Object.keys(ZERO) as (keyof SecurityCounts)[]) total[key] += record[key] ?? 0;
	}
	return total;
}

/** The one-line summary printed at the end of the run. */
export function formatSecuritySummary(c: SecurityCounts): string {
	return (
		`Security summary: payloads tried ${c.payloads}, 4xx ${c.status4xx}, 5xx ${c.status5xx}, ` +
		`rows changed ${c.rowsChanged}, kills survived ${c.killsSurvived}, acknowledged-but-missing ${c.acknowledgedMissing}`
	);
}

/** Counts a response status into a tally: 4xx and 5xx. */
export function countStatus(tally: Pick<SecurityCounts, 'status4xx' | 'status5xx'>, status: number): void {
	if (status >= 400 && status < 500) tally.status4xx++;
	else if (status >= 500) tally.status5xx++;
}
