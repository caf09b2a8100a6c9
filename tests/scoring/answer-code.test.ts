import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnswerCodeError, CODE_ALPHABET, decodeAnswerCode, encodeAnswerCode } from '$scoring/export/answer-code';
import { NOT_APPLICABLE, type Answers, type QuestionBank } from '$scoring/schema';
import { AnswersError } from '$scoring/answers';
import { BANK_V1, CURRENT_BANK } from '$scoring/content/banks';
import { OLDER_BANK, TEST_BANKS } from '../fixtures/bank-versions';
import { allAt, anyAnswersArb } from '../fixtures/answers';

const BANK = BANK_V1;
const BANKS = TEST_BANKS;

/** Characters a mutation may introduce: the code's own alphabet, its separator and a few outsiders. */
const MUTATION_CHARS = [...CODE_ALPHABET, '.', ' ', '%', '~', 'é', '\n'];

function decodeError(code: string): AnswerCodeError {
	let refusal: unknown;
	try {
		decodeAnswerCode(code, BANKS);
	} catch (error) {
		refusal = error;
	}
	expect(refusal, `decoding ${JSON.stringify(code)}`).toBeInstanceOf(AnswerCodeError);
	return refusal as AnswerCodeError;
}

const mutatedCode = fc
	.tuple(anyAnswersArb(BANK), fc.nat(), fc.constantFrom(...MUTATION_CHARS), fc.constantFrom('sub', 'del', 'ins'))
	.map(([answers, at, ch, kind]) => {
		const code = encodeAnswerCode(BANK, answers);
		const i = at % (code.length + (kind === 'ins' ? 1 : 0));
		if (kind === 'sub') return code[i] === ch ? null : code.slice(0, i) + ch + code.slice(i + 1);
		if (kind === 'del') return code.slice(0, i) + code.slice(i + 1);
		return code.slice(0, i) + ch + code.slice(i);
	})
	.filter((code): code is string => code !== null);

