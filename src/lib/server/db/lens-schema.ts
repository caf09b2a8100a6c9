/**
 * Lenses uploaded by signed-in facilitators (docs/lenses.md, "Publish from the site"): one row per lens id and
 * version, a draft until its owner publishes it; a published row never changes (its content hash is what answer codes
 * made with it rely on). A lens id belongs to the account that first uploaded it.
 */
import { index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Lens } from '$scoring/lens/schema';
import { accounts } from './auth-schema';

export const uploadedLensStatus = pgEnum('uploaded_lens_status', ['draft', 'published']);

export const uploadedLenses = pgTable(
	'uploaded_lenses',
	{
		id: uuid('id').primaryKey(),
		accountId: uuid('account_id')
			.notNull()
			.references(() => accounts.id),
		lensId: text('lens_id').notNull(),
		version: text('version').notNull(),
		status: uploadedLensStatus('status').notNull().default('draft'),
		/** The file's name as uploaded, for messages and the download. */
		fileName: text('file_name').notNull(),
		/** The file as uploaded (YAML or JSON), shown on the draft's page. */
		source: text('source').notNull(),
		/** The lens as parsed and validated. */
		lens: jsonb('lens').$type<Lens>().notNull(),
		/** `sha256:<hex>` of the lens's canonical JSON, as in a lens folder's lock file. */
		hash: text('hash').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		publishedAt: timestamp('published_at', { withTimezone: true })
	},
	(t) => [
		uniqueIndex('uploaded_lenses_lens_version_key').on(t.lensId, t.version),
		index('uploaded_lenses_account_idx').on(t.accountId),
		index('uploaded_lenses_status_idx').on(t.status)
	]
);

export type UploadedLensRow = typeof uploadedLenses.$inferSelect;
