/**
 * The workshop tables (drizzle-orm, PostgreSQL dialect — the same schema runs on PGlite and on PostgreSQL).
 * Secrets are never stored: facilitator and participant tokens are kept as SHA-256 hashes.
 * Migrations in `drizzle/` are generated from this file with `npm run db:generate`.
 */
import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	check,
	date,
	foreignKey,
	index,
	integer,
	jsonb,
	pgEnum,
	pgSequence,
	pgTable,
	primaryKey,
	text,
	timestamp,
	unique,
	uniqueIndex,
	uuid,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';
import type { Answers } from '$scoring/schema';

/** A workshop accepts submissions while `open`; `closed` freezes it and reveals the team result to participants. */
export const workshopStatus = pgEnum('workshop_status', ['open', 'closed']);

/**
 * How a workshop runs, chosen at creation: `self_paced` (everyone answers the whole questionnaire at their own pace)
 * or `facilitated` (the facilitator opens one dimension at a time for a blind vote, reveals it, the room discusses
 * and may re-vote, and the facilitator records the agreed answer).
 */
export const workshopMode = pgEnum('workshop_mode', ['self_paced', 'facilitated']);

/** Where a facilitated workshop stands: nothing open yet, a blind vote open, or the vote revealed. */
export const facilitationPhase = pgEnum('facilitation_phase', ['lobby', 'voting', 'revealed']);

/** A facilitated workshop's timer: for the open vote, or for the discussion of a revealed vote. */
export const timerKind = pgEnum('timer_kind', ['vote', 'discussion']);

/** Where an agreed action stands: still to do, done, or dropped (no longer needed). Only `open` ones carry over. */
export const actionStatus = pgEnum('action_status', ['open', 'done', 'dropped']);

export const workshops = pgTable(
	'workshops',
	{
		id: uuid('id').primaryKey(),
		/** Upper-case join code from an unambiguous alphabet; looked up case-insensitively by normalising input. */
		joinCode: text('join_code').notNull(),
		title: text('title').notNull(),
		organisation: text('organisation'),
		minGroupSize: integer('min_group_size').notNull(),
		/**
		 * How many people the facilitator expects; joins stop at `participantCap(expected)`. Workshops created before
		 * the cap existed get 1000.
		 */
		expectedGroupSize: integer('expected_group_size').notNull().default(1000),
		status: workshopStatus('status').notNull().default('open'),
		/**
		 * When the workshop was last closed (null while open, or never closed): orders a consultant's client portfolio
		 * (server/portfolio), so a workshop closed today enters it after every earlier one. Workshops closed before the
		 * column existed got their creation time.
		 */
		closedAt: timestamp('closed_at', { withTimezone: true }),
		/** SHA-256 of the facilitator token, hex. */
		facilitatorTokenHash: text('facilitator_token_hash').notNull(),
		bankId: text('bank_id').notNull(),
		bankVersion: text('bank_version').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		/**
		 * No longer written: closing released fewer than the minimum group size of late responses once per workshop
		 * until that stopped (release.ts, rule 3). Kept so the schema matches the migrations.
		 */
		closeReleaseUsed: boolean('close_release_used').notNull().default(false),
		mode: workshopMode('mode').notNull().default('self_paced'),
		/** Facilitated workshops only: the phase of the open item. */
		phase: facilitationPhase('phase').notNull().default('lobby'),
		/** Facilitated workshops only: the dimension id of the item open for voting or revealed; null in the lobby. */
		currentItem: text('current_item'),
		/** The vote round of the current item: 1 for its first vote, 2 and on for re-votes. */
		round: integer('round').notNull().default(0),
		/** Numbers every vote opened (each item's first vote and every re-vote): who voted in this one is counted. */
		voteSeq: integer('vote_seq').notNull().default(0),
		/**
		 * A value of `response_release_seq` taken whenever the agreed answers or discussion notes change: with the
		 * releases it makes up the data version of what the team documents show.
		 */
		figuresVersion: bigint('figures_version', { mode: 'number' }).notNull().default(0),
		/**
		 * Facilitated workshops: the running timer, if any — what it times, when it reaches zero (an absolute time, so
		 * every instance and every phone counts down to the same moment), how long it was set for, and whether zero
		 * closes the vote (votes arriving later are refused) or is advisory. Any step of the facilitation clears it.
		 */
		timerKind: timerKind('timer_kind'),
		timerEndsAt: timestamp('timer_ends_at', { withTimezone: true }),
		timerSeconds: integer('timer_seconds'),
		timerClosesVote: boolean('timer_closes_vote').notNull().default(false),
		/**
		 * A follow-up session: the workshop it was started from ("New session from this one"), whose team result it is
		 * shown beside and whose open actions it carried. Null for a first session, or once that workshop is deleted.
		 */
		followsWorkshopId: uuid('follows_workshop_id').references((): AnyPgColumn => workshops.id, {
			onDelete: 'set null'
		}),
		/**
		 * Facilitated workshops: the question of the revealed vote the audience display shows (chosen on the
		 * facilitator's console); null = the first in the reveal's order. Any vote opened clears it.
		 */
		shownQuestion: text('shown_question'),
		/**
		 * Facilitated workshops: per question, the vote (`vote_seq`) whose reveal (or the close) last released its
		 * answers — so a reveal can say whether a question shows this vote's figures or earlier ones held back.
		 */
		questionReleases: jsonb('question_releases').$type<Record<string, number>>().notNull().default({}),
		/**
		 * The lenses the facilitator picked, each pinned as id and version (docs/lenses.md, "In workshops"): their
		 * questions follow the survey's on every phone. A pinned version the site no longer has is shown as missing.
		 */
		lenses: jsonb('lenses').$type<{ id: string; version: string }[]>().notNull().default([])
	},
	(t) => [
		uniqueIndex('workshops_join_code_key').on(t.joinCode),
		check('workshops_min_group_size_check', sql`${t.minGroupSize} >= 1`)
	]
);

