/**
 * The app's attack surface, in one place for the security suites. Add each new page to PAGES and each new
 * state-changing endpoint (form action `?/name`, `+server.ts` POST/PUT/PATCH/DELETE) to STATE_CHANGING; the
 * header and CSRF suites then cover it with every check.
 */
import { encodeAnswerCode } from '../../scoring/answer-code';
import { BANK_V1 } from '../../scoring/bank';

/** A valid result code (every question at its last option) for the result page's endpoints. */
const RESULT_CODE = encodeAnswerCode(
	BANK_V1,
	Object.fromEntries(BANK_V1.questions.map((q) => [q.id, q.options.at(-1)!.id]))
);

/** A join code and a workshop id that exist nowhere (the workshop e2e suites cover real ones). */
const NO_SUCH_CODE = 'ZZZZZZ';
const NO_SUCH_WORKSHOP = '00000000-0000-4000-8000-000000000000';

/** Pages a browser loads with GET, and the status each answers with. */
export const PAGES: ReadonlyArray<{ path: string; status: number }> = [
	{ path: '/', status: 200 },
	{ path: '/assess', status: 200 },
	{ path: '/assess?step=2', status: 200 },
	{ path: '/join', status: 200 },
	{ path: '/workshops/new', status: 200 }
];

/** GET endpoints that answer with a file (or a plain-text 400) rather than a page; the header suite covers them. */
export const DOWNLOADS: ReadonlyArray<{ path: string; status: number; type: string }> = [
	{ path: `/results/${RESULT_CODE}/report.pdf`, status: 200, type: 'application/pdf' },
	{ path: `/results/${RESULT_CODE}/answers.csv`, status: 200, type: 'text/csv; charset=utf-8' },
	{ path: '/results/not-a-code/report.pdf', status: 400, type: 'text/plain; charset=utf-8' },
	{ path: '/results/not-a-code/answers.csv', status: 400, type: 'text/plain; charset=utf-8' }
];

/** Requests that change state (or would, if they were accepted). */
export const STATE_CHANGING: ReadonlyArray<{ method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string }> = [
	// Not endpoints yet, but the guard must hold on every path before any route runs.
	{ method: 'POST', path: '/' },
	{ method: 'PUT', path: '/' },
	{ method: 'PATCH', path: '/no-such-endpoint' },
	{ method: 'DELETE', path: '/no-such-endpoint' },
	{ method: 'POST', path: '/assess' },
	{ method: 'POST', path: '/join' },
	{ method: 'POST', path: `/w/${NO_SUCH_CODE}?/join` },
	{ method: 'POST', path: `/w/${NO_SUCH_CODE}?/submit` },
	{ method: 'POST', path: `/w/${NO_SUCH_CODE}/response` },
	{ method: 'POST', path: `/workshops/${NO_SUCH_WORKSHOP}?/close` },
	{ method: 'POST', path: `/workshops/${NO_SUCH_WORKSHOP}?/reopen` }
];

/** Every content type a cross-site attacker might send; the first four need no CORS preflight. */
export const CONTENT_TYPES: ReadonlyArray<{ type: string; body: () => BodyInit }> = [
	{ type: 'application/x-www-form-urlencoded', body: () => 'title=pwned' },
	{
		type: 'multipart/form-data; boundary=x',
		body: () => '--x\r\nContent-Disposition: form-data; name="title"\r\n\r\npwned\r\n--x--\r\n'
	},
	{ type: 'text/plain', body: () => '{"title":"pwned"}' },
	{ type: 'TEXT/PLAIN;charset=utf-8', body: () => '{"title":"pwned"}' },
	{ type: 'application/json', body: () => '{"title":"pwned"}' }
];
