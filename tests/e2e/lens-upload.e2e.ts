/**
 * Lens uploads on the built server with OpenID Connect sign-in (a real provider started here, as in oidc.e2e.ts):
 * over HTTP, each of the five bad lens files (tests/fixtures/lenses) is refused with the line `npm run lens -- lint`
 * gives, naming line and field; a file over the limit is a 413 naming it; a cross-site or unsourced POST is refused;
 * a draft is its owner's alone (another account: 404; signed out: sign in first). In Chromium, a facilitator finds
 * "My lenses" from "My workshops", uploads a bad file and reads the problem, uploads a good one, publishes it and
 * answers it through its lens link.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { violations } from './axe';
import { launchBrowser, newPage } from './browser';
import { answerStep, BANK, STEPS, uniformAnswers } from './flow';
import { signInThrough, newIssuer, startSignInApp, type SignInApp } from './oidc/provider';
import type { RunningServer } from './server';
import { encodeAnswerCode } from '$scoring/export/answer-code';
import { BAD_LENS_FILES, GOOD_UPLOAD_FILE } from '../fixtures/lens';

let browser: Browser;
let signInApp: SignInApp;
let app: RunningServer;
let issuer: string;

beforeAll(async () => {
	browser = await launchBrowser();
	issuer = await newIssuer();
	signInApp = await startSignInApp(issuer);
	app = signInApp.app;
}, 120_000);

afterAll(async () => {
	await browser?.close();
	await signInApp?.stop();
});

const GOOD = readFileSync(GOOD_UPLOAD_FILE, 'utf8');

/** Signs in as `login` from the sign-in page the browser is on (provider login and consent); waits to be back. */
async function signIn(page: Page, login: string): Promise<void> {
	await signInThrough(
		page.getByRole('button', { name: 'Sign in with your organisation account' }),
		app.url,
		issuer,
		login
	);
	await page.waitForURL((url) => url.origin === app.url && !url.pathname.startsWith('/auth/'));
}

/** A signed-in account's session cookie, as a Cookie header for fetch. */
async function sessionOf(login: string): Promise<string> {
	const page = await newPage(browser);
	await page.goto(`${app.url}/auth/sign-in?returnTo=/lenses`);
	await signIn(page, login);
	const cookie = (await page.context().cookies(app.url)).find((c) => c.name === 'session')!;
	await page.context().close();
	return `session=${cookie.value}`;
}

