import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { score } from '$scoring/model';
import { TIER_LABELS } from '$scoring/model/v2/tiers';
import { actBeforeHydration, launchBrowser, newPage } from './browser';
import { answerStep, answerSteps, BANK, collectErrors, STEPS, uniformAnswers, variedAnswers } from './flow';
import { counts, createWorkshop, submitAnswers } from './workshop-api';

let browser: Browser;
const base = () => inject('baseURL');
const PHONE = { width: 360, height: 740 };

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('participant', () => {
	test('without JavaScript, on a 360 px phone: join by code, step through, submit, counted', async () => {
		const workshop = await createWorkshop(base(), 'No-script workshop');
		const page = await newPage(browser, { javaScriptEnabled: false, viewport: PHONE });
		await page.goto(`${base()}/join`);
		await page.getByLabel('Join code').fill(workshop.code.toLowerCase());
		await page.getByRole('button', { name: 'Join', exact: true }).click();
		await page.getByLabel(/Your name/).fill('Nojs');
		await page.getByRole('button', { name: 'Join workshop' }).click();
		// Varied answers: N/A, skipped and profile answers are carried from step to step in the address.
		const answers = variedAnswers();
		await answerSteps(page, answers, 'Submit');
		await page.getByText('Your answers are submitted.').waitFor();
		const tier = score(BANK, answers).tier;
		expect(await page.getByRole('heading', { name: 'Your result' }).isVisible()).toBe(true);
		expect(await page.getByText(`Your answers place you in ${TIER_LABELS[tier!]}.`).isVisible()).toBe(true);
		expect(await counts(base(), workshop)).toEqual({ joined: 1, submitted: 1 });
		// Nothing wider than the phone.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
		await page.context().close();
	});

	test('a join code typed before the page’s script has run is kept, and joins', async () => {
		const workshop = await createWorkshop(base(), 'Slow Wi-Fi workshop');
		const page = await newPage(browser, { viewport: PHONE });
		await actBeforeHydration(page, `${base()}/join`, () =>
			page.getByLabel('Join code').fill(workshop.code.toLowerCase())
		);
		// The page has hydrated since; what was typed stays.
		expect(await page.getByLabel('Join code').inputValue()).toBe(workshop.code.toLowerCase());
		await page.getByRole('button', { name: 'Join', exact: true }).click();
		await page.waitForURL(`${base()}/w/${workshop.code}`);
		await page.context().close();
	});

	test('keyboard only: Tab, Space and Enter join and submit', async () => {
		const workshop = await createWorkshop(base(), 'Keyboard workshop');
		const page = await newPage(browser, { viewport: PHONE });
		const errors = collectErrors(page);
		await page.goto(`${base()}/w/${workshop.code}`);
		for (let i = 0; i < 30 && !(await page.evaluate(() => document.activeElement?.id === 'displayName')); i++)
			await page.keyboard.press('Tab');
		await page.keyboard.type('Keys');
		await page.keyboard.press('Enter');
		await page.getByRole('heading', { level: 2, name: STEPS[0]!.title }).waitFor();
		await page.waitForFunction(() => document.querySelector('[role=status]')?.textContent?.includes('Saved'));

		let done = false;
		for (let presses = 0; presses < 2000 && !done; presses++) {
			await page.keyboard.press('Tab');
			const focus = await page.evaluate(() => {
				const el = document.activeElement as HTMLElement | null;
				return { tag: el?.tagName, type: el?.getAttribute('type'), text: el?.textContent?.trim() };
			});
			if (focus.tag === 'INPUT' && focus.type === 'radio') await page.keyboard.press('Space');
			else if (focus.tag === 'BUTTON' && focus.text === 'Next') {
				await page.keyboard.press('Enter');
				await page.waitForFunction(() => document.activeElement?.tagName === 'H2');
			} else if (focus.tag === 'BUTTON' && focus.text === 'Submit') {
				await page.keyboard.press('Enter');
				await page.getByText('Your answers are submitted.').waitFor();
				done = true;
			}
		}
		expect(done).toBe(true);
		expect(await page.getByText(`Your answers place you in ${TIER_LABELS.fragmented}.`).isVisible()).toBe(true);
		expect(await counts(base(), workshop)).toEqual({ joined: 1, submitted: 1 });
		expect(errors).toEqual([]);
		await page.context().close();
	});

	test('a draft is kept per workshop and never mixes with the private assessment', async () => {
		const workshop = await createWorkshop(base(), 'Draft workshop');
		const page = await newPage(browser);
		await page.goto(`${base()}/w/${workshop.code}`);
		await page.getByRole('button', { name: 'Join workshop' }).click();
		await answerStep(page, 0, uniformAnswers('best'));
		await page.waitForFunction(() => document.querySelector('[role=status]')?.textContent?.includes('Saved'));
		await page.reload();
		await page.getByText(/restored \d+\s+answers/).waitFor();
		await page.goto(`${base()}/assess`);
		await page.getByRole('heading', { level: 2, name: STEPS[0]!.title }).waitFor();
		await page.getByText(/· 0 of \d+ questions answered/).waitFor();
		expect(await page.getByRole('radio', { checked: true }).count()).toBe(0);
		await page.context().close();
	});
});

