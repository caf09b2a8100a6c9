/**
 * Every page at two phone widths (360 and 390 px) and a desktop width (1280 px): axe-core finds 0 violations;
 * nothing is clipped (the page never scrolls sideways, and content wider than the screen sits in a scroll region
 * that a keyboard can reach, that is named, and that shows it scrolls); and the head a search engine or a link
 * preview reads: one meta description of at most 160 characters on every page, `noindex` on the pages whose
 * address is private (a result, a workshop's join page and dashboard, the error pages). Folded sections are opened
 * first, so the tables inside them are checked too.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { violations } from './axe';
import { launchBrowser, newPage, radarDrawn } from './browser';
import { BANK, STEPS, uniformAnswers, variedAnswers } from './flow';
import { createWorkshop, joinWorkshop, submitAnswers, type TestWorkshop } from './workshop-api';
import { encodeAnswerCode } from '$scoring/export/answer-code';

let browser: Browser;
const base = () => inject('baseURL');
const RESULT = `/results/${encodeAnswerCode(BANK, variedAnswers())}`;
const REVIEW = `/assess?step=${STEPS.length}&review=1&code=${encodeURIComponent(encodeAnswerCode(BANK, variedAnswers()))}`;
const WIDTHS = [360, 390, 1280] as const;

let workshop: TestWorkshop;
let participant: string;

interface PageCase {
	name: string;
	path: () => string;
	status?: number;
	/** Private address: must carry `noindex`. */
	noindex?: boolean;
	/** A Cookie header the request carries. */
	cookie?: () => string;
	/** Waits for what the page shows once it has run (e.g. the dashboard's live figures). */
	ready?: (page: Page) => Promise<unknown>;
}

const PAGES: PageCase[] = [
	{ name: 'landing', path: () => '/' },
	{ name: 'questionnaire, first step', path: () => '/assess' },
	{ name: 'questionnaire, the risk step', path: () => '/assess?step=4' },
	{ name: 'questionnaire, About you', path: () => '/assess?step=6' },
	{ name: 'questionnaire, the review before the result (as served without JavaScript)', path: () => REVIEW },
	{ name: 'methodology', path: () => '/methodology' },
	{ name: 'join', path: () => '/join' },
	{ name: 'new workshop', path: () => '/workshops/new' },
	{
		name: 'result',
		path: () => RESULT,
		noindex: true,
		ready: (page) => radarDrawn(page)
	},
	{ name: 'workshop join form', path: () => `/w/${workshop.code}`, noindex: true },
	{
		name: 'workshop questionnaire (joined)',
		path: () => `/w/${workshop.code}`,
		noindex: true,
		cookie: () => participant
	},
	{
		name: 'facilitator dashboard with the team result',
		path: () => workshop.dashboard,
		noindex: true,
		cookie: () => workshop.cookie,
		ready: (page) => page.getByTestId('team-tier').waitFor()
	},
	{ name: 'page not found', path: () => '/no-such-page', status: 404, noindex: true },
	{ name: 'bad result link', path: () => '/results/not-a-code', status: 400, noindex: true }
];

beforeAll(async () => {
	browser = await launchBrowser();
	workshop = await createWorkshop(base(), 'Every width');
	for (let i = 0; i < 3; i++) {
		const cookie = await joinWorkshop(base(), workshop.code, `Person ${i}`);
		const res = await submitAnswers(
			base(),
			workshop.code,
			cookie,
			uniformAnswers(i % 2 ? 'worst' : 'best'),
			`rwd-${i}-000`
		);
		expect(res.status).toBe(201);
	}
	participant = await joinWorkshop(base(), workshop.code, 'Late joiner');
});
afterAll(async () => {
	await browser?.close();
});

/** Opens a page at `width` (with its cookie), waits until it has run, and opens every folded section. */
async function open(c: PageCase, width: number): Promise<Page> {
	const page = await newPage(browser, { viewport: { width, height: 800 }, bypassCSP: true });
	const cookie = c.cookie?.();
	if (cookie)
		await page.context().addCookies(
			cookie.split('; ').map((pair) => {
				const at = pair.indexOf('=');
				return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base() };
			})
		);
	const res = await page.goto(base() + c.path());
	expect(res?.status(), c.name).toBe(c.status ?? 200);
	await c.ready?.(page);
	await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
	return page;
}

/**
 * What a reader at this width would find wrong with the layout: the page scrolls sideways; an element reaches past
 * the screen's edge outside a scroll region; a region that scrolls is not focusable, not named, or shows no cue.
 */
