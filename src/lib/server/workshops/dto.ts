/**
 * What goes in and out of the workshop service: the forms and bodies it accepts (zod schemas, checked before
 * anything is written) and the views it returns (never a token hash).
 */
import { z } from 'zod';
import type { Answers } from '$scoring/schema';
import type { Agreement, FacilitationPhase, WorkshopMode } from '$scoring/present/team';
import { MIN_GROUP_SIZE_DEFAULT, type TeamStats } from '$scoring/model/team-stats';
import type { TeamLensSection } from '$scoring/present/lens';
import type { Lens } from '$scoring/lens/schema';
import type { TeamLens } from '$scoring/lens/team';
import type { WorkshopRow } from '../db/schema';
import { optionalLine, optionalText, requiredLine } from '../text';

export const MAX_GROUP_SIZE = 1000;
/** The expected group size the form suggests. */
export const EXPECTED_GROUP_SIZE_DEFAULT = 12;

/**
 * How many may join a workshop that expects `expected` people: the number plus a margin for people who join again
 * on another device — a fifth more, at least 2 (12 → 15, 60 → 72).
 */
export function participantCap(expected: number): number {
	return expected + Math.max(2, Math.ceil(expected / 5));
}

const groupSize = (what: string) =>
	z.coerce
		.number({ error: `The ${what} must be a whole number` })
		.int(`The ${what} must be a whole number`)
		.max(MAX_GROUP_SIZE, `The ${what} is at most ${MAX_GROUP_SIZE}`);

/** Longest workshop title. */
export const TITLE_MAX = 120;

/**
 * The settings a workshop is created with — how it runs and its group sizes — and what a facilitator's template
 * keeps (server/templates). A template stored before a setting existed must still parse: give a new field a default.
 */
const settingsShape = {
	mode: z
		.enum(['self_paced', 'facilitated'], { error: 'Choose how the workshop runs: self-paced or facilitated' })
		.default('self_paced'),
	minGroupSize: groupSize('minimum group size')
		.min(2, 'The minimum group size is at least 2, so no single person’s answers are shown as the team’s')
		.default(MIN_GROUP_SIZE_DEFAULT),
	expectedGroupSize: groupSize('expected group size')
		.min(2, 'The expected group size is at least 2')
		.default(EXPECTED_GROUP_SIZE_DEFAULT),
	/** The lenses ticked, each `<id>@<version>`; checked against the site's lenses by the service. */
	lenses: z
		.array(z.string({ error: 'A lens is named <id>@<version>' }).max(130, 'A lens is named <id>@<version>'), {
			error: 'The lenses must be a list of <id>@<version>'
		})
		.max(20, 'Tick fewer lenses')
		.default([])
};

const expectedAtLeastMinimum = (w: { minGroupSize: number; expectedGroupSize: number }) =>
	w.expectedGroupSize >= w.minGroupSize;
const EXPECTED_BELOW_MINIMUM = {
	path: ['expectedGroupSize'],
	message: 'The expected group size must be at least the minimum group size'
};

/** A workshop's settings (see `settingsShape`), as a template stores them: a JSON object, validated in and out. */
export const WorkshopSettingsSchema = z
	.strictObject(settingsShape)
	.refine(expectedAtLeastMinimum, EXPECTED_BELOW_MINIMUM);
export type WorkshopSettings = z.infer<typeof WorkshopSettingsSchema>;

/** The facilitator's form. Text is trimmed; an empty organisation means none. */
export const NewWorkshopSchema = z
	.strictObject({
		title: requiredLine('The title', TITLE_MAX, 'Enter a workshop title'),
		organisation: optionalLine('The organisation', 120),
		...settingsShape
	})
	.refine(expectedAtLeastMinimum, EXPECTED_BELOW_MINIMUM);

/** Earliest and latest due date an action may have: a typo such as 0202 or 20266 is refused, not stored. */
const DUE_DATES = { min: '2000-01-01', max: '2099-12-31' } as const;

/** Whether `YYYY-MM-DD` names a day that exists (not 2026-02-30, which Date would roll over to 2 March). */
function isCalendarDate(s: string): boolean {
	const date = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(s);
}

/** A calendar date `YYYY-MM-DD` (what a date input sends); empty → null. */
const dueDate = z
	.string({ error: 'The due date must be a date such as 2026-09-30' })
	.trim()
	.optional()
	.transform((s) => s || null)
	.refine(
		(s) =>
			s === null || (/^\d{4}-\d{2}-\d{2}$/.test(s) && isCalendarDate(s) && s >= DUE_DATES.min && s <= DUE_DATES.max),
		`The due date must be a date between ${DUE_DATES.min} and ${DUE_DATES.max}, such as 2026-09-30`
	);

