import { render, screen } from '@testing-library/svelte';
import { afterEach, expect, test } from 'vitest';
import { tick } from 'svelte';
import SaveToWorkspace from '$lib/components/workspaces/SaveToWorkspace.svelte';
import { rememberOpenedWorkspace } from '$lib/workspaces/save-choice.svelte';
import { WORKSPACE_LABELS as L } from '$scoring/present/workspace-labels';

const WORKSPACES = [
	{ id: '0b6f1c2e-0000-4000-8000-000000000001', name: 'Acme platform' },
	{ id: '0b6f1c2e-0000-4000-8000-000000000002', name: 'Payments' }
];
const props = { workspaces: WORKSPACES, needsSignIn: false, returnTo: '/results/x', failed: null };
const checked = () => (screen.getAllByRole('radio') as HTMLInputElement[]).filter((r) => r.checked).map((r) => r.value);

afterEach(() => sessionStorage.clear());

test('a new workspace is chosen when this tab has shown no workspace', async () => {
	render(SaveToWorkspace, props);
	await tick();
	expect(checked()).toEqual(['new']);
	expect(screen.getByLabelText(L.saveName)).toBeTruthy();
});

test('the workspace this tab last showed is chosen, and no name is asked for', async () => {
	rememberOpenedWorkspace(WORKSPACES[1]!.id);
	render(SaveToWorkspace, props);
	await tick();
	expect(checked()).toEqual([WORKSPACES[1]!.id]);
	expect(screen.queryByLabelText(L.saveName)).toBeNull();
});

test('a workspace this browser can no longer open is not chosen', async () => {
	rememberOpenedWorkspace('0b6f1c2e-0000-4000-8000-000000000009');
	render(SaveToWorkspace, props);
	await tick();
	expect(checked()).toEqual(['new']);
});

test('where a new workspace needs sign-in, the first one this browser can open is chosen', async () => {
	render(SaveToWorkspace, { ...props, needsSignIn: true });
	await tick();
	expect(checked()).toEqual([WORKSPACES[0]!.id]);
});
