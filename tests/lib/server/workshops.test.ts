import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import { CURRENT_BANK } from '$scoring/content/banks/index';
import type { Answers } from '$scoring/schema';
import { createLiveNotifier } from '$lib/server/live';
import { participantCap } from '$lib/server/workshops/dto';
import { WorkshopError } from '$lib/server/workshops/errors';
import { createWorkshopService } from '$lib/server/workshops/service';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, normaliseJoinCode } from '$lib/server/workshops/tokens';
import { allAt } from '../../fixtures/answers';
import { DATABASE_KINDS, queryRows, useDatabase } from './databases';

const best = allAt(CURRENT_BANK, 'best');
const worst = allAt(CURRENT_BANK, 'worst');
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Resolves to the WorkshopError a promise rejects with (fails if it resolves or rejects otherwise). */
async function refusal(promise: Promise<unknown>): Promise<WorkshopError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(WorkshopError);
	return error as WorkshopError;
}

test('join codes are normalised case-insensitively and junk is refused before any lookup', () => {
	expect(normaliseJoinCode(' abc-def ')).toBe('ABCDEF');
	expect(normaliseJoinCode('ABCDE')).toBeNull();
	expect(normaliseJoinCode('ABCDE0')).toBeNull(); // 0 is not in the alphabet
	expect(normaliseJoinCode("' OR 1=1")).toBeNull();
});

