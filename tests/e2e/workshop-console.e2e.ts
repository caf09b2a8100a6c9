/**
 * The facilitated workshop on two screens (issue 17): the audience display for the projector and the facilitator's
 * console, a session closed part-way, and re-votes said in words.
 *
 * - The display at 1280×720, 1366×768 and 1920×1080 (and dark at 1280×720): in the lobby the code, the QR and the
 *   joined count, and at a reveal every option, the median, the reserved answers, the agreed answer, the timer and
 *   the pager are inside the viewport — for every question of every dimension at 1280×720 and 1920×1080, for each
 *   dimension's first at the others; nothing the facilitator types reaches it (nor any phone); axe finds nothing.
 * - Closed after one dimension: the close asks for confirmation and says what is not covered and what that does
 *   to the group; then no score for an uncovered dimension on the display, the dashboard, the team PDF (its text)
 *   and the team CSV; the phone's team result page speaks of the team.
 * - Re-votes: five phones where two change a question — its round-1 figures held, and said in words, the same
 *   words as for a question no one changed; six where three change — the round-2 figures, said in words.
 *
 * With SCREENS_DIR set, the display, console and phone are saved there as screenshots.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { CURRENT_BANK } from '$scoring/content/banks';
import { readCsvTable } from '$scoring/export/csv-table';
import { TEAM_CSV_COLUMNS } from '$scoring/export/team-csv';
import { closingLines, facilitationItems } from '$scoring/present/team';
import { DONT_KNOW, type Answers } from '$scoring/schema';
import { pdfText } from '../lib/report/pdf-text';
import { violations } from './axe';
import { launchBrowser, newPage } from './browser';
import { answerStep } from './flow';
import { counts, createWorkshop, joinWorkshop, postForm, submitAnswers, type TestWorkshop } from './workshop-api';

const bank = CURRENT_BANK;
const items = facilitationItems(bank);
const DISPLAY_SIZES = [
	{ width: 1280, height: 720 },
	{ width: 1366, height: 768 },
	{ width: 1920, height: 1080 }
] as const;
const CONSOLE: BrowserContextOptions = { viewport: { width: 1280, height: 720 }, acceptDownloads: true };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const SCREENS = process.env.SCREENS_DIR;

let browser: Browser;
const base = () => inject('baseURL');
beforeAll(async () => {
	browser = await launchBrowser();
	if (SCREENS) mkdirSync(SCREENS, { recursive: true });
});
afterAll(async () => {
	await browser?.close();
});

/** A screenshot of what is on screen, or (`fullPage`) of the whole page. */
async function screenshot(page: Page, name: string, fullPage = false) {
	if (SCREENS) await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage });
}

/** A facilitator step on the console, as its form posts it; it must be accepted. */
async function step(workshop: TestWorkshop, action: string, fields: Record<string, string> = {}) {
	const res = await postForm(base(), `${workshop.dashboard}/present?/${action}`, fields, workshop.cookie);
	expect(res.status, `${action} ${JSON.stringify(fields)}`).toBe(200);
}

/** A page in its own browser context holding the facilitator's cookie (set by opening the private link). */
async function facilitatorPage(workshop: TestWorkshop, options: BrowserContextOptions, path: string) {
	const page = await newPage(browser, options);
	await page.goto(workshop.privateLink);
	await page.waitForURL(new RegExp(`${workshop.dashboard}$`));
	await page.goto(`${base()}${workshop.dashboard}${path}`);
	return page;
}

/** Votes on `dimension`'s questions: voter `i` gives option (i + j) mod n to its j-th question, shifted by `shift`. */
function votes(dimension: string, i: number, shift: Record<string, number> = {}): Answers {
	const ids = items.find((x) => x.id === dimension)!.questionIds;
	return Object.fromEntries(
		ids.map((id, j) => {
			const options = bank.questions.find((q) => q.id === id)!.options;
			return [id, options[(i + j + (shift[id] ?? 0)) % options.length]!.id];
		})
	);
}

/** "Don't know" to every question of `dimension`: a reserved answer, written beside the options. */
function dontKnow(dimension: string): Answers {
	return Object.fromEntries(items.find((x) => x.id === dimension)!.questionIds.map((id) => [id, DONT_KNOW]));
}

/** The display sizes at which every question of every dimension is checked: the smallest and the largest. */
const EVERY_QUESTION = ['1280x720', '1920x1080'];

