/** What the lens upload routes share: who is signed in, the uploaded file, and a refusal as the page shows it. */
import { error, fail, redirect, type ActionFailure } from '@sveltejs/kit';
import type { SignedIn } from '../auth/accounts';
import { requireSignIn } from '../auth/flow';
import { LensUploadError, type LensUpload } from './uploads';

/** The signed-in account; signed out, a redirect to sign in and come back to `returnTo`. Sign-in off: 404. */
export function lensAccount(locals: App.Locals, returnTo: string): SignedIn {
	requireSignIn();
	if (!locals.account) redirect(303, `/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
	return locals.account;
}

/** The form's `file` field as an upload. @throws LensUploadError when no file was chosen */
export async function uploadedFile(form: FormData): Promise<LensUpload> {
	const file = form.get('file');
	if (!(file instanceof File) || (file.size === 0 && file.name === ''))
		throw new LensUploadError(400, 'Choose a lens file (YAML or JSON) to upload.');
	return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** What a refused form shows: the sentence and a line per problem. */
export interface LensRefusal {
	message: string;
	problems: string[];
}

/** A refusal as the form's answer (a 404 stays a 404 page); anything else is rethrown. */
export function lensRefusal(e: unknown): ActionFailure<LensRefusal> {
	if (!(e instanceof LensUploadError)) throw e;
	if (e.status === 404) error(404, { error: 'not_found', message: e.message });
	return fail(e.status, { message: e.message, problems: e.problems });
}

/** A refusal while loading a page, as its error page (a lens that is not the account's: 404). */
export function lensPageError(e: unknown): never {
	if (e instanceof LensUploadError)
		error(e.status, { error: e.status === 404 ? 'not_found' : 'invalid', message: e.message });
	throw e;
}
