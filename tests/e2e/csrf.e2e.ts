/**
 * CSRF: every state-changing endpoint (surfaces.ts) × every content type × every way a request can come from
 * elsewhere → 403 before any route runs, carrying valid credentials and a valid body, and the database is unchanged
 * afterwards (read directly: row counts and a checksum of every table). Runs its own server on a database it can
 * read (the test PostgreSQL when TEST_DATABASE_URL is set, else PGlite).
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { CURRENT_BANK as BANK_V1 } from '$scoring/content/banks';
import { launchBrowser, newPage } from './browser';
import {
	createWorkshop,
	joinWorkshop,
	rowsChanged,
	startDatabaseTarget,
	submitJson,
	type DatabaseSnapshot,
	type DatabaseTarget,
	type SeededWorkshop
} from './attack';
import { countStatus, recordSecurity } from './security-summary';
import { freePort } from './server';
import { CONTENT_TYPES, STATE_CHANGING, resolvePath, type SeededWorkspace, type StateChanging } from './surfaces';
import { uniformAnswers } from './flow';
import { saveToNewWorkspace } from './workspace-api';

/** Ways a request can say it comes from somewhere else (header sets a browser would send). */
const FOREIGN: ReadonlyArray<{ name: string; headers: (base: string) => Record<string, string> }> = [
	{ name: 'another origin', headers: () => ({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }) },
	{ name: 'another origin, Origin only', headers: () => ({ origin: 'https://evil.example' }) },
	{ name: 'Sec-Fetch-Site cross-site only', headers: () => ({ 'sec-fetch-site': 'cross-site' }) },
	{
		name: 'a sibling subdomain',
		headers: () => ({ origin: 'http://evil.127.0.0.1.example', 'sec-fetch-site': 'same-site' })
	},
	{ name: 'Origin null (sandboxed frame)', headers: () => ({ origin: 'null', 'sec-fetch-site': 'cross-site' }) },
	{ name: 'plain http of our host, other port', headers: (base) => ({ origin: base.replace(/:\d+$/, ':1') }) },
	{ name: 'no provenance at all', headers: () => ({}) }
];

const cases = STATE_CHANGING.flatMap((endpoint) =>
	CONTENT_TYPES.flatMap((content) => FOREIGN.map((foreign) => ({ ...endpoint, endpoint, content, foreign })))
);

let target: DatabaseTarget;
let workshop: SeededWorkshop;
let workspace: SeededWorkspace;
/** Cookies of the facilitator and of a participant who has submitted: an attack rides on them. */
let credentials: string;
/** The participant's cookie alone: the facilitator's own browser may not post to participant routes (a 403 by design). */
let participantOnly: string;
let before: DatabaseSnapshot;
const tally = { payloads: 0, status4xx: 0, status5xx: 0, rowsChanged: 0 };
const firstQuestion = BANK_V1.questions[0]!;

/** The surface with its path and fields filled in for the seeded workshop. */
function resolved(surface: StateChanging): StateChanging {
	return {
		...surface,
		path: resolvePath(surface.path, workshop, workspace),
		fields: Object.fromEntries(Object.entries(surface.fields).map(([k, v]) => [k, resolvePath(v, workshop, workspace)]))
	};
}

