/**
 * The facilitator and participant cookies keep what they hold, over HTTP on the built server (PGlite, and
 * PostgreSQL when TEST_DATABASE_URL is set), with the headers a browser sends: a private link opened from another
 * site writes no cookie and reloads from our origin, then merges; the one-per-workshop cookies of the earlier
 * version are carried into the set. And in Chromium: a private link clicked on another site lands on its dashboard
 * and every workshop the browser held still opens.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { CURRENT_BANK } from '$scoring/content/banks';
import { allAt } from '../fixtures/answers';
import { launchBrowser, newPage } from './browser';
import { freePort } from './server';
import { SERVER_KINDS, type TargetServer } from './targets';
import { counts, createWorkshop, postForm, submitAnswers } from './workshop-api';

/** A browser's cookie jar for one origin: what Set-Cookie writes and deletes, sent back as a Cookie header. */
class Jar {
	readonly values = new Map<string, string>();
	constructor(header = '') {
		for (const pair of header.split('; ').filter(Boolean)) {
			const at = pair.indexOf('=');
			this.values.set(pair.slice(0, at), pair.slice(at + 1));
		}
	}
	/** Applies a response's Set-Cookie headers; returns the names it set or deleted. */
	take(res: Response): string[] {
		const names: string[] = [];
		for (const line of res.headers.getSetCookie()) {
			const [pair, ...attributes] = line.split('; ');
			const at = pair!.indexOf('=');
			const name = pair!.slice(0, at);
			names.push(name);
			const gone = attributes.some((a) => /^max-age=0$/i.test(a) || /^expires=.*1970/i.test(a));
			if (gone) this.values.delete(name);
			else this.values.set(name, pair!.slice(at + 1));
		}
		return names;
	}
	get header(): string {
		return [...this.values].map(([name, value]) => `${name}=${value}`).join('; ');
	}
	/** The keys (workshop ids or join codes) in a token-set cookie. */
	keys(name: string): string[] {
		return decodeURIComponent(this.values.get(name) ?? '')
			.split('~')
			.filter(Boolean)
			.map((entry) => entry.split('.')[0]!);
	}
}

/** A top-level navigation as Chromium sends it, from `site` (`cross-site`: a link on another site). */
const navigate = (url: string, site: 'cross-site' | 'same-origin' | 'none', jar?: Jar) =>
	fetch(url, {
		redirect: 'manual',
		headers: {
			accept: 'text/html',
			'sec-fetch-site': site,
			'sec-fetch-mode': 'navigate',
			'sec-fetch-dest': 'document',
			// SameSite=Strict: a cross-site navigation carries no facilitator cookie (the Lax participant one it would).
			...(jar ? { cookie: jar.header } : {})
		}
	});

/** A workshop created from the browser whose cookies are in `jar` (its form post carries them). */
async function createIn(base: string, jar: Jar, title: string): Promise<string> {
	const res = await postForm(base, '/workshops/new', { title, minGroupSize: '3', expectedGroupSize: '10' }, jar.header);
	expect(res.status).toBe(303);
	jar.take(res);
	return res.headers.get('location')!.split('/').at(-1)!;
}

async function dashboardStatus(base: string, jar: Jar, id: string): Promise<number> {
	return (await navigate(`${base}/workshops/${id}`, 'same-origin', jar)).status;
}

