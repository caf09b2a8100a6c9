/**
 * A participant's vote in a facilitated workshop: a vote with nothing chosen is not sent (the server would not count
 * it, and the phone said "Your vote is in"); one with an answer goes to the page's outbox. SvelteKit's form
 * enhancement is replaced by a stand-in that calls the form's submit function, as `use:enhance` does.
 */
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { CURRENT_BANK } from '$scoring/content/banks';
import { VOTE_STATUS } from '$scoring/present/team-labels';
import { assessmentSteps } from '$lib/assess/steps';
import VoteForm from '$lib/components/workshop/facilitated/VoteForm.svelte';

vi.mock('$app/forms', () => ({
	enhance: (form: HTMLFormElement, submit: (input: { cancel: () => void }) => void) => {
		const onsubmit = (event: Event) => {
			event.preventDefault();
			submit({ cancel: () => {} });
		};
		form.addEventListener('submit', onsubmit);
		return { destroy: () => form.removeEventListener('submit', onsubmit) };
	}
}));

const step = assessmentSteps(CURRENT_BANK).find((s) => s.questions.some((q) => q.kind === 'practice'))!;

/** A phone's vote form on `step`, with nothing chosen yet; `onvote` is what the page's outbox would be given. */
function renderVote() {
	const onvote = vi.fn();
	render(VoteForm, {
		bank: { id: CURRENT_BANK.id, version: CURRENT_BANK.version },
		step,
		stepNumber: 1,
		answers: {},
		idempotencyKey: 'vote-key-0001',
		label: 'Submit my vote',
		onvote
	});
	return onvote;
}

test('nothing chosen: the vote is not sent and the phone says why; an answer chosen: it is sent', async () => {
	const onvote = renderVote();
	const user = userEvent.setup();
	await user.click(screen.getByRole('button', { name: 'Submit my vote' }));
	expect(onvote).not.toHaveBeenCalled();
	expect(screen.getByRole('alert').textContent).toBe(VOTE_STATUS.empty);
	const first = step.questions[0]!;
	await user.click(screen.getAllByRole('radio')[0]!);
	// One answer of several: the first press says how many are left and sends nothing; the second sends it as it is.
	await user.click(screen.getByRole('button', { name: 'Submit my vote' }));
	expect(onvote).not.toHaveBeenCalled();
	const asked = document.querySelectorAll('fieldset.question').length;
	expect(asked).toBeGreaterThan(1);
	expect(screen.getByRole('alert').textContent).toBe(
		`You answered 1 of ${asked} questions. Answer the rest, or press the button again to send your vote as it is: the questions left count as unanswered.`
	);
	await user.click(screen.getByRole('button', { name: 'Submit my vote' }));
	expect(onvote).toHaveBeenCalledTimes(1);
	expect(Object.keys(onvote.mock.calls[0]![0] as object)).toContain(first.id);
	expect(screen.queryByRole('alert')).toBeNull();
});

test('every question answered: the vote is sent on the first press, with no warning', async () => {
	const onvote = renderVote();
	const user = userEvent.setup();
	// Answer each group shown, again after each answer (an answer can reveal a gated question).
	for (let i = 0; i < 20; i++) {
		const open = [...document.querySelectorAll('fieldset.question')].find((g) => !g.querySelector('input:checked'));
		if (!open) break;
		await user.click(open.querySelector('input[type=radio]')!);
	}
	await user.click(screen.getByRole('button', { name: 'Submit my vote' }));
	expect(screen.queryByRole('alert')).toBeNull();
	expect(onvote).toHaveBeenCalledTimes(1);
});
