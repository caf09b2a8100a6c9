/**
 * The workshop service: facilitators create, close and reopen workshops; participants join by code (up to the
 * workshop's cap) and submit one response each, editable until the workshop closes. This is the public API and
 * where access is checked; the rules live beside it — what is released (`release.ts`), the facilitation steps
 * (`facilitation.ts`), the group commit (`group-commit.ts`) — and every statement in `repository.ts`.
 *
 * Privacy against the facilitator: the team figures are computed only from *released* responses (`release.ts`),
 * so no figure the facilitator can see ever changes by one person's response. Tokens are CSPRNG secrets stored
 * only as SHA-256 hashes; input is validated with the schemas in `dto.ts` before anything is written.
 */
import { randomUUID } from 'node:crypto';
import { CURRENT_BANK, findBank } from '$scoring/content/banks';
import { isoDate } from '$scoring/present/format';
import type { Agreement, PreviousSession, WorkshopMode } from '$scoring/present/team';
import type { Answers, DimensionId, QuestionBank } from '$scoring/schema';
import { AnswersError, validateAnswers } from '$scoring/model/v2/score';
import { dimensionCoverage, teamStats, type TeamStats } from '$scoring/model/team-stats';
import { surveyAnswersOf } from '$scoring/lens/answer-key';
import type { Lens } from '$scoring/lens/schema';
import type { TeamLens } from '$scoring/lens/team';
import type { TeamLensSection } from '$scoring/present/lens';
import { getDb, type Database } from '../db';
import type { WorkshopRow } from '../db/schema';
import { getLenses, type LensCatalog } from '../lenses/service';
import { getLive, type LiveNotifier } from '../live';
import { Lru } from '../lru';
import {
	AgreementSchema,
	TITLE_MAX,
	JoinSchema,
	NewWorkshopSchema,
	SubmissionSchema,
	TimerSchema,
	workshopView,
	type SubmitOutcome,
	type WorkshopSummary,
	type WorkshopView
} from './dto';
import {
	FACILITATOR_CANNOT_JOIN,
	JOIN_FIRST,
	NOT_FACILITATED,
	NOT_FACILITATOR,
	NOT_FOUND,
	WorkshopError,
	invalid
} from './errors';
import * as steps from './facilitation';
import { createSubmissionQueue } from './group-commit';
import {
	checkSubmittedLensAnswers,
	pinLenses,
	pinnedLenses,
	workshopLensSections,
	workshopLensTeams,
	type LensPin
} from './lenses';
import { releaseQuestions, releasedAtClose } from './release';
import { createWorkshopRepository, type WorkshopStatements } from './repository';
import { hashToken, newJoinCode, newToken, normaliseJoinCode, tokenMatches } from './tokens';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The team figures of a released set: the survey's statistics, each pinned lens's section and team lens. */
interface Figures {
	stats: TeamStats | null;
	lenses: TeamLensSection[];
	lensTeams: TeamLens[];
}

/** The parts of a workshop that never change after it is created: safe to keep in memory. */
interface WorkshopMeta {
	id: string;
	code: string;
	minGroupSize: number;
	facilitatorTokenHash: string;
	bank: QuestionBank;
	mode: WorkshopMode;
	/** The lenses the workshop pinned, and those of them this site has (whose questions the phones answer). */
	lensPins: LensPin[];
	lenses: Lens[];
}

/**
 * The workshop service over one database (and optionally a live notifier told of every change), with the lenses
 * workshops may pin (by default the site's, `getLenses`).
 */
