/**
 * Workspaces driven over HTTP the way a browser form does (with the Origin header the CSRF guard wants), for e2e
 * tests that need a workspace quickly: the browser tests then open the pages.
 */
import { CURRENT_BANK } from '$scoring/content/banks';
import { encodeAnswerCode } from '$scoring/export/answer-code';
import type { Answers } from '$scoring/schema';
import { cookieOf, postForm } from './workshop-api';

export interface TestWorkspace {
	id: string;
	/** `/workspaces/<id>` */
	path: string;
	/** The workspace cookie, as a Cookie header. */
	cookie: string;
	/** The private link (carries the token; opening it in a browser sets the cookie). */
	privateLink: string;
}

/** Saves a result (answers on the current bank) to a new workspace through the results page's form. */
export async function saveToNewWorkspace(
	base: string,
	answers: Answers,
	name = 'Test workspace',
	cookie = ''
): Promise<TestWorkspace> {
	const code = encodeAnswerCode(CURRENT_BANK, answers);
	const saved = await postForm(base, `/results/${code}?/save`, { target: 'new', name, savedBy: 'Tester' }, cookie);
	if (saved.status !== 303)
		throw new Error(`saving to a new workspace answered ${saved.status}: ${await saved.text()}`);
	const path = saved.headers.get('location')!;
	const set = cookieOf(saved);
	const value = decodeURIComponent(set.split('=')[1]!);
	const token = value.slice(value.indexOf('.') + 1);
	return { id: path.split('/').at(-1)!, path, cookie: set, privateLink: `${base}${path}?key=${token}` };
}
