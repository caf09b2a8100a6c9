/**
 * Lenses uploaded by signed-in facilitators (docs/lenses.md, "Publish from the site"): an upload is checked with
 * exactly the code `npm run lens -- lint` uses (the same lines, naming file, line and field), then kept as a draft of
 * the account that uploaded it; its owner replaces, views and publishes it. A published version never changes: the
 * same id and version with other content is refused (its content hash, as a lens folder's lock file keeps it), and a
 * new version needs a higher major.minor and its own change summary. Published versions join the site's lens catalog,
 * so `/assess?lens=<id>` and answer codes work with them; the catalog's lookups stay synchronous, so published rows
 * are loaded into it at start and on each publish (and, on PostgreSQL, read again every minute on every instance).
 *
 * Access: only the owner sees a draft or its page; anyone else gets "not found", as for a row that does not exist.
 * Every SQL statement is in `repository.ts`.
 */
import { randomUUID } from 'node:crypto';
import { lensQuestions } from '$scoring/lens/findings';
import { LensSchema, type Lens } from '$scoring/lens/schema';
import { getDb, type Database } from '../db';
import { getLogger } from '../observability/log';
import type { UploadedLensRow } from '../db/lens-schema';
import { compareVersions, LensFileError, lensFileTooLarge, lensFromText, nextMinor } from './folder';
import { createLensRepository, type LensContent, type LensListRow, type LensVersionRow } from './repository';
import { getLenses, type LensCatalog } from './service';

/** The most questions an uploaded lens may have (a lens file may have more; an operator's folder is trusted). */
export const MAX_UPLOADED_LENS_QUESTIONS = 60;

/** How often a PostgreSQL instance reads the published uploads again, to take in another instance's publish. */
const PUBLISHED_RELOAD_MS = 60_000;

/** Why an upload, replacement or publish was refused: the HTTP status, a sentence, and a line per problem. */
export class LensUploadError extends Error {
	constructor(
		readonly status: 400 | 404 | 409 | 413,
		message: string,
		readonly problems: string[] = []
	) {
		super(message);
		this.name = 'LensUploadError';
	}
}

const NOT_FOUND = 'There is no lens draft here (or it is not yours).';

/** A file as the form sent it. */
export interface LensUpload {
	name: string;
	bytes: Uint8Array;
}

/** A draft or published lens on its page. */
export interface UploadedLensView {
	id: string;
	lensId: string;
	version: string;
	title: string;
	changes: string;
	status: 'draft' | 'published';
	fileName: string;
	source: string;
	hash: string;
	questions: number;
	sections: number;
	createdAt: Date;
	updatedAt: Date;
	publishedAt: Date | null;
}

/** The file's own name without folders or control characters, for messages (`lens` when it has none). */
function fileNameOf(name: string): string {
	const base = name.split(/[\\/]/).pop() ?? '';
	// eslint-disable-next-line no-control-regex
	const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
	return clean.slice(0, 120) || 'lens';
}

/** The content of an uploaded file: refused with every problem named, as `npm run lens -- lint` names them. */
export function readUpload(upload: LensUpload): LensContent {
	const fileName = fileNameOf(upload.name);
	const tooLarge = lensFileTooLarge(fileName, upload.bytes.byteLength);
	if (tooLarge) throw new LensUploadError(413, 'The lens file is too large.', [tooLarge]);
	let source: string;
	try {
		source = new TextDecoder('utf-8', { fatal: true }).decode(upload.bytes);
	} catch {
		throw new LensUploadError(400, 'The lens file could not be read.', [
			`${fileName}: not UTF-8 text; save the lens file as UTF-8`
		]);
	}
	let loaded;
	try {
		loaded = lensFromText(source, fileName);
	} catch (e) {
		if (!(e instanceof LensFileError)) throw e;
		throw new LensUploadError(
			400,
			`The lens was not saved: ${e.lines.length === 1 ? 'one problem' : `${e.lines.length} problems`}.`,
			e.lines
		);
	}
	const questions = lensQuestions(loaded.lens).length;
	if (questions > MAX_UPLOADED_LENS_QUESTIONS)
		throw new LensUploadError(400, 'The lens was not saved: one problem.', [
			`${fileName}: sections: the lens has ${questions} questions; an uploaded lens may have at most ${MAX_UPLOADED_LENS_QUESTIONS} (split it into two lenses)`
		]);
	return { fileName, source, lens: loaded.lens, hash: loaded.hash };
}

