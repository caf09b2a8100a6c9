import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { violations } from './axe';
import { launchBrowser, newPage, radarDrawn } from './browser';
import { answerStep, expectReview, needsReview, STEPS, uniformAnswers, variedAnswers } from './flow';
import { closeWorkshop, createWorkshop, joinWorkshop, submitAnswers, type TestWorkshop } from './workshop-api';

let browser: Browser;
const base = () => inject('baseURL');
let below: TestWorkshop;
let above: TestWorkshop;
let closed: TestWorkshop;
let closedParticipant: string;

/** `n` participants join and submit (alternately best and worst, so the heatmap shows disagreement). */
async function submissions(workshop: TestWorkshop, n: number): Promise<string[]> {
	const cookies: string[] = [];
	for (let i = 0; i < n; i++) {
		const cookie = await joinWorkshop(base(), workshop.code, `Person ${i}`);
		const res = await submitAnswers(
			base(),
			workshop.code,
			cookie,
			uniformAnswers(i % 2 ? 'worst' : 'best'),
			`a11y-key-${i}-0000`
		);
		expect(res.status).toBe(201);
		cookies.push(cookie);
	}
	return cookies;
}

beforeAll(async () => {
	browser = await launchBrowser();
	below = await createWorkshop(base(), 'Accessibility below the minimum');
	await submissions(below, 1);
	above = await createWorkshop(base(), 'Accessibility above the minimum');
	await submissions(above, 3);
	closed = await createWorkshop(base(), 'Accessibility closed');
	closedParticipant = (await submissions(closed, 3))[0]!;
	await closeWorkshop(base(), closed);
});
afterAll(async () => {
	await browser?.close();
});

describe.each(['light', 'dark'] as const)('workshop pages, axe-core, %s colour scheme', (colorScheme) => {
	const open = (options: BrowserContextOptions = {}): Promise<Page> =>
		newPage(browser, { colorScheme, bypassCSP: true, ...options });

	test('new workshop form: 0 violations', async () => {
		const page = await open();
		await page.goto(`${base()}/workshops/new`);
		expect(await violations(page)).toEqual([]);
		await page.context().close();
	});

	test('join page, empty and with a wrong code: 0 violations', async () => {
		const page = await open();
		await page.goto(`${base()}/join`);
		expect(await violations(page), 'empty').toEqual([]);
		await page.getByLabel('Join code').fill('ZZZZZZ');
		await page.getByRole('button', { name: 'Join', exact: true }).click();
		await page.getByRole('alert').waitFor();
		expect(await violations(page), 'wrong code').toEqual([]);
		await page.context().close();
	});

	test('dashboard below the minimum size: 0 violations', async () => {
		const page = await open();
		await page.goto(below.privateLink);
		await page.getByText('Updating live.').waitFor();
		expect(await page.getByTestId('no-aggregate').textContent()).toMatch(/2 more responses needed/);
		expect(await violations(page)).toEqual([]);
		await page.context().close();
	});

	test('dashboard above the minimum, chart loaded, every question shown: 0 violations', async () => {
		const page = await open();
		await page.goto(above.privateLink);
		await page.getByTestId('team-tier').waitFor();
		await radarDrawn(page);
		await page.getByText(/Show how the team answered every question/).click();
		expect(await violations(page)).toEqual([]);
		await page.context().close();
	});

	test('participant: join form, every step, submitted: 0 violations', async () => {
		const page = await open();
		await page.goto(`${base()}/w/${above.code}`);
		expect(await violations(page), 'join form').toEqual([]);
		await page.getByRole('button', { name: 'Join workshop' }).click();
		const answers = variedAnswers();
		for (let i = 0; i < STEPS.length; i++) {
			await page.getByRole('heading', { level: 2, name: STEPS[i]!.title }).waitFor();
			await page.waitForFunction(() => document.querySelector('[role=status]')?.textContent?.includes('Saved'));
			await answerStep(page, i, answers);
			expect(await violations(page), `step ${i + 1}`).toEqual([]);
			const last = i === STEPS.length - 1;
			await page.getByRole('button', { name: last ? 'Submit' : 'Next', exact: true }).click();
		}
		// Varied answers leave questions unanswered: the review before submitting comes first.
		expect(needsReview(answers)).toBe(true);
		await expectReview(page, answers);
		expect(await violations(page), 'review before submitting').toEqual([]);
		await page.getByRole('button', { name: 'Submit anyway', exact: true }).click();
		await page.getByText('Your answers are submitted.').waitFor();
		expect(await violations(page), 'submitted').toEqual([]);
		await page.context().close();
	});

	test('participant of a closed workshop: the message, own and team result: 0 violations', async () => {
		const page = await open();
		await page
			.context()
			.addCookies([{ name: closedParticipant.split('=')[0]!, value: closedParticipant.split('=')[1]!, url: base() }]);
		await page.goto(`${base()}/w/${closed.code}`);
		await page.getByTestId('closed').waitFor();
		expect(await page.getByTestId('team-result').textContent()).toMatch(/The team is in/);
		expect(await violations(page)).toEqual([]);
		await page.context().close();
	});
});
