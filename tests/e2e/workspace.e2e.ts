/**
 * Workspaces in Chromium, on a built server whose database the test reads (the test PostgreSQL when
 * TEST_DATABASE_URL is set, else PGlite): nothing of a result is stored until it is saved, and the results page says
 * so before; then a result saved to a new workspace, a plan item set to done with an owner and a due date, a second
 * result saved after changing that answer, the trend, the differences and the done item's review, the Jira CSV and
 * the Markdown checklist downloaded and read back, evidence given for an answer and carried into the CSV, the
 * workspace opened from a fresh browser by its private link (and refused without it), axe on every page.
 */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { answerText } from '$scoring/present/answer-labels';
import { JIRA_CSV_COLUMNS } from '$scoring/export/plan-jira';
import { score } from '$scoring/model';
import { TIER_LABELS } from '$scoring/present/labels';
import { referenceView } from '$scoring/present/result';
import { RESULT_LABELS } from '$scoring/present/result-labels';
import { trackedSteps } from '$scoring/present/workspace';
import { WORKSPACE_LABELS } from '$scoring/present/workspace-labels';
import { elements, pdfStructure, qpdfCheck } from '../lib/report/pdf-structure';
import { pdfText } from '../lib/report/pdf-text';
import { PUBLISHED_SCHEMAS, publishedSchemaValidator } from '../fixtures/oscal/schemas';
import { violations } from './axe';
import { startDatabaseTarget, type DatabaseTarget } from './attack';
import { actBeforeHydration, launchBrowser, newPage } from './browser';
import { saveToNewWorkspace } from './workspace-api';
import { BANK, completeAssessment, group, labelFor, STEPS, uniformAnswers } from './flow';

let browser: Browser;
let target: DatabaseTarget;

const first = uniformAnswers('worst');
const firstResult = score(BANK, first);
/** A step of the first plan whose target answer needs no other practice first: done, it moves exactly that answer. */
const step = trackedSteps(BANK, firstResult).find((s) => {
	const to = s.key.slice(s.questionId.length + 1);
	const option = BANK.questions.find((q) => q.id === s.questionId)?.options.find((o) => o.id === to);
	return option !== undefined && !option.requires && !option.contradicts;
})!;
const to = step.key.slice(step.questionId.length + 1);
const question = BANK.questions.find((q) => q.id === step.questionId)!;
/** A practice question the step does not touch, for evidence. */
const evidenced = BANK.questions.find((q) => q.kind === 'practice' && q.id !== step.questionId)!;

const WORKSPACE_TABLES = ['workspaces', 'milestones', 'milestone_evidence', 'plan_items'];

beforeAll(async () => {
	browser = await launchBrowser();
	target = await startDatabaseTarget();
}, 120_000);
afterAll(async () => {
	await browser?.close();
	await target?.stop();
});