describe('answer code', () => {
	it('round-trips arbitrary answer sets', () => {
		fc.assert(
			fc.property(anyAnswersArb(BANK), (answers) => {
				const decoded = decodeAnswerCode(encodeAnswerCode(BANK, answers), BANKS);
				expect(decoded.bank).toBe(BANK);
				expect(decoded.answers).toEqual(answers);
			}),
			{ numRuns: 500 }
		);
	}, 60_000);

	it('is URL-safe and names the bank and version in clear text', () => {
		fc.assert(
			fc.property(anyAnswersArb(BANK), (answers) => {
				const code = encodeAnswerCode(BANK, answers);
				expect(code).toMatch(/^[A-Za-z0-9_.-]+$/);
				expect(encodeURIComponent(code)).toBe(code);
				expect(code.startsWith(`${BANK.id}.${BANK.version}.`)).toBe(true);
			}),
			{ numRuns: 100 }
		);
	}, 60_000);

	it('decodes against every published bank by default', () => {
		const answers: Answers = { gov_formal_policy: 'approved', risk_rework: NOT_APPLICABLE };
		expect(decodeAnswerCode(encodeAnswerCode(BANK_V1, answers))).toEqual({ bank: BANK_V1, answers, lens: null });
	});

	it('decodes a code for an older bank version against that version', () => {
		const answers: Answers = { retired_question: 'high', gov_formal_policy: 'legacy_none' };
		const decoded = decodeAnswerCode(encodeAnswerCode(OLDER_BANK, answers), BANKS);
		expect(decoded.bank).toBe(OLDER_BANK);
		expect(decoded.answers).toEqual(answers);
	});

	it('prints the length of a code for a full answer set', () => {
		const full: Answers = Object.fromEntries(BANK.questions.map((q) => [q.id, q.options.at(-1)!.id]));
		const code = encodeAnswerCode(BANK, full);
		console.log(`answer code for ${BANK.questions.length} questions: ${code.length} characters (${code})`);
		expect(code.length).toBe(`${BANK.id}.${BANK.version}.`.length + 1 + BANK.questions.length + 6);
	});

	it('rejects every single-character substitution, deletion and insertion (property)', () => {
		fc.assert(
			fc.property(mutatedCode, (code) => {
				decodeError(code);
			}),
			{ numRuns: 3000 }
		);
	}, 60_000);

	it('rejects every substitution, deletion and insertion of one code, exhaustively', () => {
		const code = encodeAnswerCode(BANK, { ai_code_share: 'pct_5_25', gov_formal_policy: NOT_APPLICABLE });
		for (let i = 0; i <= code.length; i++) {
			if (i < code.length) decodeError(code.slice(0, i) + code.slice(i + 1));
			for (const ch of MUTATION_CHARS) {
				decodeError(code.slice(0, i) + ch + code.slice(i));
				if (i < code.length && code[i] !== ch) decodeError(code.slice(0, i) + ch + code.slice(i + 1));
			}
		}
	});

	it('says a truncated code is incomplete', () => {
		const code = encodeAnswerCode(BANK, { plat_self_service: 'golden_paths' });
		for (let n = 1; n < code.length; n++)
			expect(decodeError(code.slice(0, n)).message, code.slice(0, n)).toBe('This result code is incomplete');
	});

	it('says an extended or edited code has been altered', () => {
		const code = encodeAnswerCode(BANK, { plat_self_service: 'golden_paths' });
		expect(decodeError(code + '0').message).toBe('This result code has been altered');
		const i = code.length - 10;
		const edited = code.slice(0, i) + (code[i] === '2' ? '3' : '2') + code.slice(i + 1);
		expect(decodeError(edited).message).toBe('This result code has been altered');
	});

	it('rejects a code made with a bank version this site does not know, naming it', () => {
		const newer: QuestionBank = { ...BANK, version: '2.1.0' };
		const code = encodeAnswerCode(newer, { plat_self_service: 'golden_paths' });
		expect(decodeError(code).message).toBe(
			'This result code was made with question bank ai_readiness version 2.1.0, which this site does not know'
		);
		const other: QuestionBank = { ...BANK, id: 'other_bank' };
		expect(decodeError(encodeAnswerCode(other, {})).message).toBe(
			'This result code was made with question bank other_bank version 1.0.0, which this site does not know'
		);
	});

	it('says strings that are not codes are not result codes', () => {
		for (const s of ['', 'hello', 'https://example.com/results/x', '<script>alert(1)</script>', 'x'.repeat(10_000)])
			expect(decodeError(s).message).toBe('This is not a result code');
	});

	it('throws only AnswerCodeError for arbitrary strings', () => {
		const code = encodeAnswerCode(BANK, {});
		const codeLike = fc
			.tuple(fc.constantFrom('', `${BANK.id}.`, `${BANK.id}.${BANK.version}.`, code), fc.string({ unit: 'binary' }))
			.map(([prefix, rest]) => prefix + rest);
		fc.assert(
			fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-ascii' }), codeLike), (s) => {
				try {
					decodeAnswerCode(s, BANKS);
				} catch (error) {
					expect(error).toBeInstanceOf(AnswerCodeError);
				}
			}),
			{ numRuns: 2000 }
		);
	}, 60_000);

	it('refuses to encode answers the bank does not have', () => {
		expect(() => encodeAnswerCode(BANK, { nope: 'tickets' })).toThrow(AnswersError);
		expect(() => encodeAnswerCode(BANK, { nope: 'tickets' })).toThrow(
			`unknown question "nope" in bank ai_readiness ${BANK.version}`
		);
		expect(() => encodeAnswerCode(BANK, { plat_self_service: 'zzz' })).toThrow(AnswersError);
		expect(() => encodeAnswerCode(BANK, { plat_self_service: 'zzz' })).toThrow(
			'"zzz" is not an option of question "plat_self_service"'
		);
	});
});

describe('the decoder a result link meets (the shipped banks, a current-bank code)', () => {
	// Moved from the e2e hostile suite: it needs no server. Any string a result URL can carry either decodes to
	// answers the bank accepts (so they encode again) or is refused with AnswerCodeError — never another error.
	it('decodeAnswerCode: any string decodes to valid answers or throws AnswerCodeError', () => {
		const validCode = encodeAnswerCode(CURRENT_BANK, allAt(CURRENT_BANK, 'best'));
		const mutated = fc
			.tuple(fc.nat(validCode.length - 1), fc.string({ minLength: 0, maxLength: 3 }))
			.map(([at, s]) => validCode.slice(0, at) + s + validCode.slice(at + 1));
		let decoded = 0;
		fc.assert(
			fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), mutated), (code) => {
				try {
					const { bank, answers } = decodeAnswerCode(code);
					expect(encodeAnswerCode(bank, answers)).toBeTypeOf('string');
					decoded++;
				} catch (e) {
					expect(e).toBeInstanceOf(AnswerCodeError);
				}
			}),
			{ numRuns: 3000, seed: 20260601 }
		);
		// The mutations reach the decoder's checks, not only its first refusal: some edits still decode.
		expect(decoded).toBeGreaterThan(0);
	}, 60_000);
});
