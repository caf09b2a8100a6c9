/**
 * Lenses (docs/lenses.md): the published JSON Schema is the zod schema's; every kind of error names its line and
 * field; findings never let "don't know", an unanswered question or an unfounded "not applicable" help; a lens
 * code round-trips, and codes written before lenses still decode.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CURRENT_BANK } from '$scoring/content/banks';
import { AnswerCodeError, decodeAnswerCode, decodeLensAnswers, encodeAnswerCode } from '$scoring/export/answer-code';
import { lensFindings, LensAnswersError } from '$scoring/lens/findings';
import { LensError, MAX_LENS_ALIASES, MAX_LENS_CHARS, parseLens, type LensProblem } from '$scoring/lens/parse';
import { lensJsonSchema } from '$scoring/lens/schema';
import { EXAMPLE_LENS_TEXT, lineOf, SMALL_LENS } from '../fixtures/lens';

/** The problems parseLens reports for `text` (the test fails if it accepts it). */
function problemsOf(text: string): LensProblem[] {
	try {
		parseLens(text);
	} catch (e) {
		if (e instanceof LensError) return e.problems;
		throw e;
	}
	throw new Error('the lens was accepted');
}

describe('the lens schema', () => {
	it('is published at docs/lens.schema.json exactly as the zod schema generates it', () => {
		expect(JSON.parse(readFileSync('docs/lens.schema.json', 'utf8'))).toEqual(lensJsonSchema());
	});

	it('accepts the example lens and refuses an unknown field through the published JSON Schema too', () => {
		const ajv = new Ajv2020({ allErrors: true, strict: false });
		addFormats.default(ajv);
		const validate = ajv.compile(JSON.parse(readFileSync('docs/lens.schema.json', 'utf8')));
		const example = parseYaml(EXAMPLE_LENS_TEXT);
		expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
		example.sections[0].questions[0].colour = 'red';
		expect(validate(example)).toBe(false);
		expect(validate.errors?.[0]?.keyword).toBe('additionalProperties');
	});

	it('reads the example lens and the small test lens', () => {
		expect(parseLens(EXAMPLE_LENS_TEXT).sections.flatMap((s) => s.questions)).toHaveLength(12);
		expect(parseLens(SMALL_LENS).id).toBe('small-lens');
	});
});

