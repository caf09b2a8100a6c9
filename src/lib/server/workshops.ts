/**
 * The workshop service: facilitators create, close and reopen workshops; participants join by code and submit one
 * response each, editable until the workshop closes. Every write is one transaction; tokens are CSPRNG secrets
 * stored only as SHA-256 hashes; input is validated with scoring's schemas before anything is written.
 */
import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { aggregate, MIN_GROUP_SIZE_DEFAULT, type TeamAggregate } from '../../../scoring/aggregate';
import { CURRENT_BANK, findBank } from '../../../scoring/bank/index';
import { AnswersSchema, type Answers, type QuestionBank } from '../../../scoring/schema';
import { AnswersError, validateAnswers } from '../../../scoring/score';
import { isFacilitatorKey } from './auth/facilitator-keys';
import { getDb, type Database } from './db';
import { participants, responses, workshops, type WorkshopRow } from './db/schema';
import { getLive, type LiveNotifier } from './live';

/** Join-code characters: no 0/O, 1/I/L, so a code read aloud or from a screen cannot be mistyped. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;
/** Bytes of CSPRNG entropy in facilitator and participant tokens (256 bits). */
const TOKEN_BYTES = 32;
export const MAX_GROUP_SIZE = 1000;

/** Why a workshop operation was refused; `status` is the HTTP status a route answers with. */
export class WorkshopError extends Error {
	constructor(
		readonly status: 400 | 403 | 404 | 409,
		readonly reason: 'invalid' | 'forbidden' | 'not_found' | 'closed',
		message: string
	) {
		super(message);
		this.name = 'WorkshopError';
	}
}

/** The facilitator's form. Text is trimmed; an empty organisation means none. */
export const NewWorkshopSchema = z.strictObject({
	title: z.string().trim().min(1, 'Enter a workshop title').max(120, 'The title is at most 120 characters'),
	organisation: z
		.string()
		.trim()
		.max(120, 'The organisation is at most 120 characters')
		.optional()
		.transform((s) => s || null),
	minGroupSize: z.coerce
		.number({ error: 'The minimum group size must be a whole number' })
		.int('The minimum group size must be a whole number')
		.min(2, 'The minimum group size is at least 2, so no single person’s answers are shown as the team’s')
		.max(MAX_GROUP_SIZE, `The minimum group size is at most ${MAX_GROUP_SIZE}`)
		.default(MIN_GROUP_SIZE_DEFAULT)
});
export type NewWorkshop = z.input<typeof NewWorkshopSchema>;

/** A participant's optional display name, shown only to themselves and never next to answers. */
export const JoinSchema = z.strictObject({
	displayName: z
		.string()
		.trim()
		.max(60, 'The name is at most 60 characters')
		.optional()
		.transform((s) => s || null)
});

/** One submission: the answers and a client-chosen key that makes retries of the same submission harmless. */
export const SubmissionSchema = z.strictObject({
	answers: AnswersSchema,
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
	status: 'open' | 'closed';
	bank: string;
	version: string;
	createdAt: Date;
}

/** The facilitator dashboard: counts always; the team aggregate only once enough people submitted. */
export interface WorkshopSummary {
	workshop: WorkshopView;
	joined: number;
	submitted: number;
	/** Null while fewer than `minGroupSize` responses are in. */
	aggregate: TeamAggregate | null;
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
		status: row.status,
		bank: row.bankId,
		version: row.bankVersion,
		createdAt: row.createdAt
	};
}

function invalid(error: z.ZodError): WorkshopError {
	return new WorkshopError(400, 'invalid', error.issues.map((i) => i.message).join('; '));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND = 'No workshop with this code or link. Check the code with your facilitator.';

function isUniqueViolation(error: unknown): boolean {
	for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e)
		if (e.code === '23505') return true;
	return false;
}

