/**
 * A workshop phone's questionnaire with the workshop's pinned lens, on the server (the path without JavaScript): the
 * lens's steps follow the survey's, the stored answers show on them, and a step form carries the lens answers
 * through the address to the submission, keyed as the service stores them.
 */
import { expect, test } from 'vitest';
import { CURRENT_BANK } from '$scoring/content/banks/index';
import { lensAnswerKey, withLensAnswers } from '$scoring/lens/answer-key';
import { parseLens } from '$scoring/lens/parse';
import { assessmentSteps } from '$lib/assess/steps';
import { ANSWER_FIELD_PREFIX } from '$lib/assess/progress';
import { lensCatalog } from '$lib/server/lenses/service';
import { questionnairePage, readStepForm, stepAddress } from '$lib/server/questionnaire';
import { allAt } from '../../fixtures/answers';
import { SMALL_LENS } from '../../fixtures/lens';

const lens = parseLens(SMALL_LENS);
const lenses = lensCatalog([lens]);
const best = allAt(CURRENT_BANK, 'best');
const surveySteps = assessmentSteps(CURRENT_BANK).length;

test('the pinned lens’s steps follow the survey’s, with the stored lens answers', () => {
	const stored = { ...best, [lensAnswerKey(lens.id, 'register')]: 'partial' };
	const page = questionnairePage(new URL('https://x.example/w/ABCDEF'), CURRENT_BANK, stored, {
		sameBank: true,
		lenses,
		lens
	});
	expect(page.steps.slice(surveySteps).map((s) => s.title)).toEqual(['Basics']);
	expect(page.steps.at(-1)!.questions.map((q) => q.id)).toEqual(['small-lens:register', 'small-lens:review']);
	expect(page.answers['small-lens:register']).toBe('partial');
	expect(page.lens).toMatchObject({ id: lens.id, version: lens.version });
});

test('without JavaScript the lens answers travel in the address and reach the submission under their keys', () => {
	const form = new FormData();
	form.set('bank', CURRENT_BANK.id);
	form.set('version', CURRENT_BANK.version);
	form.set('step', String(surveySteps + 1));
	form.set('go', 'back');
	form.set('lens', `${lens.id}@${lens.version}`);
	for (const [q, a] of Object.entries(best)) form.set(`${ANSWER_FIELD_PREFIX}${q}`, a);
	form.set(`${ANSWER_FIELD_PREFIX}small-lens:register`, 'no_register');
	form.set(`${ANSWER_FIELD_PREFIX}small-lens:review`, 'na');
	const read = readStepForm(form, 'submit', { lenses });
	if ('message' in read) throw new Error(read.message);
	expect(withLensAnswers(read.answers, read.lens)).toEqual({
		...best,
		'small-lens:register': 'no_register',
		'small-lens:review': 'na'
	});
	const back = questionnairePage(
		new URL(stepAddress('https://x.example/w/ABCDEF', read)),
		CURRENT_BANK,
		{},
		{
			sameBank: true,
			lenses,
			lens
		}
	);
	expect(back.answers['small-lens:register']).toBe('no_register');
	expect(back.answers['small-lens:review']).toBe('na');
});

test('a form naming a lens the workshop does not use is refused', () => {
	const form = new FormData();
	form.set('bank', CURRENT_BANK.id);
	form.set('version', CURRENT_BANK.version);
	form.set('lens', 'eu-dora-ai-engineering@1.0');
	expect(readStepForm(form, 'submit', { lenses })).toEqual({
		message: 'This lens version is no longer available on this site. Start again from the lens link.'
	});
});