/** An upload the way the form sends it (multipart, with the Origin header a browser adds). */
function upload(path: string, name: string, text: string, cookie: string, origin: string | null = app.url) {
	const form = new FormData();
	form.set('file', new Blob([text], { type: 'application/yaml' }), name);
	return fetch(`${app.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { ...(origin ? { origin } : {}), accept: 'text/html', cookie },
		body: form
	});
}

/** A page's text with the entities Svelte escapes turned back. */
const textOf = async (res: Response) =>
	(await res.text())
		.replaceAll('&quot;', '"')
		.replaceAll('&#39;', "'")
		.replaceAll('&lt;', '<')
		.replaceAll('&amp;', '&');

test('without sign-in configured (the shared e2e server) the lens pages do not exist', async () => {
	for (const path of ['/lenses', '/lenses/00000000-0000-4000-8000-000000000000'])
		expect((await fetch(`${inject('baseURL')}${path}`, { redirect: 'manual' })).status).toBe(404);
});

describe('lens uploads over HTTP', () => {
	let alice: string;
	let bob: string;

	beforeAll(async () => {
		alice = await sessionOf('alice');
		bob = await sessionOf('bob');
	}, 120_000);

	test('signed out, the pages ask to sign in first; the list is empty to begin with', async () => {
		const list = await fetch(`${app.url}/lenses`, { redirect: 'manual' });
		expect(list.status).toBe(303);
		expect(list.headers.get('location')).toBe('/auth/sign-in?returnTo=%2Flenses');
		const signedOutUpload = await upload('/lenses?/upload', 'good.yaml', GOOD, '');
		expect(signedOutUpload.status).toBe(303);
		expect(signedOutUpload.headers.get('location')).toBe('/auth/sign-in?returnTo=%2Flenses');
		expect(await textOf(await fetch(`${app.url}/lenses`, { headers: { cookie: alice } }))).toContain(
			'You have no lenses yet.'
		);
	});

	test('each kind of error is refused with the line and field the CLI names, and nothing is saved', async () => {
		for (const bad of BAD_LENS_FILES) {
			const name = bad.file.split('/').pop()!;
			const res = await upload('/lenses?/upload', name, readFileSync(bad.file, 'utf8'), alice);
			expect(res.status, bad.kind).toBe(400);
			const page = await textOf(res);
			expect(page).toContain('The lens was not saved: one problem.');
			expect(page, bad.kind).toContain(`${name}${bad.line}`);
		}
		const bigText = `${GOOD}#${'x'.repeat(300 * 1024)}\n`;
		const big = await upload('/lenses?/upload', 'big.yaml', bigText, alice);
		expect(big.status).toBe(413);
		expect(await textOf(big)).toContain(
			`big.yaml: the file is ${Math.ceil(Buffer.byteLength(bigText) / 1024)} KB; a lens may be at most 256 KB`
		);
		expect(await textOf(await fetch(`${app.url}/lenses`, { headers: { cookie: alice } }))).toContain(
			'You have no lenses yet.'
		);
	});

	test('a draft is its owner’s alone; CSRF is refused; publishing makes the version permanent', async () => {
		// Cross-site and unsourced posts are refused before anything runs.
		expect((await upload('/lenses?/upload', 'good.yaml', GOOD, alice, 'https://evil.example')).status).toBe(403);
		expect((await upload('/lenses?/upload', 'good.yaml', GOOD, alice, null)).status).toBe(403);

		const saved = await upload('/lenses?/upload', 'good.yaml', GOOD, alice);
		expect(saved.status).toBe(303);
		const location = saved.headers.get('location')!;
		expect(location).toMatch(/^\/lenses\/[0-9a-f-]{36}\?done=saved$/);
		const path = location.split('?')[0]!;

		// Bob: not found, on the page and every action; the id is taken.
		expect((await fetch(`${app.url}${path}`, { headers: { cookie: bob }, redirect: 'manual' })).status).toBe(404);
		const bobPublish = await fetch(`${app.url}${path}?/publish`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: app.url,
				cookie: bob,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html'
			},
			body: ''
		});
		expect(bobPublish.status).toBe(404);
		expect((await upload(`${path}?/replace`, 'good.yaml', GOOD, bob)).status).toBe(404);
		const taken = await upload('/lenses?/upload', 'good.yaml', GOOD, bob);
		expect(taken.status).toBe(409);
		expect(await textOf(taken)).toContain('The lens id “upload-example” belongs to another account');
		expect((await fetch(`${app.url}${path}`, { redirect: 'manual' })).status).toBe(303);
		// Not yet published: no lens link works.
		expect((await fetch(`${app.url}/assess?lens=upload-example`)).status).toBe(404);

		// Alice publishes (CSRF-checked too); then the same version with other content is refused.
		const crossSitePublish = await fetch(`${app.url}${path}?/publish`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: 'https://evil.example',
				cookie: alice,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html'
			},
			body: ''
		});
		expect(crossSitePublish.status).toBe(403);
		const publish = await fetch(`${app.url}${path}?/publish`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: app.url,
				cookie: alice,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html'
			},
			body: ''
		});
		expect(publish.status).toBe(303);
		expect((await fetch(`${app.url}/assess?lens=upload-example`)).status).toBe(200);
		const changed = await upload(
			'/lenses?/upload',
			'good.yaml',
			GOOD.replace('label: Never.', 'label: Not once.'),
			alice
		);
		expect(changed.status).toBe(409);
		expect(await textOf(changed)).toContain(
			'Lens upload-example 1.0 is published, and a published version never changes'
		);
	});
});