/**
 * What the facilitator records for one question: the agreed answer ('' = none), a note of the discussion, and an
 * action with its owner (a role or a name), due date and status. An owner or a due date without an action is refused;
 * without an action the status means nothing and is stored as `open`.
 */
export const AgreementSchema = z
	.strictObject({
		// A lens question's key (`<lens id>:<question id>`) is up to 128 characters.
		questionId: z.string({ error: 'Name the question' }).max(130, 'Name the question'),
		answer: z.string({ error: 'The agreed answer must be an answer id' }).max(100).default(''),
		note: optionalText('The discussion note', 2000),
		action: optionalText('The agreed action', 1000),
		actionOwner: optionalLine('The action’s owner', 120),
		actionDue: dueDate,
		actionStatus: z
			.enum(['open', 'done', 'dropped'], { error: 'An action’s status is open, done or dropped' })
			.default('open')
	})
	.refine((a) => a.action !== null || (a.actionOwner === null && a.actionDue === null), {
		path: ['action'],
		message: 'An owner or a due date belongs to an action: write the action, or clear the owner and the due date.'
	})
	.transform((a) => (a.action === null ? { ...a, actionStatus: 'open' as const } : a));

/** Shortest and longest timer the presenter can set, in seconds. */
const TIMER_SECONDS = { min: 10, max: 3600 } as const;

/** A timer for the open vote or the discussion: how long, and (a vote timer only) whether zero closes the vote. */
export const TimerSchema = z.strictObject({
	seconds: z.coerce
		.number({ error: 'The timer needs a length in seconds' })
		.int('The timer needs a whole number of seconds')
		.min(TIMER_SECONDS.min, `A timer runs at least ${TIMER_SECONDS.min} seconds`)
		.max(TIMER_SECONDS.max, `A timer runs at most ${TIMER_SECONDS.max / 60} minutes`),
	closesVote: z.boolean().default(false)
});

/** A participant's optional display name, shown only to themselves and never next to answers. */
export const JoinSchema = z.strictObject({ displayName: optionalLine('The name', 60) });

/**
 * One submission: the answers and a client-chosen key that makes retries of the same submission harmless. The
 * answers are checked here only for being a plain object without a `__proto__` key (which a JSON body can carry as
 * an own key); `validateAnswers` then checks every key against the workshop's bank and every value against the
 * question's options — stricter than `AnswersSchema`'s slug check, so that check is not run twice — and the answers
 * to a pinned lens (keyed `<lens id>:<question id>`) are checked against that lens (`./lenses.ts`).
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
	/** Facilitated workshops: the running timer, or null. */
	timer: WorkshopTimer | null;
	/** A follow-up session: the id of the workshop it was started from; null for a first session. */
	follows: string | null;
	/** Facilitated workshops: the revealed question the audience display shows (null: the first). */
	shownQuestion: string | null;
	/** Facilitated workshops: per question, the vote whose reveal last released its answers. */
	questionReleases: Record<string, number>;
	/** The lenses the workshop pinned, id and version each (docs/lenses.md, "In workshops"). */
	lenses: { id: string; version: string }[];
}

/** A running timer: what it times, when it reaches zero, how long it was set for, and whether zero closes the vote. */
export interface WorkshopTimer {
	kind: 'vote' | 'discussion';
	endsAt: Date;
	seconds: number;
	closesVote: boolean;
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
	/** Each pinned lens: its findings from the released answers (none below `minGroupSize`), or why there are none. */
	lenses: TeamLensSection[];
	/** The pinned lenses this site has: their questions are asked (and, facilitated, voted on by section). */
	lensesAsked: Lens[];
	/** Each of them as a team lens from the released answers (with the agreed answers); none below `minGroupSize`. */
	lensTeams: TeamLens[];
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

/** A workshop row as the service shows it. */
export function workshopView(row: WorkshopRow): WorkshopView {
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
		voteSeq: row.voteSeq,
		timer:
			row.timerKind && row.timerEndsAt
				? {
						kind: row.timerKind,
						endsAt: row.timerEndsAt,
						seconds: row.timerSeconds ?? 0,
						closesVote: row.timerKind === 'vote' && row.timerClosesVote
					}
				: null,
		follows: row.followsWorkshopId,
		shownQuestion: row.shownQuestion,
		questionReleases: row.questionReleases,
		lenses: row.lenses
	};
}
