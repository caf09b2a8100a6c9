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
import { isoDate, percent, points, signedPoints } from './format';
import {
	dimensionRows,
	HORIZONS,
	planOf,
	presentResult,
	surveyShareSentence,
	surveySource,
	tierDistribution,
	type DimensionRow,
	type DistributionRow,
	type GapLine,
	type ResultView
} from './result';
import { RESULT_LABELS } from './result-labels';
import { isCurrent } from '../model';
import {
	revealPrivacyLine,
	TEAM_LABELS,
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

export * from './team-labels';

/** One item a facilitated workshop votes on: a dimension with its questions (evidence first, then confidence). */
export interface FacilitationItem {
	id: DimensionId;
	title: string;
	description: string;
	questionIds: string[];
}

/** The items of a facilitated workshop, in the questionnaire's order. Profile questions are never voted on. */
export function facilitationItems(bank: QuestionBank): FacilitationItem[] {
	return bank.dimensions.map((d) => {
		const inDimension = bank.questions.filter((q) => q.dimension === d.id && q.kind !== 'profile');
		return {
			id: d.id,
			title: d.label,
			description: d.description,
			questionIds: [
				...inDimension.filter((q) => q.kind !== 'confidence'),
				...inDimension.filter((q) => q.kind === 'confidence')
			].map((q) => q.id)
		};
	});
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
/** A label inside a sentence: "Governance maturity" → "governance maturity", "AI integration depth" kept. */
const inSentence = (label: string) => (/^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);
const votes = (n: number) => (n === 1 ? '1 vote' : `${n} votes`);

/** How the team answers were formed, in a sentence. */
export function formationSentence(stats: Pick<TeamStats, 'formed'>, mode: WorkshopMode = 'facilitated'): string {
	const { agreed, median } = stats.formed;
	if (agreed === 0)
		return mode === 'self_paced'
			? 'Each question’s team answer is the option nearest the median of the team’s answers.'
			: `No team answer has been agreed yet: all ${median} team answers are the option nearest the median of the team’s answers.`;
	const agreedPart =
		agreed === 1 ? '1 team answer was agreed in discussion' : `${agreed} team answers were agreed in discussion`;
	const medianPart =
		median === 0
			? 'none comes from the median alone'
			: `${median === 1 ? 'the 1 other is' : `the ${median} others are`} the option nearest the median of the team’s answers`;
	return `${agreedPart}; ${medianPart}.`;
}

/** The team's confidence against its practice in one dimension, in a sentence (both from the team answers). */
export function teamConfidenceSentence(
	d: { confidence: number | null; practice: number | null; gap: number | null; overconfident: boolean },
	label: string
): string {
	const name = inSentence(label);
	if (d.gap === null || d.confidence === null || d.practice === null)
		return `In ${name}, there is no team answer to compare: too few rated their confidence or answered its practice questions.`;
	const figures = `confidence ${points(d.confidence)} against practice ${points(d.practice)}, gap ${signedPoints(d.gap)}`;
	if (d.overconfident) return `In ${name}, the team’s confidence runs well ahead of its practice (${figures}).`;
	if (d.gap > 0) return `In ${name}, the team’s confidence is a little above its practice (${figures}).`;
	return `In ${name}, the team’s confidence does not exceed its practice (${figures}).`;
}

/** "By their own answers: 2 Pioneer, 1 Exposed." — individuals per tier (only tiers someone is in). */
export function tierSpreadSentence(stats: Pick<TeamStats, 'tiers'>): string {
	const placed = stats.tiers.filter((t) => t.count > 0);
	return `By their own answers: ${placed
		.map(
			(t) => `${t.count} ${t.tier === 'unplaced' ? METRIC_LABELS.notPlacedTooFew.toLowerCase() : TIER_LABELS[t.tier]}`
		)
		.join(', ')}.`;
}

// ── The room: presenter view and phones ─────────────────────────────────────────────────────────────────────────

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
	/** 1-based within the item. */
	number: number;
	answered: number;
	skipped: number;
	/** Every option, lowest score first; null when fewer than the minimum group size chose one (suppressed). */
	options: RevealOption[] | null;
	reserved: { label: string; count: number }[];
	disagreement: number | null;
	band: string;
	/** "Split: disagreement 67 %". */
	bandLine: string;
	/** Shown instead of the options when they are suppressed. */
	suppressed: string | null;
	/** The team answer from the answers alone (median), as a label; null when there is none. */
	median: string | null;
	/** The agreed team answer's label, and its id (for the facilitator's form); null when none was agreed. */
	agreed: string | null;
	agreedId: string | null;
	/** What the team may agree on (options, then reserved answers). */
	choices: { id: string; label: string }[];
}

/** The team result as the room sees it once the workshop is closed. */
export interface RoomTeam {
	tierLabel: string | null;
	/** "The team is in Fragmented." / why there is none. */
	headline: string;
	/** How the team answers were formed. */
	formed: string | null;
	/** The team answers as an answer code, for the result page; null when there is no team result. */
	code: string | null;
	dimensions: { label: string; score: string }[];
}

/**
 * What the presenter view and every phone of a facilitated workshop show, the same for all of them. It carries the
 * agreed answers but nothing else the facilitator records: no note, no action, owner, due date or status.
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
		questionIds: string[];
	} | null;
	/** The item after the current one (the presenter's "Next dimension"); null at the last. */
	next: { id: string; title: string } | null;
	/** Every item, for the presenter's list. */
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
	/** The revealed item's questions; null unless the phase is `revealed`. */
	reveal: RevealQuestion[] | null;
	/** The team result, once the workshop is closed. */
	team: RoomTeam | null;
	/** Changes exactly when the figures or the agreements can have changed. */
	dataVersion: number;
	/** The sentences: a heading, what the phone asks of the participant, what the presenter says, and privacy. */
	lines: { heading: string; phone: string; presenter: string; votes: string; privacy: string };
	/** The running timer of the open vote or the discussion, or null. */
	timer: RoomTimer | null;
}

