/**
 * `npm run score -- FILE|CODE`: scores a set of answers and prints the full result as JSON.
 * `npm run score -- --bank [VERSION]`: prints a question bank (the current one by default) as JSON for tools.
 *
 * FILE is a JSON answer set (`{ "bank": "...", "version": "...", "answers": { "<questionId>": "<optionId>" } }`), a
 * JSON array of answer sets (printed as an array of results in order; an invalid set gives `{ "error": "…" }` in
 * its place), or a text file holding a result code; a result code may also be given directly. Bad input prints
 * one line, `error: …`, on stderr and exits with code 2; no stack traces. Formats: docs/formats.md.
 */
import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { AnswerCodeError, decodeAnswerCode } from '$scoring/export/answer-code';
import { BANKS, CURRENT_BANK, findBank } from '$scoring/content/banks';
import { reservedAnswersOf } from '$scoring/answers';
import { AnswerSetSchema, type Answers, type QuestionBank } from '$scoring/schema';
import { AnswersError } from '$scoring/answers';
import { score } from '$scoring/model';
import { NOT_APPLICABLE } from '$scoring/schema';

/** No answers file comes near this; refuse before reading something huge. */
const MAX_FILE_BYTES = 1024 * 1024;
const USAGE =
	'usage: npm run score -- FILE (an answers JSON file or array, a file holding a result code, or the code itself) | --bank [VERSION]';

/** A problem with the input, reported as one line and exit code 2. */
class InputError extends Error {}

