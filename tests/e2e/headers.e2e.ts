import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { brotliCompressSync, brotliDecompressSync, constants as zlibConstants, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, pageScriptRan } from './browser';
import { createWorkshop, joinWorkshop } from './workshop-api';
import { allAt } from '../fixtures/answers';
import { CURRENT_BANK } from '$scoring/content/banks';
import { BROTLI_QUALITY, COMPRESSION_THRESHOLD } from '$lib/server/compression';
import { DOWNLOADS, PAGES } from './surfaces';
import { STYLE_ATTRIBUTE_HASHES } from '$lib/server/csp.js';

const base = inject('baseURL');

/** The policy as directive → sources; for HTML the meta-tag policy fills directives the header lacks. */
function policyOf(header: string | null, html: string): Map<string, string[]> {
	const policy = new Map<string, string[]>();
	const add = (text: string) => {
		for (const part of text.split(';')) {
			const [name, ...sources] = part.trim().split(/\s+/);
			if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
		}
	};
	if (header) add(header);
	const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
	if (meta?.[1]) add(meta[1]);
	return policy;
}

/** Asserts every security header and CSP directive on one response. */
async function expectHardened(response: Response, label: string) {
	const h = response.headers;
	const body = await response.text();
	const html = /text\/html/.test(h.get('content-type') ?? '');
	expect.soft(h.get('strict-transport-security'), label).toBe('max-age=63072000; includeSubDomains');
	expect.soft(h.get('x-content-type-options'), label).toBe('nosniff');
	expect.soft(h.get('referrer-policy'), label).toBe('same-origin');
	expect.soft(h.get('x-frame-options'), label).toBe('DENY');
	expect.soft(h.get('cross-origin-opener-policy'), label).toBe('same-origin');
	expect.soft(h.get('cross-origin-resource-policy'), label).toBe('same-origin');
	for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'browsing-topics']) {
		expect.soft(h.get('permissions-policy'), label).toContain(`${feature}=()`);
	}

	const header = h.get('content-security-policy');
	expect.soft(header, `${label}: CSP header`).toBeTruthy();
	// Only a header can forbid framing; these three are always in it.
	const headerPolicy = policyOf(header, '');
	expect.soft(headerPolicy.get('frame-ancestors'), label).toEqual(["'none'"]);
	expect.soft(headerPolicy.get('object-src'), label).toEqual(["'none'"]);
	expect.soft(headerPolicy.get('base-uri'), label).toEqual(["'none'"]);

	const policy = policyOf(header, html ? body : '');
	expect.soft(policy.get('default-src'), label).toEqual(["'self'"]);
	expect.soft(policy.get('img-src'), label).toEqual(["'self'", 'data:', 'blob:']);
	expect.soft(policy.get('connect-src'), label).toEqual(["'self'"]);
	expect.soft(policy.get('form-action'), label).toEqual(["'self'"]);
	// Only the style attributes SvelteKit writes itself, by hash. SvelteKit appends the page's nonce for its inlined
	// <style>; a nonce matches no attribute, so it allows nothing more.
	expect
		.soft(
			policy.get('style-src-attr')?.filter((source) => !/^'nonce-/.test(source)),
			label
		)
		.toEqual(["'unsafe-hashes'", ...Object.values(STYLE_ATTRIBUTE_HASHES).map((h) => `'${h}'`)]);
	const scripts = policy.get('script-src') ?? [];
	for (const directive of ['script-src', 'style-src']) {
		const sources = policy.get(directive) ?? [];
		expect.soft(sources[0], `${label}: ${directive}`).toBe("'self'");
		for (const source of sources.slice(1)) {
			// Pages add a per-response nonce (or hashes when prerendered); nothing else.
			expect.soft(source, `${label}: ${directive}`).toMatch(/^'(nonce-[A-Za-z0-9+/=]{16,}|sha256-[A-Za-z0-9+/=]+)'$/);
		}
	}
	// Inline scripts (SvelteKit's start-up) run only with the nonce; a script loaded by address (/assess's
	// questionnaire) only from our own build, under 'self'.
	if (html && /<script(?![^>]*\ssrc=)[^>]*>/.test(body))
		expect.soft(scripts.length, `${label}: inline scripts need a nonce`).toBeGreaterThan(1);
	for (const [, src] of body.matchAll(/<script[^>]*\ssrc="([^"]+)"/g))
		expect
			.soft(new URL(src!, response.url || base).pathname, `${label}: script address`)
			.toMatch(/^\/_app\/immutable\//);
	return body;
}

describe('security headers on every kind of response of the built server', () => {
	test.each(PAGES)('page $path', async ({ path, status }) => {
		const response = await fetch(base + path);
		expect(response.status).toBe(status);
		await expectHardened(response, path);
	});

	test.each(DOWNLOADS)('download $path', async ({ path, status, type }) => {
		const response = await fetch(base + path);
		expect(response.status).toBe(status);
		expect(response.headers.get('content-type')).toBe(type);
		await expectHardened(response, path);
	});

	test('nonces are fresh on every response', async () => {
		const nonce = async () =>
			/'nonce-([^']+)'/.exec((await fetch(base + '/')).headers.get('content-security-policy') ?? '')?.[1];
		const [a, b] = [await nonce(), await nonce()];
		expect(a).toBeTruthy();
		expect(a).not.toBe(b);
	});

	test('404 page', async () => {
		const response = await fetch(base + '/no-such-page');
		expect(response.status).toBe(404);
		expect(await expectHardened(response, '404')).toMatch(/Not Found/);
	});

	test('error page: malformed URL (400)', async () => {
		const response = await fetch(base + '/%E0%A4%A');
		expect(response.status).toBe(400);
		await expectHardened(response, 'malformed URL');
	});

	test('error page: method not allowed (405)', async () => {
		const response = await fetch(base + '/', { method: 'POST', headers: { origin: base } });
		expect(response.status).toBe(405);
		await expectHardened(response, '405');
	});

	test("403 from SvelteKit's form CSRF check, which answers before handle", async () => {
		const response = await fetch(base + '/', {
			method: 'POST',
			headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
			body: 'a=1'
		});
		expect(response.status).toBe(403);
		await expectHardened(response, 'SvelteKit CSRF 403');
	});

	test('403 from our CSRF guard', async () => {
		const response = await fetch(base + '/', {
			method: 'POST',
			headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
			body: '{}'
		});
		expect(response.status).toBe(403);
		await expectHardened(response, 'csrfGuard 403');
	});

	test('static file from static/ (served by sirv, outside SvelteKit)', async () => {
		const response = await fetch(base + '/favicon.svg');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('image/svg+xml');
		await expectHardened(response, 'favicon.svg');
	});

	test('immutable JS from /_app/immutable (served by sirv), also when 304 Not Modified', async () => {
		const html = await (await fetch(base + '/')).text();
		const asset = /\/_app\/immutable\/[\w./-]+\.js/.exec(html)?.[0];
		expect(asset, 'the page links an immutable script').toBeTruthy();
		const response = await fetch(base + asset);
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toContain('immutable');
		const etag = response.headers.get('etag');
		await expectHardened(response, asset!);
		const revalidated = await fetch(base + asset, { headers: { 'if-none-match': etag ?? '' } });
		expect(revalidated.status).toBe(304);
		await expectHardened(revalidated, `${asset} 304`);
	});

	test('missing file under /_app/immutable, and /_app/version.json', async () => {
		const missing = await fetch(base + '/_app/immutable/no-such-chunk.js');
		expect(missing.status).toBe(404);
		await expectHardened(missing, 'missing immutable');
		const version = await fetch(base + '/_app/version.json');
		expect(version.status).toBe(200);
		await expectHardened(version, 'version.json');
	});
});