/** A running timer, as the presenter view and every phone count it down. */
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
}

function revealQuestion(
	bank: QuestionBank,
	questionId: string,
	number: number,
	stats: TeamStats | null,
	agreement: Agreement | undefined,
	minGroupSize: number
): RevealQuestion {
	const question = bank.questions.find((q) => q.id === questionId)!;
	const s: QuestionStats | undefined = stats?.questions.find((q) => q.questionId === questionId);
	const agreedId = agreement?.agreedAnswer ?? null;
	const disagreement = s?.disagreement ?? null;
	return {
		questionId,
		question: question.text,
		number,
		answered: s?.answered ?? 0,
		skipped: s?.skipped ?? 0,
		options:
			s?.options?.map((o) => ({ label: answerText(question, o.optionId), count: o.count, share: o.share })) ?? null,
		reserved: s?.reserved.map((r) => ({ label: answerText(question, r.code), count: r.count })) ?? [],
		disagreement,
		band: disagreementBand(disagreement),
		bandLine:
			disagreement === null
				? disagreementBand(null)
				: `${disagreementBand(disagreement)}: disagreement ${percent(disagreement * 100)}`,
		suppressed: s?.options
			? null
			: stats
				? `Fewer than ${minGroupSize} people chose an option here, so their answers are not shown.`
				: `The votes are shown once at least ${minGroupSize} answers to a question are in.`,
		median: s?.medianAnswer ? answerText(question, s.medianAnswer) : null,
		agreed: agreedId ? answerText(question, agreedId) : null,
		agreedId,
		choices: agreeableAnswers(bank, question)
	};
}

function roomTeam(bank: QuestionBank, stats: TeamStats | null, minGroupSize: number): RoomTeam {
	if (!stats)
		return {
			tierLabel: null,
			headline: `Fewer than ${minGroupSize} people’s votes were revealed, so there is no team result: no one’s answers can be read from it.`,
			formed: null,
			code: null,
			dimensions: []
		};
	const tier = stats.result.tier;
	return {
		tierLabel: tier ? TIER_LABELS[tier] : null,
		headline: tier ? `The team is in ${TIER_LABELS[tier]}.` : 'Too few team answers to place the team in a group.',
		formed: formationSentence(stats),
		code: encodeAnswerCode(bank, stats.teamAnswers),
		dimensions: dimensionRows(bank, stats.result).map((d) => ({
			label: d.higherIsWorse ? `${d.label} (lower is better)` : d.label,
			score: points(d.score)
		}))
	};
}

