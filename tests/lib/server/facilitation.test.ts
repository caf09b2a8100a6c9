/**
 * Facilitated workshops in the workshop service, on PGlite and PostgreSQL: votes change only the open dimension,
 * a reveal releases question by question (never fewer than the minimum group size of changed answers to a
 * question), re-votes, agreed answers replacing the median, and the facilitator-only steps. The property at the end
 * runs random sequences of votes, edits, reveals, re-votes and new joins and checks, after every step, that no two
 * summaries differ on any question by fewer than the minimum group size of changed answers.
 */
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { CURRENT_BANK } from '$scoring/content/banks/index';
import { facilitationItems } from '$scoring/present/team';
import type { Answers } from '$scoring/schema';
import type { WorkshopSummary } from '$lib/server/workshops/dto';
import { WorkshopError } from '$lib/server/workshops/errors';
import { createWorkshopService } from '$lib/server/workshops/service';
import { roomOf } from '$lib/server/room';
import { consoleOf } from '$lib/server/console';
import { allAt, byScore } from '../../fixtures/answers';
import { EMPTY_RECORD } from '../../fixtures/agreements';
import { DATABASE_KINDS, queryRows, useDatabase } from './databases';

const bank = CURRENT_BANK;
const items = facilitationItems(bank);
const governance = items.find((i) => i.id === 'governance')!;
const platform = items.find((i) => i.id === 'platform')!;
const best = allAt(bank, 'best');
const worst = allAt(bank, 'worst');
const [q1, q2] = governance.questionIds as [string, string];
const optionsOf = (id: string) => byScore(bank.questions.find((q) => q.id === id)!).map((o) => o.id);

async function refusal(promise: Promise<unknown>): Promise<WorkshopError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(WorkshopError);
	return error as WorkshopError;
}

/** Per question of `ids`: answer → count, as the summary shows it (suppressed options as one bucket). */
function countsOf(summary: WorkshopSummary, ids: readonly string[]): Map<string, Map<string, number>> {
	const out = new Map<string, Map<string, number>>();
	for (const id of ids) {
		const q = summary.stats?.questions.find((x) => x.questionId === id);
		const m = new Map<string, number>();
		if (q) {
			if (q.options) for (const o of q.options) m.set(o.optionId, o.count);
			else m.set('(chose an option)', q.answered);
			for (const r of q.reserved) m.set(r.code, r.count);
		}
		out.set(id, m);
	}
	return out;
}

