import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { actBeforeHydration, launchBrowser, newPage, radarDrawn } from './browser';
import { answerSteps, BANK, STEPS, uniformAnswers } from './flow';
import { createWorkshop, joinWorkshop, submitAnswers } from './workshop-api';
import { score } from '$scoring/model';
import { TIER_LABELS } from '$scoring/present/labels';
import { typicalAnswers } from '../fixtures/profiles';
import { SURVEY_2026 } from '$scoring/content/survey';
import { surveyShareSentence } from '$scoring/present/result';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

async function joinAndSubmit(code: string, name: string, pick: 'best' | 'worst'): Promise<Page> {
	const page = await newPage(browser);
	const base = inject('baseURL');
	await page.goto(`${base}/join`);
	await page.getByLabel('Join code').fill(code.toLowerCase());
	await page.getByRole('button', { name: 'Join' }).click();
	await page.waitForURL(`${base}/w/${code}`);
	// Before the first answer the participant is told what the facilitator will see.
	expect(await page.getByTestId('what-the-facilitator-sees').textContent()).toMatch(
		/What your facilitator will see.*once at least 3 people have submitted.*never sees your answers on their own/s
	);
	expect(await page.getByTestId('footer-storage').textContent()).toMatch(/stored on this site’s server/);
	await page.getByLabel(/Your name/).fill(name);
	await page.getByRole('button', { name: 'Join workshop' }).click();
	await page.getByRole('heading', { level: 2, name: STEPS[0]!.title }).waitFor();
	await answerSteps(page, uniformAnswers(pick), 'Submit');
	await page.getByText('Your answers are submitted.').waitFor();
	return page;
}

