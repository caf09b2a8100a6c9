/**
 * Every page has one meta description — written in its own `<svelte:head>`, or by the root layout from
 * src/lib/page-meta.ts for pages that do not write one yet — and never both. (The e2e suite reads the served
 * pages: tests/e2e/responsive.e2e.ts.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SURVEY_2026 } from '$scoring/content/survey';
import { LAYOUT_HEAD } from '$lib/page-meta';

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

	test.each(all)('$route has exactly one: its own or the layout’s', ({ route, file }) => {
		const own = ownDescriptions(file);
		const layout = LAYOUT_HEAD[route as keyof typeof LAYOUT_HEAD]?.description ? 1 : 0;
		expect({ own, layout, total: own + layout }).toMatchObject({ total: 1 });
	});

	test('the layout’s entries are for pages that exist', () => {
		const routes = new Set(all.map((p) => p.route));
		for (const route of Object.keys(LAYOUT_HEAD)) expect(routes.has(route), route).toBe(true);
	});

	test('the layout’s descriptions fit a search result (≤ 160 characters) and cite the survey’s real sample', () => {
		for (const [route, head] of Object.entries(LAYOUT_HEAD)) {
			if (!head.description) continue;
			expect(head.description.length, route).toBeLessThanOrEqual(160);
			for (const n of head.description.match(/\b\d{3}\b/g) ?? []) expect(Number(n), route).toBe(SURVEY_2026.sample);
		}
	});
});