/** The input text and the file it came from (null when the argument is the code itself). */
function readInput(arg: string): { text: string; name: string | null } {
	let size: number;
	try {
		const stat = statSync(arg);
		if (stat.isDirectory()) throw new InputError(`${arg}: is a directory, not a file`);
		size = stat.size;
	} catch (error) {
		if (error instanceof InputError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		// Not a file: a bare result code (no path separators, no file extension) is decoded as such.
		if (code === 'ENOENT' && !/[/\\]|\.(json|txt)$/i.test(arg)) return { text: arg, name: null };
		throw new InputError(`${arg}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'unknown'})`}`);
	}
	if (size > MAX_FILE_BYTES) throw new InputError(`${arg}: larger than 1 MB, not an answers file`);
	try {
		return { text: readFileSync(arg, 'utf8'), name: arg };
	} catch (error) {
		throw new InputError(`${arg}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'unknown'})`);
	}
}

/** Path of the first own `__proto__` key in parsed JSON (objects only, as deep as an answer set goes). */
function protoKeyPath(value: unknown, path: string[] = []): string | null {
	if (typeof value !== 'object' || value === null || path.length > 2) return null;
	for (const key of Object.keys(value)) {
		if (key === '__proto__') return [...path, key].join('.');
		const found = protoKeyPath((value as Record<string, unknown>)[key], [...path, key]);
		if (found) return found;
	}
	return null;
}

function parseJson(text: string, name: string): unknown {
	try {
		return JSON.parse(text);
	} catch (error) {
		throw new InputError(`${name}: invalid JSON (${(error as Error).message})`);
	}
}

function answerSetFromJson(data: unknown, name: string): { bank: QuestionBank; answers: Answers } {
	// zod's record() silently skips a "__proto__" key; refuse it rather than drop that answer unnoticed.
	const proto = protoKeyPath(data);
	if (proto) throw new InputError(`${name}: ${proto}: "__proto__" is not a question id or field`);
	const parsed = AnswerSetSchema.safeParse(data);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		const path = issue.path.map(String).join('.');
		throw new InputError(`${name}: ${path ? `${path}: ` : ''}${issue.message}`);
	}
	const { bank: id, version, answers } = parsed.data;
	const bank = findBank(id, version);
	if (!bank)
		throw new InputError(
			`${name}: question bank "${id}" version "${version}" is not known (known: ${BANKS.map((b) => `${b.id} ${b.version}`).join(', ')})`
		);
	return { bank, answers };
}

function decodeCode(code: string, name: string | null): { bank: QuestionBank; answers: Answers } {
	try {
		return decodeAnswerCode(code, BANKS);
	} catch (error) {
		if (error instanceof AnswerCodeError && name) throw new InputError(`${name}: ${error.message}`);
		throw error;
	}
}

/**
 * A bank as tools read it: ids, texts, kinds, weights, the reserved answers each question takes, option scores and
 * the flags the model reads (critical and the option its step reaches, weak guard, severe, "none that we know of"),
 * prerequisites, and the practice that detects each outcome.
 */
function bankForTools(bank: QuestionBank) {
	return {
		id: bank.id,
		version: bank.version,
		model: bank.model,
		questions: bank.questions.map((q) => ({
			id: q.id,
			dimension: q.dimension ?? null,
			kind: q.kind,
			text: q.text,
			...(q.weight !== undefined ? { weight: q.weight } : {}),
			notApplicable: reservedAnswersOf(bank, q).includes(NOT_APPLICABLE),
			reserved: reservedAnswersOf(bank, q),
			...(q.skipWhen ? { skipWhen: q.skipWhen } : {}),
			...(q.inUseUnless ? { inUseUnless: q.inUseUnless } : {}),
			...(q.detectedBy ? { detectedBy: q.detectedBy } : {}),
			...(q.rootCause ? { rootCause: true } : {}),
			options: q.options.map((o) => ({
				id: o.id,
				label: o.label,
				...(q.kind === 'confidence' || q.kind === 'profile' ? {} : { score: o.score }),
				critical: Boolean(o.critical),
				...(o.reaches ? { reaches: o.reaches } : {}),
				...(bank.model === 3 ? { weakGuard: Boolean(o.weakGuard) } : {}),
				...(o.severe ? { severe: true } : {}),
				...(o.nothingFound ? { nothingFound: true } : {}),
				...(o.requires ? { requires: o.requires } : {})
			}))
		}))
	};
}

function scoreOne(bank: QuestionBank, answers: Answers, name: string) {
	try {
		return score(bank, answers);
	} catch (error) {
		if (error instanceof AnswersError) throw new InputError(`${name}: ${error.message}`);
		throw error;
	}
}

function main(args: string[], write: (text: string) => void): void {
	if (args[0] === '--bank') {
		if (args.length > 2) throw new InputError(USAGE);
		const version = args[1];
		const bank = version ? findBank(CURRENT_BANK.id, version) : CURRENT_BANK;
		if (!bank)
			throw new InputError(
				`question bank version "${version}" is not known (known: ${BANKS.map((b) => b.version).join(', ')})`
			);
		write(JSON.stringify(bankForTools(bank), null, 2) + '\n');
		return;
	}
	if (args.length !== 1 || !args[0]) throw new InputError(USAGE);
	const { text, name } = readInput(args[0]);
	const trimmed = text.replace(/^\uFEFF/, '').trim();
	if (trimmed === '') throw new InputError(`${name ?? 'argument'}: empty, expected answers JSON or a result code`);
	const label = name ?? 'argument';
	if (/^[[{"]/.test(trimmed) || name?.toLowerCase().endsWith('.json')) {
		const data = parseJson(trimmed, label);
		if (Array.isArray(data)) {
			// A batch: each set scored on its own; a bad set is reported in its place, never failing the others.
			const results = data.map((item, i) => {
				try {
					const { bank, answers } = answerSetFromJson(item, `[${i}]`);
					return scoreOne(bank, answers, `[${i}]`);
				} catch (error) {
					if (error instanceof InputError) return { error: error.message };
					throw error;
				}
			});
			write(JSON.stringify(results, null, 2) + '\n');
			return;
		}
		const { bank, answers } = answerSetFromJson(data, label);
		write(JSON.stringify(scoreOne(bank, answers, label), null, 2) + '\n');
		return;
	}
	const { bank, answers } = decodeCode(trimmed, name);
	write(JSON.stringify(scoreOne(bank, answers, name ?? 'result code'), null, 2) + '\n');
}

/** Where the CLI writes: the process's streams, or a test's buffers. */
export interface CliOutput {
	stdout: (text: string) => void;
	stderr: (text: string) => void;
}

const PROCESS_OUTPUT: CliOutput = {
	stdout: (text) => process.stdout.write(text),
	stderr: (text) => process.stderr.write(text)
};

/**
 * Runs the CLI on `args` (what follows `npm run score --`): writes the result, or one line `error: …`, and returns
 * the exit code (0; 2 for bad input; 1 for an internal error).
 */
export function runScoreCli(args: string[], output: CliOutput = PROCESS_OUTPUT): number {
	try {
		main(args, output.stdout);
		return 0;
	} catch (error) {
		const expected = error instanceof InputError || error instanceof AnswerCodeError;
		const message = error instanceof Error ? error.message : String(error);
		output.stderr(`error: ${expected ? '' : 'internal error: '}${message.split('\n')[0]}\n`);
		return expected ? 2 : 1;
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	// A reader that stops early (`| head`) is not an error: stop quietly.
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code !== 'EPIPE') throw error;
		process.exit(process.exitCode ?? 0);
	});
	process.exitCode = runScoreCli(process.argv.slice(2));
}
