/**
 * The team CSV: the workshop's team statistics ({@link TeamStats}) as one table of figures and counts — the same
 * numbers the dashboard and the team PDF show, and nothing more. It holds no row per person: a person's full set of
 * answers, even without a name and in shuffled order, is recognisable to anyone who knows a few of them (forty
 * questions make every set unique), and two exports would show what one person changed. Formula-safe cells
 * (`safeCell`), UTF-8 with BOM, CRLF.
 */
import { answerText } from '../present/answer-labels';
import { writeCsv } from './csv-table';
import type { QuestionBank } from '../schema';
import { METRIC_LABELS, TIER_LABELS } from '../present/labels';
import { foundationsCovered } from '../present/team';

import type { TeamStats } from '../model/team-stats';
import { isoDate } from '../present/format';
import type { TeamLensSection } from '../present/lens';
import { lensAnswerKey } from '../lens/answer-key';
import { recordsInReviewOrder, TEAM_LABELS, type Agreement, type PreviousSession } from '../present/team';

/** The columns, in order. */
export const TEAM_CSV_COLUMNS = [
	'section',
	'bank_id',
	'bank_version',
	'responses',
	'dimension',
	'question_id',
	'question_text',
	'answer_id',
	'answer_label',
	'metric',
	'metric_label',
	'value'
] as const;

