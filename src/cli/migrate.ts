/**
 * `npm run db:migrate`: opens the configured database (DATABASE_URL, else PGlite in DATA_DIR), applies pending
 * migrations from `drizzle/` and exits. The app does the same on start; this is for upgrades done ahead of time.
 */
import { createDb, DataDirLockedError, dbOptionsFromEnv } from '$lib/server/db/index';

try {
	const options = dbOptionsFromEnv();
	const database = await createDb(options);
	await database.close();
	console.log(`migrations applied (${options.databaseUrl ? 'PostgreSQL' : `PGlite in ${options.dataDir}`})`);
} catch (error) {
	console.error(error instanceof DataDirLockedError ? error.message : `migration failed: ${String(error)}`);
	process.exitCode = 1;
}