/**
 * Refuses content that the version rules do not allow: an id the operator's folder or another account has, a
 * published version with other content, a version not above the newest published one, or a change summary copied
 * from it. `self` is the draft being replaced or published (not compared with itself).
 */
function checkVersion(
	accountId: string,
	content: LensContent,
	versions: readonly LensVersionRow[],
	catalog: LensCatalog,
	self: string | null = null
): void {
	const { lens } = content;
	if (catalog.inFolder(lens.id))
		throw new LensUploadError(
			409,
			`The lens id “${lens.id}” is taken by a lens this site’s operator offers; give your lens another id.`
		);
	if (versions.some((v) => v.accountId !== accountId))
		throw new LensUploadError(409, `The lens id “${lens.id}” belongs to another account; give your lens another id.`);
	const published = versions
		.filter((v) => v.status === 'published')
		.sort((a, b) => compareVersions(a.version, b.version));
	const same = published.find((v) => v.version === lens.version && v.id !== self);
	if (same)
		throw new LensUploadError(
			409,
			same.hash === content.hash
				? `Lens ${lens.id} ${lens.version} is already published with this content; nothing changed.`
				: `Lens ${lens.id} ${lens.version} is published, and a published version never changes (this file’s content hash differs from the published one). Give the change a new version (e.g. ${nextMinor(published.at(-1)!.version)}) with a change summary in “changes”, then upload it.`
		);
	const newest = published.filter((v) => v.id !== self).at(-1);
	if (newest && compareVersions(lens.version, newest.version) <= 0)
		throw new LensUploadError(
			409,
			`Version ${lens.version} is not above ${newest.version}, the newest published version of lens ${lens.id}: give it a higher major.minor (e.g. ${nextMinor(newest.version)}).`
		);
	if (newest && newest.lens.changes.trim() === lens.changes.trim())
		throw new LensUploadError(
			400,
			`“changes” is the same as in version ${newest.version}: say what changed in version ${lens.version}.`
		);
}

