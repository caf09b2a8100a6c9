/**
 * Helpers for driving the questionnaire in e2e tests: answer sets over the real bank, and filling the steps
 * through the page the way a person would (clicking option labels).
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { CURRENT_BANK } from '$scoring/content/banks';
import { assessmentSteps, isStepQuestionSkipped } from '$lib/assess/steps';
import { reviewOf, type Review } from '$lib/assess/review';
import type { Answers } from '$scoring/schema';
import type { LensAnswers } from '$scoring/lens/findings';
import type { Lens } from '$scoring/lens/schema';
import { allAt } from '../fixtures/answers';

export const BANK = CURRENT_BANK;
export const STEPS = assessmentSteps(BANK);

/**
 * Every scored and confidence question at its strongest or weakest option (of equally strong options, one that does
 * not contradict the others: the review before the result would otherwise stop the flow); profile questions left
 * out. Use questions are context, so `worst` answers them at their deepest: weakest practice and worst outcomes with
 * AI in use.
 */
export function uniformAnswers(which: 'best' | 'worst'): Answers {
	return allAt(BANK, which);
}

/**
 * A varied answer set: option i mod n for the i-th question, every fifth question "don't know" (profile questions
 * "prefer not to say"), every seventh skipped — so scores, coverage and the reserved counts are all non-trivial,
 * and the review before the result lists the skipped ones. AI agents act in production, so their guards count.
 */
export function variedAnswers(): Answers {
	const answers: Answers = {};
	BANK.questions.forEach((q, i) => {
		if (i % 7 === 6) return;
		if (i % 5 === 4) answers[q.id] = q.kind === 'profile' ? 'na' : 'dk';
		else answers[q.id] = q.options[(i * 3 + 1) % q.options.length]!.id;
	});
	answers.ai_agents = 'prod_scoped';
	return answers;
}

/** The option label shown for an answer (the page's N/A label comes from the steps). */
export function labelFor(questionId: string, optionId: string): string {
	for (const step of STEPS)
		for (const q of step.questions) if (q.id === questionId) return q.options.find((o) => o.id === optionId)!.label;
	throw new Error(`unknown question ${questionId}`);
}

/** The question's radio group on the page (fieldset named by its legend). */
export function group(page: Page, questionId: string) {
	const text = BANK.questions.find((q) => q.id === questionId)!.text;
	return page.getByRole('group', { name: text, exact: false });
}

/** Answers the current step's questions by clicking their labels. */
export async function answerStep(page: Page, stepIndex: number, answers: Answers): Promise<void> {
	for (const q of STEPS[stepIndex]!.questions) {
		const optionId = answers[q.id];
		if (optionId === undefined || isStepQuestionSkipped(q, answers)) continue;
		await group(page, q.id).getByLabel(labelFor(q.id, optionId), { exact: true }).check();
	}
}

/** What the review before the result would list for `answers` (nothing to review: all empty). */
export function reviewFor(answers: Answers): Review {
	return reviewOf(STEPS, answers);
}

/** Whether `answers` stop at the review before the result. */
export function needsReview(answers: Answers): boolean {
	const review = reviewFor(answers);
	return review.unanswered.length + review.breaks.length + review.contradictions.length > 0;
}

/**
 * Asserts that the review before the result is on screen and lists exactly what `answers` leave to review: the
 * count heading of each kind and every question it names.
 */
export async function expectReview(page: Page, answers: Answers): Promise<void> {
	const review = reviewFor(answers);
	const region = page.getByRole('region', { name: 'Before your result' });
	await region.waitFor();
	const headings = await region.getByRole('heading', { level: 3 }).allInnerTexts();
	const expected = [
		[review.unanswered.length, 'question is unanswered', 'questions are unanswered'],
		[review.breaks.length, 'answer needs another practice first', 'answers need another practice first'],
		[review.contradictions.length, 'answer cannot be true beside another', 'answers cannot be true beside another']
	]
		.filter(([n]) => n)
		.map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
	expect(headings, 'the review’s headings').toEqual(expected);
	const links = await region.getByRole('link').allInnerTexts();
	for (const item of [...review.unanswered, ...review.breaks, ...review.contradictions])
		expect(links, 'the review links to each question it names').toContain(item.text);
}

/**
 * Fills every step of the questionnaire on the current page, pressing Next, then `finish` on the last step. When
 * the answers leave something to review, the review must appear and list it; `finish` … anyway then goes on.
 */
export async function answerSteps(page: Page, answers: Answers, finish: string): Promise<void> {
	for (let i = 0; i < STEPS.length; i++) {
		await page.getByRole('heading', { level: 2, name: STEPS[i]!.title }).waitFor();
		await answerStep(page, i, answers);
		const last = i === STEPS.length - 1;
		await page.getByRole('button', { name: last ? finish : 'Next', exact: true }).click();
	}
	if (!needsReview(answers)) return;
	await expectReview(page, answers);
	await page.getByRole('button', { name: `${finish} anyway`, exact: true }).click();
}

/**
 * Fills every step from /assess and presses "See results" (and "See results anyway" after the review, when the
 * answers need one); returns when the results page has loaded.
 */
export async function completeAssessment(page: Page, baseURL: string, answers: Answers): Promise<void> {
	await page.goto(`${baseURL}/assess`);
	await answerSteps(page, answers, 'See results');
	await page.waitForURL(/\/results\//);
	await page.getByRole('heading', { level: 1 }).waitFor();
}

/** The dimension table on a results page as label → score text. */
export async function dimensionTable(page: Page): Promise<Record<string, string>> {
	// The scores are a folded section of the results page: open it (natively, so this works without JavaScript).
	const fold = page.locator('details:has(#scores)');
	if ((await fold.count()) && !(await fold.evaluate((d) => (d as HTMLDetailsElement).open)))
		await page.locator('summary:has(#scores)').click();
	const table = page.getByRole('table', { name: /Dimension scores/ });
	const rows = await table.locator('tbody tr').all();
	const out: Record<string, string> = {};
	for (const row of rows) {
		const label = (await row.locator('th').innerText()).split('\n')[0]!.trim();
		out[label] = (await row.locator('td').first().innerText()).trim();
	}
	return out;
}

/**
 * Collects console errors and uncaught exceptions (a Content-Security-Policy violation is reported as a console
 * error), so a test can assert the page ran cleanly.
 */
export function collectErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(e.message));
	return errors;
}

/** Answers one lens section's questions on the page (by their labels: an option, "Don't know" or the lens's N/A). */
export async function answerLensSection(
	page: Page,
	section: Lens['sections'][number],
	answers: LensAnswers
): Promise<void> {
	for (const q of section.questions) {
		const answer = answers[q.id]!;
		const label =
			answer === 'dk'
				? 'Don’t know'
				: answer === 'na'
					? q.notApplicable!.label
					: q.options.find((o) => o.id === answer)!.label;
		await page.getByRole('group', { name: q.text }).getByLabel(label, { exact: true }).check();
	}
}
