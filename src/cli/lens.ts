/**
 * `npm run lens -- lint FILE...`: checks lens files (docs/lenses.md) with the messages the server gives at start,
 * one line per problem (`FILE:LINE:COLUMN: field: message`), and — where the file's folder has a lock file — that a
 * published version has not changed. Exit code 1 when any file has a problem.
 * `npm run lens -- publish FILE`: records the file's version and content hash in the lock file of its folder, after
 * the same checks; a published version can never be published again with other content.
 * `npm run lens -- schema`: prints the lens JSON Schema (docs/lens.schema.json).
 */
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lensJsonSchema } from '$scoring/lens/schema';
import { lensQuestions } from '$scoring/lens/findings';
import {
	changedSincePublished,
	LensFileError,
	LOCK_FILE,
	lockKey,
	publishLens,
	readLensFile,
	readLock
} from '$lib/server/lenses/folder';

const USAGE = 'usage: npm run lens -- lint FILE... | publish FILE | schema';

/** Runs the command; returns the exit code and writes to `out` (stdout) and `err` (stderr). */
export function run(args: string[], out: (line: string) => void, err: (line: string) => void): number {
	const [command, ...files] = args;
	if (command === 'schema' && files.length === 0) {
		out(JSON.stringify(lensJsonSchema(), null, '\t'));
		return 0;
	}
	if (command === 'lint' && files.length > 0) {
		let failed = false;
		for (const file of files) {
			try {
				const loaded = readLensFile(file);
				const lock = readLock(dirname(file));
				const changed = changedSincePublished(loaded, lock);
				if (changed) throw new LensFileError([changed]);
				const state = lock?.[lockKey(loaded.lens)]
					? `published in ${LOCK_FILE}`
					: `not published yet (npm run lens -- publish ${file})`;
				out(
					`${file}: ok: lens ${loaded.lens.id} ${loaded.lens.version}, ${lensQuestions(loaded.lens).length} questions, ${state}`
				);
			} catch (e) {
				if (!(e instanceof LensFileError)) throw e;
				failed = true;
				for (const line of e.lines) err(line);
			}
		}
		return failed ? 1 : 0;
	}
	if (command === 'publish' && files.length === 1) {
		try {
			const done = publishLens(files[0]!);
			out(
				done.unchanged
					? `${files[0]}: ${done.key} is already published with this content; nothing changed`
					: `${files[0]}: published ${done.key} in ${done.lockFile}`
			);
			return 0;
		} catch (e) {
			if (!(e instanceof LensFileError)) throw e;
			for (const line of e.lines) err(line);
			return 1;
		}
	}
	err(USAGE);
	return 2;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	process.exitCode = run(
		process.argv.slice(2),
		(line) => console.log(line),
		(line) => console.error(line)
	);
}