describe('errors name their line and field', () => {
	it('an unknown field', () => {
		const text = SMALL_LENS.replace(
			'        text: Is the register reviewed?\n',
			'        text: Is the register reviewed?\n        weight: 3\n'
		);
		expect(problemsOf(text)).toEqual([
			{
				line: lineOf(text, 'weight: 3'),
				column: 9,
				field: 'sections[0].questions[1].weight',
				message: 'unknown field "weight" (allowed here: id, text, why, options, dontKnow, notApplicable, references)'
			}
		]);
	});

	it('a duplicate id', () => {
		const text = SMALL_LENS.replace('          - id: yearly', '          - id: never');
		expect(problemsOf(text)).toEqual([
			expect.objectContaining({
				line: lineOf(text, '- id: never', 'id: review') + 3,
				field: 'sections[0].questions[1].options[1].id',
				message: 'duplicate option id "never" (first used at sections[0].questions[1].options[0])'
			})
		]);
		const question = SMALL_LENS.replace('      - id: review', '      - id: register');
		expect(problemsOf(question)[0]).toMatchObject({
			line: lineOf(question, '- id: register', 'text: Do you keep'),
			field: 'sections[0].questions[1].id',
			message: 'duplicate question id "register" (first used at sections[0].questions[0])'
		});
	});

	it('an option without a level', () => {
		const text = SMALL_LENS.replace(
			'            label: Part of it.\n            level: 1\n',
			'            label: Part of it.\n'
		);
		expect(problemsOf(text)).toEqual([
			{
				line: lineOf(text, '- id: partial'),
				column: 13,
				field: 'sections[0].questions[0].options[1].level',
				message: 'every option needs a level (0 = weakest)'
			}
		]);
	});

	it('a dangling reference: a risk rule, a next step or a framework reference naming something the lens lacks', () => {
		const text = SMALL_LENS.replace(
			'  - question: review\n    answers: [never]\n    title',
			'  - question: reviews\n    answers: [never]\n    title'
		)
			.replace('    answers: [no_register]\n    risk: high', '    answers: [no_registr]\n    risk: high')
			.replace('references: [ref_one]', 'references: [ref_two]');
		expect(problemsOf(text)).toEqual([
			expect.objectContaining({
				line: lineOf(text, 'references: [ref_two]'),
				field: 'sections[0].questions[0].references[0]',
				message: 'names reference "ref_two", which the lens\'s references do not have'
			}),
			expect.objectContaining({
				line: lineOf(text, 'answers: [no_registr]'),
				field: 'risks[0].answers[0]',
				message:
					'names option "no_registr", which question "register" does not have (options: no_register, partial, full)'
			}),
			// The high-risk answer lost its rule, so the medium one is now above an unmarked lower level…
			expect.objectContaining({ field: 'risks[1].answers[0]', message: expect.stringMatching(/^bad risk rule/) }),
			// …and the risky answer of "review" no longer has a next step.
			expect.objectContaining({
				field: 'risks[2].answers[0]',
				message: expect.stringMatching(/no next step names it/)
			}),
			expect.objectContaining({
				line: lineOf(text, 'question: reviews'),
				field: 'nextSteps[1].question',
				message: 'names question "reviews", which the lens does not have'
			})
		]);
	});

	it('a bad risk rule: risk rising with the level, the best option marked, an answer marked twice', () => {
		const rising = SMALL_LENS.replace(
			'    answers: [partial]\n    risk: medium',
			'    answers: [partial]\n    risk: high'
		).replace('    answers: [no_register]\n    risk: high', '    answers: [no_register]\n    risk: medium');
		expect(problemsOf(rising)).toEqual([
			{
				line: lineOf(rising, 'answers: [partial]'),
				column: 15,
				field: 'risks[1].answers[0]',
				message:
					'bad risk rule: marks option "partial" (level 1) high risk while "no_register", a lower level (0), is medium risk; risk must not rise with the level'
			}
		]);
		const best = SMALL_LENS.replace(
			'    answers: [partial]\n    risk: medium',
			'    answers: [partial, full]\n    risk: medium'
		);
		expect(problemsOf(best)[0]).toMatchObject({
			line: lineOf(best, 'answers: [partial, full]'),
			field: 'risks[1].answers[1]',
			message: expect.stringContaining('the best answer of question "register" (level 2)')
		});
		const twice = SMALL_LENS.replace(
			'    answers: [partial]\n    risk: medium',
			'    answers: [no_register]\n    risk: medium'
		);
		expect(problemsOf(twice)[0]).toMatchObject({
			line: lineOf(twice, 'answers: [no_register]', 'risk: high'),
			field: 'risks[1].answers[0]',
			message: expect.stringContaining('is already marked high risk by risks.0')
		});
		const unknownRisk = SMALL_LENS.replace(
			'    risk: medium\n    because: Part',
			'    risk: severe\n    because: Part'
		);
		expect(problemsOf(unknownRisk)).toEqual([
			expect.objectContaining({
				line: lineOf(unknownRisk, 'risk: severe'),
				field: 'risks[1].risk',
				message: 'must be high or medium'
			})
		]);
	});

	it('a duplicate key, which JSON.parse would keep silently, in YAML and in JSON', () => {
		const text = SMALL_LENS.replace("version: '1.0'\n", "version: '1.0'\nversion: '1.1'\n");
		expect(problemsOf(text)).toEqual([
			{
				line: 5,
				column: 1,
				field: '',
				message: 'duplicate key "version": a field may appear once (a JSON reader would silently keep the last one)'
			}
		]);
		const json = '{\n\t"lens": 1,\n\t"id": "a-lens",\n\t"id": "b-lens"\n}\n';
		expect(JSON.parse(json).id).toBe('b-lens');
		expect(problemsOf(json)).toEqual([
			expect.objectContaining({ line: 4, column: 2, message: expect.stringContaining('duplicate key "id"') })
		]);
	});

	it('reads JSON with positions: a field error names its JSON line', () => {
		const lens = parseYaml(SMALL_LENS);
		lens.sections[0].questions[1].options[1].level = 'high';
		const json = JSON.stringify(lens, null, 2);
		expect(problemsOf(json)).toEqual([
			{
				line: lineOf(json, '"level": "high"'),
				column: 24,
				field: 'sections[0].questions[1].options[1].level',
				message: 'must be a whole number from 0 to 10'
			}
		]);
	});

	it('refuses a file over the size limit and too many aliases, before building anything from them', () => {
		expect(problemsOf('#'.repeat(MAX_LENS_CHARS + 1))[0]!.message).toMatch(/a lens may have at most 262144/);
		const bomb = `a: &a [x, x]\nb: [${Array.from({ length: MAX_LENS_ALIASES + 1 }, () => '*a').join(', ')}]\n`;
		expect(problemsOf(bomb)).toEqual([
			expect.objectContaining({
				line: 2,
				message: `more than ${MAX_LENS_ALIASES} YAML aliases; write the values out instead`
			})
		]);
	});

	it('names a syntax error and a missing field by line', () => {
		expect(problemsOf('lens: 1\nid: [unclosed\n')[0]).toMatchObject({ line: expect.any(Number), field: '' });
		const text = SMALL_LENS.replace('description: Two questions for tests.\n', '');
		expect(problemsOf(text)).toEqual([{ line: 1, column: 1, field: 'description', message: 'is missing (required)' }]);
	});
});

