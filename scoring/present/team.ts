/**
 * The team presentation model: every sentence, label and empty state the team surfaces show — the facilitated
 * workshop's presenter view and phones (the "room"), the dashboard's facilitation lines and the team PDF — built
 * from the team statistics (`./team-stats`) and what the facilitator recorded. Surfaces render these views and word
 * nothing themselves. Pure.
 */
import { encodeAnswerCode } from '../export/answer-code';
import { answerText } from './answer-labels';
import { reservedAnswersOf } from '../answers';
import { SURVEY_2026, type Benchmark } from '../content/survey';
import { inSentence, isoDate, percent, points, signedPoints } from './format';
import {
	dimensionRows,
	GROUP_SUMMARIES,
	HORIZONS,
	inconsistencySentence,
	planOf,
	presentResult,
	surveyShareSentence,
	surveySource,
	tierDistribution,
	type DimensionRow,
	type DistributionRow,
	type GapLine,
	type PlanItem,
	type ResultView
} from './result';
import { ADOPTION_CONFIDENCE_NOT_COMPARED, RESULT_LABELS } from './result-labels';
import { ADOPTION_DIMENSION } from '../model/v3/lines';
import { isCurrent, type AnyResult } from '../model';
import { MIN_COVERAGE } from '../model/v3/tiers';
import {
	closingLeavesOutLine,
	leftOutOfFiguresLine,
	revealPrivacyLine,
	TEAM_LABELS,
	teamPlacement,
	timerLines,
	type ActionStatus,
	type FacilitationPhase,
	type TimerKind,
	type WorkshopMode
} from './team-labels';
import type { DimensionId, Question, QuestionBank, TierId } from '../schema';
import { disagreementBand, mostSplit, type QuestionStats, type TeamStats } from '../model/team-stats';
import { METRIC_LABELS, TIER_LABELS } from './labels';
import { compareResults } from './compare';
import { lensAnswerKey, parseLensAnswerKey } from '../lens/answer-key';
import { lensQuestions, reservedLensAnswers } from '../lens/findings';
import type { Lens, LensQuestion } from '../lens/schema';
import type { TeamLens } from '../lens/team';
import { lensAnswerLabel } from './lens';

export * from './team-labels';

/**
 * One item a facilitated workshop votes on: a dimension with its questions (evidence first, then confidence), or a
 * pinned lens's section with its questions (ids `<lens id>:<section id>` and `lensAnswerKey`s, the phones' lens
 * steps' ids: never a dimension's, which have no `:`).
 */
export interface FacilitationItem {
	id: string;
	title: string;
	description: string;
	questionIds: string[];
	/** The lens the item's questions come from; null for a dimension. */
	lens: { id: string; title: string } | null;
}

/**
 * The items of a facilitated workshop, in the questionnaire's order: the survey's dimensions, then each pinned lens's
 * sections. Profile questions are never voted on.
 */
export function facilitationItems(bank: QuestionBank, lenses: readonly Lens[] = []): FacilitationItem[] {
	const dimensions = bank.dimensions.map((d): FacilitationItem => {
		const inDimension = bank.questions.filter((q) => q.dimension === d.id && q.kind !== 'profile');
		return {
			id: d.id,
			title: d.label,
			description: d.description,
			questionIds: [
				...inDimension.filter((q) => q.kind !== 'confidence'),
				...inDimension.filter((q) => q.kind === 'confidence')
			].map((q) => q.id),
			lens: null
		};
	});
	const sections = lenses.flatMap((lens) =>
		lens.sections.map((section): FacilitationItem => ({
			id: lensAnswerKey(lens.id, section.id),
			title: section.title,
			description: section.description ?? `From the lens “${lens.title}”.`,
			questionIds: section.questions.map((q) => lensAnswerKey(lens.id, q.id)),
			lens: { id: lens.id, title: lens.title }
		}))
	);
	return [...dimensions, ...sections];
}

/** A lens question a key names (`lensAnswerKey`), with its lens: null for a survey question or an unknown key. */
export function lensQuestionOf(lenses: readonly Lens[], key: string): { lens: Lens; question: LensQuestion } | null {
	const parsed = parseLensAnswerKey(key);
	const lens = parsed && lenses.find((l) => l.id === parsed.lensId);
	const question = lens && lensQuestions(lens).find((q) => q.question.id === parsed!.questionId)?.question;
	return lens && question ? { lens, question } : null;
}

/** The answers a team may agree on for a lens question: its options, then "Don't know" and its N/A where offered. */
export function agreeableLensAnswers(question: LensQuestion): { id: string; label: string }[] {
	return [
		...question.options.map((o) => ({ id: o.id, label: o.label })),
		...reservedLensAnswers(question).map((id) => ({ id, label: lensAnswerLabel(question, id) }))
	];
}

/** The answers a team may agree on for a question: its options, then the reserved answers the bank accepts. */
export function agreeableAnswers(bank: QuestionBank, question: Question): { id: string; label: string }[] {
	return [
		...question.options.map((o) => ({ id: o.id, label: o.label })),
		...reservedAnswersOf(bank, question).map((id) => ({ id, label: answerText(question, id) }))
	];
}

/**
 * What the facilitator recorded for one question: the facilitator's own record. Only the agreed answer reaches the
 * room; the note and the action with its owner, due date and status never do (SECURITY.md).
 */
export interface Agreement {
	questionId: string;
	/** An option id or a reserved answer; null = none agreed. */
	agreedAnswer: string | null;
	note: string | null;
	action: string | null;
	/** The action's owner as the facilitator typed it (a role or a name); null when none is named. */
	actionOwner: string | null;
	/** When the action is due, `YYYY-MM-DD`; null when no date is set. */
	actionDue: string | null;
	actionStatus: ActionStatus;
	/** An action carried from an earlier session: that session's date, `YYYY-MM-DD`; null when agreed in this one. */
	carriedFrom: string | null;
}

/**
 * An action in one line, as the team PDF prints it after "Agreed action:": "Rotate the deploy keys. Owner: Head of
 * platform · due 2026-09-30 · open · carried from the session of 2026-05-01".
 */
export function actionLine(
	a: Pick<Agreement, 'action' | 'actionOwner' | 'actionDue' | 'actionStatus' | 'carriedFrom'>
) {
	if (!a.action) return null;
	const parts = [
		`Owner: ${a.actionOwner ?? 'not named'}`,
		a.actionDue ? `due ${a.actionDue}` : 'no due date',
		TEAM_LABELS.actionStatuses[a.actionStatus].toLowerCase(),
		...(a.carriedFrom ? [`carried from the session of ${a.carriedFrom}`] : [])
	];
	return `${a.action} ${/[.!?]$/.test(a.action) ? '' : '— '}${parts.join(' · ')}`;
}

/**
 * The actions in a sentence for the executive summary, or null when none was agreed: how many, where they stand
 * (open ones past their due date on `today`, `YYYY-MM-DD`) and how many were carried from an earlier session.
 */
export function actionsSentence(agreements: readonly Agreement[], today: string): string | null {
	const actions = agreements.filter((a) => a.action);
	if (actions.length === 0) return null;
	const count = (status: ActionStatus) => actions.filter((a) => a.actionStatus === status).length;
	const open = count('open');
	const late = actions.filter((a) => a.actionStatus === 'open' && a.actionDue !== null && a.actionDue < today).length;
	const standing = [
		`${open} open${late ? ` (${late} past ${late === 1 ? 'its' : 'their'} due date)` : ''}`,
		`${count('done')} done`,
		...(count('dropped') ? [`${count('dropped')} dropped`] : [])
	].join(', ');
	const carried = actions.filter((a) => a.carriedFrom).length;
	const from = carried
		? ` ${carried === 1 ? '1 was' : `${carried} were`} carried from an earlier session and reviewed first.`
		: '';
	return `${actions.length === 1 ? '1 action' : `${actions.length} actions`}: ${standing}.${from}`;
}

/**
 * The records the facilitator's reports list, in the order they are reviewed: actions carried from an earlier
 * session first, then by question in the bank's order. Records of questions the bank does not ask are left out.
 */
