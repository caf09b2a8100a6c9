/**
 * A self-assessment through a lens link, in Chromium against the built app with its shipped lens folder: the lens's
 * questions follow the survey's, the result has a lens section with the findings the model gives, the survey group
 * is the one the same survey answers give without the lens, and the downloaded CSV carries the lens rows; the same
 * again with JavaScript off (the forms alone), with the OSCAL downloads carrying the lens's findings.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { violations } from './axe';
import { launchBrowser, newPage } from './browser';
import { answerLensSection, answerStep, BANK, collectErrors, needsReview, STEPS, uniformAnswers } from './flow';
import { decodeAnswerCode, encodeAnswerCode } from '$scoring/export/answer-code';
import { lensFindings, lensQuestions, type LensAnswers } from '$scoring/lens/findings';
import { parseLens } from '$scoring/lens/parse';
import { presentLens } from '$scoring/present/lens';
import { LENS_LABELS } from '$scoring/present/lens-labels';
import { EXAMPLE_LENS_MIXED, EXAMPLE_LENS_TEXT } from '../fixtures/lens';
import { PUBLISHED_SCHEMAS, publishedSchemaValidator } from '../fixtures/oscal/schemas';

let browser: Browser;
const baseURL = () => inject('baseURL');
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const lens = parseLens(EXAMPLE_LENS_TEXT);
const core = uniformAnswers('worst');
/** Every lens question answered: risks of both kinds, the best answer, "don't know" and a "not applicable". */
const lensAnswers: LensAnswers = { ...EXAMPLE_LENS_MIXED };
const expected = presentLens(lens, lensFindings(lens, lensAnswers));

/** Opens the lens link and answers the survey's steps (`core`), then the lens's (`lensAnswers`), to the result. */
async function answerThroughLensLink(page: Page): Promise<void> {
	await page.goto(`${baseURL()}/assess?lens=${lens.id}`);
	await page.getByText(`With the lens ${lens.title}`).waitFor();

	// The survey's steps first, unchanged; then one step per lens section.
	for (let i = 0; i < STEPS.length; i++) {
		await page.getByRole('heading', { level: 2, name: STEPS[i]!.title }).waitFor();
		await answerStep(page, i, core);
		await page.getByRole('button', { name: 'Next', exact: true }).click();
	}
	for (const [s, section] of lens.sections.entries()) {
		await page.getByRole('heading', { level: 2, name: section.title }).waitFor();
		await answerLensSection(page, section, lensAnswers);
		const last = s === lens.sections.length - 1;
		await page.getByRole('button', { name: last ? 'See results' : 'Next', exact: true }).click();
	}
}

