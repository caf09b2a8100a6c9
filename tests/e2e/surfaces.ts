/**
 * The app's attack surface, in one place for the security suites. Add each new page to PAGES and each new
 * state-changing endpoint (form action `?/name`, `+server.ts` POST/PUT/PATCH/DELETE) to STATE_CHANGING; the
 * header and CSRF suites then cover it with every check. `:code` and `:id` in a path stand for a real workshop's
 * join code and id, `:ws` and `:item` for a real workspace's id and one of its plan items (the CSRF suite seeds
 * them: `resolvePath`). Every workspace surface is also in WORKSPACE_SURFACES, which the workspace access suite
 * tries with every credential that must be refused.
 */
import { encodeAnswerCode } from '$scoring/export/answer-code';
import { BANK_V1, BANK_V3 } from '$scoring/content/banks';

/** A valid result code (every question at its last option) for the result page's endpoints. */
const RESULT_CODE = encodeAnswerCode(
	BANK_V1,
	Object.fromEntries(BANK_V1.questions.map((q) => [q.id, q.options.at(-1)!.id]))
);

/** A bank 3.0.0 result code (every question at its last option), for the endpoints only such a result has. */
const RESULT_CODE_V3 = encodeAnswerCode(
	BANK_V3,
	Object.fromEntries(BANK_V3.questions.map((q) => [q.id, q.options.at(-1)!.id]))
);

/** Pages a browser loads with GET, and the status each answers with. */
export const PAGES: ReadonlyArray<{ path: string; status: number }> = [
	{ path: '/', status: 200 },
	{ path: '/assess', status: 200 },
	{ path: '/assess?step=2', status: 200 },
	{ path: '/join', status: 200 },
	{ path: '/workshops/new', status: 200 },
	{ path: '/workspaces', status: 200 }
];

/** GET endpoints that answer with a file (or a plain-text 400) rather than a page; the header suite covers them. */
export const DOWNLOADS: ReadonlyArray<{ path: string; status: number; type: string }> = [
	{ path: `/results/${RESULT_CODE}/report.pdf`, status: 200, type: 'application/pdf' },
	{ path: `/results/${RESULT_CODE}/answers.csv`, status: 200, type: 'text/csv; charset=utf-8' },
	{ path: '/results/not-a-code/report.pdf', status: 400, type: 'text/plain; charset=utf-8' },
	{ path: '/results/not-a-code/answers.csv', status: 400, type: 'text/plain; charset=utf-8' },
	{ path: `/results/${RESULT_CODE_V3}/assessment-results.json`, status: 200, type: 'application/json; charset=utf-8' },
	{ path: `/results/${RESULT_CODE_V3}/poam.json`, status: 200, type: 'application/json; charset=utf-8' },
	{ path: `/results/${RESULT_CODE}/poam.json`, status: 400, type: 'text/plain; charset=utf-8' },
	{ path: '/results/not-a-code/assessment-results.json', status: 400, type: 'text/plain; charset=utf-8' }
];

/** A state-changing request, and the fields a valid one would carry (so a refusal is not down to a bad body). */
export interface StateChanging {
	method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	path: string;
	fields: Record<string, string>;
	/** The JSON body a valid request would carry, when it is not just `fields`. */
	json?: unknown;
}

