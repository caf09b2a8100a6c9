import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { actBeforeHydration, launchBrowser, newPage } from './browser';
import {
	answerStep,
	BANK,
	collectErrors,
	completeAssessment,
	dimensionTable,
	expectReview,
	group,
	labelFor,
	needsReview,
	reviewFor,
	STEPS,
	uniformAnswers,
	variedAnswers
} from './flow';
import { decodeAnswerCode, encodeAnswerCode } from '$scoring/export/answer-code';
import { points } from '$scoring/present/format';
import { score } from '$scoring/model';
import { withoutSkipped } from '$scoring/answers';
import { countQuestions } from '$lib/assess/progress';
import { TIER_LABELS } from '$scoring/present/labels';
import { presentResult } from '$scoring/present/result';
import { RESULT_LABELS } from '$scoring/present/result-labels';
import type { Answers } from '$scoring/schema';

let browser: Browser;
const baseURL = () => inject('baseURL');

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** Asserts that the current step shows exactly `answers` for its questions (checked radio or none). */
async function expectStepShows(page: Page, stepIndex: number, answers: Answers) {
	for (const q of STEPS[stepIndex]!.questions) {
		const optionId = answers[q.id];
		const checked = group(page, q.id).locator('input[type=radio]:checked');
		if (optionId === undefined) await expect(checked.count()).resolves.toBe(0);
		else
			await expect(
				group(page, q.id).getByLabel(labelFor(q.id, optionId), { exact: true }).isChecked(),
				`${q.id} should show ${optionId}`
			).resolves.toBe(true);
	}
}

async function tierHeading(page: Page): Promise<string> {
	return page.getByRole('heading', { level: 1 }).innerText();
}