/** Clicks a download link and reads the file it downloads. */
async function download(page: Page, link: Locator): Promise<{ name: string; text: string }> {
	const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
	return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

test('the chosen plan step exists (the flow below depends on it)', () => {
	expect(step).toBeDefined();
	expect(first[step.questionId]).not.toBe(to);
});

test(
	'nothing of a result is stored on the server until it is saved, and the results page says so before',
	{ timeout: 180_000 },
	async () => {
		const before = await target.snapshot();
		for (const table of WORKSPACE_TABLES) expect(before.counts[table], table).toBe(0);
		const page = await newPage(browser);
		await completeAssessment(page, target.url, first);
		// The downloads the result offers store nothing either.
		const code = page.url().split('/results/')[1]!;
		for (const file of ['answers.csv', 'report.pdf'])
			expect((await page.context().request.get(`${target.url}/results/${code}/${file}`)).status()).toBe(200);
		const privacy = page.getByTestId('save-privacy');
		expect(await privacy.innerText()).toContain(
			'Nothing of this result is stored on the server unless you press “Save to workspace”.'
		);
		expect(await privacy.innerText()).toContain('Saving sends this result’s answers to this site’s server');
		// Said before the button that sends them.
		const button = page.getByRole('button', { name: 'Save to workspace' });
		expect(
			await privacy.evaluate(
				(p, b) => Boolean(p.compareDocumentPosition(b as Node) & Node.DOCUMENT_POSITION_FOLLOWING),
				await button.elementHandle()
			)
		).toBe(true);
		await page.context().close();
		expect(await target.snapshot()).toEqual(before);
	}
);

describe('a workspace over two milestones', () => {
	let workspaceUrl: string;
	let privateLink: string;

	test(
		'save a result, set a plan item to done with an owner and a due date, save a second after changing that answer: trend, differences and the done item reviewed',
		{ timeout: 300_000 },
		async () => {
			const page = await newPage(browser, { bypassCSP: true });
			await completeAssessment(page, target.url, first);
			const save = page.getByTestId('save-to-workspace');
			await save.getByLabel('Organisation or team (the workspace’s name)').fill('Acme platform');
			await save.getByLabel('Your name (optional, shown beside this milestone)').fill('Ada');
			await save.getByRole('button', { name: 'Save to workspace' }).click();
			await page.waitForURL(/\/workspaces\/[0-9a-f-]{36}$/);
			workspaceUrl = page.url();
			expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Acme platform');
			expect(await page.getByTestId('latest-group').innerText()).toBe(TIER_LABELS[firstResult.tier!]);
			expect(await page.getByTestId('trend-table').locator('tbody tr').count()).toBe(1);
			expect(await page.getByTestId('plan-item').count()).toBe(trackedSteps(BANK, firstResult).length);
			expect(await violations(page), 'workspace, one milestone').toEqual([]);

			// The plan item: owner, due date, done.
			const item = page.locator(`[data-testid="plan-item"][data-key="${step.key}"]`);
			await item.locator('summary').click();
			await item.getByLabel('Owner').fill('Platform lead');
			await item.getByLabel('Due date').fill('2027-03-31');
			await item.getByLabel('Status').selectOption({ label: 'Done' });
			await item.getByLabel('Notes').fill('Rolled out to every repository');
			await item.getByRole('button', { name: 'Save item' }).click();
			await item.getByRole('status').getByText('Saved.').waitFor();
			expect(await item.getByTestId('item-status').innerText()).toBe('Done');
			expect(await item.getByTestId('item-owner').innerText()).toBe('Platform lead');
			expect(await item.getByTestId('item-due').innerText()).toBe('2027-03-31');
			// It stays so after a reload (stored, not only shown).
			await page.reload();
			expect(
				await page.locator(`[data-testid="plan-item"][data-key="${step.key}"]`).getByTestId('item-status').innerText()
			).toBe('Done');

			// Re-assess from the latest answers: the work done moves that answer to the step's target.
			// The link's own address, opened as a click would: a click right after the reload above can land while the
			// page's router is still starting (the full CI run lost one that way), and this test is about what opens.
			const retake = await page
				.getByRole('link', { name: 'Re-assess, starting from the latest answers' })
				.getAttribute('href');
			expect(retake).toMatch(/^\/assess\?code=/);
			await page.goto(new URL(retake!, page.url()).href);
			for (let i = 0; i < STEPS.length; i++) {
				await page.getByRole('heading', { level: 2, name: STEPS[i]!.title }).waitFor();
				if (STEPS[i]!.questions.some((q) => q.id === step.questionId))
					await group(page, step.questionId).getByLabel(labelFor(step.questionId, to), { exact: true }).check();
				const last = i === STEPS.length - 1;
				await page.getByRole('button', { name: last ? 'See results' : 'Next', exact: true }).click();
			}
			await page.waitForURL(/\/results\//);
			// The workspace this tab last showed is chosen already: the re-assessment goes back to where it started.
			const again = page.getByTestId('save-to-workspace');
			await again.getByRole('radio', { name: 'Acme platform', checked: true }).waitFor();
			expect(await again.getByLabel('Organisation or team (the workspace’s name)').count()).toBe(0);
			await again.getByLabel('Your name (optional, shown beside this milestone)').fill('Grace');
			await again.getByRole('button', { name: 'Save to workspace' }).click();
			await page.waitForURL(workspaceUrl);

			const rows = page.getByTestId('trend-table').locator('tbody tr');
			expect(await rows.count()).toBe(2);
			expect(await rows.nth(1).innerText()).toContain(BANK.version);
			expect(await page.locator('canvas[data-chart="trend"]').count()).toBe(1);
			const changed = await page.getByTestId('changed-answers').innerText();
			expect(changed).toContain(question.text);
			expect(changed).toContain(`${answerText(question, first[step.questionId])} → ${answerText(question, to)}`);
			expect(await page.getByTestId('done-summary').innerText()).toBe('1 done item changed its answer; 0 did not.');
			const review = await page.getByTestId('done-review').innerText();
			expect(review).toContain(step.title);
			expect(review).toContain('Platform lead');
			expect(review).toContain(
				`Done, and the answer moved: “${answerText(question, first[step.questionId])}” → “${answerText(question, to)}”.`
			);
			expect(await page.getByTestId('milestones').locator('tbody tr').first().innerText()).toContain('Grace');
			expect(await violations(page), 'workspace, two milestones').toEqual([]);

			// The plan for Jira: the documented columns, the done item with its status, resolution, due date and owner.
			const jira = await download(page, page.getByRole('link', { name: 'Download for Jira (CSV)' }));
			expect(jira.name).toMatch(/^ai-readiness-plan-\d{4}-\d{2}-\d{2}\.csv$/);
			expect(jira.text.charCodeAt(0)).not.toBe(0xfeff);
			const table = Papa.parse<string[]>(jira.text, { skipEmptyLines: true }).data;
			expect(table[0]).toEqual([...JIRA_CSV_COLUMNS]);
			const done = table.find((r) => r[0] === step.title)!;
			const cell = (name: string) => done[JIRA_CSV_COLUMNS.indexOf(name as (typeof JIRA_CSV_COLUMNS)[number])];
			expect([cell('Status'), cell('Resolution'), cell('Due date')]).toEqual(['Done', 'Done', '2027-03-31']);
			expect(cell('Description')).toContain('Owner: Platform lead');
			expect(cell('Description')).toContain('Notes: Rolled out to every repository');
			expect(table.length - 1).toBe(await page.getByTestId('plan-item').count());

			// The same plan as a Markdown checklist.
			const checklist = await download(page, page.getByRole('link', { name: 'Download as a Markdown checklist' }));
			expect(checklist.name).toMatch(/\.md$/);
			expect(checklist.text).toContain('# Plan: Acme platform');
			expect(checklist.text).toContain(`- [x] **${step.title}** — done · owner: Platform lead · due 2027-03-31`);
			expect(checklist.text.match(/^- \[ \] /gm)?.length).toBe(table.length - 2);
			// Framework codes carry their framework, as on the result page ("A.5.1" alone is ISO 27001's or 42001's).
			const labels = step.references.map((id) => referenceView(id)!.label);
			expect(labels.length).toBeGreaterThan(0);
			for (const label of labels) expect(checklist.text).toContain(`[${label}](<`);
			const doneItem = page.getByTestId('plan-item').filter({ hasText: step.title });
			await expect(doneItem.locator('.refs a').allInnerTexts()).resolves.toEqual(labels);

			// The same plan as an OSCAL POA&M (schema-valid): the done item closed, with its owner and due date.
			const poam = await download(page, page.getByRole('link', { name: 'Download as OSCAL POA&M (JSON)' }));
			expect(poam.name).toMatch(/-oscal-poam\.json$/);
			const poamDocument = JSON.parse(poam.text);
			const validPoam = publishedSchemaValidator(PUBLISHED_SCHEMAS.poam);
			expect(validPoam(poamDocument), JSON.stringify(validPoam.errors)).toBe(true);
			const plan = poamDocument['plan-of-action-and-milestones'];
			expect(plan.metadata.parties[0].name).toBe('Acme platform');
			expect(plan['poam-items']).toHaveLength(table.length - 1);
			const doneIndex = plan['poam-items'].findIndex((i: { title: string }) => i.title === step.title);
			const propsOf = (item: { props: { name: string; value: string }[] }) =>
				Object.fromEntries(item.props.filter((p) => p.name !== 'flag').map((p) => [p.name, p.value]));
			expect(propsOf(plan['poam-items'][doneIndex])).toMatchObject({
				status: 'done',
				owner: 'Platform lead',
				'due-date': '2027-03-31'
			});
			expect(plan.risks[doneIndex]).toMatchObject({ status: 'closed', deadline: '2027-03-31T23:59:59Z' });

			// Evidence for one answer of the latest milestone, kept and carried into its CSV.
			await page.getByRole('link', { name: 'Milestone 2: the answers and their evidence' }).click();
			await page.waitForURL(`${workspaceUrl}/milestones/2`);
			const before = await page.getByTestId('milestone-evidence').innerText();
			expect(before).toMatch(/^0 of \d+ practice answers are backed by evidence; \d+ are asserted\.$/);
			const answer = page.locator(`[data-testid="answer"][data-question="${evidenced.id}"]`);
			await answer.locator('summary').click();
			await answer.getByLabel('Links (one web address per line)').fill('ftp://files.example.org/policy.pdf');
			await answer.getByRole('button', { name: 'Save evidence' }).click();
			expect(await answer.getByRole('alert').innerText()).toContain(
				'Link 1 starts with “ftp:”: only web addresses (https:// or http://) are kept'
			);
			await answer.getByLabel('Note').fill('Approved by the CTO in March');
			await answer
				.getByLabel('Links (one web address per line)')
				.fill('https://wiki.example.org/ai-policy\nhttps://tickets.example.org/SEC-42');
			await answer.getByRole('button', { name: 'Save evidence' }).click();
			await answer.getByRole('status').getByText('Evidence saved.').waitFor();
			// The form closes once saved; focus is on what opens it again, not at the top of the page.
			await expect
				.poll(() => page.evaluate(() => `${document.activeElement?.tagName}: ${document.activeElement?.textContent}`))
				.toMatch(/^SUMMARY: Edit evidence/);
			expect(await answer.getByTestId('evidence-note').innerText()).toBe('Approved by the CTO in March');
			expect(await answer.getByTestId('evidence-links').getByRole('link').allInnerTexts()).toEqual([
				'https://wiki.example.org/ai-policy',
				'https://tickets.example.org/SEC-42'
			]);
			const counts = /^0 of (\d+)/.exec(before)![1]!;
			expect(await page.getByTestId('milestone-evidence').innerText()).toBe(
				`1 of ${counts} practice answers is backed by evidence; ${Number(counts) - 1} are asserted.`
			);
			expect(await violations(page), 'milestone page').toEqual([]);
			const csv = await download(page, page.getByRole('link', { name: 'Download CSV (answers with evidence)' }));
			const rowsOut = Papa.parse<Record<string, string>>(csv.text.replace(/^\uFEFF/, ''), {
				header: true,
				skipEmptyLines: true
			}).data;
			expect(rowsOut.find((r) => r.question_id === evidenced.id)).toMatchObject({
				evidence_note: 'Approved by the CTO in March',
				evidence_links: 'https://wiki.example.org/ai-policy https://tickets.example.org/SEC-42'
			});

			// And its OSCAL Assessment Results (schema-valid): the evidenced answer's note and links, the others asserted.
			const ar = await download(
				page,
				page.getByRole('link', { name: 'Download OSCAL Assessment Results (JSON, with evidence)' })
			);
			const arDocument = JSON.parse(ar.text);
			const validAr = publishedSchemaValidator(PUBLISHED_SCHEMAS.assessmentResults);
			expect(validAr(arDocument), JSON.stringify(validAr.errors)).toBe(true);
			const observations = arDocument['assessment-results'].results[0].observations as {
				props: { name: string; value: string }[];
				remarks?: string;
				'relevant-evidence'?: { href?: string }[];
			}[];
			const observed = (questionId: string) =>
				observations.find((o) => o.props.some((p) => p.name === 'question-id' && p.value === questionId))!;
			expect(observed(evidenced.id).remarks).toBe('Approved by the CTO in March');
			expect(observed(evidenced.id)['relevant-evidence']!.map((e) => e.href)).toEqual([
				'https://wiki.example.org/ai-policy',
				'https://tickets.example.org/SEC-42'
			]);
			expect(
				observations.filter((o) => o.props.some((p) => p.name === 'evidence' && p.value === 'backed'))
			).toHaveLength(1);

			// The milestone's report carries the evidence too, read back with pdf.js.
			const pdf = await page
				.context()
				.request.get(`${workspaceUrl}/milestones/2/report.pdf`)
				.then((r) => r.body());
			const { text } = await pdfText(new Uint8Array(pdf));
			expect(text).toContain('Evidence per answer');
			expect(text).toContain(`1 of ${counts} practice answers is backed by evidence`);
			expect(text).toContain('Approved by the CTO in March');
			expect(text).toContain('https://tickets.example.org/SEC-42');
			expect(text).toContain('Acme platform');
			// What changed since milestone 1, as the workspace page says it: the step done moved its answer.
			expect(text).toContain(`Since the last milestone (1, `);
			expect(text).toContain(RESULT_LABELS.sinceAnswers);
			const changedInPdf = text.slice(text.indexOf(RESULT_LABELS.sinceAnswers));
			expect(changedInPdf).toContain(
				`${question.text} ${labelFor(step.questionId, first[step.questionId]!)} ${labelFor(step.questionId, to)}`
			);
			// Tagged as the result's report is: the evidence a section with its table and links (structure read with pdf.js).
			const structure = await pdfStructure(new Uint8Array(pdf));
			expect(structure.marked).toBe(true);
			expect(elements(structure, 'H2').map((h) => h.text)).toContain('Evidence per answer');
			expect(elements(structure, 'TH').map((h) => h.text)).toContain('Evidence');
			expect(elements(structure, 'Link').map((l) => l.text)).toContain('https://tickets.example.org/SEC-42');
			expect(structure.unmarked.flat()).toEqual([]);
			expect(qpdfCheck(new Uint8Array(pdf)).status).toBe(0);

			await page.goto(workspaceUrl);
			privateLink = await page.getByTestId('private-link').inputValue();
			await page.context().close();
		}
	);

	test('a fresh browser opens the workspace by its private link; without the link it is refused', async () => {
		expect(privateLink).toMatch(/\?key=[A-Za-z0-9_-]{43}$/);
		const fresh = await newPage(browser);
		await fresh.goto(privateLink);
		// The key leaves the address bar; the browser keeps it in an HttpOnly cookie.
		await fresh.waitForURL(workspaceUrl);
		expect(await fresh.getByRole('heading', { level: 1 }).innerText()).toBe('Acme platform');
		expect(await fresh.getByTestId('trend-table').locator('tbody tr').count()).toBe(2);
		const [cookie] = await fresh.context().cookies(target.url);
		expect(cookie).toMatchObject({ name: 'workspace', httpOnly: true, sameSite: 'Lax' });
		// The address bar no longer holds the key: the page says to share the private link, and links to it.
		await fresh.getByRole('link', { name: WORKSPACE_LABELS.shareHint }).click();
		await expect(fresh.getByTestId('private-link').inputValue()).resolves.toBe(privateLink);
		await fresh.goto(`${target.url}/workspaces`);
		const listed = await fresh.getByTestId('browser-workspaces').innerText();
		expect(listed).toContain('Acme platform');
		// It counts the workspace's milestones (it said "0 milestones" for every workspace held by private link).
		expect(listed).toContain(WORKSPACE_LABELS.milestoneCount(2));
		await fresh.context().close();

		const stranger = await newPage(browser);
		const refused = await stranger.goto(workspaceUrl);
		expect(refused!.status()).toBe(403);
		expect(await stranger.getByText('This browser cannot open this workspace').count()).toBe(1);
		const wrongKey = await stranger.goto(`${workspaceUrl}?key=${'A'.repeat(43)}`);
		expect(wrongKey!.status()).toBe(403);
		expect(await stranger.context().cookies(target.url)).toEqual([]);
		await stranger.context().close();
	});
});

test('a plan item’s owner and status set before the page’s script ran are kept, and saved', async () => {
	const workspace = await saveToNewWorkspace(target.url, first, 'Slow link');
	const page = await newPage(browser);
	await page.goto(workspace.privateLink);
	await page.waitForURL(`${target.url}${workspace.path}`);
	const form = page.locator('form[action="?/item"]').first();
	await actBeforeHydration(page, `${target.url}${workspace.path}`, async () => {
		await form.evaluate((f) => f.closest('details')!.setAttribute('open', ''));
		await form.getByLabel('Owner').fill('Platform lead');
		await form.locator('select[name=status]').selectOption('done');
	});
	expect(await form.getByLabel('Owner').inputValue()).toBe('Platform lead');
	expect(await form.locator('select[name=status]').inputValue()).toBe('done');
	await form.getByRole('button', { name: 'Save item' }).click();
	await page.getByRole('status').filter({ hasText: 'Saved.' }).first().waitFor();
	await page.reload();
	expect(await page.locator('form[action="?/item"]').first().locator('select[name=status]').inputValue()).toBe('done');
	await page.context().close();
});

test('two people save the same plan item from pages opened together: the second is told, keeps what they typed, and overwrites nothing', async () => {
	const workspace = await saveToNewWorkspace(target.url, first, 'Two editors');
	const open = async () => {
		const page = await newPage(browser);
		await page.goto(workspace.privateLink);
		await page.waitForURL(`${target.url}${workspace.path}`);
		const item = page.getByTestId('plan-item').first();
		await item.locator('summary').click();
		return { page, item };
	};
	const priya = await open();
	const sam = await open();
	await priya.item.getByLabel('Owner').fill('Priya');
	await priya.item.getByLabel('Status').selectOption({ label: 'Doing' });
	await priya.item.getByRole('button', { name: 'Save item' }).focus();
	await priya.page.keyboard.press('Enter');
	await priya.item.getByRole('status').getByText('Saved.').waitFor();
	// Focus stays on the button pressed (SvelteKit would move it to the top of the page).
	await expect
		.poll(() => priya.page.evaluate(() => document.activeElement?.textContent?.trim() ?? null))
		.toBe('Save item');
	// Her own second save goes through: the form now carries the version it just saved.
	await priya.item.getByLabel('Owner').fill('Priya K.');
	await priya.item.getByRole('button', { name: 'Save item' }).click();
	await expect.poll(() => priya.item.getByTestId('item-owner').innerText()).toBe('Priya K.');
	expect(await priya.item.getByRole('alert').count()).toBe(0);

	await sam.item.getByLabel('Owner').fill('Sam');
	await sam.item.getByLabel('Status').selectOption({ label: 'Won’t do' });
	await sam.item.getByRole('button', { name: 'Save item' }).click();
	const alert = sam.item.getByRole('alert');
	await alert.waitFor();
	expect(await alert.innerText()).toMatch(
		/^Someone saved this item at \d\d:\d\d UTC, after this page was opened, so your change was not saved/
	);
	expect(await sam.item.getByLabel('Owner').inputValue()).toBe('Sam');
	expect(await sam.item.getByTestId('item-owner').innerText()).not.toBe('Sam');
	// Stored is Priya's save; Sam, reloaded, sees it and can save over it.
	await sam.page.reload();
	const reloaded = sam.page.getByTestId('plan-item').first();
	expect(await reloaded.getByTestId('item-owner').innerText()).toBe('Priya K.');
	expect(await reloaded.getByTestId('item-status').innerText()).toBe('Doing');
	await reloaded.locator('summary').click();
	await reloaded.getByLabel('Owner').fill('Sam');
	await reloaded.getByRole('button', { name: 'Save item' }).click();
	await reloaded.getByRole('status').getByText('Saved.').waitFor();
	expect(await reloaded.getByTestId('item-owner').innerText()).toBe('Sam');
	// Past its due date and still open: flagged, and counted above the plan; done: dated, no longer overdue.
	await reloaded.getByLabel('Due date').fill('2026-01-15');
	await reloaded.getByLabel('Status').selectOption({ label: 'Doing' });
	await reloaded.getByRole('button', { name: 'Save item' }).click();
	await expect.poll(() => reloaded.getByTestId('item-overdue').innerText()).toBe('Overdue: due 2026-01-15.');
	expect(await sam.page.getByTestId('plan-counts').innerText()).toMatch(/; 1 overdue\.$/);
	await reloaded.getByLabel('Status').selectOption({ label: 'Done' });
	await reloaded.getByRole('button', { name: 'Save item' }).click();
	await expect
		.poll(() => reloaded.getByTestId('item-done-on').innerText())
		.toBe(`Done on ${new Date().toISOString().slice(0, 10)}.`);
	expect(await reloaded.getByTestId('item-overdue').count()).toBe(0);
	expect(await sam.page.getByTestId('plan-counts').innerText()).not.toMatch(/overdue/);
	await priya.page.context().close();
	await sam.page.context().close();
});

test('replacing the private link: the old link and the browsers holding it are refused, the new link opens it', async () => {
	const workspace = await saveToNewWorkspace(target.url, first, 'Leaked link');
	const open = async (link: string) => {
		const page = await newPage(browser);
		const response = await page.goto(link);
		return { page, status: response!.status() };
	};
	const owner = await open(workspace.privateLink);
	const colleague = await open(workspace.privateLink);
	await owner.page.waitForURL(`${target.url}${workspace.path}`);
	const share = owner.page.getByRole('region', { name: WORKSPACE_LABELS.share });
	await share.getByText(WORKSPACE_LABELS.replaceLink).click();
	await share.getByRole('button', { name: WORKSPACE_LABELS.replaceLinkButton }).click();
	await share.getByRole('status').getByText(WORKSPACE_LABELS.linkReplaced).waitFor();
	const replaced = await share.getByTestId('private-link').inputValue();
	expect(replaced).not.toBe(workspace.privateLink);
	expect(replaced).toMatch(new RegExp(`^${target.url}${workspace.path}\\?key=[A-Za-z0-9_-]{43}$`));
	// The owner's browser holds the new link; the colleague's, holding the old one, is refused, as is the old link.
	expect((await owner.page.reload())!.status()).toBe(200);
	expect((await colleague.page.reload())!.status()).toBe(403);
	const stranger = await open(workspace.privateLink);
	expect(stranger.status).toBe(403);
	const invited = await open(replaced);
	expect(invited.status).toBe(200);
	await invited.page.waitForURL(`${target.url}${workspace.path}`);
	for (const p of [owner, colleague, stranger, invited]) await p.page.context().close();
});

test('a workspace is deleted from its page once its name is typed, and its private link then opens nothing', async () => {
	const workspace = await saveToNewWorkspace(target.url, first, 'To be deleted');
	const page = await newPage(browser);
	await page.goto(workspace.privateLink);
	await page.waitForURL(`${target.url}${workspace.path}`);
	const section = page.getByRole('region', { name: WORKSPACE_LABELS.deleteHeading });
	await section.getByLabel(WORKSPACE_LABELS.deleteConfirm, { exact: false }).fill('to be deleted');
	await section.getByRole('button', { name: WORKSPACE_LABELS.deleteButton }).click();
	await expect(section.getByRole('alert').innerText()).resolves.toBe(
		'To delete this workspace, type its name exactly as shown. Nothing was deleted.'
	);
	await section.getByLabel(WORKSPACE_LABELS.deleteConfirm, { exact: false }).fill('To be deleted');
	await section.getByRole('button', { name: WORKSPACE_LABELS.deleteButton }).click();
	await page.waitForURL(`${target.url}/workspaces?deleted=1`);
	await expect(page.getByRole('status').innerText()).resolves.toBe(WORKSPACE_LABELS.deleted);
	await expect(page.getByText('To be deleted').count()).resolves.toBe(0);
	// The browser forgot its link; the link itself opens nothing now.
	expect((await page.context().cookies(target.url)).find((c) => c.name === 'workspace')?.value ?? '').not.toContain(
		workspace.id
	);
	expect((await page.goto(workspace.privateLink))!.status()).toBe(404);
	await page.context().close();
});
