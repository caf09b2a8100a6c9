import type { ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { DataDirLockedError, getDb } from '$lib/server/db';

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
