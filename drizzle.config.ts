import { defineConfig } from 'drizzle-kit';

/** drizzle-kit: `npm run db:generate` writes SQL migrations to `drizzle/`; `npm run db:migrate` applies them. */
export default defineConfig({
	dialect: 'postgresql',
	schema: [
		'./src/lib/server/db/schema.ts',
		'./src/lib/server/db/auth-schema.ts',
		'./src/lib/server/db/workspace-schema.ts',
		'./src/lib/server/db/lens-schema.ts'
	],
	out: './drizzle',
	dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost:5432/readiness' }
});
