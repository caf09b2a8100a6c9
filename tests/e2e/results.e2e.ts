import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { actBeforeHydration, launchBrowser, newPage, radarDrawn } from './browser';
import { BANK, collectErrors, dimensionTable, group, labelFor, STEPS, variedAnswers } from './flow';
import { decodeAnswerCode, encodeAnswerCode } from '$scoring/export/answer-code';
import { presentResult } from '$scoring/present/result';
import { RESULT_LABELS } from '$scoring/present/result-labels';
import { points } from '$scoring/present/format';
import { isCurrent, score } from '$scoring/model';
import { TIER_LABELS } from '$scoring/present/labels';
import { ISLANDS_MANIFEST } from '$lib/islands-build';
import { CODE_1_0_0 } from '../fixtures/codes';
import { allAt } from '../fixtures/answers';

let browser: Browser;
const baseURL = () => inject('baseURL');
const answers = variedAnswers();
const code = encodeAnswerCode(BANK, answers);
const result = score(BANK, answers);
const view = presentResult({ bank: BANK, answers, result });

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('a results page', () => {
	test('is rendered on the server from the code alone, with every section', async () => {
		const res = await fetch(`${baseURL()}/results/${code}`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain(view.verdict.headline);
		expect(html).toContain(view.survey.sentence!);
		for (const id of ['top-actions', 'plan', 'scores', 'survey', 'practices', 'confidence', 'since', 'keep'])
			expect(html).toContain(`id="${id}"`);
	});

	test('shows the verdict, the plan, the scores table, the survey sentence and benchmark verdicts', async () => {
		const page = await newPage(browser);
		const errors = collectErrors(page);
		await page.goto(`${baseURL()}/results/${code}`);
		await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(view.verdict.headline);
		for (const line of view.verdict.why) await page.getByText(line.text).waitFor();
		// The first three actions are open; the plan and the rest are folded sections.
		const actions = page.locator('section[aria-labelledby=top-actions] h3');
		await expect(actions.allInnerTexts()).resolves.toEqual(
			view.topActions.map((s) => expect.stringContaining(s.title))
		);
		// What would move the result: its own folded section (a retired bank's result has none).
		await expect(page.locator('#lift').innerText()).resolves.toBe(view.lift!.heading);
		for (const id of ['plan', 'scores', 'survey', 'practices', 'confidence'])
			await page.locator(`summary:has(#${id})`).click();
		const planned = [...view.plan.horizons.flatMap((h) => h.items)].flatMap((i) => i.steps.map((s) => s.title));
		for (const title of planned) await page.getByRole('heading', { name: title, exact: false }).first().waitFor();
		for (const h of view.plan.horizons)
			if (h.items.length) await page.getByRole('heading', { name: h.label }).waitFor();

		const table = await dimensionTable(page);
		for (const d of result.dimensions) {
			const label = BANK.dimensions.find((x) => x.id === d.dimension)!.label;
			expect(table[label]).toBe(points(d.score));
		}
		// The survey sentence sits under the verdict picture, once; the survey section below has the table alone.
		await page.getByRole('region', { name: RESULT_LABELS.picture }).getByText(view.survey.sentence!).waitFor();
		await expect(page.locator('details:has(#survey)').getByText(view.survey.sentence!).count()).resolves.toBe(0);
		await expect(page.getByRole('row', { name: /You are here/ }).innerText()).resolves.toContain(
			TIER_LABELS[result.tier!]
		);
		for (const line of view.benchmark.lines) {
			const item = page.locator('.lines li').filter({ hasText: line.you });
			await expect(item.first().innerText()).resolves.toContain(line.verdictLabel);
		}

		// The radar chart is drawn once chart.js has loaded on demand.
		await radarDrawn(page);
		expect(errors).toEqual([]);
		await page.context().close();
	});

	test('Share copies the address and confirms it', async () => {
		const context = await browser.newContext();
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL() });
		const page = await context.newPage();
		await page.goto(`${baseURL()}/results/${code}`);
		await page.getByRole('button', { name: 'Share' }).click();
		await page.getByText('Link copied').waitFor();
		await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(`${baseURL()}/results/${code}`);
		await context.close();
	});

	test('Share falls back to a selectable link when the clipboard is unavailable', async () => {
		const page = await newPage(browser);
		await page.addInitScript(() => {
			Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
		});
		await page.goto(`${baseURL()}/results/${code}`);
		await page.getByRole('button', { name: 'Share' }).click();
		await page.getByText('did not let this page copy').waitFor();
		const field = page.getByRole('textbox', { name: /Link to these results/ });
		await expect(field.inputValue()).resolves.toBe(`${baseURL()}/results/${code}`);
		await expect(field.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
		await page.context().close();
	});

	test('Edit answers opens the questionnaire with the answers loaded', async () => {
		const page = await newPage(browser);
		await page.goto(`${baseURL()}/results/${code}`);
		await page.getByRole('link', { name: 'Edit answers' }).click();
		await page.getByRole('heading', { level: 2, name: STEPS[0]!.title }).waitFor();
		for (const q of STEPS[0]!.questions) {
			const optionId = answers[q.id];
			if (optionId)
				await expect(group(page, q.id).getByLabel(labelFor(q.id, optionId), { exact: true }).isChecked()).resolves.toBe(
					true
				);
		}
		await page.context().close();
	});
});

