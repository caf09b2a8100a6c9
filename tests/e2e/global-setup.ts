import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { SECURITY_SUMMARY_ENV, formatSecuritySummary, readSecuritySummary } from './security-summary';
import { startServer } from './server';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
	}
}

/**
 * Starts one built server for the e2e files that do not need their own, and opens the security tally (test
 * workers inherit `SECURITY_SUMMARY_DIR`); teardown prints the tally as one block.
 */
export default async function setup(project: TestProject) {
	const summaryDir = mkdtempSync(join(tmpdir(), 'readiness-security-'));
	process.env[SECURITY_SUMMARY_ENV] = summaryDir;
	// Every file that shares this server comes from one address: together they create more workshops in an hour (20)
	// and join more phones in ten minutes (100) than one address may, which no real room does. The limits themselves
	// are tested on servers of their own at their real values (workshop-limits.e2e.ts, abuse.e2e.ts).
	const server = await startServer({ RATE_LIMIT_SCALE: '50' });
	project.provide('baseURL', server.url);
	return async () => {
		await server.stop();
		const summary = readSecuritySummary(summaryDir);
		rmSync(summaryDir, { recursive: true, force: true });
		if (!summary) return;
		process.stdout.write(`\n${'─'.repeat(72)}\n${formatSecuritySummary(summary)}\n${'─'.repeat(72)}\n`);
		if (summary.status5xx > 0 || summary.rowsChanged > 0 || summary.acknowledgedMissing > 0)
			throw new Error('the security suite saw a 5xx, a changed row or a lost acknowledged submission');
	};
}