describe.each(SERVER_KINDS)('cookies that keep what they hold, on $name', (kind) => {
	let server: TargetServer;
	beforeAll(async () => {
		server = await kind.start();
	}, 120_000);
	afterAll(async () => {
		await server?.stop();
	});

	test('a cross-site navigation to another workshop’s private link keeps the cookie set', async () => {
		const base = server.url;
		const jar = new Jar();
		const a = await createIn(base, jar, 'Ours A');
		const b = await createIn(base, jar, 'Ours B');
		expect(jar.keys('facilitator')).toEqual([b, a]);
		// Someone else's workshop, whose private link a page on another site sends this browser to.
		const theirs = await createWorkshop(base, 'Theirs');

		const arrival = await navigate(theirs.privateLink, 'cross-site');
		expect(arrival.status).toBe(200);
		expect(arrival.headers.getSetCookie()).toEqual([]);
		expect(arrival.headers.get('cache-control')).toBe('no-store');
		const html = await arrival.text();
		// It reloads from our origin with a static script (the policy allows only our own files), no inline script.
		expect(html).toContain('<script src="/private-link-reload.js"></script>');
		expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
		expect(html).not.toMatch(/\son[a-z]+=/i);
		const csp = arrival.headers.get('content-security-policy')!;
		expect(csp).toMatch(/script-src 'self'(;|$)/);
		const script = await fetch(`${base}/private-link-reload.js`);
		expect(script.status).toBe(200);
		expect(script.headers.get('content-type')).toMatch(/javascript/);
		expect(await script.text()).toContain('location.replace(location.href)');
		expect(html).toContain(`href="${new URL(theirs.privateLink).pathname}${new URL(theirs.privateLink).search}"`);

		// The reload comes from our own page: it carries the set, so the workshop is merged into it.
		const reload = await navigate(theirs.privateLink, 'same-origin', jar);
		expect(reload.status).toBe(303);
		expect(reload.headers.get('location')).toBe(`/workshops/${theirs.id}`);
		jar.take(reload);
		expect(jar.keys('facilitator')).toEqual([theirs.id, b, a]);
		for (const id of [a, b, theirs.id]) expect(await dashboardStatus(base, jar, id)).toBe(200);

		// A wrong key from another site is refused as before, and writes nothing either.
		const forged = await navigate(`${base}/workshops/${a}?key=${'x'.repeat(43)}`, 'cross-site');
		expect(forged.status).toBe(403);
		expect(forged.headers.getSetCookie()).toEqual([]);
		// Opened from a mail program (Sec-Fetch-Site: none) the browser sends its cookie: merged at once.
		const fromMailApp = await navigate(theirs.privateLink, 'none', jar);
		expect(fromMailApp.status).toBe(303);
		jar.take(fromMailApp);
		expect(jar.keys('facilitator')).toEqual([theirs.id, b, a]);
	});

	test('an old per-workshop cookie still opens its workshop after the browser creates another', async () => {
		const base = server.url;
		const old = await createWorkshop(base, 'From the earlier version');
		// The earlier version kept one cookie per workshop: `facilitator-<id>=<token>`.
		const token = new URL(old.privateLink).searchParams.get('key')!;
		const jar = new Jar(`facilitator-${old.id}=${token}`);
		expect(await dashboardStatus(base, jar, old.id)).toBe(200);

		const created = await createIn(base, jar, 'Made today');
		expect(jar.values.has(`facilitator-${old.id}`)).toBe(false);
		expect(jar.keys('facilitator')).toEqual([created, old.id]);
		expect(await dashboardStatus(base, jar, old.id)).toBe(200);
		expect(await dashboardStatus(base, jar, created)).toBe(200);
	});

	test('a participant from the earlier version is not counted twice', async () => {
		const base = server.url;
		const first = await createWorkshop(base, 'First');
		const second = await createWorkshop(base, 'Second');
		const joined = await postForm(base, `/w/${first.code}?/join`, { displayName: '' });
		const fresh = new Jar();
		fresh.take(joined);
		const token = decodeURIComponent(fresh.values.get('participant')!).split('.')[1]!;
		// The earlier version's cookie: `participant-<code>=<token>`.
		const jar = new Jar(`participant-${first.code}=${token}`);
		const answers = allAt(CURRENT_BANK, 'best');
		expect((await submitAnswers(base, first.code, jar.header, answers, 'earlier-version-1')).status).toBe(201);

		// The same browser joins another workshop: its old cookie is carried into the set.
		const second_join = await postForm(base, `/w/${second.code}?/join`, { displayName: '' }, jar.header);
		expect(second_join.status).toBe(303);
		jar.take(second_join);
		expect(jar.values.has(`participant-${first.code}`)).toBe(false);
		expect(jar.keys('participant')).toEqual([second.code, first.code]);

		// Back in the first workshop it is still the same participant: no join form, its answer is an edit.
		const page = await (await navigate(`${base}/w/${first.code}`, 'same-origin', jar)).text();
		expect(page).not.toContain('Join workshop');
		const edited = await submitAnswers(base, first.code, jar.header, allAt(CURRENT_BANK, 'worst'), 'earlier-2');
		expect(edited.status).toBe(200);
		expect(await counts(base, first)).toEqual({ joined: 1, submitted: 1 });
	});
});