export function recordsInReviewOrder<T extends Pick<Agreement, 'questionId' | 'carriedFrom'>>(
	bank: QuestionBank,
	agreements: readonly T[]
): T[] {
	const order = new Map(bank.questions.map((q, i) => [q.id, i]));
	return agreements
		.filter((a) => order.has(a.questionId))
		.sort(
			(a, b) =>
				Number(b.carriedFrom !== null) - Number(a.carriedFrom !== null) ||
				order.get(a.questionId)! - order.get(b.questionId)!
		);
}

// ── Sentences ───────────────────────────────────────────────────────────────────────────────────────────────────

const people = (n: number) => (n === 1 ? '1 person' : `${n} people`);
const votes = (n: number) => (n === 1 ? '1 vote' : `${n} votes`);

/** How the team answers were formed, in a sentence. */
export function formationSentence(stats: Pick<TeamStats, 'formed'>, mode: WorkshopMode = 'facilitated'): string {
	const { agreed, median } = stats.formed;
	if (agreed === 0)
		return mode === 'self_paced'
			? 'Each question’s team answer is the answer given nearest the median of the team’s answers.'
			: `No team answer has been agreed yet: all ${median} team answers are the answer given nearest the median of the team’s answers.`;
	const agreedPart =
		agreed === 1 ? '1 team answer was agreed in discussion' : `${agreed} team answers were agreed in discussion`;
	const medianPart =
		median === 0
			? 'none comes from the median alone'
			: `${median === 1 ? 'the 1 other is' : `the ${median} others are`} the answer given nearest the median of the team’s answers`;
	return `${agreedPart}; ${medianPart}.`;
}

/** The team's confidence against its practice in one dimension, in a sentence (both from the team answers). */
export function teamConfidenceSentence(
	d: {
		dimension: DimensionId;
		confidence: number | null;
		practice: number | null;
		gap: number | null;
		overconfident: boolean;
	},
	label: string
): string {
	const name = inSentence(label);
	if (d.dimension === ADOPTION_DIMENSION && d.confidence !== null)
		return `In ${name}, the team rated its confidence at ${points(d.confidence)}; ${ADOPTION_CONFIDENCE_NOT_COMPARED}.`;
	if (d.gap === null || d.confidence === null || d.practice === null)
		return `In ${name}, there is no team answer to compare: too few rated their confidence or answered its practice questions.`;
	const figures = `confidence ${points(d.confidence)} against practice ${points(d.practice)}, gap ${signedPoints(d.gap)}`;
	if (d.overconfident) return `In ${name}, the team’s confidence runs well ahead of its practice (${figures}).`;
	if (d.gap > 0) return `In ${name}, the team’s confidence is a little above its practice (${figures}).`;
	return `In ${name}, the team’s confidence does not exceed its practice (${figures}).`;
}

/**
 * "By their own answers: 3 Pioneer, 4 Fragmented." — individuals per tier (only tiers someone is in); or why the
 * counts are withheld, when a group holds fewer than the minimum group size.
 */
export function tierSpreadSentence(stats: Pick<TeamStats, 'tiers' | 'minGroupSize'>): string {
	if (!stats.tiers)
		return `Not shown: at least one group holds fewer than ${people(stats.minGroupSize)}, and a count that small could point to one person.`;
	const placed = stats.tiers.filter((t) => t.count > 0);
	return `By their own answers: ${placed
		.map(
			(t) => `${t.count} ${t.tier === 'unplaced' ? METRIC_LABELS.notPlacedTooFew.toLowerCase() : TIER_LABELS[t.tier]}`
		)
		.join(', ')}.`;
}

// ── Coverage: dimensions the team result says nothing about ─────────────────────────────────────────────────────

