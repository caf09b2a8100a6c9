/**
 * Facilitator sign-in against a real OpenID provider started here (oidc-provider, on http://localhost — another
 * site than the app on 127.0.0.1, as a company provider is): sign in, create a workshop, sign out, sign in again in
 * a fresh browser and find it under "My workshops"; a tampered state or nonce is refused and signs nobody in; a
 * co-facilitator link works once; participants never need an account; sign-in, sign-out and invitation acceptance
 * refuse cross-site requests; sessions rotate at sign-in and end at sign-out. Without the OIDC variables (the
 * shared e2e server) none of these pages exist.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { CURRENT_BANK } from '$scoring/content/banks';
import { encodeAnswerCode } from '$scoring/export/answer-code';
import { allAt } from '../fixtures/answers';
import { violations } from './axe';
import { launchBrowser, newPage } from './browser';
import {
	signInThrough as providerSignIn,
	newIssuer,
	startSignInApp,
	type SignInApp,
	type TestProvider
} from './oidc/provider';
import { freePort, SERVER_ENTRY, startServer, type RunningServer } from './server';
import { joinWorkshop, postForm, submitAnswers } from './workshop-api';

let browser: Browser;
let signInApp: SignInApp;
let provider: TestProvider;
let app: RunningServer;
let issuer: string;

beforeAll(async () => {
	browser = await launchBrowser();
	issuer = await newIssuer();
	signInApp = await startSignInApp(issuer);
	({ app, provider } = signInApp);
}, 120_000);

afterAll(async () => {
	await browser?.close();
	await signInApp?.stop();
});

/** Clicks the sign-in `button` and signs in at the provider's login and consent pages; waits to be back on the app. */
const signInWith = (button: Locator, login: string) => providerSignIn(button, app.url, issuer, login);

/** Signs in from the header's "Sign in" button on the current app page. */
async function signIn(page: Page, login: string): Promise<void> {
	await signInWith(page.getByRole('button', { name: 'Sign in', exact: true }), login);
}

async function sessionCookie(context: BrowserContext) {
	return (await context.cookies(app.url)).find((c) => c.name === 'session');
}

test('without the OIDC variables there is no sign-in: the pages do not exist and the header is as before', async () => {
	const base = inject('baseURL');
	for (const path of [
		'/auth/sign-in',
		'/my-workshops',
		'/auth/callback?code=x&state=y',
		`/auth/invite/${'a'.repeat(43)}`
	])
		expect((await fetch(`${base}${path}`, { redirect: 'manual' })).status).toBe(404);
	const signOut = await fetch(`${base}/auth/sign-out`, {
		method: 'POST',
		headers: { origin: base },
		redirect: 'manual'
	});
	expect(signOut.status).toBe(404);
	const home = await (await fetch(`${base}/`)).text();
	expect(home).not.toContain('Sign in');
	expect(home).not.toContain('My workshops');
	// Creating a workshop needs no account there.
	expect((await postForm(base, '/workshops/new', { title: 'No accounts here', minGroupSize: '2' })).status).toBe(303);
});