describe.each(DATABASE_KINDS)('facilitated workshops on $name', (kind) => {
	const database = useDatabase(kind);

	async function room(people: number, minGroupSize = 3) {
		const s = createWorkshopService(database());
		const { workshop, facilitatorToken: f } = await s.createWorkshop({
			title: 'Facilitated',
			mode: 'facilitated',
			minGroupSize
		});
		const tokens: string[] = [];
		for (let i = 0; i < people; i++) tokens.push((await s.joinWorkshop(workshop.code)).token);
		let key = 0;
		const vote = (who: number, answers: Answers) =>
			s.submitResponse(workshop.id, tokens[who], { answers, idempotencyKey: `vote-key-${key++}` });
		return { s, workshop, f, tokens, vote, summary: () => s.summary(workshop.id) };
	}

	test('the mode is chosen at creation; self-paced is the default and has no votes', async () => {
		const s = createWorkshopService(database());
		const { workshop, facilitatorToken } = await s.createWorkshop({ title: 'Self-paced' });
		expect(workshop.mode).toBe('self_paced');
		expect((await refusal(s.openVote(workshop.id, facilitatorToken, 'governance'))).status).toBe(409);
		expect((await refusal(s.agree(workshop.id, facilitatorToken, { questionId: q1 }))).reason).toBe('not_facilitated');
		expect((await refusal(s.createWorkshop({ title: 'x', mode: 'pairs' }))).status).toBe(400);
	});

	test('a vote is accepted only while one is open, and changes only the open dimension', async () => {
		const { s, workshop, f, vote } = await room(3);
		expect((await refusal(vote(0, best))).reason).toBe('vote_closed');
		await s.openVote(workshop.id, f, 'governance');
		const outcome = await vote(0, best);
		expect(Object.keys(outcome.answers).sort()).toEqual([...governance.questionIds].sort());
		// The next vote (platform) keeps the governance answers and adds platform's; the governance part is ignored.
		await s.openVote(workshop.id, f, 'platform');
		const second = await vote(0, worst);
		expect(second.answers[q1]).toBe(best[q1]);
		expect(second.answers[platform.questionIds[0]!]).toBe(worst[platform.questionIds[0]!]);
		const [stored] = await queryRows<{ answers: Answers }>(database(), sql`select answers from responses`);
		expect(Object.keys(stored!.answers).length).toBe(governance.questionIds.length + platform.questionIds.length);
		expect((await refusal(s.openVote(workshop.id, f, 'profile_role'))).status).toBe(400);
	});

	test('a vote with nothing chosen is not counted as a vote and does not unlock the reveal', async () => {
		// A reviewer's phone sent an empty vote: it read "Your vote is in", counted among the votes and helped unlock
		// the reveal with one answer fewer than the room believed.
		const { s, workshop, f, vote, summary } = await room(3);
		await s.openVote(workshop.id, f, 'governance');
		await vote(0, best);
		await vote(1, best);
		await vote(2, {});
		expect((await summary()).voted).toBe(2);
		expect((await refusal(s.reveal(workshop.id, f))).reason).toBe('too_few');
		await vote(2, worst);
		expect((await summary()).voted).toBe(3);
	});

	test('nothing is released before the reveal; the reveal needs the minimum of votes and releases the dimension', async () => {
		const { s, workshop, f, vote, summary } = await room(4);
		await s.openVote(workshop.id, f, 'governance');
		await vote(0, best);
		await vote(1, best);
		expect((await summary()).voted).toBe(2);
		const tooFew = await refusal(s.reveal(workshop.id, f));
		expect([tooFew.status, tooFew.reason]).toEqual([409, 'too_few']);
		expect(tooFew.message).toMatch(/once 3 people have voted \(2 so far\)/);
		await vote(2, worst);
		await vote(3, best);
		// Four votes are in, more than the minimum: still nothing shown until the reveal.
		expect((await summary()).stats).toBeNull();
		await s.reveal(workshop.id, f);
		const after = await summary();
		expect(after.workshop.phase).toBe('revealed');
		expect(after.stats!.size).toBe(4);
		const first = after.stats!.questions.find((q) => q.questionId === q1)!;
		expect(first.answered).toBe(4);
		expect(first.options!.find((o) => o.optionId === worst[q1])!.count).toBe(1);
		// The other dimensions were not voted on: unanswered.
		expect(after.stats!.questions.find((q) => q.questionId === platform.questionIds[0])!.skipped).toBe(4);
		expect((await refusal(vote(0, worst))).reason).toBe('vote_closed');
		const view = roomOf(after);
		expect(view.reveal!.map((q) => q.questionId)).toEqual(governance.questionIds);
		expect(view.reveal![0]!.options!.map((o) => o.label)).toEqual(
			byScore(bank.questions.find((q) => q.id === q1)!).map((o) => o.label)
		);
	});

	test('a re-vote moves a question only when at least the minimum changed their answer to it', async () => {
		const { s, workshop, f, vote, summary } = await room(4);
		await s.openVote(workshop.id, f, 'governance');
		for (let i = 0; i < 4; i++) await vote(i, best);
		await s.reveal(workshop.id, f);
		const before = await summary();
		await s.revote(workshop.id, f);
		expect((await summary()).workshop).toMatchObject({ phase: 'voting', round: 2 });
		// One person changes q1; two others change q2; the fourth keeps their vote (submits it again).
		await vote(0, { ...best, [q1]: worst[q1]! });
		await vote(1, { ...best, [q2]: worst[q2]! });
		await vote(2, { ...best, [q2]: worst[q2]! });
		await vote(3, best);
		expect((await summary()).voted).toBe(4);
		await s.reveal(workshop.id, f);
		const after = await summary();
		// Neither question had three changed answers: nothing moved, and the changes wait.
		expect(countsOf(after, governance.questionIds)).toEqual(countsOf(before, governance.questionIds));
		expect(after.pending).toBe(3);
		// The room says so in words, the same for q1 (one change), q2 (two) and the others (none).
		const held = roomOf(after).reveal!;
		expect(new Set(held.map((q) => q.figuresLine))).toEqual(
			new Set([
				'Round 1 figures, held back: a question’s figures change only once at least 3 answers to it have changed, so a smaller change stays hidden.'
			])
		);
		// A third vote: the three keep their votes, the fourth changes q2 → q2 moves by its three changes; q1 waits.
		await s.revote(workshop.id, f);
		await vote(0, { ...best, [q1]: worst[q1]! });
		await vote(1, { ...best, [q2]: worst[q2]! });
		await vote(2, { ...best, [q2]: worst[q2]! });
		await vote(3, { ...best, [q2]: worst[q2]! });
		await s.reveal(workshop.id, f);
		const third = await summary();
		const c = (sum: WorkshopSummary, q: string, option: string) =>
			sum.stats!.questions.find((x) => x.questionId === q)!.options!.find((o) => o.optionId === option)!.count;
		expect(c(third, q2, worst[q2]!)).toBe(3);
		expect(c(third, q1, worst[q1]!)).toBe(0);
		expect(third.dataVersion).toBeGreaterThan(after.dataVersion);
		expect(third.pending).toBe(1);
		const words = new Map(roomOf(third).reveal!.map((q) => [q.questionId, q.figuresLine]));
		expect(words.get(q2)).toBe('Round 3 figures: at least 3 answers to this question changed in the re-vote.');
		expect(words.get(q1)).toMatch(/^Round 1 figures, held back: /);
	});

	test('the console chooses the revealed question the display shows; a new vote starts again at the first', async () => {
		const { s, workshop, f, tokens, vote, summary } = await room(3);
		expect((await refusal(s.showQuestion(workshop.id, f, q1))).status).toBe(409);
		await s.openVote(workshop.id, f, 'governance');
		for (let i = 0; i < 3; i++) await vote(i, i ? best : worst);
		await s.reveal(workshop.id, f);
		const order = roomOf(await summary()).reveal!.map((q) => q.questionId);
		expect(roomOf(await summary()).shown).toBe(0);
		await s.showQuestion(workshop.id, f, order[3]);
		expect(roomOf(await summary()).shown).toBe(3);
		expect((await refusal(s.showQuestion(workshop.id, f, platform.questionIds[0]))).status).toBe(400);
		expect((await refusal(s.showQuestion(workshop.id, tokens[0], order[1]))).status).toBe(403);
		await s.revote(workshop.id, f);
		for (let i = 0; i < 3; i++) await vote(i, best);
		await s.reveal(workshop.id, f);
		expect(roomOf(await summary()).shown).toBe(0);
	});

	test('the close confirmation counts who would be in the team result, per dimension, and releases nothing', async () => {
		const { s, workshop, f, vote, summary } = await room(4);
		expect(await s.closingPreview(workshop.id)).toEqual({
			released: 0,
			notCovered: bank.dimensions.map((d) => d.id),
			leftOut: 0
		});
		await s.openVote(workshop.id, f, 'governance');
		for (let i = 0; i < 3; i++) await vote(i, best);
		await s.reveal(workshop.id, f);
		// Platform voted by three, not revealed: the close would release it, as a reveal would.
		await s.openVote(workshop.id, f, 'platform');
		for (let i = 0; i < 3; i++) await vote(i, worst);
		const before = await summary();
		const preview = await s.closingPreview(workshop.id);
		expect(preview).toEqual({
			released: 3,
			notCovered: bank.dimensions.map((d) => d.id).filter((d) => d !== 'governance' && d !== 'platform'),
			leftOut: 0
		});
		expect((await summary()).dataVersion).toBe(before.dataVersion);
		await s.closeWorkshop(workshop.id, f);
		const closed = await summary();
		expect(closed.stats!.dimensions.filter((d) => !d.covered).map((d) => d.dimension)).toEqual(preview.notCovered);
	});

	test('the agreed answer replaces the median, says so, and changes the data version', async () => {
		const { s, workshop, f, vote, summary } = await room(3);
		await s.openVote(workshop.id, f, 'governance');
		for (let i = 0; i < 3; i++) await vote(i, worst);
		await s.reveal(workshop.id, f);
		const before = await summary();
		const q = before.stats!.questions.find((x) => x.questionId === q1)!;
		expect(q).toMatchObject({ teamAnswer: worst[q1], teamAnswerSource: 'median' });
		await s.agree(workshop.id, f, { questionId: q1, answer: best[q1], note: 'We have a policy.\r\nSigned off.' });
		const after = await summary();
		expect(after.stats!.questions.find((x) => x.questionId === q1)).toMatchObject({
			teamAnswer: best[q1],
			teamAnswerSource: 'agreed',
			medianAnswer: worst[q1]
		});
		expect(after.stats!.teamAnswers[q1]).toBe(best[q1]);
		expect(after.stats!.formed.agreed).toBe(1);
		expect(after.dataVersion).toBeGreaterThan(before.dataVersion);
		expect(after.agreements).toEqual([
			{ ...EMPTY_RECORD, questionId: q1, agreedAnswer: best[q1], note: 'We have a policy.\nSigned off.' }
		]);
		// The console has the note; the room the display and every phone receive has the agreed answer, not the note.
		expect(consoleOf(after, null).records!.find((r) => r.questionId === q1)).toMatchObject({
			agreedId: best[q1],
			note: 'We have a policy.\nSigned off.'
		});
		expect(JSON.stringify(roomOf(after))).not.toContain('We have a policy.');
		expect(roomOf(after).reveal!.find((r) => r.questionId === q1)).not.toHaveProperty('note');
		// Clearing the agreed answer goes back to the median.
		await s.agree(workshop.id, f, { questionId: q1, answer: '' });
		expect((await summary()).stats!.questions.find((x) => x.questionId === q1)!.teamAnswerSource).toBe('median');
	});

	test('a re-vote clears the dimension’s agreed answers (an answer agreed on the old figures would sit beside the new), keeping notes and actions', async () => {
		const { s, workshop, f, vote, summary } = await room(3);
		await s.openVote(workshop.id, f, 'governance');
		for (let i = 0; i < 3; i++) await vote(i, worst);
		await s.reveal(workshop.id, f);
		await s.agree(workshop.id, f, { questionId: q1, answer: best[q1], note: 'Policy exists.', action: 'Publish it' });
		const agreed = await summary();
		expect(roomOf(agreed).reveal!.find((r) => r.questionId === q1)!.agreedLine).toMatch(/^Agreed: /);
		await s.revote(workshop.id, f);
		const revoting = await summary();
		expect(revoting.dataVersion).toBeGreaterThan(agreed.dataVersion);
		expect(revoting.stats!.questions.find((x) => x.questionId === q1)!.teamAnswerSource).toBe('median');
		expect(revoting.agreements.find((a) => a.questionId === q1)).toMatchObject({
			agreedAnswer: null,
			note: 'Policy exists.',
			action: 'Publish it'
		});
		for (let i = 0; i < 3; i++) await vote(i, best);
		await s.reveal(workshop.id, f);
		expect(roomOf(await summary()).reveal!.find((r) => r.questionId === q1)!.agreedLine).toBeNull();
	});

	test('bad agreements are a clear 400 and store nothing; only the facilitator may agree or step', async () => {
		const { s, workshop, f, tokens } = await room(3);
		const cases: [unknown, RegExp][] = [
			[{ questionId: 'nope' }, /no question "nope"/],
			[{ questionId: 'profile_role', answer: 'ceo' }, /no question/],
			[{ questionId: q1, answer: 'zzz' }, /not an answer/],
			[{ questionId: q1, note: 'a\u0000b' }, /control characters/],
			[{ questionId: q1, action: 'x'.repeat(1001) }, /at most 1000/],
			[{ questionId: q1, actionOwner: 'Head of platform' }, /An owner or a due date belongs to an action/],
			[{ questionId: q1, action: 'Act.', actionOwner: 'a\nb' }, /owner cannot contain control characters/],
			[{ questionId: q1, action: 'Act.', actionOwner: 'x'.repeat(121) }, /owner is at most 120/],
			[{ questionId: q1, action: 'Act.', actionDue: '2026-02-30' }, /due date must be a date between/],
			[{ questionId: q1, action: 'Act.', actionDue: '30/09/2026' }, /due date must be a date between/],
			[{ questionId: q1, action: 'Act.', actionDue: '1999-12-31' }, /due date must be a date between/],
			[{ questionId: q1, action: 'Act.', actionStatus: 'later' }, /open, done or dropped/],
			[{ questionId: q1, extra: 1 }, /./],
			[{}, /Name the question/]
		];
		for (const [input, message] of cases) {
			const e = await refusal(s.agree(workshop.id, f, input));
			expect(e.status, JSON.stringify(input)).toBe(400);
			expect(e.message).toMatch(message);
		}
		expect((await refusal(s.agree(workshop.id, tokens[0], { questionId: q1 }))).status).toBe(403);
		for (const step of [
			() => s.openVote(workshop.id, tokens[0], 'governance'),
			() => s.reveal(workshop.id, 'forged'),
			() => s.revote(workshop.id, undefined)
		])
			expect((await refusal(step())).status).toBe(403);
		const [{ n }] = (await queryRows<{ n: number }>(
			database(),
			sql`select count(*)::int as n from workshop_agreements`
		)) as [{ n: number }];
		expect(n).toBe(0);
		expect((await refusal(s.revote(workshop.id, f))).status).toBe(409);
		expect((await refusal(s.reveal(workshop.id, f))).status).toBe(409);
	});

	test('an action has an owner, a due date and a status; clearing the action clears them', async () => {
		const { s, workshop, f, summary } = await room(3);
		const saved = await s.agree(workshop.id, f, {
			questionId: q1,
			answer: '',
			action: 'Rotate the deploy keys.',
			actionOwner: '  Head of platform ',
			actionDue: '2026-09-30',
			actionStatus: 'open'
		});
		expect(saved).toEqual({
			...EMPTY_RECORD,
			questionId: q1,
			action: 'Rotate the deploy keys.',
			actionOwner: 'Head of platform',
			actionDue: '2026-09-30'
		});
		await s.agree(workshop.id, f, {
			questionId: q1,
			action: saved.action!,
			actionOwner: saved.actionOwner!,
			actionDue: saved.actionDue!,
			actionStatus: 'done'
		});
		expect((await summary()).agreements[0]).toMatchObject({ actionStatus: 'done', actionDue: '2026-09-30' });
		// A status without an action means nothing: it is stored as open.
		await s.agree(workshop.id, f, { questionId: q1, actionStatus: 'dropped' });
		expect((await summary()).agreements).toEqual([{ ...EMPTY_RECORD, questionId: q1 }]);
	});

	test('a follow-up session carries the open actions, not the rest, and keeps the first session unchanged', async () => {
		const { s, workshop, f, vote } = await room(3);
		const [, , q3, q4] = governance.questionIds;
		await s.agree(workshop.id, f, { questionId: q1, action: 'Open one.', actionOwner: 'CTO', actionDue: '2026-09-30' });
		await s.agree(workshop.id, f, { questionId: q2, action: 'Done one.', actionStatus: 'done' });
		await s.agree(workshop.id, f, { questionId: q3!, action: 'Dropped one.', actionStatus: 'dropped' });
		await s.agree(workshop.id, f, { questionId: q4!, answer: best[q4!]!, note: 'Only a note.' });
		await s.openVote(workshop.id, f, 'governance');
		for (let i = 0; i < 3; i++) await vote(i, worst);
		await s.reveal(workshop.id, f);
		expect(await s.followUpPlan(workshop.id, f)).toEqual({ open: 1, notCarried: 0 });
		expect((await refusal(s.createFollowUp(workshop.id, 'forged'))).status).toBe(403);

		const before = await s.summary(workshop.id);
		const next = await s.createFollowUp(workshop.id, f);
		expect(next.carried).toBe(1);
		expect(next.workshop).toMatchObject({
			title: 'Follow-up: Facilitated',
			mode: 'facilitated',
			minGroupSize: 3,
			follows: workshop.id,
			status: 'open',
			phase: 'lobby'
		});
		expect(next.workshop.code).not.toBe(workshop.code);
		// The follow-up's facilitator token is its own: the first session's does not open it, nor the reverse.
		expect((await refusal(s.getForFacilitator(next.workshop.id, f))).status).toBe(403);
		expect((await refusal(s.getForFacilitator(workshop.id, next.facilitatorToken))).status).toBe(403);
		const heldOn = workshop.createdAt.toISOString().slice(0, 10);
		const followUp = await s.summary(next.workshop.id);
		expect(followUp.agreements).toEqual([
			{
				...EMPTY_RECORD,
				questionId: q1,
				action: 'Open one.',
				actionOwner: 'CTO',
				actionDue: '2026-09-30',
				carriedFrom: heldOn
			}
		]);
		// The follow-up has no answers yet: its team figures start from nothing, and no one has joined.
		expect(followUp).toMatchObject({ joined: 0, submitted: 0, stats: null });
		expect(await s.summary(workshop.id)).toEqual(before);

		// Reviewing the carried action keeps where it came from; a follow-up of the follow-up keeps the first date.
		await s.agree(next.workshop.id, next.facilitatorToken, {
			questionId: q1,
			action: 'Open one.',
			actionOwner: 'CTO',
			actionDue: '2026-12-31'
		});
		const third = await s.createFollowUp(next.workshop.id, next.facilitatorToken);
		expect(third.workshop.title).toBe('Follow-up: Facilitated');
		expect((await s.summary(third.workshop.id)).agreements).toEqual([
			expect.objectContaining({ questionId: q1, actionDue: '2026-12-31', carriedFrom: heldOn })
		]);

		// The team documents of the follow-up set the first session's team result beside its own.
		const exported = await s.teamExport(next.workshop.id, next.facilitatorToken);
		expect(exported.previous).toMatchObject({ title: 'Facilitated', minGroupSize: 3 });
		expect(exported.previous!.stats!.size).toBe(3);
		expect((await s.teamExport(workshop.id, f)).previous).toBeNull();
	});

	test('closing releases question by question like a reveal, never a lone late vote', async () => {
		const { s, workshop, f, vote, summary } = await room(4);
		await s.openVote(workshop.id, f, 'governance');
		for (let i = 0; i < 3; i++) await vote(i, best);
		await s.reveal(workshop.id, f);
		await s.openVote(workshop.id, f, 'platform');
		await vote(3, best); // one vote on platform, and three more votes...
		for (let i = 0; i < 3; i++) await vote(i, worst);
		await s.openVote(workshop.id, f, 'automation');
		await vote(0, worst); // ...and a lone one on automation, never revealed
		await s.closeWorkshop(workshop.id, f);
		const closed = await summary();
		// Platform: four changed answers per question → released at close; automation: one → not.
		expect(closed.stats!.questions.find((q) => q.questionId === platform.questionIds[0])!.answered).toBe(4);
		const auto = items.find((i) => i.id === 'automation')!.questionIds[0]!;
		expect(closed.stats!.questions.find((q) => q.questionId === auto)!.answered).toBe(0);
		expect(roomOf(closed).team!.code).toEqual(expect.any(String));
		expect((await refusal(s.openVote(workshop.id, f, 'platform'))).reason).toBe('closed');
		// Notes may still be written up after close.
		await s.agree(workshop.id, f, { questionId: q1, action: 'Publish the policy' });
	});

	test('timers: a vote timer that closes the vote refuses votes after zero; advisory ones do not; steps clear them', async () => {
		const { s, workshop, f, vote } = await room(4);
		// Only the clock is faked: the database drivers keep their own timers.
		vi.useFakeTimers({ toFake: ['Date'] });
		try {
			expect((await refusal(s.startTimer(workshop.id, f, { seconds: 60 }))).status).toBe(409); // lobby
			await s.openVote(workshop.id, f, 'governance');
			for (const bad of [{ seconds: 5 }, { seconds: 3601 }, { seconds: 'soon' }, { seconds: 60, extra: 1 }])
				expect((await refusal(s.startTimer(workshop.id, f, bad))).status).toBe(400);
			const started = Date.now();
			const view = await s.startTimer(workshop.id, f, { seconds: 60, closesVote: true });
			expect(view.timer).toEqual({ kind: 'vote', endsAt: new Date(started + 60_000), seconds: 60, closesVote: true });
			const seen = roomOf(await s.summary(workshop.id)).timer!;
			expect(seen).toMatchObject({ kind: 'vote', endsAt: started + 60_000, seconds: 60, atZero: 'closes_vote' });
			expect(seen.zeroLine).toMatch(/the vote is closed/);
			await vote(0, best);
			vi.setSystemTime(started + 59_000);
			await vote(1, best);
			vi.setSystemTime(started + 60_000);
			const late = await refusal(vote(2, best));
			expect([late.status, late.reason]).toEqual([409, 'vote_closed']);
			expect(late.message).toMatch(/after the timer reached zero/);
			// The same at zero without closing: an advisory timer lets votes in.
			await s.startTimer(workshop.id, f, { seconds: 10, closesVote: false });
			vi.setSystemTime(started + 80_000);
			await vote(2, best);
			expect(roomOf(await s.summary(workshop.id)).timer).toMatchObject({ atZero: 'advisory' });
			// A reveal clears the vote's timer; a discussion timer is advisory and cannot close a vote.
			await s.reveal(workshop.id, f);
			expect((await s.summary(workshop.id)).workshop.timer).toBeNull();
			expect((await refusal(s.startTimer(workshop.id, f, { seconds: 60, closesVote: true }))).status).toBe(400);
			await s.startTimer(workshop.id, f, { seconds: 300 });
			expect(roomOf(await s.summary(workshop.id)).timer).toMatchObject({ kind: 'discussion', atZero: 'advisory' });
			expect((await s.stopTimer(workshop.id, f)).timer).toBeNull();
			await s.startTimer(workshop.id, f, { seconds: 300 });
			await s.closeWorkshop(workshop.id, f);
			expect((await s.summary(workshop.id)).workshop.timer).toBeNull();
			// Only the facilitator sets timers.
			expect((await refusal(s.startTimer(workshop.id, 'forged', { seconds: 60 }))).status).toBe(403);
		} finally {
			vi.useRealTimers();
		}
	});

	test('property: every release moves a question by the changed answers of at least the minimum, never fewer', async () => {
		const k = 3;
		const step = fc.oneof(
			{ arbitrary: fc.record({ op: fc.constant('vote' as const), who: fc.nat(5), pick: fc.nat(1000) }), weight: 8 },
			{ arbitrary: fc.constant({ op: 'reveal' as const }), weight: 2 },
			{ arbitrary: fc.constant({ op: 'revote' as const }), weight: 2 },
			{
				arbitrary: fc.record({ op: fc.constant('open' as const), item: fc.constantFrom('governance', 'platform') }),
				weight: 1
			}
		);
		/** What the figures are computed from: each response's released answers. */
		const released = async () =>
			new Map(
				(
					await queryRows<{ participant_id: string; released_answers: Answers | null }>(
						database(),
						sql`select participant_id, released_answers from responses`
					)
				).map((r) => [r.participant_id, r.released_answers ?? {}])
			);
		let releases = 0;
		await fc.assert(
			fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 30 }), async (steps) => {
				await database().db.execute(sql`truncate table responses, participants, workshops cascade`);
				const { s, workshop, f, tokens, summary } = await room(4, k);
				await s.openVote(workshop.id, f, 'governance');
				const ids = [...governance.questionIds, ...platform.questionIds];
				let before = await released();
				const check = async (what: string) => {
					const after = await released();
					for (const id of ids) {
						const moved = [...after].filter(([p, a]) => (before.get(p) ?? {})[id] !== a[id]).length;
						expect(moved === 0 || moved >= k, `${what}: ${id} moved by ${moved} answers`).toBe(true);
					}
					if ([...after].some(([p, a]) => JSON.stringify(before.get(p) ?? {}) !== JSON.stringify(a))) releases++;
					before = after;
				};
				let key = 0;
				for (const st of steps) {
					try {
						if (st.op === 'vote') {
							// Participants 4 and 5 join late, on their first vote.
							while (tokens.length <= st.who) tokens.push((await s.joinWorkshop(workshop.code)).token);
							const answers: Answers = {};
							ids.forEach((id, i) => {
								const options = optionsOf(id);
								answers[id] = options[(st.pick >> (i % 10)) % options.length]!;
							});
							await s.submitResponse(workshop.id, tokens[st.who], {
								answers,
								idempotencyKey: `property-key-${key++}`
							});
						} else if (st.op === 'reveal') await s.reveal(workshop.id, f);
						else if (st.op === 'revote') await s.revote(workshop.id, f);
						else await s.openVote(workshop.id, f, st.item);
					} catch (e) {
						if (!(e instanceof WorkshopError) || e.status !== 409) throw e;
					}
					await check(st.op);
					// What the summary shows is what was released: it never shows a question fewer than k answered.
					for (const q of (await summary()).stats?.questions ?? [])
						expect(q.options === null || q.answered >= k).toBe(true);
				}
				await s.closeWorkshop(workshop.id, f);
				await check('close');
			}),
			{ numRuns: kind.name === 'pglite' ? 15 : 10, seed: 11 }
		);
		// Not vacuous: the runs released figures many times.
		expect(releases).toBeGreaterThan(10);
	}, 120_000);
});
