/**
 * The lenses this site offers: every published lens of the operator's folder (`LENS_DIR`, by default the shipped
 * `./lenses`), loaded and validated once, at start (`hooks.server.ts` stops the server with every problem named when
 * the folder is refused). A lens is found by id and version (an answer code names both) or by id alone (a lens link
 * takes the newest version).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { LensFileError, loadLensFolder } from './folder';
import { AnswerCodeError, decodeLensAnswers, type LensCodePart } from '$scoring/export/answer-code';
import { lensFindings, type LensAnswers, type LensResult } from '$scoring/lens/findings';
import type { Lens } from '$scoring/lens/schema';
import { ResultCodeError } from '$scoring/model/result-code';
import { lensMissingNote, presentLens, type LensView } from '$scoring/present/lens';

/** Why the lens folder cannot be used: the server does not start. */
export class LensConfigError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'LensConfigError';
	}
}

export interface LensCatalog {
	/** Where the lenses were read from, or null when there is no folder. */
	dir: string | null;
	/** The folder's lenses, then the published uploaded ones. */
	readonly lenses: readonly Lens[];
	/** The lens of that id and version, or null. */
	find(id: string, version: string): Lens | null;
	/** The newest version of the lens of that id, or null. */
	latest(id: string): Lens | null;
	/** Whether the operator's folder offers a lens of that id (an upload may not take its id). */
	inFolder(id: string): boolean;
	/**
	 * Adds published versions of uploaded lenses (on start, and when one is published). A published version never
	 * changes, so a version already in the catalog is kept as it is.
	 */
	addPublished(lenses: readonly Lens[]): void;
}

function versionNumber(version: string): [number, number] {
	const [major = 0, minor = 0] = version.split('.').map(Number);
	return [major, minor];
}

/** A catalog of the folder's `lenses`; published uploads join it with `addPublished`. Lookups stay synchronous. */
export function lensCatalog(folderLenses: readonly Lens[], dir: string | null = null): LensCatalog {
	const lenses: Lens[] = [...folderLenses];
	const folderIds = new Set(folderLenses.map((l) => l.id));
	const find = (id: string, version: string) => lenses.find((l) => l.id === id && l.version === version) ?? null;
	return {
		dir,
		get lenses() {
			return lenses;
		},
		find,
		latest: (id) =>
			lenses
				.filter((l) => l.id === id)
				.sort((a, b) => {
					const [a1, a2] = versionNumber(a.version);
					const [b1, b2] = versionNumber(b.version);
					return b1 - a1 || b2 - a2;
				})[0] ?? null,
		inFolder: (id) => folderIds.has(id),
		addPublished: (published) => {
			for (const lens of published) if (!find(lens.id, lens.version)) lenses.push(lens);
		}
	};
}

/** The newest version of each lens of `catalog`, in the catalog's order: what a facilitator picks from. */
export function newestLenses(catalog: LensCatalog): Lens[] {
	const ids = [...new Set(catalog.lenses.map((l) => l.id))];
	return ids.map((id) => catalog.latest(id)!);
}

/**
 * Reads the lens folder the environment names. `LENS_DIR` set: the folder must exist and every lens in it be valid
 * and published. Unset: `./lenses` when it exists (the shipped example), else no lenses.
 * @throws LensConfigError naming every problem.
 */
export function loadLenses(env: NodeJS.ProcessEnv = process.env): LensCatalog {
	const configured = (env.LENS_DIR ?? '').trim();
	const dir = resolve(configured || 'lenses');
	if (!configured && !existsSync(dir)) return lensCatalog([], null);
	if (configured && !existsSync(dir))
		throw new LensConfigError(`LENS_DIR: ${dir} does not exist. Create it, or unset LENS_DIR to use ./lenses.`);
	try {
		return lensCatalog(
			loadLensFolder(dir).map((l) => l.lens),
			dir
		);
	} catch (e) {
		if (e instanceof LensFileError)
			throw new LensConfigError(
				`LENS_DIR: the lenses in ${dir} cannot be used (check them with \`npm run lens -- lint FILE\`):\n${e.lines.join('\n')}`
			);
		throw e;
	}
}

let catalog: LensCatalog | null = null;

/** The lenses of this server, loaded on first use (at start, from `hooks.server.ts`). @throws LensConfigError */
export function getLenses(): LensCatalog {
	catalog ??= loadLenses();
	return catalog;
}

/** A code's lens, read and judged: its findings, or the note that this site does not have that lens version. */
export type CodeLens = { lens: Lens; answers: LensAnswers; result: LensResult; view: LensView } | { missing: string };

/**
 * The lens part of a scored code, read against this site's lenses; null for a code without a lens.
 * @throws ResultCodeError when the lens answers do not fit the lens the code names (an altered code).
 */
export function lensOfCode(part: LensCodePart | null, catalog: LensCatalog = getLenses()): CodeLens | null {
	if (!part) return null;
	const lens = catalog.find(part.id, part.version);
	if (!lens) return { missing: lensMissingNote(part.id, part.version) };
	let answers: LensAnswers;
	try {
		answers = decodeLensAnswers(lens, part);
	} catch (e) {
		if (e instanceof AnswerCodeError) throw new ResultCodeError(`${e.message}.`, 'not_a_code');
		throw e;
	}
	const result = lensFindings(lens, answers);
	return { lens, answers, result, view: presentLens(lens, result) };
}