describe('a self-assessment through a lens link', () => {
	test('shows the lens section, keeps the survey group of the same answers without the lens, and the CSV has the lens rows', async () => {
		expect(needsReview(core), 'the survey answers go straight to the result').toBe(false);
		const page = await newPage(browser, { acceptDownloads: true, bypassCSP: true });
		const errors = collectErrors(page);
		await answerThroughLensLink(page);
		await page.waitForURL(/\/results\//);

		// The code holds the survey answers as the plain code does, then the lens and its answers.
		const code = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
		const plain = encodeAnswerCode(BANK, core);
		expect(code).toBe(encodeAnswerCode(BANK, core, { lens, answers: lensAnswers }));
		expect(code.startsWith(`${plain}~${lens.id}.${lens.version}.l`)).toBe(true);
		expect(decodeAnswerCode(code).answers).toEqual(core);

		// The lens section: heading, summary, each risk group with its findings and next steps.
		const section = page.getByRole('region', { name: expected.heading });
		await expect(section.getByText(expected.summary).count()).resolves.toBe(1);
		const high = section.getByRole('list', { name: `High risk (${expected.high.length})` });
		const medium = section.getByRole('list', { name: `Medium risk (${expected.medium.length})` });
		expect(expected.high.length).toBeGreaterThan(0);
		expect(expected.medium.length).toBeGreaterThan(0);
		await expect(high.getByRole('listitem').count()).resolves.toBe(expected.high.length);
		await expect(medium.getByRole('listitem').count()).resolves.toBe(expected.medium.length);
		for (const item of expected.high) {
			const entry = high.getByRole('listitem').filter({ hasText: item.question });
			await expect(entry.getByText(`Next step: ${item.step!.title}.`).count()).resolves.toBe(1);
		}
		// "Don't know" on the monitoring question counts as its weakest answer: high risk, and said so.
		await expect(
			high
				.getByRole('listitem')
				.filter({ hasText: lens.sections[2]!.questions[0]!.text })
				.getByText('never helps')
				.count()
		).resolves.toBe(1);

		// Saving to a workspace says, before anything is sent, that it keeps the survey answers only.
		await expect(page.getByTestId('save-to-workspace').getByText(LENS_LABELS.workspace).count()).resolves.toBe(1);

		// The lens section opened and folded, the page has no accessibility violations (axe-core).
		await section.locator('summary').click();
		expect(await violations(page)).toEqual([]);

		// The survey group is the one the same survey answers give without the lens.
		const group = await page.getByRole('heading', { level: 1 }).innerText();
		const withoutLens = await newPage(browser);
		await withoutLens.goto(`${baseURL()}/results/${plain}`);
		expect(await withoutLens.getByRole('heading', { level: 1 }).innerText()).toBe(group);
		expect(await withoutLens.getByRole('heading', { name: /^Lens:/ }).count()).toBe(0);
		await withoutLens.close();

		// "Download CSV" saves the server's file, with a row per lens question and the lens summary.
		const [file] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Download CSV' }).click()
		]);
		const csv = await readFile(await file.path(), 'utf8');
		const rows = csv.split('\r\n').filter((l) => l.startsWith('lens_question,'));
		expect(rows).toHaveLength(lensQuestions(lens).length);
		expect(rows.filter((r) => r.endsWith(',high'))).toHaveLength(expected.high.length);
		expect(csv).toContain(`lens_summary,${BANK.id},${BANK.version},`);
		expect(csv).toMatch(
			new RegExp(`,lens,Lens: ${lens.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},${lens.id}@${lens.version}\r\n`)
		);
		expect(errors).toEqual([]);
	});

	test('without JavaScript: the same answers give the same code, the lens section and the survey group without the lens; the OSCAL files carry the findings', async () => {
		const page = await newPage(browser, { javaScriptEnabled: false });
		await answerThroughLensLink(page);
		await page.waitForURL(/\/results\//);
		const code = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
		expect(code).toBe(encodeAnswerCode(BANK, core, { lens, answers: lensAnswers }));

		const section = page.getByRole('region', { name: expected.heading });
		await expect(section.getByText(expected.summary).count()).resolves.toBe(1);
		await expect(
			section
				.getByRole('list', { name: `High risk (${expected.high.length})` })
				.getByRole('listitem')
				.count()
		).resolves.toBe(expected.high.length);
		await expect(
			section
				.getByRole('list', { name: `Medium risk (${expected.medium.length})` })
				.getByRole('listitem')
				.count()
		).resolves.toBe(expected.medium.length);

		// The survey group equals that of the same core answers without the lens, also without JavaScript.
		const group = await page.getByRole('heading', { level: 1 }).innerText();
		const plain = await newPage(browser, { javaScriptEnabled: false });
		await plain.goto(`${baseURL()}/results/${encodeAnswerCode(BANK, core)}`);
		expect(await plain.getByRole('heading', { level: 1 }).innerText()).toBe(group);
		expect(await plain.getByRole('heading', { name: /^Lens:/ }).count()).toBe(0);
		await plain.context().close();

		// The OSCAL downloads of this result carry one finding and one plan item per high- or medium-risk answer.
		const ref = `${lens.id}@${lens.version}`;
		const ofLens = (items: { props?: { name: string; value: string }[] }[]) =>
			items.filter((i) => i.props?.some((p) => p.name === 'lens' && p.value === ref));
		const ar = await (await fetch(`${baseURL()}/results/${code}/assessment-results.json`)).json();
		expect(ofLens(ar['assessment-results'].results[0].findings)).toHaveLength(
			expected.high.length + expected.medium.length
		);
		const poam = await (await fetch(`${baseURL()}/results/${code}/poam.json`)).json();
		expect(ofLens(poam['plan-of-action-and-milestones']['poam-items'])).toHaveLength(
			expected.high.length + expected.medium.length
		);
		// Both still valid against NIST's published OSCAL schemas, as tests/e2e/oscal.e2e.ts checks a plain result's.
		const validAr = publishedSchemaValidator(PUBLISHED_SCHEMAS.assessmentResults);
		expect(validAr(ar), JSON.stringify(validAr.errors)).toBe(true);
		const validPoam = publishedSchemaValidator(PUBLISHED_SCHEMAS.poam);
		expect(validPoam(poam), JSON.stringify(validPoam.errors)).toBe(true);
		await page.context().close();
	});

	test('an unknown lens link is a 404 naming the lenses this site offers', async () => {
		const response = await fetch(`${baseURL()}/assess?lens=no-such-lens`);
		expect(response.status).toBe(404);
		expect(await response.text()).toContain(
			'There is no lens “no-such-lens” on this site (it offers eu-dora-ai-engineering).'
		);
	});
});