describe('keyboard only', () => {
	test('Tab, Space, arrows and Enter complete the questionnaire and reach the results (first options: no AI in use, never Exposed)', async () => {
		const page = await newPage(browser);
		const errors = collectErrors(page);
		await page.goto(`${baseURL()}/assess`);
		await page.getByRole('heading', { level: 2, name: STEPS[0]!.title }).waitFor();
		await page.waitForFunction(() => document.querySelector('[role=status]')?.textContent?.includes('Saved'));

		// Space picks each group's first option: the lowest use and practice, every question answered and none
		// contradicting another, so "See results" goes straight to the result.
		const firsts: Answers = Object.fromEntries(STEPS.flatMap((s) => s.questions.map((q) => [q.id, q.options[0]!.id])));
		const total = countQuestions(STEPS, firsts);
		expect(needsReview(firsts)).toBe(false);
		let answered = 0;
		for (let presses = 0; presses < 2000 && !page.url().includes('/results/'); presses++) {
			await page.keyboard.press('Tab');
			const focus = await page.evaluate(() => {
				const el = document.activeElement as HTMLInputElement | HTMLButtonElement | null;
				return { tag: el?.tagName, type: el?.getAttribute('type'), text: el?.textContent?.trim(), value: el?.value };
			});
			if (focus.tag === 'INPUT' && focus.type === 'radio') {
				// Entering an unanswered group focuses its first option, the least mature: Space chooses it.
				await page.keyboard.press('Space');
				answered++;
			} else if (focus.tag === 'BUTTON' && (focus.text === 'Next' || focus.text === 'See results')) {
				await page.keyboard.press('Enter');
				if (focus.text === 'See results') await page.waitForURL(/\/results\//);
				else await page.waitForFunction(() => document.activeElement?.tagName === 'H2');
			}
		}
		expect(answered).toBe(total);
		await page.getByRole('heading', { level: 1 }).waitFor();
		const expected = score(BANK, withoutSkipped(BANK, firsts));
		expect([expected.tier, expected.inUse]).toEqual(['fragmented', false]);
		expect(await tierHeading(page)).toContain(TIER_LABELS.fragmented);
		expect(errors).toEqual([]);
		await page.context().close();
	});

	test('arrow keys move the choice inside a question', async () => {
		const page = await newPage(browser);
		await page.goto(`${baseURL()}/assess`);
		const first = STEPS[0]!.questions[0]!;
		const firstRadio = group(page, first.id).locator('input[type=radio]').first();
		await firstRadio.focus();
		await page.keyboard.press('Space');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		await expect(group(page, first.id).getByLabel(first.options[2]!.label, { exact: true }).isChecked()).resolves.toBe(
			true
		);
		await page.context().close();
	});
});

describe('the page script (the questionnaire alone, without SvelteKit’s client)', () => {
	test('its scripts are the questionnaire’s island, not SvelteKit’s client; an option picked before it arrives is kept, and the page the server sent is hydrated, not redrawn', async () => {
		const page = await newPage(browser);
		const scripts: string[] = [];
		page.on('request', (request) => {
			if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
		});
		const first = STEPS[0]!.questions[0]!;
		const option = first.options[1]!;
		await actBeforeHydration(page, `${baseURL()}/assess`, async () => {
			await group(page, first.id).getByLabel(option.label, { exact: true }).check();
			// Marks the server-rendered form: a redraw would replace the element and lose the mark.
			await page.locator('form').evaluate((form) => form.setAttribute('data-server-rendered', ''));
		});
		// Island files only (src/lib/islands.ts): none of SvelteKit's client.
		expect(scripts).toContainEqual(expect.stringMatching(/^\/_app\/immutable\/island\/questionnaire\.[^/]+\.js$/));
		for (const script of scripts) expect(script).toMatch(/^\/_app\/immutable\/island\//);
		await expect(page.locator('form[data-server-rendered]').count()).resolves.toBe(1);
		await expect(group(page, first.id).getByLabel(option.label, { exact: true }).isChecked()).resolves.toBe(true);
		// Hydrated: "Start over" became a button, and the early answer was saved.
		await page.getByRole('button', { name: 'Start over' }).waitFor();
		await expect(page.getByRole('status').first().innerText()).resolves.toContain('Saved in this browser');
		await page.context().close();
	});

	test('the browser’s Back and Forward move between steps, and the title follows', async () => {
		const page = await newPage(browser);
		await page.goto(`${baseURL()}/assess`);
		await page.getByRole('button', { name: 'Start over' }).waitFor();
		await page.getByRole('button', { name: 'Next', exact: true }).click();
		await page.getByRole('heading', { level: 2, name: STEPS[1]!.title }).waitFor();
		expect(new URL(page.url()).searchParams.get('step')).toBe('2');
		await page.goBack();
		await page.getByRole('heading', { level: 2, name: STEPS[0]!.title }).waitFor();
		await expect(page.title()).resolves.toMatch(new RegExp(`^Step 1 of ${STEPS.length}: `));
		expect(new URL(page.url()).searchParams.has('step')).toBe(false);
		await page.goForward();
		await page.getByRole('heading', { level: 2, name: STEPS[1]!.title }).waitFor();
		await expect(page.title()).resolves.toMatch(new RegExp(`^Step 2 of ${STEPS.length}: `));
		await page.context().close();
	});
});

describe('autosave', () => {
	test('a reload mid-way restores every answer and the step', async () => {
		const page = await newPage(browser);
		const answers = variedAnswers();
		await page.goto(`${baseURL()}/assess`);
		await answerStep(page, 0, answers);
		await page.getByRole('button', { name: 'Next', exact: true }).click();
		await answerStep(page, 1, answers);
		await expect(page.getByRole('status').first().innerText()).resolves.toContain('Saved in this browser');

		await page.reload();
		await page.getByRole('heading', { level: 2, name: STEPS[1]!.title }).waitFor();
		await page.waitForFunction(() => document.querySelector('[role=status]')?.textContent?.includes('restored'));
		await expectStepShows(page, 1, answers);
		await page.getByRole('button', { name: 'Back', exact: true }).click();
		await page.getByRole('heading', { level: 2, name: STEPS[0]!.title }).waitFor();
		await expectStepShows(page, 0, answers);
		await page.context().close();
	});

	test('closing the browser context and reopening it restores the answers', async () => {
		const answers = variedAnswers();
		const first = await browser.newContext();
		const page = await first.newPage();
		await page.goto(`${baseURL()}/assess`);
		await answerStep(page, 0, answers);
		await page.getByRole('button', { name: 'Next', exact: true }).click();
		await answerStep(page, 1, answers);
		await page.waitForFunction(() => document.querySelector('[role=status]')?.textContent?.includes('Saved'));
		const state = await first.storageState();
		await first.close();

		const second = await browser.newContext({ storageState: state });
		const again = await second.newPage();
		await again.goto(`${baseURL()}/assess`);
		// Resumes on the step the respondent was on.
		await again.getByRole('heading', { level: 2, name: STEPS[1]!.title }).waitFor();
		await expectStepShows(again, 1, answers);
		await again.getByRole('button', { name: 'Back', exact: true }).click();
		await expectStepShows(again, 0, answers);
		const count = STEPS.slice(0, 2).reduce((n, s) => n + s.questions.filter((q) => q.id in answers).length, 0);
		const total = countQuestions(STEPS, answers);
		await again.getByText(`${count} of ${total} questions answered`).waitFor();
		await second.close();
	});

	test('a link’s answers replace a half-finished assessment, which one press brings back; the same answers again say nothing', async () => {
		const page = await newPage(browser);
		const draft = variedAnswers();
		await page.goto(`${baseURL()}/assess`);
		await answerStep(page, 0, draft);
		await page.getByRole('button', { name: 'Next', exact: true }).click();
		await page.getByRole('heading', { level: 2, name: STEPS[1]!.title }).waitFor();
		await page.waitForFunction(() => document.querySelector('[role=status]')?.textContent?.includes('Saved'));
		const drafted = STEPS[0]!.questions.filter((q) => q.id in draft).length;

		// A workspace's "Re-assess from these answers" link, to other answers.
		const other = uniformAnswers('best');
		const link = `${baseURL()}/assess?code=${encodeAnswerCode(BANK, other)}`;
		await page.goto(link);
		const notice = page.getByTestId('replaced-answers');
		await expect(notice.innerText()).resolves.toMatch(
			new RegExp(`^The answers from your link replaced the ${drafted} answers this browser had saved on .+, from`)
		);
		await expectStepShows(page, 0, other);
		await notice.getByRole('button', { name: 'Go back to the answers saved before' }).click();
		await page.getByRole('heading', { level: 2, name: STEPS[1]!.title }).waitFor();
		await expect(notice.count()).resolves.toBe(0);
		await page.getByRole('button', { name: 'Back', exact: true }).click();
		await expectStepShows(page, 0, draft);
		// Kept: a reload restores the draft, not the link's answers.
		await page.reload();
		await page.waitForFunction(() => document.querySelector('[role=status]')?.textContent?.includes('restored'));
		await expectStepShows(page, 0, draft);

		// Opening the same answers the browser already holds replaces nothing, and says nothing.
		await page.goto(link);
		await page.getByRole('heading', { level: 2, name: STEPS[0]!.title }).waitFor();
		await page.waitForFunction(() => document.querySelector('[role=status]')?.textContent?.includes('Saved'));
		await page.goto(link);
		await page.waitForFunction(() => document.querySelector('[role=status]')?.textContent?.includes('Saved'));
		await expect(notice.count()).resolves.toBe(0);
		await page.context().close();
	});

	test('Start over clears every saved answer after a confirmation', async () => {
		const page = await newPage(browser);
		const answers = variedAnswers();
		await page.goto(`${baseURL()}/assess`);
		await answerStep(page, 0, answers);
		await page.getByRole('button', { name: 'Start over' }).click();
		await page.getByRole('button', { name: 'Keep my answers' }).click();
		await expectStepShows(page, 0, answers);
		await page.getByRole('button', { name: 'Start over' }).click();
		await page.getByRole('button', { name: 'Clear answers and start over' }).click();
		await expectStepShows(page, 0, {});
		await page.reload();
		await page.getByRole('heading', { level: 2, name: STEPS[0]!.title }).waitFor();
		await page.waitForFunction(() => document.querySelector('[role=status]')?.textContent?.includes('Saved'));
		await expectStepShows(page, 0, {});
		await page.context().close();
	});

	test('when storage fails the page warns, and the answers travel in the address instead', async () => {
		const page = await newPage(browser);
		await page.addInitScript(() => {
			Storage.prototype.setItem = function () {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			};
		});
		const answers = variedAnswers();
		await page.goto(`${baseURL()}/assess`);
		const alert = page.getByRole('alert');
		await expect(alert.innerText()).resolves.toContain('cannot be saved in this browser');
		await expect(alert.innerText()).resolves.toContain('storage is full');
		await answerStep(page, 0, answers);
		await page.getByRole('button', { name: 'Next', exact: true }).click();
		await page.waitForURL(/step=2&code=/);
		await page.reload();
		await page.getByRole('button', { name: 'Back', exact: true }).click();
		await page.waitForURL(/step=1&code=/);
		await expectStepShows(page, 0, answers);
		await page.context().close();
	});
});

describe('without JavaScript', () => {
	test('the whole flow works and gives the same tier and scores as with JavaScript', async () => {
		const answers = variedAnswers();
		const expected = score(BANK, answers);
		expect(expected.tier).not.toBeNull();

		const withJs = await newPage(browser);
		await completeAssessment(withJs, baseURL(), answers);
		const jsTier = await tierHeading(withJs);
		const jsScores = await dimensionTable(withJs);
		const jsUrl = withJs.url();
		await withJs.context().close();

		const noJs = await newPage(browser, { javaScriptEnabled: false });
		await noJs.goto(`${baseURL()}/assess`);
		// Back keeps the answers given so far, also without JavaScript.
		await answerStep(noJs, 0, answers);
		await noJs.getByRole('button', { name: 'Next', exact: true }).click();
		await noJs.getByRole('button', { name: 'Back', exact: true }).click();
		await expectStepShows(noJs, 0, answers);
		for (let i = 0; i < STEPS.length; i++) {
			await noJs.getByRole('heading', { level: 2, name: STEPS[i]!.title }).waitFor();
			await answerStep(noJs, i, answers);
			await noJs.getByRole('button', { name: i === STEPS.length - 1 ? 'See results' : 'Next', exact: true }).click();
		}
		// Some questions are unanswered: the server shows the review before the result, then lets the respondent go on.
		expect(needsReview(answers)).toBe(true);
		await noJs.waitForURL(/[?&]review=1/);
		await expectReview(noJs, answers);
		await noJs.getByRole('button', { name: 'See results anyway', exact: true }).click();
		await noJs.waitForURL(/\/results\//);
		expect(await tierHeading(noJs)).toBe(jsTier);
		expect(await dimensionTable(noJs)).toEqual(jsScores);
		expect(noJs.url()).toBe(jsUrl);
		expect(jsTier).toContain(TIER_LABELS[expected.tier!]);
		for (const d of expected.dimensions) {
			const label = BANK.dimensions.find((x) => x.id === d.dimension)!.label;
			expect(jsScores[label]).toBe(points(d.score));
		}
		await noJs.context().close();
	});
});

test('all best answers → Pioneer on the page, with no review before it', async () => {
	const page = await newPage(browser);
	expect(needsReview(uniformAnswers('best'))).toBe(false);
	await completeAssessment(page, baseURL(), uniformAnswers('best'));
	expect(score(BANK, uniformAnswers('best')).tier).toBe('pioneer');
	expect(await tierHeading(page)).toContain(TIER_LABELS.pioneer);
	await page.context().close();
});

describe('before the result', () => {
	/** One question left out, one answer its prerequisite does not allow, and two answers that cannot both be true. */
	function answersToReview(): Answers {
		const answers: Answers = { ...uniformAnswers('best'), gov_formal_policy: 'draft', ai_tool_access: 'nobody' };
		delete answers.plat_sandbox_envs;
		return answers;
	}
	const left = 'plat_sandbox_envs';
	const leftStep = STEPS.findIndex((s) => s.questions.some((q) => q.id === left));
	const leftText = BANK.questions.find((q) => q.id === left)!.text;
	const leftAnswer = BANK.questions.find((q) => q.id === left)!.options.at(-1)!.id;

	test('the answers have one of each kind to review', () => {
		const review = reviewFor(answersToReview());
		expect([review.unanswered.length, review.breaks.length, review.contradictions.length]).toEqual([1, 1, 1]);
		expect(review.unanswered[0]!.questionId).toBe(left);
	});

	/** Answers every step from the current one on, pressing Next, then See results on the last. */
	async function answerFrom(page: Page, from: number, answers: Answers) {
		for (let i = from; i < STEPS.length; i++) {
			await page.getByRole('heading', { level: 2, name: STEPS[i]!.title }).waitFor();
			await answerStep(page, i, answers);
			await page.getByRole('button', { name: i === STEPS.length - 1 ? 'See results' : 'Next', exact: true }).click();
		}
	}

	test.each([
		['with JavaScript', true],
		['without JavaScript', false]
	])(
		'%s: See results lists what to review; a link goes back to the question; “See results anyway” reaches the result, which says what was wrong',
		async (_, javaScriptEnabled) => {
			const answers = answersToReview();
			const page = await newPage(browser, { javaScriptEnabled });
			const errors = collectErrors(page);
			await page.goto(`${baseURL()}/assess`);
			await answerFrom(page, 0, answers);
			await expectReview(page, answers);
			// The review is on screen, not below the last step's questions (and has focus, with JavaScript).
			const inView = () =>
				page
					.locator('#review-heading')
					.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= innerHeight);
			await expect.poll(inView).toBe(true);
			if (javaScriptEnabled)
				await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('review-heading');

			// Back to the unanswered question: its step, the question in view (and focused, with JavaScript).
			const review = page.getByRole('region', { name: 'Before your result' });
			await review.getByRole('link', { name: leftText, exact: true }).click();
			await page.getByRole('heading', { level: 2, name: STEPS[leftStep]!.title }).waitFor();
			expect(new URL(page.url()).searchParams.get('step')).toBe(String(leftStep + 1));
			if (javaScriptEnabled) await page.waitForFunction((id) => document.activeElement?.id === id, `q-${left}`);
			else expect(new URL(page.url()).hash).toBe(`#q-${left}`);
			await expect(group(page, left).locator('input[type=radio]:checked').count()).resolves.toBe(0);

			// Answered, the review lists only the two answers left to correct; finishing anyway keeps them as given.
			const fixed = { ...answers, [left]: leftAnswer };
			await answerFrom(page, leftStep, fixed);
			await expectReview(page, fixed);
			await page.getByRole('button', { name: 'See results anyway', exact: true }).click();
			await page.waitForURL(/\/results\//);
			expect(decodeAnswerCode(new URL(page.url()).pathname.slice('/results/'.length)).answers).toEqual(fixed);
			const view = presentResult({ bank: BANK, answers: fixed, result: score(BANK, fixed) });
			await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(view.verdict.headline);
			await page.getByText(view.verdict.contradictions!, { exact: true }).waitFor();
			const notRuledOut = page.getByRole('region', { name: RESULT_LABELS.notRuledOut });
			for (const line of view.inconsistencies) await notRuledOut.getByText(line, { exact: true }).waitFor();
			expect(errors).toEqual([]);
			await page.context().close();
		}
	);
});

describe('the questionnaire form action (what a browser without JavaScript posts)', () => {
	async function post(fields: [string, string][]): Promise<Response> {
		return fetch(`${baseURL()}/assess?step=1`, {
			method: 'POST',
			body: new URLSearchParams([['bank', BANK.id], ['version', BANK.version], ...fields]),
			headers: { origin: baseURL(), accept: 'text/html' },
			redirect: 'manual'
		});
	}

	test('Next carries every answer to the next step in an answer code', async () => {
		const answers = { ai_code_share: 'pct_25_50', gov_formal_policy: 'dk' };
		const res = await post([
			['step', '1'],
			['go', 'next'],
			...Object.entries(answers).map(([q, o]) => [`a.${q}`, o] as [string, string])
		]);
		expect(res.status).toBe(303);
		const location = new URL(res.headers.get('location')!, baseURL());
		expect(location.pathname).toBe('/assess');
		expect(location.searchParams.get('step')).toBe('2');
		expect(decodeAnswerCode(location.searchParams.get('code')!).answers).toEqual(answers);
	});

	test('See results with answers to review redirects to the review on the last step, carrying the answers', async () => {
		const answers = variedAnswers();
		expect(reviewFor(answers).unanswered.length).toBeGreaterThan(0);
		const res = await post([
			['step', String(STEPS.length)],
			['go', 'results'],
			...Object.entries(answers).map(([q, o]) => [`a.${q}`, o] as [string, string])
		]);
		expect(res.status).toBe(303);
		const location = new URL(res.headers.get('location')!, baseURL());
		expect(location.pathname).toBe('/assess');
		expect(location.searchParams.get('step')).toBe(String(STEPS.length));
		expect(location.searchParams.get('review')).toBe('1');
		expect(decodeAnswerCode(location.searchParams.get('code')!).answers).toEqual(answers);
	});

	test('See results anyway (reviewed) redirects to the result of exactly the posted answers', async () => {
		const answers = variedAnswers();
		const res = await post([
			['step', String(STEPS.length)],
			['go', 'results'],
			['reviewed', '1'],
			...Object.entries(answers).map(([q, o]) => [`a.${q}`, o] as [string, string])
		]);
		expect(res.status).toBe(303);
		const location = res.headers.get('location')!;
		expect(location).toMatch(/^\/results\//);
		expect(decodeAnswerCode(location.slice('/results/'.length)).answers).toEqual(answers);
	});

	test('See results with nothing to review goes straight to the result', async () => {
		const answers = uniformAnswers('worst');
		expect(needsReview(answers)).toBe(false);
		const res = await post([
			['step', String(STEPS.length)],
			['go', 'results'],
			...Object.entries(answers).map(([q, o]) => [`a.${q}`, o] as [string, string])
		]);
		expect(res.status).toBe(303);
		const location = res.headers.get('location')!;
		expect(location).toMatch(/^\/results\//);
		expect(decodeAnswerCode(location.slice('/results/'.length)).answers).toEqual(answers);
	});

	test.each([
		['an unknown question', [['a.no_such_question', 'over_75']], 'unknown question "no_such_question"'],
		[
			'an unknown option',
			[['a.ai_code_share', 'all_of_it']],
			'"all_of_it" is not an option of question "ai_code_share"'
		],
		[
			'two answers to one question',
			[
				['a.ai_code_share', 'over_75'],
				['a.ai_code_share', 'under_5']
			],
			'more than one answer for question "ai_code_share"'
		]
	] as [string, [string, string][], string][])(
		'%s → 400 with a clear message, no redirect',
		async (_, fields, message) => {
			const res = await post([['step', '1'], ['go', 'next'], ...fields]);
			expect(res.status).toBe(400);
			expect(res.headers.get('location')).toBeNull();
			expect(await res.text()).toContain(message);
		}
	);

	test('an unknown bank version → 400 with a clear message', async () => {
		const res = await fetch(`${baseURL()}/assess`, {
			method: 'POST',
			body: new URLSearchParams([
				['bank', BANK.id],
				['version', '9.9.9'],
				['go', 'next']
			]),
			headers: { origin: baseURL(), accept: 'text/html' },
			redirect: 'manual'
		});
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('no longer available');
	});
});
