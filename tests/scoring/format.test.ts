import { expect, test } from 'vitest';
import { percent, points, signedPoints } from '../../scoring/format';

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