test('a half-configured sign-in stops the server at start with one line naming what is missing', async () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'readiness-oidc-half-'));
	try {
		const child = spawn(process.execPath, [SERVER_ENTRY], {
			env: {
				...process.env,
				PORT: String(await freePort()),
				HOST: '127.0.0.1',
				DATA_DIR: dataDir,
				OIDC_ISSUER: issuer
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
		expect(code).toBe(1);
		expect(
			output
				.trim()
				.split('\n')
				.map((line) => JSON.parse(line) as unknown)
		).toEqual([
			expect.objectContaining({
				level: 'fatal',
				msg: 'OpenID Connect sign-in needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET; missing: OIDC_CLIENT_ID, OIDC_CLIENT_SECRET.'
			})
		]);
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
});

describe('with OpenID Connect sign-in', () => {
	let workshopId: string;
	let joinCode: string;

	test(
		'sign in, create a workshop, sign out, sign in again in a fresh browser and find it under "My workshops"',
		{ timeout: 120_000 },
		async () => {
			const first = await newPage(browser);
			// Creating a workshop asks for sign-in first, and comes back to the form.
			await first.goto(`${app.url}/workshops/new`);
			await first.waitForURL(`${app.url}/auth/sign-in?returnTo=/workshops/new`);
			await signInWith(first.getByRole('button', { name: 'Sign in with your organisation account' }), 'ada');
			await first.waitForURL(`${app.url}/workshops/new`);
			const cookie = (await sessionCookie(first.context()))!;
			expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
			expect(cookie.domain).toBe('127.0.0.1');
			await first.getByLabel('Workshop title').fill('OIDC platform offsite');
			await first.getByLabel('Minimum group size').fill('2');
			await first.getByRole('button', { name: 'Create workshop' }).click();
			await first.waitForURL(/\/workshops\/[0-9a-f-]{36}$/);
			workshopId = first.url().split('/').at(-1)!;
			joinCode = (await first.getByTestId('join-code').textContent())!.trim();
			await first.getByRole('button', { name: 'Sign out' }).click();
			await first.waitForURL(`${app.url}/`);
			await first.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
			expect(await sessionCookie(first.context())).toBeUndefined();
			// The ended session no longer signs anyone in.
			const stale = await fetch(`${app.url}/my-workshops`, {
				headers: { cookie: `session=${cookie.value}` },
				redirect: 'manual'
			});
			expect(stale.status).toBe(303);
			expect(stale.headers.get('location')).toBe('/auth/sign-in?returnTo=/my-workshops');
			await first.context().close();

			// A participant needs no account: joins and submits with the code.
			const participant = await joinWorkshop(app.url, joinCode, 'Participant without account');
			expect(participant).toMatch(/participant=/);
			expect(
				(await submitAnswers(app.url, joinCode, participant, allAt(CURRENT_BANK, 'best'), 'oidc-participant-1')).status
			).toBe(201);

			// A fresh browser: sign in again and find the workshop with its status and counts.
			const fresh = await newPage(browser);
			await fresh.goto(`${app.url}/my-workshops`);
			await fresh.waitForURL(`${app.url}/auth/sign-in?returnTo=/my-workshops`);
			await signInWith(fresh.getByRole('button', { name: 'Sign in with your organisation account' }), 'ada');
			await fresh.waitForURL(`${app.url}/my-workshops`);
			expect(await fresh.getByText('Signed in as Name ada.').count()).toBe(1);
			const row = fresh.getByTestId('my-workshop').filter({ hasText: 'OIDC platform offsite' });
			expect(await row.getByTestId('status').textContent()).toBe('open');
			expect(await row.getByTestId('joined').textContent()).toBe('1');
			expect(await row.getByTestId('submitted').textContent()).toBe('1');
			expect(await fresh.getByTestId('my-workshop').count()).toBe(1);
			// Opening it reaches the dashboard without the private link.
			await row.getByRole('button', { name: 'OIDC platform offsite' }).click();
			await fresh.waitForURL(`${app.url}/workshops/${workshopId}`);
			expect((await fresh.getByTestId('join-code').textContent())!.trim()).toBe(joinCode);

			// Signing in again rotates the session; the old id stops working.
			const before = (await sessionCookie(fresh.context()))!.value;
			await fresh.goto(`${app.url}/auth/sign-in`);
			await signInWith(fresh.getByRole('button', { name: 'Sign in with your organisation account' }), 'ada');
			const after = (await sessionCookie(fresh.context()))!.value;
			expect(after).not.toBe(before);
			const old = await fetch(`${app.url}/my-workshops`, {
				headers: { cookie: `session=${before}` },
				redirect: 'manual'
			});
			expect(old.status).toBe(303);

			// Signing out ends the dashboard access this browser got from "My workshops".
			await fresh.goto(`${app.url}/my-workshops`);
			await fresh.getByTestId('my-workshop').getByRole('button', { name: 'OIDC platform offsite' }).click();
			await fresh.waitForURL(`${app.url}/workshops/${workshopId}`);
			await fresh.getByRole('button', { name: 'Sign out' }).click();
			await fresh.waitForURL(`${app.url}/`);
			const response = await fresh.goto(`${app.url}/workshops/${workshopId}`);
			expect(response!.status()).toBe(403);
			await fresh.context().close();
		}
	);

	test('a tampered state or nonce is refused and signs nobody in; a callback without this browser’s attempt too', async () => {
		const logFrom = app.output().length;
		for (const parameter of ['state', 'nonce']) {
			const page = await newPage(browser);
			await page.goto(`${app.url}/auth/sign-in`);
			// Change the parameter in the redirect to the provider: it then answers with (or signs) the tampered value.
			await page.route(
				(url) => url.origin === app.url && url.pathname === '/auth/sign-in',
				async (route) => {
					if (route.request().method() !== 'POST') return route.continue();
					const response = await route.fetch({ maxRedirects: 0 });
					const headers = response.headers();
					const location = new URL(headers.location!);
					location.searchParams.set(parameter, `${location.searchParams.get(parameter)}tampered`);
					await route.fulfill({ response, headers: { ...headers, location: location.toString() } });
				}
			);
			await page.getByRole('button', { name: 'Sign in with your organisation account' }).click();
			await page.waitForURL((url) => url.origin === issuer);
			const loginBox = page.locator('input[name="login"]');
			await loginBox.fill('mallory');
			await page.locator('input[name="password"]').fill('x');
			const callback = page.waitForResponse((r) => r.url().startsWith(`${app.url}/auth/callback`));
			await page.getByRole('button', { name: 'Sign-in' }).click();
			await page.getByRole('button', { name: 'Continue' }).click();
			const refused = await callback;
			expect(refused.status(), `${parameter} tampered`).toBe(400);
			await page.getByText(/did not match this sign-in attempt/).waitFor();
			expect(await sessionCookie(page.context())).toBeUndefined();
			// The attempt is spent: replaying the callback does not sign in either.
			const replay = await page.goto(refused.url());
			expect(replay!.status()).toBe(400);
			await page.getByText(/expired or was already used/).waitFor();
			expect(await sessionCookie(page.context())).toBeUndefined();
			await page.context().close();
		}
		// Someone else's callback link (login CSRF): no attempt in this browser → refused.
		const forged = await fetch(`${app.url}/auth/callback?code=abc&state=def`, { redirect: 'manual' });
		expect(forged.status).toBe(400);
		expect(forged.headers.getSetCookie().some((c) => c.startsWith('session='))).toBe(false);
		const refusals = () =>
			app
				.output()
				.slice(logFrom)
				.split('\n')
				.filter((l) => l.includes('"msg":"sign-in refused"'))
				.map((l) => (JSON.parse(l) as { reason: string }).reason);
		await expect.poll(() => refusals().length).toBe(5);
		const reasons = refusals();
		console.log(`sign-in refusals logged: ${reasons.join(', ')}`);
		// openid-client's codes: the state check, then the ID token's nonce claim; then the spent attempts.
		expect(reasons).toEqual([
			'OAUTH_INVALID_RESPONSE',
			'no_attempt',
			'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
			'no_attempt',
			'no_attempt'
		]);
	});

	test('a co-facilitator link works once', { timeout: 120_000 }, async () => {
		const owner = await newPage(browser);
		await owner.goto(`${app.url}/`);
		await signIn(owner, 'ada');
		await owner.goto(`${app.url}/my-workshops`);
		await owner.getByRole('button', { name: 'Invite a co-facilitator' }).click();
		const link = await owner.getByTestId('invite-link').inputValue();
		expect(link).toMatch(new RegExp(`^${app.url}/auth/invite/[A-Za-z0-9_-]{43}$`));

		// Grace opens it, signs in, accepts, and facilitates.
		const grace = await newPage(browser);
		await grace.goto(link);
		await grace.getByRole('heading', { name: 'Co-facilitate “OIDC platform offsite”' }).waitFor();
		await signInWith(grace.getByRole('button', { name: 'Sign in with your organisation account' }), 'grace');
		await grace.waitForURL(link);
		// Cross-site acceptance is refused and leaves the link valid.
		const graceCookie = (await sessionCookie(grace.context()))!.value;
		const crossSite = await fetch(`${link}?/accept`, {
			method: 'POST',
			headers: {
				origin: 'https://evil.example',
				cookie: `session=${graceCookie}`,
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: ''
		});
		expect(crossSite.status).toBe(403);
		await grace.getByRole('button', { name: 'Accept and add to my workshops' }).click();
		await grace.waitForURL(`${app.url}/my-workshops`);
		const row = grace.getByTestId('my-workshop').filter({ hasText: 'OIDC platform offsite' });
		expect(await row.getByTestId('role').textContent()).toBe('co-facilitator');
		await row.getByRole('button', { name: 'OIDC platform offsite' }).click();
		await grace.waitForURL(`${app.url}/workshops/${workshopId}`);
		expect((await grace.getByTestId('join-code').textContent())!.trim()).toBe(joinCode);

		// The same link a second time: gone, for a new person and for Grace alike.
		const linus = await newPage(browser);
		const second = await linus.goto(link);
		expect(second!.status()).toBe(410);
		await linus.getByText(/already been used or has expired/).waitFor();
		await linus.goto(`${app.url}/`);
		await signIn(linus, 'linus');
		const linusCookie = `session=${(await sessionCookie(linus.context()))!.value}`;
		const again = await postForm(app.url, `/auth/invite/${link.split('/').at(-1)}?/accept`, {}, linusCookie);
		expect(again.status).toBe(410);
		await linus.goto(`${app.url}/my-workshops`);
		expect(await linus.getByTestId('my-workshop').count()).toBe(0);
		expect(await linus.getByText('You have no workshops yet.').count()).toBe(1);
		for (const page of [owner, grace, linus]) await page.context().close();
	});

	test(
		'a workspace belongs to accounts: saved under one, found from a fresh browser by signing in, a co-owner invited once',
		{ timeout: 180_000 },
		async () => {
			const code = encodeAnswerCode(CURRENT_BANK, allAt(CURRENT_BANK, 'worst'));
			const owner = await newPage(browser, { bypassCSP: true });
			await owner.goto(`${app.url}/results/${code}`);
			// Signed out, a new workspace needs an account: the page offers sign-in, and comes back to the result.
			const save = owner.getByTestId('save-to-workspace');
			expect(await save.getByRole('button', { name: 'Save to workspace' }).count()).toBe(0);
			await signInWith(save.getByRole('button', { name: 'Sign in to save' }), 'wanda');
			await owner.waitForURL(`${app.url}/results/${code}`);
			await save.getByLabel('Organisation or team (the workspace’s name)').fill('OIDC workspace');
			await save.getByRole('button', { name: 'Save to workspace' }).click();
			await owner.waitForURL(/\/workspaces\/[0-9a-f-]{36}$/);
			const workspaceUrl = owner.url();
			expect(await owner.getByText('Saved by Name wanda on').count()).toBe(1);
			expect(await owner.getByTestId('members').innerText()).toBe('Name wanda · Owner');
			await owner.getByRole('button', { name: 'Create a one-time link' }).click();
			const link = await owner.getByTestId('invite-link').inputValue();
			expect(link).toMatch(new RegExp(`^${app.url}/workspaces/invite/[A-Za-z0-9_-]{43}$`));
			expect(await violations(owner)).toEqual([]);
			await owner.getByRole('button', { name: 'Sign out' }).click();
			await owner.waitForURL(`${app.url}/`);
			await owner.context().close();

			// A fresh browser without the private link: signing in finds the workspace under the account.
			const fresh = await newPage(browser, { bypassCSP: true });
			expect((await fresh.goto(workspaceUrl))!.status()).toBe(403);
			await fresh.goto(`${app.url}/workspaces`);
			await signIn(fresh, 'wanda');
			await fresh.goto(`${app.url}/workspaces`);
			await fresh.getByTestId('account-workspaces').getByRole('link', { name: 'OIDC workspace' }).click();
			await fresh.waitForURL(workspaceUrl);
			expect(await fresh.getByRole('heading', { level: 1 }).innerText()).toBe('OIDC workspace');
			expect(await fresh.getByTestId('private-link').count()).toBe(0);
			expect(await violations(fresh)).toEqual([]);
			await fresh.context().close();

			// Xavier accepts the one-time link and co-owns it; the link then works for nobody else.
			const xavier = await newPage(browser, { bypassCSP: true });
			await xavier.goto(link);
			await xavier.getByRole('heading', { name: 'Co-own the workspace “OIDC workspace”' }).waitFor();
			expect(await violations(xavier)).toEqual([]);
			await signInWith(xavier.getByRole('button', { name: 'Sign in with your organisation account' }), 'xavier');
			await xavier.waitForURL(link);
			await xavier.getByRole('button', { name: 'Accept and add to my workspaces' }).click();
			await xavier.waitForURL(workspaceUrl);
			expect(await xavier.getByTestId('members').innerText()).toBe('Name wanda · Owner\nName xavier · Co-owner');
			const yolanda = await newPage(browser);
			expect((await yolanda.goto(link))!.status()).toBe(410);
			await yolanda.goto(`${app.url}/`);
			await signIn(yolanda, 'yolanda');
			const yolandaCookie = `session=${(await sessionCookie(yolanda.context()))!.value}`;
			const reused = await postForm(app.url, `/workspaces/invite/${link.split('/').at(-1)}?/accept`, {}, yolandaCookie);
			expect(reused.status).toBe(410);
			// Signed in, but not an account of it: refused, and cannot invite.
			expect((await yolanda.goto(workspaceUrl))!.status()).toBe(403);
			const invite = await postForm(app.url, `${new URL(workspaceUrl).pathname}?/invite`, {}, yolandaCookie);
			expect(invite.status).toBe(403);
			for (const page of [xavier, yolanda]) await page.context().close();
		}
	);

	test('sign-in and sign-out refuse cross-site requests; the sign-in cookie is __Host- and Secure over HTTPS', async () => {
		const evil = { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' };
		expect((await fetch(`${app.url}/auth/sign-in`, { method: 'POST', headers: evil, body: 'returnTo=/' })).status).toBe(
			403
		);
		const page = await newPage(browser);
		await page.goto(`${app.url}/`);
		await signIn(page, 'ada');
		const id = (await sessionCookie(page.context()))!.value;
		const out = await fetch(`${app.url}/auth/sign-out`, {
			method: 'POST',
			headers: { ...evil, cookie: `session=${id}` }
		});
		expect(out.status).toBe(403);
		// Still signed in.
		const mine = await fetch(`${app.url}/my-workshops`, { headers: { cookie: `session=${id}` }, redirect: 'manual' });
		expect(mine.status).toBe(200);
		await page.context().close();

		// Behind HTTPS (ORIGIN https://…): the cookies take the __Host- prefix and Secure.
		const https = await startServer({
			ORIGIN: 'https://readiness.example',
			OIDC_ISSUER: issuer,
			OIDC_CLIENT_ID: provider.clientId,
			OIDC_CLIENT_SECRET: provider.clientSecret
		});
		try {
			const started = await fetch(`${https.url}/auth/sign-in`, {
				method: 'POST',
				headers: {
					origin: 'https://readiness.example',
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: 'returnTo=/my-workshops',
				redirect: 'manual'
			});
			expect(started.status).toBe(303);
			expect(new URL(started.headers.get('location')!).origin).toBe(issuer);
			const setCookie = started.headers.getSetCookie().join('\n');
			expect(setCookie).toMatch(
				/^__Host-sign-in=[A-Za-z0-9_-]{43}; Max-Age=600; Path=\/; HttpOnly; Secure; SameSite=Lax$/m
			);
			// The authorization request carries PKCE (S256), state and nonce.
			const params = new URL(started.headers.get('location')!).searchParams;
			expect(params.get('code_challenge_method')).toBe('S256');
			expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
			expect(params.get('state')).toBeTruthy();
			expect(params.get('nonce')).toBeTruthy();
			expect(params.get('redirect_uri')).toBe('https://readiness.example/auth/callback');
			// Pages allow their sign-in form to go to the provider, and nowhere else.
			const csp = (await fetch(`${https.url}/`)).headers.get('content-security-policy')!;
			expect(csp).toContain(`form-action 'self' ${issuer}`);
		} finally {
			await https.stop();
		}
		// The app's log carries no authorization codes, states, session ids, names or e-mail addresses.
		const log = app.output();
		for (const fragment of ['code=', 'state=', 'session=', id, 'Name ada', 'Name grace', '@example.org'])
			expect(log, `the log contains ${fragment}`).not.toContain(fragment);
	});

	test('the sign-in, "My workshops" and invitation pages pass axe (WCAG 2.2 AA)', async () => {
		const page = await newPage(browser, { bypassCSP: true });
		await page.goto(`${app.url}/auth/sign-in`);
		expect(await violations(page)).toEqual([]);
		await signInWith(page.getByRole('button', { name: 'Sign in with your organisation account' }), 'axe-reviewer');
		await page.goto(`${app.url}/my-workshops`);
		await page.getByText('You have no workshops yet.').waitFor();
		expect(await violations(page)).toEqual([]);
		await page.goto(`${app.url}/workshops/new`);
		await page.getByLabel('Workshop title').fill('Axe check');
		await page.getByRole('button', { name: 'Create workshop' }).click();
		await page.waitForURL(/\/workshops\/[0-9a-f-]{36}$/);
		await page.goto(`${app.url}/my-workshops`);
		await page.getByRole('button', { name: 'Invite a co-facilitator' }).click();
		const link = await page.getByTestId('invite-link').inputValue();
		expect(await violations(page)).toEqual([]);
		await page.goto(link);
		expect(await violations(page)).toEqual([]);
		const signedOut = await newPage(browser, { bypassCSP: true });
		await signedOut.goto(link);
		expect(await violations(signedOut)).toEqual([]);
		// At 360 px the list fits the screen: no sideways scrolling of the page.
		await page.setViewportSize({ width: 360, height: 740 });
		await page.goto(`${app.url}/my-workshops`);
		if (process.env.SCREENSHOT_DIR)
			await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/my-workshops-360.png`, fullPage: true });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		for (const p of [page, signedOut]) await p.context().close();
	});
});
