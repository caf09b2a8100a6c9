import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillSections, frameworksDocument, generatedSections, surveyDocument } from '../../src/cli/methodology-table';
import { OVERCONFIDENCE_GAP } from '$scoring/model/v3/lines';
import { MAX_CHANGES, MAX_LEVELS_PER_STEP } from '$scoring/model/v3/plan';
import { BLOCKING_BOOST } from '$scoring/model/v3/recommend';
import {
	CONTROL_WEIGHTS,
	CRITICAL_CAP,
	CUTOFFS,
	MARGINS,
	MIN_COVERAGE,
	OUTCOME_WEIGHT,
	PRACTICE_COVERAGE,
	THIN_COVERAGE
} from '$scoring/model/v3/tiers';
import { BANK_V3 } from '$scoring/content/banks';
import { questionnaireLength } from '$scoring/content/timing';

const doc = readFileSync('docs/methodology.md', 'utf8');

describe('docs/methodology.md', () => {
	// It reruns the norming simulation: 17 s on its own, 85 s inside the whole suite on a loaded machine (failed at 60 s).
	it('has its generated sections (questions, figures, norming, golden set, blind review, cheapest path) up to date with the code', () => {
		expect(fillSections(doc, generatedSections())).toBe(doc);
	}, 180_000);

	it('states the shipped cut-offs and constants', () => {
		const c = CUTOFFS;
		const flat = doc.replace(/\s+/g, ' ');
		expect(flat).toContain(`AI-driven change ≥ the use floor **${c.useFloor}**`);
		expect(flat).toContain(`exposure is ≥ **${c.exposureSevere}** (severe)`);
		expect(flat).toContain(`The bar is the weak cut-off **${c.controlLow}** raised by **${c.criticalWeight}** points`);
		expect(flat).toContain(`up to ${['none', 'one', 'two', 'three'][CRITICAL_CAP]}`);
		expect(flat).toContain(`the **floor of ${c.floor}**`);
		expect(flat).toContain(`the **robust cut-off of ${c.controlHigh}**`);
		expect(flat).toContain(`AI adoption is deep (≥ **${c.useDeep}**)`);
		expect(flat).toContain(`robust ±${MARGINS.controlHigh}, weak ±${MARGINS.controlLow}, deep use ±${MARGINS.useDeep}`);
		expect([MARGINS.useFloor, MARGINS.floor, MARGINS.exposureSevere]).toEqual([5, 5, 5]);
		expect(flat).toContain(`\`MIN_COVERAGE\` = ${MIN_COVERAGE * 100} %`);
		expect(flat).toContain(`\`PRACTICE_COVERAGE\` = ${PRACTICE_COVERAGE * 100} %`);
		expect(flat).toContain(`\`THIN_COVERAGE\` = ${THIN_COVERAGE * 100} %`);
		expect(flat).toContain(`\`OUTCOME_WEIGHT\` = ${OUTCOME_WEIGHT}`);
		expect(flat).toContain(`\`OVERCONFIDENCE_GAP\` = ${OVERCONFIDENCE_GAP} points`);
		expect(flat).toContain(`(× ${BLOCKING_BOOST} in a dimension holding the result back)`);
		expect(flat).toContain(`at most **${MAX_CHANGES} changes**`);
		expect(flat).toContain(`at most ${['none', 'one', 'two', 'three'][MAX_LEVELS_PER_STEP]} levels each`);
		const { governance, automation, risk_exposure, platform } = CONTROL_WEIGHTS;
		expect(flat).toContain(
			`**Foundations (control)** = ${governance} × governance + ${automation} × automation + ${risk_exposure} × guards + ${platform} × platform`
		);
		const length = questionnaireLength(BANK_V3);
		expect(flat).toContain(`**${length.questions} questions**, ${length.optional} of them optional`);
		expect(flat).toContain(`**${length.minutes} minutes**`);
	});
});

describe('docs/frameworks.md', () => {
	it('is the table generated from scoring/frameworks.ts and the bank', () => {
		expect(readFileSync('docs/frameworks.md', 'utf8')).toBe(frameworksDocument());
	});
});

describe('docs/survey.md', () => {
	it('is the list generated from scoring/content/survey.ts: every figure with its source', () => {
		expect(readFileSync('docs/survey.md', 'utf8')).toBe(surveyDocument());
	});
});

describe('docs/formats.md', () => {
	it('shows an answer code that decodes on bank 3.0.0', async () => {
		const { decodeAnswerCode } = await import('$scoring/export/answer-code');
		const doc = readFileSync('docs/formats.md', 'utf8');
		const code = /ai_readiness\.3\.0\.0\.c[0-9A-Za-z_-]+/.exec(doc)?.[0];
		expect(code).toBeDefined();
		expect(decodeAnswerCode(code!).bank.version).toBe('3.0.0');
	});
});