describe('in Chromium: a private link clicked in webmail', () => {
	let browser: Browser;
	let server: TargetServer;
	let webmail: Server;
	let webmailURL: string;
	let link = '';
	beforeAll(async () => {
		server = await SERVER_KINDS[0]!.start();
		browser = await launchBrowser();
		const port = await freePort();
		// Another site: `localhost` is not the same site as the app's 127.0.0.1.
		webmailURL = `http://localhost:${port}`;
		webmail = createServer((_req, res) => {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			res.end(`<!doctype html><title>Webmail</title><a href="${link}">Your facilitator link</a>`);
		});
		await new Promise<void>((resolve) => webmail.listen(port, 'localhost', resolve));
	}, 120_000);
	afterAll(async () => {
		await browser?.close();
		await new Promise((resolve) => webmail?.close(resolve));
		await server?.stop();
	});

	test('lands on the dashboard, and every workshop the browser held still opens', async () => {
		const base = server.url;
		const page = await newPage(browser);
		const ids: string[] = [];
		for (const title of ['Held A', 'Held B']) {
			await page.goto(`${base}/workshops/new`);
			await page.getByLabel('Workshop title').fill(title);
			await page.getByRole('button', { name: 'Create workshop' }).click();
			await page.waitForURL(/\/workshops\/[0-9a-f-]{36}$/);
			ids.push(page.url().split('/').at(-1)!);
		}
		const mailed = await createWorkshop(base, 'Mailed');
		link = mailed.privateLink;

		await page.goto(webmailURL);
		// Each navigation to our server: where the browser said it came from (Sec-Fetch-Site), and the status.
		const arrivals: Promise<string>[] = [];
		page.on('response', (res) => {
			if (res.request().isNavigationRequest() && res.url().startsWith(base))
				arrivals.push(
					res
						.request()
						.allHeaders()
						.then((h) => `${h['sec-fetch-site']} ${res.status()}`)
				);
		});
		await page.getByRole('link', { name: 'Your facilitator link' }).click();
		await page.waitForURL(`${base}/workshops/${mailed.id}`);
		await page.getByRole('heading', { level: 1, name: 'Mailed' }).waitFor();
		// From webmail: the page that writes nothing; then once from our own origin, merged and redirected.
		expect(await Promise.all(arrivals)).toEqual(['cross-site 200', 'same-origin 303', 'same-origin 200']);
		for (const id of ids) {
			const res = await page.goto(`${base}/workshops/${id}`);
			expect(res?.status()).toBe(200);
		}
	});

	test('without JavaScript the page refreshes itself the same way', async () => {
		const base = server.url;
		const page = await newPage(browser, { javaScriptEnabled: false });
		await page.goto(`${base}/workshops/new`);
		await page.getByLabel('Workshop title').fill('Held without JavaScript');
		await page.getByRole('button', { name: 'Create workshop' }).click();
		await page.waitForURL(/\/workshops\/[0-9a-f-]{36}$/);
		const held = page.url();
		const mailed = await createWorkshop(base, 'Mailed, no JavaScript');
		link = mailed.privateLink;
		await page.goto(webmailURL);
		await page.getByRole('link', { name: 'Your facilitator link' }).click();
		await page.waitForURL(`${base}/workshops/${mailed.id}`);
		await page.getByRole('heading', { level: 1, name: 'Mailed, no JavaScript' }).waitFor();
		expect((await page.goto(held))?.status()).toBe(200);
	});
});
