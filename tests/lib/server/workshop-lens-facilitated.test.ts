/**
 * Lenses in facilitated workshops, through the service and the database: each pinned lens's sections are voted on
 * after the survey's dimensions (ids that no dimension has); a lens section's vote changes only its lens questions;
 * its reveal needs the minimum of votes and releases those questions by the same rule (a re-vote moves a question only
 * when at least the minimum changed their answer to it); the room shows a lens question with its options, counts,
 * disagreement and median; an agreed answer stands for the median in the team's lens findings.
 */
import { describe, expect, test } from 'vitest';
import { CURRENT_BANK } from '$scoring/content/banks/index';
import { parseLens } from '$scoring/lens/parse';
import { facilitationItems } from '$scoring/present/team';
import type { Answers } from '$scoring/schema';
import { consoleOf } from '$lib/server/console';
import { lensCatalog } from '$lib/server/lenses/service';
import { roomOf } from '$lib/server/room';
import { WorkshopError } from '$lib/server/workshops/errors';
import { mergeVote } from '$lib/server/workshops/facilitation';
import { ANSWER_FIELD_PREFIX } from '$lib/assess/progress';
import { readStepForm } from '$lib/server/questionnaire';
import { lensAnswerKey, withLensAnswers } from '$scoring/lens/answer-key';
import { createWorkshopService } from '$lib/server/workshops/service';
import { allAt } from '../../fixtures/answers';
import { SMALL_LENS } from '../../fixtures/lens';
import { DATABASE_KINDS, useDatabase } from './databases';

const lens = parseLens(SMALL_LENS);
const catalog = lensCatalog([lens]);
const PIN = `${lens.id}@${lens.version}`;
const bank = CURRENT_BANK;
const key = (q: string) => lensAnswerKey(lens.id, q);
const ITEM = lensAnswerKey(lens.id, 'basics');
const best = allAt(bank, 'best');

async function refusal(promise: Promise<unknown>): Promise<WorkshopError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(WorkshopError);
	return error as WorkshopError;
}

test('a pinned lens’s sections follow the five dimensions, with ids no dimension has', () => {
	const items = facilitationItems(bank, [lens]);
	expect(items.map((i) => i.id)).toEqual([...bank.dimensions.map((d) => d.id), ITEM]);
	expect(items.at(-1)).toMatchObject({
		title: 'Basics',
		questionIds: [key('register'), key('review')],
		lens: { id: lens.id, title: lens.title }
	});
	expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
	expect(facilitationItems(bank).map((i) => i.id)).toEqual(bank.dimensions.map((d) => d.id));
});

test('a lens section’s vote replaces only its lens answers; survey answers and other lens answers are kept', () => {
	const stored: Answers = { ...best, [key('register')]: 'full', [key('review')]: 'yearly' };
	const merged = mergeVote(bank, stored, { ...allAt(bank, 'worst'), [key('register')]: 'partial' }, ITEM, [lens]);
	expect(merged).toEqual({ ...best, [key('register')]: 'partial' });
	// A dimension's vote keeps the lens answers as they were.
	const governance = facilitationItems(bank)[0]!;
	const kept = mergeVote(bank, stored, allAt(bank, 'worst'), governance.id, [lens]);
	expect([kept[key('register')], kept[key('review')]]).toEqual(['full', 'yearly']);
	expect(kept[governance.questionIds[0]!]).toBe(allAt(bank, 'worst')[governance.questionIds[0]!]);
});

test('a lens vote without JavaScript names the lens, so its answers are read as the lens’s and not refused', () => {
	// What the vote form posts: the bank, the step, the earlier answers carried, the lens and this section's answers.
	const form = new FormData();
	form.set('bank', bank.id);
	form.set('version', bank.version);
	form.set('step', '6');
	form.set('go', 'submit');
	for (const [q, a] of Object.entries(best)) form.set(`${ANSWER_FIELD_PREFIX}${q}`, a);
	form.set(`${ANSWER_FIELD_PREFIX}${key('register')}`, 'partial');
	form.set(`${ANSWER_FIELD_PREFIX}${key('review')}`, 'never');
	const without = readStepForm(form, 'submit', { lenses: catalog });
	// Without the lens named, a lens key is no survey question: the form is refused.
	expect(without).toEqual({ message: expect.stringMatching(/^The form sent an answer that is not valid/) });
	form.set('lens', PIN);
	const read = readStepForm(form, 'submit', { lenses: catalog });
	if ('message' in read) throw new Error(read.message);
	expect(withLensAnswers(read.answers, read.lens)).toEqual({
		...best,
		[key('register')]: 'partial',
		[key('review')]: 'never'
	});
});

