/**
 * The answer code: a compact, URL-safe, versioned encoding of (question bank id, bank version, answers), so a
 * result can live in a URL (`/results/<code>`) without any server storage.
 *
 * Layout, e.g. `ai_readiness.2.0.0.b3B0x5…Qz3kV9`:
 *
 *     <bank id> "." <major> "." <minor> "." <patch> "." <format> <one char per question> <6-char checksum>
 *
 * - Format `b` (bank 2.0.0): one character per question of the bank, in bank order, from
 *   {@link CODE_ALPHABET}: `0` = skipped, `1` = not applicable ({@link NOT_APPLICABLE}), `2` = don't know
 *   ({@link DONT_KNOW}), `3` + i = the question's i-th option.
 * - Format `c` (bank 3.0.0 on): as `b`, with `3` = varies by team ({@link VARIES}), `4` = we do not track this
 *   ({@link NOT_TRACKED}), `5` + i = the i-th option.
 * - Format `a` (bank 1.x, still read): `0` = skipped, `1` = not applicable / don't know, `2` + i = the i-th option.
 * - The checksum is the CRC-32 of everything before it, written as 6 alphabet characters (36 bits, the top 4
 *   always zero). CRC-32 catches every change of up to 32 consecutive bits, so any single-character
 *   substitution is caught; the exact length the bank implies catches every deletion, insertion or truncation.
 *
 * The bank id and version are in clear text so a code made by a newer site names the bank it needs.
 *
 * A self-assessment through a lens (docs/lenses.md) appends the lens's part to that code, so every code written
 * before still decodes, and a lens code without its lens still gives the survey result:
 *
 *     <code as above> "~" <lens id> "." <major> "." <minor> "." "l" <one char per lens question> <6-char checksum>
 *
 * one character per lens question in lens order: `0` unanswered, `1` not applicable, `2` don't know, `3` + i the
 * i-th option; the checksum is the CRC-32 of everything before it, the survey part included.
 */
import { BANKS } from '../content/banks';
import { validateAnswers } from '../answers';
import { DONT_KNOW, NOT_APPLICABLE, NOT_TRACKED, VARIES, type Answers, type QuestionBank } from '../schema';
import { LENS_DONT_KNOW, LENS_NOT_APPLICABLE } from '../lens/check';
import { lensQuestions, LensAnswersError, validateLensAnswers, type LensAnswers } from '../lens/findings';
import type { Lens } from '../lens/schema';

/** URL-safe alphabet (RFC 3986 unreserved characters) used for answers and the checksum. */
export const CODE_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';

/**
 * The body layouts: `a` for banks of model 1 (no "don't know"), `b` for model 2, `c` for model 3 ("varies by team"
 * and "we do not track this" added).
 */
const FORMATS = {
	a: { firstOption: 2, dontKnow: null, varies: null, notTracked: null },
	b: { firstOption: 3, dontKnow: 2, varies: null, notTracked: null },
	c: { firstOption: 5, dontKnow: 2, varies: 3, notTracked: 4 }
} as const;
type Format = keyof typeof FORMATS;

/** The format written for a bank: `c` from bank 3.0.0 (model 3) on, `b` for 2.0.0, `a` before. */
export function codeFormatFor(bank: QuestionBank): Format {
	return bank.model === 1 ? 'a' : bank.model === 2 ? 'b' : 'c';
}

const CHECKSUM_LENGTH = 6;
/** Longer than any code a real bank produces (≤ 64-char id, version, one char per question); cheap to reject. */
const MAX_CODE_LENGTH = 4096;
const SKIPPED = 0;
const NA = 1;

/** Why a string is not a usable answer code; `message` is written for the person who pasted it. */
export class AnswerCodeError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'AnswerCodeError';
	}
}

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

