/**
 * Actions that carry over, in Chromium: the facilitator agrees two actions on a revealed question — one open, with an
 * owner and a due date, one done — and starts "New session from this one" from the dashboard. The follow-up, for
 * the same client with a new join code, holds the open action (not the done one) with its owner, due date and the
 * session it came from; the facilitator reviews it at the reveal and marks it done. Its team PDF and CSV carry the
 * action with its owner, due date and status, and set the first session's team result beside the new one. No phone
 * ever receives an action, an owner or a due date.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readCsvTable } from '$scoring/export/csv-table';
import { TEAM_CSV_COLUMNS } from '$scoring/export/team-csv';
import { pdfText } from '../lib/report/pdf-text';
import { launchBrowser, newPage } from './browser';
import { BANK, STEPS, uniformAnswers } from './flow';
import { joinWorkshop, submitAnswers } from './workshop-api';

let browser: Browser;
const base = () => inject('baseURL');
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const first = STEPS[0]!; // the dimension each session votes on first
const OPEN_ACTION = 'Measure the AI-assisted share of merged changes per repository.';
const DONE_ACTION = 'Name an owner for the coding-assistant policy.';
const OWNER = 'Head of platform engineering';
const DUE = '2026-09-30';

/** Three phones join over HTTP; the presenter opens the first vote, they vote, and it is revealed. */
async function voteAndReveal(presenter: Page, code: string): Promise<string[]> {
	const phones = await Promise.all([0, 1, 2].map(() => joinWorkshop(base(), code)));
	await presenter.getByRole('button', { name: 'Open the first vote' }).click();
	await presenter
		.getByTestId('console-heading')
		.filter({ hasText: `Vote: ${first.title}` })
		.waitFor();
	for (const [i, cookie] of phones.entries()) {
		const res = await submitAnswers(base(), code, cookie, uniformAnswers(i ? 'best' : 'worst'), `follow-up-${i}`);
		expect(res.status).toBe(201);
	}
	await expect.poll(() => presenter.getByTestId('console-votes').textContent()).toBe('3 votes of 3 joined');
	await presenter.getByRole('button', { name: 'Reveal the votes' }).click();
	await presenter.getByTestId('agree-form').waitFor();
	return phones;
}

/** What a phone's room state holds, as text (the JSON endpoint and the event stream send the same state). */
async function phoneRoom(code: string, cookie: string): Promise<string> {
	const res = await fetch(`${base()}/w/${code}/room`, { headers: { cookie } });
	expect(res.status).toBe(200);
	return res.text();
}

/** Saves the agree form and waits for "Saved.". */
async function save(presenter: Page) {
	await presenter.getByRole('button', { name: 'Save', exact: true }).click();
	await presenter.getByTestId('agree-form').getByText('Saved.').waitFor();
}

