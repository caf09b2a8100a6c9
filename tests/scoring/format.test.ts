import { describe, expect, test } from 'vitest';
import { listDate, percent, points, resultFileName, signedPoints, workshopFileName } from '$scoring/present/format';

test('points: one decimal at most, no trailing .0, a dash for none', () => {
	expect(points(null)).toBe('—');
	expect(points(66.66)).toBe('66.7');
	expect(points(50)).toBe('50');
	expect(points(0)).toBe('0');
});

test('signedPoints: a sign on every non-zero difference', () => {
	expect(signedPoints(12.46)).toBe('+12.5');
	expect(signedPoints(-3)).toBe('−3');
	expect(signedPoints(0.04)).toBe('0');
	expect(signedPoints(null)).toBe('—');
});

test('percent: whole number, no-break space before the sign', () => {
	expect(percent(55.6)).toBe('56\u00a0%');
	expect(percent(0)).toBe('0\u00a0%');
});

describe('resultFileName', () => {
	test('names a download after the tier and the UTC date, the same for PDF and CSV', () => {
		const late = new Date('2026-07-01T23:30:00-05:00'); // already 2 July in UTC
		expect(resultFileName('outpacing', late, 'csv')).toBe('ai-readiness-outpacing-2026-07-02.csv');
		expect(resultFileName('outpacing', late, 'pdf')).toBe('ai-readiness-outpacing-2026-07-02.pdf');
		expect(resultFileName(null, late, 'csv')).toBe('ai-readiness-unplaced-2026-07-02.csv');
	});
});

describe('workshopFileName', () => {
	const created = new Date('2026-11-30T23:30:00-05:00'); // already 1 December in UTC
	test('names a team file after the workshop’s title and the day it was created', () => {
		expect(workshopFileName('Acme: Platform leadership offsite', created, 'team.csv')).toBe(
			'ai-readiness-workshop-acme-platform-leadership-offsite-2026-12-01-team.csv'
		);
		expect(workshopFileName('Zürich  “Q4” review', created, 'team-report.pdf')).toBe(
			'ai-readiness-workshop-zurich-q4-review-2026-12-01-team-report.pdf'
		);
	});
	test('a header-safe name whatever the title: letters, digits and hyphens, at most 40 of the title’s', () => {
		for (const title of ['"; filename*=evil.exe', '東京チーム', '\r\nSet-Cookie: x=1', 'a'.repeat(80) + ' b'])
			expect(workshopFileName(title, created, 'team.csv')).toMatch(
				/^ai-readiness-workshop-([a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?-)?2026-12-01-team\.csv$/
			);
		expect(workshopFileName('東京チーム', created, 'team.csv')).toBe('ai-readiness-workshop-2026-12-01-team.csv');
	});
});

test('listDate: day, short month and year of the UTC date, whatever the time zone', () => {
	expect(listDate('2026-12-06T10:00:00Z')).toBe('6 Dec 2026');
	// Already 7 December in UTC: every browser prints the day the server printed.
	expect(listDate('2026-12-06T23:30:00-05:00')).toBe('7 Dec 2026');
});