describe('in Chromium', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	test.each(PAGES)('page $path: no CSP violation, no header complaint, scripts ran', async ({ path }) => {
		const page = await newPage(browser);
		const problems: string[] = [];
		page.on('console', (message) => {
			if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
		});
		await page.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (event) => {
				console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
			});
		});
		await page.goto(base + path, { waitUntil: 'networkidle' });
		// The page's scripts ran and hydrated it: SvelteKit's nonce'd bootstrap, or an island script (/assess, a result).
		await expect.poll(() => pageScriptRan(page)).toBe(true);
		expect(problems).toEqual([]);
		await page.context().close();
	});

	test('another site cannot frame the app', async () => {
		const page = await newPage(browser);
		await page.setContent(`<iframe src="${base}/" title="framed"></iframe>`);
		const frame = page.frames()[1];
		await expect.poll(() => frame?.url()).toMatch(/^chrome-error:/);
		await page.context().close();
	});
});

/**
 * One GET as the bytes on the wire (fetch would decode them): the status, headers and body, or — for a response
 * that has not ended after `firstBytesMs` (an event stream) — the headers and the bytes received by then.
 */
function rawGet(
	path: string,
	headers: Record<string, string>,
	firstBytesMs?: number
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(base + path, { headers }, (res) => {
			const chunks: Buffer[] = [];
			const done = () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) });
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', done);
			if (firstBytesMs !== undefined)
				setTimeout(() => {
					done();
					req.destroy();
				}, firstBytesMs);
		});
		req.on('error', reject);
		req.end();
	});
}