export function createWorkshopService(database: Database, live?: LiveNotifier, lensCatalog?: LensCatalog) {
	const catalog = () => lensCatalog ?? getLenses();
	const repository = createWorkshopRepository(database);
	const queue = createSubmissionQueue(repository, (id) => live?.publish(id));
	const metaById = new Lru<string, WorkshopMeta>(2_000);
	/** join code → workshop id: a code never changes, so lookups of a known code cost nothing. */
	const idByCode = new Lru<string, string>(5_000);
	/** token hash → participant: a participant's workshop never changes, so a hit is as good as a lookup. */
	const participantsByHash = new Lru<string, { id: string; workshopId: string }>(50_000);
	/** Team statistics and lens sections per released set: computed once per data version, whoever asks. */
	const statsCache = new Lru<string, Promise<Figures>>(500);

	function remember(row: WorkshopRow): WorkshopMeta {
		const bank = findBank(row.bankId, row.bankVersion);
		if (!bank) throw new Error(`workshop ${row.id} uses unknown bank ${row.bankId} ${row.bankVersion}`);
		const meta = {
			id: row.id,
			code: row.joinCode,
			minGroupSize: row.minGroupSize,
			facilitatorTokenHash: row.facilitatorTokenHash,
			bank,
			mode: row.mode,
			lensPins: row.lenses,
			lenses: pinnedLenses(row.lenses, catalog())
		};
		metaById.set(row.id, meta);
		idByCode.set(row.joinCode, row.id);
		return meta;
	}

	async function byId(id: string): Promise<WorkshopRow | undefined> {
		if (!UUID.test(id)) return undefined;
		const row = await repository.workshopById(id);
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
		return tokenMatches(token, meta.facilitatorTokenHash);
	}

	/** The workshop if `token` is its facilitator token; otherwise a 404 (no such id) or 403. */
	async function asFacilitator(workshopId: string, token: string | null | undefined): Promise<WorkshopRow> {
		const row = await byId(workshopId);
		if (!row) throw new WorkshopError(404, 'not_found', NOT_FOUND);
		// A signed-in facilitator's browser holds a facilitator key instead of the token (auth/facilitator-keys.ts).
		if (!isFacilitatorOf(row, token) && !(token && (await repository.isFacilitatorKey(row.id, hashToken(token)))))
			throw new WorkshopError(403, 'forbidden', NOT_FACILITATOR);
		return row;
	}

	async function participantOf(token: string | null | undefined): Promise<{ id: string; workshopId: string } | null> {
		if (!token) return null;
		const hash = hashToken(token);
		const known = participantsByHash.get(hash);
		if (known) return known;
		const row = await repository.participantByTokenHash(hash);
		if (row) participantsByHash.set(hash, row);
		return row ?? null;
	}

	/**
	 * The team statistics and the lens sections of the released answers (lens answers sit beside the survey's in a
	 * response and are released with them; the survey figures are computed from the survey's answers alone). `agreed`:
	 * every agreed answer, a lens question's under its `lensAnswerKey`. Made once per `key` (`id:version:released`)
	 * from answers read in the same snapshot as the key, so figures never belong to another moment than the counts
	 * beside them.
	 */
	function statsOf(key: string, meta: WorkshopMeta, answers: Answers[], agreed: Answers): Promise<Figures> {
		let pending = statsCache.get(key);
		if (!pending) {
			const k = meta.minGroupSize;
			const stats = teamStats(meta.bank, answers.map(surveyAnswersOf), {
				minGroupSize: k,
				agreed: surveyAnswersOf(agreed)
			});
			const released = stats ? answers : null;
			pending = Promise.resolve({
				stats,
				lenses: workshopLensSections(meta.lensPins, catalog(), released, k, agreed),
				lensTeams: workshopLensTeams(meta.lenses, released, k, agreed)
			});
			statsCache.set(key, pending);
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
		step: (
			tx: WorkshopStatements,
			row: WorkshopRow,
			bank: QuestionBank,
			lenses: readonly Lens[]
		) => Promise<Partial<WorkshopRow>>
	): Promise<WorkshopView> {
		const checked = await asFacilitator(workshopId, token);
		const meta = remember(checked);
		const updated = await repository.transaction(async (tx) => {
			const row = await tx.workshopForUpdate(checked.id);
			if (!row) throw new WorkshopError(404, 'not_found', NOT_FOUND);
			steps.assertFacilitable(row);
			const set = await step(tx, row, meta.bank, meta.lenses);
			if (Object.keys(set).length === 0) return row;
			return (await tx.updateWorkshop(row.id, set))!;
		});
		live?.publish(updated.id);
		return workshopView(updated);
	}

	/** The session a follow-up was started from, for the team documents; null once it is deleted. */
	async function previousSession(id: string): Promise<PreviousSession | null> {
		const summary = await service.summary(id).catch((e: unknown) => {
			if (e instanceof WorkshopError && e.status === 404) return null;
			throw e;
		});
		if (!summary) return null;
		return {
			title: summary.workshop.title,
			date: summary.workshop.createdAt,
			bank: (await metaOf(id))!.bank,
			stats: summary.stats,
			minGroupSize: summary.workshop.minGroupSize,
			dataVersion: summary.dataVersion
		};
	}

	async function setStatus(workshopId: string, token: string | null | undefined, status: 'open' | 'closed') {
		const row = await asFacilitator(workshopId, token);
		const updated = await repository.transaction(async (tx) => {
			// `closed_at` orders the owner's client portfolio: a workshop closed again enters it anew (server/portfolio).
			const closedAt = status === 'closed' ? new Date() : null;
			const updated = (await tx.updateWorkshop(row.id, { status, closedAt, ...steps.NO_TIMER }))!;
			// A facilitated workshop releases at close what a reveal would (question by question); never fewer. A
			// self-paced one releases nothing more (release.ts, rule 3): what is still pending stays out.
			if (status === 'closed' && updated.mode === 'facilitated') {
				const released = await releaseQuestions(tx, updated, null);
				if (released.length) return (await tx.updateWorkshop(row.id, steps.recordReleases(updated, released)))!;
			}
			return updated;
		});
		live?.publish(row.id);
		return workshopView(updated);
	}

	/**
	 * Inserts a new workshop on the current question bank with a fresh join code and facilitator token, then runs
	 * `then` in the same transaction. Returns the facilitator token once: only its hash is kept.
	 */
	async function insertNew(
		values: Pick<
			WorkshopRow,
			'title' | 'organisation' | 'minGroupSize' | 'expectedGroupSize' | 'mode' | 'followsWorkshopId' | 'lenses'
		>,
		then: (tx: WorkshopStatements, row: WorkshopRow) => Promise<void> = async () => {}
	): Promise<{ workshop: WorkshopView; facilitatorToken: string }> {
		const facilitatorToken = newToken();
		for (let attempt = 0; ; attempt++) {
			const row = await repository.transaction(async (tx) => {
				const inserted = await tx.insertWorkshop({
					...values,
					id: randomUUID(),
					joinCode: newJoinCode(),
					facilitatorTokenHash: hashToken(facilitatorToken),
					bankId: CURRENT_BANK.id,
					bankVersion: CURRENT_BANK.version
				});
				// A join-code collision aborts the transaction (PostgreSQL): end it, and draw another code.
				if (inserted) await then(tx, inserted);
				return inserted;
			});
			if (row) {
				remember(row);
				return { workshop: workshopView(row), facilitatorToken };
			}
			if (attempt >= 10) throw new Error('no free join code after 11 attempts');
		}
	}

	/** The open actions of a workshop as a follow-up on the current bank would carry them. */
	async function followUpActions(row: WorkshopRow) {
		return steps.carriedActions(await repository.agreementsOf(row.id), CURRENT_BANK, isoDate(row.createdAt));
	}

	const service = {
		/**
		 * Creates a workshop on the current question bank. Returns the facilitator token once: only its hash is kept.
		 * @throws WorkshopError 400 with the form's messages when the input is invalid.
		 */
		async createWorkshop(input: unknown): Promise<{ workshop: WorkshopView; facilitatorToken: string }> {
			const parsed = NewWorkshopSchema.safeParse(input);
			if (!parsed.success) throw invalid(parsed.error);
			const { title, organisation, minGroupSize, expectedGroupSize, mode } = parsed.data;
			const lenses = pinLenses(parsed.data.lenses, catalog());
			return insertNew({ title, organisation, minGroupSize, expectedGroupSize, mode, followsWorkshopId: null, lenses });
		},

		/**
		 * "New session from this one": a follow-up workshop for the same client — same organisation, mode and group
		 * sizes, on the current question bank, with a new join code and facilitator token — that starts with this
		 * session's open actions (to be reviewed first) and shows its team result beside the new one. The earlier
		 * session is not changed. @throws WorkshopError 404/403 unless `token` is this workshop's facilitator's.
		 */
		async createFollowUp(
			workshopId: string,
			token: string | null | undefined
		): Promise<{ workshop: WorkshopView; facilitatorToken: string; carried: number }> {
			const previous = await asFacilitator(workshopId, token);
			const { carried } = await followUpActions(previous);
			const created = await insertNew(
				{
					title: steps.followUpTitle(previous.title, TITLE_MAX),
					organisation: previous.organisation,
					minGroupSize: previous.minGroupSize,
					expectedGroupSize: previous.expectedGroupSize,
					mode: previous.mode,
					followsWorkshopId: previous.id,
					// The same lenses, each the newest version this site has (a lens it no longer has is not carried).
					lenses: previous.lenses.flatMap((p) => {
						const newest = catalog().latest(p.id);
						return newest ? [{ id: newest.id, version: newest.version }] : [];
					})
				},
				(tx, row) => tx.insertCarriedActions(row.id, carried)
			);
			return { ...created, carried: carried.length };
		},

		/**
		 * What "New session from this one" would carry: the open actions, and how many of them stay behind because the
		 * current bank no longer asks their question. @throws WorkshopError 404/403.
		 */
		async followUpPlan(workshopId: string, token: string | null | undefined) {
			const { carried, notCarried } = await followUpActions(await asFacilitator(workshopId, token));
			return { open: carried.length + notCarried, notCarried };
		},

		/** The workshop with this join code (any case, spaces or dashes), or null. */
		async findByCode(code: string): Promise<WorkshopView | null> {
			const canonical = normaliseJoinCode(code);
			if (!canonical) return null;
			const row = await repository.workshopByCode(canonical);
			if (!row) return null;
			remember(row);
			return workshopView(row);
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
			return workshopView(await asFacilitator(workshopId, token));
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
			await repository.transaction(async (tx) => {
				// Locking the workshop row serialises joins, so the cap holds exactly under concurrency.
				await tx.workshopForUpdate(workshop.id);
				const n = await tx.participantCount(workshop.id);
				if (n >= workshop.cap)
					throw new WorkshopError(
						409,
						'full',
						`This workshop is full: its facilitator expected ${workshop.expectedGroupSize} people and ${n} have joined. ` +
							'If you joined before on another device, carry on there; otherwise ask the facilitator.'
					);
				await tx.insertParticipant({
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

		/**
		 * The participant this token belongs to in this workshop, with their response if any — and whether it is
		 * `pending` (not, or not as last changed, in the team figures) and was ever `released` — else null.
		 */
		async participant(workshopId: string, token: string | null | undefined) {
			if (!token || !UUID.test(workshopId)) return null;
			return (await repository.participantWithResponse(workshopId, hashToken(token))) ?? null;
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
				// Lens answers (keyed by `lensAnswerKey`) are checked against the pinned lenses; the rest is the survey's.
				validateAnswers(meta.bank, checkSubmittedLensAnswers(answers, meta.lenses));
			} catch (error) {
				if (error instanceof AnswersError) throw new WorkshopError(400, 'invalid', error.message);
				throw error;
			}
			if (isFacilitatorOf(meta, options.facilitatorToken))
				throw new WorkshopError(403, 'facilitator', FACILITATOR_CANNOT_JOIN);
			const participant = await participantOf(token);
			if (!participant || participant.workshopId !== meta.id) throw new WorkshopError(403, 'forbidden', JOIN_FIRST);
			return queue.submit({
				workshopId: meta.id,
				bank: meta.bank,
				lenses: meta.lenses,
				participantId: participant.id,
				answers,
				idempotencyKey
			});
		},

		/**
		 * Closes the workshop: no more submissions; participants see the team result. A self-paced workshop's
		 * responses still waiting (fewer than the minimum group size) stay out of it; a facilitated workshop releases
		 * what a reveal of every question would. @throws WorkshopError 404/403.
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
			facilitation(workshopId, token, async (_tx, row, bank, lenses) => steps.openVote(row, bank, item, lenses)),

		/**
		 * Facilitated workshops: reveals the open vote — releases its questions' changed answers question by question
		 * (`release.ts`, rule 4: a question moves only when at least the minimum group size changed their answer to
		 * it) — once at least the minimum group size has voted. @throws WorkshopError 403/404, 409 (no open vote, too
		 * few votes, self-paced, closed).
		 */
		reveal: (workshopId: string, token: string | null | undefined) =>
			facilitation(workshopId, token, async (tx, row, bank, lenses) => {
				const voted = row.phase === 'voting' ? await tx.votedIn(row.id, row.voteSeq) : 0;
				const { set, questionIds } = steps.reveal(row, bank, voted, lenses);
				const released = await releaseQuestions(tx, row, questionIds);
				return { ...set, ...steps.recordReleases(row, released) };
			}),

		/**
		 * Facilitated workshops: chooses the question of the revealed vote the audience display shows.
		 * @throws WorkshopError 400 (not one of the revealed questions), 403/404, 409 (nothing revealed, closed).
		 */
		showQuestion: (workshopId: string, token: string | null | undefined, questionId: unknown) =>
			facilitation(workshopId, token, async (_tx, row, bank, lenses) =>
				steps.showQuestion(row, bank, questionId, lenses)
			),

		/**
		 * Facilitated workshops: opens the revealed item's vote again; everyone may change their vote (or submit it
		 * again to keep it). The item's agreed answers are cleared (notes and actions stay): the team agrees again on
		 * the new figures. @throws WorkshopError 403/404, 409 (nothing revealed, self-paced, closed).
		 */
		revote: (workshopId: string, token: string | null | undefined) =>
			facilitation(workshopId, token, async (tx, row, bank, lenses) => {
				const { set, questionIds } = steps.revote(row, bank, lenses);
				// The team answers go back to the median: a new data version.
				if (await tx.clearAgreedAnswers(row.id, questionIds)) await tx.bumpFiguresVersion(row.id);
				return set;
			}),

		/**
		 * Facilitated workshops: starts a timer — for the open vote (zero closes the vote when `closesVote`, else it is
		 * advisory) or for the discussion of the revealed vote (advisory) — replacing the one running. Its end is an
		 * absolute time, so every instance and phone counts down to the same moment. @throws WorkshopError 400 (bad
		 * length), 403/404, 409 (lobby, self-paced, closed).
		 */
		async startTimer(workshopId: string, token: string | null | undefined, input: unknown): Promise<WorkshopView> {
			const parsed = TimerSchema.safeParse(input);
			if (!parsed.success) throw invalid(parsed.error);
			return facilitation(workshopId, token, async (_tx, row) => steps.startTimer(row, parsed.data, Date.now()));
		},

		/** Facilitated workshops: stops the running timer. @throws WorkshopError 403/404, 409 (self-paced, closed). */
		stopTimer: (workshopId: string, token: string | null | undefined) =>
			facilitation(workshopId, token, async () => steps.NO_TIMER),

		/**
		 * Facilitated workshops: records what the room agreed on one question — the agreed team answer (replacing the
		 * median as that question's team answer; '' = none), a note of the discussion, an action with its owner, due
		 * date and status (reviewing a carried action is the same step) — open or closed.
		 * @throws WorkshopError 400 (bad question, answer, text or date; an owner or due date without an action),
		 *   403/404, 409 (self-paced).
		 */
		async agree(workshopId: string, token: string | null | undefined, input: unknown): Promise<Agreement> {
			const parsed = AgreementSchema.safeParse(input);
			if (!parsed.success) throw invalid(parsed.error);
			const row = await asFacilitator(workshopId, token);
			const { bank, mode, lenses } = remember(row);
			if (mode !== 'facilitated') throw new WorkshopError(409, 'not_facilitated', NOT_FACILITATED);
			const agreement = steps.agreement(bank, parsed.data, lenses);
			const stored = await repository.transaction(async (tx) => {
				const stored = await tx.upsertAgreement(row.id, agreement);
				// A new data version: the team answers (and what the team documents show) change.
				await tx.bumpFiguresVersion(row.id);
				return stored;
			});
			live?.publish(row.id);
			return stored;
		},

		/**
		 * Counts, and the team statistics of the released responses (null below the minimum group size). Callers check
		 * who may see it: the facilitator always, participants once the workshop is closed.
		 */
		async summary(workshopId: string): Promise<WorkshopSummary> {
			if (!UUID.test(workshopId)) throw new WorkshopError(404, 'not_found', NOT_FOUND);
			// One snapshot: the counts, the workshop's step and the released answers are read at the same moment, so a
			// view computed while a step commits never pairs the step with figures from before or after it.
			const read = await repository.snapshot(async (tx) => {
				const found = await tx.summaryCounts(workshopId);
				const row = await tx.workshopById(workshopId);
				if (!row || !found) return null;
				const recorded = row.mode === 'facilitated' ? await tx.agreementsOf(row.id) : [];
				const key = `${row.id}:${found.version}:${found.released}`;
				const figured = found.released >= row.minGroupSize;
				// Figures already made for this moment are reused; otherwise the answers are read in this snapshot.
				const cached = figured ? statsCache.get(key) : undefined;
				const answers = figured && !cached ? await tx.releasedAnswers(row.id) : [];
				return { found, row, recorded, key, figured, cached, answers };
			});
			if (!read) throw new WorkshopError(404, 'not_found', NOT_FOUND);
			const { found, row, recorded } = read;
			const meta = remember(row);
			const agreed: Answers = {};
			for (const a of recorded) if (a.agreedAnswer !== null) agreed[a.questionId] = a.agreedAnswer;
			const figures = read.figured
				? await (read.cached ?? statsOf(read.key, meta, read.answers, agreed))
				: { stats: null, lenses: null, lensTeams: [] };
			return {
				workshop: workshopView(row),
				joined: found.joined,
				submitted: found.submitted,
				pending: found.pending,
				released: found.released,
				dataVersion: found.version,
				stats: figures.stats,
				lenses: figures.lenses ?? workshopLensSections(meta.lensPins, catalog(), null, row.minGroupSize),
				lensesAsked: meta.lenses,
				lensTeams: figures.lensTeams,
				voted: meta.mode === 'facilitated' ? found.voted : 0,
				agreements: recorded
			};
		},

		/**
		 * What closing now would leave the team result with, for the close confirmation: how many people's answers
		 * it would hold, the dimensions fewer than the minimum group size would have answered (not covered), and how
		 * many late responses a self-paced close leaves out. Counts only — never figures: nothing is released or
		 * shown ahead of the close. Callers check who may see it (the facilitator).
		 */
		async closingPreview(
			workshopId: string
		): Promise<{ released: number; notCovered: DimensionId[]; leftOut: number }> {
			const row = UUID.test(workshopId) ? await byId(workshopId) : undefined;
			if (!row) throw new WorkshopError(404, 'not_found', NOT_FOUND);
			const meta = remember(row);
			const k = row.minGroupSize;
			const rows = await repository.responsesForClose(row.id);
			const released = releasedAtClose(rows, row.mode, k).map(surveyAnswersOf);
			const coverage = dimensionCoverage(meta.bank, released);
			return {
				released: released.length,
				notCovered: meta.bank.dimensions.map((d) => d.id).filter((d) => (coverage.get(d) ?? 0) < k),
				leftOut: row.mode === 'self_paced' && released.length >= k ? rows.filter((r) => r.pending).length : 0
			};
		},

		/**
		 * The team statistics for the facilitator's CSV and PDF, with the data version they belong to, and — for a
		 * follow-up session — the session it was started from (its creator was that session's facilitator).
		 * @throws WorkshopError 404/403 unless `token` is the facilitator's.
		 */
		async teamExport(
			workshopId: string,
			token: string | null | undefined
		): Promise<{
			workshop: WorkshopView;
			bank: QuestionBank;
			stats: TeamStats | null;
			lenses: TeamLensSection[];
			dataVersion: number;
			agreements: Agreement[];
			previous: PreviousSession | null;
			/** Submitted responses not in the figures (they came after the last release). */
			leftOut: number;
		}> {
			await asFacilitator(workshopId, token);
			const summary = await this.summary(workshopId);
			const meta = (await metaOf(workshopId))!;
			return {
				workshop: summary.workshop,
				bank: meta.bank,
				stats: summary.stats,
				lenses: summary.lenses,
				dataVersion: summary.dataVersion,
				agreements: summary.agreements,
				previous: summary.workshop.follows ? await previousSession(summary.workshop.follows) : null,
				leftOut: Math.max(0, summary.submitted - summary.released)
			};
		}
	};
	return service;
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
