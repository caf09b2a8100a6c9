import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import { CURRENT_BANK } from '../../../scoring/bank/index';
import type { Answers } from '../../../scoring/schema';
import { createLiveNotifier } from '../../../src/lib/server/live';
import {
	JOIN_CODE_ALPHABET,
	JOIN_CODE_LENGTH,
	WorkshopError,
	createWorkshopService,
	normaliseJoinCode
} from '../../../src/lib/server/workshops';
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
			expect((await refusal(s.anonymisedAnswers(workshop.id, token))).status).toBe(403);
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

	test('the summary counts joined and submitted, and shows the aggregate only from the minimum group size', async () => {
		const s = service();
		const { workshop, facilitatorToken } = await s.createWorkshop({ title: 'T', minGroupSize: 3 });
		const tokens = [];
		for (let i = 0; i < 4; i++) tokens.push((await s.joinWorkshop(workshop.code)).token);
		await s.submitResponse(workshop.id, tokens[0], { answers: best, idempotencyKey: 'key-00001' });
		await s.submitResponse(workshop.id, tokens[1], { answers: best, idempotencyKey: 'key-00002' });
		let summary = await s.summary(workshop.id);
		expect(summary).toMatchObject({ joined: 4, submitted: 2, aggregate: null });
		expect((await s.anonymisedAnswers(workshop.id, facilitatorToken)).answerSets).toEqual([]);

		await s.submitResponse(workshop.id, tokens[2], { answers: worst, idempotencyKey: 'key-00003' });
		summary = await s.summary(workshop.id);
		expect(summary.submitted).toBe(3);
		expect(summary.aggregate?.size).toBe(3);
		expect(summary.aggregate?.result.tier).toBe('pioneer');
		expect(summary.aggregate?.tierCounts).toMatchObject({ pioneer: 2, exposed: 1 });

		const exported = await s.anonymisedAnswers(workshop.id, facilitatorToken);
		expect(exported.answerSets).toHaveLength(3);
		expect(JSON.stringify(exported)).not.toMatch(/Ada|displayName|submitted|participant/);
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
