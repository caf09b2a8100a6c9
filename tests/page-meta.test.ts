/**
 * Every page writes its own meta description, once, in its `<svelte:head>` (the root layout writes none). (The e2e
 * suite reads the served pages: tests/e2e/responsive.e2e.ts.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SURVEY_2026 } from '$scoring/content/survey';

const ROUTES = 'src/routes';

/** Every `+page.svelte` (and the error page) with its route id (`/results/[code]`). */
function pages(dir = ROUTES): { route: string; file: string }[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return pages(path);
		if (entry.name !== '+page.svelte' && entry.name !== '+error.svelte') return [];
		const route = '/' + relative(ROUTES, dir).replaceAll('\\', '/');
		return [{ route: entry.name === '+error.svelte' ? 'error' : route.replace(/\/$/, '') || '/', file: path }];
	});
}

const ownDescriptions = (file: string) => readFileSync(file, 'utf8').match(/<meta\s+name="description"/g)?.length ?? 0;

describe('meta descriptions', () => {
	const all = pages();

	test('every page, the error page included', () => {
		expect(all.map((p) => p.route)).toEqual(expect.arrayContaining(['/', '/assess', '/results/[code]', 'error']));
	});

	test.each(all)('$route has exactly one, its own', ({ file }) => {
		expect(ownDescriptions(file)).toBe(1);
	});

	test('the literal descriptions fit a search result (≤ 160 characters) and cite the survey’s real sample', () => {
		for (const { route, file } of all)
			for (const [, description] of readFileSync(file, 'utf8').matchAll(
				/<meta\s+name="description"\s+content="([^"{]*)"/g
			)) {
				expect(description!.length, route).toBeLessThanOrEqual(160);
				for (const n of description!.match(/\b\d{3}\b/g) ?? []) expect(Number(n), route).toBe(SURVEY_2026.sample);
			}
	});
});
