/**
 * Every SQL statement of the lens upload service, and nothing else: no access checks, no rules.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { uploadedLenses, type UploadedLensRow } from '../db/lens-schema';
import type { Lens } from '$scoring/lens/schema';

/** What a draft's content is: the file as uploaded, the lens it holds and its content hash. */
export interface LensContent {
	fileName: string;
	source: string;
	lens: Lens;
	hash: string;
}

/** A version of a lens id, as the version rules need it. */
export type LensVersionRow = Pick<UploadedLensRow, 'id' | 'accountId' | 'version' | 'status' | 'hash' | 'lens'>;

/** A row in an account's list: no file text. */
export type LensListRow = Omit<UploadedLensRow, 'source' | 'lens' | 'accountId'> & { title: string };

function isUniqueViolation(error: unknown): boolean {
	for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e)
		if (e.code === '23505') return true;
	return false;
}

export function createLensRepository({ db }: Database) {
	return {
		async byAccount(accountId: string): Promise<LensListRow[]> {
			const rows = await db
				.select({
					id: uploadedLenses.id,
					lensId: uploadedLenses.lensId,
					version: uploadedLenses.version,
					status: uploadedLenses.status,
					fileName: uploadedLenses.fileName,
					hash: uploadedLenses.hash,
					lens: uploadedLenses.lens,
					createdAt: uploadedLenses.createdAt,
					updatedAt: uploadedLenses.updatedAt,
					publishedAt: uploadedLenses.publishedAt
				})
				.from(uploadedLenses)
				.where(eq(uploadedLenses.accountId, accountId))
				.orderBy(asc(uploadedLenses.lensId), asc(uploadedLenses.createdAt));
			return rows.map(({ lens, ...row }) => ({ ...row, title: lens.title }));
		},

		async get(id: string): Promise<UploadedLensRow | null> {
			const [row] = await db.select().from(uploadedLenses).where(eq(uploadedLenses.id, id));
			return row ?? null;
		},

		/** Every version of a lens id, whoever uploaded it. */
		async versionsOf(lensId: string): Promise<LensVersionRow[]> {
			return db
				.select({
					id: uploadedLenses.id,
					accountId: uploadedLenses.accountId,
					version: uploadedLenses.version,
					status: uploadedLenses.status,
					hash: uploadedLenses.hash,
					lens: uploadedLenses.lens
				})
				.from(uploadedLenses)
				.where(eq(uploadedLenses.lensId, lensId));
		},

		/** Saves a new draft; false when that lens id and version were saved meanwhile (a concurrent upload). */
		async insertDraft(id: string, accountId: string, content: LensContent): Promise<boolean> {
			try {
				await db.insert(uploadedLenses).values({
					id,
					accountId,
					lensId: content.lens.id,
					version: content.lens.version,
					status: 'draft',
					...content
				});
				return true;
			} catch (error) {
				if (isUniqueViolation(error)) return false;
				throw error;
			}
		},

		/** Replaces a draft's content; false when the row is no longer a draft. */
		async replaceDraft(id: string, content: LensContent): Promise<boolean> {
			const rows = await db
				.update(uploadedLenses)
				.set({ ...content, updatedAt: new Date() })
				.where(and(eq(uploadedLenses.id, id), eq(uploadedLenses.status, 'draft')))
				.returning({ id: uploadedLenses.id });
			return rows.length === 1;
		},

		/** Publishes a draft; false when it was not a draft (published already, by a concurrent request). */
		async publish(id: string): Promise<boolean> {
			const rows = await db
				.update(uploadedLenses)
				.set({ status: 'published', publishedAt: new Date() })
				.where(and(eq(uploadedLenses.id, id), eq(uploadedLenses.status, 'draft')))
				.returning({ id: uploadedLenses.id });
			return rows.length === 1;
		},

		async published(): Promise<Lens[]> {
			const rows = await db
				.select({ lens: uploadedLenses.lens })
				.from(uploadedLenses)
				.where(eq(uploadedLenses.status, 'published'));
			return rows.map((r) => r.lens);
		}
	};
}
