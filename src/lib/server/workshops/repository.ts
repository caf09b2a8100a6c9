/**
 * Every SQL statement of the workshop service, and nothing else: no access checks, no rules. `repository.transaction`
 * runs a function with the same methods bound to one transaction, so the service never touches drizzle.
 */
import { and, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Agreement } from '$scoring/present/team';
import type { Answers } from '$scoring/schema';
import { isFacilitatorKey } from '../auth/facilitator-keys';
import type { Database, Db } from '../db';
import { agreements, participants, responses, workshops, type WorkshopRow } from '../db/schema';
import type { AgreementInput } from './facilitation';

type Transaction = Parameters<Parameters<Db['transaction']>[0]>[0];
type Queryable = Db | Transaction;

/** Rows of a raw `execute`, whichever driver ran it (postgres-js returns an array, PGlite `{ rows }`). */
function rowsOf<T>(result: unknown): T[] {
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

async function execute<T>(q: Queryable, query: SQL): Promise<T[]> {
	return rowsOf<T>(await q.execute(query));
}

function isUniqueViolation(error: unknown): boolean {
	for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e)
		if (e.code === '23505') return true;
	return false;
}

/** What a submission batch needs of each workshop it writes to, read FOR SHARE. */
export type BatchWorkshop = Pick<
	WorkshopRow,
	| 'id'
	| 'status'
	| 'minGroupSize'
	| 'mode'
	| 'phase'
	| 'currentItem'
	| 'voteSeq'
	| 'timerKind'
	| 'timerEndsAt'
	| 'timerClosesVote'
>;

/** A response to write in a submission batch. */
interface ResponseWrite {
	id: string;
	workshopId: string;
	participantId: string;
	answers: Answers;
	idempotencyKey: string;
	votedSeq: number | null;
}

/** A response waiting for release, with what was last released of it. */
export interface PendingResponse {
	id: string;
	answers: Answers;
	released: Answers | null;
}

/** What a release writes to one response. */
export interface ReleaseWrite {
	id: string;
	released: Answers;
	pending: boolean;
}

/** The counts the self-paced release rule looks at; `released` and `total` are counted only up to `k`. */
export interface ReleaseCounts {
	pending: number;
	released: number;
	total: number;
}

interface SummaryCounts {
	joined: number;
	submitted: number;
	pending: number;
	released: number;
	/** The largest release or figures version: the data version. */
	version: number;
	voted: number;
}

/** The columns of an {@link Agreement}. */
const AGREEMENT_COLUMNS = {
	questionId: agreements.questionId,
	agreedAnswer: agreements.agreedAnswer,
	note: agreements.note,
	action: agreements.action,
	actionOwner: agreements.actionOwner,
	actionDue: agreements.actionDue,
	actionStatus: agreements.actionStatus,
	carriedFrom: agreements.carriedFrom
};

