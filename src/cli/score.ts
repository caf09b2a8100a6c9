/**
 * `npm run score -- FILE|CODE`: scores a set of answers and prints the full result as JSON.
 *
 * FILE is a JSON answer set (`{ "bank": "...", "version": "...", "answers": { "<questionId>": "<optionId>" } }`)
 * or a text file holding a result code; a result code may also be given directly. Bad input prints one line,
 * `error: …`, on stderr and exits with code 2; no stack traces.
 */
import { readFileSync, statSync } from 'node:fs';
import { AnswerCodeError, decodeAnswerCode } from '../../scoring/answer-code';
import { BANKS, findBank } from '../../scoring/bank';
import { AnswerSetSchema, type Answers, type QuestionBank } from '../../scoring/schema';
import { AnswersError, score } from '../../scoring/score';

/** No answers file comes near this; refuse before reading something huge. */
const MAX_FILE_BYTES = 1024 * 1024;
const USAGE = 'usage: npm run score -- FILE (an answers JSON file, a file holding a result code, or the code itself)';

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

function answerSetFromJson(text: string, name: string): { bank: QuestionBank; answers: Answers } {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		throw new InputError(`${name}: invalid JSON (${(error as Error).message})`);
	}
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

function main(args: string[]): void {
	if (args.length !== 1 || !args[0]) throw new InputError(USAGE);
	const { text, name } = readInput(args[0]);
	const trimmed = text.replace(/^\uFEFF/, '').trim();
	if (trimmed === '') throw new InputError(`${name ?? 'argument'}: empty, expected answers JSON or a result code`);
	const { bank, answers } =
		/^[[{"]/.test(trimmed) || name?.toLowerCase().endsWith('.json')
			? answerSetFromJson(trimmed, name ?? 'argument')
			: decodeCode(trimmed, name);
	let result;
	try {
		result = score(bank, answers);
	} catch (error) {
		if (error instanceof AnswersError) throw new InputError(`${name ?? 'result code'}: ${error.message}`);
		throw error;
	}
	process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}

try {
	main(process.argv.slice(2));
} catch (error) {
	const expected = error instanceof InputError || error instanceof AnswerCodeError;
	const message = error instanceof Error ? error.message : String(error);
	process.stderr.write(`error: ${expected ? '' : 'internal error: '}${message.split('\n')[0]}\n`);
	process.exitCode = expected ? 2 : 1;
}