/** The room state of a workshop: what its presenter view and every phone show. */
export function presentRoom(input: RoomInput): RoomState {
	const { bank, phase, status, minGroupSize: k, stats } = input;
	const items = facilitationItems(bank);
	const at = items.findIndex((i) => i.id === input.item);
	const item = at >= 0 ? items[at]! : null;
	const next = at >= 0 ? (items[at + 1] ?? null) : (items[0] ?? null);
	const byQuestion = new Map(input.agreements.map((a) => [a.questionId, a]));
	const closed = status === 'closed';
	const voting = !closed && phase === 'voting' && item !== null;
	const revealed = !closed && phase === 'revealed' && item !== null;
	const title = item?.title ?? '';
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
					? 'The combined votes are on the screen. Discuss them; the facilitator records the answer the team agrees, or opens a re-vote.'
					: 'The facilitator will open the first vote. Keep this page open: it follows the facilitator by itself.',
		presenter: closed
			? 'The workshop is closed: every phone now shows the team result.'
			: voting
				? input.voted >= k
					? 'Reveal the votes when the room is done.'
					: `The votes can be revealed once ${people(k)} have voted.`
				: revealed
					? 'Discuss the most split question first. Record the answer the team agrees, or open a re-vote.'
					: 'Ask everyone to join on their phone, then open the first vote.',
		votes: voting
			? `${votes(input.voted)} of ${input.joined} joined`
			: `${input.joined === 1 ? '1 person has' : `${input.joined} people have`} joined`,
		privacy: revealPrivacyLine(k)
	};
	return {
		mode: input.mode,
		status,
		phase,
		item: item ? { ...item, position: at + 1, count: items.length, questionIds: item.questionIds } : null,
		next: next ? { id: next.id, title: next.title } : null,
		items: items.map((i) => ({ id: i.id, title: i.title })),
		round: input.round,
		voteSeq: input.voteSeq,
		joined: input.joined,
		voted: input.voted,
		minGroupSize: k,
		canReveal: voting && input.voted >= k,
		reveal: revealed
			? item!.questionIds.map((id, i) => revealQuestion(bank, id, i + 1, stats, byQuestion.get(id), k))
			: null,
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
	const move = (label: string, from: number | null, to: number | null, change: number | null) =>
		`${label} ${points(from)} → ${points(to)} (${signedPoints(change)})`;
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
	dimensions: (DimensionRow & { spread: string; respondents: number; scoreText: string })[];
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
	return gaps.map((g) => {
		const s = stats.questions.find((x) => x.questionId === g.questionId);
		return {
			questionId: g.questionId,
			kind: g.kind,
			sentence: g.sentence,
			basis: s ? teamAnswerBasis(bank, s) : ''
		};
	});
}

/** “team answers to 8 of 9 questions” — what a dimension's score rests on. */
const restsOn = (r: Pick<DimensionRow, 'answered' | 'total'>) =>
	`team answers to ${r.answered} of ${r.total} ${r.total === 1 ? 'question' : 'questions'}`;