function view(row: UploadedLensRow): UploadedLensView {
	return {
		id: row.id,
		lensId: row.lensId,
		version: row.version,
		title: row.lens.title,
		changes: row.lens.changes,
		status: row.status,
		fileName: row.fileName,
		source: row.source,
		hash: row.hash,
		questions: lensQuestions(row.lens).length,
		sections: row.lens.sections.length,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt,
		publishedAt: row.publishedAt
	};
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createLensUploadService(database: Database, catalog: LensCatalog) {
	const repository = createLensRepository(database);

	/** The account's own row, or "not found" (another account's row looks like one that does not exist). */
	async function owned(accountId: string, id: string): Promise<UploadedLensRow> {
		const row = UUID.test(id) ? await repository.get(id) : null;
		if (!row || row.accountId !== accountId) throw new LensUploadError(404, NOT_FOUND);
		return row;
	}

	return {
		/** The account's drafts and published versions, by lens id. */
		list(accountId: string): Promise<LensListRow[]> {
			return repository.byAccount(accountId);
		},

		/** A draft or published version on its page: its owner's only. @throws LensUploadError 404 */
		async get(accountId: string, id: string): Promise<UploadedLensView> {
			return view(await owned(accountId, id));
		},

		/**
		 * Saves an uploaded file as a draft: a new one, or the account's draft of the same id and version replaced.
		 * @throws LensUploadError naming every problem; nothing is saved then
		 */
		async upload(accountId: string, upload: LensUpload): Promise<{ id: string; replaced: boolean }> {
			const content = readUpload(upload);
			const versions = await repository.versionsOf(content.lens.id);
			checkVersion(accountId, content, versions, catalog);
			const draft = versions.find((v) => v.version === content.lens.version && v.status === 'draft');
			if (draft) {
				if (!(await repository.replaceDraft(draft.id, content)))
					throw new LensUploadError(409, `Lens ${content.lens.id} ${content.lens.version} was published meanwhile.`);
				return { id: draft.id, replaced: true };
			}
			const id = randomUUID();
			if (!(await repository.insertDraft(id, accountId, content)))
				throw new LensUploadError(
					409,
					`Lens ${content.lens.id} ${content.lens.version} was uploaded meanwhile; open it from your lenses.`
				);
			return { id, replaced: false };
		},

		/** Replaces a draft with a new file of the same lens id and version. @throws LensUploadError */
		async replace(accountId: string, id: string, upload: LensUpload): Promise<void> {
			const row = await owned(accountId, id);
			if (row.status === 'published')
				throw new LensUploadError(
					409,
					`Lens ${row.lensId} ${row.version} is published and never changes: upload the change as a new version.`
				);
			const content = readUpload(upload);
			if (content.lens.id !== row.lensId || content.lens.version !== row.version)
				throw new LensUploadError(
					400,
					`This file is lens ${content.lens.id} ${content.lens.version}, and this draft is ${row.lensId} ${row.version}: upload it from “My lenses” to save it as a draft of its own.`
				);
			checkVersion(accountId, content, await repository.versionsOf(row.lensId), catalog, row.id);
			if (!(await repository.replaceDraft(row.id, content)))
				throw new LensUploadError(409, `Lens ${row.lensId} ${row.version} was published meanwhile.`);
		},

		/** Publishes a draft: from now on it never changes, and lens links and answer codes use it. @throws LensUploadError */
		async publish(accountId: string, id: string): Promise<UploadedLensView> {
			const row = await owned(accountId, id);
			if (row.status === 'published')
				throw new LensUploadError(409, `Lens ${row.lensId} ${row.version} is already published.`);
			checkVersion(accountId, row, await repository.versionsOf(row.lensId), catalog, row.id);
			if (!(await repository.publish(row.id)))
				throw new LensUploadError(409, `Lens ${row.lensId} ${row.version} is already published.`);
			catalog.addPublished([row.lens]);
			return view({ ...row, status: 'published', publishedAt: new Date() });
		},

		/** Loads every published version into the catalog (at start; on PostgreSQL, again when any instance publishes). */
		async loadPublished(): Promise<void> {
			catalog.addPublished((await repository.published()).map((lens): Lens => LensSchema.parse(lens)));
		}
	};
}

export type LensUploadService = ReturnType<typeof createLensUploadService>;

const GLOBAL_KEY = Symbol.for('readiness.lensUploads');
type Holder = { [GLOBAL_KEY]?: Promise<LensUploadService> };

/** The app's lens upload service, with the published uploads loaded into the site's catalog before it resolves. */
export function getLensUploads(): Promise<LensUploadService> {
	const holder = globalThis as Holder;
	holder[GLOBAL_KEY] ??= getDb().then(async (database) => {
		const service = createLensUploadService(database, getLenses());
		await service.loadPublished();
		// With PostgreSQL, other instances may publish too: read the published uploads again now and then (a LISTEN
		// connection here held up shutdown and readiness while the database was cut off). Never keeps the process up.
		if (database.kind === 'postgres')
			setInterval(() => {
				service
					.loadPublished()
					.catch((e: unknown) => getLogger().warn({ err: e }, 'lenses: published uploads could not be reloaded'));
			}, PUBLISHED_RELOAD_MS).unref();
		return service;
	});
	return holder[GLOBAL_KEY];
}
