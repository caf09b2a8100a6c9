/**
 * A workshop with the shipped example lens, in Chromium against the built app: the facilitator ticks the lens when
 * creating the workshop; three phones (browser contexts) answer the survey and then the lens's questions; the
 * dashboard shows no lens finding before the minimum group size and the team's findings once it is reached; the
 * team CSV and the team PDF carry them.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { violations } from './axe';
import { launchBrowser, newPage } from './browser';
import { answerLensSection, answerStep, collectErrors, expectReview, needsReview, STEPS, uniformAnswers } from './flow';
import { lensFindings, lensQuestions, type LensAnswers } from '$scoring/lens/findings';
import { parseLens } from '$scoring/lens/parse';
import { presentLens } from '$scoring/present/lens';
import { pdfText } from '../lib/report/pdf-text';
import { EXAMPLE_LENS_MIXED, EXAMPLE_LENS_TEXT } from '../fixtures/lens';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const lens = parseLens(EXAMPLE_LENS_TEXT);
const survey = uniformAnswers('best');
/** Two phones answer these: risks of both kinds, a best answer, "don't know" and a "not applicable". */
const weak: LensAnswers = { ...EXAMPLE_LENS_MIXED };
/** The third phone answers every lens question at its best option. */
const strong: LensAnswers = Object.fromEntries(
	lensQuestions(lens).map(({ question }) => [
		question.id,
		question.options.reduce((a, b) => (b.level > a.level ? b : a)).id
	])
);
// Two of three give the median, so the team answers are `weak` — but where two answered "don't know" or "not
// applicable" and one chose an option, fewer than 3 gave either: no team answer, which counts as the weakest option.
const teamAnswers: LensAnswers = Object.fromEntries(
	Object.entries(weak).filter(([, answer]) => answer !== 'dk' && answer !== 'na')
);
const expected = presentLens(lens, lensFindings(lens, teamAnswers));

/** Joins on a phone of its own and answers the survey, then the lens, and submits. */
async function phone(code: string, lensAnswers: LensAnswers): Promise<Page> {
	const base = inject('baseURL');
	const page = await newPage(browser);
	const errors = collectErrors(page);
	await page.goto(`${base}/w/${code}`);
	await page.getByRole('button', { name: 'Join workshop' }).click();
	await page.getByTestId('workshop-lens').getByText(lens.title).waitFor();
	for (let i = 0; i < STEPS.length; i++) {
		await page.getByRole('heading', { level: 2, name: STEPS[i]!.title }).waitFor();
		await answerStep(page, i, survey);
		await page.getByRole('button', { name: 'Next', exact: true }).click();
	}
	for (const [s, section] of lens.sections.entries()) {
		await page.getByRole('heading', { level: 2, name: section.title }).waitFor();
		await answerLensSection(page, section, lensAnswers);
		const last = s === lens.sections.length - 1;
		await page.getByRole('button', { name: last ? 'Submit' : 'Next', exact: true }).click();
	}
	if (needsReview(survey)) {
		await expectReview(page, survey);
		await page.getByRole('button', { name: 'Submit anyway', exact: true }).click();
	}
	await page.getByText('Your answers are submitted.').waitFor();
	expect(errors).toEqual([]);
	return page;
}

