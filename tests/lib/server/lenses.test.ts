/**
 * The server's lenses: `LENS_DIR` read at start with every problem named (the server does not start on any), the
 * default folder optional, a lens link found by id (newest version) or id@version, and a code's lens read against
 * the catalog: its findings, a note when the version is gone, a refusal when its answers do not fit.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CURRENT_BANK } from '$scoring/content/banks';
import { decodeAnswerCode, encodeAnswerCode } from '$scoring/export/answer-code';
import { parseLens } from '$scoring/lens/parse';
import { ResultCodeError } from '$scoring/model/result-code';
import { LensConfigError, lensCatalog, lensOfCode, loadLenses, newestLenses } from '$lib/server/lenses/service';
import { lineOf, SMALL_LENS } from '../../fixtures/lens';

const dir = mkdtempSync(join(tmpdir(), 'lens-dir-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function configError(env: NodeJS.ProcessEnv): string {
	try {
		loadLenses(env);
	} catch (e) {
		if (e instanceof LensConfigError) return e.message;
		throw e;
	}
	throw new Error('the lenses loaded');
}

describe('LENS_DIR at start', () => {
	it('loads the shipped folder by default', () => {
		const catalog = loadLenses({});
		expect(catalog.lenses.map((l) => `${l.id}@${l.version}`)).toEqual([
			'eu-dora-ai-engineering@1.0',
			'eu-dora-ai-engineering@1.1'
		]);
		// A lens link and a new workshop take the newest; a code naming 1.0 still finds 1.0.
		expect(catalog.latest('eu-dora-ai-engineering')!.version).toBe('1.1');
		expect(newestLenses(catalog).map((l) => l.version)).toEqual(['1.1']);
		expect(catalog.find('eu-dora-ai-engineering', '1.0')).not.toBeNull();
	});

	it('refuses a folder that does not exist, and one with a lens that does not validate, naming file and line', () => {
		expect(configError({ LENS_DIR: join(dir, 'nowhere') })).toBe(
			`LENS_DIR: ${join(dir, 'nowhere')} does not exist. Create it, or unset LENS_DIR to use ./lenses.`
		);
		const broken = SMALL_LENS.replace('    risk: high\n', '    risk: severe\n');
		writeFileSync(join(dir, 'broken.yaml'), broken);
		expect(configError({ LENS_DIR: dir })).toBe(
			`LENS_DIR: the lenses in ${dir} cannot be used (check them with \`npm run lens -- lint FILE\`):\n` +
				`${join(dir, 'broken.yaml')}:${lineOf(broken, 'risk: severe')}:11: risks[0].risk: must be high or medium`
		);
		rmSync(join(dir, 'broken.yaml'));
	});
});

describe('a code’s lens', () => {
	const lens = parseLens(SMALL_LENS);
	const newer = parseLens(SMALL_LENS.replace("version: '1.0'", "version: '1.1'"));
	const catalog = lensCatalog([lens, newer]);
	const code = encodeAnswerCode(CURRENT_BANK, {}, { lens, answers: { register: 'partial' } });

	it('is found by id (newest) or id and version', () => {
		expect(catalog.latest('small-lens')?.version).toBe('1.1');
		expect(catalog.find('small-lens', '1.0')).toBe(lens);
		expect(catalog.latest('other')).toBeNull();
	});

	it('gives its findings; a version the site no longer has gives a note; answers that do not fit are refused', () => {
		const found = lensOfCode(decodeAnswerCode(code).lens, catalog);
		expect(found && 'view' in found && found.view.medium.map((i) => i.questionId)).toEqual(['register', 'review']);
		expect(lensOfCode(decodeAnswerCode(code).lens, lensCatalog([newer]))).toEqual({
			missing:
				'These answers include lens small-lens version 1.0, which this site does not have, so its findings cannot be shown. The survey result above is complete without it.'
		});
		expect(lensOfCode(null, catalog)).toBeNull();
		const wrongLength = { id: 'small-lens', version: '1.0', body: '4' };
		expect(() => lensOfCode(wrongLength, catalog)).toThrow(
			new ResultCodeError('This result code has been altered.', 'not_a_code')
		);
	});
});

describe('the shipped example lens', () => {
	it('starts each next step from the answer given: an answer without risk never shares the step written for riskier ones', () => {
		const lens = loadLenses({}).latest('eu-dora-ai-engineering')!;
		const riskOf = (q: string, a: string) => lens.risks.find((r) => r.question === q && r.answers.includes(a))?.risk;
		for (const step of lens.nextSteps) {
			const risky = step.answers.filter((a) => riskOf(step.question, a));
			const safe = step.answers.filter((a) => !riskOf(step.question, a));
			expect(risky.length === 0 || safe.length === 0, `${step.question}: ${step.title}`).toBe(true);
		}
	});
});