beforeAll(async () => {
	target = await startDatabaseTarget();
	workshop = await createWorkshop(target.url, { title: 'CSRF target', organisation: 'Example' });
	const participant = await joinWorkshop(target.url, workshop.code, 'Pat');
	await joinWorkshop(target.url, workshop.code, 'Sam');
	const submitted = await submitJson(target.url, workshop.code, participant, {
		answers: { [firstQuestion.id]: firstQuestion.options[0]!.id },
		idempotencyKey: 'seed-key-0001'
	});
	expect(submitted.status).toBe(201);
	// A workspace with one saved result: its cookie rides along too.
	const saved = await saveToNewWorkspace(target.url, uniformAnswers('worst'), 'CSRF target');
	const page = await (await fetch(`${target.url}${saved.path}`, { headers: { cookie: saved.cookie } })).text();
	const items = [...page.matchAll(/name="itemId" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
	workspace = { ws: saved.id, item: items[0]!, question: firstQuestion.id };
	credentials = `${workshop.facilitator}; ${participant}; ${saved.cookie}`;
	participantOnly = participant;
	before = await target.snapshot();
	expect(before.counts).toEqual({
		workshops: 1,
		participants: 2,
		responses: 1,
		workshop_agreements: 0,
		workspaces: 1,
		milestones: 1,
		milestone_evidence: 0,
		plan_items: items.length,
		workspace_members: 0,
		workspace_invites: 0
	});
	expect(items.length).toBeGreaterThan(0);
});
afterAll(async () => {
	await target?.stop();
	recordSecurity(tally);
});

describe('cross-site state-changing requests are refused before any route runs', () => {
	test('every case is sent', () => {
		expect(cases.length).toBe(STATE_CHANGING.length * CONTENT_TYPES.length * FOREIGN.length);
	});

	test.each(cases)(
		'$method $path as $content.type from $foreign.name → 403',
		async ({ endpoint, content, foreign }) => {
			const surface = resolved(endpoint);
			const response = await fetch(target.url + surface.path, {
				method: surface.method,
				headers: { 'content-type': content.type, cookie: credentials, ...foreign.headers(target.url) },
				body: content.body(surface),
				redirect: 'manual'
			});
			tally.payloads++;
			countStatus(tally, response.status);
			expect(response.status).toBe(403);
			expect(await response.text()).toMatch(/forbidden|must say where they come from/i);
		}
	);

	test('a JSON client gets the refusal as JSON, in the shape of every JSON error', async () => {
		const response = await fetch(`${target.url}/w/${workshop.code}/response`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json', origin: 'https://evil.example' },
			body: '{}'
		});
		tally.payloads++;
		countStatus(tally, response.status);
		expect(response.status).toBe(403);
		expect(await response.json()).toEqual({ error: 'forbidden', message: 'Cross-site POST requests are forbidden.' });
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
			const surface = resolved(STATE_CHANGING[Number(url.searchParams.get('surface'))]!);
			const inputs = Object.entries(surface.fields)
				.map(([name, value]) => `<input name="${name}" value="${value}">`)
				.join('');
			res.writeHead(200, { 'content-type': 'text/html' });
			res.end(
				`<form method="post" action="${target.url}${surface.path}" enctype="${enctype}">${inputs}</form>` +
					`<script>document.forms[0].submit()</script>`
			);
		});
		await new Promise<void>((resolve) => attacker.listen(port, 'localhost', resolve));
	});
	afterAll(async () => {
		await browser?.close();
		await new Promise((resolve) => attacker?.close(resolve));
	});

	// The real endpoints (the first four surfaces are catch-all paths, covered above).
	const FORM_POSTS = STATE_CHANGING.map((surface, index) => ({ ...surface, index }))
		.filter((e) => e.method === 'POST' && e.path !== '/')
		.flatMap(({ path, index }) =>
			['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'].map((enctype) => ({
				path,
				index,
				enctype
			}))
		);

	test.each(FORM_POSTS)('a form on another site posting $enctype to $path gets 403', async ({ index, enctype }) => {
		const page = await newPage(browser);
		await page.context().addCookies(
			credentials.split('; ').map((pair) => {
				const [name, value] = pair.split('=') as [string, string];
				return { name, value, url: target.url };
			})
		);
		const posted = page.waitForResponse((r) => r.url().startsWith(target.url) && r.request().method() === 'POST');
		await page.goto(`${attackerURL}/?enctype=${encodeURIComponent(enctype)}&surface=${index}`);
		const response = await posted;
		tally.payloads++;
		countStatus(tally, response.status());
		expect(response.request().headers()['origin']).toBe(attackerURL);
		expect(response.status()).toBe(403);
		await page.waitForLoadState('load');
		await page.context().close();
	});
});

describe('after every refused attack', () => {
	test('the database is unchanged: same rows, same checksums', async () => {
		const after = await target.snapshot();
		tally.rowsChanged += rowsChanged(before, after);
		expect(after).toEqual(before);
	});
});

describe('the app itself can still post', () => {
	test.each(STATE_CHANGING)('$method $path from the app itself is not refused by the CSRF checks', async (endpoint) => {
		const surface = resolved(endpoint);
		for (const content of CONTENT_TYPES) {
			const response = await fetch(target.url + surface.path, {
				method: surface.method,
				headers: {
					'content-type': content.type,
					cookie: surface.path.startsWith('/w/') ? participantOnly : credentials,
					origin: target.url,
					'sec-fetch-site': 'same-origin'
				},
				body: content.body(surface),
				redirect: 'manual'
			});
			expect(response.status, content.type).not.toBe(403);
			await response.arrayBuffer();
		}
	});

	test("in Chromium, the app's own pages post with their Origin kept under our Referrer-Policy", async () => {
		const browser = await launchBrowser();
		try {
			const page = await newPage(browser);
			await page.goto(`${target.url}/join`);
			const status = await page.evaluate(async () => {
				const response = await fetch('/', {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: '{}'
				});
				return response.status;
			});
			expect(status).toBe(405); // reached the route (which has no POST), not refused as cross-site
			// The real join form: its POST carries our Origin and is answered with the redirect to the workshop.
			await page.getByLabel('Join code').fill(workshop.code.toLowerCase());
			const [response] = await Promise.all([
				page.waitForResponse((r) => r.request().method() === 'POST', { timeout: 20_000 }),
				page.getByRole('button', { name: 'Join' }).click()
			]);
			expect(response.request().headers()['origin']).toBe(target.url);
			expect(response.status()).not.toBe(403);
			await page.waitForURL(`${target.url}/w/${workshop.code}`, { timeout: 20_000 });
		} finally {
			await browser.close();
		}
	});
});