type Column = (typeof TEAM_CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string | number>>;

/** A number as exported: at most one decimal; an empty cell when there is none. */
const num = (value: number | null): string | number => (value === null ? '' : Math.round(value * 10) / 10);

/** What the team CSV carries besides the figures: the agreed actions, and the session a follow-up started from. */
export interface TeamCsvRecords {
	agreements?: readonly Agreement[];
	previous?: PreviousSession | null;
	/** The workshop's lenses: their findings from the team's released answers, or why there are none. */
	lenses?: readonly TeamLensSection[];
	/** Submitted responses not in these figures (they came after the last release); no row when undefined. */
	leftOut?: number;
}

/**
 * Writes the team CSV. Sections, in order: `team` (responses, tier, index, agreed answers, coverage), `dimension`
 * (whether it is covered and by how many, team score, team confidence and practice, confidence gap, respondents,
 * spread — all empty for a dimension not covered), `tier` (individuals per tier), `question`
 * (answered, disagreement 0–100, team answer and how it was formed — `agreed` or `median`; `answers_suppressed`
 * when fewer than the minimum chose an option),
 * `answer` (how many chose each option, each reserved answer such as N/A, or skipped), `action` (each agreed action
 * with its owner, due date and status; carried ones first), for a follow-up `previous` (the earlier session's
 * team result) and, per lens the workshop uses, `lens`, `lens_question` and `lens_next_step` rows (`lensRows`).
 * See docs/formats.md.
 */
export function teamStatsToCsv(bank: QuestionBank, stats: TeamStats, records: TeamCsvRecords = {}): string {
	const rows: Row[] = [];
	const dimensionLabel = new Map(bank.dimensions.map((d) => [d.id, d.label]));
	const questions = new Map(bank.questions.map((q) => [q.id, q]));
	const { result } = stats;

	rows.push(
		{ section: 'team', metric: 'responses', metric_label: 'Responses in these figures', value: stats.size },
		...(records.leftOut === undefined
			? []
			: [
					{
						section: 'team',
						metric: 'left_out',
						metric_label: 'Responses submitted after the figures last changed, not in them',
						value: records.leftOut
					}
				]),
		{
			section: 'team',
			metric: 'tier',
			metric_label: 'Team tier (from the team answers)',
			value: result.tier ? TIER_LABELS[result.tier] : METRIC_LABELS.notPlacedTooFew
		},
		{
			section: 'team',
			metric: 'control',
			metric_label: 'Team foundations, 0–100 (empty when a dimension they rest on is not covered)',
			value: num(foundationsCovered(bank, stats) ? result.control : null)
		},
		{
			section: 'team',
			metric: 'agreed_answers',
			metric_label: 'Team answers agreed in discussion (the rest are medians of the answers)',
			value: stats.formed.agreed
		},
		{
			section: 'team',
			metric: 'coverage',
			metric_label: 'Practice questions with a team answer, %',
			value: num(result.coverage * 100)
		}
	);
	for (const d of stats.dimensions) {
		const base = { section: 'dimension', dimension: d.dimension } as const;
		const label = dimensionLabel.get(d.dimension) ?? d.dimension;
		rows.push(
			{
				...base,
				metric: 'covered',
				metric_label: `${label}: covered — at least ${stats.minGroupSize} people answered it (no: no figure and no team answer)`,
				value: d.covered ? 'yes' : 'no'
			},
			{
				...base,
				metric: 'answered_by',
				metric_label: `${label}: people who answered at least one of its questions`,
				value: d.answeredBy
			},
			{ ...base, metric: 'team_score', metric_label: `${label}: team score, 0–100`, value: num(d.score) },
			{
				...base,
				metric: 'team_confidence',
				metric_label: `${label}: team confidence, 0–100`,
				value: num(d.confidence)
			},
			{ ...base, metric: 'team_practice', metric_label: `${label}: team practice, 0–100`, value: num(d.practice) },
			{
				...base,
				metric: 'confidence_gap',
				metric_label: `${label}: team confidence minus team practice, points`,
				value: num(d.gap)
			},
			{
				...base,
				metric: 'respondents',
				metric_label: `${label}: people with a score in this dimension`,
				value: d.respondents
			},
			{
				...base,
				metric: 'spread',
				metric_label: `${label}: standard deviation of individual scores, points`,
				value: num(d.spread)
			}
		);
	}
	// Withheld when a group holds fewer than the minimum group size (TeamStats.tiers).
	for (const t of stats.tiers ?? [])
		rows.push({
			section: 'tier',
			answer_id: t.tier,
			answer_label: t.tier === 'unplaced' ? METRIC_LABELS.notPlacedTooFew : TIER_LABELS[t.tier],
			metric: 'individuals',
			metric_label: 'People whose own answers place them here',
			value: t.count
		});
	for (const s of stats.questions) {
		const question = questions.get(s.questionId)!;
		const base = {
			dimension: s.dimension ?? '',
			question_id: s.questionId,
			question_text: question.text
		};
		rows.push(
			{
				...base,
				section: 'question',
				metric: 'answered',
				metric_label: 'People who chose an option',
				value: s.answered
			},
			{
				...base,
				section: 'question',
				metric: 'disagreement',
				metric_label: 'Disagreement, 0 (same answer) to 100 (split between the ends)',
				value: num(s.disagreement === null ? null : s.disagreement * 100)
			},
			{
				...base,
				section: 'question',
				answer_id: s.teamAnswer ?? '',
				answer_label: s.teamAnswer === null ? 'No team answer' : answerText(question, s.teamAnswer),
				metric: 'team_answer',
				metric_label: 'Team answer; value: how it was formed (agreed in discussion, or the median of the answers)',
				value: s.teamAnswerSource ?? ''
			}
		);
		if (s.options === null)
			rows.push({
				...base,
				section: 'question',
				metric: 'answers_suppressed',
				metric_label: `Fewer than ${stats.minGroupSize} people chose an option: their answers are not shown`
			});
		else
			for (const o of s.options)
				rows.push({
					...base,
					section: 'answer',
					answer_id: o.optionId,
					answer_label: answerText(question, o.optionId),
					metric: 'count',
					metric_label: 'People who chose this',
					value: o.count
				});
		for (const r of s.reserved)
			rows.push({
				...base,
				section: 'answer',
				answer_id: r.code,
				answer_label: answerText(question, r.code),
				metric: 'count',
				metric_label: 'People who gave this answer',
				value: r.count
			});
		rows.push({
			...base,
			section: 'answer',
			answer_label: answerText(question, undefined),
			metric: 'count',
			metric_label: 'People who skipped the question',
			value: s.skipped
		});
	}
	const actions = recordsInReviewOrder(
		bank,
		(records.agreements ?? []).filter((a) => a.action)
	);
	for (const a of actions) {
		const question = questions.get(a.questionId)!;
		const base = {
			section: 'action',
			dimension: question.dimension ?? '',
			question_id: a.questionId,
			question_text: question.text
		} as const;
		rows.push(
			{ ...base, metric: 'action', metric_label: 'The agreed action', value: a.action! },
			{ ...base, metric: 'owner', metric_label: 'Its owner: a role or a name', value: a.actionOwner ?? '' },
			{ ...base, metric: 'due', metric_label: 'When it is due (YYYY-MM-DD)', value: a.actionDue ?? '' },
			{
				...base,
				answer_id: a.actionStatus,
				answer_label: TEAM_LABELS.actionStatuses[a.actionStatus],
				metric: 'status',
				metric_label: 'Where it stands: open, done or dropped',
				value: a.actionStatus
			},
			{
				...base,
				metric: 'carried_from',
				metric_label: 'Carried from the session of this date (empty: agreed in this session)',
				value: a.carriedFrom ?? ''
			}
		);
	}
	const previous = records.previous;
	if (previous) rows.push(...previousRows(previous));
	for (const lens of records.lenses ?? []) rows.push(...lensRows(lens));
	return writeCsv([
		TEAM_CSV_COLUMNS,
		...rows.map((row) =>
			TEAM_CSV_COLUMNS.map((c) =>
				c === 'bank_id'
					? stats.bank
					: c === 'bank_version'
						? stats.version
						: c === 'responses'
							? stats.size
							: (row[c] ?? '')
			)
		)
	]);
}

/**
 * A lens's rows: `lens` (its id@version and title; why there are no findings, when there are none), then per
 * question a `lens_question` row — the team answer (from the released answers) and the risk it is marked with — and
 * a `lens_next_step` row for each next step. Question ids are `<lens id>:<question id>`.
 */
function lensRows(lens: TeamLensSection): Row[] {
	const rows: Row[] = [
		{
			section: 'lens',
			question_id: lens.id,
			question_text: lens.title ?? '',
			metric: 'lens',
			metric_label: 'Lens and version the workshop pinned',
			value: `${lens.id}@${lens.version}`
		}
	];
	if (lens.note !== null)
		rows.push({
			section: 'lens',
			question_id: lens.id,
			metric: 'lens_no_findings',
			metric_label: 'Why this lens has no findings',
			value: lens.note
		});
	const view = lens.view;
	if (!view) return rows;
	const items = [...view.high, ...view.medium, ...view.clear];
	for (const item of items)
		rows.push({
			section: 'lens_question',
			dimension: item.section,
			question_id: lensAnswerKey(lens.id, item.questionId),
			question_text: item.question,
			answer_id: item.answerId ?? '',
			answer_label: item.answer,
			metric: 'lens_risk',
			metric_label: item.because ?? 'No risk marked',
			value: item.risk ?? ''
		});
	for (const item of items)
		if (item.step)
			rows.push({
				section: 'lens_next_step',
				question_id: lensAnswerKey(lens.id, item.questionId),
				question_text: item.question,
				metric: 'lens_next_step',
				metric_label: item.step.title,
				value: item.step.action
			});
	return rows;
}

/** The `previous` section: the session a follow-up started from — when, how many, its group, foundations, dimensions. */
function previousRows(previous: PreviousSession): Row[] {
	const base = { section: 'previous' } as const;
	const rows: Row[] = [
		{ ...base, metric: 'session_date', metric_label: 'The last session’s date', value: isoDate(previous.date) },
		{ ...base, metric: 'session_title', metric_label: 'The last session’s title', value: previous.title },
		{
			...base,
			metric: 'responses',
			metric_label: 'Responses in the last session’s figures',
			value: previous.stats?.size ?? ''
		}
	];
	const stats = previous.stats;
	if (!stats) return rows;
	const labels = new Map(previous.bank.dimensions.map((d) => [d.id, d.label]));
	rows.push(
		{
			...base,
			metric: 'tier',
			metric_label: 'The last session’s team tier',
			value: stats.result.tier ? TIER_LABELS[stats.result.tier] : METRIC_LABELS.notPlacedTooFew
		},
		{
			...base,
			metric: 'control',
			metric_label: 'The last session’s team foundations, 0–100',
			value: num(stats.result.control)
		},
		...stats.dimensions.map((d) => ({
			...base,
			dimension: d.dimension,
			metric: 'team_score',
			metric_label: `${labels.get(d.dimension) ?? d.dimension}: the last session’s team score, 0–100`,
			value: num(d.score)
		}))
	);
	return rows;
}