describe('offline queue', () => {
	test('submitted offline: queued, kept across a reload, sent once when back online, never twice', async () => {
		const workshop = await createWorkshop(base(), 'Offline workshop');
		const page = await newPage(browser, { viewport: PHONE });
		const context = page.context();
		await page.goto(`${base()}/w/${workshop.code}`);
		await page.getByRole('button', { name: 'Join workshop' }).click();
		const answers = uniformAnswers('best');
		for (let i = 0; i < STEPS.length; i++) {
			await page.getByRole('heading', { level: 2, name: STEPS[i]!.title }).waitFor();
			await answerStep(page, i, answers);
			if (i < STEPS.length - 1) await page.getByRole('button', { name: 'Next', exact: true }).click();
		}
		const queued = () =>
			page.evaluate((code) => localStorage.getItem(`ai-readiness:workshop-outbox:${code}`), workshop.code);

		// Offline: the submission is kept in the browser, nothing reaches the database.
		await context.setOffline(true);
		await page.getByRole('button', { name: 'Submit', exact: true }).click();
		expect(await page.getByTestId('offline').textContent()).toMatch(
			/You’re offline — your answers will be sent when you’re back online/
		);
		const stored = JSON.parse((await queued())!) as { idempotencyKey: string };
		expect(stored.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
		expect(await counts(base(), workshop)).toEqual({ joined: 1, submitted: 0 });

		// A reload while the server is still unreachable: the queue survives, still nothing stored.
		await context.route('**/response', (route) => route.abort('internetdisconnected'));
		await context.setOffline(false);
		await page.reload();
		await page.getByTestId('offline').waitFor();
		expect(JSON.parse((await queued())!)).toMatchObject({ idempotencyKey: stored.idempotencyKey });
		expect(await counts(base(), workshop)).toEqual({ joined: 1, submitted: 0 });

		// Back online: sent, acknowledged, cleared; exactly one row.
		await context.setOffline(true);
		await context.unroute('**/response');
		await context.setOffline(false);
		await page.getByText('Your answers are submitted.').waitFor();
		expect(await queued()).toBeNull();
		expect(await counts(base(), workshop)).toEqual({ joined: 1, submitted: 1 });

		// A resend with the same key (a lost acknowledgement) changes nothing and adds no row.
		const [cookie] = await context.cookies(`${base()}/w/${workshop.code}`);
		const again = await submitAnswers(
			base(),
			workshop.code,
			`${cookie!.name}=${cookie!.value}`,
			answers,
			stored.idempotencyKey
		);
		expect(again.status).toBe(200);
		expect(await again.json()).toMatchObject({ status: 'unchanged' });
		expect(await counts(base(), workshop)).toEqual({ joined: 1, submitted: 1 });
		await context.close();
	});
});