/** CRC-32 (IEEE) of an ASCII string. */
function crc32(text: string): number {
	let crc = 0xffffffff;
	for (let i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

function checksumChars(value: number): string {
	let out = '';
	for (let i = CHECKSUM_LENGTH - 1; i >= 0; i--) out += CODE_ALPHABET[Math.floor(value / 64 ** i) % 64];
	return out;
}

/** Inverse of {@link checksumChars}; null when the characters encode more than 32 bits. */
function checksumValue(chars: string): number | null {
	let value = 0;
	for (const ch of chars) value = value * 64 + CODE_ALPHABET.indexOf(ch);
	return value > 0xffffffff ? null : value;
}

const HEADER = /^([a-z][a-z0-9_]{0,63})\.(\d{1,9}\.\d{1,9}\.\d{1,9})\.(.*)$/s;
const BODY_CHARS = /^[0-9a-zA-Z_-]*$/;

function header(bank: QuestionBank): string {
	return `${bank.id}.${bank.version}.`;
}

function bodyLength(bank: QuestionBank): number {
	return 1 + bank.questions.length + CHECKSUM_LENGTH;
}

/** The lens part of a code as written: which lens and version, and one character per lens question (unchecked). */
export interface LensCodePart {
	id: string;
	version: string;
	body: string;
}

const LENS_SEPARATOR = '~';
const LENS_PART = /^([a-z][a-z0-9_-]{1,62})\.(\d{1,4}\.\d{1,4})\.l([0-9a-zA-Z_-]*)$/;
const LENS_UNANSWERED = 0;
const LENS_NA = 1;
const LENS_DK = 2;
const LENS_FIRST_OPTION = 3;

/** `code` with the lens part for `answers` to `lens` appended (see the module comment). */
function withLens(code: string, lens: Lens, answers: LensAnswers): string {
	validateLensAnswers(lens, answers);
	let body = '';
	for (const { question } of lensQuestions(lens)) {
		const answer = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
		const value =
			answer === undefined
				? LENS_UNANSWERED
				: answer === LENS_NOT_APPLICABLE
					? LENS_NA
					: answer === LENS_DONT_KNOW
						? LENS_DK
						: LENS_FIRST_OPTION + question.options.findIndex((o) => o.id === answer);
		body += CODE_ALPHABET[value];
	}
	const payload = `${code}${LENS_SEPARATOR}${lens.id}.${lens.version}.l${body}`;
	return payload + checksumChars(crc32(payload));
}

/**
 * The lens answers a code's lens part holds, read against that lens (the one its id and version name). Throws
 * {@link AnswerCodeError} when the part does not fit the lens: a hand-made or altered code.
 */
export function decodeLensAnswers(lens: Lens, part: LensCodePart): LensAnswers {
	const questions = lensQuestions(lens);
	if (lens.id !== part.id || lens.version !== part.version || part.body.length !== questions.length)
		throw new AnswerCodeError('This result code has been altered');
	const answers: LensAnswers = {};
	questions.forEach(({ question }, i) => {
		const value = CODE_ALPHABET.indexOf(part.body[i]!);
		if (value === LENS_UNANSWERED) return;
		if (value === LENS_NA) answers[question.id] = LENS_NOT_APPLICABLE;
		else if (value === LENS_DK) answers[question.id] = LENS_DONT_KNOW;
		else {
			const option = question.options[value - LENS_FIRST_OPTION];
			if (!option) throw new AnswerCodeError('This result code has been altered');
			answers[question.id] = option.id;
		}
	});
	try {
		validateLensAnswers(lens, answers);
	} catch (e) {
		if (e instanceof LensAnswersError) throw new AnswerCodeError('This result code has been altered');
		throw e;
	}
	return answers;
}

/** Reads and checks the lens part of a code (everything after `~`); `payload` is the code up to that part. */
function readLensPart(core: string, part: string): LensCodePart {
	const match = LENS_PART.exec(part);
	if (!match) throw new AnswerCodeError('This result code has been altered');
	const [, id = '', version = '', chars = ''] = match;
	if (chars.length < CHECKSUM_LENGTH) throw new AnswerCodeError('This result code is incomplete');
	const full = `${core}${LENS_SEPARATOR}${part}`;
	if (checksumValue(full.slice(-CHECKSUM_LENGTH)) !== crc32(full.slice(0, -CHECKSUM_LENGTH)))
		throw new AnswerCodeError('This result code has been altered');
	return { id, version, body: chars.slice(0, -CHECKSUM_LENGTH) };
}

/**
 * Encodes answers to `bank` as an answer code, with a lens's answers when `lens` is given. Throws `AnswersError`
 * (from `../answers`) or `LensAnswersError` if an answer names a question or option the bank or lens does not
 * have: nothing is silently dropped.
 */
export function encodeAnswerCode(
	bank: QuestionBank,
	answers: Answers,
	lens?: { lens: Lens; answers: LensAnswers } | null
): string {
	const code = encodeSurveyCode(bank, answers);
	return lens ? withLens(code, lens.lens, lens.answers) : code;
}

function encodeSurveyCode(bank: QuestionBank, answers: Answers): string {
	validateAnswers(bank, answers);
	const format = codeFormatFor(bank);
	const layout = FORMATS[format];
	let body: string = format;
	for (const question of bank.questions) {
		const answer = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
		const value =
			answer === undefined
				? SKIPPED
				: answer === NOT_APPLICABLE
					? NA
					: answer === DONT_KNOW && layout.dontKnow !== null
						? layout.dontKnow
						: answer === VARIES && layout.varies !== null
							? layout.varies
							: answer === NOT_TRACKED && layout.notTracked !== null
								? layout.notTracked
								: layout.firstOption + question.options.findIndex((o) => o.id === answer);
		body += CODE_ALPHABET[value];
	}
	const payload = header(bank) + body;
	return payload + checksumChars(crc32(payload));
}

/**
 * Decodes an answer code against the banks this site knows (every version). Throws {@link AnswerCodeError} —
 * and nothing else, for any input — when the code is not a result code, is incomplete, has been altered, or was
 * made with a bank version this site does not know. A lens part is checked (its checksum) and returned as written:
 * {@link decodeLensAnswers} reads it against its lens, which the caller holds.
 */
export function decodeAnswerCode(
	code: string,
	banks: readonly QuestionBank[] = BANKS
): { bank: QuestionBank; answers: Answers; lens: LensCodePart | null } {
	if (typeof code !== 'string' || code.length === 0 || code.length > MAX_CODE_LENGTH)
		throw new AnswerCodeError('This is not a result code');
	const separator = code.indexOf(LENS_SEPARATOR);
	if (separator === -1) return { ...decodeSurveyCode(code, banks), lens: null };
	const core = code.slice(0, separator);
	const decoded = decodeSurveyCode(core, banks);
	return { ...decoded, lens: readLensPart(core, code.slice(separator + 1)) };
}

function decodeSurveyCode(code: string, banks: readonly QuestionBank[]): { bank: QuestionBank; answers: Answers } {
	if (code.length === 0) throw new AnswerCodeError('This is not a result code');
	const match = HEADER.exec(code);
	if (!match) {
		if (banks.some((b) => header(b).startsWith(code))) throw new AnswerCodeError('This result code is incomplete');
		throw new AnswerCodeError('This is not a result code');
	}
	const [, bankId = '', version = '', body = ''] = match;
	const bank = banks.find((b) => b.id === bankId && b.version === version);
	const knownId = banks.some((b) => b.id === bankId);
	if (!BODY_CHARS.test(body))
		throw new AnswerCodeError(knownId ? 'This result code has been altered' : 'This is not a result code');
	if (body.length < 1 + CHECKSUM_LENGTH)
		throw new AnswerCodeError(knownId ? 'This result code is incomplete' : 'This is not a result code');

	const payload = code.slice(0, -CHECKSUM_LENGTH);
	if (checksumValue(code.slice(-CHECKSUM_LENGTH)) !== crc32(payload)) {
		if (bank && body.length < bodyLength(bank)) throw new AnswerCodeError('This result code is incomplete');
		throw new AnswerCodeError('This result code has been altered');
	}
	if (!bank)
		throw new AnswerCodeError(
			`This result code was made with question bank ${bankId} version ${version}, which this site does not know`
		);
	const format = body[0] as Format;
	if (format !== codeFormatFor(bank))
		throw new AnswerCodeError(`This result code uses format "${body[0]}", which this site cannot read`);
	const layout = FORMATS[format];
	if (body.length < bodyLength(bank)) throw new AnswerCodeError('This result code is incomplete');
	if (body.length > bodyLength(bank)) throw new AnswerCodeError('This result code has been altered');

	const answers: Answers = {};
	bank.questions.forEach((question, i) => {
		const value = CODE_ALPHABET.indexOf(body[1 + i]!);
		if (value === SKIPPED) return;
		if (value === NA) answers[question.id] = NOT_APPLICABLE;
		else if (value === layout.dontKnow) answers[question.id] = DONT_KNOW;
		else if (value === layout.varies) answers[question.id] = VARIES;
		else if (value === layout.notTracked) answers[question.id] = NOT_TRACKED;
		else {
			const option = question.options[value - layout.firstOption];
			if (!option) throw new AnswerCodeError('This result code has been altered');
			answers[question.id] = option.id;
		}
	});
	// A code this site wrote always holds answers its bank accepts; anything else was made by hand.
	try {
		validateAnswers(bank, answers);
	} catch {
		throw new AnswerCodeError('This result code has been altered');
	}
	return { bank, answers };
}