/** The workshop service over one database (and optionally a live notifier told of every change). */
export function createWorkshopService(database: Database, live?: LiveNotifier) {
	const { db } = database;

	async function byId(id: string): Promise<WorkshopRow | undefined> {
		if (!UUID.test(id)) return undefined;
		const [row] = await db.select().from(workshops).where(eq(workshops.id, id));
		return row;
	}

	async function bankOf(row: WorkshopRow): Promise<QuestionBank> {
		const bank = findBank(row.bankId, row.bankVersion);
		if (!bank) throw new Error(`workshop ${row.id} uses unknown bank ${row.bankId} ${row.bankVersion}`);
		return bank;
	}

	/** The workshop if `token` is its facilitator token; otherwise a 404 (no such id) or 403. */
	async function asFacilitator(workshopId: string, token: string | null | undefined): Promise<WorkshopRow> {
		const row = await byId(workshopId);
		if (!row) throw new WorkshopError(404, 'not_found', NOT_FOUND);
		// A signed-in facilitator's browser holds a facilitator key instead of the token (auth/facilitator-keys.ts).
		if (
			!token ||
			!(sameHash(hashToken(token), row.facilitatorTokenHash) || (await isFacilitatorKey(db, row.id, hashToken(token))))
		)
			throw new WorkshopError(403, 'forbidden', 'This facilitator link or key is not valid for this workshop.');
		return row;
	}

	async function setStatus(workshopId: string, token: string | null | undefined, status: 'open' | 'closed') {
		const row = await asFacilitator(workshopId, token);
		const [updated] = await db.update(workshops).set({ status }).where(eq(workshops.id, row.id)).returning();
		live?.publish(row.id);
		return view(updated!);
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
							facilitatorTokenHash: hashToken(facilitatorToken),
							bankId: CURRENT_BANK.id,
							bankVersion: CURRENT_BANK.version
						})
						.returning();
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
			return row ? view(row) : null;
		},

		/** The workshop for its facilitator. @throws WorkshopError 404 / 403. */
		async getForFacilitator(workshopId: string, token: string | null | undefined): Promise<WorkshopView> {
			return view(await asFacilitator(workshopId, token));
		},

		/**
		 * Joins a workshop by code; returns the participant token (for a cookie) once: only its hash is kept.
		 * Joining is allowed while the workshop is closed too, so late-comers can see the team result.
		 */
		async joinWorkshop(code: string, input: unknown = {}): Promise<{ workshop: WorkshopView; token: string }> {
			const parsed = JoinSchema.safeParse(input);
			if (!parsed.success) throw invalid(parsed.error);
			const workshop = await this.findByCode(code);
			if (!workshop) throw new WorkshopError(404, 'not_found', NOT_FOUND);
			const token = newToken();
			await db.insert(participants).values({
				id: randomUUID(),
				workshopId: workshop.id,
				tokenHash: hashToken(token),
				displayName: parsed.data.displayName
			});
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
					updatedAt: responses.updatedAt
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
		 * Stores a participant's response (one per participant; a later submission replaces it). In one transaction
		 * that holds the workshop row, so a concurrent close either precedes it (refused) or follows it.
		 * @throws WorkshopError 400 (bad input, unknown question or option), 403 (not a participant), 404, 409 (closed).
		 */
		async submitResponse(workshopId: string, token: string | null | undefined, input: unknown): Promise<SubmitOutcome> {
			const parsed = SubmissionSchema.safeParse(input);
			if (!parsed.success) throw invalid(parsed.error);
			const { answers, idempotencyKey } = parsed.data;
			if (!UUID.test(workshopId)) throw new WorkshopError(404, 'not_found', NOT_FOUND);
			const outcome = await db.transaction(async (tx) => {
				const [row] = await tx.select().from(workshops).where(eq(workshops.id, workshopId)).for('share');
				if (!row) throw new WorkshopError(404, 'not_found', NOT_FOUND);
				if (row.status === 'closed')
					throw new WorkshopError(
						409,
						'closed',
						'This workshop is closed: the facilitator is no longer accepting answers.'
					);
				try {
					// The raw object too: zod's record drops a "__proto__" key silently, and no answer may vanish unseen.
					const bank = await bankOf(row);
					validateAnswers(bank, (input as { answers: unknown }).answers);
					validateAnswers(bank, answers);
				} catch (error) {
					if (error instanceof AnswersError) throw new WorkshopError(400, 'invalid', error.message);
					throw error;
				}
				const [participant] = await tx
					.select({ id: participants.id })
					.from(participants)
					.where(and(eq(participants.workshopId, row.id), eq(participants.tokenHash, hashToken(token ?? ''))));
				if (!participant)
					throw new WorkshopError(403, 'forbidden', 'Join this workshop first: open its link or type its code.');
				// Insert, or replace unless this is a retry of the stored submission; xmax = 0 marks a fresh insert.
				const [written] = await tx
					.insert(responses)
					.values({ id: randomUUID(), workshopId: row.id, participantId: participant.id, answers, idempotencyKey })
					.onConflictDoUpdate({
						target: [responses.workshopId, responses.participantId],
						set: { answers, idempotencyKey, updatedAt: sql`now()` },
						setWhere: sql`${responses.idempotencyKey} <> excluded.idempotency_key`
					})
					.returning({ inserted: sql<boolean>`(xmax = 0)` });
				if (!written) {
					const [stored] = await tx
						.select({ answers: responses.answers })
						.from(responses)
						.where(and(eq(responses.workshopId, row.id), eq(responses.participantId, participant.id)));
					return { status: 'unchanged' as const, answers: stored!.answers };
				}
				return { status: written.inserted ? ('created' as const) : ('updated' as const), answers };
			});
			if (outcome.status !== 'unchanged') live?.publish(workshopId);
			return outcome;
		},

		/** Closes the workshop: no more submissions; participants see the team result. @throws WorkshopError 404/403. */
		closeWorkshop: (workshopId: string, token: string | null | undefined) => setStatus(workshopId, token, 'closed'),

		/** Reopens a closed workshop for submissions. @throws WorkshopError 404/403. */
		reopenWorkshop: (workshopId: string, token: string | null | undefined) => setStatus(workshopId, token, 'open'),

		/**
		 * Counts and, from `minGroupSize` responses on, the team aggregate. Callers check who may see it: the
		 * facilitator always, participants once the workshop is closed.
		 */
		async summary(workshopId: string): Promise<WorkshopSummary> {
			const row = await byId(workshopId);
			if (!row) throw new WorkshopError(404, 'not_found', NOT_FOUND);
			const [joined] = await db.select({ n: count() }).from(participants).where(eq(participants.workshopId, row.id));
			const answerSets = (
				await db.select({ answers: responses.answers }).from(responses).where(eq(responses.workshopId, row.id))
			).map((r) => r.answers);
			return {
				workshop: view(row),
				joined: joined?.n ?? 0,
				submitted: answerSets.length,
				aggregate: aggregate(await bankOf(row), answerSets, { minGroupSize: row.minGroupSize })
			};
		},

		/**
		 * The responses for the anonymised export: answers only — no names, no participant ids, no timestamps —
		 * in an order unrelated to who submitted when. Empty below the minimum group size.
		 * @throws WorkshopError 404/403 unless `token` is the facilitator's.
		 */
		async anonymisedAnswers(
			workshopId: string,
			token: string | null | undefined
		): Promise<{ workshop: WorkshopView; bank: QuestionBank; answerSets: Answers[] }> {
			const row = await asFacilitator(workshopId, token);
			const rows = await db
				.select({ answers: responses.answers })
				.from(responses)
				.where(eq(responses.workshopId, row.id))
				.orderBy(asc(responses.id));
			const answerSets = rows.length >= row.minGroupSize ? rows.map((r) => r.answers) : [];
			return { workshop: view(row), bank: await bankOf(row), answerSets };
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
