/**
 * The README's scripts table lists every script package.json defines, and nothing else: a newcomer finds each
 * command in one place.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

test('the README lists exactly the npm scripts package.json defines', () => {
	const scripts = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>);
	const readme = readFileSync('README.md', 'utf8');
	const table = readme.split('## Scripts')[1]!.split('\n## ')[0]!;
	const listed = new Set([...table.matchAll(/`npm (?:run )?([\w:]+)/g)].map((m) => m[1]!));
	// `prepare` runs on install and is not a command anyone types.
	const expected = scripts.filter((s) => s !== 'prepare');
	expect([...listed].filter((s) => !expected.includes(s))).toEqual([]);
	expect(expected.filter((s) => !listed.has(s))).toEqual([]);
});
