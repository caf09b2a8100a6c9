/**
 * The "Save to a workspace" form's choice: a new workspace (which needs a name) or one this browser or account can
 * open. Once the page runs, the name field shows only for a new workspace; without JavaScript it always shows and
 * the server ignores it for an existing one.
 */
import { openStorage } from '$lib/assess/progress';

/** The sessionStorage key of the workspace this tab last showed. */
const LAST_OPENED = 'ai-readiness:workspace:last-opened';

/**
 * Remembers, for this tab only, the workspace its page shows: a re-assessment started there and saved in the same
 * tab offers that workspace first. Without storage nothing is remembered and the form starts as it always did.
 */
export function rememberOpenedWorkspace(id: string): void {
	openStorage(() => window.sessionStorage).storage?.setItem(LAST_OPENED, id);
}

export class SaveChoice {
	target = $state('new');

	get isNew(): boolean {
		return this.target === 'new';
	}

	/**
	 * The choice the form starts with: the workspace this tab last showed, where it is one of `ids`; else, where a new
	 * workspace needs sign-in, the first of them; else a new one.
	 */
	preselect(ids: string[], needsSignIn: boolean): void {
		const opened = openStorage(() => window.sessionStorage).storage?.getItem(LAST_OPENED) ?? null;
		if (opened && ids.includes(opened)) this.target = opened;
		else if (needsSignIn && ids[0]) this.target = ids[0];
	}
}