test('too few answers: the page says no group was placed, how many are unanswered, and offers to edit', async () => {
	const few = { ai_code_share: 'over_75', gov_formal_policy: 'dk' };
	const sparse = score(BANK, few);
	expect(sparse.tier).toBeNull();
	if (!isCurrent(sparse)) throw new Error('the current bank is scored by model 3.0');
	const page = await newPage(browser);
	await page.goto(`${baseURL()}/results/${encodeAnswerCode(BANK, few)}`);
	await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(
		'Not enough answers to place you in a group'
	);
	await page.getByText(`${sparse.unanswered.length} questions are unanswered`).first().waitFor();
	await expect(page.getByRole('row', { name: /You are here/ }).count()).resolves.toBe(0);
	await page.getByRole('link', { name: 'Edit answers' }).waitFor();
	await page.context().close();
});

test('printing shows the result and its tables, not the buttons', async () => {
	const page = await newPage(browser, { colorScheme: 'dark' });
	await page.goto(`${baseURL()}/results/${code}`);
	await page.getByRole('button', { name: 'Share' }).waitFor();
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: 'Share' }).isVisible()).resolves.toBe(false);
	await expect(page.getByRole('link', { name: 'Edit answers' }).isVisible()).resolves.toBe(false);
	await expect(page.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(true);
	await expect(page.getByRole('table', { name: /Dimension scores/ }).isVisible()).resolves.toBe(true);
	// Print is always dark ink on white paper, whatever the screen's colour scheme.
	const colours = await page.evaluate(() => {
		const body = getComputedStyle(document.body);
		return { ink: body.color, paper: body.backgroundColor };
	});
	expect(colours).toEqual({ ink: 'rgb(0, 0, 0)', paper: 'rgb(255, 255, 255)' });
	await page.context().close();
});

test('critical gaps come first, each with the answer that caused it', async () => {
	const answers = { ...allAt(BANK, 'best'), risk_ai_iac_review: 'direct_no_review' };
	const result = score(BANK, answers);
	const view = presentResult({ bank: BANK, answers, result });
	const gap = view.gaps.find((g) => g.questionId === 'risk_ai_iac_review')!;
	expect(gap.kind).toBe('critical_gap');
	const page = await newPage(browser);
	await page.goto(`${baseURL()}/results/${encodeAnswerCode(BANK, answers)}`);
	const gaps = page.getByRole('region', { name: RESULT_LABELS.criticalGaps });
	await expect(gaps.innerText()).resolves.toContain(gap.sentence);
	await expect(gaps.innerText()).resolves.toContain(gap.detail);
	// The section comes before the first actions, the plan and the scores.
	const order = await page.locator('h2').allInnerTexts();
	expect(order.indexOf(RESULT_LABELS.criticalGaps)).toBeGreaterThanOrEqual(0);
	for (const later of [RESULT_LABELS.topActions, RESULT_LABELS.plan, RESULT_LABELS.scores])
		expect(order.indexOf(RESULT_LABELS.criticalGaps)).toBeLessThan(order.indexOf(later));
	// One critical gap keeps an otherwise best answer set out of Pioneer, and the page says which group instead.
	expect(result.tier).not.toBe('pioneer');
	await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(view.verdict.headline);
	await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain(TIER_LABELS[result.tier!]);
	await page.context().close();
});