describe('compression', () => {
	test('a server-rendered page goes out gzip-compressed when the browser accepts it, whole when not', async () => {
		const zipped = await rawGet('/assess', { 'accept-encoding': 'gzip' });
		expect(zipped.status).toBe(200);
		expect(zipped.headers['content-encoding']).toBe('gzip');
		expect(zipped.headers.vary).toMatch(/accept-encoding/i);
		const html = gunzipSync(zipped.body).toString('utf8');
		expect(html).toMatch(/^<!doctype html>/);
		expect(html).toContain('</html>');
		expect(zipped.body.length).toBeLessThan(html.length / 3);

		const whole = await rawGet('/assess', {});
		expect(whole.headers['content-encoding']).toBeUndefined();
		expect(whole.body.toString('utf8')).toContain('</html>');
	});

	test('a result page goes out as brotli, smaller than the middleware’s default quality would send it', async () => {
		const result = DOWNLOADS.find((d) => d.status === 200 && d.type === 'application/pdf')!.path.replace(
			/\/report\.pdf$/,
			''
		);
		const sent = await rawGet(result, { 'accept-encoding': 'gzip, deflate, br' });
		expect(sent.status).toBe(200);
		expect(sent.headers['content-encoding']).toBe('br');
		const html = brotliDecompressSync(sent.body);
		expect(html.toString('utf8')).toContain('</html>');
		const atQuality = (quality: number) =>
			brotliCompressSync(html, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: quality } }).length;
		// What quality 4 (the middleware's default) would send is at least 5 % more.
		expect(sent.body.length).toBeLessThan(atQuality(4) * 0.95);
		expect(sent.body.length).toBeLessThanOrEqual(atQuality(BROTLI_QUALITY) * 1.02);
	});

	test('a phone’s submission is answered whole: under the threshold, compressing would only cost the server', async () => {
		const workshop = await createWorkshop(base, 'Small answers');
		const cookie = await joinWorkshop(base, workshop.code);
		const res = await fetch(`${base}/w/${workshop.code}/response`, {
			method: 'POST',
			headers: { origin: base, 'content-type': 'application/json', cookie, 'accept-encoding': 'gzip, br' },
			body: JSON.stringify({ answers: allAt(CURRENT_BANK, 'best'), idempotencyKey: 'compression-threshold' })
		});
		expect(res.status).toBe(201);
		expect(res.headers.get('content-encoding')).toBeNull();
		expect((await res.text()).length).toBeLessThan(COMPRESSION_THRESHOLD);
	});

	test('a page that shows a private link (no-store) is never compressed', async () => {
		const workshop = await createWorkshop(base, 'Private link');
		const dashboard = await rawGet(workshop.dashboard, { 'accept-encoding': 'gzip, br', cookie: workshop.cookie });
		expect(dashboard.status).toBe(200);
		expect(dashboard.headers['cache-control']).toMatch(/no-store/);
		expect(dashboard.headers['content-encoding']).toBeUndefined();
		expect(dashboard.body.toString('utf8')).toContain(workshop.privateLink.split('?key=')[1]!);
	});

	test('downloads: a result’s CSV (no-store: someone’s answers) and its PDF (already compressed) go out whole', async () => {
		const csv = DOWNLOADS.find((d) => d.status === 200 && d.type.startsWith('text/csv'));
		const pdf = DOWNLOADS.find((d) => d.status === 200 && d.type === 'application/pdf');
		const csvResponse = await rawGet(csv!.path, { 'accept-encoding': 'gzip' });
		expect(csvResponse.headers['cache-control']).toMatch(/no-store/);
		expect(csvResponse.headers['content-encoding']).toBeUndefined();
		expect(csvResponse.body.toString('utf8')).toMatch(/^\uFEFF?[a-z_]+,/);
		const pdfResponse = await rawGet(pdf!.path, { 'accept-encoding': 'gzip' });
		expect(pdfResponse.headers['content-encoding']).toBeUndefined();
		expect(pdfResponse.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	});

	test('an event stream is never compressed: its first event arrives at once', async () => {
		const workshop = await createWorkshop(base, 'Compression');
		const stream = await rawGet(
			`${workshop.dashboard}/events`,
			{ 'accept-encoding': 'gzip, deflate, br', accept: 'text/event-stream', cookie: workshop.cookie },
			1_000
		);
		expect(stream.status).toBe(200);
		expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
		expect(stream.headers['content-encoding']).toBeUndefined();
		expect(stream.body.toString('utf8')).toMatch(/^(event|data|:|retry)/m);
	});
});
