/** Every SQL statement of workshop templates, and nothing else: always scoped to the owning account. */
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { workshopTemplates, type WorkshopTemplateRow } from '../db/auth-schema';

export function createTemplateRepository(database: Database) {
	const db = database.db;
	return {
		async insert(values: typeof workshopTemplates.$inferInsert): Promise<WorkshopTemplateRow> {
			const [row] = await db.insert(workshopTemplates).values(values).returning();
			return row!;
		},

		async listOf(accountId: string): Promise<WorkshopTemplateRow[]> {
			return db
				.select()
				.from(workshopTemplates)
				.where(eq(workshopTemplates.accountId, accountId))
				.orderBy(desc(workshopTemplates.createdAt), desc(workshopTemplates.id));
		},

		async countOf(accountId: string): Promise<number> {
			return (await this.listOf(accountId)).length;
		},

		/** The template if it is this account's; another account's is as absent as a missing one. */
		async ownedBy(accountId: string, id: string): Promise<WorkshopTemplateRow | undefined> {
			const [row] = await db
				.select()
				.from(workshopTemplates)
				.where(and(eq(workshopTemplates.id, id), eq(workshopTemplates.accountId, accountId)));
			return row;
		},

		/** Deletes the template if it is this account's; whether one was deleted. */
		async deleteOwned(accountId: string, id: string): Promise<boolean> {
			const rows = await db
				.delete(workshopTemplates)
				.where(and(eq(workshopTemplates.id, id), eq(workshopTemplates.accountId, accountId)))
				.returning({ id: workshopTemplates.id });
			return rows.length > 0;
		}
	};
}