/** The team report's content from the team statistics and what the facilitator recorded. */
export function presentTeamReport(input: TeamReportInput): TeamReportView {
	const { bank, stats, agreements } = input;
	const benchmark = input.benchmark ?? SURVEY_2026;
	const { result } = stats;
	const tier = result.tier;
	const profile = tier ? benchmark.tiers.find((t) => t.id === tier) : undefined;
	const dimensionName = new Map(bank.dimensions.map((d) => [d.id, d.label]));
	const rows = dimensionRows(bank, result);
	const split = mostSplit(stats, REPORT_SPLIT_QUESTIONS);
	const plan: ResultView['plan'] = isCurrent(result)
		? planOf(bank, result)
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
			sentence: teamConfidenceSentence(d, label),
			overconfident: d.overconfident
		};
	});

	// Executive summary: the verdict, strongest and weakest, confidence, disagreement, how it was formed, first steps.
	const summary: string[] = [];
	const scoredQuestions = stats.questions.filter((q) => q.kind !== 'confidence');
	const withAnswer = scoredQuestions.filter((q) => q.teamAnswer !== null).length;
	summary.push(
		tier
			? `${people(stats.size)} took part. Their team answers to ${withAnswer} of the ${scoredQuestions.length} scored questions place the team in ${TIER_LABELS[tier]} (${METRIC_LABELS.control.toLowerCase()} ${points(result.control)} of 100). ${profile?.summary ?? ''}`.trim()
			: `${people(stats.size)} took part. Too few questions have a team answer to place the team in a group.`
	);
	// Strongest and weakest among the dimensions that measure practice (AI integration depth is context, not a goal).
	const context = new Set(
		bank.dimensions
			.filter((d) => bank.questions.every((q) => q.dimension !== d.id || q.kind === 'use' || q.kind === 'confidence'))
			.map((d) => d.id)
	);
	const scored = rows.filter((r) => r.score !== null && !context.has(r.dimension) && !r.higherIsWorse);
	if (scored.length >= 2) {
		const sorted = [...scored].sort((a, b) => b.score! - a.score!);
		const say = (r: DimensionRow) => `${inSentence(r.label)} (${points(r.score)} of 100, from ${restsOn(r)})`;
		summary.push(
			`Of the ${scored.length} dimensions that measure practice, the highest team score is in ${say(sorted[0]!)}; the lowest is in ${say(sorted.at(-1)!)}.`
		);
	}
	for (const r of rows.filter((x) => x.higherIsWorse && x.score !== null))
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
			tierSummary: profile?.summary ?? 'Too few questions have a team answer to place the team in a group.',
			facts: [
				['Participants', `${people(stats.size)} in these figures`],
				[`Team ${METRIC_LABELS.control.toLowerCase()}`, `${points(result.control)} of 100`],
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
				empty: items.length ? null : 'The team answers show no critical gap, severe finding or weak guard.'
			};
		})(),
		scoresNote: `Team index ${points(result.control)} of 100. Scores run from 0 to 100; spread is how far individuals’ own scores lie from each other (standard deviation).`,
		formed: { sentence: formationSentence(stats, input.mode), rows: formedRows },
		dimensions: rows.map((r) => {
			const d = stats.dimensions.find((x) => x.dimension === r.dimension)!;
			return {
				...r,
				scoreText: points(r.score),
				spread: d.spread === null ? '—' : `±${points(d.spread)}`,
				respondents: d.respondents
			};
		}),
		index: points(result.control),
		survey: {
			distribution: tierDistribution(benchmark, tier),
			sentence: tier ? surveyShareSentence(benchmark, tier) : null,
			source: surveySource(benchmark)
		},
		confidence,
		tierSpread: {
			rows: stats.tiers.map((t) => ({
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
			'Each question’s team answer is the answer the team agreed in discussion where one was recorded, else the option nearest the median of the team’s answers (where fewer than the minimum group size chose an option, the most frequent “don’t know”). The team result is those answers scored like one person’s.',
			`The figures come from ${people(stats.size)}. No figure is shown about fewer than ${k} people, and the figures change only in batches of at least ${k} new or changed answers, so no one’s answers can be read from them.`,
			'The 30 / 60 / 90-day plan is the next step for each team answer below the strongest level, critical gaps first.',
			`Question bank ${bank.id} version ${bank.version}. Every weight, rule, cut-off and the norming against the survey are published at ${input.methodologyUrl}.`
		],
		footer: `Team report · question bank ${bank.id} version ${bank.version} · ${isoDate(input.generatedAt)}`,
		labels: TEAM_LABELS,
		words: TEAM_REPORT_WORDS
	};
}
