/**
 * The release rule (src/lib/server/workshops/release.ts), line by line of its spec, without a database: what a
 * self-paced workshop releases and when (and that fewer than k late responses are not), what a reveal or close of a
 * facilitated one releases per question, and that a release is serialised before anything is counted. Rule 3
 * (closing releases nothing more) is the service's: workshops.test.ts. The service tests (workshops.test.ts, facilitation.test.ts)
 * run the same rule through the database on PGlite and PostgreSQL.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Answers } from '$scoring/schema';
import {
	questionsDue,
	releaseQuestions,
	releaseSelfPaced,
	releaseWrites,
	selfPacedReleaseDue
} from '$lib/server/workshops/release';
import type { PendingResponse, ReleaseCounts, WorkshopStatements } from '$lib/server/workshops/repository';

const k = 3;
const counts = (pending: number, released: number, total: number): ReleaseCounts => ({ pending, released, total });

describe('rule 2: a self-paced workshop releases pending responses together, at least k at a time', () => {
	test('nothing pending: nothing to release', () => {
		expect(selfPacedReleaseDue(counts(0, 3, 5), k)).toBe(false);
	});
	test('fewer than k pending after a release: they wait', () => {
		expect(selfPacedReleaseDue(counts(1, 3, 4), k)).toBe(false);
		expect(selfPacedReleaseDue(counts(2, 3, 5), k)).toBe(false);
	});
	test('k pending: all of them go', () => {
		expect(selfPacedReleaseDue(counts(3, 3, 6), k)).toBe(true);
		expect(selfPacedReleaseDue(counts(3, 0, 3), k)).toBe(true);
	});
	test('before any figure is shown: the first release waits for k responses in all', () => {
		expect(selfPacedReleaseDue(counts(2, 0, 2), k)).toBe(false);
		expect(selfPacedReleaseDue(counts(1, 2, 3), k)).toBe(true);
	});

	test('property: any two releases of a self-paced workshop differ by at least k responses', () => {
		// Each step: participant `who` submits a new answer; after it, the rule runs as the service runs it.
		fc.assert(
			fc.property(fc.array(fc.nat(7), { minLength: 1, maxLength: 40 }), fc.integer({ min: 2, max: 5 }), (steps, k) => {
				const answers = new Map<number, number>();
				const released = new Map<number, number>();
				let version = 0;
				steps.forEach((who, i) => {
					answers.set(who, i);
					const pending = [...answers].filter(([p, a]) => released.get(p) !== a).length;
					const state = counts(pending, Math.min(released.size, k), Math.min(answers.size, k));
					if (!selfPacedReleaseDue(state, k)) return;
					const moved = [...answers].filter(([p, a]) => released.get(p) !== a);
					expect(moved.length).toBeGreaterThanOrEqual(k);
					for (const [p, a] of moved) released.set(p, a);
					version++;
				});
				expect(version).toBeLessThanOrEqual(Math.floor(steps.length / k));
			}),
			{ numRuns: 300, seed: 17 }
		);
	});
});

describe('rule 4: a facilitated workshop releases question by question', () => {
	const row = (id: string, answers: Answers, released: Answers | null = null): PendingResponse => ({
		id,
		answers,
		released
	});

	test('a question moves only when at least k responses changed their answer to it', () => {
		const rows = [
			row('a', { q1: 'x', q2: 'y' }, { q1: 'w', q2: 'y' }),
			row('b', { q1: 'x', q2: 'z' }, { q1: 'w', q2: 'y' }),
			row('c', { q1: 'x', q2: 'y' }, { q1: 'w', q2: 'y' })
		];
		// Three responses changed, but only q1 was changed by three of them.
		expect(questionsDue(rows, ['q1', 'q2'], k)).toEqual(['q1']);
		expect(questionsDue(rows, ['q2'], k)).toEqual([]);
	});

	test('a response keeps waiting for what it changed beyond the released questions', () => {
		const rows = [
			row('a', { q1: 'x', q2: 'z' }, { q1: 'w', q2: 'y' }),
			row('b', { q1: 'x' }, { q1: 'w' }),
			row('c', { q1: 'x' }, null)
		];
		expect(releaseWrites(rows, ['q1'])).toEqual([
			{ id: 'a', released: { q1: 'x', q2: 'y' }, pending: true },
			{ id: 'b', released: { q1: 'x' }, pending: false },
			{ id: 'c', released: { q1: 'x' }, pending: false }
		]);
	});

	test('at close (every question): an answer withdrawn by k responses is withdrawn from the figures', () => {
		const rows = ['a', 'b', 'c'].map((id) => row(id, { q1: 'x' }, { q1: 'x', q2: 'y' }));
		expect(questionsDue(rows, null, k)).toEqual(['q2']);
		expect(releaseWrites(rows, ['q2']).map((w) => w.released)).toEqual(Array(3).fill({ q1: 'x' }));
	});

	test('an edit back to the released answer is not a change', () => {
		const rows = ['a', 'b', 'c'].map((id, i) => row(id, { q1: i === 0 ? 'w' : 'x' }, { q1: 'w' }));
		expect(questionsDue(rows, ['q1'], k)).toEqual([]);
	});
});

describe('rule 5: a release is serialised before anything is counted', () => {
	/** Statements that record their order; counts and rows as given. */
	function recording(state: ReleaseCounts, rows: PendingResponse[] = []) {
		const calls: string[] = [];
		const tx = {
			lockReleases: async () => void calls.push('lock'),
			releaseCounts: async () => (calls.push('count'), state),
			releaseAllPending: async () => void calls.push('release all'),
			pendingResponsesForUpdate: async () => (calls.push('pending rows'), rows),
			writeReleases: async () => void calls.push('write')
		} as unknown as WorkshopStatements;
		return { tx, calls };
	}

	test('self-paced: lock, count, then release', async () => {
		const { tx, calls } = recording(counts(3, 3, 6));
		expect(await releaseSelfPaced(tx, { id: 'w', minGroupSize: k })).toBe(true);
		expect(calls).toEqual(['lock', 'count', 'release all']);
	});

	test('self-paced: fewer than k late responses are not released', async () => {
		const { tx, calls } = recording(counts(1, 3, 4));
		expect(await releaseSelfPaced(tx, { id: 'w', minGroupSize: k })).toBe(false);
		expect(calls).toEqual(['lock', 'count']);
	});

	test('facilitated: lock, read the pending rows, write only what is due', async () => {
		const rows = ['a', 'b'].map((id) => ({ id, answers: { q1: 'x' }, released: null }));
		const { tx, calls } = recording(counts(0, 0, 0), rows);
		expect(await releaseQuestions(tx, { id: 'w', minGroupSize: k }, ['q1'])).toEqual([]);
		expect(calls).toEqual(['lock', 'pending rows']);
	});
});