/**
 * What the display shows, read in one round trip: which of the elements named by `testIds` (and each option of
 * the revealed question) is missing or not wholly inside the viewport, how many options there are, the reserved
 * answers' line, the pager's current step and the page's text.
 */
async function onDisplay(page: Page, testIds: string[]) {
	return page.evaluate((ids) => {
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
		for (const id of ids) inside(document.querySelector(`[data-testid=${id}]`), id);
		const options = [...document.querySelectorAll('[data-testid=reveal-options] li')];
		options.forEach((li, i) => inside(li, `option ${i + 1}`));
		return {
			outside,
			options: options.length,
			meta: document.querySelector('[data-testid=reveal-meta]')?.textContent ?? '',
			current: document.querySelector('[data-testid=display-pager] [aria-current=step]')?.textContent ?? '',
			text: document.body.innerText
		};
	}, testIds);
}

/** The box of `locator` lies inside the page's viewport. */
async function inViewport(page: Page, locator: Locator, what: string) {
	const { width, height } = page.viewportSize()!;
	const box = await locator.boundingBox();
	expect(box, `${what}: on screen`).not.toBeNull();
	expect(box!.x, `${what}: left`).toBeGreaterThanOrEqual(0);
	expect(box!.y, `${what}: top`).toBeGreaterThanOrEqual(0);
	expect(box!.x + box!.width, `${what}: right edge within ${width}`).toBeLessThanOrEqual(width + 0.5);
	expect(box!.y + box!.height, `${what}: bottom edge within ${height}`).toBeLessThanOrEqual(height + 0.5);
}

/** The workshop's title is on the display whole: not cut, inside the viewport. */
async function titleWhole(page: Page, title: string, what: string) {
	const shown = page.getByTestId('display-title');
	expect(await shown.textContent(), what).toBe(title);
	expect(await shown.evaluate((e) => e.scrollHeight - e.clientHeight), `${what}: title not cut`).toBeLessThanOrEqual(1);
	await inViewport(page, shown, `${what}: title`);
}

