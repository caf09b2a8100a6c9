/**
 * The "Save to a workspace" form's choice: a new workspace (which needs a name) or one this browser or account can
 * open. Once the page runs, the name field shows only for a new workspace; without JavaScript it always shows and
 * the server ignores it for an existing one.
 */
export class SaveChoice {
	target = $state('new');

	get isNew(): boolean {
		return this.target === 'new';
	}
}