test(
	'a facilitator and three participants: live aggregate from the minimum size, close, CSV',
	{ timeout: 180_000 },
	async () => {
		const base = inject('baseURL');
		const facilitator = await newPage(browser, { acceptDownloads: true });
		await facilitator.goto(`${base}/workshops/new`);
		await facilitator.getByLabel('Workshop title').fill('Platform leadership offsite');
		await facilitator.getByLabel(/Organisation/).fill('Example Corp');
		expect(await facilitator.getByLabel('Minimum group size').inputValue()).toBe('3');
		await facilitator.getByRole('button', { name: 'Create workshop' }).click();
		await facilitator.waitForURL(/\/workshops\/[0-9a-f-]{36}$/);
		const code = (await facilitator.getByTestId('join-code').textContent())!.trim();
		expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
		// Without an account, the private link is the only way back: a word to save it, and the link folded, as this
		// page may be on a projector (a consultant's review found the key readable from the back of the room).
		await facilitator.getByText('Save your private facilitator link now').waitFor();
		expect(await facilitator.getByTestId('facilitator-link').getAttribute('open')).toBeNull();
		expect(await facilitator.getByLabel('Private facilitator link').isVisible()).toBe(false);
		await facilitator.getByText('Your private facilitator link', { exact: true }).click();
		expect(await facilitator.getByLabel('Private facilitator link').inputValue()).toMatch(/\?key=[A-Za-z0-9_-]{43}$/);
		expect(await facilitator.getByRole('img', { name: /QR code/ }).getAttribute('src')).toMatch(
			/^data:image\/svg\+xml/
		);
		await facilitator.getByText('Updating live.').waitFor();

		const counts = facilitator.getByTestId('counts');
		const p1 = await joinAndSubmit(code, 'Ada', 'best');
		const p2 = await joinAndSubmit(code, 'Grace', 'best');
		// Below the minimum: counts update live, and no aggregate is shown.
		await expect.poll(() => counts.textContent(), { timeout: 5_000 }).toMatch(/2\s+joined · 2\s+submitted/);
		expect(await facilitator.getByTestId('no-aggregate').textContent()).toMatch(
			/1 more response needed before the team result is shown/
		);
		expect(await facilitator.getByTestId('team-tier').count()).toBe(0);

		const p3 = await joinAndSubmit(code, 'Linus', 'worst');
		// The aggregate appears without a reload.
		await facilitator.getByTestId('team-tier').waitFor({ timeout: 5_000 });
		expect(await facilitator.getByTestId('team-tier').textContent()).toMatch(/Team tier: Pioneer/);
		expect(await counts.textContent()).toMatch(/3\s+joined · 3\s+submitted/);
		// The radar (chart.js, loaded on demand) beside its table, the team against the survey, the most split questions.
		await radarDrawn(facilitator);
		expect(await facilitator.getByRole('table', { name: /Dimension scores/ }).isVisible()).toBe(true);
		expect(await facilitator.getByText(surveyShareSentence(SURVEY_2026, 'pioneer')).isVisible()).toBe(true);
		// Two best and one worst: every question split 2 to 1, each option named by its label.
		const split = facilitator.getByTestId('most-split');
		expect(await split.getByTestId('question-spread').count()).toBe(5);
		const first = (await split.getByTestId('question-spread').first().textContent())!;
		expect(first).toMatch(/Split: disagreement \d+\s%/);
		expect(first).toMatch(/\b1\s+\S/);
		expect(first).toMatch(/\b2\s+\S/);
		expect(first).not.toMatch(/^\s*1\s*2\s*3\s*4\s*5/);
		// Two Pioneers and one Exposed by their own answers: "1 Exposed" would point at one person, so no group is counted.
		await expect(facilitator.getByTestId('tier-counts-withheld').innerText()).resolves.toBe(
			'Not shown: at least one group holds fewer than 3 people, and a count that small could point to one person.'
		);
		await expect(
			facilitator.getByRole('table', { name: 'Where individual answers place people' }).count()
		).resolves.toBe(0);
		await facilitator.getByText(/Show how the team answered every question/).click();
		expect(await facilitator.getByTestId('question-spread').count()).toBeGreaterThan(30);
		expect(await facilitator.getByTestId('footer-storage').textContent()).toMatch(/stored on this site’s server/);
		// No participant name appears on the dashboard.
		const dashboard = await facilitator.locator('body').textContent();
		for (const name of ['Ada', 'Grace', 'Linus']) expect(dashboard).not.toContain(name);

		// The team CSV: a table of figures and counts, no row per person, no names.
		const [download] = await Promise.all([
			facilitator.waitForEvent('download'),
			facilitator.getByRole('link', { name: 'Download team CSV' }).click()
		]);
		const csv = readFileSync((await download.path())!, 'utf8');
		const lines = csv
			.replace(/^\uFEFF/, '')
			.trim()
			.split(/\r\n/);
		expect(lines[0]).toBe(
			'section,bank_id,bank_version,responses,dimension,question_id,question_text,answer_id,answer_label,metric,metric_label,value'
		);
		expect(lines.find((l) => l.startsWith('team,') && l.includes(',responses,'))).toMatch(/,3$/);
		expect(lines.some((l) => l.startsWith('response,'))).toBe(false);
		for (const name of ['Ada', 'Grace', 'Linus']) expect(csv).not.toContain(name);

		// The facilitator's own browser cannot take part: the join link shows why instead of a join form.
		const own = await facilitator.context().newPage();
		await own.goto(`${base}/w/${code}`);
		expect(await own.getByTestId('facilitator-browser').textContent()).toMatch(/cannot also take part/);
		expect(await own.getByRole('button', { name: 'Join workshop' }).count()).toBe(0);
		await own.close();

		// The team PDF.
		const [pdfDownload] = await Promise.all([
			facilitator.waitForEvent('download'),
			facilitator.getByRole('link', { name: 'Download team PDF' }).click()
		]);
		const pdf = readFileSync((await pdfDownload.path())!);
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(pdfDownload.suggestedFilename()).toMatch(
			/^ai-readiness-workshop-platform-leadership-offsite-\d{4}-\d{2}-\d{2}-team-report\.pdf$/
		);

		// Close, confirmed: the dashboard says so, and a participant's next submission is refused with a clear message.
		await facilitator.getByText('Close workshop', { exact: true }).click();
		await facilitator.getByRole('button', { name: 'Close the workshop now' }).click();
		await expect.poll(() => facilitator.getByTestId('workshop-status').textContent()).toBe('closed');
		await p1.getByRole('radio').first().check();
		await p1.getByRole('button', { name: 'Submit' }).click();
		await p1.getByRole('alert').filter({ hasText: 'This workshop is closed' }).waitFor();
		// After close, participants see their own result and the team result.
		await p2.reload();
		expect(await p2.getByTestId('team-result').textContent()).toMatch(/The team is in Pioneer/);
		expect(await p2.getByRole('button', { name: 'Submit' }).count()).toBe(0);
		await p3.reload();
		expect(await p3.getByRole('heading', { name: 'Your result' }).isVisible()).toBe(true);
		const worst = TIER_LABELS[score(BANK, uniformAnswers('worst')).tier!];
		expect(await p3.getByText(`Your answers place you in ${worst}.`).isVisible()).toBe(true);
		expect(await counts.textContent()).toMatch(/3\s+submitted/);
	}
);

test('a participant’s own result names the group their result link shows (the bank’s own model)', async () => {
	const base = inject('baseURL');
	const answers = typicalAnswers();
	const tier = TIER_LABELS[score(BANK, answers).tier!];
	const { code } = await createWorkshop(base, 'Own result');
	const participant = await joinWorkshop(base, code);
	expect((await submitAnswers(base, code, participant, answers, 'own-result-01')).status).toBe(201);
	const html = await (await fetch(`${base}/w/${code}`, { headers: { cookie: participant } })).text();
	expect(html).toContain(`Your answers place you in ${tier}.`);
	// "See your full result" (the server writes its address relative to the page).
	const link = /href="([^"]*\/results\/[^"]+)"/.exec(html)![1]!;
	const result = await (await fetch(new URL(link, `${base}/w/${code}`))).text();
	expect(result).toMatch(new RegExp(`<h1[^>]*>[^<]* is ${tier}</h1>`));
});