/** "a", "a and b", "a, b and c". */
function listAnd(items: readonly string[]): string {
	return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The dimensions whose practice makes up the team's foundations (not AI adoption, which is context). */
function foundationDimensions(bank: QuestionBank): DimensionId[] {
	return bank.dimensions
		.filter((d) => !bank.questions.every((q) => q.dimension !== d.id || q.kind === 'use' || q.kind === 'confidence'))
		.map((d) => d.id);
}

/** One dimension of the team result as every team surface lists it: its score, or that it is not covered. */
export interface TeamDimensionRow extends DimensionRow {
	covered: boolean;
	/** The score as printed ("62.5"), or "Not covered". */
	scoreText: string;
}

/**
 * The team result's dimension rows: the team score of each covered dimension; no score for a dimension fewer than
 * the minimum group size answered (`TeamStats` dimensions, `covered`), whatever the team result scored it.
 */
export function teamDimensionRows(
	bank: QuestionBank,
	stats: Pick<TeamStats, 'result' | 'dimensions'>
): TeamDimensionRow[] {
	return dimensionRows(bank, stats.result).map((row) => {
		const covered = stats.dimensions.find((d) => d.dimension === row.dimension)?.covered ?? false;
		return covered
			? { ...row, covered, scoreText: points(row.score) }
			: { ...row, covered, score: null, contribution: null, scoreText: TEAM_LABELS.notCovered };
	});
}

/** The labels of the dimensions not covered, in the bank's order. */
function notCoveredLabels(bank: QuestionBank, notCovered: readonly DimensionId[]): string[] {
	return bank.dimensions.filter((d) => notCovered.includes(d.id)).map((d) => d.label);
}

/**
 * Which dimensions the team result does not cover, and what that means, in a sentence; null when it covers every
 * dimension.
 */
export function notCoveredSentence(
	bank: QuestionBank,
	notCovered: readonly DimensionId[],
	minGroupSize: number
): string | null {
	const labels = notCoveredLabels(bank, notCovered);
	if (!labels.length) return null;
	const [first, ...rest] = labels;
	const list = listAnd([first!, ...rest.map(inSentence)]);
	// "needs answers from", not "fewer than 3 answered": a dimension never put to the room has no answers at all.
	return `${list} ${labels.length === 1 ? 'is not covered: it needs' : 'are not covered: each needs'} answers from at least ${people(minGroupSize)}, so the team result gives ${labels.length === 1 ? 'it' : 'them'} no score, no spread and no plan items.`;
}

/** One dimension the team result does not cover, where its confidence and practice would be compared. */
export function dimensionNotCoveredSentence(label: string, minGroupSize: number): string {
	return `${label} is not covered: it needs answers from at least ${people(minGroupSize)}.`;
}

/** The dimensions of `stats` the team result does not cover. */
export function uncoveredDimensions(stats: Pick<TeamStats, 'dimensions'>): DimensionId[] {
	return stats.dimensions.filter((d) => !d.covered).map((d) => d.dimension);
}

/** The team's foundations (control) as printed: its score, or why there is none (a foundation not covered). */
export function foundationsText(bank: QuestionBank, stats: Pick<TeamStats, 'result' | 'dimensions'>): string {
	const missing = foundationDimensions(bank).filter((d) => !stats.dimensions.find((x) => x.dimension === d)?.covered);
	if (!missing.length) return `${points(stats.result.control)} of 100`;
	return `Not given: it rests on ${listAnd(notCoveredLabels(bank, missing).map(inSentence))}, not covered`;
}

/** The dashboard's line under the team's group: responses, how the answers were formed, foundations, coverage. */
export function teamFiguresLine(
	bank: QuestionBank,
	stats: Pick<TeamStats, 'size' | 'result' | 'dimensions' | 'formed'>,
	mode: WorkshopMode
): string {
	return `From ${stats.size === 1 ? '1 response' : `${stats.size} responses`}. ${formationSentence(stats, mode)} ${METRIC_LABELS.control}: ${foundationsText(bank, stats)}; coverage ${percent(stats.result.coverage * 100)}.`;
}

/** Whether the team result's foundations (control) can be given: every dimension they rest on is covered. */
export function foundationsCovered(bank: QuestionBank, stats: Pick<TeamStats, 'dimensions'>): boolean {
	return foundationDimensions(bank).every((d) => stats.dimensions.find((x) => x.dimension === d)?.covered);
}

/**
 * What closing does to the team result, before the facilitator confirms it: `released` people's answers will be
 * in it, and `notCovered` (fewer than the minimum answered them) will not. Worded from the bank's rules alone —
 * never from the answers, which the confirmation must not reveal ahead of the close.
 */
export function closingLines(
	bank: QuestionBank,
	input: { released: number; notCovered: readonly DimensionId[]; minGroupSize: number; leftOut: number }
): { covered: string; group: string; leftOut: string | null } {
	const k = input.minGroupSize;
	const leftOut = input.leftOut > 0 ? closingLeavesOutLine(input.leftOut, k) : null;
	if (input.released < k)
		return {
			covered: `Fewer than ${people(k)} have answers in the team result, so closing now gives no team result at all: no one’s answers could be read from it.`,
			group: 'The team will not be placed in a group.',
			leftOut
		};
	const labels = notCoveredLabels(bank, input.notCovered);
	if (!labels.length)
		return {
			covered: 'Every dimension is covered: at least ' + people(k) + ' answered each.',
			group: 'The team’s group will rest on every dimension.',
			leftOut
		};
	const sentence = notCoveredSentence(bank, input.notCovered, k)!;
	if (bank.model !== 3)
		return { covered: sentence, group: 'Their questions count as unanswered in the team’s group.', leftOut };
	// The best the covered dimensions can do: every question that places a team answered.
	const placing = bank.questions.filter((q) => q.kind === 'practice' || q.kind === 'outcome');
	const reachable = placing.filter((q) => q.dimension && !input.notCovered.includes(q.dimension)).length;
	const foundations = foundationDimensions(bank).filter((d) => input.notCovered.includes(d));
	const group =
		placing.length === 0 || reachable / placing.length < MIN_COVERAGE
			? 'Fewer than half of the questions that place a team will have a team answer, so the team will not be placed in a group.'
			: foundations.length
				? 'Their questions count as unanswered, as in one person’s assessment: the team cannot be placed in Pioneer, and unanswered practice counts at its weakest level, which can place the team in Exposed.'
				: 'Its questions count as unanswered, as in one person’s assessment: the team’s AI adoption counts as none towards Outpacing and as the deepest towards Exposed.';
	return { covered: sentence, group, leftOut };
}

// ── The room: audience display and phones ───────────────────────────────────────────────────────────────────────

/** One answer of a revealed question with how many chose it. */
export interface RevealOption {
	label: string;
	count: number;
	/** Share of those who chose an option, 0–1. */
	share: number;
}

/** One question of a revealed item. */
export interface RevealQuestion {
	questionId: string;
	question: string;
	/** 1-based in the reveal's order: most split first, questions without figures last. */
	number: number;
	answered: number;
	skipped: number;
	/** Every option, lowest score first; null when fewer than the minimum group size chose one (suppressed). */
	options: RevealOption[] | null;
	reserved: { label: string; count: number }[];
	/** Reserved answers and skips in a line: "Don’t know: 1 · Not answered: 0". */
	others: string;
	disagreement: number | null;
	band: string;
	/** "Split: disagreement 67 %". */
	bandLine: string;
	/** Shown instead of the options when they are suppressed. */
	suppressed: string | null;
	/**
	 * Whose figures these are: `this_vote` (released by this vote's reveal), `held` (an earlier vote's, because fewer
	 * than the minimum group size changed their answer — or no one did: the room is not told which), `none`.
	 */
	figures: 'this_vote' | 'held' | 'none';
	/** The same in words on a re-vote ("Round 2 figures: …" / "Round 1 figures, held back: …"); null otherwise. */
	figuresLine: string | null;
	/** The team answer from the answers alone (median), as a label; null when there is none. */
	median: string | null;
	/** The agreed team answer's label; null when none was agreed. */
	agreed: string | null;
	agreedId: string | null;
	/** What the team may agree on (options, then reserved answers). */
	choices: { id: string; label: string }[];
	/** "Median: …" and "Agreed: …" as the room reads them. */
	medianLine: string | null;
	agreedLine: string | null;
}

/** The team result as the room sees it once the workshop is closed. */
export interface RoomTeam {
	tierLabel: string | null;
	/** "The team is in Fragmented." / why there is none. */
	headline: string;
	/** How the team answers were formed. */
	formed: string | null;
	/** The team answers as an answer code; null when there is no team result. */
	code: string | null;
	/** Every dimension with its team score, or "Not covered" (`covered` false). */
	dimensions: { label: string; score: string; covered: boolean }[];
	/** Which dimensions the team result does not cover, in a sentence; null when it covers every one. */
	notCovered: string | null;
}

/**
 * What the audience display and every phone of a facilitated workshop show, the same for all of them. Nothing the
 * facilitator types (notes, actions, an action's owner, due date or status) is in it: those travel only to the facilitator's console (`ConsoleState`).
 */
export interface RoomState {
	mode: WorkshopMode;
	status: 'open' | 'closed';
	phase: FacilitationPhase;
	/** The item open for voting or revealed. */
	item: {
		id: string;
		title: string;
		description: string;
		position: number;
		count: number;
		/** "Dimension 2 of 5" / "Lens section 1 of 4: <lens title>". */
		place: string;
		questionIds: string[];
	} | null;
	/** The item after the current one, with the console's button ("Next dimension: …"); null at the last. */
	next: { id: string; title: string; button: string } | null;
	/** Every item, for the console's list. */
	items: { id: string; title: string }[];
	round: number;
	/** Changes with every vote opened: a phone knows whether its vote was in this one. */
	voteSeq: number;
	joined: number;
	/** People who voted in the open vote (or the last one). */
	voted: number;
	minGroupSize: number;
	/** Whether the facilitator may reveal now (an open vote with at least the minimum of votes). */
	canReveal: boolean;
	/** The revealed item's questions, most split first (questions without figures last); null unless revealed. */
	reveal: RevealQuestion[] | null;
	/** The question of `reveal` the audience display shows (0-based), chosen on the console. */
	shown: number;
	/** The team result, once the workshop is closed. */
	team: RoomTeam | null;
	/** Changes exactly when the figures or the agreements can have changed. */
	dataVersion: number;
	/**
	 * The sentences: a heading, what the phone asks of the participant, what the facilitator does next, the votes,
	 * privacy, and where the room is (for the display: "Dimension 2 of 5 · question 1 of 7, most split first").
	 */
	lines: {
		heading: string;
		phone: string;
		presenter: string;
		votes: string;
		privacy: string;
		where: string | null;
	};
	/** The running timer of the open vote or the discussion, or null. */
	timer: RoomTimer | null;
}

/** A running timer, as the display and every phone count it down. */
export interface RoomTimer {
	kind: TimerKind;
	/** When it reaches zero: epoch milliseconds on the server's clock (streams send that clock as `clock` events). */
	endsAt: number;
	/** How long it was set for. */
	seconds: number;
	/** What reaching zero does: nothing (`advisory`), or the vote closes and later votes are refused. */
	atZero: 'advisory' | 'closes_vote';
	/** What it times, what reaching zero will do, and what is said once it has. */
	label: string;
	untilZero: string;
	zeroLine: string;
}

export interface RoomInput {
	bank: QuestionBank;
	mode: WorkshopMode;
	status: 'open' | 'closed';
	phase: FacilitationPhase;
	item: string | null;
	round: number;
	voteSeq: number;
	joined: number;
	voted: number;
	minGroupSize: number;
	dataVersion: number;
	/** The team statistics of the released responses (with the agreed answers), or null below the minimum. */
	stats: TeamStats | null;
	agreements: readonly Agreement[];
	benchmark?: Benchmark;
	/** The running timer (its end in epoch milliseconds), or null. */
	timer?: { kind: TimerKind; endsAt: number; seconds: number; closesVote: boolean } | null;
	/** The question the display shows (null: the first in the reveal's order). */
	shownQuestion?: string | null;
	/** Per question, the vote (`voteSeq`) whose reveal last released its answers. */
	questionReleases?: Readonly<Record<string, number>>;
	/** The pinned lenses this site has: their sections are voted on after the dimensions. */
	lenses?: readonly Lens[];
	/** The team lens of each of them from the released answers (with the agreed answers); none below the minimum. */
	lensTeams?: readonly TeamLens[];
}

/**
 * Whose figures a revealed question shows, in words. The held sentence is the same whether no one or fewer than the
 * minimum group size changed their answer, so it tells the room nothing about how many did.
 */
function figuresOf(
	questionId: string,
	input: Pick<RoomInput, 'voteSeq' | 'round' | 'minGroupSize' | 'questionReleases'>
): Pick<RevealQuestion, 'figures' | 'figuresLine'> {
	const releasedBy = input.questionReleases?.[questionId];
	if (releasedBy === undefined) return { figures: 'none', figuresLine: null };
	const k = input.minGroupSize;
	if (releasedBy === input.voteSeq)
		return {
			figures: 'this_vote',
			figuresLine:
				input.round > 1
					? `Round ${input.round} figures: at least ${k} answers to this question changed in the re-vote.`
					: null
		};
	// The round those figures come from, if it was a vote on this item in this run of re-votes.
	const heldRound = input.round - (input.voteSeq - releasedBy);
	const from = heldRound >= 1 ? `Round ${heldRound} figures` : 'Figures from an earlier vote';
	return {
		figures: 'held',
		figuresLine: `${from}, held back: a question’s figures change only once at least ${k} answers to it have changed, so a smaller change stays hidden.`
	};
}

/**
 * What a revealed question is worded from, whether the survey's or a pinned lens's: its text, its answers' labels,
 * what the team may agree on and its team figures (`figures` null: no team figures yet, below the minimum group size).
 */
interface RevealSource {
	text: string;
	/** An answer's label; `undefined`: not answered. */
	label: (code: string | undefined) => string;
	choices: { id: string; label: string }[];
	figures: Pick<
		QuestionStats,
		'answered' | 'skipped' | 'reserved' | 'options' | 'disagreement' | 'medianAnswer'
	> | null;
	/** The team has figures at all (false below the minimum group size). */
	teamFigures: boolean;
}

/** The source of a revealed question: the bank's, or a pinned lens's (`lensAnswerKey`) from the team lens. */
function revealSource(input: RoomInput, questionId: string): RevealSource {
	const { bank, stats } = input;
	const inLens = lensQuestionOf(input.lenses ?? [], questionId);
	if (inLens) {
		const { lens, question } = inLens;
		const team = input.lensTeams?.find((t) => t.lens.id === lens.id && t.lens.version === lens.version) ?? null;
		const local = parseLensAnswerKey(questionId)!.questionId;
		return {
			text: question.text,
			label: (code) => lensAnswerLabel(question, code ?? null),
			choices: agreeableLensAnswers(question),
			figures: team?.questions.find((q) => q.questionId === local) ?? null,
			teamFigures: team !== null
		};
	}
	const question = bank.questions.find((q) => q.id === questionId)!;
	return {
		text: question.text,
		label: (code) => answerText(question, code),
		choices: agreeableAnswers(bank, question),
		figures: stats?.questions.find((q) => q.questionId === questionId) ?? null,
		teamFigures: stats !== null
	};
}

function revealQuestion(questionId: string, agreement: Agreement | undefined, input: RoomInput): RevealQuestion {
	const source = revealSource(input, questionId);
	const s = source.figures;
	const agreedId = agreement?.agreedAnswer ?? null;
	const disagreement = s?.disagreement ?? null;
	const k = input.minGroupSize;
	const median = s?.medianAnswer ? source.label(s.medianAnswer) : null;
	const agreed = agreedId ? source.label(agreedId) : null;
	const reserved = s?.reserved.map((r) => ({ label: source.label(r.code), count: r.count })) ?? [];
	return {
		questionId,
		question: source.text,
		number: 0,
		answered: s?.answered ?? 0,
		skipped: s?.skipped ?? 0,
		options: s?.options?.map((o) => ({ label: source.label(o.optionId), count: o.count, share: o.share })) ?? null,
		reserved,
		others: [...reserved.map((r) => `${r.label}: ${r.count}`), `${source.label(undefined)}: ${s?.skipped ?? 0}`].join(
			' · '
		),
		disagreement,
		band: disagreementBand(disagreement),
		bandLine:
			disagreement === null
				? disagreementBand(null)
				: `${disagreementBand(disagreement)}: disagreement ${percent(disagreement * 100)}`,
		suppressed: s?.options
			? null
			: source.teamFigures
				? `Fewer than ${k} people chose an option here, so their answers are not shown.`
				: `The votes are shown once at least ${k} answers to a question are in.`,
		...figuresOf(questionId, input),
		median,
		agreed,
		medianLine: median && `${TEAM_LABELS.median}: ${median}`,
		agreedLine: agreed && `${TEAM_LABELS.agreed}: ${agreed}`,
		agreedId,
		choices: source.choices
	};
}

/** A revealed item's questions in the order the reveal promises: most split first, those without figures last. */
function revealOrder(questions: RevealQuestion[], bankOrder: readonly string[]): RevealQuestion[] {
	const at = new Map(bankOrder.map((id, i) => [id, i]));
	return [...questions]
		.sort(
			(a, b) =>
				Number(a.disagreement === null) - Number(b.disagreement === null) ||
				(b.disagreement ?? 0) - (a.disagreement ?? 0) ||
				at.get(a.questionId)! - at.get(b.questionId)!
		)
		.map((q, i) => ({ ...q, number: i + 1 }));
}

function roomTeam(bank: QuestionBank, stats: TeamStats | null, minGroupSize: number): RoomTeam {
	if (!stats)
		return {
			tierLabel: null,
			headline: `Fewer than ${minGroupSize} people’s votes were revealed, so there is no team result: no one’s answers can be read from it.`,
			formed: null,
			code: null,
			dimensions: [],
			notCovered: null
		};
	const tier = stats.result.tier;
	return {
		tierLabel: tier ? TIER_LABELS[tier] : null,
		headline: teamPlacement(tier ? TIER_LABELS[tier] : null),
		formed: formationSentence(stats),
		code: encodeAnswerCode(bank, stats.teamAnswers),
		dimensions: teamDimensionRows(bank, stats).map((d) => ({
			label: d.higherIsWorse ? `${d.label} (lower is better)` : d.label,
			score: d.scoreText,
			covered: d.covered
		})),
		notCovered: notCoveredSentence(bank, uncoveredDimensions(stats), minGroupSize)
	};
}

/** Where an item sits: "Dimension 2 of 5", or "Lens section 1 of 4: <lens title>". */
function itemPlace(items: readonly FacilitationItem[], item: FacilitationItem): string {
	const same = items.filter((i) => i.lens?.id === item.lens?.id);
	const n = same.indexOf(item) + 1;
	return item.lens ? `Lens section ${n} of ${same.length}: ${item.lens.title}` : `Dimension ${n} of ${same.length}`;
}

/** An item as the console lists it: a lens section says it is one. */
function itemTitle(item: FacilitationItem): string {
	return item.lens ? `Lens: ${item.title}` : item.title;
}

/** The room state of a workshop: what its audience display and every phone show. */
export function presentRoom(input: RoomInput): RoomState {
	const { bank, phase, status, minGroupSize: k, stats } = input;
	const items = facilitationItems(bank, input.lenses ?? []);
	const at = items.findIndex((i) => i.id === input.item);
	const item = at >= 0 ? items[at]! : null;
	const next = at >= 0 ? (items[at + 1] ?? null) : (items[0] ?? null);
	const byQuestion = new Map(input.agreements.map((a) => [a.questionId, a]));
	const closed = status === 'closed';
	const voting = !closed && phase === 'voting' && item !== null;
	const revealed = !closed && phase === 'revealed' && item !== null;
	const title = item?.title ?? '';
	const reveal = revealed
		? revealOrder(
				item!.questionIds.map((id) => revealQuestion(id, byQuestion.get(id), input)),
				item!.questionIds
			)
		: null;
	const shown = reveal
		? Math.max(
				0,
				reveal.findIndex((q) => q.questionId === input.shownQuestion)
			)
		: 0;
	const dimensionAt = item ? itemPlace(items, item) : null;
	const lines = {
		heading: closed
			? TEAM_LABELS.teamResult
			: voting
				? `${input.round > 1 ? 'Re-vote' : 'Vote'}: ${title}`
				: revealed
					? `Revealed: ${title}`
					: 'Waiting for the first vote',
		phone: closed
			? 'The workshop is closed. The team result is below.'
			: voting
				? input.round > 1
					? 'Change your answers if the discussion changed your mind, or submit them again to keep them. Nobody sees your vote on its own.'
					: 'Answer for your organisation as it is today. Nobody sees your vote on its own: the facilitator reveals only the combined votes.'
				: revealed
					? 'The combined votes are on the screen, most split first. Discuss them; the facilitator records the answer the team agrees, or opens a re-vote.'
					: 'The facilitator will open the first vote. Keep this page open: it follows the facilitator by itself.',
		presenter: closed
			? 'The workshop is closed: every phone now shows the team result.'
			: voting
				? input.voted >= k
					? 'Reveal the votes when the room is done.'
					: `The votes can be revealed once ${people(k)} have voted.`
				: revealed
					? `The display starts with the most split question. Record the answer the team agrees, or open a re-vote (it clears this ${item!.lens ? 'section' : 'dimension'}’s agreed answers; notes and actions stay).`
					: 'Ask everyone to join on their phone, then open the first vote.',
		votes: voting
			? `${votes(input.voted)} of ${input.joined} joined`
			: `${input.joined === 1 ? '1 person has' : `${input.joined} people have`} joined`,
		privacy: revealPrivacyLine(k),
		where:
			closed || !dimensionAt
				? null
				: reveal
					? `${dimensionAt} · question ${shown + 1} of ${reveal.length}, most split first${input.round > 1 ? ` · round ${input.round}` : ''}`
					: `${dimensionAt}${input.round > 1 ? ` · round ${input.round}` : ''}`
	};
	return {
		mode: input.mode,
		status,
		phase,
		item: item
			? {
					id: item.id,
					title: item.title,
					description: item.description,
					position: at + 1,
					count: items.length,
					place: dimensionAt!,
					questionIds: item.questionIds
				}
			: null,
		next: next
			? {
					id: next.id,
					title: itemTitle(next),
					button: `${next.lens ? TEAM_LABELS.nextLensSection : TEAM_LABELS.next}: ${next.title}`
				}
			: null,
		items: items.map((i) => ({ id: i.id, title: itemTitle(i) })),
		round: input.round,
		voteSeq: input.voteSeq,
		joined: input.joined,
		voted: input.voted,
		minGroupSize: k,
		canReveal: voting && input.voted >= k,
		reveal,
		shown,
		team: closed ? roomTeam(bank, stats, k) : null,
		dataVersion: input.dataVersion,
		lines,
		timer: roomTimer(input.timer, voting, revealed)
	};
}

/** The timer the room shows: a vote timer while the vote is open, a discussion timer while it is revealed. */
function roomTimer(timer: RoomInput['timer'], voting: boolean, revealed: boolean): RoomTimer | null {
	if (!timer || !(timer.kind === 'vote' ? voting : revealed)) return null;
	const closesVote = timer.kind === 'vote' && timer.closesVote;
	const { label, untilZero, zero } = timerLines(timer.kind, closesVote);
	return {
		kind: timer.kind,
		endsAt: timer.endsAt,
		seconds: timer.seconds,
		atZero: closesVote ? 'closes_vote' : 'advisory',
		label,
		untilZero,
		zeroLine: zero
	};
}

// ── The team report (PDF) ───────────────────────────────────────────────────────────────────────────────────────

/** One of the most split questions, with its options by label. */
export interface SplitQuestionView {
	questionId: string;
	dimension: string;
	question: string;
	band: string;
	/** "Split (67 %)". */
	bandLine: string;
	options: { label: string; count: number; share: number }[];
	/** "Don’t know: 1 · Not answered: 0". */
	others: string;
	team: string;
	/** "agreed in discussion" / "median of the answers". */
	source: string;
}

/** One question the room discussed. */
export interface DiscussionView {
	questionId: string;
	dimension: string;
	question: string;
	/** "Agreed: …" or "Median: …". */
	answer: string;
	note: string | null;
	/** The action with its owner, due date, status and where it came from (`actionLine`). */
	action: string | null;
}

/** A critical gap, severe finding or weak guard in the team answers, and the team answer it rests on. */
export interface TeamGapView {
	questionId: string;
	kind: GapLine['kind'];
	sentence: string;
	/** “The team answer to … is …, agreed in discussion.” */
	basis: string;
}

/** The team report's column headings and the labels it prints beside a value. */
export const TEAM_REPORT_WORDS = Object.freeze({
	columns: {
		dimension: 'Dimension',
		team: 'Team',
		spread: 'Spread (±)',
		people: 'People',
		agreed: 'Agreed',
		median: 'Median',
		none: 'No answer',
		confidence: 'Confidence',
		practice: 'Practice',
		gap: 'Gap',
		group: 'Group',
		share: 'Share',
		answer: 'Answer'
	},
	theTeam: 'the team',
	radarSeries: 'The team',
	lowerIsBetter: RESULT_LABELS.lowerIsBetter,
	teamAnswer: 'Team answer',
	discussionNote: 'Discussion',
	agreedAction: 'Agreed action',
	criticalGap: 'critical gap'
});

/** The session a follow-up was started from, for the team report's comparison. */
export interface PreviousSession {
	title: string;
	/** When it was held (created). */
	date: Date;
	bank: QuestionBank;
	/** Its team statistics; null when fewer than its minimum group size were released. */
	stats: TeamStats | null;
	minGroupSize: number;
	/** Changes exactly when its figures can have changed: a report built beside it is kept per this version. */
	dataVersion: number;
}

const groupName = (tier: TierId | null) => (tier ? TIER_LABELS[tier] : METRIC_LABELS.notPlacedTooFew.toLowerCase());

/**
 * The previous session's team result beside this one, in sentences for the executive summary: the group, then
 * foundations and each dimension before → after (a dimension either session does not score is left out).
 */
export function previousSessionLines(
	previous: PreviousSession,
	current: { bank: QuestionBank; stats: TeamStats }
): string[] {
	const when = `“${previous.title}”, ${isoDate(previous.date)}`;
	if (!previous.stats)
		return [
			`The last session (${when}) has no team result to set beside this one: fewer than ${people(previous.minGroupSize)} had answers in its figures.`
		];
	const c = compareResults(
		{ bank: previous.bank, answers: previous.stats.teamAnswers, result: previous.stats.result },
		{ bank: current.bank, answers: current.stats.teamAnswers, result: current.stats.result }
	);
	const [before, after] = [groupName(c.tier.before), groupName(c.tier.after)];
	const group =
		c.tier.direction === 'same'
			? `the team is in ${after}, as it was`
			: c.tier.direction === 'up'
				? `the team moved up from ${before} to ${after}`
				: c.tier.direction === 'down'
					? `the team moved down from ${before} to ${after}`
					: `the team moved from ${before} to ${after}`;
	// "from … to", not an arrow: the team report's font has none.
	const move = (label: string, from: number | null, to: number | null, change: number | null) =>
		`${label} from ${points(from)} to ${points(to)} (${signedPoints(change)})`;
	const dimensions = c.dimensions
		.filter((d) => d.before !== null && d.after !== null)
		.map((d) => move(inSentence(d.label), d.before, d.after, d.change));
	return [
		`Beside the last session (${when}, ${people(previous.stats.size)}): ${group}; ${move(METRIC_LABELS.control.toLowerCase(), c.control.before, c.control.after, c.control.change)}.`,
		...(dimensions.length ? [`Since the last session, by dimension: ${dimensions.join('; ')}.`] : [])
	];
}

/** Everything the team PDF shows. */
export interface TeamReportView {
	title: string;
	organisation: string | null;
	date: string;
	kicker: string;
	cover: { tierLabel: string; tierSummary: string; facts: [string, string][] };
	summary: string[];
	/** The critical gaps, severe findings and weak guards of the team answers, for the executive summary. */
	gaps: { heading: string; lead: string; items: TeamGapView[]; empty: string | null };
	/** What the dimension scores table shows: the team index and what scores and spread mean. */
	scoresNote: string;
	formed: { sentence: string; rows: { dimension: string; agreed: number; median: number; none: number }[] };
	dimensions: (TeamDimensionRow & { spread: string; respondents: number })[];
	index: string;
	survey: { distribution: DistributionRow[]; sentence: string | null; source: string };
	confidence: ResultView['confidence'];
	tierSpread: { rows: { tier: TierId | 'unplaced'; label: string; count: number }[]; sentence: string; note: string };
	split: { questions: SplitQuestionView[]; empty: string | null; note: string };
	discussion: { items: DiscussionView[]; empty: string | null };
	plan: ResultView['plan'];
	method: string[];
	footer: string;
	labels: typeof TEAM_LABELS;
	words: typeof TEAM_REPORT_WORDS;
}

export interface TeamReportInput {
	bank: QuestionBank;
	stats: TeamStats;
	mode: WorkshopMode;
	title: string;
	organisation: string | null;
	agreements: readonly Agreement[];
	generatedAt: Date;
	/** Absolute address of the public methodology page, printed in place of any repository path. */
	methodologyUrl: string;
	benchmark?: Benchmark;
	/** A follow-up session: the session it was started from, shown beside this one. */
	previous?: PreviousSession | null;
	/** Responses submitted but not in these figures (they came after the last release). */
	leftOut?: number;
}

/** The cover's line for the session a follow-up was started from. */
function previousSessionFact(previous: PreviousSession): [string, string] {
	const result = previous.stats?.result;
	return [
		'Last session',
		result
			? `${groupName(result.tier)}, ${METRIC_LABELS.control.toLowerCase()} ${points(result.control)} of 100 (${isoDate(previous.date)})`
			: `No team result (${isoDate(previous.date)})`
	];
}

/** Most split questions the team report lists. */
export const REPORT_SPLIT_QUESTIONS = 6;

function splitView(bank: QuestionBank, s: QuestionStats): SplitQuestionView {
	const q = bank.questions.find((x) => x.id === s.questionId)!;
	return {
		questionId: s.questionId,
		dimension: bank.dimensions.find((d) => d.id === s.dimension)?.label ?? '',
		question: q.text,
		band: disagreementBand(s.disagreement),
		bandLine: `${disagreementBand(s.disagreement)} (${percent((s.disagreement ?? 0) * 100)})`,
		options: s.options!.map((o) => ({ label: answerText(q, o.optionId), count: o.count, share: o.share })),
		others: [...s.reserved.map((r) => `${answerText(q, r.code)}: ${r.count}`), `Not answered: ${s.skipped}`].join(
			' · '
		),
		team: s.teamAnswer === null ? 'No team answer' : answerText(q, s.teamAnswer),
		source:
			s.teamAnswerSource === 'agreed'
				? 'agreed in discussion'
				: s.teamAnswerSource === 'median'
					? 'median of the answers'
					: ''
	};
}

/** What a team answer rests on: the answer, and whether it was agreed or is the median of how many answers. */
function teamAnswerBasis(bank: QuestionBank, s: QuestionStats): string {
	const q = bank.questions.find((x) => x.id === s.questionId)!;
	if (s.teamAnswer === null) return `No team answer to “${q.text}”.`;
	const given = s.answered + s.reserved.reduce((n, r) => n + r.count, 0);
	const how =
		s.teamAnswerSource === 'agreed'
			? 'agreed in discussion'
			: `the median of ${given === 1 ? '1 answer' : `${given} answers`}`;
	return `The team answer to “${q.text}” is “${answerText(q, s.teamAnswer)}”, ${how}.`;
}

/** The critical gaps, severe findings and weak guards of the team answers (models with guards only). */
function teamGaps(bank: QuestionBank, stats: TeamStats): TeamGapView[] {
	if (!isCurrent(stats.result)) return [];
	const { gaps } = presentResult({ bank, answers: stats.teamAnswers, result: stats.result });
	const result = stats.result;
	return gaps.map((g) => {
		const s = stats.questions.find((x) => x.questionId === g.questionId);
		// A gap may rest on an answer counted lower than the team gave it (a prerequisite below its level): say why,
		// or the gap reads as contradicting the team answer beside it.
		const counted = result.inconsistencies.find((i) => i.questionId === g.questionId && i.kind !== 'contradiction');
		return {
			questionId: g.questionId,
			kind: g.kind,
			sentence: g.sentence,
			basis: [s ? teamAnswerBasis(bank, s) : '', counted ? inconsistencySentence(bank, counted, 'the team') : '']
				.filter(Boolean)
				.join(' ')
		};
	});
}

/** “team answers to 8 of 9 questions” — what a dimension's score rests on. */
const restsOn = (r: Pick<DimensionRow, 'answered' | 'total'>) =>
	`team answers to ${r.answered} of ${r.total} ${r.total === 1 ? 'question' : 'questions'}`;

/**
 * The team's plan from the covered dimensions only: a dimension the team result does not cover gives no plan item
 * (its questions are unanswered, which would otherwise put "find out" steps for questions nobody discussed first).
 */
export function coveredPlan(
	bank: QuestionBank,
	result: AnyResult,
	notCovered: readonly DimensionId[]
): ResultView['plan'] {
	if (!isCurrent(result)) throw new Error('coveredPlan needs a current result');
	const inCovered = (questionId: string) => {
		const d = bank.questions.find((q) => q.id === questionId)?.dimension;
		return !d || !notCovered.includes(d);
	};
	const plan = planOf(bank, {
		...result,
		recommendations: result.recommendations.filter((r) => inCovered(r.questionId))
	});
	const keep = (item: PlanItem) => item.steps.every((s) => inCovered(s.questionId));
	return {
		horizons: plan.horizons.map((h) => ({ ...h, items: h.items.filter(keep) })),
		appendix: plan.appendix.filter(keep),
		empty: plan.empty
	};
}

/** The team report's content from the team statistics and what the facilitator recorded. */
export function presentTeamReport(input: TeamReportInput): TeamReportView {
	const { bank, stats, agreements } = input;
	const benchmark = input.benchmark ?? SURVEY_2026;
	const { result } = stats;
	const tier = result.tier;
	const dimensionName = new Map(bank.dimensions.map((d) => [d.id, d.label]));
	const rows = teamDimensionRows(bank, stats);
	const uncovered = uncoveredDimensions(stats);
	const foundations = foundationsCovered(bank, stats);
	const split = mostSplit(stats, REPORT_SPLIT_QUESTIONS);
	const plan: ResultView['plan'] = isCurrent(result)
		? coveredPlan(bank, result, uncovered)
		: {
				horizons: HORIZONS.map((h) => ({ ...h, items: [] })),
				appendix: [],
				empty: 'This workshop used an earlier question bank: its plan is not shown.'
			};
	const confidence = stats.dimensions.map((d) => {
		const label = dimensionName.get(d.dimension) ?? d.dimension;
		return {
			label,
			confidence: points(d.confidence),
			practice: points(d.practice),
			gap: signedPoints(d.gap),
			sentence: d.covered ? teamConfidenceSentence(d, label) : dimensionNotCoveredSentence(label, stats.minGroupSize),
			overconfident: d.overconfident
		};
	});

	// Executive summary: the verdict, strongest and weakest, confidence, disagreement, how it was formed, first steps.
	const summary: string[] = [];
	const scoredQuestions = stats.questions.filter((q) => q.kind !== 'confidence');
	const withAnswer = scoredQuestions.filter((q) => q.teamAnswer !== null).length;
	// Who the figures come from, not who "took part": people who joined later, submitted after the last release or
	// skipped a question are not in them, and a reader counting the room must not find a different number.
	const fromWhom = `These figures come from the answers of ${people(stats.size)}${
		stats.dimensions.some((d) => d.covered && d.answeredBy < stats.size)
			? ', not all of whom answered every question (each figure says how many it rests on)'
			: ''
	}.`;
	summary.push(
		tier
			? `${fromWhom} The team answers to ${withAnswer} of the ${scoredQuestions.length} scored questions place the team in ${TIER_LABELS[tier]}${foundations ? ` (${METRIC_LABELS.control.toLowerCase()} ${points(result.control)} of 100)` : ''}. ${GROUP_SUMMARIES[tier]}`
			: `${fromWhom} Too few questions have a team answer to place the team in a group.`
	);
	if (input.leftOut) summary.push(leftOutOfFiguresLine(input.leftOut, stats.minGroupSize));
	const notCovered = notCoveredSentence(bank, uncovered, stats.minGroupSize);
	if (notCovered) summary.push(notCovered);
	// Strongest and weakest among the dimensions that measure practice (AI integration depth is context, not a goal).
	const context = new Set(
		bank.dimensions
			.filter((d) => bank.questions.every((q) => q.dimension !== d.id || q.kind === 'use' || q.kind === 'confidence'))
			.map((d) => d.id)
	);
	const scored = rows.filter((r) => r.covered && r.score !== null && !context.has(r.dimension) && !r.higherIsWorse);
	if (scored.length >= 2) {
		const sorted = [...scored].sort((a, b) => b.score! - a.score!);
		const say = (r: DimensionRow) => `${inSentence(r.label)} (${points(r.score)} of 100, from ${restsOn(r)})`;
		summary.push(
			`Of the ${scored.length} practice dimensions the team result covers, the highest team score is in ${say(sorted[0]!)}; the lowest is in ${say(sorted.at(-1)!)}.`
		);
	}
	for (const r of rows.filter((x) => x.higherIsWorse && x.covered && x.score !== null))
		summary.push(`${r.label}: ${points(r.score)} of 100 (higher means more exposed), from ${restsOn(r)}.`);
	const over = confidence
		.filter((c) => c.overconfident)
		.map((c) => `${inSentence(c.label)} (confidence ${c.confidence} against practice ${c.practice})`);
	summary.push(
		over.length
			? `The team’s confidence runs well ahead of its practice in ${over.join(' and ')}, comparing its answers to the confidence questions with its practice scores.`
			: 'The team’s confidence does not run well ahead of its practice in any dimension, comparing its answers to the confidence questions with its practice scores.'
	);
	summary.push(
		split.length
			? `The team was most split on: ${split
					.slice(0, 3)
					.map(
						(s) =>
							`“${bank.questions.find((q) => q.id === s.questionId)!.text}” (disagreement ${percent((s.disagreement ?? 0) * 100)} among ${people(s.answered)} who chose an option)`
					)
					.join('; ')}.`
			: 'The team’s answers agreed on every question shown.'
	);
	summary.push(formationSentence(stats, input.mode));
	if (input.previous) summary.push(...previousSessionLines(input.previous, { bank, stats }));
	const actions = actionsSentence(agreements, isoDate(input.generatedAt));
	if (actions) summary.push(actions);
	const first = plan.horizons.find((h) => h.id === 'd30')?.items ?? [];
	// A theme's label inside the sentence; a question (banks without themes) in quotes.
	const themeIn = (label: string) => (label.endsWith('?') ? `“${label}”` : inSentence(label));
	if (first.length) summary.push(`${HORIZONS[0].label}: ${first.map((i) => themeIn(i.label)).join('; ')}.`);

	// How the team answers were formed, per dimension.
	const formedRows = bank.dimensions.map((d) => {
		const qs = stats.questions.filter((q) => q.dimension === d.id);
		return {
			dimension: d.label,
			agreed: qs.filter((q) => q.teamAnswerSource === 'agreed').length,
			median: qs.filter((q) => q.teamAnswerSource === 'median').length,
			none: qs.filter((q) => q.teamAnswerSource === null).length
		};
	});

	const recorded = agreements.filter((a) => a.agreedAnswer !== null || a.note || a.action);
	const discussion = recordsInReviewOrder(bank, recorded).map((a): DiscussionView => {
		const q = bank.questions.find((x) => x.id === a.questionId)!;
		const s = stats.questions.find((x) => x.questionId === a.questionId);
		const answer =
			s?.teamAnswerSource === 'agreed' && s.teamAnswer
				? `Agreed: ${answerText(q, s.teamAnswer)}`
				: s?.medianAnswer
					? `No answer agreed; median: ${answerText(q, s.medianAnswer)}`
					: 'No team answer';
		return {
			questionId: a.questionId,
			dimension: q.dimension ? (dimensionName.get(q.dimension) ?? '') : '',
			question: q.text,
			answer,
			note: a.note,
			action: actionLine(a)
		};
	});

	const k = stats.minGroupSize;
	return {
		title: input.title,
		organisation: input.organisation,
		date: isoDate(input.generatedAt),
		kicker: TEAM_LABELS.reportKicker,
		cover: {
			tierLabel: tier ? TIER_LABELS[tier] : 'Not placed',
			tierSummary: tier ? GROUP_SUMMARIES[tier] : 'Too few questions have a team answer to place the team in a group.',
			facts: [
				['Participants', `${people(stats.size)} in these figures`],
				[`Team ${METRIC_LABELS.control.toLowerCase()}`, foundationsText(bank, stats)],
				['How it was formed', formationSentence(stats, input.mode)],
				['Workshop', `${TEAM_LABELS.modes[input.mode]} workshop`],
				['Date', isoDate(input.generatedAt)],
				['Question bank', `${bank.title} (${bank.id}, version ${bank.version})`],
				['Compared with', `${benchmark.name}, ${benchmark.sample} respondents`],
				...(input.previous ? [previousSessionFact(input.previous)] : [])
			]
		},
		summary,
		gaps: (() => {
			const items = teamGaps(bank, stats);
			return {
				heading: RESULT_LABELS.criticalGaps,
				lead: 'These keep the team out of Pioneer whatever else is true. Close them first.',
				items,
				// Only what the team answered can be ruled out: an uncovered dimension is said, never a clean bill.
				empty: items.length
					? null
					: uncovered.length
						? `The team answers show no critical gap, severe finding or weak guard in the covered dimensions. ${listAnd(notCoveredLabels(bank, uncovered))} ${uncovered.length === 1 ? 'was' : 'were'} not covered, so nothing there is ruled out.`
						: 'The team answers show no critical gap, severe finding or weak guard.'
			};
		})(),
		scoresNote: `Team ${METRIC_LABELS.control.toLowerCase()}: ${foundationsText(bank, stats)}. Scores run from 0 to 100; spread is how far individuals’ own scores lie from each other (standard deviation).`,
		formed: { sentence: formationSentence(stats, input.mode), rows: formedRows },
		dimensions: rows.map((r) => {
			const d = stats.dimensions.find((x) => x.dimension === r.dimension)!;
			return { ...r, spread: d.spread === null ? '—' : `±${points(d.spread)}`, respondents: d.respondents };
		}),
		index: foundations ? points(result.control) : points(null),
		survey: {
			distribution: tierDistribution(benchmark, tier),
			sentence: tier ? surveyShareSentence(benchmark, tier) : null,
			source: surveySource(benchmark)
		},
		confidence,
		tierSpread: {
			rows: (stats.tiers ?? []).map((t) => ({
				tier: t.tier,
				label: t.tier === 'unplaced' ? METRIC_LABELS.notPlacedTooFew : TIER_LABELS[t.tier],
				count: t.count
			})),
			sentence: tierSpreadSentence(stats),
			note: 'Each person’s own answers, scored like a single assessment. The team result above is not their average: it is scored from the team answers.'
		},
		split: {
			questions: split.map((s) => splitView(bank, s)),
			empty: split.length ? null : 'The team gave the same answer to every question shown.',
			note: `Disagreement is how far apart the answers are along a question’s options: 0 % when everyone chose the same option, 100 % when the team split evenly between the first and the last. Questions fewer than ${k} people answered with an option are not shown.`
		},
		discussion: {
			items: discussion,
			empty: discussion.length
				? null
				: input.mode === 'facilitated'
					? 'No discussion notes, agreed answers or actions were recorded.'
					: 'This was a self-paced workshop: the team answers are the medians of the answers, and no discussion was recorded.'
		},
		plan,
		method: [
			'Each question’s team answer is the answer the team agreed in discussion where one was recorded, else the answer given nearest the median of the team’s answers (where fewer than the minimum group size chose an option, the “don’t know” or other answer at least that many gave, else none). The team result is those answers scored like one person’s.',
			`The figures come from ${people(stats.size)}. A question’s figures appear only once at least ${k} people answered it, the count of people in each group only when no group holds fewer than ${k}, and the figures change only in batches of at least ${k} new or changed answers. Within a question an option may show a count of 1: how the room split, never who chose what.`,
			'The 30 / 60 / 90-day plan is the next step for each team answer below the strongest level, critical gaps first.',
			`Question bank ${bank.id} version ${bank.version}. Every weight, rule, cut-off and the norming against the survey are published at ${input.methodologyUrl}.`
		],
		footer: `Team report · question bank ${bank.id} version ${bank.version} · ${isoDate(input.generatedAt)}`,
		labels: TEAM_LABELS,
		words: TEAM_REPORT_WORDS
	};
}

// ── The facilitator's console ───────────────────────────────────────────────────────────────────────────────────

/** What the facilitator recorded for one revealed question, with what the team may agree on. */
export interface ConsoleRecord {
	questionId: string;
	/** The agreed answer's id; null when none was agreed. */
	agreedId: string | null;
	note: string | null;
	action: string | null;
	/** The action's owner, due date and status, and the session it was carried from (see {@link Agreement}). */
	actionOwner: string | null;
	actionDue: string | null;
	actionStatus: ActionStatus;
	carriedFrom: string | null;
	/** What the team may agree on (options, then reserved answers). */
	choices: { id: string; label: string }[];
}

/** One of the most split questions so far, for the console's list. */
export interface ConsoleSplit {
	questionId: string;
	dimension: string;
	question: string;
	/** "Split: disagreement 67 %". */
	bandLine: string;
}

/**
 * The facilitator's console: the room state the display and phones show, and what only the facilitator sees —
 * the notes and actions typed, what comes next, the most split questions so far and, before closing, what the
 * close does. Sent on the console's own stream, never to a phone or the display.
 */
export interface ConsoleState {
	room: RoomState;
	/** The revealed questions' records, in the reveal's order; null unless a vote is revealed. */
	records: ConsoleRecord[] | null;
	/** The dimension after the current one, with its description; null at the last. */
	next: { id: string; title: string; description: string } | null;
	/** The most split questions of the figures released so far, most first. */
	mostSplit: ConsoleSplit[];
	lines: {
		/** At a re-vote (open or revealed): small changes stay hidden, and the reveal says so. */
		revote: string | null;
		/** Above the most split list, or why it is empty. */
		mostSplit: string;
	};
	/** What closing now does (null once closed): what is not covered, the group, late responses left out. */
	closing: { covered: string; group: string; leftOut: string | null } | null;
}

/** Most split questions the console lists. */
export const CONSOLE_SPLIT_QUESTIONS = 5;

/** What the close confirmation is worded from (`closingLines`). */
export interface ClosingInput {
	released: number;
	notCovered: readonly DimensionId[];
	leftOut: number;
}

/** The console state: the room, and what only the facilitator sees. */
export function presentConsole(input: RoomInput & { closing: ClosingInput | null }): ConsoleState {
	const { bank, stats, minGroupSize: k } = input;
	const room = presentRoom(input);
	const byQuestion = new Map(input.agreements.map((a) => [a.questionId, a]));
	const items = facilitationItems(bank, input.lenses ?? []);
	const next = room.next ? items.find((i) => i.id === room.next!.id)! : null;
	const split = stats ? mostSplit(stats, CONSOLE_SPLIT_QUESTIONS) : [];
	const reRound = room.status === 'open' && room.phase !== 'lobby' && room.round > 1;
	return {
		room,
		records:
			room.reveal?.map((q) => {
				const a = byQuestion.get(q.questionId);
				return {
					questionId: q.questionId,
					agreedId: a?.agreedAnswer ?? null,
					note: a?.note ?? null,
					action: a?.action ?? null,
					actionOwner: a?.actionOwner ?? null,
					actionDue: a?.actionDue ?? null,
					actionStatus: a?.actionStatus ?? 'open',
					carriedFrom: a?.carriedFrom ?? null,
					choices: q.choices
				};
			}) ?? null,
		next: next && { id: next.id, title: itemTitle(next), description: next.description },
		mostSplit: split.map((s) => ({
			questionId: s.questionId,
			dimension: bank.dimensions.find((d) => d.id === s.dimension)?.label ?? '',
			question: bank.questions.find((q) => q.id === s.questionId)!.text,
			bandLine: `${disagreementBand(s.disagreement)}: disagreement ${percent((s.disagreement ?? 0) * 100)}`
		})),
		lines: {
			revote: reRound
				? `Re-vote: a question’s figures change only once at least ${people(k)} have changed their answer to it. A smaller change stays hidden, and the reveal says that question shows earlier figures — the same words whether no one changed or too few did.`
				: null,
			mostSplit: split.length
				? 'Most split so far, from the figures revealed:'
				: 'No question is split yet in the figures revealed.'
		},
		closing: room.status === 'open' && input.closing ? closingLines(bank, { ...input.closing, minGroupSize: k }) : null
	};
}

// ── The team result page a participant opens after close ────────────────────────────────────────────────────────

/** The team result as a participant's page shows it: about the team, never "you". */
export interface TeamPageView {
	kicker: string;
	tierLabel: string | null;
	/** "The team is in Fragmented." / why there is none. */
	headline: string;
	/** What the team's group means; null without one. */
	summary: string | null;
	/** How many took part and how the team answers were formed. */
	facts: string[];
	notCovered: string | null;
	dimensions: { label: string; score: string; covered: boolean }[];
	dimensionsCaption: string;
	/** The team's first 30 days of its plan, from the covered dimensions; null when there is none. */
	firstSteps: { heading: string; items: string[] } | null;
	privacy: string;
}

/** The participant's team result page: the team's group, its dimensions (covered or not) and its first steps. */
export function presentTeamPage(input: {
	bank: QuestionBank;
	stats: TeamStats | null;
	mode: WorkshopMode;
	minGroupSize: number;
}): TeamPageView {
	const { bank, stats, minGroupSize: k } = input;
	const privacy = `Every figure here comes from at least ${people(k)}’s answers, combined: no one’s own answers can be read from it.`;
	if (!stats)
		return {
			kicker: TEAM_LABELS.teamResult,
			tierLabel: null,
			headline: `Fewer than ${people(k)} have answers in the team result, so there is none: no one’s answers could be read from it.`,
			summary: null,
			facts: [],
			notCovered: null,
			dimensions: [],
			dimensionsCaption: TEAM_LABELS.teamScores,
			firstSteps: null,
			privacy
		};
	const tier = stats.result.tier;
	const room = roomTeam(bank, stats, k);
	const plan = isCurrent(stats.result) ? coveredPlan(bank, stats.result, uncoveredDimensions(stats)) : null;
	const first = plan?.horizons.find((h) => h.id === 'd30')?.items ?? [];
	return {
		kicker: TEAM_LABELS.teamResult,
		tierLabel: room.tierLabel,
		headline: room.headline,
		summary: tier ? GROUP_SUMMARIES[tier] : null,
		facts: [
			`${people(stats.size)} ${stats.size === 1 ? 'has' : 'have'} answers in the team result.`,
			formationSentence(stats, input.mode)
		],
		notCovered: room.notCovered,
		dimensions: room.dimensions,
		dimensionsCaption: TEAM_LABELS.teamScores,
		firstSteps: first.length
			? { heading: `The team’s ${HORIZONS[0].label.toLowerCase()}`, items: first.map((i) => i.label) }
			: null,
		privacy
	};
}
