/**
 * A consultant's client portfolio and workshop templates, with OpenID Connect sign-in against a real provider (as in
 * oidc.e2e.ts). The consultant already has two workspace milestones (seeded through the repository before the
 * server starts: PGlite admits one process at a time) and runs three client workshops through the app; below five
 * organisations the portfolio shows no figure, at five it does, downloads as a custom benchmark CSV, applies on a
 * result and sits beside a workshop's team result. A template saved from a workshop starts a new one prefilled.
 * Signed out, every page asks for sign-in; another account finds nothing (404); state changes refuse cross-site posts.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CURRENT_BANK } from '$scoring/content/banks';
import { encodeAnswerCode } from '$scoring/export/answer-code';
import { parseCustomBenchmark } from '$scoring/export/custom-benchmark';
import type { Answers } from '$scoring/schema';
import { createDb } from '$lib/server/db';
import { createAccountService } from '$lib/server/auth/accounts';
import { createWorkspaceRepository } from '$lib/server/workspaces/repository';
import { hashToken, newToken } from '$lib/server/workshops/tokens';
import { allAt } from '../fixtures/answers';
import { launchBrowser, newPage } from './browser';
import { signInThrough, newIssuer, startSignInApp, type SignInApp } from './oidc/provider';
import type { RunningServer } from './server';
import { cookieOf, joinWorkshop, postForm, submitAnswers } from './workshop-api';

const best = allAt(CURRENT_BANK, 'best');
const worst = allAt(CURRENT_BANK, 'worst');

let browser: Browser;
let signInApp: SignInApp;
let app: RunningServer;
let issuer: string;
let dataDir: string;

/** Two organisations the consultant already has, as workspace milestones owned by their account. */
async function seedMilestones(): Promise<void> {
	const database = await createDb({ dataDir });
	try {
		const { accountId } = await createAccountService(database).signIn(
			{ issuer, subject: 'consultant', displayName: 'Name consultant' },
			60
		);
		const workspaces = createWorkspaceRepository(database);
		for (const [name, answers] of [
			['Initech', best],
			['Umbrella', worst]
		] as const) {
			const id = randomUUID();
			await workspaces.insertWorkspace({ id, name, tokenHash: hashToken(newToken()) });
			await workspaces.addMember(id, accountId, 'owner');
			await workspaces.insertMilestone({
				id: randomUUID(),
				workspaceId: id,
				seq: 1,
				source: 'result',
				bankId: CURRENT_BANK.id,
				bankVersion: CURRENT_BANK.version,
				answers
			});
		}
	} finally {
		await database.close();
	}
}

beforeAll(async () => {
	browser = await launchBrowser();
	issuer = await newIssuer();
	dataDir = mkdtempSync(join(tmpdir(), 'readiness-portfolio-'));
	await seedMilestones();
	signInApp = await startSignInApp(issuer, { RATE_LIMIT_SCALE: '10' }, { dataDir });
	app = signInApp.app;
}, 120_000);