const cookieHeader = async (page: Page) =>
	(await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');

describe('the audience display', () => {
	test(
		'fits 1280×720, 1366×768 and 1920×1080: the lobby, and every question of every dimension at a reveal; nothing typed; axe 0',
		{ timeout: 420_000 },
		async () => {
			// A title near the longest allowed (120 characters): it shows whole.
			const title =
				'Display fit: platform engineering, security and SRE leadership, quarterly AI infrastructure review, EMEA and APAC, 2027';
			const workshop = await createWorkshop(base(), title, 3, 12, 'facilitated');
			// Five vote an option on every question; a sixth answers "Don't know" to all of them.
			const people = await Promise.all(Array.from({ length: 6 }, () => joinWorkshop(base(), workshop.code)));
			const displays: { page: Page; name: string }[] = [];
			for (const size of DISPLAY_SIZES)
				displays.push({
					page: await facilitatorPage(workshop, { viewport: size, bypassCSP: true }, '/display'),
					name: `${size.width}x${size.height}`
				});
			displays.push({
				page: await facilitatorPage(
					workshop,
					{ viewport: DISPLAY_SIZES[0], colorScheme: 'dark', bypassCSP: true },
					'/display'
				),
				name: '1280x720-dark'
			});
			for (const { page } of displays) await page.locator('[data-testid=display][data-connection=live]').waitFor();

			// The lobby: the code, the QR and the joined count in view, at every size.
			for (const { page, name } of displays) {
				await expect.poll(() => page.getByTestId('joined').getAttribute('data-count')).toBe('6');
				for (const id of ['join-code', 'lobby-qr', 'joined'])
					await inViewport(page, page.getByTestId(id), `lobby ${id} at ${name}`);
				expect(await page.getByTestId('join-code').textContent()).toBe(workshop.code);
				await titleWhole(page, title, `lobby at ${name}`);
				if (name !== '1366x768') expect(await violations(page), `lobby at ${name}`).toEqual([]);
				await screenshot(page, `display-lobby-${name}`);
			}

			const typed = ['NOTE-typed-by-the-facilitator', 'ACTION-typed-by-the-facilitator'];
			for (const item of items) {
				await step(workshop, 'open', { item: item.id });
				for (const [i, cookie] of people.entries()) {
					const answers = i === 5 ? dontKnow(item.id) : votes(item.id, i);
					const res = await submitAnswers(base(), workshop.code, cookie, answers, `fit-${item.id}-${i}`);
					expect(res.status).toBe(item === items[0] ? 201 : 200);
				}
				await step(workshop, 'reveal');
				// A discussion timer: the header at its fullest.
				await step(workshop, 'timer', { seconds: '300' });
				const first = item.questionIds[0]!;
				await step(workshop, 'agree', {
					questionId: first,
					answer: bank.questions.find((q) => q.id === first)!.options[1]!.id,
					note: typed[0]!,
					action: typed[1]!
				});
				const count = item.questionIds.length;
				// Every question in the reveal's order, as the console shows it on the display.
				const order = (
					(await (
						await fetch(`${base()}${workshop.dashboard}/room`, { headers: { cookie: workshop.cookie } })
					).json()) as {
						reveal: { questionId: string }[];
					}
				).reveal.map((q) => q.questionId);
				expect([...order].sort()).toEqual([...item.questionIds].sort());
				for (const [at, questionId] of order.entries()) {
					if (at > 0) await step(workshop, 'show', { questionId });
					const where = `question ${at + 1} of ${count}, most split first`;
					// Every question at the smallest and the largest size; the others at each dimension's first.
					for (const { page, name } of displays.filter((d) => at === 0 || EVERY_QUESTION.includes(d.name))) {
						await expect.poll(() => page.getByTestId('display-where').textContent()).toContain(where);
						const what = `${item.id} ${where} at ${name}`;
						const ids = [
							'reveal-options',
							'reveal-median',
							'reveal-meta',
							'display-pager',
							'room-timer',
							...(questionId === first ? ['agreed-answer'] : [])
						];
						// The timer and the agreed answer arrive as later room events than the reveal: waited for.
						await expect.poll(async () => (await onDisplay(page, ids)).outside, { timeout: 5_000 }).toEqual([]);
						const seen = await onDisplay(page, ids);
						expect(seen.options, what).toBe(bank.questions.find((q) => q.id === questionId)!.options.length);
						expect(seen.meta, what).toContain('Don’t know: 1');
						expect(seen.current, what).toBe(String(at + 1));
						// Nothing the facilitator types is on the display.
						for (const t of typed) expect(seen.text, what).not.toContain(t);
						await titleWhole(page, title, what);
					}
				}
				if (item.id === 'risk_exposure')
					for (const { page, name } of displays) {
						if (name !== '1366x768') expect(await violations(page), `reveal at ${name}`).toEqual([]);
						await screenshot(page, `display-reveal-${name}`);
					}
			}
			// Nor is it in the room state the display and every phone receive; the console has it.
			const room = await (await fetch(`${base()}/w/${workshop.code}/room`, { headers: { cookie: people[0]! } })).text();
			const display = await (
				await fetch(`${base()}${workshop.dashboard}/room`, { headers: { cookie: workshop.cookie } })
			).text();
			const consoleState = await (
				await fetch(`${base()}${workshop.dashboard}/console`, { headers: { cookie: workshop.cookie } })
			).text();
			for (const t of typed) {
				expect(room).not.toContain(t);
				expect(display).not.toContain(t);
			}
			for (const t of typed) expect(consoleState).toContain(t);
			for (const { page } of displays) await page.context().close();
		}
	);
});

describe('a session closed after one dimension', () => {
	test(
		'the close asks first and says what is not covered; then no score for the rest on the display, dashboard, team PDF and team CSV',
		{ timeout: 240_000 },
		async () => {
			const workshop = await createWorkshop(base(), 'Closed early', 3, 12, 'facilitated');
			const people = await Promise.all(Array.from({ length: 3 }, () => joinWorkshop(base(), workshop.code)));
			const consolePage = await facilitatorPage(workshop, { ...CONSOLE, bypassCSP: true }, '/present');
			const display = await facilitatorPage(workshop, { viewport: DISPLAY_SIZES[0] }, '/display');
			const phone = await newPage(browser, { ...PHONE, bypassCSP: true });
			await phone.goto(`${base()}/w/${workshop.code}`);
			// Join sits above the fold on a phone.
			await inViewport(phone, phone.getByRole('button', { name: 'Join workshop' }), 'the Join button');
			await phone.getByRole('button', { name: 'Join workshop' }).click();
			await phone.getByTestId('room').waitFor();
			await consolePage.locator('[data-testid=connection][data-connection=live]').waitFor();

			const first = items[0]!;
			await consolePage.getByRole('button', { name: 'Open the first vote' }).click();
			await phone.getByTestId('vote-form').waitFor();
			for (const [i, cookie] of people.entries()) {
				const res = await submitAnswers(base(), workshop.code, cookie, votes(first.id, i), `closed-early-${i}`);
				expect(res.status, await res.text()).toBe(201);
			}
			// The phone votes; what happened to the vote is said beside the button, in view.
			await answerStep(phone, 0, votes(first.id, 3));
			await phone.getByRole('button', { name: 'Submit my vote' }).click();
			const status = phone.getByTestId('vote-status');
			await status.getByText('Your vote is in.').waitFor();
			await inViewport(phone, status, 'the vote status');
			const button = await phone.getByRole('button', { name: 'Change my vote' }).boundingBox();
			const said = (await status.boundingBox())!;
			expect(Math.abs(said.y - button!.y), 'the status beside the button').toBeLessThan(80);
			await screenshot(phone, 'phone-voted-390');
			await expect.poll(() => consolePage.getByTestId('console-votes').textContent()).toMatch(/^4 votes of 4 joined/);
			await consolePage.getByRole('button', { name: 'Reveal the votes' }).click();
			await display.getByTestId('revealed-question').waitFor();

			// Closing asks first, saying what the close does. A close without the confirmation is refused.
			const refused = await postForm(base(), `${workshop.dashboard}/present?/close`, {}, workshop.cookie);
			expect(refused.status).toBe(400);
			expect(await refused.text()).toMatch(/Closing needs your confirmation/);
			await consolePage.getByText('Close and show the team result').click();
			const expected = closingLines(bank, {
				released: 4,
				notCovered: bank.dimensions.map((d) => d.id).filter((d) => d !== first.id),
				minGroupSize: 3,
				leftOut: 0
			});
			expect(await consolePage.getByTestId('closing-covered').textContent()).toBe(expected.covered);
			expect(expected.covered).toMatch(
				/^Governance maturity, infrastructure automation maturity, risk exposure and platform readiness are not covered/
			);
			expect(await consolePage.getByTestId('closing-group').textContent()).toBe(expected.group);
			expect(expected.group).toMatch(/will not be placed in a group/);
			expect(await violations(consolePage), 'console with the close confirmation').toEqual([]);
			await screenshot(consolePage, 'console-closing-1280', true);
			expect(await display.getByTestId('display').getAttribute('data-status')).toBe('open');
			await consolePage.getByRole('button', { name: 'Close the workshop now' }).click();

			// The display: a score for AI integration depth, none for the four dimensions nobody voted on.
			const uncovered = bank.dimensions.filter((d) => d.id !== first.id);
			const rows = display.getByTestId('display-team').locator('tr');
			await rows.first().waitFor();
			for (const d of uncovered) {
				const row = rows.filter({ hasText: d.label });
				expect(await row.locator('td').textContent(), d.label).toBe('Not covered');
			}
			expect(await rows.filter({ hasText: first.title }).locator('td').textContent()).toMatch(/^\d+(\.\d)?$/);
			expect(await display.getByTestId('display-not-covered').textContent()).toMatch(/are not covered/);
			// A closed session takes no one new: the display no longer offers the join code or its QR.
			expect(await display.getByTestId('display').innerText()).not.toContain(workshop.code);
			expect(await display.getByRole('img', { name: /join|QR/i }).count()).toBe(0);
			await screenshot(display, 'display-closed-1280x720');

			// The phone: its team result page speaks of the team, with the same dimensions.
			await phone.getByTestId('team-result').waitFor();
			await phone.getByRole('link', { name: 'See the team result' }).click();
			await phone.getByTestId('team-page').waitFor();
			const page = await phone.getByTestId('team-page').innerText();
			expect(page).toMatch(/TEAM RESULT|Team result/);
			expect(page).toMatch(/team/);
			expect(page).not.toMatch(/\byou(r)?\b/i);
			for (const d of uncovered)
				expect(
					await phone.getByTestId('team-dimensions').locator('tr', { hasText: d.label }).locator('td').textContent()
				).toBe('Not covered');
			expect(await violations(phone), 'team result page').toEqual([]);
			await screenshot(phone, 'phone-team-390');

			// The dashboard.
			await consolePage.goto(`${base()}${workshop.dashboard}`);
			const table = consolePage.locator('table', { hasText: 'Dimension scores, 0–100' });
			for (const d of uncovered)
				expect(await table.locator('tr', { hasText: d.label }).locator('td').first().textContent(), d.label).toBe(
					'Not covered'
				);
			expect(await consolePage.getByTestId('not-covered').textContent()).toMatch(/are not covered/);

			// The team PDF, as its text reads.
			const [download] = await Promise.all([
				consolePage.waitForEvent('download'),
				consolePage.getByRole('link', { name: 'Download team PDF' }).click()
			]);
			const chunks: Buffer[] = [];
			for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
			const { text } = await pdfText(Buffer.concat(chunks));
			for (const d of uncovered) {
				expect(text, d.label).toContain(
					`${d.label}${d.orientation === 'higher-is-worse' ? ' (lower is better)' : ''} Not covered — 0`
				);
				expect(text).not.toMatch(new RegExp(`${d.label.toLowerCase()} \\([\\d.]+ of 100\\)`));
			}
			expect(text).not.toMatch(/Strongest:|Weakest:/);
			// No plan item for a question nobody discussed ("Now: Not answered").
			expect(text).not.toContain('Not answered. Next');

			// The team CSV.
			const csv = await fetch(`${base()}${workshop.dashboard}/team.csv`, { headers: { cookie: workshop.cookie } });
			const table_ = readCsvTable(await csv.text(), { what: 'the team CSV', columns: TEAM_CSV_COLUMNS });
			const value = (metric: string, dimension: string) =>
				table_.get(
					table_.rows.find((r) => table_.get(r, 'metric') === metric && table_.get(r, 'dimension') === dimension)!,
					'value'
				);
			for (const d of uncovered) {
				expect(value('covered', d.id)).toBe('no');
				for (const metric of ['team_score', 'team_practice', 'team_confidence', 'confidence_gap', 'spread'])
					expect(value(metric, d.id), `${d.id} ${metric}`).toBe('');
			}
			expect(value('covered', first.id)).toBe('yes');
			expect(value('team_score', first.id)).not.toBe('');
			for (const p of [consolePage, display, phone]) await p.context().close();
		}
	);
});

describe('re-votes, said in words', () => {
	const governance = items.find((i) => i.id === 'governance')!;

	/** A workshop of `n` participants (one of them a phone page) through a governance vote, reveal and re-vote. */
	async function revote(n: number, changing: number) {
		const workshop = await createWorkshop(base(), `Re-vote of ${n}`, 3, 12, 'facilitated');
		const phone = await newPage(browser, { ...PHONE, bypassCSP: true });
		await phone.goto(`${base()}/w/${workshop.code}`);
		await phone.getByRole('button', { name: 'Join workshop' }).click();
		await phone.getByTestId('room').waitFor();
		const people = [await cookieHeader(phone)];
		for (let i = 1; i < n; i++) people.push(await joinWorkshop(base(), workshop.code));
		const display = await facilitatorPage(workshop, { viewport: DISPLAY_SIZES[0], bypassCSP: true }, '/display');
		const consolePage = await facilitatorPage(workshop, CONSOLE, '/present');
		await step(workshop, 'open', { item: governance.id });
		// Everyone gives the same answers, so every question's first figures are the same: nothing is split.
		const same = votes(governance.id, 0);
		for (const [i, cookie] of people.entries())
			expect((await submitAnswers(base(), workshop.code, cookie, same, `round1-${i}`)).status).toBe(201);
		await step(workshop, 'reveal');
		await step(workshop, 'revote');
		await expect
			.poll(() => consolePage.getByTestId('revote-line').textContent())
			.toMatch(
				/^Re-vote: a question’s figures change only once at least 3 people have changed their answer to it\. A smaller change stays hidden/
			);
		// `changing` people move the first question one option up; the rest vote again unchanged.
		const q = governance.questionIds[0]!;
		const options = bank.questions.find((x) => x.id === q)!.options;
		const moved = options.findIndex((o) => o.id === same[q]) + 1;
		for (const [i, cookie] of people.entries()) {
			const answers = i < changing ? { ...same, [q]: options[moved % options.length]!.id } : same;
			expect((await submitAnswers(base(), workshop.code, cookie, answers, `round2-${i}`)).status).toBe(200);
		}
		await step(workshop, 'reveal');
		await step(workshop, 'show', { questionId: q });
		await expect.poll(() => display.getByTestId('display-heading').textContent()).toBe(`Revealed: ${governance.title}`);
		await expect
			.poll(() => display.getByTestId('revealed-question').locator('h3').textContent())
			.toBe(bank.questions.find((x) => x.id === q)!.text);
		return {
			workshop,
			people,
			phone,
			display,
			consolePage,
			q,
			moved: options[moved % options.length]!,
			same: options.find((o) => o.id === same[q])!
		};
	}

	/** Question `q`'s figures line and option counts as every phone receives them (the room state, over HTTP). */
	async function onEveryPhone(workshop: TestWorkshop, people: string[], q: string) {
		return Promise.all(
			people.map(async (cookie) => {
				const res = await fetch(`${base()}/w/${workshop.code}/room`, { headers: { cookie } });
				const { reveal } = (await res.json()) as {
					reveal: { questionId: string; figuresLine: string; options: { label: string; count: number }[] }[];
				};
				const question = reveal.find((r) => r.questionId === q)!;
				return {
					line: question.figuresLine,
					counts: Object.fromEntries(question.options.map((o) => [o.label, o.count]))
				};
			})
		);
	}

	/** A revealed question's figures line and option counts on the phone. */
	async function onPhone(phone: Page, text: string) {
		const question = phone.getByTestId('revealed-question').filter({ hasText: text });
		await question.waitFor();
		const counts = Object.fromEntries(
			await question
				.locator('.options li')
				.evaluateAll((lis) =>
					lis.map((li) => [
						li.querySelector('.label')!.textContent!.trim(),
						Number(li.querySelector('.count')!.textContent)
					])
				)
		) as Record<string, number>;
		return { line: await question.getByTestId('figures-line').textContent(), counts };
	}

	const HELD =
		'Round 1 figures, held back: a question’s figures change only once at least 3 answers to it have changed, so a smaller change stays hidden.';

	test(
		'five phones, two change: the round-1 figures stay, and the display and the phones say so — as for a question no one changed',
		{
			timeout: 120_000
		},
		async () => {
			const { workshop, people, phone, display, consolePage, q, same, moved } = await revote(5, 2);
			const text = bank.questions.find((x) => x.id === q)!.text;
			expect(await display.getByTestId('figures-line').textContent()).toBe(HELD);
			const seen = await onPhone(phone, text);
			expect(seen.line).toBe(HELD);
			expect(seen.counts[same.label]).toBe(5);
			expect(seen.counts[moved.label]).toBe(0);
			// Every one of the five phones, the two that changed among them, gets the same held figures and words.
			for (const other of await onEveryPhone(workshop, people, q))
				expect(other).toEqual({ line: HELD, counts: expect.objectContaining({ [same.label]: 5, [moved.label]: 0 }) });
			// A question no one changed says exactly the same.
			const untouched = bank.questions.find((x) => x.id === governance.questionIds[1])!.text;
			expect((await onPhone(phone, untouched)).line).toBe(HELD);
			expect(await display.getByTestId('display-pager').locator('li.held').count()).toBeGreaterThan(0);
			expect(await violations(display), 'display with held figures').toEqual([]);
			expect(await violations(phone), 'phone with held figures').toEqual([]);
			await screenshot(display, 'display-held-1280x720');
			await screenshot(phone, 'phone-held-390', true);
			for (const p of [phone, display, consolePage]) await p.context().close();
		}
	);

	test(
		'six phones, three change: the round-2 figures, said in words on the display and the phones',
		{ timeout: 120_000 },
		async () => {
			const { workshop, people, phone, display, consolePage, q, same, moved } = await revote(6, 3);
			const text = bank.questions.find((x) => x.id === q)!.text;
			const ROUND_2 = 'Round 2 figures: at least 3 answers to this question changed in the re-vote.';
			expect(await display.getByTestId('figures-line').textContent()).toBe(ROUND_2);
			const seen = await onPhone(phone, text);
			expect(seen.line).toBe(ROUND_2);
			expect(seen.counts).toMatchObject({ [same.label]: 3, [moved.label]: 3 });
			for (const other of await onEveryPhone(workshop, people, q))
				expect(other).toEqual({
					line: ROUND_2,
					counts: expect.objectContaining({ [same.label]: 3, [moved.label]: 3 })
				});
			const shown = Object.fromEntries(
				await display
					.getByTestId('reveal-options')
					.locator('li')
					.evaluateAll((lis) =>
						lis.map((li) => [
							li.querySelector('.label')!.textContent!.trim(),
							Number(li.querySelector('.count')!.textContent)
						])
					)
			);
			expect(shown).toMatchObject({ [same.label]: 3, [moved.label]: 3 });
			// The question now split comes first in the reveal, and the dashboard's figures are the released ones.
			expect(await display.getByTestId('display-where').textContent()).toContain(
				`question 1 of ${governance.questionIds.length}, most split first · round 2`
			);
			const summary = (await (
				await fetch(`${base()}${workshop.dashboard}/summary`, { headers: { cookie: workshop.cookie } })
			).json()) as { team: { mostSplit: { questionId: string; options: { label: string; count: number }[] }[] } };
			expect(summary.team.mostSplit[0]!.questionId).toBe(q);
			expect(Object.fromEntries(summary.team.mostSplit[0]!.options.map((o) => [o.label, o.count]))).toMatchObject({
				[same.label]: 3,
				[moved.label]: 3
			});
			await screenshot(display, 'display-round2-1280x720');
			await screenshot(consolePage, 'console-round2-1280');
			for (const p of [phone, display, consolePage]) await p.context().close();
		}
	);
});

describe('a phone that reloads mid-vote', () => {
	test('keeps the answers chosen and not sent yet; sent, the draft is gone', async () => {
		const workshop = await createWorkshop(base(), 'Reload mid-vote', 3, 12, 'facilitated');
		const first = items[0]!;
		await step(workshop, 'open', { item: first.id });
		const phone = await newPage(browser, PHONE);
		await phone.goto(`${base()}/w/${workshop.code}`);
		await phone.getByRole('button', { name: 'Join workshop' }).click();
		const form = phone.getByTestId('vote-form');
		await form.waitFor();
		const question = bank.questions.find((q) => q.id === first.questionIds[0])!;
		const chosen = question.options[1]!;
		await form.getByRole('group', { name: question.text }).getByLabel(chosen.label, { exact: true }).check();
		await phone.reload();
		await form.waitFor();
		const radio = form.getByRole('group', { name: question.text }).getByLabel(chosen.label, { exact: true });
		await expect.poll(() => radio.isChecked()).toBe(true);
		expect(await counts(base(), workshop)).toEqual({ joined: 1, submitted: 0 });
		// One answer of several: said first, then sent as it is.
		await form.getByRole('button', { name: 'Submit my vote' }).click();
		await form
			.getByRole('alert')
			.getByText(/^You answered 1 of \d+ questions/)
			.waitFor();
		await form.getByRole('button', { name: 'Submit my vote' }).click();
		await phone.getByTestId('vote-status').getByText('Your vote is in.').waitFor();
		expect(await counts(base(), workshop)).toEqual({ joined: 1, submitted: 1 });
		expect(await phone.evaluate(() => Object.keys(sessionStorage).filter((k) => k.includes(':vote:')))).toEqual([]);
		await phone.context().close();
	});
});

describe('a phone without JavaScript', () => {
	test('votes on the open dimension: the vote is taken at once, not sent to a review of the questions not yet asked', async () => {
		const workshop = await createWorkshop(base(), 'No script vote', 3, 12, 'facilitated');
		const first = items[0]!;
		await step(workshop, 'open', { item: first.id });
		const phone = await newPage(browser, { ...PHONE, javaScriptEnabled: false });
		await phone.goto(`${base()}/w/${workshop.code}`);
		await phone.getByRole('button', { name: 'Join workshop' }).click();
		const form = phone.getByTestId('vote-form');
		await form.waitFor();
		for (const id of first.questionIds) {
			const question = bank.questions.find((q) => q.id === id)!;
			await form.getByRole('group', { name: question.text }).getByRole('radio').first().check();
		}
		await form.getByRole('button', { name: 'Submit my vote' }).click();
		await phone.waitForLoadState();
		expect(new URL(phone.url()).pathname).toBe(`/w/${workshop.code}`);
		expect(new URL(phone.url()).searchParams.has('review')).toBe(false);
		expect(await counts(base(), workshop)).toEqual({ joined: 1, submitted: 1 });
		await phone.context().close();
	});
});
