import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillSections, generatedSections } from '../../src/cli/methodology-table';
import { OVERCONFIDENCE_GAP, RECOMMEND_BELOW, BLOCKING_BOOST } from '../../scoring/score';
import { BORDERLINE_MARGIN, CONTROL_WEIGHTS, MIN_COVERAGE, TIER_CUTOFFS } from '../../scoring/tiers';

const doc = readFileSync('docs/methodology.md', 'utf8');

describe('docs/methodology.md', () => {
	it('has its generated sections (weights, figures, norming results) up to date with the code', () => {
		expect(fillSections(doc, generatedSections())).toBe(doc);
	});

	it('states the shipped cut-offs and constants', () => {
		expect(doc).toContain(`U = ${TIER_CUTOFFS.use}, C_high = ${TIER_CUTOFFS.controlHigh}`);
		expect(doc).toContain(`C_low = ${TIER_CUTOFFS.controlLow}, E_high = ${TIER_CUTOFFS.exposureHigh}`);
		expect(doc).toContain(`\`MIN_COVERAGE\` = ${MIN_COVERAGE * 100} %`);
		expect(doc).toContain(`\`BORDERLINE_MARGIN\` = ${BORDERLINE_MARGIN} points`);
		expect(doc).toContain(`\`OVERCONFIDENCE_GAP\` = ${OVERCONFIDENCE_GAP} points`);
		expect(doc).toContain(`\`RECOMMEND_BELOW\` = ${RECOMMEND_BELOW}`);
		expect(doc).toContain(`× ${BLOCKING_BOOST}`);
		const { governance, automation, risk_exposure, platform } = CONTROL_WEIGHTS;
		expect(doc).toContain(
			`control** = ${governance} × governance + ${automation} × automation + ${risk_exposure} × (100 − exposure) + ${platform} × platform`
		);
	});
});