afterAll(async () => {
	await browser?.close();
	await signInApp?.stop();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Opens `path`, which asks for sign-in, and signs in as `login` at the provider; back on `path` after. */
async function signedIn(login: string, path: string): Promise<Page> {
	const page = await newPage(browser, { acceptDownloads: true });
	await page.goto(`${app.url}${path}`);
	await page.waitForURL(/\/auth\/sign-in\?returnTo=/);
	await signInThrough(
		page.getByRole('button', { name: 'Sign in with your organisation account' }),
		app.url,
		issuer,
		login
	);
	await page.waitForURL(`${app.url}${path}`);
	return page;
}

async function session(page: Page): Promise<string> {
	const cookie = (await page.context().cookies(app.url)).find((c) => c.name === 'session')!;
	return `session=${cookie.value}`;
}

/** A client workshop created by the signed-in consultant, answered by two people; closed unless asked not to. */
async function clientWorkshop(sessionCookie: string, organisation: string, answers: Answers) {
	const created = await postForm(
		app.url,
		'/workshops/new',
		{ title: `${organisation} readiness`, organisation, minGroupSize: '2', expectedGroupSize: '4' },
		sessionCookie
	);
	expect(created.status).toBe(303);
	const dashboard = created.headers.get('location')!;
	const cookie = `${sessionCookie}; ${cookieOf(created)}`;
	const html = await (await fetch(`${app.url}${dashboard}`, { headers: { cookie } })).text();
	const code = /data-testid="join-code"[^>]*>([A-Z0-9]{6})</.exec(html)![1]!;
	for (let i = 0; i < 2; i++) {
		const participant = await joinWorkshop(app.url, code);
		expect((await submitAnswers(app.url, code, participant, answers, `${code}-${i}-portfolio`)).status).toBe(201);
	}
	const closed = await postForm(app.url, `${dashboard}?/close`, { confirm: 'yes' }, cookie);
	expect(closed.status).toBeLessThan(400);
	return { dashboard, id: dashboard.split('/').at(-1)! };
}

test('signed out, the portfolio, its CSV and templates ask for sign-in first', async () => {
	const template = `/workshops/new?template=${randomUUID()}`;
	// Each page comes back to itself after sign-in; the CSV (a download) to the portfolio page.
	for (const [path, back] of [
		['/portfolio', '/portfolio'],
		['/portfolio/benchmark.csv', '/portfolio'],
		['/templates', '/templates'],
		[template, template]
	] as const) {
		const res = await fetch(`${app.url}${path}`, { redirect: 'manual' });
		expect(res.status, path).toBe(303);
		expect(res.headers.get('location'), path).toBe(`/auth/sign-in?returnTo=${encodeURIComponent(back)}`);
	}
});

describe('a consultant with three client workshops and two earlier milestones', () => {
	let consultant: Page;
	let templateId: string;
	let boardDashboard: string;

	test(
		'below five organisations the portfolio shows no figure; at five it is a benchmark for results and workshops',
		{ timeout: 180_000 },
		async () => {
			consultant = await signedIn('consultant', '/portfolio');
			// The two seeded milestones: two organisations, no figure.
			await expect.poll(() => consultant.getByTestId('portfolio-line').textContent()).toContain('2 organisations');
			const cookie = await session(consultant);
			await clientWorkshop(cookie, 'Acme', worst);
			await clientWorkshop(cookie, '  acme ', best); // the same organisation, told apart by name only
			await clientWorkshop(cookie, 'Globex', worst);

			// Four organisations (Initech, Umbrella, Acme, Globex): still nothing but how many more are needed.
			await consultant.reload();
			expect(await consultant.getByTestId('portfolio-line').textContent()).toContain(
				'Your portfolio has 4 organisations. No figure is shown from fewer than 5: 1 more is needed.'
			);
			expect(await consultant.getByTestId('portfolio-groups').count()).toBe(0);
			expect(await consultant.getByTestId('portfolio-csv').count()).toBe(0);
			const early = await fetch(`${app.url}/portfolio/benchmark.csv`, { headers: { cookie } });
			expect(early.status).toBe(409);
			expect(((await early.json()) as { message: string }).message).toMatch(/fewer than 5 organisations/);

			const hooli = await clientWorkshop(cookie, 'Hooli', best);
			await consultant.reload();
			expect(await consultant.getByTestId('portfolio-line').textContent()).toContain(
				'The figures come from 5 organisations of the 5 in your portfolio'
			);
			const groups = consultant.getByTestId('portfolio-groups');
			await expect.poll(() => groups.textContent()).toContain('5 organisations');

			// Download it as a custom benchmark CSV: the importer reads it unchanged.
			const [download] = await Promise.all([
				consultant.waitForEvent('download'),
				consultant.getByTestId('portfolio-csv').click()
			]);
			const csv = readFileSync((await download.path())!, 'utf8');
			const custom = parseCustomBenchmark(csv, CURRENT_BANK);
			expect(custom.sample).toBe(5);
			expect(custom.name).toBe('Client portfolio');
			// Best answers: Initech, Hooli and Acme (its latest result, counted once); worst: Umbrella and Globex.
			expect(custom.tiers).toEqual({ pioneer: 60, outpacing: 0, fragmented: 0, exposed: 40 });

			// On a result: "Use my client portfolio" loads it into the custom benchmark, kept for the other results.
			await consultant.goto(`${app.url}/results/${encodeAnswerCode(CURRENT_BANK, worst)}`);
			await consultant.locator('summary', { hasText: 'compare with your own benchmark' }).click();
			await consultant.getByRole('button', { name: 'Use my client portfolio' }).click();
			await consultant.getByRole('heading', { name: 'Compared with Client portfolio (n = 5)' }).waitFor();
			await consultant.reload();
			await consultant.locator('summary', { hasText: 'compare with your own benchmark' }).click();
			await consultant.getByRole('heading', { name: 'Compared with Client portfolio (n = 5)' }).waitFor();

			// In a workshop: the dashboard shows the team result beside the portfolio, this team's group marked.
			await consultant.goto(`${app.url}/my-workshops`);
			await consultant
				.getByTestId('my-workshop')
				.filter({ hasText: 'Hooli readiness' })
				.getByRole('button', { name: 'Hooli readiness' })
				.click();
			await consultant.waitForURL(`${app.url}${hooli.dashboard}`);
			const beside = consultant.getByTestId('team-portfolio');
			await beside.waitFor();
			expect(await beside.textContent()).toContain('(this team)');
			expect(await beside.getByRole('columnheader', { name: 'This team' }).count()).toBe(1);
		}
	);

	test('a template saved from a workshop starts a new one with its settings', { timeout: 120_000 }, async () => {
		const cookie = await session(consultant);
		// A facilitated workshop with its own group sizes, saved as a template from "My workshops".
		const created = await postForm(
			app.url,
			'/workshops/new',
			{ title: 'Board session', mode: 'facilitated', minGroupSize: '4', expectedGroupSize: '9' },
			cookie
		);
		expect(created.status).toBe(303);
		boardDashboard = created.headers.get('location')!;
		await consultant.goto(`${app.url}/my-workshops`);
		const card = consultant.getByTestId('my-workshop').filter({ hasText: 'Board session' });
		await card.getByLabel('Template name').fill('Board, facilitated');
		await card.getByRole('button', { name: 'Save its settings as a template' }).click();
		await consultant.getByText('Saved as “Board, facilitated”.').waitFor();

		await consultant.goto(`${app.url}/templates`);
		const template = consultant.getByTestId('template').filter({ hasText: 'Board, facilitated' });
		expect(await template.textContent()).toContain('minimum group size 4 · expected 9 participants');
		await template.getByRole('link', { name: 'Start a workshop from it' }).click();
		await consultant.waitForURL(/\/workshops\/new\?template=[0-9a-f-]{36}$/);
		templateId = new URL(consultant.url()).searchParams.get('template')!;
		await consultant.getByTestId('from-template').waitFor();
		expect(await consultant.getByLabel('Minimum group size').inputValue()).toBe('4');
		expect(await consultant.getByLabel('Expected number of participants').inputValue()).toBe('9');
		expect(await consultant.getByRole('radio', { name: /Facilitated/ }).isChecked()).toBe(true);
		await consultant.getByLabel('Workshop title').fill('Board session, round two');
		await consultant.getByRole('button', { name: 'Create workshop' }).click();
		await consultant.waitForURL(/\/workshops\/[0-9a-f-]{36}$/);
		// The new workshop runs as the template said: facilitated, minimum group size 4.
		await consultant.getByTestId('facilitation').waitFor();
		expect(await consultant.getByTestId('no-aggregate').textContent()).toContain('4 more responses');
	});

	test('another account sees none of it: an empty portfolio, and the template is not found', async () => {
		const rival = await signedIn('rival', '/portfolio');
		expect(await rival.getByTestId('portfolio-line').textContent()).toContain('0 organisations');
		const cookie = await session(rival);
		const use = await fetch(`${app.url}/workshops/new?template=${templateId}`, { headers: { cookie } });
		expect(use.status).toBe(404);
		const del = await postForm(app.url, '/templates?/delete', { template: templateId }, cookie);
		expect(del.status).toBe(404);
		// Nor a template from the consultant's workshop, nor the consultant's figures through the CSV.
		const board = /\/workshops\/([0-9a-f-]{36})/.exec(boardDashboard)![1]!;
		const steal = await postForm(app.url, '/my-workshops?/saveTemplate', { workshop: board, name: 'Mine' }, cookie);
		expect(steal.status).toBe(404);
		expect((await fetch(`${app.url}/portfolio/benchmark.csv`, { headers: { cookie } })).status).toBe(409);
		const list = await (await fetch(`${app.url}/templates`, { headers: { cookie } })).text();
		expect(list).not.toContain('Board, facilitated');
		// The consultant's template is still there.
		const own = await (await fetch(`${app.url}/templates`, { headers: { cookie: await session(consultant) } })).text();
		expect(own).toContain('Board, facilitated');
		await rival.context().close();
	});

	test('state changes refuse a cross-site post and change nothing', async () => {
		const cookie = await session(consultant);
		for (const [path, fields] of [
			['/templates?/delete', { template: templateId }],
			['/my-workshops?/saveTemplate', { workshop: randomUUID(), name: 'Forged' }]
		] as const) {
			const res = await fetch(`${app.url}${path}`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded', cookie },
				body: new URLSearchParams(fields)
			});
			expect(res.status, path).toBe(403);
		}
		const own = await (await fetch(`${app.url}/templates`, { headers: { cookie } })).text();
		expect(own).toContain('Board, facilitated');
		expect(own).not.toContain('Forged');
		await consultant.context().close();
	});
});
