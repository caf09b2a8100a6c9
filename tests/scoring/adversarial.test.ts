import { describe, expect, it } from 'vitest';
import { ADVERSARIAL_BANK, ADVERSARIAL_PROFILES } from '$scoring/model/v2/adversarial';
import { score } from '$scoring/model/v2/score';

describe('named adversarial profiles (docs/methodology.md)', () => {
	it('has at least 12', () => expect(ADVERSARIAL_PROFILES.length).toBeGreaterThanOrEqual(12));

	it.each(ADVERSARIAL_PROFILES.map((p) => [p.name, p] as const))('%s', (_name, profile) => {
		const result = score(ADVERSARIAL_BANK, profile.build(ADVERSARIAL_BANK));
		expect(result.tier).toBe(profile.tier);
	});

	it('the no-AI profiles get no “use more AI” lift plan, and say what deeper use needs', () => {
		for (const name of ['No AI, perfect control', 'No AI, no controls']) {
			const profile = ADVERSARIAL_PROFILES.find((p) => p.name === name)!;
			const result = score(ADVERSARIAL_BANK, profile.build(ADVERSARIAL_BANK));
			expect(result.inUse, name).toBe(false);
			expect(result.liftPlan, name).toBeNull();
			expect(result.liftContext, name).toBe('deeper_use');
			expect(result.readiness, name).not.toBeNull();
		}
	});
});
