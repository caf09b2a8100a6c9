import { describe, expect, test } from 'vitest';
import { BANK_V1 } from '$scoring/content/banks';
import { assessmentSteps } from '$lib/assess/steps';
import {
	clearProgress,
	countAnswered,
	countQuestions,
	keepKnownAnswers,
	loadProgress,
	openStorage,
	saveProgress,
	storageKey,
	type ProgressStorage
} from '$lib/assess/progress';

const steps = assessmentSteps(BANK_V1);
const key = storageKey(BANK_V1.id, BANK_V1.version);

/** An in-memory Storage, optionally refusing writes the way a full or disabled localStorage does. */
function memoryStorage(refuse?: string): ProgressStorage & { data: Map<string, string> } {
	const data = new Map<string, string>();
	return {
		data,
		getItem: (k) => data.get(k) ?? null,
		setItem: (k, v) => {
			if (refuse) throw new DOMException('refused', refuse);
			data.set(k, v);
		},
		removeItem: (k) => void data.delete(k)
	};
}

describe('keepKnownAnswers', () => {
	test('keeps answers that name a question and one of its options, including N/A', () => {
		const kept = keepKnownAnswers(steps, {
			gov_formal_policy: 'na',
			ai_code_share: 'over_75',
			ai_iac_generation: 'not_an_option',
			no_such_question: 'over_75',
			profile_size: 42
		});
		expect(kept).toEqual({ gov_formal_policy: 'na', ai_code_share: 'over_75' });
	});

	test.each([null, 'text', 3, ['a']])('returns no answers for %j', (raw) => {
		expect(keepKnownAnswers(steps, raw)).toEqual({});
	});
});

test('countAnswered counts chosen answers including N/A; countQuestions counts every question', () => {
	expect(countQuestions(steps)).toBe(BANK_V1.questions.length);
	expect(countAnswered(steps, {})).toBe(0);
	expect(countAnswered(steps, { ai_code_share: 'over_75', gov_formal_policy: 'na' })).toBe(2);
});

test('the storage key names the bank id and version', () => {
	expect(key).toContain(BANK_V1.id);
	expect(key).toContain(BANK_V1.version);
	expect(storageKey(BANK_V1.id, '2.0.0')).not.toBe(key);
	// A workshop's draft never mixes with the private assessment, nor with another workshop's.
	expect(storageKey(BANK_V1.id, BANK_V1.version, 'ABC234')).not.toBe(key);
	expect(storageKey(BANK_V1.id, BANK_V1.version, 'ABC234')).not.toBe(storageKey(BANK_V1.id, BANK_V1.version, 'XYZ789'));
});

describe('autosave', () => {
	test('saved answers and step come back as they were', () => {
		const storage = memoryStorage();
		const answers = { ai_code_share: 'pct_25_50', gov_formal_policy: 'na', profile_role: 'na' };
		const outcome = saveProgress(storage, key, { answers, step: 3 }, new Date('2026-07-01T10:00:00Z'));
		expect(outcome).toEqual({ ok: true, savedAt: '2026-07-01T10:00:00.000Z' });
		expect(loadProgress(storage, key, steps)).toEqual({ answers, step: 3, savedAt: '2026-07-01T10:00:00.000Z' });
	});

	test('a full storage is reported, not thrown', () => {
		const outcome = saveProgress(memoryStorage('QuotaExceededError'), key, { answers: {}, step: 0 });
		expect(outcome).toEqual({ ok: false, reason: 'the browser’s storage is full' });
	});

	test('a blocked storage is reported, not thrown', () => {
		expect(openStorage(() => memoryStorage('SecurityError'))).toEqual({
			storage: null,
			reason: 'the browser blocks storage for this site'
		});
		expect(
			openStorage(() => {
				throw new DOMException('denied', 'SecurityError');
			})
		).toEqual({ storage: null, reason: 'the browser blocks storage for this site' });
		expect(saveProgress(null, key, { answers: {}, step: 0 }).ok).toBe(false);
	});

	test('a working storage opens', () => {
		const storage = memoryStorage();
		expect(openStorage(() => storage)).toEqual({ storage });
		expect(storage.data.size).toBe(0);
	});

	test('corrupt, foreign or hand-edited entries never inject unknown answers', () => {
		const storage = memoryStorage();
		storage.data.set(key, '{not json');
		expect(loadProgress(storage, key, steps)).toBeNull();
		storage.data.set(key, JSON.stringify({ answers: { ai_code_share: 'hacked', gov_formal_policy: 'na' }, step: 99 }));
		expect(loadProgress(storage, key, steps)).toEqual({
			answers: { gov_formal_policy: 'na' },
			step: steps.length - 1,
			savedAt: ''
		});
		expect(loadProgress(storage, storageKey(BANK_V1.id, '9.9.9'), steps)).toBeNull();
	});

	test('clearProgress removes the saved answers', () => {
		const storage = memoryStorage();
		saveProgress(storage, key, { answers: { ai_code_share: 'over_75' }, step: 1 });
		expect(clearProgress(storage, key)).toBe(true);
		expect(loadProgress(storage, key, steps)).toBeNull();
	});
});