test('what a facilitator typed and ticked before the form’s script ran is what the workshop is created with', async () => {
	const base = inject('baseURL');
	const page = await newPage(browser);
	await actBeforeHydration(page, `${base}/workshops/new`, async () => {
		await page.getByLabel('Workshop title').fill('Typed early');
		await page.getByLabel(/Facilitated/).check();
		await page.getByLabel('Minimum group size').fill('4');
	});
	expect(await page.getByLabel('Workshop title').inputValue()).toBe('Typed early');
	expect(await page.getByLabel(/Facilitated/).isChecked()).toBe(true);
	expect(await page.getByLabel('Minimum group size').inputValue()).toBe('4');
	await page.getByRole('button', { name: 'Create workshop' }).click();
	await page.waitForURL(/\/workshops\/[0-9a-f-]{36}$/);
	await page.getByRole('heading', { level: 1, name: 'Typed early' }).waitFor();
	await page.context().close();
});

test('a wrong code is refused with a clear message', async () => {
	const page = await newPage(browser);
	await page.goto(`${inject('baseURL')}/join`);
	await page.getByLabel('Join code').fill('ZZZZZZ');
	await page.getByRole('button', { name: 'Join' }).click();
	expect(await page.getByRole('alert').textContent()).toBe(
		'No workshop has the code “ZZZZZZ”. Check it with your facilitator.'
	);
	// A mistyped code gets a message about what was typed: the letter O no code has, or how many characters.
	await page.getByLabel('Join code').fill('4kx9om');
	await page.getByRole('button', { name: 'Join' }).click();
	await expect
		.poll(() => page.getByRole('alert').textContent())
		.toMatch(
			/^“4KX9OM” has the letter O, which no join code uses .* Check that character on the facilitator’s screen\.$/
		);
	await page.getByLabel('Join code').fill('4KX9Q');
	await page.getByRole('button', { name: 'Join' }).click();
	await expect
		.poll(() => page.getByRole('alert').textContent())
		.toBe('“4KX9Q” has 5 characters; a join code has 6. Check it on the facilitator’s screen.');
	const res = await page.goto(`${inject('baseURL')}/w/ZZZZZZ`);
	expect(res?.status()).toBe(404);
	// An old QR code or a mistyped address says what is wrong and leads to the join page, not to a solo assessment.
	await page.getByText('No workshop has the code “ZZZZZZ”. Check it with your facilitator.', { exact: true }).waitFor();
	await page.getByRole('link', { name: 'Enter a join code' }).click();
	await page.waitForURL(/\/join$/);
});

test('bad submissions to the JSON endpoint get a clear 4xx and store nothing', async () => {
	const base = inject('baseURL');
	const post = (path: string, body: string, headers: Record<string, string>) =>
		fetch(`${base}${path}`, { method: 'POST', redirect: 'manual', headers: { origin: base, ...headers }, body });
	const { code, dashboard, cookie: facilitator } = await createWorkshop(base, 'Hostile', 2);
	const participant = await joinWorkshop(base, code);
	const json = { 'content-type': 'application/json', cookie: participant };
	const cases: [string, string, Record<string, string>, number][] = [
		['malformed JSON', '{"answers":', json, 400],
		['wrong content type', '{}', { ...json, 'content-type': 'text/plain' }, 415],
		['unknown question', JSON.stringify({ answers: { nope: 'x' }, idempotencyKey: 'key-00001' }), json, 400],
		['proto key', '{"answers":{"__proto__":"x"},"idempotencyKey":"key-00001"}', json, 400],
		['extra key', JSON.stringify({ answers: {}, idempotencyKey: 'key-00001', admin: true }), json, 400],
		[
			'no participant cookie',
			JSON.stringify({ answers: {}, idempotencyKey: 'key-00001' }),
			{ 'content-type': 'application/json' },
			403
		],
		['600 KB body', JSON.stringify({ answers: {}, idempotencyKey: 'key-00001', pad: 'x'.repeat(600_000) }), json, 413]
	];
	for (const [name, body, headers, status] of cases) {
		const res = await post(`/w/${code}/response`, body, headers);
		expect(res.status, name).toBe(status);
		expect((await res.text()).length, name).toBeGreaterThan(5);
	}
	// Cross-site: refused before the endpoint runs.
	const cross = await fetch(`${base}/w/${code}/response`, {
		method: 'POST',
		headers: { ...json, origin: 'https://evil.example' },
		body: JSON.stringify({ answers: {}, idempotencyKey: 'key-00001' })
	});
	expect(cross.status).toBe(403);
	const forged = await fetch(`${base}${dashboard}/summary`, { headers: { cookie: `${facilitator}x` } });
	expect(forged.status).toBe(403);
	const summary = await (await fetch(`${base}${dashboard}/summary`, { headers: { cookie: facilitator } })).json();
	expect(summary).toMatchObject({ joined: 1, submitted: 0 });
});
