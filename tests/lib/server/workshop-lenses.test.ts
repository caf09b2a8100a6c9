/**
 * Lenses in workshops through the service and the database: the facilitator pins a lens at creation (refused, with
 * the reason, when unknown or too many); phones' lens answers are checked against the
 * pinned lens and stored beside the survey's; they are released by the same rule, so the facilitator sees no lens
 * finding before the minimum group size and then only the team's; the survey's team result is the same as without
 * them; a workshop whose lens version the site no longer has keeps working and says so.
 */
import { describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import { CURRENT_BANK } from '$scoring/content/banks/index';
import { lensAnswerKey } from '$scoring/lens/answer-key';
import { parseLens } from '$scoring/lens/parse';
import type { Answers } from '$scoring/schema';
import { lensCatalog } from '$lib/server/lenses/service';
import { WorkshopError } from '$lib/server/workshops/errors';
import { createWorkshopService } from '$lib/server/workshops/service';
import { allAt } from '../../fixtures/answers';
import { SMALL_LENS } from '../../fixtures/lens';
import { DATABASE_KINDS, queryRows, useDatabase } from './databases';

const lens = parseLens(SMALL_LENS);
const catalog = lensCatalog([lens]);
const PIN = `${lens.id}@${lens.version}`;
const best = allAt(CURRENT_BANK, 'best');
const worst = allAt(CURRENT_BANK, 'worst');
const key = (q: string) => lensAnswerKey(lens.id, q);

async function refusal(promise: Promise<unknown>): Promise<WorkshopError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(WorkshopError);
	return error as WorkshopError;
}