test(
	'a workshop with the example lens: phones answer it, the facilitator sees its findings at the minimum group size, the team CSV and PDF carry them',
	{ timeout: 240_000 },
	async () => {
		const base = inject('baseURL');
		const facilitator = await newPage(browser, { acceptDownloads: true, bypassCSP: true });
		await facilitator.goto(`${base}/workshops/new`);
		await facilitator.getByLabel('Workshop title').fill('DORA review');
		const tick = facilitator.getByRole('checkbox', { name: new RegExp(lens.title.slice(0, 20)) });
		expect(await tick.isChecked()).toBe(false);
		await tick.check();
		await facilitator.getByRole('button', { name: 'Create workshop' }).click();
		await facilitator.waitForURL(/\/workshops\/[0-9a-f-]{36}$/);
		const code = (await facilitator.getByTestId('join-code').textContent())!.trim();
		await facilitator.getByText('Updating live.').waitFor();

		const section = facilitator.getByTestId('workshop-lens-section');
		const waiting = /The lens .* shows its findings once the answers of at least 3 people are released/;
		expect(await section.getByTestId('workshop-lens-note').textContent()).toMatch(waiting);
		expect(await violations(facilitator)).toEqual([]);

		const phones = [await phone(code, weak), await phone(code, weak)];
		// Two have answered the lens at high risk: nothing of it is shown.
		await expect
			.poll(() => facilitator.getByTestId('counts').textContent(), { timeout: 5_000 })
			.toMatch(/2\s+submitted/);
		expect(await section.getByTestId('workshop-lens-note').textContent()).toMatch(waiting);
		expect(await section.getByRole('list').count()).toBe(0);

		phones.push(await phone(code, strong));
		// The minimum group size: the team's findings appear live, from the team answers.
		const region = section.getByRole('region', { name: `Lens: ${lens.title}` });
		const high = region.getByRole('list', { name: `High risk (${expected.high.length})` });
		await high.waitFor({ timeout: 10_000 });
		expect(expected.high.length).toBeGreaterThan(0);
		expect(await high.getByRole('listitem').count()).toBe(expected.high.length);
		const medium = region.getByRole('list', { name: `Medium risk (${expected.medium.length})` });
		expect(await medium.getByRole('listitem').count()).toBe(expected.medium.length);
		for (const item of expected.high) {
			const entry = high.getByRole('listitem').filter({ hasText: item.question });
			expect(await entry.getByText(`Next step: ${item.step!.title}.`).count()).toBe(1);
			expect(await entry.getByText('Team answer:', { exact: true }).count()).toBe(1);
		}
		expect(await region.getByText('From the released answers of 3 people.', { exact: false }).count()).toBe(1);
		// The dashboard with the lens section, its answers without risk unfolded too, has no accessibility violations.
		await region.locator('summary').click();
		expect(await violations(facilitator)).toEqual([]);

		// The team CSV: the lens, a row per lens question with the team answer and its risk, the next steps.
		const [csvFile] = await Promise.all([
			facilitator.waitForEvent('download'),
			facilitator.getByRole('link', { name: 'Download team CSV' }).click()
		]);
		const csv = readFileSync((await csvFile.path())!, 'utf8');
		const lines = csv.split('\r\n');
		expect(lines.some((l) => l.startsWith('lens,') && l.endsWith(`,${lens.id}@${lens.version}`))).toBe(true);
		const questionRows = lines.filter((l) => l.startsWith('lens_question,'));
		expect(questionRows).toHaveLength(lensQuestions(lens).length);
		expect(questionRows.filter((r) => r.endsWith(',high'))).toHaveLength(expected.high.length);
		expect(questionRows.filter((r) => r.endsWith(',medium'))).toHaveLength(expected.medium.length);
		for (const item of expected.high)
			expect(lines.some((l) => l.startsWith('lens_next_step,') && l.includes(`,${lens.id}:${item.questionId},`))).toBe(
				true
			);

		// The team PDF: the lens section with its findings.
		const [pdfFile] = await Promise.all([
			facilitator.waitForEvent('download'),
			facilitator.getByRole('link', { name: 'Download team PDF' }).click()
		]);
		const { text, pages } = await pdfText(new Uint8Array(readFileSync((await pdfFile.path())!)));
		const flat = text.replace(/\s+/g, ' ');
		// The cover names the lens and its version.
		expect(pages[0]).toContain(`Lens “${lens.title}” (${lens.id} ${lens.version})`);
		expect(flat).toContain(`Lens: ${lens.title}`);
		expect(flat).toContain(`High risk (${expected.high.length})`);
		expect(flat).toContain(`Medium risk (${expected.medium.length})`);
		expect(flat).toContain(`Next step: ${expected.high[0]!.step!.title}.`);
		expect(flat).toContain('Team answer:');
		expect(flat).toContain('From the released answers of 3 people.');
	}
);
