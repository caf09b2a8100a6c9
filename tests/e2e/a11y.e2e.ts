import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { violations } from './axe';
import { launchBrowser, newPage, radarDrawn } from './browser';
import { answerStep, BANK, expectReview, needsReview, STEPS, variedAnswers } from './flow';
import { encodeAnswerCode } from '$scoring/export/answer-code';

let browser: Browser;
const baseURL = () => inject('baseURL');
const answers = variedAnswers();
const code = encodeAnswerCode(BANK, answers);

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe.each(['light', 'dark'] as const)('axe-core, %s colour scheme', (colorScheme) => {
	test('landing page: 0 violations', async () => {
		const page = await newPage(browser, { colorScheme, bypassCSP: true });
		await page.goto(baseURL());
		expect(await violations(page)).toEqual([]);
		await page.context().close();
	});

	test('every questionnaire step, answered and unanswered: 0 violations', async () => {
		const page = await newPage(browser, { colorScheme, bypassCSP: true });
		await page.goto(`${baseURL()}/assess`);
		for (let i = 0; i < STEPS.length; i++) {
			await page.getByRole('heading', { level: 2, name: STEPS[i]!.title }).waitFor();
			await page.waitForFunction(() => document.querySelector('[role=status]')?.textContent?.includes('Saved'));
			expect(await violations(page), `step ${i + 1} unanswered`).toEqual([]);
			await answerStep(page, i, answers);
			expect(await violations(page), `step ${i + 1} answered`).toEqual([]);
			if (i < STEPS.length - 1) await page.getByRole('button', { name: 'Next', exact: true }).click();
		}
		// Some questions are left unanswered: "See results" shows the review before the result, with "Why we ask" open.
		expect(needsReview(answers)).toBe(true);
		await page.getByRole('button', { name: 'See results', exact: true }).click();
		await expectReview(page, answers);
		await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
		expect(await violations(page), 'the review before the result').toEqual([]);
		// The Start over confirmation and the storage warning are part of the page too.
		await page.getByRole('button', { name: 'Start over' }).click();
		expect(await violations(page), 'start over confirmation').toEqual([]);
		await page.context().close();
	});

	test('questionnaire with storage refused (warning shown): 0 violations', async () => {
		const page = await newPage(browser, { colorScheme, bypassCSP: true });
		await page.addInitScript(() => {
			Storage.prototype.setItem = () => {
				throw new DOMException('full', 'QuotaExceededError');
			};
		});
		await page.goto(`${baseURL()}/assess`);
		await page.getByRole('alert').waitFor();
		expect(await violations(page)).toEqual([]);
		await page.context().close();
	});

	test('results page, with the chart loaded: 0 violations', async () => {
		const page = await newPage(browser, { colorScheme, bypassCSP: true });
		await page.goto(`${baseURL()}/results/${code}`);
		await radarDrawn(page);
		expect(await violations(page)).toEqual([]);
		await page.context().close();
	});

	test('bad link page: 0 violations', async () => {
		const page = await newPage(browser, { colorScheme, bypassCSP: true });
		await page.goto(`${baseURL()}/results/not-a-code`);
		expect(await violations(page)).toEqual([]);
		await page.context().close();
	});

	test('methodology page: 0 violations', async () => {
		const page = await newPage(browser, { colorScheme, bypassCSP: true });
		await page.goto(`${baseURL()}/methodology`);
		expect(await violations(page)).toEqual([]);
		await page.context().close();
	});
});