/** Requests that change state (or would, if they were accepted). */
export const STATE_CHANGING: ReadonlyArray<StateChanging> = [
	// Not endpoints, but the guard must hold on every path before any route runs.
	{ method: 'POST', path: '/', fields: { title: 'pwned' } },
	{ method: 'PUT', path: '/', fields: { title: 'pwned' } },
	{ method: 'PATCH', path: '/no-such-endpoint', fields: { title: 'pwned' } },
	{ method: 'DELETE', path: '/no-such-endpoint', fields: { title: 'pwned' } },
	// Form actions.
	{
		method: 'POST',
		path: '/assess',
		fields: { bank: 'ai_readiness', version: '1.0.0', go: 'results', 'a.ai_code_share': 'over_75' }
	},
	{ method: 'POST', path: '/join', fields: { code: ':code' } },
	{ method: 'POST', path: '/workshops/new', fields: { title: 'pwned', organisation: 'pwned', minGroupSize: '1' } },
	{ method: 'POST', path: '/workshops/:id?/close', fields: { confirm: 'yes' } },
	{ method: 'POST', path: '/workshops/:id?/reopen', fields: {} },
	// The facilitator console's steps (facilitated workshops; the seeded workshop is self-paced, so they answer 409).
	{ method: 'POST', path: '/workshops/:id/present?/open', fields: { item: 'governance' } },
	{ method: 'POST', path: '/workshops/:id/present?/reveal', fields: {} },
	{ method: 'POST', path: '/workshops/:id/present?/revote', fields: {} },
	{
		method: 'POST',
		path: '/workshops/:id/present?/agree',
		fields: { questionId: 'gov_formal_policy', answer: '', note: 'pwned', action: 'pwned' }
	},
	{ method: 'POST', path: '/workshops/:id/present?/timer', fields: { seconds: '60', closesVote: 'on' } },
	{ method: 'POST', path: '/workshops/:id/present?/stopTimer', fields: {} },
	{ method: 'POST', path: '/workshops/:id/present?/show', fields: { questionId: 'gov_formal_policy' } },
	{ method: 'POST', path: '/workshops/:id/present?/close', fields: { confirm: 'yes' } },
	{ method: 'POST', path: '/workshops/:id/present?/reopen', fields: {} },
	{ method: 'POST', path: '/w/:code?/join', fields: { displayName: 'pwned' } },
	{
		method: 'POST',
		path: '/w/:code?/submit',
		fields: {
			bank: 'ai_readiness',
			version: '1.0.0',
			go: 'submit',
			idempotencyKey: 'csrf-key-0001',
			'a.ai_code_share': 'over_75'
		}
	},
	// Workspaces: save a result to one, a plan item, a closed workshop's team result, evidence.
	{ method: 'POST', path: `/results/${RESULT_CODE}?/save`, fields: { target: ':ws', savedBy: 'pwned' } },
	{
		method: 'POST',
		path: '/workspaces/:ws?/item',
		fields: { itemId: ':item', owner: 'pwned', due: '', status: 'done', notes: 'pwned' }
	},
	{ method: 'POST', path: '/workspaces/:ws?/addWorkshop', fields: { workshopId: ':id', savedBy: 'pwned' } },
	{
		method: 'POST',
		path: '/workspaces/:ws/milestones/1?/evidence',
		fields: { questionId: ':question', note: 'pwned', links: 'https://evil.example/' }
	},
	// Confirmed with the target workspace's name (tests/e2e/csrf.e2e.ts): only the CSRF guard stands in the way.
	{ method: 'POST', path: '/workspaces/:ws?/delete', fields: { confirmName: 'CSRF target' } },
	// Confirmed, as the page's form sends it: only the CSRF guard stands in the way.
	{ method: 'POST', path: '/workspaces/:ws?/replaceLink', fields: { confirm: 'yes' } },
	// JSON endpoint.
	{
		method: 'POST',
		path: '/w/:code/response',
		fields: { idempotencyKey: 'csrf-key-0002' },
		json: { answers: { ai_code_share: 'over_75' }, idempotencyKey: 'csrf-key-0002' }
	}
];

/** A seeded workspace: its id, one of its plan items and a question its first milestone answered. */
export interface SeededWorkspace {
	ws: string;
	item: string;
	question: string;
}

/** Fills `:code`, `:id`, `:ws`, `:item` and `:question` in a surface path (or field value). */
export function resolvePath(path: string, workshop: { code: string; id: string }, workspace?: SeededWorkspace): string {
	const filled = path.replaceAll(':code', workshop.code).replaceAll(':id', workshop.id);
	return workspace
		? filled
				.replaceAll(':ws', workspace.ws)
				.replaceAll(':item', workspace.item)
				.replaceAll(':question', workspace.question)
		: filled;
}

/**
 * Every workspace surface: pages, downloads and form actions, each of which must refuse a request that cannot open
 * the workspace (403; an unknown workspace 404). `route` is the route file it is served by, so a test can check the
 * list covers every route. `:result` stands for a result code on the current bank.
 */
