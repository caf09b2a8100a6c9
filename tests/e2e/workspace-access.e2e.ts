/**
 * Who may use a workspace, over HTTP on the built server (the test PostgreSQL when TEST_DATABASE_URL is set, else
 * PGlite, as the CSRF suite), for
 * every workspace surface (tests/e2e/surfaces.ts): without a credential, with another workspace's cookie, with a
 * forged token and with a private link's wrong key, every page, download and form action is refused (403; an unknown
 * workspace 404) and the database is unchanged; with the workspace's own cookie each one works. The list of surfaces
 * is checked against the route files, so a new workspace route cannot be left out. Sign-in surfaces do not exist
 * without sign-in (tests/e2e/oidc.e2e.ts covers them with it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CURRENT_BANK } from '$scoring/content/banks';
import { encodeAnswerCode } from '$scoring/export/answer-code';
import { rowsChanged, startDatabaseTarget, type DatabaseTarget } from './attack';
import { uniformAnswers } from './flow';
import { countStatus, recordSecurity } from './security-summary';
import { WORKSPACE_SIGN_IN_SURFACES, WORKSPACE_SURFACES } from './surfaces';
import { saveToNewWorkspace, type TestWorkspace } from './workspace-api';
import { closeWorkshop, createWorkshop, postForm, type TestWorkshop } from './workshop-api';

const worst = uniformAnswers('worst');
const RESULT = encodeAnswerCode(CURRENT_BANK, uniformAnswers('best'));
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const tally = { payloads: 0, status4xx: 0, status5xx: 0, rowsChanged: 0 };

/** Every route id under src/routes/workspaces with its form actions, as `route?/action`, and pages and endpoints. */
function workspaceRoutes(dir = 'src/routes/workspaces'): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return workspaceRoutes(path);
		const route = '/' + relative('src/routes', dir).replaceAll('\\', '/');
		if (entry.name === '+server.ts' || entry.name === '+page.svelte') return [route];
		if (entry.name !== '+page.server.ts') return [];
		const actions = /export const actions[^{]*\{([\s\S]*)\};/.exec(readFileSync(path, 'utf8'))?.[1] ?? '';
		return [...actions.matchAll(/^\t(\w+): async/gm)].map((m) => `${route}?/${m[1]}`);
	});
}

