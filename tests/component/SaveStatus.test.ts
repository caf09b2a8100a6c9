import { render, screen } from '@testing-library/svelte';
import { expect, test } from 'vitest';
import SaveStatus from '$lib/components/assess/SaveStatus.svelte';
import { text } from './text';

const SAVED = { state: 'saved', at: '2026-03-01T10:00:00.000Z' } as const;

test('says nothing is saved before the page has hydrated (the server cannot know)', () => {
	render(SaveStatus, { mounted: false, save: SAVED, restored: null });
	expect(text(screen.getByRole('status'))).toBe('');
	expect(screen.queryByRole('alert')).toBeNull();
});

test('says the answers are saved in this browser', () => {
	render(SaveStatus, { mounted: true, save: SAVED, restored: null });
	expect(text(screen.getByRole('status'))).toBe('✓ Saved in this browser');
});

test('says how many answers were restored, and from when', () => {
	const savedAt = '2026-02-27T15:30:00.000Z';
	const shown = new Date(savedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
	render(SaveStatus, { mounted: true, save: SAVED, restored: { count: 12, savedAt } });
	expect(text(screen.getByRole('status'))).toBe(`✓ Saved in this browser · restored 12 answers from ${shown}`);
});

test('one restored answer is singular; an unreadable date is left out rather than shown as "Invalid Date"', () => {
	render(SaveStatus, { mounted: true, save: SAVED, restored: { count: 1, savedAt: 'not a date' } });
	expect(text(screen.getByRole('status'))).toBe('✓ Saved in this browser · restored 1 answer');
});

test('when the browser refuses storage, an alert says why and what happens instead', () => {
	render(SaveStatus, { mounted: true, save: { state: 'failed', reason: 'storage is full' }, restored: null });
	const alert = text(screen.getByRole('alert'));
	expect(alert).toContain('Your answers cannot be saved in this browser (storage is full)');
	expect(alert).toContain('from now on they travel in the page address');
	expect(text(screen.getByRole('status'))).toBe('');
});
