/**
 * Lens files on disk: reading one (size-capped), the lock file that records each published version's content hash,
 * and loading a whole folder the way the server does at start. Shared by the server (`LENS_DIR`) and the CLI
 * (`npm run lens`), so both refuse the same files with the same messages. Relative imports only: the CLI runs it
 * under tsx, without SvelteKit's aliases.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
	canonicalLensJson,
	formatLensProblem,
	LensError,
	MAX_LENS_CHARS,
	parseLens
} from '../../../../scoring/lens/parse';
import type { Lens } from '../../../../scoring/lens/schema';

/** The lock file beside the lens files of a folder: `{ "<lens id>@<version>": "sha256:<hex>" }`. */
export const LOCK_FILE = 'lenses.lock.json';

/** The files of a folder that are lens files. */
const LENS_FILE = /^[^.].*\.(ya?ml|json)$/i;

/** A lens read from a file, with the hash of its content. */
export interface LoadedLens {
	lens: Lens;
	file: string;
	hash: string;
}

/** Why a lens folder or file was refused: one line per problem, each naming its file (and line, where there is one). */
export class LensFileError extends Error {
	constructor(readonly lines: string[]) {
		super(lines.join('\n'));
		this.name = 'LensFileError';
	}
}

/** `sha256:<hex>` of the lens's canonical JSON: layout, comments and file format do not count, content does. */
export function lensHash(lens: Lens): string {
	return `sha256:${createHash('sha256').update(canonicalLensJson(lens)).digest('hex')}`;
}

/** The key a version is recorded under in the lock file. */
export function lockKey(lens: Pick<Lens, 'id' | 'version'>): string {
	return `${lens.id}@${lens.version}`;
}

/** Why a file of `bytes` bytes is too large to be a lens, or null when it is not. */
export function lensFileTooLarge(file: string, bytes: number): string | null {
	return bytes > MAX_LENS_CHARS
		? `${file}: the file is ${Math.ceil(bytes / 1024)} KB; a lens may be at most ${MAX_LENS_CHARS / 1024} KB`
		: null;
}

/**
 * Validates a lens file's text, named `file` in messages: what `npm run lens -- lint`, the server's folder load and
 * an upload on the site all use, so they refuse the same files with the same lines (`FILE:LINE:COLUMN: field: …`).
 * @throws LensFileError
 */
export function lensFromText(text: string, file: string): LoadedLens {
	try {
		const lens = parseLens(text);
		return { lens, file, hash: lensHash(lens) };
	} catch (e) {
		if (e instanceof LensError) throw new LensFileError(e.problems.map((p) => formatLensProblem(p, file)));
		throw e;
	}
}

/** Reads and validates one lens file; throws {@link LensFileError} naming the file, line and field of each problem. */
export function readLensFile(file: string): LoadedLens {
	let size: number;
	try {
		const stat = statSync(file);
		if (!stat.isFile()) throw new LensFileError([`${file}: not a file`]);
		size = stat.size;
	} catch (e) {
		if (e instanceof LensFileError) throw e;
		throw new LensFileError([`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'unknown'})`]);
	}
	const tooLarge = lensFileTooLarge(file, size);
	if (tooLarge) throw new LensFileError([tooLarge]);
	return lensFromText(readFileSync(file, 'utf8'), file);
}

/** The lock file of `dir`: null when there is none; throws {@link LensFileError} when it is not a valid lock. */
export function readLock(dir: string): Record<string, string> | null {
	const file = join(dir, LOCK_FILE);
	if (!existsSync(file)) return null;
	let data: unknown;
	try {
		data = JSON.parse(readFileSync(file, 'utf8'));
	} catch (e) {
		throw new LensFileError([`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`]);
	}
	const valid =
		typeof data === 'object' &&
		data !== null &&
		!Array.isArray(data) &&
		Object.entries(data).every(
			([key, value]) =>
				/^[a-z][a-z0-9_-]{1,62}@\d{1,4}\.\d{1,4}$/.test(key) &&
				typeof value === 'string' &&
				/^sha256:[0-9a-f]{64}$/.test(value)
		);
	if (!valid)
		throw new LensFileError([
			`${file}: not a lens lock file (expected { "<lens id>@<version>": "sha256:<64 hex digits>" })`
		]);
	return data as Record<string, string>;
}

/** The next minor version, for messages: `1.0` → `1.1`. */
export function nextMinor(version: string): string {
	const [major, minor] = version.split('.').map(Number);
	return `${major}.${(minor ?? 0) + 1}`;
}