describe('a result of a retired bank', () => {
	test('a 1.0.0 result code from the app before 2.0.0 still opens, labelled, with a retake from its answers', async () => {
		const page = await newPage(browser);
		const errors = collectErrors(page);
		await page.goto(`${baseURL()}/results/${CODE_1_0_0}`);
		await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain(TIER_LABELS.fragmented);
		const retired = page.getByRole('region', { name: 'An earlier version of the questions' });
		await expect(retired.innerText()).resolves.toContain('question bank 1.0.0');
		await page.getByText('Question bank ai_readiness version 1.0.0').waitFor();
		// The old model's "use more AI" lift plan is not offered; the retake is.
		await expect(page.locator('#lift').count()).resolves.toBe(0);
		await retired.getByRole('link', { name: /Retake on the current questions/ }).click();
		await page.waitForURL(/\/assess/);
		await page.getByRole('heading', { level: 2, name: STEPS[0]!.title }).waitFor();
		const carried = decodeAnswerCode(CODE_1_0_0).answers.ai_code_share!;
		await expect(
			group(page, 'ai_code_share').getByLabel(labelFor('ai_code_share', carried), { exact: true }).isChecked()
		).resolves.toBe(true);
		expect(errors).toEqual([]);
		await page.context().close();
	});
});

describe('a bad results link', () => {
	const tampered = code.slice(0, -2) + (code.at(-2) === 'a' ? 'b' : 'a') + code.at(-1);

	test.each([
		['tampered', tampered],
		['truncated', code.slice(0, Math.floor(code.length / 2))],
		['nonsense', 'not-a-code']
	])('%s code → a friendly 400 page that offers to start again', async (_, bad) => {
		const res = await fetch(`${baseURL()}/results/${bad}`);
		expect(res.status).toBe(400);
		const page = await newPage(browser);
		const response = await page.goto(`${baseURL()}/results/${bad}`);
		expect(response?.status()).toBe(400);
		await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('This link does not work');
		let message = '';
		try {
			decodeAnswerCode(bad);
		} catch (e) {
			message = (e as Error).message;
		}
		expect(message).not.toBe('');
		await page.getByText(`${message}.`).waitFor();
		await page.getByRole('link', { name: 'Start the assessment again' }).click();
		await page.waitForURL(/\/assess$/);
		await page.context().close();
	});
});

test('the page is the server’s HTML with islands: its scripts are island files, none of SvelteKit’s client, and each island is hydrated in place, not redrawn', async () => {
	const page = await newPage(browser);
	const scripts: string[] = [];
	page.on('request', (request) => {
		if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
	});
	const islands = page.locator('[data-island]');
	await actBeforeHydration(page, `${baseURL()}/results/${code}`, async () => {
		// Marks what the server rendered in each island: a redraw would replace the element and lose the mark.
		for (const island of await islands.all())
			await island.evaluate((el) => el.firstElementChild?.setAttribute('data-server-rendered', ''));
	});
	await expect(islands.count()).resolves.toBe(5);
	await expect(page.locator('[data-island][data-hydrated] > [data-server-rendered]').count()).resolves.toBe(5);
	expect(scripts).toContainEqual(expect.stringMatching(/^\/_app\/immutable\/island\/results\.[^/]+\.js$/));
	for (const script of scripts) expect(script).toMatch(/^\/_app\/immutable\/island\//);
	// Hydrated: the Share button (it copies the address) works only in the browser.
	await page.getByRole('button', { name: 'Share' }).waitFor();
	await page.context().close();
});

describe('phone width', () => {
	test.each(['/', '/assess', `/results/${code}`])('%s fits 360 px without sideways scrolling', async (path) => {
		const page = await newPage(browser, { viewport: { width: 360, height: 740 } });
		await page.goto(`${baseURL()}${path}`);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		await page.context().close();
	});

	test('the first load fetches neither chart.js nor the scorer; chart.js comes when the reader reaches the chart', async () => {
		// The built files of the radar module (with chart.js) and of the on-demand reports module (bank, scorer, zod),
		// in the result page's island script (src/lib/islands.ts).
		const manifest = JSON.parse(readFileSync(ISLANDS_MANIFEST, 'utf8')) as Record<
			string,
			{ file: string; imports?: string[] }
		>;
		const fileOf = (source: string) => manifest[source]!.file.split('/').pop()!;
		const radar = [
			fileOf('src/lib/components/results/radar.ts'),
			...(manifest['src/lib/components/results/radar.ts']!.imports ?? []).map(fileOf)
		];
		const reports = fileOf('src/lib/results/reports.ts');
		const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
		const fetched: string[] = [];
		page.on('request', (request) => fetched.push(request.url().split('/').pop()!));
		await page.goto(`${baseURL()}/results/${code}`, { waitUntil: 'networkidle' });
		await page.getByRole('button', { name: 'Share' }).waitFor();
		expect(fetched.filter((f) => radar.includes(f) || f === reports)).toEqual([]);
		await radarDrawn(page);
		expect(fetched).toEqual(expect.arrayContaining(radar));
		expect(fetched).not.toContain(reports);
		await page.context().close();
	});
});
