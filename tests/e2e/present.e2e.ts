/**
 * The results page as its readers see it, for the five profiles every surface is checked on (the PDF's twin is
 * tests/lib/report/pdf.test.ts): the verdict, every critical gap and every recommendation title; at phone width the
 * decision comes before any chart and the downloads are in the first screen; a retake compares with the last result
 * without any import; a CSV from bank 1.0.0 still opens.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { encodeAnswerCode } from '$scoring/export/answer-code';
import { BANK_V1, CURRENT_BANK } from '$scoring/content/banks';
import { SURVEY_2026 } from '$scoring/content/survey';
import { resultToCsv } from '$scoring/export/result-csv';
import { presentResult } from '$scoring/present/result';
import { RESULT_LABELS } from '$scoring/present/result-labels';
import { score } from '$scoring/model';
import { allAt } from '../fixtures/answers';
import { PROFILES } from '../fixtures/profiles';
import { violations } from './axe';
import { launchBrowser, newPage, radarDrawn, pageScriptRan } from './browser';
import { HISTORY_KEY } from '$lib/results/history';
import { STEPS, group, labelFor } from './flow';

let browser: Browser;
const baseURL = () => inject('baseURL');

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe.each(PROFILES)('the results page of the $name profile', (profile) => {
	const result = score(CURRENT_BANK, profile.answers);
	const view = presentResult({ bank: CURRENT_BANK, answers: profile.answers, result, current: CURRENT_BANK });
	const code = encodeAnswerCode(CURRENT_BANK, profile.answers);

	test('shows the group, why, every gap, what is not ruled out, what is unanswered and every recommendation title', async () => {
		const page = await newPage(browser);
		await page.goto(`${baseURL()}/results/${code}`);
		await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(view.verdict.headline);
		await page.getByText(view.verdict.summary, { exact: true }).waitFor();
		const why = page.getByRole('list', { name: view.verdict.tier ? RESULT_LABELS.why : RESULT_LABELS.whyNone });
		await expect(why.getByRole('listitem').allInnerTexts()).resolves.toEqual(view.verdict.why.map((line) => line.text));
		// Every gap, in order, with the answer that caused it (or what would have caught it).
		const gaps = page.getByRole('region', { name: RESULT_LABELS.criticalGaps });
		const shownGaps = view.gaps.length ? await gaps.getByRole('listitem').allInnerTexts() : [];
		if (!view.gaps.length) await expect(gaps.count()).resolves.toBe(0);
		expect(shownGaps).toHaveLength(view.gaps.length);
		view.gaps.forEach((gap, i) => {
			expect(shownGaps[i]).toContain(gap.sentence);
			expect(shownGaps[i]).toContain(gap.detail);
		});
		const open = page.getByRole('region', { name: RESULT_LABELS.notRuledOut });
		if (view.notRuledOut.length + view.unanswered.count + view.inconsistencies.length === 0)
			await expect(open.count()).resolves.toBe(0);
		// Each line once: an unanswered question's lines stand beside it, with the link to answer it, and not again.
		const openText = view.notRuledOut.length + view.unanswered.count ? await open.innerText() : '';
		for (const text of [
			...view.notRuledOut.map((line) => line.sentence),
			...view.unanswered.questions.map((q) => q.text)
		])
			expect(openText.split(text), text).toHaveLength(2);
		const unansweredItems = view.unanswered.count ? await open.locator('ul.unanswered > li').allInnerTexts() : [];
		view.unanswered.questions.forEach((q, i) => {
			for (const sentence of q.notRuledOut) expect(unansweredItems[i]).toContain(sentence);
		});
		if (view.unanswered.count) {
			await expect(open.innerText()).resolves.toContain(view.unanswered.sentence!);
			// Each unanswered question links back to itself in the questionnaire.
			await expect(open.getByRole('link').allInnerTexts()).resolves.toEqual(
				view.unanswered.questions.map((q) => q.text)
			);
		}
		// The survey's share of your group is said once, under the picture when there is one.
		if (view.survey.sentence)
			await expect(page.getByText(view.survey.sentence, { exact: true }).count()).resolves.toBe(1);
		// The verdict picture: the group the position alone falls in, and why the group differs where it does.
		const picture = page.getByRole('region', { name: RESULT_LABELS.picture });
		if (view.picture) {
			await expect(picture.getByRole('img', { name: view.picture.title }).count()).resolves.toBe(1);
			if (view.picture.override) await expect(picture.innerText()).resolves.toContain(view.picture.override);
			// Its "you" label is printed clear of every region's name and share.
			const overlaps = await picture.locator('svg').evaluate((svg) => {
				const you = svg.querySelector('.you-label')!.getBoundingClientRect();
				return [...svg.querySelectorAll('.region-label, .region-share')]
					.filter((t) => {
						const r = t.getBoundingClientRect();
						return you.left < r.right && you.right > r.left && you.top < r.bottom && you.bottom > r.top;
					})
					.map((t) => t.textContent);
			});
			expect(overlaps).toEqual([]);
			await picture.locator('summary', { hasText: RESULT_LABELS.pictureTable }).click();
			const rows = picture.getByRole('table', { name: RESULT_LABELS.pictureTable }).getByRole('row');
			await expect(rows.allInnerTexts()).resolves.toEqual(view.picture.rows.map((r) => `${r.label}\t${r.value}`));
		} else await expect(picture.count()).resolves.toBe(0);
		await page.locator('summary:has(#plan)').click();
		// The steps after the plan sit in their own closed section, with their count (steps, not themes), only when
		// there are any.
		const appendixSteps = view.plan.appendix.flatMap((i) => i.steps).length;
		if (view.plan.appendix.length)
			await page.getByText(`${RESULT_LABELS.appendix} (${appendixSteps})`, { exact: true }).click();
		else await expect(page.getByText(new RegExp(`^${RESULT_LABELS.appendix}`)).count()).resolves.toBe(0);
		const titles = [...view.plan.horizons.flatMap((h) => h.items), ...view.plan.appendix].flatMap((i) =>
			i.steps.map((s) => s.title)
		);
		const shown = (await page.locator('details:has(#plan) .step .title').allTextContents()).map((t) =>
			t.replace(RESULT_LABELS.critical, '').trim()
		);
		expect(shown).toEqual(titles);
		await page.context().close();
	});
});

describe('at 390 px', () => {
	const profile = PROFILES.find((p) => p.name.startsWith('typical'))!;
	const code = encodeAnswerCode(CURRENT_BANK, profile.answers);

	test('the tier, the critical gaps and the first three actions come before the first chart; downloads are in the first screen', async () => {
		const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
		await page.goto(`${baseURL()}/results/${code}`);
		const pdf = page.getByRole('button', { name: RESULT_LABELS.downloadPdf });
		const csv = page.getByRole('link', { name: RESULT_LABELS.downloadCsv });
		for (const control of [pdf, csv]) expect((await control.boundingBox())!.y + 20).toBeLessThan(844);
		// Open every section, so the charts are drawn where a reader would reach them.
		for (const d of await page.locator('details.fold').all())
			await d.evaluate((e) => ((e as HTMLDetailsElement).open = true));
		await radarDrawn(page);
		const firstChart = await page.locator('canvas, .table-scroll:has(.bar), [data-chart]').first().boundingBox();
		const bottomOf = async (selector: string) => {
			const box = await page.locator(selector).last().boundingBox();
			return box!.y + box!.height;
		};
		expect(await bottomOf('h1')).toBeLessThan(firstChart!.y);
		expect(await bottomOf('section[aria-labelledby=critical]')).toBeLessThan(firstChart!.y);
		expect(await bottomOf('section[aria-labelledby=top-actions] li:nth-child(3)')).toBeLessThan(firstChart!.y);
		// Nothing sideways at phone width.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await page.context().close();
	});

	test.each([390, 1280])('axe: 0 violations at %i px with every section open', async (width) => {
		const page = await newPage(browser, { viewport: { width, height: 900 }, bypassCSP: true });
		await page.goto(`${baseURL()}/results/${code}`);
		for (const d of await page.locator('details').all())
			await d.evaluate((e) => ((e as HTMLDetailsElement).open = true));
		await radarDrawn(page);
		expect((await violations(page)).join('\n')).toBe('');
		await page.context().close();
	});
});

test('a retake shows "Since last time" against the last result, without any import', async () => {
	const first = allAt(CURRENT_BANK, 'best');
	const firstCode = encodeAnswerCode(CURRENT_BANK, first);
	const page = await newPage(browser);
	await page.goto(`${baseURL()}/results/${firstCode}`);
	await page.getByRole('heading', { level: 2, name: RESULT_LABELS.since }).waitFor();
	// The heading is in the server's HTML; the browser records the result only once the page runs (slower under load).
	await page.waitForFunction(
		([key, code]) => localStorage.getItem(key!)?.includes(code!) ?? false,
		[HISTORY_KEY, firstCode]
	);
	// The landing page remembers it and offers the retake.
	await page.goto(baseURL());
	await page.getByRole('link', { name: RESULT_LABELS.retake }).click();
	await page.getByRole('heading', { level: 2, name: STEPS[0]!.title }).waitFor();
	const q = STEPS[0]!.questions[0]!;
	await group(page, q.id).getByLabel(labelFor(q.id, q.options[1]!.id), { exact: true }).check();
	for (let i = 1; i < STEPS.length; i++) {
		await page.getByRole('button', { name: 'Next', exact: true }).click();
		await page.getByRole('heading', { level: 2, name: STEPS[i]!.title }).waitFor();
	}
	await page.getByRole('button', { name: 'See results', exact: true }).click();
	await page.waitForURL(/\/results\//);
	const since = page.getByTestId('since');
	await since.waitFor();
	await expect(since.innerText()).resolves.toContain('1 answer changed.');
	await expect(since.innerText()).resolves.toContain(labelFor(q.id, q.options[1]!.id));
	// Reopening the first result's link is not compared with the retake that came after it.
	// (networkidle: the page has hydrated and loaded whatever a comparison would need.)
	await page.goto(`${baseURL()}/results/${firstCode}`, { waitUntil: 'networkidle' });
	await expect.poll(() => pageScriptRan(page)).toBe(true);
	await page.getByText('This browser saw no result before this one.', { exact: false }).waitFor();
	await expect(page.getByTestId('since').count()).resolves.toBe(0);
	await page.context().close();
});

test('a CSV exported on bank 1.0.0 still imports: it opens as that bank’s result, with a retake offer', async () => {
	const answers = allAt(BANK_V1, 'best');
	const csv = resultToCsv(BANK_V1, answers, score(BANK_V1, answers), {
		exportedAt: '2026-07-01T10:00:00Z',
		benchmark: SURVEY_2026
	});
	const page = await newPage(browser);
	await page.goto(baseURL());
	await page
		.getByLabel('Import earlier CSV')
		.setInputFiles({ name: 'old.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await page.waitForURL(/\/results\//);
	expect(new URL(page.url()).pathname).toMatch(/^\/results\/ai_readiness\.1\.0\.0\./);
	await page.getByRole('region', { name: RESULT_LABELS.retired }).waitFor();
	await expect(page.getByRole('link', { name: RESULT_LABELS.retireRetake }).isVisible()).resolves.toBe(true);
	await page.context().close();
});