/** Why a published version's file no longer matches what was published, or null when it does. */
export function changedSincePublished(loaded: LoadedLens, lock: Record<string, string> | null): string | null {
	const recorded = lock?.[lockKey(loaded.lens)];
	if (recorded === undefined || recorded === loaded.hash) return null;
	return (
		`${loaded.file}: lens ${loaded.lens.id} ${loaded.lens.version} changed after it was published (its content hash ` +
		`differs from the one in ${LOCK_FILE}). A published version never changes: give the change a new version ` +
		`(e.g. ${nextMinor(loaded.lens.version)}) with a change summary in "changes", then publish it.`
	);
}

/** Compares `a.b` versions numerically. */
export function compareVersions(a: string, b: string): number {
	const [a1 = 0, a2 = 0] = a.split('.').map(Number);
	const [b1 = 0, b2 = 0] = b.split('.').map(Number);
	return a1 - b1 || a2 - b2;
}

/**
 * Publishes a lens file: records its content hash in the lock file of its folder. Refuses a version already
 * published with other content, and a version not above the ones published before. Returns what was done.
 */
export function publishLens(file: string): { key: string; lockFile: string; unchanged: boolean } {
	const loaded = readLensFile(file);
	const dir = dirname(file);
	const lockFile = join(dir, LOCK_FILE);
	const lock = readLock(dir) ?? {};
	const key = lockKey(loaded.lens);
	const changed = changedSincePublished(loaded, lock);
	if (changed) throw new LensFileError([changed]);
	if (lock[key] === loaded.hash) return { key, lockFile, unchanged: true };
	const newest = Object.keys(lock)
		.filter((k) => k.startsWith(`${loaded.lens.id}@`))
		.map((k) => k.slice(loaded.lens.id.length + 1))
		.sort(compareVersions)
		.at(-1);
	if (newest && compareVersions(loaded.lens.version, newest) <= 0)
		throw new LensFileError([
			`${file}: version ${loaded.lens.version} is not above ${newest}, the newest published version of lens ${loaded.lens.id}`
		]);
	const next = Object.fromEntries(
		Object.entries({ ...lock, [key]: loaded.hash }).sort(([a], [b]) => a.localeCompare(b))
	);
	writeFileSync(lockFile, `${JSON.stringify(next, null, '\t')}\n`);
	return { key, lockFile, unchanged: false };
}

/**
 * Loads every lens file of `dir` (`*.yaml`, `*.yml`, `*.json`, not the lock file): each must be valid and
 * published — recorded in the folder's lock file with the same content hash — and an id and version may appear in
 * one file only. Throws {@link LensFileError} listing every problem of every file.
 */
export function loadLensFolder(dir: string): LoadedLens[] {
	let names: string[];
	try {
		if (!statSync(dir).isDirectory()) throw new LensFileError([`${dir}: not a folder`]);
		names = readdirSync(dir)
			.filter((n) => LENS_FILE.test(n) && n !== LOCK_FILE)
			.sort();
	} catch (e) {
		if (e instanceof LensFileError) throw e;
		throw new LensFileError([`${dir}: cannot read the folder (${(e as NodeJS.ErrnoException).code ?? 'unknown'})`]);
	}
	const lines: string[] = [];
	let lock: Record<string, string> | null = null;
	try {
		lock = readLock(dir);
	} catch (e) {
		if (!(e instanceof LensFileError)) throw e;
		lines.push(...e.lines);
	}
	const loaded: LoadedLens[] = [];
	const seen = new Map<string, string>();
	for (const name of names) {
		const file = join(dir, name);
		let one: LoadedLens;
		try {
			one = readLensFile(file);
		} catch (e) {
			if (!(e instanceof LensFileError)) throw e;
			lines.push(...e.lines);
			continue;
		}
		const key = lockKey(one.lens);
		const earlier = seen.get(key);
		if (earlier) {
			lines.push(
				`${file}: lens ${one.lens.id} ${one.lens.version} is also in ${basename(earlier)}; keep one file per version`
			);
			continue;
		}
		seen.set(key, file);
		const changed = changedSincePublished(one, lock);
		if (changed) lines.push(changed);
		else if (!lock?.[key])
			lines.push(
				`${file}: lens ${one.lens.id} ${one.lens.version} is not published: run \`npm run lens -- publish ${file}\`, which records its content hash in ${LOCK_FILE}`
			);
		else loaded.push(one);
	}
	if (lines.length) throw new LensFileError(lines);
	return loaded;
}