describe.each(DATABASE_KINDS)('lenses in facilitated workshops on $name', (kind) => {
	const database = useDatabase(kind);

	async function room(people: number) {
		const s = createWorkshopService(database(), undefined, catalog);
		const { workshop, facilitatorToken: f } = await s.createWorkshop({
			title: 'Facilitated lens',
			mode: 'facilitated',
			minGroupSize: 3,
			lenses: [PIN]
		});
		const tokens: string[] = [];
		for (let i = 0; i < people; i++) tokens.push((await s.joinWorkshop(workshop.code)).token);
		let n = 0;
		const vote = (who: number, answers: Answers) =>
			s.submitResponse(workshop.id, tokens[who], { answers, idempotencyKey: `vote-key-${n++}` });
		return { s, workshop, f, vote, summary: () => s.summary(workshop.id) };
	}

	test('creating a facilitated workshop with a lens pins it; the console lists its section after the dimensions', async () => {
		const { s, workshop, f, summary } = await room(0);
		expect(workshop.lenses).toEqual([{ id: lens.id, version: lens.version }]);
		const view = roomOf(await summary());
		expect(view.items.map((i) => i.title)).toEqual([...bank.dimensions.map((d) => d.label), 'Lens: Basics']);
		expect(view.next!.button).toBe(`Next dimension: ${bank.dimensions[0]!.label}`);
		// After the last dimension, the console's next step is the lens's first section.
		await s.openVote(workshop.id, f, bank.dimensions.at(-1)!.id);
		expect(roomOf(await summary()).next).toEqual({
			id: ITEM,
			title: 'Lens: Basics',
			button: 'Next lens section: Basics'
		});
	});

	test('a lens section’s vote changes only its questions, and reveals only at the minimum of votes', async () => {
		const { s, workshop, f, vote, summary } = await room(4);
		await s.openVote(workshop.id, f, 'governance');
		await vote(0, best);
		await s.openVote(workshop.id, f, ITEM);
		const room1 = roomOf(await summary());
		expect(room1.item).toMatchObject({ id: ITEM, place: `Lens section 1 of 1: ${lens.title}` });
		// Survey answers sent with a lens vote are ignored; the governance vote stays as it was.
		const outcome = await vote(0, {
			...allAt(bank, 'worst'),
			[key('register')]: 'no_register',
			[key('review')]: 'never'
		});
		expect(outcome.answers[key('register')]).toBe('no_register');
		const governance = facilitationItems(bank).find((i) => i.id === 'governance')!;
		for (const q of governance.questionIds) expect(outcome.answers[q]).toBe(best[q]);
		expect((await refusal(vote(1, { [key('register')]: 'sometimes' }))).status).toBe(400);
		await vote(1, { [key('register')]: 'no_register', [key('review')]: 'never' });
		const tooFew = await refusal(s.reveal(workshop.id, f));
		expect(tooFew.reason).toBe('too_few');
		// Nothing of the two lens votes is shown before the reveal.
		expect((await summary()).lensTeams).toEqual([]);
		await vote(2, { [key('register')]: 'full', [key('review')]: 'yearly' });
		await s.reveal(workshop.id, f);
		const after = await summary();
		const register = after.lensTeams[0]!.questions.find((q) => q.questionId === 'register')!;
		expect(register.options!.map((o) => [o.optionId, o.count])).toEqual([
			['no_register', 2],
			['partial', 0],
			['full', 1]
		]);
		expect(register.medianAnswer).toBe('no_register');
		const view = roomOf(after);
		expect(view.reveal!.map((q) => q.questionId).sort()).toEqual([key('register'), key('review')]);
		const shown = view.reveal!.find((q) => q.questionId === key('register'))!;
		expect(shown).toMatchObject({
			question: 'Do you keep a register?',
			options: [
				{ label: 'No register.', count: 2 },
				{ label: 'Part of it.', count: 0 },
				{ label: 'All of it.', count: 1 }
			],
			median: 'No register.',
			figures: 'this_vote'
		});
		expect(shown.disagreement).toBeGreaterThan(0);
		expect(shown.choices.map((c) => c.id)).toEqual(['no_register', 'partial', 'full', 'dk', 'na']);
		// The console's record offers the same answers to agree on.
		expect(consoleOf(after, null).records!.find((r) => r.questionId === key('register'))!.choices).toEqual(
			shown.choices
		);
		await s.showQuestion(workshop.id, f, key('review'));
		expect((await summary()).workshop.shownQuestion).toBe(key('review'));
	});

	test('a lens re-vote moves a question only when at least the minimum changed their answer to it', async () => {
		const { s, workshop, f, vote, summary } = await room(4);
		await s.openVote(workshop.id, f, ITEM);
		for (let i = 0; i < 4; i++) await vote(i, { [key('register')]: 'full', [key('review')]: 'yearly' });
		await s.reveal(workshop.id, f);
		await s.revote(workshop.id, f);
		// Two change register (fewer than 3): held back. Three change review: released.
		for (const i of [0, 1]) await vote(i, { [key('register')]: 'no_register', [key('review')]: 'never' });
		await vote(2, { [key('register')]: 'full', [key('review')]: 'never' });
		await vote(3, { [key('register')]: 'full', [key('review')]: 'yearly' });
		await s.reveal(workshop.id, f);
		const after = await summary();
		const counts = (id: string) =>
			after.lensTeams[0]!.questions.find((q) => q.questionId === id)!.options!.map((o) => o.count);
		expect(counts('register')).toEqual([0, 0, 4]);
		expect(counts('review')).toEqual([3, 1]);
		const view = roomOf(after);
		expect(view.reveal!.find((q) => q.questionId === key('register'))!.figures).toBe('held');
		expect(view.reveal!.find((q) => q.questionId === key('review'))!.figures).toBe('this_vote');
	});

	test('an agreed answer on a lens question stands for the median in the team’s findings; a re-vote clears it', async () => {
		const { s, workshop, f, vote, summary } = await room(3);
		await s.openVote(workshop.id, f, ITEM);
		for (let i = 0; i < 3; i++) await vote(i, { [key('register')]: 'full', [key('review')]: 'yearly' });
		await s.reveal(workshop.id, f);
		let section = (await summary()).lenses[0]!.view!;
		expect(section.high).toEqual([]);
		const refused = await refusal(s.agree(workshop.id, f, { questionId: key('register'), answer: 'sometimes' }));
		expect(refused.message).toBe('"sometimes" is not an answer to this question.');
		expect((await refusal(s.agree(workshop.id, f, { questionId: key('nothing'), answer: 'full' }))).status).toBe(400);
		await s.agree(workshop.id, f, { questionId: key('register'), answer: 'no_register' });
		const agreed = await summary();
		section = agreed.lenses[0]!.view!;
		expect(section.high.map((i) => [i.questionId, i.answer])).toEqual([['register', 'No register.']]);
		expect(section.high[0]!.note).toMatch(/Agreed in discussion/);
		expect(agreed.lensTeams[0]!.teamAnswers.register).toBe('no_register');
		const shown = roomOf(agreed).reveal!.find((q) => q.questionId === key('register'))!;
		expect([shown.median, shown.agreed]).toEqual(['All of it.', 'No register.']);
		// The survey's team result does not take the lens's agreed answer (and does not refuse it).
		expect(agreed.stats!.formed.agreed).toBe(0);
		await s.revote(workshop.id, f);
		expect((await summary()).lenses[0]!.view!.high).toEqual([]);
	});
});