describe('findings', () => {
	const lens = parseLens(SMALL_LENS);
	const finding = (answers: Record<string, string>, id: string) =>
		lensFindings(lens, answers).findings.find((f) => f.questionId === id)!;

	it('an answer gets its rule’s risk and its next step; the best answer neither', () => {
		expect(finding({ register: 'partial' }, 'register')).toMatchObject({
			status: 'answered',
			countedAs: 'partial',
			risk: 'medium',
			because: 'Part is missing.',
			nextStep: { title: 'Register everything', action: 'Put every item in the register.' }
		});
		expect(finding({ register: 'full' }, 'register')).toMatchObject({ risk: null, nextStep: null, level: 2 });
	});

	it('"don’t know" and an unanswered question count as the weakest option: they never help', () => {
		expect(finding({ register: 'dk' }, 'register')).toMatchObject({
			status: 'dont_know',
			countedAs: 'no_register',
			risk: 'high'
		});
		expect(finding({}, 'register')).toMatchObject({ status: 'unanswered', countedAs: 'no_register', risk: 'high' });
		expect(lensFindings(lens, {}).high).toEqual(['register']);
		expect(lensFindings(lens, {}).medium).toEqual(['review']);
	});

	it('"not applicable" counts only where its condition holds; otherwise it is the weakest option', () => {
		expect(finding({ register: 'na', review: 'na' }, 'review')).toMatchObject({
			status: 'not_applicable',
			notApplicableRefused: false,
			risk: null,
			countedAs: null
		});
		expect(finding({ register: 'full', review: 'na' }, 'review')).toMatchObject({
			status: 'not_applicable',
			notApplicableRefused: true,
			countedAs: 'never',
			risk: 'medium'
		});
	});
});

describe('the answer code with a lens', () => {
	const lens = parseLens(SMALL_LENS);
	const core = { gov_formal_policy: 'full', ai_code_share: 'dk' };

	it('round-trips lens answers after the survey part; the survey part is the code written without a lens', () => {
		const plain = encodeAnswerCode(CURRENT_BANK, core);
		const code = encodeAnswerCode(CURRENT_BANK, core, { lens, answers: { register: 'partial', review: 'na' } });
		expect(code.startsWith(`${plain}~small-lens.1.0.l`)).toBe(true);
		const decoded = decodeAnswerCode(code);
		expect(decoded.answers).toEqual(core);
		expect(decoded.lens).toEqual({ id: 'small-lens', version: '1.0', body: '41' });
		expect(decodeLensAnswers(lens, decoded.lens!)).toEqual({ register: 'partial', review: 'na' });
		expect(decodeAnswerCode(plain).lens).toBeNull();
	});

	it('refuses an altered or cut lens part, and lens answers the lens does not take', () => {
		const code = encodeAnswerCode(CURRENT_BANK, core, { lens, answers: { register: 'full' } });
		const altered = code.replace('~small-lens.1.0.l50', '~small-lens.1.0.l40');
		expect(() => decodeAnswerCode(altered)).toThrow(new AnswerCodeError('This result code has been altered'));
		expect(() => decodeAnswerCode(code.slice(0, -8))).toThrow(new AnswerCodeError('This result code is incomplete'));
		expect(() => decodeLensAnswers(lens, { id: 'small-lens', version: '1.0', body: '9' })).toThrow(AnswerCodeError);
		expect(() => encodeAnswerCode(CURRENT_BANK, core, { lens, answers: { review: 'sometimes' } })).toThrow(
			LensAnswersError
		);
	});
});