export const participants = pgTable(
	'participants',
	{
		id: uuid('id').primaryKey(),
		workshopId: uuid('workshop_id')
			.notNull()
			.references(() => workshops.id, { onDelete: 'cascade' }),
		/** SHA-256 of the participant's cookie token, hex. */
		tokenHash: text('token_hash').notNull(),
		displayName: text('display_name'),
		joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('participants_token_hash_key').on(t.tokenHash),
		// Joins count a workshop's participants against its cap.
		index('participants_workshop_idx').on(t.workshopId),
		// Lets responses reference (participant, workshop) together, so a response can never cross workshops.
		unique('participants_id_workshop_key').on(t.id, t.workshopId)
	]
);

/** Numbers each release of responses into a workshop's aggregates: the aggregates' data version. */
export const releaseSequence = pgSequence('response_release_seq');

/**
 * One response per participant. Aggregates are computed from `released_answers` only: a submission sets `answers`
 * and marks the response `pending` when it differs from what was released; pending responses are released
 * together, at least the minimum group size at a time (workshops/release.ts), so no aggregate ever changes by one
 * response.
 */
export const responses = pgTable(
	'responses',
	{
		id: uuid('id').primaryKey(),
		workshopId: uuid('workshop_id').notNull(),
		participantId: uuid('participant_id').notNull(),
		answers: jsonb('answers').$type<Answers>().notNull(),
		/** The key of the last accepted submission: a retry carrying it changes nothing. */
		idempotencyKey: text('idempotency_key').notNull(),
		submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		/** The answers as last released into the aggregates; null until first released. */
		releasedAnswers: jsonb('released_answers').$type<Answers>(),
		/** True while `answers` differs from `released_answers` (a new or edited response not yet released). */
		pending: boolean('pending').notNull().default(true),
		/** The release (a value of `response_release_seq`) that last released this response. */
		releasedVersion: bigint('released_version', { mode: 'number' }),
		/** Facilitated workshops: the workshop's `vote_seq` when this participant last voted. */
		votedSeq: integer('voted_seq')
	},
	(t) => [
		// One response per participant per workshop.
		unique('responses_workshop_participant_key').on(t.workshopId, t.participantId),
		// Releases count a workshop's pending responses: few at any time, found without reading the others.
		index('responses_pending_idx')
			.on(t.workshopId)
			.where(sql`${t.pending}`),
		foreignKey({
			name: 'responses_participant_fk',
			columns: [t.participantId, t.workshopId],
			foreignColumns: [participants.id, participants.workshopId]
		}).onDelete('cascade')
	]
);

/**
 * What a facilitated workshop agreed, per question: the team answer the room agreed in discussion (an option id or
 * a reserved answer; null = none agreed, the team answer is the median), the facilitator's note of the discussion
 * and the action agreed with its owner, due date and status. Written only by the facilitator; never anything a
 * participant entered, and never sent to the room (phones and the projector's live state).
 */
export const agreements = pgTable(
	'workshop_agreements',
	{
		workshopId: uuid('workshop_id')
			.notNull()
			.references(() => workshops.id, { onDelete: 'cascade' }),
		questionId: text('question_id').notNull(),
		agreedAnswer: text('agreed_answer'),
		note: text('note'),
		action: text('action'),
		/** The action's owner, as the facilitator typed it: a role or a name. Only with an action. */
		actionOwner: text('action_owner'),
		/** When the action is due (a calendar date). Only with an action. */
		actionDue: date('action_due', { mode: 'string' }),
		actionStatus: actionStatus('action_status').notNull().default('open'),
		/**
		 * For an action carried from an earlier session ("New session from this one"): the date of the session it was
		 * first agreed in (kept through every later follow-up); null for an action agreed in this workshop.
		 */
		carriedFrom: date('carried_from', { mode: 'string' }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ name: 'workshop_agreements_pkey', columns: [t.workshopId, t.questionId] })]
);

export type WorkshopRow = typeof workshops.$inferSelect;
export type AgreementRow = typeof agreements.$inferSelect;
export type ParticipantRow = typeof participants.$inferSelect;
export type ResponseRow = typeof responses.$inferSelect;