test('in Chromium: from My workshops to My lenses; a bad file is refused with its line, a good one published and answered', async () => {
	const page = await newPage(browser, { bypassCSP: true });
	await page.goto(`${app.url}/my-workshops`);
	await signIn(page, 'carol');
	await page.getByRole('link', { name: 'My lenses' }).click();
	await page.waitForURL(`${app.url}/lenses`);
	expect(await violations(page)).toEqual([]);

	const bad = BAD_LENS_FILES.find((b) => b.kind === 'option without level')!;
	await page.getByLabel('Lens file (YAML or JSON)').setInputFiles(bad.file);
	await page.getByRole('button', { name: 'Upload and check' }).click();
	const refusal = page.getByTestId('lens-refusal');
	await refusal.waitFor();
	expect(await refusal.getByRole('listitem').allInnerTexts()).toEqual([`bad-option-without-level.yaml${bad.line}`]);

	const text = GOOD.replace('id: upload-example', 'id: browser-example').replace(
		'title: Register practice (upload example)',
		'title: Register practice (browser)'
	);
	await page
		.getByLabel('Lens file (YAML or JSON)')
		.setInputFiles({ name: 'register.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text) });
	await page.getByRole('button', { name: 'Upload and check' }).click();
	await page.waitForURL(/\/lenses\/[0-9a-f-]{36}\?done=saved$/);
	expect(await page.getByTestId('lens-status').innerText()).toBe('Draft (only you see it)');
	expect(await violations(page)).toEqual([]);
	// Before publishing, the page says who will see it.
	expect(await page.getByTestId('publish-audience').textContent()).toMatch(
		/Everyone on this site sees a published lens/
	);
	await page.getByRole('button', { name: 'Publish browser-example 1.0' }).click();
	await page.waitForURL(/\?done=published$/);
	expect(await page.getByTestId('lens-status').innerText()).toBe('Published');
	const link = await page.getByTestId('lens-link').inputValue();
	expect(link).toBe(`${app.url}/assess?lens=browser-example@1.0`);

	// Anyone (a fresh browser, signed out) answers it through the lens link.
	const respondent = await newPage(browser);
	const core = uniformAnswers('best');
	await respondent.goto(link);
	await respondent.getByText('With the lens Register practice (browser)').waitFor();
	for (let i = 0; i < STEPS.length; i++) {
		await respondent.getByRole('heading', { level: 2, name: STEPS[i]!.title }).waitFor();
		await answerStep(respondent, i, core);
		await respondent.getByRole('button', { name: 'Next', exact: true }).click();
	}
	await respondent.getByRole('heading', { level: 2, name: 'Basics' }).waitFor();
	await respondent.getByRole('group', { name: 'Do you keep a register?' }).getByLabel('No register.').check();
	await respondent.getByRole('group', { name: 'Is the register reviewed?' }).getByLabel('Never.').check();
	await respondent.getByRole('button', { name: 'See results', exact: true }).click();
	await respondent.waitForURL(/\/results\//);
	const code = decodeURIComponent(new URL(respondent.url()).pathname.split('/').pop()!);
	expect(code.startsWith(`${encodeAnswerCode(BANK, core)}~browser-example.1.0.`)).toBe(true);
	const section = respondent.getByRole('region', { name: 'Lens: Register practice (browser)' });
	await expect(
		section
			.getByRole('list', { name: 'High risk (1)' })
			.getByRole('listitem')
			.filter({ hasText: 'Do you keep a register?' })
			.count()
	).resolves.toBe(1);
	await expect(
		section
			.getByRole('list', { name: 'Medium risk (1)' })
			.getByRole('listitem')
			.filter({ hasText: 'Is the register reviewed?' })
			.count()
	).resolves.toBe(1);
	await respondent.context().close();
	await page.context().close();
});
