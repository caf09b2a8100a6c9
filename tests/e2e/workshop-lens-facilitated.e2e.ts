/**
 * A facilitated workshop with the shipped example lens, in Chromium against the built app: the facilitator creates it
 * with the lens ticked; the console's "Or vote on" list offers the lens's sections after the dimensions; three phones
 * vote on the first section; the reveal shows each lens question on the audience display at 1280×720 — every
 * question of every section, options, median, disagreement and pager inside the viewport; the facilitator agrees an
 * answer on the console (it reaches the display) and closes; the team CSV and PDF and the phones' team page carry the
 * lens finding the agreed answer gives.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { CURRENT_BANK } from '$scoring/content/banks';
import { readCsvTable } from '$scoring/export/csv-table';
import { TEAM_CSV_COLUMNS } from '$scoring/export/team-csv';
import { lensAnswerKey } from '$scoring/lens/answer-key';
import { parseLens } from '$scoring/lens/parse';
import type { LensQuestion } from '$scoring/lens/schema';
import { facilitationItems } from '$scoring/present/team';
import type { Answers } from '$scoring/schema';
import { pdfText } from '../lib/report/pdf-text';
import { EXAMPLE_LENS_TEXT } from '../fixtures/lens';
import { violations } from './axe';
import { launchBrowser, newPage } from './browser';
import { collectErrors } from './flow';
import { postForm, submitAnswers } from './workshop-api';

const lens = parseLens(EXAMPLE_LENS_TEXT);
const sections = facilitationItems(CURRENT_BANK, [lens]).filter((i) => i.lens);
const CONSOLE: BrowserContextOptions = { viewport: { width: 1280, height: 720 }, bypassCSP: true };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
/** The question the facilitator agrees on: the team votes its best option, and agrees the weakest (high risk). */
const AGREED = lens.sections[0]!.questions[0]!;
const AGREED_KEY = lensAnswerKey(lens.id, AGREED.id);
const weakestOf = (q: LensQuestion) => q.options.reduce((a, b) => (b.level < a.level ? b : a));
const bestOf = (q: LensQuestion) => q.options.reduce((a, b) => (b.level > a.level ? b : a));
const agreedStep = lens.nextSteps.find((s) => s.question === AGREED.id && s.answers.includes(weakestOf(AGREED).id))!;

let browser: Browser;
const base = () => inject('baseURL');
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const cookieHeader = async (page: Page) =>
	(await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');

/** Voter `i`'s answers to a section: option (i + j) mod n of its j-th question; the agreed-on question its best. */
function votes(sectionIndex: number, i: number): Answers {
	const section = lens.sections[sectionIndex]!;
	return Object.fromEntries(
		section.questions.map((q, j) => [
			lensAnswerKey(lens.id, q.id),
			q.id === AGREED.id ? bestOf(q).id : q.options[(i + j) % q.options.length]!.id
		])
	);
}

/** Which of the display's reveal parts (and each option) is missing or not wholly inside the viewport. */
async function outsideOnDisplay(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const outside: string[] = [];
		const inside = (el: Element | null, what: string) => {
			if (!el) return void outside.push(`${what}: missing`);
			const r = el.getBoundingClientRect();
			if (r.width === 0 || r.height === 0) outside.push(`${what}: not shown`);
			else if (r.left < 0 || r.top < 0 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5)
				outside.push(
					`${what}: ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`
				);
		};
		for (const id of ['reveal-options', 'reveal-median', 'reveal-meta', 'display-pager'])
			inside(document.querySelector(`[data-testid=${id}]`), id);
		document.querySelectorAll('[data-testid=reveal-options] li').forEach((li, i) => inside(li, `option ${i + 1}`));
		return outside;
	});
}