describe.each(DATABASE_KINDS)('workshop service on $name', (kind) => {
	const database = useDatabase(kind);
	const service = () => createWorkshopService(database());
	const countRows = async (table: 'workshops' | 'participants' | 'responses') =>
		(await queryRows<{ n: number }>(database(), sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
	const storedResponses = () =>
		queryRows<{ answers: Answers; idempotency_key: string; updated_at: unknown }>(
			database(),
			sql`select answers, idempotency_key, updated_at from responses`
		);

	async function workshopWithParticipant(minGroupSize = 3) {
		const s = service();
		const { workshop, facilitatorToken } = await s.createWorkshop({ title: 'Platform team', minGroupSize });
		const { token } = await s.joinWorkshop(workshop.code, { displayName: 'Ada' });
		return { s, workshop, facilitatorToken, token };
	}

	test('creates a workshop with a join code and a facilitator token stored only as its hash', async () => {
		const { workshop, facilitatorToken } = await service().createWorkshop({
			title: '  Platform team ',
			organisation: ''
		});
		expect(workshop.code).toHaveLength(JOIN_CODE_LENGTH);
		for (const c of workshop.code) expect(JOIN_CODE_ALPHABET).toContain(c);
		expect(workshop).toMatchObject({ title: 'Platform team', organisation: null, minGroupSize: 3, status: 'open' });
		expect(Buffer.from(facilitatorToken, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
		const [row] = await queryRows<{ facilitator_token_hash: string }>(
			database(),
			sql`select facilitator_token_hash from workshops`
		);
		expect(row!.facilitator_token_hash).toBe(sha256(facilitatorToken));
		expect(JSON.stringify(row)).not.toContain(facilitatorToken);
	});

	test('refuses an invalid workshop form with its messages and stores nothing', async () => {
		const e = await refusal(service().createWorkshop({ title: '   ', minGroupSize: 1 }));
		expect(e.status).toBe(400);
		expect(e.message).toMatch(/workshop title/);
		expect(e.message).toMatch(/minimum group size/);
		await refusal(service().createWorkshop({ title: 'x', extra: 1 }));
		expect(await countRows('workshops')).toBe(0);
	});

	test('finds a workshop by its code in any case, with spaces or dashes', async () => {
		const { workshop } = await service().createWorkshop({ title: 'T' });
		const lower = workshop.code.toLowerCase();
		expect((await service().findByCode(lower))?.id).toBe(workshop.id);
		expect((await service().findByCode(`${lower.slice(0, 3)}-${lower.slice(3)}`))?.id).toBe(workshop.id);
		expect(await service().findByCode('ZZZZZZ')).toBeNull();
		const e = await refusal(service().joinWorkshop('nope'));
		expect(e.status).toBe(404);
		expect(await countRows('participants')).toBe(0);
	});

	test('a participant token is stored hashed and identifies only its own workshop', async () => {
		const { s, workshop, token } = await workshopWithParticipant();
		const other = await s.createWorkshop({ title: 'Other' });
		const [row] = await queryRows<{ token_hash: string; display_name: string }>(
			database(),
			sql`select token_hash, display_name from participants`
		);
		expect(row).toEqual({ token_hash: sha256(token), display_name: 'Ada' });
		expect(await s.participant(workshop.id, token)).toMatchObject({ displayName: 'Ada', answers: null });
		expect(await s.participant(other.workshop.id, token)).toBeNull();
		// The token of workshop A cannot submit to workshop B.
		const e = await refusal(s.submitResponse(other.workshop.id, token, { answers: best, idempotencyKey: 'key-00001' }));
		expect(e.status).toBe(403);
		expect(await countRows('responses')).toBe(0);
	});

	test('double submits and retries are idempotent; a new submission replaces the old', async () => {
		const { s, workshop, token } = await workshopWithParticipant();
		const first = { answers: best, idempotencyKey: 'key-00001' };
		const [a, b] = await Promise.all([
			s.submitResponse(workshop.id, token, first),
			s.submitResponse(workshop.id, token, first)
		]);
		expect([a.status, b.status].sort()).toEqual(['created', 'unchanged']);
		const [stored] = await storedResponses();
		expect(await countRows('responses')).toBe(1);

		const retry = await s.submitResponse(workshop.id, token, first);
		expect(retry).toEqual({ status: 'unchanged', answers: best });
		const [afterRetry] = await storedResponses();
		expect(afterRetry).toEqual(stored);

		const edit = await s.submitResponse(workshop.id, token, { answers: worst, idempotencyKey: 'key-00002' });
		expect(edit.status).toBe('updated');
		const rows = await storedResponses();
		expect(rows).toHaveLength(1);
		expect(rows[0]!.answers).toEqual(worst);
		expect(rows[0]!.idempotency_key).toBe('key-00002');
	});

	test('the database holds one response per participant', async () => {
		const { s, workshop, token } = await workshopWithParticipant();
		await s.submitResponse(workshop.id, token, { answers: best, idempotencyKey: 'key-00001' });
		const [p] = await queryRows<{ id: string }>(database(), sql`select id from participants`);
		await expect(
			database().db.execute(
				sql`insert into responses (id, workshop_id, participant_id, answers, idempotency_key)
				    values (gen_random_uuid(), ${workshop.id}, ${p!.id}, '{}'::jsonb, 'key-other')`
			)
		).rejects.toThrow();
		expect(await countRows('responses')).toBe(1);
	});

	test('unknown question ids, unknown options and malformed bodies are refused and nothing is stored', async () => {
		const { s, workshop, token } = await workshopWithParticipant();
		const bad: unknown[] = [
			{ answers: { ...best, no_such_question: 'x' }, idempotencyKey: 'key-00001' },
			{ answers: { ...best, [Object.keys(best)[0]!]: 'not_an_option' }, idempotencyKey: 'key-00001' },
			{ answers: JSON.parse('{"__proto__":"x"}'), idempotencyKey: 'key-00001' },
			{ answers: [], idempotencyKey: 'key-00001' },
			{ answers: best },
			{ answers: best, idempotencyKey: 'short' },
			{ answers: best, idempotencyKey: 'key-00001', extra: true },
			'not an object',
			null
		];
		for (const input of bad) {
			const e = await refusal(s.submitResponse(workshop.id, token, input));
			expect(e.status).toBe(400);
			expect(e.message.length).toBeGreaterThan(5);
		}
		const unknown = await refusal(
			s.submitResponse(workshop.id, token, { answers: { no_such_question: 'x' }, idempotencyKey: 'key-00001' })
		);
		expect(unknown.message).toMatch(/unknown question "no_such_question"/);
		expect(await countRows('responses')).toBe(0);
	});

	test('a closed workshop refuses submissions and keeps the stored answers; reopening accepts again', async () => {
		const { s, workshop, facilitatorToken, token } = await workshopWithParticipant();
		await s.submitResponse(workshop.id, token, { answers: best, idempotencyKey: 'key-00001' });
		expect((await s.closeWorkshop(workshop.id, facilitatorToken)).status).toBe('closed');
		const e = await refusal(s.submitResponse(workshop.id, token, { answers: worst, idempotencyKey: 'key-00002' }));
		expect(e.status).toBe(409);
		expect(e.message).toMatch(/closed/);
		expect((await storedResponses()).map((r) => r.answers)).toEqual([best]);
		await s.reopenWorkshop(workshop.id, facilitatorToken);
		expect((await s.submitResponse(workshop.id, token, { answers: worst, idempotencyKey: 'key-00002' })).status).toBe(
			'updated'
		);
	});

	test('a forged or foreign facilitator token is refused and changes nothing', async () => {
		const { s, workshop, facilitatorToken } = await workshopWithParticipant();
		const other = await s.createWorkshop({ title: 'Other' });
		const forged = [
			'',
			null,
			facilitatorToken.slice(0, -1) + (facilitatorToken.endsWith('A') ? 'B' : 'A'),
			other.facilitatorToken,
			sha256(facilitatorToken)
		];
		for (const token of forged) {
			expect((await refusal(s.closeWorkshop(workshop.id, token))).status).toBe(403);
			expect((await refusal(s.getForFacilitator(workshop.id, token))).status).toBe(403);
			expect((await refusal(s.teamExport(workshop.id, token))).status).toBe(403);
		}
		expect((await refusal(s.closeWorkshop('not-a-uuid', facilitatorToken))).status).toBe(404);
		const rows = await queryRows<{ status: string }>(database(), sql`select status from workshops order by title`);
		expect(rows.map((r) => r.status)).toEqual(['open', 'open']);
	});

	test('a token that never joined cannot submit', async () => {
		const { s, workshop } = await workshopWithParticipant();
		for (const token of [null, '', 'made-up-token'])
			expect(
				(await refusal(s.submitResponse(workshop.id, token, { answers: best, idempotencyKey: 'key-00001' }))).status
			).toBe(403);
		expect(await countRows('responses')).toBe(0);
	});

	test('the summary counts joined and submitted, and shows the team statistics only from the minimum group size', async () => {
		const s = service();
		const { workshop, facilitatorToken } = await s.createWorkshop({ title: 'T', minGroupSize: 3 });
		const tokens = [];
		for (let i = 0; i < 4; i++) tokens.push((await s.joinWorkshop(workshop.code)).token);
		await s.submitResponse(workshop.id, tokens[0], { answers: best, idempotencyKey: 'key-00001' });
		await s.submitResponse(workshop.id, tokens[1], { answers: best, idempotencyKey: 'key-00002' });
		let summary = await s.summary(workshop.id);
		expect(summary).toMatchObject({ joined: 4, submitted: 2, pending: 2, released: 0, stats: null });
		expect((await s.teamExport(workshop.id, facilitatorToken)).stats).toBeNull();

		await s.submitResponse(workshop.id, tokens[2], { answers: worst, idempotencyKey: 'key-00003' });
		summary = await s.summary(workshop.id);
		expect(summary).toMatchObject({ submitted: 3, pending: 0, released: 3 });
		expect(summary.stats?.size).toBe(3);
		expect(summary.stats?.result.tier).toBe('pioneer');
		// Two Pioneers and one Exposed among three: "1 Exposed" would point at one person, so no group is counted.
		expect(summary.stats?.tiers).toBeNull();
		const exported = await s.teamExport(workshop.id, facilitatorToken);
		expect(exported.stats).toEqual(summary.stats);
		expect(JSON.stringify(exported)).not.toMatch(/Ada|displayName|submitted|participant/);
	});

	test('figures change only in batches of the minimum group size, whatever the order of submits and edits', async () => {
		const s = service();
		const { workshop } = await s.createWorkshop({ title: 'Batches', minGroupSize: 3, expectedGroupSize: 10 });
		const tokens: string[] = [];
		for (let i = 0; i < 7; i++) tokens.push((await s.joinWorkshop(workshop.code)).token);
		const versions: number[] = [];
		const step = async (i: number, answers: Answers, key: string) => {
			await s.submitResponse(workshop.id, tokens[i], { answers, idempotencyKey: key });
			const summary = await s.summary(workshop.id);
			versions.push(summary.dataVersion);
			return summary;
		};
		await step(0, best, 'key-a-0001');
		await step(1, best, 'key-b-0001');
		const first = await step(2, worst, 'key-c-0001'); // 3 in all: the first release
		expect(first.released).toBe(3);
		// An edit, a retry of it and an edit back to what was released are not changes to count.
		await step(0, worst, 'key-a-0002');
		expect((await step(0, worst, 'key-a-0002')).pending).toBe(1);
		expect((await step(0, best, 'key-a-0003')).pending).toBe(0);
		await step(3, best, 'key-d-0001');
		const waiting = await step(1, worst, 'key-b-0002');
		expect(waiting).toMatchObject({ pending: 2, released: 3, dataVersion: first.dataVersion });
		expect(waiting.stats).toEqual(first.stats);
		const second = await step(4, worst, 'key-e-0001'); // 3 changes: released together
		expect(second).toMatchObject({ pending: 0, released: 5 });
		expect(second.dataVersion).toBeGreaterThan(first.dataVersion);
		// The version moved exactly twice: from none to the first release, then to the second.
		expect([...new Set(versions)]).toEqual([0, first.dataVersion, second.dataVersion]);
	});

	test('concurrent submissions are group-committed: every one acknowledged is stored, none twice', async () => {
		const s = service();
		const { workshop } = await s.createWorkshop({ title: 'Burst', minGroupSize: 3, expectedGroupSize: 60 });
		const tokens = await Promise.all(
			Array.from({ length: 40 }, async () => (await s.joinWorkshop(workshop.code)).token)
		);
		const outcomes = await Promise.all([
			...tokens.map((t, i) =>
				s.submitResponse(workshop.id, t, { answers: i % 2 ? best : worst, idempotencyKey: `burst-${i}-0001` })
			),
			// The same participant twice at once: one creates, the other is a retry or an update.
			s.submitResponse(workshop.id, tokens[0], { answers: worst, idempotencyKey: 'burst-0-0001' }),
			s.submitResponse(workshop.id, tokens[1], { answers: worst, idempotencyKey: 'burst-1-0002' })
		]);
		expect(outcomes.filter((o) => o.status === 'created')).toHaveLength(40);
		expect(outcomes.at(-2)!.status).toBe('unchanged');
		expect(outcomes.at(-1)!.status).toBe('updated');
		const stored = await storedResponses();
		expect(stored).toHaveLength(40);
		expect(stored.filter((r) => r.idempotency_key === 'burst-1-0002')).toHaveLength(1);
		const summary = await s.summary(workshop.id);
		expect(summary.submitted).toBe(40);
		expect(summary.released + summary.pending).toBeGreaterThanOrEqual(40);
	});

	test('one failing submission in a group commit fails alone', async () => {
		const s = service();
		const { workshop } = await s.createWorkshop({ title: 'Poison', minGroupSize: 2 });
		const tokens = await Promise.all(
			Array.from({ length: 6 }, async () => (await s.joinWorkshop(workshop.code)).token)
		);
		// The service knows this participant; the database no longer does (an operator deleted the row).
		await database().db.execute(sql`delete from participants where token_hash = ${sha256(tokens[0]!)}`);
		const results = await Promise.allSettled(
			tokens.map((t, i) => s.submitResponse(workshop.id, t, { answers: best, idempotencyKey: `poison-${i}-01` }))
		);
		expect(results[0]!.status).toBe('rejected');
		expect(results.slice(1).map((r) => r.status)).toEqual(Array(5).fill('fulfilled'));
		expect(await countRows('responses')).toBe(5);
	});

	test('closing releases no late responses: fewer than k stay out, the facilitator and their senders can tell', async () => {
		const s = service();
		const { workshop, facilitatorToken } = await s.createWorkshop({ title: 'Late', minGroupSize: 3 });
		const tokens: string[] = [];
		for (let i = 0; i < 6; i++) tokens.push((await s.joinWorkshop(workshop.code)).token);
		for (let i = 0; i < 4; i++)
			await s.submitResponse(workshop.id, tokens[i], { answers: best, idempotencyKey: `late-${i}-0001` });
		const before = await s.summary(workshop.id);
		expect(before).toMatchObject({ released: 3, pending: 1 });
		await s.closeWorkshop(workshop.id, facilitatorToken);
		const closed = await s.summary(workshop.id);
		// The team result is the one before the late response: same data version, same figures.
		expect(closed).toMatchObject({ released: 3, pending: 1, dataVersion: before.dataVersion });
		expect(closed.stats).toEqual(before.stats);
		expect(await s.participant(workshop.id, tokens[3])).toMatchObject({ pending: true, released: false });
		expect(await s.participant(workshop.id, tokens[0])).toMatchObject({ pending: false, released: true });
		// Reopened, the late response goes in with the next full batch.
		await s.reopenWorkshop(workshop.id, facilitatorToken);
		await s.submitResponse(workshop.id, tokens[4], { answers: worst, idempotencyKey: 'late-4-0001' });
		expect(await s.summary(workshop.id)).toMatchObject({ released: 3, pending: 2 });
		await s.submitResponse(workshop.id, tokens[5], { answers: worst, idempotencyKey: 'late-5-0001' });
		expect(await s.summary(workshop.id)).toMatchObject({ released: 6, pending: 0 });
	});

	test('a join past the cap is refused with a clear message and stores nothing', async () => {
		const s = service();
		const { workshop } = await s.createWorkshop({ title: 'Small', minGroupSize: 2, expectedGroupSize: 3 });
		expect(workshop.cap).toBe(participantCap(3));
		expect(participantCap(3)).toBe(5);
		expect(participantCap(60)).toBe(72);
		// Concurrent joins: the cap holds exactly.
		const joins = await Promise.allSettled(Array.from({ length: 8 }, () => s.joinWorkshop(workshop.code)));
		const refused = joins.filter((j) => j.status === 'rejected').map((j) => (j as PromiseRejectedResult).reason);
		expect(joins.filter((j) => j.status === 'fulfilled')).toHaveLength(5);
		expect(refused).toHaveLength(3);
		for (const e of refused) {
			expect(e).toBeInstanceOf(WorkshopError);
			expect(e).toMatchObject({ status: 409, reason: 'full' });
			expect(e.message).toMatch(/This workshop is full: its facilitator expected 3 people and 5 have joined/);
		}
		expect(await countRows('participants')).toBe(5);
	});

	test('the facilitator’s own token can neither join nor submit', async () => {
		const { s, workshop, facilitatorToken, token } = await workshopWithParticipant();
		const join = await refusal(s.joinWorkshop(workshop.code, {}, { facilitatorToken }));
		expect(join).toMatchObject({ status: 403, reason: 'facilitator' });
		expect(join.message).toMatch(/cannot also take part/);
		const submit = await refusal(
			s.submitResponse(workshop.id, token, { answers: best, idempotencyKey: 'key-00001' }, { facilitatorToken })
		);
		expect(submit).toMatchObject({ status: 403, reason: 'facilitator' });
		expect(await countRows('participants')).toBe(1);
		expect(await countRows('responses')).toBe(0);
		// Another workshop's facilitator is just a participant here.
		const other = await s.createWorkshop({ title: 'Other' });
		await s.joinWorkshop(workshop.code, {}, { facilitatorToken: other.facilitatorToken });
		expect(await countRows('participants')).toBe(2);
	});

	test('control characters and invisible titles are refused; nothing is stored', async () => {
		for (const title of [
			'a\u0000b',
			'line\nbreak',
			'tab\there',
			'\u200b\u200b',
			'\u200d\ufeff \u2060',
			'\u3164',
			'\u0085next line'
		])
			expect((await refusal(service().createWorkshop({ title }))).status, JSON.stringify(title)).toBe(400);
		expect((await refusal(service().createWorkshop({ title: 'ok', organisation: 'a\u0000' }))).status).toBe(400);
		expect(
			(await refusal(service().createWorkshop({ title: 'ok', minGroupSize: 5, expectedGroupSize: 4 }))).message
		).toMatch(/expected group size must be at least the minimum/);
		expect(await countRows('workshops')).toBe(0);
		const { workshop } = await service().createWorkshop({ title: '\u200bReal title\u200b', organisation: '\u200b' });
		expect(workshop).toMatchObject({ title: '\u200bReal title\u200b', organisation: null });
		for (const displayName of ['a\u0000', 'x\r\ny'])
			expect((await refusal(service().joinWorkshop(workshop.code, { displayName }))).status).toBe(400);
		expect(await countRows('participants')).toBe(0);
	});

	test('every change is published to the live notifier', async () => {
		const live = await createLiveNotifier(database());
		try {
			const s = createWorkshopService(database(), live);
			const { workshop, facilitatorToken } = await s.createWorkshop({ title: 'T' });
			const seen: string[] = [];
			const stop = live.subscribe(workshop.id, () => seen.push('change'));
			const { token } = await s.joinWorkshop(workshop.code);
			await s.submitResponse(workshop.id, token, { answers: best, idempotencyKey: 'key-00001' });
			await s.submitResponse(workshop.id, token, { answers: best, idempotencyKey: 'key-00001' }); // a retry: no event
			await s.closeWorkshop(workshop.id, facilitatorToken);
			stop();
			await s.reopenWorkshop(workshop.id, facilitatorToken);
			expect(seen).toHaveLength(3);
		} finally {
			await live.close();
		}
	});
});