function bind(q: Queryable, kind: Database['kind']) {
	/** A new value of `response_release_seq`: numbers one release. */
	async function nextReleaseVersion(): Promise<number> {
		const [{ version } = { version: '0' }] = await execute<{ version: string }>(
			q,
			sql`select nextval('response_release_seq')::text as version`
		);
		return Number(version);
	}

	return {
		// ── Workshops ───────────────────────────────────────────────────────────────────────────────────────────

		/** Inserts a workshop; null when its join code is taken (draw another). */
		async insertWorkshop(values: typeof workshops.$inferInsert): Promise<WorkshopRow | null> {
			try {
				const [row] = await q.insert(workshops).values(values).returning();
				return row!;
			} catch (error) {
				if (isUniqueViolation(error)) return null;
				throw error;
			}
		},

		async workshopById(id: string): Promise<WorkshopRow | undefined> {
			const [row] = await q.select().from(workshops).where(eq(workshops.id, id));
			return row;
		},

		async workshopByCode(code: string): Promise<WorkshopRow | undefined> {
			const [row] = await q.select().from(workshops).where(eq(workshops.joinCode, code));
			return row;
		},

		/** The workshop row locked FOR UPDATE until the transaction ends. */
		async workshopForUpdate(id: string): Promise<WorkshopRow | undefined> {
			const [row] = await q.select().from(workshops).where(eq(workshops.id, id)).for('update');
			return row;
		},

		async updateWorkshop(id: string, set: Partial<WorkshopRow>): Promise<WorkshopRow | undefined> {
			const [row] = await q.update(workshops).set(set).where(eq(workshops.id, id)).returning();
			return row;
		},

		/** A new figures version: what the team documents show changed without a release (an agreement). */
		async bumpFiguresVersion(id: string): Promise<void> {
			await q
				.update(workshops)
				.set({ figuresVersion: sql`nextval('response_release_seq')` })
				.where(eq(workshops.id, id));
		},

		/** Whether `tokenHash` is a live facilitator key of a signed-in browser for this workshop. */
		isFacilitatorKey: (workshopId: string, tokenHash: string) => isFacilitatorKey(q as Db, workshopId, tokenHash),

		// ── Participants ────────────────────────────────────────────────────────────────────────────────────────

		async participantByTokenHash(tokenHash: string): Promise<{ id: string; workshopId: string } | undefined> {
			const [row] = await q
				.select({ id: participants.id, workshopId: participants.workshopId })
				.from(participants)
				.where(eq(participants.tokenHash, tokenHash));
			return row;
		},

		async participantCount(workshopId: string): Promise<number> {
			const [{ n = 0 } = {}] = await q
				.select({ n: sql<number>`count(*)::int` })
				.from(participants)
				.where(eq(participants.workshopId, workshopId));
			return n;
		},

		async insertParticipant(values: typeof participants.$inferInsert): Promise<void> {
			await q.insert(participants).values(values);
		},

		/** The participant with this token hash in this workshop, with their response if any. */
		async participantWithResponse(workshopId: string, tokenHash: string) {
			const [row] = await q
				.select({
					id: participants.id,
					displayName: participants.displayName,
					answers: responses.answers,
					updatedAt: responses.updatedAt,
					votedSeq: responses.votedSeq,
					pending: responses.pending,
					released: sql<boolean>`${responses.releasedAnswers} is not null`
				})
				.from(participants)
				.leftJoin(
					responses,
					and(eq(responses.participantId, participants.id), eq(responses.workshopId, participants.workshopId))
				)
				.where(and(eq(participants.workshopId, workshopId), eq(participants.tokenHash, tokenHash)));
			return row;
		},

		// ── Responses ───────────────────────────────────────────────────────────────────────────────────────────

		/** The workshops a submission batch writes to, FOR SHARE: a close or a vote step waits for the batch. */
		async workshopsForShare(ids: string[]): Promise<BatchWorkshop[]> {
			return q
				.select({
					id: workshops.id,
					status: workshops.status,
					minGroupSize: workshops.minGroupSize,
					mode: workshops.mode,
					phase: workshops.phase,
					currentItem: workshops.currentItem,
					voteSeq: workshops.voteSeq,
					timerKind: workshops.timerKind,
					timerEndsAt: workshops.timerEndsAt,
					timerClosesVote: workshops.timerClosesVote
				})
				.from(workshops)
				.where(inArray(workshops.id, ids))
				.for('share');
		},

		/** Stored answers per participant; `lock`: FOR UPDATE. */
		async storedAnswers(participantIds: string[], lock = false): Promise<Map<string, Answers>> {
			const query = q
				.select({ participantId: responses.participantId, answers: responses.answers })
				.from(responses)
				.where(inArray(responses.participantId, participantIds));
			const rows = lock ? await query.for('update') : await query;
			return new Map(rows.map((r) => [r.participantId, r.answers]));
		},

		/**
		 * Inserts responses, or replaces each unless it is a retry of the stored submission (same idempotency key).
		 * A replacement is pending only if it differs from what was last released. Returns the rows written, each
		 * with whether it was a fresh insert (xmax = 0); a retry is not among them.
		 */
		async upsertResponses(writes: ResponseWrite[]): Promise<{ participantId: string; inserted: boolean }[]> {
			return q
				.insert(responses)
				.values(writes)
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
		},

		/** How many voted in vote number `voteSeq`. */
		async votedIn(workshopId: string, voteSeq: number): Promise<number> {
			const [{ n = 0 } = {}] = await q
				.select({ n: sql<number>`count(*)::int` })
				.from(responses)
				.where(and(eq(responses.workshopId, workshopId), eq(responses.votedSeq, voteSeq)));
			return n;
		},

		/** The released answers of every released response: what the team figures are computed from. */
		async releasedAnswers(workshopId: string): Promise<Answers[]> {
			const rows = await q
				.select({ answers: responses.releasedAnswers })
				.from(responses)
				.where(and(eq(responses.workshopId, workshopId), isNotNull(responses.releasedAnswers)));
			return rows.map((r) => r.answers!);
		},

		// ── Releases ────────────────────────────────────────────────────────────────────────────────────────────

		/**
		 * Serialises releases of one workshop until the transaction ends (PostgreSQL: an advisory lock; PGlite has one
		 * connection, so its transactions never overlap). Statements after it see releases committed before it.
		 */
		async lockReleases(workshopId: string): Promise<void> {
			if (kind === 'postgres') await q.execute(sql`select pg_advisory_xact_lock(7301964, hashtext(${workshopId}))`);
		},

		/** Pending responses, and released and all responses counted up to `k` (all the rule needs). */
		async releaseCounts(workshopId: string, k: number): Promise<ReleaseCounts> {
			const [r] = await execute<{ pending: number; released: number; total: number }>(
				q,
				sql`select (select count(*) from ${responses} where workshop_id = ${workshopId} and pending)::int as pending,
				           (select count(*) from (select 1 from ${responses}
				              where workshop_id = ${workshopId} and released_answers is not null limit ${k}) r)::int as released,
				           (select count(*) from (select 1 from ${responses} where workshop_id = ${workshopId} limit ${k}) t)::int as total`
			);
			return { pending: Number(r?.pending ?? 0), released: Number(r?.released ?? 0), total: Number(r?.total ?? 0) };
		},

		/** Releases every pending response of the workshop as one new release. */
		async releaseAllPending(workshopId: string): Promise<void> {
			const version = await nextReleaseVersion();
			await q.execute(
				sql`update ${responses} set released_answers = answers, pending = false, released_version = ${version}
				    where workshop_id = ${workshopId} and pending`
			);
		},

		/** The workshop's pending responses, FOR UPDATE. */
		async pendingResponsesForUpdate(workshopId: string): Promise<PendingResponse[]> {
			return q
				.select({ id: responses.id, answers: responses.answers, released: responses.releasedAnswers })
				.from(responses)
				.where(and(eq(responses.workshopId, workshopId), eq(responses.pending, true)))
				.for('update');
		},

		/** Every response of the workshop with its answers, what was last released of it and whether it is pending. */
		async responsesForClose(workshopId: string): Promise<(PendingResponse & { pending: boolean })[]> {
			return q
				.select({
					id: responses.id,
					answers: responses.answers,
					released: responses.releasedAnswers,
					pending: responses.pending
				})
				.from(responses)
				.where(eq(responses.workshopId, workshopId));
		},

		/** Writes released answers as one new release. */
		async writeReleases(writes: ReleaseWrite[]): Promise<void> {
			const version = await nextReleaseVersion();
			await q.execute(
				sql`update ${responses} set released_answers = x.released, pending = x.pending, released_version = ${version}
				    from jsonb_to_recordset(${JSON.stringify(writes)}::jsonb) as x(id uuid, released jsonb, pending boolean)
				    where ${responses.id} = x.id`
			);
		},

		// ── Agreements and the summary ──────────────────────────────────────────────────────────────────────────

		/**
		 * Writes what the facilitator recorded for one question; an action carried from an earlier session keeps where
		 * it came from until its text is cleared. Returns the record as stored.
		 */
		async upsertAgreement(workshopId: string, agreement: AgreementInput): Promise<Agreement> {
			const [row] = await q
				.insert(agreements)
				.values({ workshopId, ...agreement })
				.onConflictDoUpdate({
					target: [agreements.workshopId, agreements.questionId],
					set: {
						agreedAnswer: agreement.agreedAnswer,
						note: agreement.note,
						action: agreement.action,
						actionOwner: agreement.actionOwner,
						actionDue: agreement.actionDue,
						actionStatus: agreement.actionStatus,
						carriedFrom: sql`case when excluded.action is null then null else ${agreements.carriedFrom} end`,
						updatedAt: sql`now()`
					}
				})
				.returning(AGREEMENT_COLUMNS);
			return row!;
		},

		/** Clears the agreed answers of `questionIds` (notes and actions stay); how many there were. */
		async clearAgreedAnswers(workshopId: string, questionIds: readonly string[]): Promise<number> {
			if (!questionIds.length) return 0;
			const cleared = await q
				.update(agreements)
				.set({ agreedAnswer: null, updatedAt: sql`now()` })
				.where(
					and(
						eq(agreements.workshopId, workshopId),
						inArray(agreements.questionId, [...questionIds]),
						isNotNull(agreements.agreedAnswer)
					)
				)
				.returning({ questionId: agreements.questionId });
			return cleared.length;
		},

		/** Inserts the actions a follow-up session carries from the session it was started from. */
		async insertCarriedActions(workshopId: string, carried: readonly Agreement[]): Promise<void> {
			if (carried.length) await q.insert(agreements).values(carried.map((a) => ({ workshopId, ...a })));
		},

		async agreementsOf(workshopId: string): Promise<Agreement[]> {
			return q.select(AGREEMENT_COLUMNS).from(agreements).where(eq(agreements.workshopId, workshopId));
		},

		/** Joined, submitted, pending, released and voted counts and the data version, in one statement. */
		async summaryCounts(workshopId: string): Promise<SummaryCounts | undefined> {
			const [found] = await execute<{
				joined: number;
				submitted: number;
				pending: number;
				released: number;
				version: string;
				voted: number;
			}>(
				q,
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
			return found && { ...found, version: Number(found.version) };
		}
	};
}

export type WorkshopStatements = ReturnType<typeof bind>;

export type WorkshopRepository = WorkshopStatements & {
	readonly kind: Database['kind'];
	/** Runs `work` in one transaction, with every statement bound to it. */
	transaction: <T>(work: (tx: WorkshopStatements) => Promise<T>) => Promise<T>;
	/**
	 * Runs `work`'s reads on one consistent snapshot: every statement sees the same committed data, so what it reads
	 * belongs to one moment (PostgreSQL: a read-only repeatable-read transaction; PGlite has one connection, and its
	 * transactions never overlap).
	 */
	snapshot: <T>(work: (tx: WorkshopStatements) => Promise<T>) => Promise<T>;
};

/** The workshop statements over one database. */
export function createWorkshopRepository(database: Database): WorkshopRepository {
	return {
		...bind(database.db, database.kind),
		kind: database.kind,
		transaction: (work) => database.db.transaction((tx) => work(bind(tx, database.kind))),
		snapshot: (work) =>
			database.db.transaction(
				(tx) => work(bind(tx, database.kind)),
				database.kind === 'postgres' ? { isolationLevel: 'repeatable read', accessMode: 'read only' } : undefined
			)
	};
}