export const WORKSPACE_SURFACES: ReadonlyArray<{
	method: 'GET' | 'POST';
	path: string;
	route: string;
	fields?: Record<string, string>;
}> = [
	{ method: 'GET', path: '/workspaces/:ws', route: '/workspaces/[id]' },
	{ method: 'GET', path: '/workspaces/:ws/milestones/1', route: '/workspaces/[id]/milestones/[seq]' },
	{
		method: 'GET',
		path: '/workspaces/:ws/milestones/1/answers.csv',
		route: '/workspaces/[id]/milestones/[seq]/answers.csv'
	},
	{
		method: 'GET',
		path: '/workspaces/:ws/milestones/1/report.pdf',
		route: '/workspaces/[id]/milestones/[seq]/report.pdf'
	},
	{ method: 'GET', path: '/workspaces/:ws/plan.csv', route: '/workspaces/[id]/plan.csv' },
	{ method: 'GET', path: '/workspaces/:ws/plan.md', route: '/workspaces/[id]/plan.md' },
	{ method: 'GET', path: '/workspaces/:ws/poam.json', route: '/workspaces/[id]/poam.json' },
	{
		method: 'GET',
		path: '/workspaces/:ws/milestones/1/assessment-results.json',
		route: '/workspaces/[id]/milestones/[seq]/assessment-results.json'
	},
	{
		method: 'POST',
		path: '/workspaces/:ws?/item',
		route: '/workspaces/[id]?/item',
		fields: { itemId: ':item', owner: 'pwned', due: '', status: 'done', notes: 'pwned' }
	},
	{
		method: 'POST',
		path: '/workspaces/:ws?/addWorkshop',
		route: '/workspaces/[id]?/addWorkshop',
		fields: { workshopId: ':id', savedBy: 'pwned' }
	},
	{
		method: 'POST',
		path: '/workspaces/:ws/milestones/1?/evidence',
		route: '/workspaces/[id]/milestones/[seq]?/evidence',
		fields: { questionId: ':question', note: 'pwned', links: 'https://evil.example/' }
	},
	{
		method: 'POST',
		path: '/results/:result?/save',
		route: '/results/[code]?/save',
		fields: { target: ':ws', savedBy: 'pwned' }
	},
	{
		method: 'POST',
		path: '/workspaces/:ws?/delete',
		route: '/workspaces/[id]?/delete',
		// Not the name: with the workspace's own cookie it is refused for that (400), never deleted mid-suite.
		fields: { confirmName: 'not its name' }
	},
	{
		method: 'POST',
		path: '/workspaces/:ws?/replaceLink',
		route: '/workspaces/[id]?/replaceLink',
		// Not confirmed: with the workspace's own cookie it is refused for that (400), its link never replaced mid-suite.
		fields: {}
	}
];

/** Workspace surfaces that exist only with sign-in configured (404 without it), covered by tests/e2e/oidc.e2e.ts. */
export const WORKSPACE_SIGN_IN_SURFACES: ReadonlyArray<{ method: 'GET' | 'POST'; path: string; route: string }> = [
	{ method: 'POST', path: '/workspaces/:ws?/invite', route: '/workspaces/[id]?/invite' },
	{ method: 'GET', path: `/workspaces/invite/${'a'.repeat(43)}`, route: '/workspaces/invite/[token]' },
	{ method: 'POST', path: `/workspaces/invite/${'a'.repeat(43)}?/accept`, route: '/workspaces/invite/[token]?/accept' }
];

/** Every content type a cross-site attacker might send; the first four need no CORS preflight. */
export const CONTENT_TYPES: ReadonlyArray<{ type: string; body: (surface: StateChanging) => BodyInit }> = [
	{ type: 'application/x-www-form-urlencoded', body: ({ fields }) => new URLSearchParams(fields).toString() },
	{
		type: 'multipart/form-data; boundary=x',
		body: ({ fields }) =>
			Object.entries(fields)
				.map(([name, value]) => `--x\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
				.join('') + '--x--\r\n'
	},
	{ type: 'text/plain', body: (surface) => JSON.stringify(surface.json ?? surface.fields) },
	{ type: 'TEXT/PLAIN;charset=utf-8', body: (surface) => JSON.stringify(surface.json ?? surface.fields) },
	{ type: 'application/json', body: (surface) => JSON.stringify(surface.json ?? surface.fields) }
];
