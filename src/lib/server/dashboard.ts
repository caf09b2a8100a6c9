/**
 * What the facilitator dashboard shows, as plain data: built on the server from a {@link WorkshopSummary} and
 * the workshop's bank, sent as page data and again over SSE on every change.
 */
import type { TeamAggregate } from '$scoring/aggregate';
import { findBank } from '$scoring/bank';
import { SURVEY_2026 } from '$scoring/benchmark';
import {
	dimensionRows,
	surveyPosition,
	surveySource,
	tierDistribution,
	type DimensionRow,
	type DistributionRow
} from '$scoring/explain';
import { percent, points, signedPoints } from '$scoring/format';
import { NOT_APPLICABLE, TIER_IDS, type QuestionBank, type TierId } from '$scoring/schema';
import { TIER_LABELS } from '$scoring/tiers';
import type { WorkshopSummary } from './workshops';

export interface HeatmapRow {
	questionId: string;
	question: string;
	dimension: string;
	answered: number;
	notApplicable: number;
	/** 0–1, see `QuestionSpread.disagreement`. */
	disagreement: number | null;
	modalShare: number | null;
	/** The consensus answer's label. */
	consensus: string | null;
	/** One cell per option, lowest-scoring first. */
	cells: { label: string; count: number; share: number }[];
}

export interface TeamView {
	size: number;
	tier: TierId | null;
	tierLabel: string | null;
	index: number | null;
	coverage: number;
	/** The team result's dimension scores: the radar and its table. */
	dimensions: DimensionRow[];
	/** The survey's tier distribution with the team's tier marked, and the sentence that places it. */
	survey: { distribution: DistributionRow[]; sentence: string | null; source: string };
	/** Practice and confidence questions, most disagreement first. */
	heatmap: HeatmapRow[];
	confidence: (TeamAggregate['confidenceGaps'][number] & { label: string; sentence: string })[];
	tierCounts: { tier: TierId | 'unplaced'; label: string; count: number }[];
	/** The consensus answers, for the team PDF and the team result link. */
	consensus: TeamAggregate['consensus'];
	bank: string;
	version: string;
}

export interface DashboardState {
	status: 'open' | 'closed';
	joined: number;
	submitted: number;
	minGroupSize: number;
	/** Null below the minimum group size. */
	team: TeamView | null;
}

function labels(bank: QuestionBank) {
	const dimensions = new Map(bank.dimensions.map((d) => [d.id, d]));
	const questions = new Map(bank.questions.map((q) => [q.id, q]));
	return { dimensions, questions };
}

/** The team's confidence against its practice in one dimension, in a sentence computed from the aggregate. */
export function teamConfidenceSentence(gap: TeamAggregate['confidenceGaps'][number], label: string): string {
	const name = label.toLowerCase();
	if (gap.respondents === 0 || gap.meanGap === null || gap.meanConfidence === null || gap.meanPractice === null)
		return `Nobody both rated their confidence in ${name} and answered enough of its practice questions to compare.`;
	const over = Math.round((gap.overconfidentShare ?? 0) * gap.respondents);
	const mean = `mean confidence ${points(gap.meanConfidence)} against practice ${points(gap.meanPractice)}, gap ${signedPoints(gap.meanGap)}`;
	if (over === 0) return `In ${name}, nobody’s confidence runs ahead of their practice (${mean}).`;
	return `In ${name}, ${over} of ${gap.respondents} (${percent((over / gap.respondents) * 100)}) rate their confidence above what their practice shows (${mean}).`;
}

/** The team part of the dashboard from an aggregate. */
export function teamView(bank: QuestionBank, team: TeamAggregate): TeamView {
	const { dimensions, questions } = labels(bank);
	const { result } = team;
	return {
		size: team.size,
		tier: result.tier,
		tierLabel: result.tier ? TIER_LABELS[result.tier] : null,
		index: result.index,
		coverage: result.coverage,
		dimensions: dimensionRows(bank, result),
		survey: {
			distribution: tierDistribution(SURVEY_2026, result.tier),
			sentence: result.tier ? surveyPosition(SURVEY_2026, result.tier).sentence : null,
			source: surveySource(SURVEY_2026)
		},
		heatmap: team.spread
			.map((s) => {
				const q = questions.get(s.questionId)!;
				const optionLabel = new Map(q.options.map((o) => [o.id, o.label]));
				return {
					questionId: s.questionId,
					question: q.text,
					dimension: (q.dimension && dimensions.get(q.dimension)?.label) || '',
					answered: s.answered,
					notApplicable: s.notApplicable,
					disagreement: s.disagreement,
					modalShare: s.modalShare,
					consensus:
						s.consensus === null
							? null
							: s.consensus === NOT_APPLICABLE
								? 'Not applicable / don’t know'
								: (optionLabel.get(s.consensus) ?? s.consensus),
					cells: [...q.options]
						.sort((a, b) => a.score - b.score)
						.map((o) => {
							const c = s.counts.find((x) => x.optionId === o.id);
							return { label: o.label, count: c?.count ?? 0, share: c?.share ?? 0 };
						})
				};
			})
			.sort((a, b) => (b.disagreement ?? -1) - (a.disagreement ?? -1)),
		confidence: team.confidenceGaps.map((g) => {
			const label = dimensions.get(g.dimension)?.label ?? g.dimension;
			return { ...g, label, sentence: teamConfidenceSentence(g, label) };
		}),
		tierCounts: [...TIER_IDS, 'unplaced' as const].toReversed().map((tier) => ({
			tier,
			label: tier === 'unplaced' ? 'Too few answers to place' : TIER_LABELS[tier],
			count: team.tierCounts[tier]
		})),
		consensus: team.consensus,
		bank: team.bank,
		version: team.version
	};
}

/** The whole dashboard state from a summary. */
export function dashboardState(summary: WorkshopSummary): DashboardState {
	const bank = findBank(summary.workshop.bank, summary.workshop.version);
	return {
		status: summary.workshop.status,
		joined: summary.joined,
		submitted: summary.submitted,
		minGroupSize: summary.workshop.minGroupSize,
		team: summary.aggregate && bank ? teamView(bank, summary.aggregate) : null
	};
}