describe.each(DATABASE_KINDS)('lenses in workshops on $name', (kind) => {
	const database = useDatabase(kind);
	const service = (lenses = catalog) => createWorkshopService(database(), undefined, lenses);
	const count = async (table: 'workshops' | 'responses') =>
		(await queryRows<{ n: number }>(database(), sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;

	/** A self-paced workshop pinning the small lens, with `n` participants joined. */
	async function lensWorkshop(n: number, s = service()) {
		const created = await s.createWorkshop({ title: 'Lens team', minGroupSize: 3, lenses: [PIN] });
		const tokens: string[] = [];
		for (let i = 0; i < n; i++) tokens.push((await s.joinWorkshop(created.workshop.code)).token);
		return { s, ...created, tokens };
	}

	test('pins the ticked lens as id and version; none by default', async () => {
		const { workshop } = await lensWorkshop(0);
		expect(workshop.lenses).toEqual([{ id: lens.id, version: lens.version }]);
		expect((await service().createWorkshop({ title: 'Plain' })).workshop.lenses).toEqual([]);
	});

	test('an unknown lens or two lenses are refused with the reason; nothing is stored', async () => {
		const unknown = await refusal(service().createWorkshop({ title: 'T', lenses: ['small-lens@9.9'] }));
		expect(unknown.status).toBe(400);
		expect(unknown.message).toBe(`There is no lens “small-lens@9.9” on this site (it offers ${PIN}).`);
		const two = lensCatalog([lens, { ...lens, id: 'other-lens' }]);
		const many = await refusal(service(two).createWorkshop({ title: 'T', lenses: [PIN, 'other-lens@1.0'] }));
		expect(many.message).toMatch(/at most 1 lens/);
		expect(await count('workshops')).toBe(0);
	});

	test('lens answers that the pinned lens does not take, or to a lens not pinned, are refused; nothing is stored', async () => {
		const { s, workshop, tokens } = await lensWorkshop(1);
		const bad: [Answers, RegExp][] = [
			[{ ...best, [key('register')]: 'sometimes' }, /"sometimes" is not an answer to question "register"/],
			[{ ...best, [key('no_such')]: 'full' }, /unknown question "no_such" in lens small-lens/],
			[{ ...best, 'other-lens:register': 'full' }, /does not ask the questions of lens “other-lens”/]
		];
		for (const [answers, message] of bad) {
			const e = await refusal(s.submitResponse(workshop.id, tokens[0], { answers, idempotencyKey: 'key-00001' }));
			expect(e.status).toBe(400);
			expect(e.message).toMatch(message);
		}
		expect(await count('responses')).toBe(0);
		// A workshop without the lens refuses its answers too.
		const plain = await service().createWorkshop({ title: 'Plain' });
		const { token } = await service().joinWorkshop(plain.workshop.code);
		const e = await refusal(
			service().submitResponse(plain.workshop.id, token, {
				answers: { ...best, [key('register')]: 'full' },
				idempotencyKey: 'key-00002'
			})
		);
		expect(e.message).toMatch(/does not ask the questions of lens “small-lens”/);
	});

	test('lens answers are released with the survey’s: no lens finding below the minimum group size, then the team’s', async () => {
		const { s, workshop, facilitatorToken, tokens } = await lensWorkshop(4);
		// Two people at the worst answers of the lens: nothing of them is shown.
		const worstLens = { [key('register')]: 'no_register', [key('review')]: 'never' };
		for (const i of [0, 1])
			await s.submitResponse(workshop.id, tokens[i], {
				answers: { ...best, ...worstLens },
				idempotencyKey: `key-0000${i}`
			});
		let summary = await s.summary(workshop.id);
		expect(summary.released).toBe(0);
		expect(summary.lenses).toEqual([
			expect.objectContaining({
				id: lens.id,
				version: lens.version,
				view: null,
				note: expect.stringMatching(/at least 3 people are released/)
			})
		]);
		const stored = await queryRows<{ answers: Answers; released_answers: Answers | null }>(
			database(),
			sql`select answers, released_answers from responses`
		);
		expect(stored.every((r) => r.answers[key('register')] === 'no_register' && r.released_answers === null)).toBe(true);

		// The third makes the minimum group size: all three are released, and the team answer is the median's.
		await s.submitResponse(workshop.id, tokens[2], {
			answers: { ...best, [key('register')]: 'full', [key('review')]: 'yearly' },
			idempotencyKey: 'key-00002'
		});
		summary = await s.summary(workshop.id);
		expect(summary.released).toBe(3);
		const view = summary.lenses[0]!.view!;
		expect(view.answerLabel).toBe('Team answer');
		expect(view.high.map((i) => [i.questionId, i.answerId])).toEqual([['register', 'no_register']]);
		expect(view.medium.map((i) => [i.questionId, i.answerId])).toEqual([['review', 'never']]);
		expect(view.summary).toMatch(/^From the released answers of 3 people\./);

		// One more person at the best lens answers is pending: the findings do not move by one person.
		await s.submitResponse(workshop.id, tokens[3], {
			answers: { ...best, [key('register')]: 'full', [key('review')]: 'yearly' },
			idempotencyKey: 'key-00003'
		});
		const after = await s.summary(workshop.id);
		expect(after.pending).toBe(1);
		expect(after.lenses).toEqual(summary.lenses);
		expect((await s.teamExport(workshop.id, facilitatorToken)).lenses).toEqual(summary.lenses);
	});

	test('the survey’s team result is the same with the lens answers as without them', async () => {
		const surveys = [best, worst, best];
		const lensAnswers = [
			{ [key('register')]: 'no_register' },
			{ [key('register')]: 'full', [key('review')]: 'dk' },
			{ [key('review')]: 'never' }
		];
		const withLens = await lensWorkshop(3);
		const plain = service();
		const without = await plain.createWorkshop({ title: 'Plain', minGroupSize: 3 });
		for (let i = 0; i < 3; i++) {
			await withLens.s.submitResponse(withLens.workshop.id, withLens.tokens[i], {
				answers: { ...surveys[i]!, ...lensAnswers[i]! },
				idempotencyKey: `key-a000${i}`
			});
			const { token } = await plain.joinWorkshop(without.workshop.code);
			await plain.submitResponse(without.workshop.id, token, { answers: surveys[i]!, idempotencyKey: `key-b000${i}` });
		}
		const a = (await withLens.s.summary(withLens.workshop.id)).stats;
		const b = (await plain.summary(without.workshop.id)).stats;
		expect(a).not.toBeNull();
		expect(a).toEqual(b);
	});

	test('a follow-up session pins the newest version of the same lens; one the site no longer has is not carried', async () => {
		const { workshop, facilitatorToken } = await lensWorkshop(0);
		const newer = { ...lens, version: '1.1' };
		const followUp = await service(lensCatalog([lens, newer])).createFollowUp(workshop.id, facilitatorToken);
		expect(followUp.workshop.lenses).toEqual([{ id: lens.id, version: '1.1' }]);
		const gone = await service(lensCatalog([])).createFollowUp(workshop.id, facilitatorToken);
		expect(gone.workshop.lenses).toEqual([]);
	});

	test('a workshop whose lens version the site no longer has keeps its survey and says why there are no findings', async () => {
		const { workshop, tokens } = await lensWorkshop(3);
		const later = service(lensCatalog([]));
		for (let i = 0; i < 3; i++)
			await later.submitResponse(workshop.id, tokens[i], { answers: best, idempotencyKey: `key-0000${i}` });
		const refused = await refusal(
			later.submitResponse(workshop.id, tokens[0], {
				answers: { ...best, [key('register')]: 'full' },
				idempotencyKey: 'key-00009'
			})
		);
		expect(refused.message).toMatch(/does not ask the questions of lens “small-lens”/);
		const summary = await later.summary(workshop.id);
		expect(summary.stats?.size).toBe(3);
		expect(summary.lenses).toEqual([
			expect.objectContaining({
				title: null,
				view: null,
				note: 'This workshop uses lens small-lens version 1.0, which this site no longer has, so its questions are not asked and it has no findings. The survey part of the workshop is complete without it.'
			})
		]);
	});
});
