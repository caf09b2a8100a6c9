import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage } from './browser';
import { freePort } from './server';
import { CONTENT_TYPES, STATE_CHANGING } from './surfaces';

const base = inject('baseURL');

/** Ways a request can say it comes from somewhere else (header sets a browser would send). */
const FOREIGN: ReadonlyArray<{ name: string; headers: Record<string, string> }> = [
	{ name: 'another origin', headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } },
	{ name: 'another origin, Origin only', headers: { origin: 'https://evil.example' } },
	{ name: 'Sec-Fetch-Site cross-site only', headers: { 'sec-fetch-site': 'cross-site' } },
	{ name: 'a sibling subdomain', headers: { origin: 'http://evil.127.0.0.1.example', 'sec-fetch-site': 'same-site' } },
	{ name: 'Origin null (sandboxed frame)', headers: { origin: 'null', 'sec-fetch-site': 'cross-site' } },
	{ name: 'plain http of our host, other port', headers: { origin: base.replace(/:\d+$/, ':1') } },
	{ name: 'no provenance at all', headers: {} }
];

const cases = STATE_CHANGING.flatMap((endpoint) =>
	CONTENT_TYPES.flatMap((content) => FOREIGN.map((foreign) => ({ ...endpoint, content, foreign })))
);

describe('cross-site state-changing requests are refused before any route runs', () => {
	test.each(cases)(
		'$method $path as $content.type from $foreign.name → 403',
		async ({ method, path, content, foreign }) => {
			const response = await fetch(base + path, {
				method,
				headers: { 'content-type': content.type, ...foreign.headers },
				body: content.body(),
				redirect: 'manual'
			});
			expect(response.status).toBe(403);
			expect(await response.text()).toMatch(/forbidden|must say where they come from/i);
		}
	);

	test.each(STATE_CHANGING)(
		'$method $path from the app itself is not refused by the CSRF checks',
		async ({ method, path }) => {
			for (const content of CONTENT_TYPES) {
				const response = await fetch(base + path, {
					method,
					headers: { 'content-type': content.type, origin: base, 'sec-fetch-site': 'same-origin' },
					body: content.body(),
					redirect: 'manual'
				});
				expect(response.status, content.type).not.toBe(403);
			}
		}
	);

	test('a JSON client gets the refusal as JSON', async () => {
		const response = await fetch(base + '/', {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json', origin: 'https://evil.example' },
			body: '{}'
		});
		expect(response.status).toBe(403);
		expect(await response.json()).toEqual({ message: 'Cross-site POST requests are forbidden.' });
	});
});

describe('in Chromium', () => {
	let browser: Browser;
	let attacker: Server;
	let attackerURL: string;
	beforeAll(async () => {
		browser = await launchBrowser();
		// Another site: serves pages that post to the app (the attack CSRF is about).
		const port = await freePort();
		attackerURL = `http://localhost:${port}`;
		attacker = createServer((req, res) => {
			const url = new URL(req.url ?? '/', attackerURL);
			const enctype = url.searchParams.get('enctype') ?? '';
			const target = base + (url.searchParams.get('path') ?? '/');
			res.writeHead(200, { 'content-type': 'text/html' });
			res.end(
				`<form method="post" action="${target}" enctype="${enctype}"><input name="title" value="pwned"></form>` +
					`<script>document.forms[0].submit()</script>`
			);
		});
		await new Promise<void>((resolve) => attacker.listen(port, 'localhost', resolve));
	});
	afterAll(async () => {
		await browser?.close();
		await new Promise((resolve) => attacker?.close(resolve));
	});

	const FORM_POSTS = STATE_CHANGING.filter((e) => e.method === 'POST').flatMap(({ path }) =>
		['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'].map((enctype) => ({ path, enctype }))
	);

	test.each(FORM_POSTS)('a form on another site posting $enctype to $path gets 403', async ({ path, enctype }) => {
		const page = await newPage(browser);
		const posted = page.waitForResponse((r) => r.url().startsWith(base) && r.request().method() === 'POST');
		await page.goto(`${attackerURL}/?enctype=${encodeURIComponent(enctype)}&path=${encodeURIComponent(path)}`);
		const response = await posted;
		expect(response.request().headers()['origin']).toBe(attackerURL);
		expect(response.status()).toBe(403);
		await page.waitForLoadState('load');
		await page.context().close();
	});

	test("the app's own pages can still post: same-origin requests keep their Origin under our Referrer-Policy", async () => {
		const page = await newPage(browser);
		await page.goto(base + '/');
		const status = await page.evaluate(async () => {
			const response = await fetch('/', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}'
			});
			return response.status;
		});
		expect(status).toBe(405); // reached the route (which has no POST), not refused as cross-site
		const posted = page.waitForResponse((r) => r.request().method() === 'POST');
		await page.evaluate(() => {
			const form = document.createElement('form');
			form.method = 'post';
			form.action = '/';
			document.body.append(form);
			form.submit();
		});
		const response = await posted;
		expect(response.request().headers()['origin']).toBe(base);
		expect(response.status()).toBe(405);
		// Closing a context mid-navigation can hang Chromium: let the error page finish loading first.
		await page.waitForLoadState('load');
		await page.context().close();
	});
});
