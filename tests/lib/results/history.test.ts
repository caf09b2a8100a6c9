import { describe, expect, test } from 'vitest';
import { earlierEntries, parseHistory, withEntry, type HistoryEntry } from '$lib/results/history';

const first: HistoryEntry = { code: 'first', seenAt: '2026-10-01T09:00:00.000Z' };
const second: HistoryEntry = { code: 'second', seenAt: '2026-12-01T09:00:00.000Z' };

describe('the result history', () => {
	test('a new result is compared with every result seen before it, the latest first', () => {
		expect(earlierEntries([second, first], 'third').map((e) => e.code)).toEqual(['second', 'first']);
	});

	test('reopening an older result compares it with what came before it, never with a later result', () => {
		// A platform lead reopened the first milestone's link after the second and read a regression that never happened.
		expect(earlierEntries([second, first], 'first')).toEqual([]);
		expect(earlierEntries([second, first], 'second').map((e) => e.code)).toEqual(['first']);
	});

	test('a result seen again keeps the date it was first seen, so its place in time does not move', () => {
		const entries = withEntry([second, first], 'first', '2026-12-06T10:00:00.000Z');
		expect(entries.find((e) => e.code === 'first')?.seenAt).toBe(first.seenAt);
	});

	test('stored entries come back newest first, and a malformed store gives an empty history', () => {
		expect(parseHistory(JSON.stringify([first, second])).map((e) => e.code)).toEqual(['second', 'first']);
		expect(parseHistory('{not json')).toEqual([]);
	});
});