describe('workspace surfaces', () => {
	let target: DatabaseTarget;
	let mine: TestWorkspace;
	let theirs: TestWorkspace;
	let workshop: TestWorkshop;
	let item: string;

	const fill = (text: string, workspaceId: string) =>
		text
			.replaceAll(':ws', workspaceId)
			.replaceAll(':item', item)
			.replaceAll(':id', workshop.id)
			.replaceAll(':question', CURRENT_BANK.questions.find((q) => q.kind === 'practice')!.id)
			.replaceAll(':result', RESULT);

	/** Sends one surface for workspace `workspaceId` with `cookie`. */
	function send(surface: (typeof WORKSPACE_SURFACES)[number], workspaceId: string, cookie: string) {
		const path = fill(surface.path, workspaceId);
		if (surface.method === 'GET') return fetch(`${target.url}${path}`, { headers: { cookie }, redirect: 'manual' });
		const fields = Object.fromEntries(Object.entries(surface.fields ?? {}).map(([k, v]) => [k, fill(v, workspaceId)]));
		// The workshop's facilitator cookie rides along: adding its team result is refused for the workspace alone.
		return postForm(target.url, path, fields, [cookie, workshop.cookie].filter(Boolean).join('; '));
	}

	beforeAll(async () => {
		target = await startDatabaseTarget();
		mine = await saveToNewWorkspace(target.url, worst, 'Mine');
		theirs = await saveToNewWorkspace(target.url, worst, 'Theirs');
		const page = await (await fetch(`${target.url}${mine.path}`, { headers: { cookie: mine.cookie } })).text();
		item = /name="itemId" value="([0-9a-f-]{36})"/.exec(page)![1]!;
		workshop = await createWorkshop(target.url, 'Access', 2);
		await closeWorkshop(target.url, workshop);
	}, 120_000);
	afterAll(async () => {
		await target?.stop();
		recordSecurity(tally);
	});

	test('the list of surfaces covers every workspace route and form action', () => {
		const listed = [...WORKSPACE_SURFACES, ...WORKSPACE_SIGN_IN_SURFACES].map((s) => s.route);
		const routes = workspaceRoutes().filter((r) => r !== '/workspaces');
		expect(routes.length).toBeGreaterThan(6);
		for (const route of routes) expect(listed, route).toContain(route);
	});

	test(
		'without a credential, with another workspace’s cookie or a forged token: 403 everywhere, nothing changed',
		{ timeout: 120_000 },
		async () => {
			const before = await target.snapshot();
			const forged = `workspace=${mine.id}.${'A'.repeat(43)}`;
			// Another workspace's token filed under this workspace's id.
			const swapped = `workspace=${mine.id}.${decodeURIComponent(theirs.cookie).split('.').at(-1)}`;
			for (const cookie of ['', theirs.cookie, forged, swapped])
				for (const surface of WORKSPACE_SURFACES) {
					const response = await send(surface, mine.id, cookie);
					tally.payloads++;
					countStatus(tally, response.status);
					expect(response.status, `${surface.method} ${surface.path} with "${cookie.slice(0, 20)}"`).toBe(403);
					await response.arrayBuffer();
				}
			for (const surface of WORKSPACE_SURFACES) {
				const response = await send(surface, UNKNOWN, mine.cookie);
				tally.payloads++;
				countStatus(tally, response.status);
				expect(response.status, `${surface.method} ${surface.path}, unknown workspace`).toBe(404);
				await response.arrayBuffer();
			}
			const wrongKey = await fetch(`${target.url}${mine.path}?key=${'A'.repeat(43)}`, { redirect: 'manual' });
			expect(wrongKey.status).toBe(403);
			expect(wrongKey.headers.getSetCookie()).toEqual([]);
			const after = await target.snapshot();
			tally.rowsChanged += rowsChanged(before, after);
			expect(after).toEqual(before);
		}
	);

	test('the list of workspaces shows only those whose token this browser holds', async () => {
		const list = async (cookie: string) => (await fetch(`${target.url}/workspaces`, { headers: { cookie } })).text();
		expect(await list(mine.cookie)).toContain('Mine');
		expect(await list(mine.cookie)).not.toContain('Theirs');
		expect(await list(`workspace=${mine.id}.${'A'.repeat(43)}`)).not.toContain('Mine');
	});

	test('without sign-in, the sign-in surfaces do not exist', async () => {
		for (const surface of WORKSPACE_SIGN_IN_SURFACES) {
			const path = surface.path.replaceAll(':ws', mine.id);
			const response =
				surface.method === 'GET'
					? await fetch(`${target.url}${path}`, { headers: { cookie: mine.cookie } })
					: await postForm(target.url, path, {}, mine.cookie);
			expect(response.status, path).toBe(404);
		}
	});

	test('with the workspace’s own cookie every surface works', async () => {
		const expected: Record<string, number> = {
			GET: 200,
			'/workspaces/:ws?/item': 200,
			'/workspaces/:ws/milestones/1?/evidence': 200,
			'/workspaces/:ws?/addWorkshop': 409, // the workshop has no team result: refused for that reason, not access
			'/results/:result?/save': 303,
			'/workspaces/:ws?/delete': 400, // not confirmed by the name: refused for that reason, not access
			'/workspaces/:ws?/replaceLink': 400 // not confirmed: refused for that reason, not access
		};
		for (const surface of WORKSPACE_SURFACES) {
			const response = await send(surface, mine.id, mine.cookie);
			expect(response.status, `${surface.method} ${surface.path}`).toBe(
				surface.method === 'GET' ? expected.GET : expected[surface.path]
			);
			if (surface.path === '/workspaces/:ws?/addWorkshop') expect(await response.text()).toMatch(/minimum group size/);
			else await response.arrayBuffer();
		}
	});
});
