import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillSections, frameworksDocument, generatedSections } from '../../src/cli/methodology-table';
import { OVERCONFIDENCE_GAP } from '$scoring/model/v2/lines';
import { BLOCKING_BOOST } from '$scoring/model/v2/score';
import {
	BORDERLINE_MARGINS,
	CONTROL_WEIGHTS,
	MIN_COVERAGE,
	OUTCOME_WEIGHT,
	THIN_COVERAGE,
	TIER_CUTOFFS
} from '$scoring/model/v2/tiers';

const doc = readFileSync('docs/methodology.md', 'utf8');

describe('docs/methodology.md', () => {
	it('has its generated sections (questions, figures, norming, adversarial profiles) up to date with the code', () => {
		expect(fillSections(doc, generatedSections())).toBe(doc);
	}, 60_000);

	it('states the shipped cut-offs and constants', () => {
		const c = TIER_CUTOFFS;
		expect(doc).toContain(`AI-driven change ≥ the use floor **${c.useFloor}**`);
		expect(doc).toContain(`control < **${c.controlLow}** (weak) or exposure ≥\n   **${c.exposureSevere}** (severe)`);
		expect(doc).toContain(
			`use ≥ **${c.useDeep}** (deep), control ≥ **${c.controlHigh}** (robust), exposure < **${c.exposureHigh}**`
		);
		expect(doc).toContain(`\`MIN_COVERAGE\`\n  = ${MIN_COVERAGE * 100} %`);
		expect(doc).toContain(`\`THIN_COVERAGE\` = ${THIN_COVERAGE * 100} %`);
		expect(doc).toContain(`OUTCOME_WEIGHT = ${OUTCOME_WEIGHT}`);
		expect(doc).toContain(
			`±${BORDERLINE_MARGINS.useDeep} points for deep use and weak control, ±${BORDERLINE_MARGINS.controlHigh} for robust control`
		);
		expect(BORDERLINE_MARGINS.useDeep).toBe(BORDERLINE_MARGINS.controlLow);
		expect(doc).toContain(`\`OVERCONFIDENCE_GAP\` = ${OVERCONFIDENCE_GAP} points`);
		expect(doc).toContain(`× ${BLOCKING_BOOST} when`);
		const { governance, automation, risk_exposure, platform } = CONTROL_WEIGHTS;
		expect(doc).toContain(
			`**control** = ${governance} × governance + ${automation} × automation + ${risk_exposure} × guards + ${platform} × platform`
		);
	});
});

describe('docs/frameworks.md', () => {
	it('is the table generated from scoring/frameworks.ts and the bank', () => {
		expect(readFileSync('docs/frameworks.md', 'utf8')).toBe(frameworksDocument());
	});
});

describe('docs/formats.md', () => {
	it('shows an answer code that decodes on bank 2.0.0', async () => {
		const { decodeAnswerCode } = await import('$scoring/export/answer-code');
		const doc = readFileSync('docs/formats.md', 'utf8');
		const code = /ai_readiness\.2\.0\.0\.b[0-9A-Za-z_-]+/.exec(doc)?.[0];
		expect(code).toBeDefined();
		expect(decodeAnswerCode(code!).bank.version).toBe('2.0.0');
	});
});