test(
	'an action with an owner and a due date is carried into a follow-up session, reviewed there, and reported beside the first session',
	{ timeout: 240_000 },
	async () => {
		const presenter = await newPage(browser, { viewport: { width: 1280, height: 800 } });
		await presenter.goto(`${base()}/workshops/new`);
		await presenter.getByLabel('Workshop title').fill('Quarterly platform review');
		await presenter.getByLabel('Organisation').fill('Example Ltd');
		await presenter.getByRole('radio', { name: /^Facilitated/ }).check();
		await presenter.getByLabel('Expected number of participants').fill('6');
		await presenter.getByRole('button', { name: 'Create workshop' }).click();
		await presenter.waitForURL(/\/workshops\/[0-9a-f-]{36}$/);
		const firstDashboard = presenter.url();
		const heldOn = new Date().toISOString().slice(0, 10);

		// Session 1: a vote is revealed; two actions are agreed on its first two questions.
		await presenter.goto(`${firstDashboard}/present`);
		const firstCode = (await presenter.getByTestId('join-code').textContent())!.trim();
		const firstPhones = await voteAndReveal(presenter, firstCode);
		await presenter.getByLabel('Agreed action').fill(OPEN_ACTION);
		await presenter.getByLabel('Owner (a role or a name)').fill(OWNER);
		await presenter.getByLabel('Due').fill(DUE);
		expect(await presenter.getByLabel('Status').inputValue()).toBe('open');
		await save(presenter);
		// The console puts the next question on the display; its record form follows once the server says so.
		const shownId = () => presenter.getByTestId('agree-form').locator('input[name="questionId"]').inputValue();
		const firstShown = await shownId();
		await presenter.getByRole('button', { name: 'Next question' }).click();
		await expect.poll(shownId).not.toBe(firstShown);
		const secondShown = await shownId();
		await presenter.getByLabel('Agreed action').fill(DONE_ACTION);
		await presenter.getByLabel('Status').selectOption({ label: 'Done' });
		await save(presenter);
		// Saved, the form keeps what was saved; the phones received none of it.
		expect(await presenter.getByLabel('Agreed action').inputValue()).toBe(DONE_ACTION);
		for (const text of [OPEN_ACTION, DONE_ACTION, OWNER, DUE])
			expect(await phoneRoom(firstCode, firstPhones[0]!)).not.toContain(text);

		// "New session from this one": it says what it carries, then opens the follow-up's dashboard.
		await presenter.goto(firstDashboard);
		const followUp = presenter.getByTestId('follow-up');
		expect(await followUp.locator('..').textContent()).toContain('1 open action is carried, to be reviewed first.');
		await followUp.click();
		await presenter.waitForURL(
			(url) => /\/workshops\/[0-9a-f-]{36}$/.test(url.pathname) && url.href !== firstDashboard
		);
		const secondDashboard = presenter.url();
		expect(await presenter.getByRole('heading', { level: 1 }).textContent()).toBe(
			'Follow-up: Quarterly platform review'
		);
		expect(await presenter.getByText('Example Ltd').count()).toBeGreaterThan(0);
		// The new session's own state at once, without a reload: nobody has joined it and it is open.
		expect((await presenter.getByTestId('counts').textContent())!.replace(/\s+/g, ' ').trim()).toBe(
			'0 joined · 0 submitted'
		);
		expect(await presenter.getByRole('button', { name: 'Reopen workshop' }).count()).toBe(0);
		const secondCode = (await presenter.getByTestId('join-code').textContent())!.trim();
		expect(secondCode).not.toBe(firstCode);
		// The browser still facilitates the first session too.
		expect((await presenter.request.get(`${firstDashboard}/summary`)).status()).toBe(200);

		// Session 2: at the reveal, the carried action is in the form with its owner and due date, and says where it
		// came from. The facilitator reviews it: done.
		await presenter.goto(`${secondDashboard}/present`);
		const secondPhones = await voteAndReveal(presenter, secondCode);
		expect(await presenter.getByLabel('Agreed action').inputValue()).toBe(OPEN_ACTION);
		expect(await presenter.getByLabel('Owner (a role or a name)').inputValue()).toBe(OWNER);
		expect(await presenter.getByLabel('Due').inputValue()).toBe(DUE);
		expect(await presenter.getByTestId('carried-from').textContent()).toBe(
			`Carried from the session of ${heldOn}: review it first.`
		);
		await presenter.getByLabel('Status').selectOption({ label: 'Done' });
		await save(presenter);
		// The done action of session 1 was not carried.
		const carriedShown = await shownId();
		await presenter.getByRole('button', { name: 'Next question' }).click();
		await expect.poll(shownId).not.toBe(carriedShown);
		expect(await presenter.getByLabel('Agreed action').inputValue()).toBe('');
		for (const text of [OPEN_ACTION, OWNER, DUE])
			expect(await phoneRoom(secondCode, secondPhones[0]!)).not.toContain(text);

		// The follow-up's team PDF: the action with its owner, due date and status, and the first session beside.
		const pdf = await presenter.request.get(`${secondDashboard}/team.pdf`);
		expect(pdf.status()).toBe(200);
		const { text } = await pdfText(new Uint8Array(await pdf.body()));
		expect(text).toContain(
			`Agreed action: ${OPEN_ACTION} Owner: ${OWNER} · due ${DUE} · done · carried from the session of ${heldOn}`
		);
		expect(text).toContain(`Beside the last session (“Quarterly platform review”, ${heldOn}, 3 people)`);
		expect(text).toContain('1 action: 0 open, 1 done. 1 was carried from an earlier session and reviewed first.');
		expect(text).not.toContain(DONE_ACTION);

		// …and its team CSV.
		const csv = await presenter.request.get(`${secondDashboard}/team.csv`);
		expect(csv.status()).toBe(200);
		const table = readCsvTable(await csv.text(), { what: 'a team CSV', columns: TEAM_CSV_COLUMNS });
		const rows = table.rows.map((r) => Object.fromEntries(TEAM_CSV_COLUMNS.map((c) => [c, table.get(r, c)])));
		const value = (section: string, metric: string) =>
			rows.filter((r) => r.section === section && r.metric === metric).map((r) => r.value);
		expect(rows.filter((r) => r.section === 'action').every((r) => r.question_id === firstShown)).toBe(true);
		expect(value('action', 'action')).toEqual([OPEN_ACTION]);
		expect(value('action', 'owner')).toEqual([OWNER]);
		expect(value('action', 'due')).toEqual([DUE]);
		expect(value('action', 'status')).toEqual(['done']);
		expect(value('action', 'carried_from')).toEqual([heldOn]);
		expect(value('previous', 'session_title')).toEqual(['Quarterly platform review']);
		expect(value('previous', 'responses')).toEqual(['3']);
		expect(value('previous', 'team_score').length).toBeGreaterThan(0);

		// The first session is unchanged: its action is still open there, and the done action stays with it (the
		// CSV lists actions in the bank's order).
		const firstCsv = await presenter.request.get(`${firstDashboard}/team.csv`);
		const firstRows = readCsvTable(await firstCsv.text(), { what: 'a team CSV', columns: TEAM_CSV_COLUMNS });
		const statuses = firstRows.rows
			.filter((r) => firstRows.get(r, 'section') === 'action' && firstRows.get(r, 'metric') === 'status')
			.map((r) => [firstRows.get(r, 'question_id'), firstRows.get(r, 'value')]);
		const bankOrder = (id: string) => BANK.questions.findIndex((q) => q.id === id);
		expect(statuses).toEqual(
			[
				[firstShown, 'open'],
				[secondShown, 'done']
			].sort((a, b) => bankOrder(a[0]!) - bankOrder(b[0]!))
		);
		await presenter.context().close();
	}
);
