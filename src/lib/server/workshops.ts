/**
 * The workshop service: facilitators create, close and reopen workshops; participants join by code (up to the
 * workshop's cap) and submit one response each, editable until the workshop closes.
 *
 * Privacy against the facilitator: the team figures are computed only from *released* responses, and responses
 * are released together — at least the minimum group size of new or changed responses at a time (or once when the
 * workshop closes) — so no figure the facilitator can see ever changes by one person's response.
 *
 * Throughput: submissions are group-committed — everything that arrives while one transaction runs goes into the
 * next one — and each is acknowledged only after its transaction commits. Tokens are CSPRNG secrets stored only as
 * SHA-256 hashes; input is validated with scoring's schemas before anything is written.
 */
import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { and, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { CURRENT_BANK, findBank } from '$scoring/content/banks/index';
import type { Answers, QuestionBank } from '$scoring/schema';
import { answerOf, withoutSkipped } from '$scoring/answers';
import {
	agreeableAnswers,
	facilitationItems,
	type Agreement,
	type FacilitationPhase,
	type WorkshopMode
} from '$scoring/present/team';
import { AnswersError, validateAnswers } from '$scoring/model/v2/score';
import { isFacilitatorKey } from './auth/facilitator-keys';
import { MIN_GROUP_SIZE_DEFAULT, teamStats, type TeamStats } from '$scoring/model/team-stats';
import { getDb, type Database, type Db } from './db';
import { agreements, participants, responses, workshops, type WorkshopRow } from './db/schema';
import { getLive, type LiveNotifier } from './live';
import { Lru } from './lru';
import { optionalLine, optionalText, requiredLine } from './text';

/** Join-code characters: no 0/O, 1/I/L, so a code read aloud or from a screen cannot be mistyped. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;
/** Bytes of CSPRNG entropy in facilitator and participant tokens (256 bits). */
const TOKEN_BYTES = 32;
export const MAX_GROUP_SIZE = 1000;
/** The expected group size the form suggests. */
export const EXPECTED_GROUP_SIZE_DEFAULT = 12;
/** Most submissions one group-commit transaction takes. */
const MAX_BATCH = 200;

/**
 * How many may join a workshop that expects `expected` people: the number plus a margin for people who join again
 * on another device — a fifth more, at least 2 (12 → 15, 60 → 72).
 */
export function participantCap(expected: number): number {
	return expected + Math.max(2, Math.ceil(expected / 5));
}

/** Why a workshop operation was refused; `status` is the HTTP status a route answers with. */
export class WorkshopError extends Error {
	constructor(
		readonly status: 400 | 403 | 404 | 409,
		readonly reason:
			| 'invalid'
			| 'forbidden'
			| 'not_found'
			| 'closed'
			| 'full'
			| 'facilitator'
			| 'vote_closed'
			| 'not_facilitated'
			| 'too_few',
		message: string
	) {
		super(message);
		this.name = 'WorkshopError';
	}
}

const groupSize = (what: string) =>
	z.coerce
		.number({ error: `The ${what} must be a whole number` })
		.int(`The ${what} must be a whole number`)
		.max(MAX_GROUP_SIZE, `The ${what} is at most ${MAX_GROUP_SIZE}`);

/** The facilitator's form. Text is trimmed; an empty organisation means none. */
export const NewWorkshopSchema = z
	.strictObject({
		title: requiredLine('The title', 120, 'Enter a workshop title'),
		mode: z
			.enum(['self_paced', 'facilitated'], { error: 'Choose how the workshop runs: self-paced or facilitated' })
			.default('self_paced'),
		organisation: optionalLine('The organisation', 120),
		minGroupSize: groupSize('minimum group size')
			.min(2, 'The minimum group size is at least 2, so no single person’s answers are shown as the team’s')
			.default(MIN_GROUP_SIZE_DEFAULT),
		expectedGroupSize: groupSize('expected group size')
			.min(2, 'The expected group size is at least 2')
			.default(EXPECTED_GROUP_SIZE_DEFAULT)
	})
	.refine((w) => w.expectedGroupSize >= w.minGroupSize, {
		path: ['expectedGroupSize'],
		message: 'The expected group size must be at least the minimum group size'
	});
export type NewWorkshop = z.input<typeof NewWorkshopSchema>;

/** What the facilitator records for one question: the agreed answer ('' = none), a note of the discussion, an action. */
export const AgreementSchema = z.strictObject({
	questionId: z.string({ error: 'Name the question' }).max(100, 'Name the question'),
	answer: z.string({ error: 'The agreed answer must be an answer id' }).max(100).default(''),
	note: optionalText('The discussion note', 2000),
	action: optionalText('The agreed action', 1000)
});

/** A participant's optional display name, shown only to themselves and never next to answers. */
export const JoinSchema = z.strictObject({ displayName: optionalLine('The name', 60) });

/**
 * One submission: the answers and a client-chosen key that makes retries of the same submission harmless. The
 * answers are checked here only for being a plain object without a `__proto__` key (which a JSON body can carry as
 * an own key); `validateAnswers` then checks every key against the workshop's bank and every value against the
 * question's options — stricter than `AnswersSchema`'s slug check, so that check is not run twice.
 */
export const SubmissionSchema = z.strictObject({
	answers: z.custom<Answers>(
		(value) =>
			typeof value === 'object' && value !== null && !Array.isArray(value) && !Object.hasOwn(value, '__proto__'),
		{ message: 'answers must be an object mapping question ids to option ids ("__proto__" is not a question id)' }
	),
	idempotencyKey: z
		.string()
		.regex(/^[A-Za-z0-9_-]{8,100}$/, 'The idempotency key must be 8–100 letters, digits, "-" or "_"')
});
export type Submission = z.infer<typeof SubmissionSchema>;

/** What a workshop looks like to anyone who may see it (never its token hash). */
export interface WorkshopView {
	id: string;
	code: string;
	title: string;
	organisation: string | null;
	minGroupSize: number;
	expectedGroupSize: number;
	/** Most participants who may join. */
	cap: number;
	status: 'open' | 'closed';
	bank: string;
	version: string;
	createdAt: Date;
	/** Self-paced, or facilitated (one dimension at a time: blind vote, reveal, discuss, re-vote). */
	mode: WorkshopMode;
	/** Facilitated workshops: the phase, the item (a dimension id) open or revealed, its vote round. */
	phase: FacilitationPhase;
	item: string | null;
	round: number;
	/** Numbers every vote opened. */
	voteSeq: number;
}

/** The facilitator dashboard's data: counts always; team statistics from released responses only. */
export interface WorkshopSummary {
	workshop: WorkshopView;
	joined: number;
	submitted: number;
	/** Responses new or changed since the last release: not yet in the figures. */
	pending: number;
	/** Responses in the figures. */
	released: number;
	/** Identifies the released set and the agreements: it changes exactly when the figures can change. */
	dataVersion: number;
	/** Null while fewer than `minGroupSize` responses are released. */
	stats: TeamStats | null;
	/** Facilitated workshops: participants who voted in the open (or last) vote. */
	voted: number;
	/** Facilitated workshops: what the facilitator recorded per question (agreed answers, notes, actions). */
	agreements: Agreement[];
}

export interface SubmitOutcome {
	/** `unchanged`: a retry of the last accepted submission (same idempotency key); nothing was written. */
	status: 'created' | 'updated' | 'unchanged';
	answers: Answers;
}

/** SHA-256 of a token, hex: what is stored and compared. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A fresh 256-bit token, base64url. */
export function newToken(): string {
	return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** A random join code from {@link JOIN_CODE_ALPHABET}. */
export function newJoinCode(): string {
	let code = '';
	for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
	return code;
}

/**
 * A typed or linked code in canonical form (upper case, spaces and dashes removed), or null when it cannot be a
 * join code — so lookups are case-insensitive and junk never reaches the database.
 */
export function normaliseJoinCode(input: string): string | null {
	const code = input.replace(/[\s-]/g, '').toUpperCase();
	if (code.length !== JOIN_CODE_LENGTH) return null;
	for (const c of code) if (!JOIN_CODE_ALPHABET.includes(c)) return null;
	return code;
}

function sameHash(a: string, b: string): boolean {
	const x = Buffer.from(a, 'hex');
	const y = Buffer.from(b, 'hex');
	return x.length === y.length && timingSafeEqual(x, y);
}

function view(row: WorkshopRow): WorkshopView {
	return {
		id: row.id,
		code: row.joinCode,
		title: row.title,
		organisation: row.organisation,
		minGroupSize: row.minGroupSize,
		expectedGroupSize: row.expectedGroupSize,
		cap: participantCap(row.expectedGroupSize),
		status: row.status,
		bank: row.bankId,
		version: row.bankVersion,
		createdAt: row.createdAt,
		mode: row.mode,
		phase: row.phase,
		item: row.currentItem,
		round: row.round,
		voteSeq: row.voteSeq
	};
}

function invalid(error: z.ZodError): WorkshopError {
	return new WorkshopError(400, 'invalid', error.issues.map((i) => i.message).join('; '));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND = 'No workshop with this code or link. Check the code with your facilitator.';
const CLOSED = 'This workshop is closed: the facilitator is no longer accepting answers.';
const VOTE_CLOSED =
	'The vote on this topic has closed: your answers did not arrive before the facilitator revealed the votes. Wait for the next vote.';
const NOT_FACILITATED = 'This is a self-paced workshop: it has no votes to open or reveal.';
/** Shown when the facilitator's own browser tries to take part. */
export const FACILITATOR_CANNOT_JOIN =
	'This browser runs this workshop as its facilitator, so it cannot also take part: a facilitator’s answers would ' +
	'let them single out someone else’s. To answer yourself, join from another device or browser.';

function isUniqueViolation(error: unknown): boolean {
	for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e)
		if (e.code === '23505') return true;
	return false;
}

/** Rows of a raw `execute`, whichever driver ran it (postgres-js returns an array, PGlite `{ rows }`). */
function rowsOf<T>(result: unknown): T[] {
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

async function execute<T>(db: Db | Transaction, query: SQL): Promise<T[]> {
	return rowsOf<T>(await db.execute(query));
}

type Transaction = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The parts of a workshop that never change after it is created: safe to keep in memory. */
interface WorkshopMeta {
	id: string;
	code: string;
	minGroupSize: number;
	facilitatorTokenHash: string;
	bank: QuestionBank;
	mode: WorkshopMode;
}

/** A queued submission, already validated, waiting for its group commit. */
interface QueuedSubmission {
	workshopId: string;
	bank: QuestionBank;
	participantId: string;
	answers: Answers;
	idempotencyKey: string;
	resolve: (outcome: SubmitOutcome) => void;
	reject: (error: unknown) => void;
}

type ItemResult = { ok: SubmitOutcome } | { error: WorkshopError };

/**
 * Releases a workshop's pending responses into its figures when that is safe: at least `minGroupSize` of them,
 * or — while no figure has been visible yet — all of them once there are `minGroupSize` in all. On `close`, also
 * fewer than that, once per workshop (later closes release only full batches). On PostgreSQL the check is
 * serialised per workshop by an advisory lock taken first, so two concurrent transactions can never each release
 * a part of one batch (the counting statement's snapshot is taken after the lock); PGlite has one connection, so
 * its transactions never overlap. Counts stop at `minGroupSize` where that is all the rule needs. Returns whether
 * anything was released.
 */
async function releaseIfDue(
	tx: Transaction,
	kind: Database['kind'],
	workshop: { id: string; minGroupSize: number; closeReleaseUsed?: boolean },
	mode: 'submit' | 'close'
): Promise<boolean> {
	const { id, minGroupSize: k } = workshop;
	if (kind === 'postgres') await tx.execute(sql`select pg_advisory_xact_lock(7301964, hashtext(${id}))`);
	const late = mode === 'close' && !workshop.closeReleaseUsed;
	const [r] = await execute<{ due: boolean; late: boolean }>(
		tx,
		sql`with c as (
		      select (select count(*) from ${responses} where workshop_id = ${id} and pending) as pending,
		             (select count(*) from (select 1 from ${responses}
		                where workshop_id = ${id} and released_answers is not null limit ${k}) r) as released,
		             (select count(*) from (select 1 from ${responses} where workshop_id = ${id} limit ${k}) t) as total
		    ), d as (
		      select pending > 0 and (pending >= ${k} or (released < ${k} and total >= ${k})) as due,
		             ${late}::boolean and pending > 0 and released >= ${k} as late
		      from c
		    ), v as (select nextval('response_release_seq') as n from d where d.due or d.late),
		    u as (
		      update ${responses} set released_answers = answers, pending = false, released_version = v.n
		      from v where workshop_id = ${id} and pending returning 1
		    )
		    select d.due, d.late and not d.due as late, (select count(*) from u) as n from d`
	);
	if (r?.late) await tx.update(workshops).set({ closeReleaseUsed: true }).where(eq(workshops.id, id));
	return !!(r?.due || r?.late);
}

/**
 * A facilitated vote: the stored answers with the open item's questions replaced by the submitted ones (answers
 * to other questions in the submission are ignored), without answers to gated questions that are not asked.
 */
function mergeVote(bank: QuestionBank, stored: Answers, submitted: Answers, item: string): Answers {
	const questions = new Set(facilitationItems(bank).find((i) => i.id === item)?.questionIds ?? []);
	const merged: Answers = {};
	for (const [q, a] of Object.entries(stored)) if (!questions.has(q)) merged[q] = a;
	for (const [q, a] of Object.entries(submitted)) if (questions.has(q)) merged[q] = a;
	return withoutSkipped(bank, merged);
}

/** Whether two answer sets give the same answer (or none) to every question. */
function sameAnswers(a: Answers, b: Answers): boolean {
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	for (const key of keys) if (answerOf(a, key) !== answerOf(b, key)) return false;
	return true;
}

/**
 * The release of a facilitated workshop — at a reveal (the open item's questions) and at close (every question):
 * the same batching as {@link releaseIfDue}, question by question. A question's pending answers are released only
 * when at least `minGroupSize` responses changed their answer to it since it was last released; then all of those
 * are released together. So a reveal of one question never shows fewer than `minGroupSize` changed answers: a
 * batch of changed *responses* is not enough, since each of them may have changed another question and only one
 * this one. What stays unreleased stays pending for a later release. Serialised like {@link releaseIfDue}.
 * Returns whether anything was released.
 */
async function releaseQuestions(
	tx: Transaction,
	kind: Database['kind'],
	workshop: { id: string; minGroupSize: number },
	questionIds: readonly string[] | null
): Promise<boolean> {
	const { id, minGroupSize: k } = workshop;
	if (kind === 'postgres') await tx.execute(sql`select pg_advisory_xact_lock(7301964, hashtext(${id}))`);
	const rows = await tx
		.select({ id: responses.id, answers: responses.answers, released: responses.releasedAnswers })
		.from(responses)
		.where(and(eq(responses.workshopId, id), eq(responses.pending, true)))
		.for('update');
	const questions = questionIds ?? [
		...new Set(rows.flatMap((r) => [...Object.keys(r.answers), ...Object.keys(r.released ?? {})]))
	];
	const due = questions.filter(
		(q) => rows.filter((r) => answerOf(r.answers, q) !== answerOf(r.released ?? {}, q)).length >= k
	);
	if (!due.length) return false;
	const updates: { id: string; released: Answers; pending: boolean }[] = [];
	for (const r of rows) {
		const released: Answers = { ...(r.released ?? {}) };
		let changed = false;
		for (const q of due) {
			const now = answerOf(r.answers, q);
			if (now === answerOf(released, q)) continue;
			changed = true;
			if (now === undefined) delete released[q];
			else released[q] = now;
		}
		if (changed) updates.push({ id: r.id, released, pending: !sameAnswers(r.answers, released) });
	}
	const [{ version } = { version: '0' }] = await execute<{ version: string }>(
		tx,
		sql`select nextval('response_release_seq')::text as version`
	);
	await tx.execute(
		sql`update ${responses} set released_answers = x.released, pending = x.pending, released_version = ${Number(version)}
		    from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as x(id uuid, released jsonb, pending boolean)
		    where ${responses.id} = x.id`
	);
	return true;
}

/** The workshop service over one database (and optionally a live notifier told of every change). */
export function createWorkshopService(database: Database, live?: LiveNotifier) {
	const { db } = database;
	const metaById = new Lru<string, WorkshopMeta>(2_000);
	/** join code → workshop id: a code never changes, so lookups of a known code cost nothing. */
	const idByCode = new Lru<string, string>(5_000);
	/** token hash → participant: a participant's workshop never changes, so a hit is as good as a lookup. */
	const participantsByHash = new Lru<string, { id: string; workshopId: string }>(50_000);
	/** Team statistics per released set: computed once per data version, whoever asks. */
	const statsCache = new Lru<string, Promise<TeamStats | null>>(500);

	function remember(row: WorkshopRow): WorkshopMeta {
		const bank = findBank(row.bankId, row.bankVersion);
		if (!bank) throw new Error(`workshop ${row.id} uses unknown bank ${row.bankId} ${row.bankVersion}`);
		const meta = {
			id: row.id,
			code: row.joinCode,
			minGroupSize: row.minGroupSize,
			facilitatorTokenHash: row.facilitatorTokenHash,
			bank,
			mode: row.mode
		};
		metaById.set(row.id, meta);
		idByCode.set(row.joinCode, row.id);
		return meta;
	}

	async function byId(id: string): Promise<WorkshopRow | undefined> {
		if (!UUID.test(id)) return undefined;
		const [row] = await db.select().from(workshops).where(eq(workshops.id, id));
		if (row) remember(row);
		return row;
	}

	async function metaOf(id: string): Promise<WorkshopMeta | undefined> {
		const known = metaById.get(id);
		if (known) return known;
		const row = await byId(id);
		return row ? remember(row) : undefined;
	}

	function isFacilitatorOf(meta: { facilitatorTokenHash: string }, token: string | null | undefined): boolean {
		return !!token && sameHash(hashToken(token), meta.facilitatorTokenHash);
	}

	/** The workshop if `token` is its facilitator token; otherwise a 404 (no such id) or 403. */
	async function asFacilitator(workshopId: string, token: string | null | undefined): Promise<WorkshopRow> {
		const row = await byId(workshopId);
		if (!row) throw new WorkshopError(404, 'not_found', NOT_FOUND);
		// A signed-in facilitator's browser holds a facilitator key instead of the token (auth/facilitator-keys.ts).
		if (!isFacilitatorOf(row, token) && !(token && (await isFacilitatorKey(db, row.id, hashToken(token)))))
			throw new WorkshopError(403, 'forbidden', 'This facilitator link or key is not valid for this workshop.');
		return row;
	}

	async function participantOf(token: string | null | undefined): Promise<{ id: string; workshopId: string } | null> {
		if (!token) return null;
		const hash = hashToken(token);
		const known = participantsByHash.get(hash);
		if (known) return known;
		const [row] = await db
			.select({ id: participants.id, workshopId: participants.workshopId })
			.from(participants)
			.where(eq(participants.tokenHash, hash));
		if (row) participantsByHash.set(hash, row);
		return row ?? null;
	}

	// ── Group commit ────────────────────────────────────────────────────────────────────────────────────────────

	const queue: QueuedSubmission[] = [];
	let committing = false;

	/** Up to MAX_BATCH queued submissions, at most one per participant (a second waits for the next batch). */
	function takeBatch(): QueuedSubmission[] {
		const batch: QueuedSubmission[] = [];
		const seen = new Set<string>();
		for (let i = 0; i < queue.length && batch.length < MAX_BATCH;) {
			const item = queue[i]!;
			if (seen.has(item.participantId)) i++;
			else {
				seen.add(item.participantId);
				batch.push(item);
				queue.splice(i, 1);
			}
		}
		return batch;
	}

	/** Writes one batch in one transaction; per-item refusals are results, unexpected failures throw. */
	/** Writes one batch in one transaction; per-item refusals are results, unexpected failures throw. */
	async function commitBatch(batch: QueuedSubmission[]): Promise<{ results: ItemResult[]; changed: Set<string> }> {
		const changed = new Set<string>();
		const results = await db.transaction(async (tx) => {
			const ids = [...new Set(batch.map((b) => b.workshopId))];
			// FOR SHARE: a concurrent close, reveal or new vote either precedes this batch or waits for it.
			const rows = await tx
				.select({
					id: workshops.id,
					status: workshops.status,
					minGroupSize: workshops.minGroupSize,
					mode: workshops.mode,
					phase: workshops.phase,
					currentItem: workshops.currentItem,
					voteSeq: workshops.voteSeq
				})
				.from(workshops)
				.where(inArray(workshops.id, ids))
				.for('share');
			const status = new Map(rows.map((r) => [r.id, r]));
			const results: (ItemResult | undefined)[] = batch.map((item) => {
				const row = status.get(item.workshopId);
				if (!row) return { error: new WorkshopError(404, 'not_found', NOT_FOUND) };
				if (row.status === 'closed') return { error: new WorkshopError(409, 'closed', CLOSED) };
				if (row.mode === 'facilitated' && (row.phase !== 'voting' || !row.currentItem))
					return { error: new WorkshopError(409, 'vote_closed', VOTE_CLOSED) };
				return undefined;
			});
			// A vote in a facilitated workshop changes only the open item's answers: the rest stay as stored.
			const prepared = new Map<number, { answers: Answers; votedSeq: number | null }>();
			const votes = batch
				.map((item, i) => ({ item, i }))
				.filter(({ item, i }) => !results[i] && status.get(item.workshopId)!.mode === 'facilitated');
			if (votes.length) {
				const stored = new Map(
					(
						await tx
							.select({ participantId: responses.participantId, answers: responses.answers })
							.from(responses)
							.where(
								inArray(
									responses.participantId,
									votes.map((v) => v.item.participantId)
								)
							)
							.for('update')
					).map((r) => [r.participantId, r.answers])
				);
				for (const { item, i } of votes) {
					const row = status.get(item.workshopId)!;
					const answers = mergeVote(item.bank, stored.get(item.participantId) ?? {}, item.answers, row.currentItem!);
					try {
						validateAnswers(item.bank, answers);
						prepared.set(i, { answers, votedSeq: row.voteSeq });
					} catch (error) {
						if (!(error instanceof AnswersError)) throw error;
						results[i] = { error: new WorkshopError(400, 'invalid', error.message) };
					}
				}
			}
			const writes = batch
				.map((item, i) => ({ item, i }))
				.filter(({ i }) => results[i] === undefined)
				.map(({ item, i }) => ({
					...item,
					answers: prepared.get(i)?.answers ?? item.answers,
					votedSeq: prepared.get(i)?.votedSeq ?? null,
					index: i
				}));
			if (writes.length) {
				// Insert, or replace unless this is a retry of the stored submission; xmax = 0 marks a fresh insert.
				// A replacement is pending only if it differs from what was last released.
				const written = await tx
					.insert(responses)
					.values(
						writes.map((w) => ({
							id: randomUUID(),
							workshopId: w.workshopId,
							participantId: w.participantId,
							answers: w.answers,
							idempotencyKey: w.idempotencyKey,
							votedSeq: w.votedSeq
						}))
					)
					.onConflictDoUpdate({
						target: [responses.workshopId, responses.participantId],
						set: {
							answers: sql`excluded.answers`,
							idempotencyKey: sql`excluded.idempotency_key`,
							updatedAt: sql`now()`,
							pending: sql`excluded.answers is distinct from ${responses.releasedAnswers}`,
							votedSeq: sql`excluded.voted_seq`
						},
						setWhere: sql`${responses.idempotencyKey} <> excluded.idempotency_key`
					})
					.returning({ participantId: responses.participantId, inserted: sql<boolean>`(xmax = 0)` });
				const outcome = new Map(written.map((w) => [w.participantId, w.inserted]));
				const unchanged = writes.filter((w) => !outcome.has(w.participantId));
				const stored = unchanged.length
					? new Map(
							(
								await tx
									.select({ participantId: responses.participantId, answers: responses.answers })
									.from(responses)
									.where(
										inArray(
											responses.participantId,
											unchanged.map((u) => u.participantId)
										)
									)
							).map((r) => [r.participantId, r.answers])
						)
					: new Map<string, Answers>();
				for (const w of writes) {
					if (outcome.has(w.participantId)) {
						changed.add(w.workshopId);
						results[w.index] = {
							ok: { status: outcome.get(w.participantId) ? 'created' : 'updated', answers: w.answers }
						};
					} else results[w.index] = { ok: { status: 'unchanged', answers: stored.get(w.participantId) ?? w.answers } };
				}
				// Self-paced workshops release in batches as responses arrive; facilitated ones only at a reveal or close.
				for (const id of changed)
					if (status.get(id)!.mode === 'self_paced') await releaseIfDue(tx, database.kind, status.get(id)!, 'submit');
			}
			return results as ItemResult[];
		});
		return { results, changed };
	}

	function settle(batch: QueuedSubmission[], results: ItemResult[]) {
		batch.forEach((item, i) => {
			const r = results[i]!;
			if ('ok' in r) item.resolve(r.ok);
			else item.reject(r.error);
		});
	}

	async function drain(): Promise<void> {
		if (committing) return;
		committing = true;
		try {
			while (queue.length) {
				// Let the requests that arrived meanwhile reach the queue first (PGlite runs its queries on this thread,
				// so during a transaction no request is read): turns of the event loop while the queue still grows.
				for (let turns = 0, seen = -1; turns < 8 && queue.length !== seen && queue.length < MAX_BATCH; turns++) {
					seen = queue.length;
					await new Promise((resolve) => setImmediate(resolve));
				}
				const batch = takeBatch();
				try {
					const { results, changed } = await commitBatch(batch);
					settle(batch, results);
					for (const id of changed) live?.publish(id);
				} catch (error) {
					if (batch.length === 1) {
						batch[0]!.reject(error);
						continue;
					}
					// One bad item must not fail the others: commit each alone.
					for (const item of batch) {
						try {
							const { results, changed } = await commitBatch([item]);
							settle([item], results);
							for (const id of changed) live?.publish(id);
						} catch (e) {
							item.reject(e);
						}
					}
				}
			}
		} finally {
			committing = false;
		}
	}

	async function loadStats(
		row: { id: string },
		meta: WorkshopMeta,
		key: string,
		agreed: Answers
	): Promise<TeamStats | null> {
		let pending = statsCache.get(key);
		if (!pending) {
			pending = db
				.select({ answers: responses.releasedAnswers })
				.from(responses)
				.where(and(eq(responses.workshopId, row.id), isNotNull(responses.releasedAnswers)))
				.then((rows) =>
					teamStats(
						meta.bank,
						rows.map((r) => r.answers!),
						{ minGroupSize: meta.minGroupSize, agreed }
					)
				);
			statsCache.set(key, pending);
			pending.catch(() => statsCache.delete(key));
		}
		return pending;
	}

	/**
	 * Runs one facilitation step on the workshop row, locked for update (so a vote arriving meanwhile either precedes
	 * it or sees its outcome), and tells every live view. @throws WorkshopError 404/403, 409 when the workshop is
	 * self-paced or closed, and whatever `step` throws.
	 */
	async function facilitation(
		workshopId: string,
		token: string | null | undefined,
		step: (tx: Transaction, row: WorkshopRow, bank: QuestionBank) => Promise<Partial<WorkshopRow>>
	): Promise<WorkshopView> {
		const checked = await asFacilitator(workshopId, token);
		const meta = remember(checked);
		const updated = await db.transaction(async (tx) => {
			const [row] = await tx.select().from(workshops).where(eq(workshops.id, checked.id)).for('update');
			if (!row) throw new WorkshopError(404, 'not_found', NOT_FOUND);
			if (row.mode !== 'facilitated') throw new WorkshopError(409, 'not_facilitated', NOT_FACILITATED);
			if (row.status === 'closed') throw new WorkshopError(409, 'closed', CLOSED);
			const set = await step(tx, row, meta.bank);
			if (Object.keys(set).length === 0) return row;
			const [next] = await tx.update(workshops).set(set).where(eq(workshops.id, row.id)).returning();
			return next!;
		});
		live?.publish(updated.id);
		return view(updated);
	}

	async function votedIn(tx: Transaction, row: WorkshopRow): Promise<number> {
		const [{ n = 0 } = {}] = await tx
			.select({ n: sql<number>`count(*)::int` })
			.from(responses)
			.where(and(eq(responses.workshopId, row.id), eq(responses.votedSeq, row.voteSeq)));
		return n;
	}

	async function setStatus(workshopId: string, token: string | null | undefined, status: 'open' | 'closed') {
		const row = await asFacilitator(workshopId, token);
		const updated = await db.transaction(async (tx) => {
			const [updated] = await tx.update(workshops).set({ status }).where(eq(workshops.id, row.id)).returning();
			// A facilitated workshop releases at close what a reveal would (question by question); never fewer.
			if (status === 'closed' && updated!.mode === 'facilitated')
				await releaseQuestions(tx, database.kind, updated!, null);
			else if (status === 'closed') await releaseIfDue(tx, database.kind, updated!, 'close');
			return updated!;
		});
		live?.publish(row.id);
		return view(updated);
	}

	return {
		/**
		 * Creates a workshop on the current question bank. Returns the facilitator token once: only its hash is kept.
		 * @throws WorkshopError 400 with the form's messages when the input is invalid.
		 */
		async createWorkshop(input: unknown): Promise<{ workshop: WorkshopView; facilitatorToken: string }> {
			const parsed = NewWorkshopSchema.safeParse(input);
			if (!parsed.success) throw invalid(parsed.error);
			const facilitatorToken = newToken();
			for (let attempt = 0; ; attempt++) {
				try {
					const [row] = await db
						.insert(workshops)
						.values({
							id: randomUUID(),
							joinCode: newJoinCode(),
							title: parsed.data.title,
							organisation: parsed.data.organisation,
							minGroupSize: parsed.data.minGroupSize,
							expectedGroupSize: parsed.data.expectedGroupSize,
							mode: parsed.data.mode,
							facilitatorTokenHash: hashToken(facilitatorToken),
							bankId: CURRENT_BANK.id,
							bankVersion: CURRENT_BANK.version
						})
						.returning();
					remember(row!);
					return { workshop: view(row!), facilitatorToken };
				} catch (error) {
					// A join-code collision: draw another code.
					if (!isUniqueViolation(error) || attempt >= 10) throw error;
				}
			}
		},

		/** The workshop with this join code (any case, spaces or dashes), or null. */
		async findByCode(code: string): Promise<WorkshopView | null> {
			const canonical = normaliseJoinCode(code);
			if (!canonical) return null;
			const [row] = await db.select().from(workshops).where(eq(workshops.joinCode, canonical));
			if (!row) return null;
			remember(row);
			return view(row);
		},

		/**
		 * The id of the workshop with this join code, or null: from memory when the code is known, so a room looking
		 * up its code at once is answered without waiting on the database.
		 */
		async workshopIdByCode(code: string): Promise<string | null> {
			const canonical = normaliseJoinCode(code);
			if (!canonical) return null;
			const known = idByCode.get(canonical);
			if (known) return known;
			return (await this.findByCode(canonical))?.id ?? null;
		},

		/**
		 * The id of the workshop with join code `code` if `token` is one of its participants' tokens, else null.
		 * Answers from memory once seen, so a recognised participant costs no lookup and is never guess-limited.
		 */
		async recognise(code: string, token: string | null | undefined): Promise<string | null> {
			const participant = await participantOf(token);
			if (!participant) return null;
			const meta = await metaOf(participant.workshopId);
			return meta && meta.code === normaliseJoinCode(code) ? meta.id : null;
		},

		/** The workshop for its facilitator. @throws WorkshopError 404 / 403. */
		async getForFacilitator(workshopId: string, token: string | null | undefined): Promise<WorkshopView> {
			return view(await asFacilitator(workshopId, token));
		},

		/** Whether `token` is this workshop's facilitator token (false for an unknown workshop). */
		async isFacilitator(workshopId: string, token: string | null | undefined): Promise<boolean> {
			if (!token) return false;
			const meta = await metaOf(workshopId);
			return !!meta && isFacilitatorOf(meta, token);
		},

		/**
		 * Joins a workshop by code; returns the participant token (for a cookie) once: only its hash is kept.
		 * Joining is allowed while the workshop is closed too, so late-comers can see the team result.
		 * `facilitatorToken`: the facilitator cookie the request carried — the facilitator's browser cannot join.
		 * @throws WorkshopError 400 (bad name), 403 (the facilitator), 404, 409 (the workshop is full).
		 */
		async joinWorkshop(
			code: string,
			input: unknown = {},
			options: { facilitatorToken?: string | null } = {}
		): Promise<{ workshop: WorkshopView; token: string }> {
			const parsed = JoinSchema.safeParse(input);
			if (!parsed.success) throw invalid(parsed.error);
			const workshop = await this.findByCode(code);
			if (!workshop) throw new WorkshopError(404, 'not_found', NOT_FOUND);
			if (isFacilitatorOf(metaById.get(workshop.id)!, options.facilitatorToken))
				throw new WorkshopError(403, 'facilitator', FACILITATOR_CANNOT_JOIN);
			const token = newToken();
			const id = randomUUID();
			await db.transaction(async (tx) => {
				// Locking the workshop row serialises joins, so the cap holds exactly under concurrency.
				await tx.select({ id: workshops.id }).from(workshops).where(eq(workshops.id, workshop.id)).for('update');
				const [{ n = 0 } = {}] = await tx
					.select({ n: sql<number>`count(*)::int` })
					.from(participants)
					.where(eq(participants.workshopId, workshop.id));
				if (n >= workshop.cap)
					throw new WorkshopError(
						409,
						'full',
						`This workshop is full: its facilitator expected ${workshop.expectedGroupSize} people and ${n} have joined. ` +
							'If you joined before on another device, carry on there; otherwise ask the facilitator.'
					);
				await tx.insert(participants).values({
					id,
					workshopId: workshop.id,
					tokenHash: hashToken(token),
					displayName: parsed.data.displayName
				});
			});
			participantsByHash.set(hashToken(token), { id, workshopId: workshop.id });
			live?.publish(workshop.id);
			return { workshop, token };
		},

		/** The participant this token belongs to in this workshop, with their response if any; else null. */
		async participant(workshopId: string, token: string | null | undefined) {
			if (!token || !UUID.test(workshopId)) return null;
			const [row] = await db
				.select({
					id: participants.id,
					displayName: participants.displayName,
					answers: responses.answers,
					updatedAt: responses.updatedAt,
					votedSeq: responses.votedSeq
				})
				.from(participants)
				.leftJoin(
					responses,
					and(eq(responses.participantId, participants.id), eq(responses.workshopId, participants.workshopId))
				)
				.where(and(eq(participants.workshopId, workshopId), eq(participants.tokenHash, hashToken(token))));
			return row ?? null;
		},

		/**
		 * Stores a participant's response (one per participant; a later submission replaces it), group-committed with
		 * whatever else arrives meanwhile, and resolves once its transaction has committed. The transaction holds the
		 * workshop row, so a concurrent close either precedes it (refused) or follows it.
		 * `facilitatorToken`: the facilitator cookie the request carried — the facilitator's browser cannot submit.
		 * @throws WorkshopError 400 (bad input, unknown question or option), 403 (not a participant, or the
		 *   facilitator), 404, 409 (closed).
		 */
		async submitResponse(
			workshopId: string,
			token: string | null | undefined,
			input: unknown,
			options: { facilitatorToken?: string | null } = {}
		): Promise<SubmitOutcome> {
			const parsed = SubmissionSchema.safeParse(input);
			if (!parsed.success) throw invalid(parsed.error);
			const { answers, idempotencyKey } = parsed.data;
			const meta = UUID.test(workshopId) ? await metaOf(workshopId) : undefined;
			if (!meta) throw new WorkshopError(404, 'not_found', NOT_FOUND);
			try {
				validateAnswers(meta.bank, answers);
			} catch (error) {
				if (error instanceof AnswersError) throw new WorkshopError(400, 'invalid', error.message);
				throw error;
			}
			if (isFacilitatorOf(meta, options.facilitatorToken))
				throw new WorkshopError(403, 'facilitator', FACILITATOR_CANNOT_JOIN);
			const participant = await participantOf(token);
			if (!participant || participant.workshopId !== meta.id)
				throw new WorkshopError(403, 'forbidden', 'Join this workshop first: open its link or type its code.');
			return new Promise<SubmitOutcome>((resolve, reject) => {
				queue.push({
					workshopId: meta.id,
					bank: meta.bank,
					participantId: participant.id,
					answers,
					idempotencyKey,
					resolve,
					reject
				});
				void drain();
			});
		},

		/**
		 * Closes the workshop: no more submissions; participants see the team result. Responses still waiting are
		 * released (fewer than the minimum group size only once per workshop). @throws WorkshopError 404/403.
		 */
		closeWorkshop: (workshopId: string, token: string | null | undefined) => setStatus(workshopId, token, 'closed'),

		/** Reopens a closed workshop for submissions. @throws WorkshopError 404/403. */
		reopenWorkshop: (workshopId: string, token: string | null | undefined) => setStatus(workshopId, token, 'open'),

		/**
		 * Facilitated workshops: opens a blind vote on `item` (a dimension id) — participants may then vote on its
		 * questions, and only on them. Opening the item just revealed is a re-vote. Votes cast in an earlier vote that
		 * was never revealed stay waiting. @throws WorkshopError 400 (no such item), 403/404, 409 (self-paced, closed).
		 */
		openVote: (workshopId: string, token: string | null | undefined, item: unknown) =>
			facilitation(workshopId, token, async (_tx, row, bank) => {
				if (typeof item !== 'string' || !facilitationItems(bank).some((i) => i.id === item))
					throw new WorkshopError(400, 'invalid', 'Choose one of the questionnaire’s dimensions to vote on.');
				if (row.currentItem === item && row.phase === 'voting') return {};
				const again = row.currentItem === item && row.phase === 'revealed';
				return { phase: 'voting', currentItem: item, round: again ? row.round + 1 : 1, voteSeq: row.voteSeq + 1 };
			}),

		/**
		 * Facilitated workshops: reveals the open vote — releases its questions' changed answers question by question
		 * ({@link releaseQuestions}: a question moves only when at least the minimum group size changed their answer
		 * to it) — once at least the minimum group size has voted. @throws WorkshopError 403/404, 409 (no open vote,
		 * too few votes, self-paced, closed).
		 */
		reveal: (workshopId: string, token: string | null | undefined) =>
			facilitation(workshopId, token, async (tx, row, bank) => {
				if (row.phase !== 'voting' || !row.currentItem)
					throw new WorkshopError(409, 'vote_closed', 'No vote is open: open a vote first.');
				const voted = await votedIn(tx, row);
				if (voted < row.minGroupSize)
					throw new WorkshopError(
						409,
						'too_few',
						`The votes can be revealed once ${row.minGroupSize} people have voted (${voted} so far), so no one’s vote can be read from them.`
					);
				const item = facilitationItems(bank).find((i) => i.id === row.currentItem)!;
				await releaseQuestions(tx, database.kind, row, item.questionIds);
				return { phase: 'revealed' };
			}),

		/**
		 * Facilitated workshops: opens the revealed item's vote again; everyone may change their vote (or submit it
		 * again to keep it). @throws WorkshopError 403/404, 409 (nothing revealed, self-paced, closed).
		 */
		revote: (workshopId: string, token: string | null | undefined) =>
			facilitation(workshopId, token, async (_tx, row) => {
				if (row.phase !== 'revealed' || !row.currentItem)
					throw new WorkshopError(409, 'vote_closed', 'Reveal a vote before opening a re-vote.');
				return { phase: 'voting', round: row.round + 1, voteSeq: row.voteSeq + 1 };
			}),

		/**
		 * Facilitated workshops: records what the room agreed on one question — the agreed team answer (replacing the
		 * median as that question's team answer; '' = none), a note of the discussion, an action — open or closed.
		 * @throws WorkshopError 400 (bad question, answer or text), 403/404, 409 (self-paced).
		 */
		async agree(workshopId: string, token: string | null | undefined, input: unknown): Promise<Agreement> {
			const parsed = AgreementSchema.safeParse(input);
			if (!parsed.success) throw invalid(parsed.error);
			const row = await asFacilitator(workshopId, token);
			const { bank, mode } = remember(row);
			if (mode !== 'facilitated') throw new WorkshopError(409, 'not_facilitated', NOT_FACILITATED);
			const { questionId, answer, note, action } = parsed.data;
			const question = bank.questions.find((q) => q.id === questionId && q.kind !== 'profile');
			if (!question) throw new WorkshopError(400, 'invalid', `There is no question "${questionId}" to agree on.`);
			if (answer !== '' && !agreeableAnswers(bank, question).some((a) => a.id === answer))
				throw new WorkshopError(400, 'invalid', `"${answer}" is not an answer to this question.`);
			const agreement: Agreement = { questionId, agreedAnswer: answer || null, note, action };
			await db.transaction(async (tx) => {
				await tx
					.insert(agreements)
					.values({ workshopId: row.id, ...agreement })
					.onConflictDoUpdate({
						target: [agreements.workshopId, agreements.questionId],
						set: { agreedAnswer: agreement.agreedAnswer, note, action, updatedAt: sql`now()` }
					});
				// A new data version: the team answers (and what the team documents show) change.
				await tx
					.update(workshops)
					.set({ figuresVersion: sql`nextval('response_release_seq')` })
					.where(eq(workshops.id, row.id));
			});
			live?.publish(row.id);
			return agreement;
		},

		/**
		 * Counts, and the team statistics of the released responses (null below the minimum group size). Callers check
		 * who may see it: the facilitator always, participants once the workshop is closed.
		 */
		async summary(workshopId: string): Promise<WorkshopSummary> {
			if (!UUID.test(workshopId)) throw new WorkshopError(404, 'not_found', NOT_FOUND);
			const [found] = await execute<{
				row: Record<string, unknown> | null;
				joined: number;
				submitted: number;
				pending: number;
				released: number;
				version: string;
				voted: number;
			}>(
				db,
				sql`select (select count(*) from ${participants} p where p.workshop_id = ${workshopId})::int as joined,
				           count(*)::int as submitted,
				           count(*) filter (where ${responses.pending})::int as pending,
				           count(${responses.releasedAnswers})::int as released,
				           greatest(coalesce(max(${responses.releasedVersion}), 0),
				                    (select w.figures_version from ${workshops} w where w.id = ${workshopId}))::text as version,
				           count(*) filter (where ${responses.votedSeq} =
				                    (select w.vote_seq from ${workshops} w where w.id = ${workshopId}))::int as voted
				    from ${responses} where ${responses.workshopId} = ${workshopId}`
			);
			const row = await byId(workshopId);
			if (!row || !found) throw new WorkshopError(404, 'not_found', NOT_FOUND);
			const meta = remember(row);
			const recorded: Agreement[] =
				meta.mode === 'facilitated'
					? await db
							.select({
								questionId: agreements.questionId,
								agreedAnswer: agreements.agreedAnswer,
								note: agreements.note,
								action: agreements.action
							})
							.from(agreements)
							.where(eq(agreements.workshopId, row.id))
					: [];
			const agreed: Answers = {};
			for (const a of recorded) if (a.agreedAnswer !== null) agreed[a.questionId] = a.agreedAnswer;
			const key = `${row.id}:${found.version}:${found.released}`;
			return {
				workshop: view(row),
				joined: found.joined,
				submitted: found.submitted,
				pending: found.pending,
				released: found.released,
				dataVersion: Number(found.version),
				stats: found.released >= row.minGroupSize ? await loadStats(row, meta, key, agreed) : null,
				voted: meta.mode === 'facilitated' ? found.voted : 0,
				agreements: recorded
			};
		},

		/**
		 * The team statistics for the facilitator's CSV and PDF, with the data version they belong to.
		 * @throws WorkshopError 404/403 unless `token` is the facilitator's.
		 */
		async teamExport(
			workshopId: string,
			token: string | null | undefined
		): Promise<{
			workshop: WorkshopView;
			bank: QuestionBank;
			stats: TeamStats | null;
			dataVersion: number;
			agreements: Agreement[];
		}> {
			await asFacilitator(workshopId, token);
			const summary = await this.summary(workshopId);
			const meta = (await metaOf(workshopId))!;
			return {
				workshop: summary.workshop,
				bank: meta.bank,
				stats: summary.stats,
				dataVersion: summary.dataVersion,
				agreements: summary.agreements
			};
		}
	};
}

export type WorkshopService = ReturnType<typeof createWorkshopService>;

const GLOBAL_KEY = Symbol.for('readiness.workshops');
type Holder = { [GLOBAL_KEY]?: Promise<WorkshopService> };

/** The app's workshop service over {@link getDb} and {@link getLive}. */
export function getWorkshops(): Promise<WorkshopService> {
	const holder = globalThis as Holder;
	holder[GLOBAL_KEY] ??= Promise.all([getDb(), getLive()]).then(([database, live]) =>
		createWorkshopService(database, live)
	);
	return holder[GLOBAL_KEY];
}