test(
	'a facilitated workshop with the example lens: the console opens a lens section, three phones vote, the display reveals each lens question within 1280×720, an agreed answer becomes the team finding in the CSV, PDF and team page',
	{ timeout: 300_000 },
	async () => {
		// The facilitator creates the workshop: facilitated, with the lens ticked.
		const facilitator = await newPage(browser, CONSOLE);
		const errors = collectErrors(facilitator);
		await facilitator.goto(`${base()}/workshops/new`);
		await facilitator.getByLabel('Workshop title').fill('DORA facilitated');
		await facilitator.getByRole('radio', { name: /^Facilitated/ }).check();
		await facilitator.getByRole('checkbox', { name: new RegExp(lens.title.slice(0, 20)) }).check();
		await facilitator.getByRole('button', { name: 'Create workshop' }).click();
		await facilitator.waitForURL(/\/workshops\/[0-9a-f-]{36}$/);
		const dashboard = new URL(facilitator.url()).pathname;
		const code = (await facilitator.getByTestId('join-code').textContent())!.trim();
		const cookie = await cookieHeader(facilitator);
		const step = async (action: string, fields: Record<string, string> = {}) => {
			const res = await postForm(base(), `${dashboard}/present?/${action}`, fields, cookie);
			expect(res.status, `${action} ${JSON.stringify(fields)}`).toBe(200);
		};
		const display = await facilitator.context().newPage();
		await display.goto(`${base()}${dashboard}/display`);
		await facilitator.goto(`${base()}${dashboard}/present`);
		await facilitator.locator('[data-testid=connection][data-connection=live]').waitFor();

		const phones: Page[] = [];
		for (let i = 0; i < 3; i++) {
			const phone = await newPage(browser, { ...PHONE, bypassCSP: true });
			await phone.goto(`${base()}/w/${code}`);
			await phone.getByRole('button', { name: 'Join workshop' }).click();
			await phone.getByTestId('room').waitFor();
			phones.push(phone);
		}

		// The console lists the lens's sections after the five dimensions, and opens the first.
		const picker = facilitator.getByLabel('Or vote on');
		const listed = await picker.locator('option').allTextContents();
		expect(listed.slice(-sections.length)).toEqual(lens.sections.map((s) => `Lens: ${s.title}`));
		expect(listed).toHaveLength(CURRENT_BANK.dimensions.length + sections.length);
		await picker.selectOption({ label: `Lens: ${lens.sections[0]!.title}` });
		await facilitator.getByRole('button', { name: 'Open the vote' }).click();
		await expect.poll(() => display.getByTestId('display-heading').textContent()).toBe(`Vote: ${sections[0]!.title}`);

		// Three phones vote on the lens's questions, with the survey's controls.
		for (const [i, phone] of phones.entries()) {
			await phone.getByTestId('vote-form').waitFor();
			expect(await phone.getByTestId('room').innerText()).toContain(`Lens section 1 of ${sections.length}`);
			const answers = votes(0, i);
			for (const q of lens.sections[0]!.questions) {
				const option = q.options.find((o) => o.id === answers[lensAnswerKey(lens.id, q.id)])!;
				await phone.getByRole('group', { name: q.text }).getByLabel(option.label, { exact: true }).check();
			}
			await phone.getByRole('button', { name: 'Submit my vote' }).click();
			await phone.getByTestId('vote-status').getByText('Your vote is in.').waitFor();
		}
		await expect.poll(() => facilitator.getByTestId('console-votes').textContent()).toMatch(/^3 votes of 3 joined/);
		await facilitator.getByRole('button', { name: 'Reveal the votes' }).click();
		await display.getByTestId('revealed-question').waitFor();
		expect(await display.getByTestId('display-heading').textContent()).toBe(`Revealed: ${sections[0]!.title}`);
		expect(await violations(display), 'the display revealing a lens question').toEqual([]);

		// Every lens section's reveal, every question on the display: inside 1280×720.
		const people = await Promise.all(phones.map(cookieHeader));
		for (const [s, section] of sections.entries()) {
			if (s > 0) {
				await step('open', { item: section.id });
				for (const [i, c] of people.entries())
					expect((await submitAnswers(base(), code, c, votes(s, i), `lens-${s}-${i}`)).status).toBe(200);
				await step('reveal');
			}
			const room = (await (await fetch(`${base()}${dashboard}/room`, { headers: { cookie } })).json()) as {
				reveal: { questionId: string; question: string; options: unknown[] | null; medianLine: string | null }[];
			};
			expect(room.reveal.map((q) => q.questionId).sort()).toEqual([...section.questionIds].sort());
			for (const [at, q] of room.reveal.entries()) {
				if (at > 0) await step('show', { questionId: q.questionId });
				await expect
					.poll(() => display.getByTestId('display-where').textContent())
					.toContain(`question ${at + 1} of ${room.reveal.length}`);
				const what = `${q.questionId} at 1280×720`;
				expect(await display.getByTestId('revealed-question').getByRole('heading').textContent(), what).toBe(
					q.question
				);
				expect(q.options, what).not.toBeNull();
				expect(q.medianLine, what).toMatch(/^Median: /);
				await expect.poll(() => outsideOnDisplay(display), { timeout: 5_000 }).toEqual([]);
			}
		}

		// Back to the first section: the facilitator agrees its weakest answer on the question every phone voted best.
		await step('open', { item: sections[0]!.id });
		for (const [i, c] of people.entries())
			expect((await submitAnswers(base(), code, c, votes(0, i), `lens-again-${i}`)).status).toBe(200);
		await step('reveal');
		await step('show', { questionId: AGREED_KEY });
		const agree = facilitator.getByTestId('agree-form');
		await expect.poll(() => agree.locator('input[name=questionId]').inputValue()).toBe(AGREED_KEY);
		await agree.getByLabel('Agreed team answer').selectOption({ label: weakestOf(AGREED).label });
		await agree.getByRole('button', { name: 'Save' }).click();
		const agreedLine = display.getByTestId('agreed-answer');
		await expect.poll(() => agreedLine.textContent()).toBe(`Agreed: ${weakestOf(AGREED).label}`);
		expect(await display.getByTestId('reveal-median').textContent()).toBe(`Median: ${bestOf(AGREED).label}`);
		await expect.poll(() => outsideOnDisplay(display)).toEqual([]);

		// Close.
		await facilitator.getByText('Close and show the team result').click();
		await facilitator.getByRole('button', { name: 'Close the workshop now' }).click();
		await display.getByTestId('display-team').waitFor();

		// The team CSV: the agreed answer is the team answer, marked high risk, with its next step.
		const csv = await fetch(`${base()}${dashboard}/team.csv`, { headers: { cookie } });
		const table = readCsvTable(await csv.text(), { what: 'the team CSV', columns: TEAM_CSV_COLUMNS });
		const row = table.rows.find(
			(r) => table.get(r, 'section') === 'lens_question' && table.get(r, 'question_id') === AGREED_KEY
		)!;
		expect([table.get(row, 'answer_id'), table.get(row, 'value')]).toEqual([weakestOf(AGREED).id, 'high']);
		expect(
			table.rows.some(
				(r) =>
					table.get(r, 'section') === 'lens_next_step' &&
					table.get(r, 'question_id') === AGREED_KEY &&
					table.get(r, 'metric_label') === agreedStep.title
			)
		).toBe(true);

		// The team PDF: the lens section with the finding and its next step.
		const pdf = await fetch(`${base()}${dashboard}/team.pdf`, { headers: { cookie } });
		expect(pdf.status).toBe(200);
		const { text } = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
		const flat = text.replace(/\s+/g, ' ');
		expect(flat).toContain(`Lens: ${lens.title}`);
		expect(flat).toContain(`Next step: ${agreedStep.title}.`);

		// A phone's team page after close: the lens section with the team's finding.
		const phone = phones[0]!;
		await phone.getByTestId('team-result').waitFor();
		await phone.getByRole('link', { name: 'See the team result' }).click();
		const section = phone.getByTestId('workshop-lens-section');
		const high = section.getByRole('list', { name: /^High risk/ });
		await high.waitFor();
		const finding = high.getByRole('listitem').filter({ hasText: AGREED.text });
		expect(await finding.getByText(`Next step: ${agreedStep.title}.`).count()).toBe(1);
		expect(await finding.getByText(/Agreed in discussion/).count()).toBe(1);
		expect(await violations(phone), 'the team page with the lens section').toEqual([]);
		expect(errors).toEqual([]);
		for (const p of [facilitator, ...phones]) await p.context().close();
	}
);