function layoutProblems(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const problems: string[] = [];
		const width = document.documentElement.clientWidth;
		const describe = (el: Element) =>
			`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} “${(el.textContent ?? '').trim().slice(0, 40)}”`;
		const scrolls = (el: Element) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
		if (document.documentElement.scrollWidth > width)
			problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in ${width} px`);
		for (const el of document.body.querySelectorAll('*')) {
			const rect = el.getBoundingClientRect();
			if (rect.width === 0 || rect.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
			if (el.closest('.visually-hidden, .skip')) continue;
			let ancestor = el.parentElement;
			while (ancestor && !scrolls(ancestor)) ancestor = ancestor.parentElement;
			if (!ancestor && (rect.right > width + 1 || rect.left < -1))
				problems.push(
					`${describe(el)} reaches past the screen (${Math.round(rect.left)}–${Math.round(rect.right)} px)`
				);
		}
		for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
			if (!scrolls(el) || el.scrollWidth <= el.clientWidth + 1) continue;
			const labelledBy = el.getAttribute('aria-labelledby');
			const name = (
				el.getAttribute('aria-label') ??
				(labelledBy && document.getElementById(labelledBy)?.textContent) ??
				''
			).trim();
			if (el.tabIndex !== 0) problems.push(`${describe(el)} scrolls but is not focusable`);
			// A region: role="region", or a <section> (whose implicit role is region once it has a name).
			const region = el.getAttribute('role') === 'region' || el.tagName === 'SECTION';
			if (!region || !name) problems.push(`${describe(el)} scrolls but is no named region`);
			if (!el.hasAttribute('data-overflow')) problems.push(`${describe(el)} scrolls without a cue`);
		}
		return problems;
	});
}

describe.each(WIDTHS)('at %i px', (width) => {
	test.each(PAGES)('$name: axe 0, nothing clipped, every scroll region reachable', async (c) => {
		const page = await open(c, width);
		// The scroll regions are marked once the page has run and measured them.
		await page.waitForFunction(() =>
			[...document.querySelectorAll<HTMLElement>('.table-scroll')].every(
				(el) => el.scrollWidth <= el.clientWidth + 1 || el.hasAttribute('data-overflow')
			)
		);
		expect(await layoutProblems(page)).toEqual([]);
		expect(await violations(page)).toEqual([]);
		await page.context().close();
	});
});

describe('the head search engines and link previews read (as served, before any script)', () => {
	test.each(PAGES)('$name: one meta description of at most 160 characters; noindex if private', async (c) => {
		const cookie = c.cookie?.();
		const res = await fetch(base() + c.path(), { headers: cookie ? { cookie } : {} });
		expect(res.status).toBe(c.status ?? 200);
		const head = (await res.text()).split('</head>')[0]!;
		const descriptions = [...head.matchAll(/<meta name="description" content="([^"]*)"/g)].map((m) => m[1]!);
		expect(descriptions).toHaveLength(1);
		expect(descriptions[0]!.length).toBeGreaterThanOrEqual(50);
		expect(descriptions[0]!.length).toBeLessThanOrEqual(160);
		expect(/<meta name="robots" content="noindex"/.test(head), 'noindex').toBe(Boolean(c.noindex));
	});
});

describe('a table wider than a phone', () => {
	/** Presses Tab until `region` has focus; returns how many presses it took (Infinity if it never does). */
	async function tabTo(page: Page, selector: string): Promise<number> {
		for (let i = 1; i <= 250; i++) {
			await page.keyboard.press('Tab');
			if (await page.evaluate((s) => document.activeElement === document.querySelector(s), selector)) return i;
		}
		return Infinity;
	}
	// The dimension scores beside the modelled group profiles: five columns, wider than a phone.
	const REGION = 'details:has(#scores) .table-scroll';

	test('at 390 px: Tab reaches it, it is announced by its caption, and the arrow keys scroll it', async () => {
		const page = await open(
			PAGES.find((p) => p.name === 'result')!,
			390
		);
		await page.waitForSelector(`${REGION}[data-overflow]`);
		expect(await tabTo(page, REGION)).toBeLessThan(Infinity);
		const region = page.locator(REGION);
		// The focused element is a region whose accessible name is the table's caption.
		const named = page.getByRole('region', { name: 'Dimension scores, 0–100', exact: true });
		expect(await named.evaluate((el) => el === document.activeElement)).toBe(true);
		expect(await region.evaluate((el) => el.scrollLeft)).toBe(0);
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
		// A few more presses bring the last column into view.
		const atEnd = () => region.evaluate((el) => Math.ceil(el.scrollLeft + el.clientWidth) >= el.scrollWidth);
		// Each press waits for the region to move: on a loaded machine a smooth scroll lags the key presses, and twenty
		// presses in a burst ended short of the last column once (a clean clone's CI run).
		const scrolled = () => region.evaluate((el) => el.scrollLeft);
		for (let i = 0; i < 20 && !(await atEnd()); i++) {
			const before = await scrolled();
			await page.keyboard.press('ArrowRight');
			await expect.poll(async () => (await atEnd()) || (await scrolled()) > before).toBe(true);
		}
		expect(await atEnd()).toBe(true);
		await page.context().close();
	});

	test('at 1280 px the same table fits, and is no tab stop', async () => {
		const page = await open(
			PAGES.find((p) => p.name === 'result')!,
			1280
		);
		const region = page.locator(REGION);
		expect(await page.getByRole('region', { name: 'Dimension scores, 0–100', exact: true }).count()).toBe(1);
		// Once the page runs, a region whose table fits is no tab stop (the server renders it as one).
		await expect.poll(() => region.getAttribute('tabindex')).toBeNull();
		expect(await region.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
		expect(await region.getAttribute('data-overflow')).toBeNull();
		await page.context().close();
	});
});
