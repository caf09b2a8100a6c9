import type { ServerInit } from '@sveltejs/kit';
import { building, dev } from '$app/environment';
import { sequence } from '@sveltejs/kit/hooks';
import { csrfGuard } from '$lib/server/csrf';
import { DataDirLockedError, getDb } from '$lib/server/db';
import { reportServerError } from '$lib/server/errors';
import { installNodeSecurityHeaders, securityHeaders } from '$lib/server/security';

// Outside dev, static files and prerendered pages bypass `handle`: cover them at the Node server.
if (!dev) installNodeSecurityHeaders();

/** Opens and migrates the database before the first request; a locked data directory stops the process at once. */
export const init: ServerInit = async () => {
	if (building) return;
	try {
		const database = await getDb();
		// adapter-node emits this after draining in-flight requests on SIGTERM/SIGINT.
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
