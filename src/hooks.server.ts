import type { ServerInit } from '@sveltejs/kit';
import { building, dev } from '$app/environment';
import { sequence } from '@sveltejs/kit/hooks';
import { csrfGuard } from '$lib/server/csrf';
import { DataDirLockedError, getDb } from '$lib/server/db';
import { reportServerError } from '$lib/server/errors';
import { installNodeSecurityHeaders, securityHeaders } from '$lib/server/security';
import { beginShutdown } from '$lib/server/shutdown';

// Outside dev, static files and prerendered pages bypass `handle`: cover them at the Node server.
if (!dev) installNodeSecurityHeaders();

/** Opens and migrates the database before the first request; a locked data directory stops the process at once. */
export const init: ServerInit = async () => {
	if (building) return;
	try {
		const database = await getDb();
		// adapter-node stops listening on SIGTERM/SIGINT and drains in-flight requests; event streams end at once
		// (beginShutdown) so the drain does not wait for open dashboards. After the drain it emits
		// `sveltekit:shutdown`: then the database closes (PGlite checkpoints) and the data-directory lock goes.
		if (!dev) for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, beginShutdown);
		process.once('sveltekit:shutdown', () => void database.close());
	} catch (error) {
		if (error instanceof DataDirLockedError) {
			console.error(error.message);
			process.exit(1);
		}
		throw error;
	}
};

// securityHeaders first, so the CSRF guard's 403 carries the headers too.
export const handle = sequence(securityHeaders, csrfGuard);

export const handleError = reportServerError;
