/**
 * The facilitator dashboard's data (`$lib/workshop/types`), built from a {@link WorkshopSummary}'s team statistics
 * and the workshop's bank — labels and sentences only: every number comes from `$scoring/team-stats`, the same
 * statistics the team PDF and CSV print.
 */
import { answerText } from '$scoring/present/answer-labels';
import { findBank } from '$scoring/content/banks';
import { SURVEY_2026 } from '$scoring/content/survey';
import { surveyShareSentence, surveySource, tierDistribution } from '$scoring/present/result';
import {
	closingLines,
	dimensionNotCoveredSentence,
	formationSentence,
	teamFiguresLine,
	leftOutOfTeamLine,
	notCoveredSentence,
	teamConfidenceSentence,
	teamDimensionRows,
	uncoveredDimensions,
	type ClosingInput,
	type WorkshopMode,
	tierSpreadSentence
} from '$scoring/present/team';
import type { QuestionBank } from '$scoring/schema';
import { disagreementBand, mostSplit, type QuestionStats, type TeamStats } from '$scoring/model/team-stats';
import { METRIC_LABELS, TIER_LABELS } from '$scoring/present/labels';
import type { DashboardState, QuestionView, TeamView } from '$lib/workshop/types';
import { DASHBOARD_STREAMS, getStreamHub } from './live';
import { roomOf } from './room';
import type { WorkshopSummary } from './workshops/dto';
import { getWorkshops, type WorkshopService } from './workshops/service';

/** Questions listed as "most split" above the full list. */
export const MOST_SPLIT_SHOWN = 5;

/** The team's confidence against its practice in one dimension, in a sentence (defined in the team model). */
export { teamConfidenceSentence };

function questionView(bank: QuestionBank, s: QuestionStats): QuestionView {
	const q = bank.questions.find((x) => x.id === s.questionId)!;
	const dimension = bank.dimensions.find((d) => d.id === s.dimension);
	return {
		questionId: s.questionId,
		question: q.text,
		dimension: dimension?.label ?? '',
		answered: s.answered,
		reserved: s.reserved.map((r) => ({ label: answerText(q, r.code), count: r.count })),
		skipped: s.skipped,
		disagreement: s.disagreement,
		band: disagreementBand(s.disagreement),
		teamAnswer: s.teamAnswer === null ? null : answerText(q, s.teamAnswer),
		source: s.teamAnswerSource,
		options: s.options?.map((o) => ({ label: answerText(q, o.optionId), count: o.count, share: o.share })) ?? null
	};
}

/** The team part of the dashboard from the team statistics. */
export function teamView(bank: QuestionBank, stats: TeamStats, mode: WorkshopMode = 'self_paced'): TeamView {
	const { result } = stats;
	const label = new Map(bank.dimensions.map((d) => [d.id, d.label]));
	const split = mostSplit(stats);
	const rest = stats.questions.filter((q) => !split.includes(q));
	return {
		size: stats.size,
		tier: result.tier,
		tierLabel: result.tier ? TIER_LABELS[result.tier] : null,
		control: result.control,
		figuresLine: teamFiguresLine(bank, stats, mode),
		coverage: result.coverage,
		formed: formationSentence(stats, mode),
		agreed: stats.formed.agreed,
		median: stats.formed.median,
		dimensions: teamDimensionRows(bank, stats),
		notCovered: notCoveredSentence(bank, uncoveredDimensions(stats), stats.minGroupSize),
		survey: {
			distribution: tierDistribution(SURVEY_2026, result.tier),
			sentence: result.tier ? surveyShareSentence(SURVEY_2026, result.tier) : null,
			source: surveySource(SURVEY_2026)
		},
		confidence: stats.dimensions.map((d) => {
			const name = label.get(d.dimension) ?? d.dimension;
			return {
				...d,
				label: name,
				sentence: d.covered ? teamConfidenceSentence(d, name) : dimensionNotCoveredSentence(name, stats.minGroupSize)
			};
		}),
		tierCounts: (stats.tiers ?? []).map((t) => ({
			tier: t.tier,
			label: t.tier === 'unplaced' ? METRIC_LABELS.notPlacedTooFew : TIER_LABELS[t.tier],
			count: t.count
		})),
		tierCountsWithheld: stats.tiers ? null : tierSpreadSentence(stats),
		mostSplit: split.slice(0, MOST_SPLIT_SHOWN).map((s) => questionView(bank, s)),
		// Most split first; then those everyone agreed on, then the suppressed ones, each in bank order.
		questions: [
			...split,
			...rest.filter((q) => q.disagreement !== null),
			...rest.filter((q) => q.disagreement === null)
		].map((s) => questionView(bank, s)),
		bank: stats.bank,
		version: stats.version
	};
}

/** The whole dashboard state from a summary and, while open, what closing now would leave (`closingPreview`). */
export function dashboardState(summary: WorkshopSummary, closing: ClosingInput | null = null): DashboardState {
	const { workshop } = summary;
	const bank = findBank(workshop.bank, workshop.version);
	const k = workshop.minGroupSize;
	const visible = summary.released >= k;
	const room = workshop.mode === 'facilitated' && bank ? roomOf(summary) : null;
	return {
		status: workshop.status,
		mode: workshop.mode,
		facilitation: room && {
			phase: workshop.phase,
			item: room.item?.title ?? null,
			round: workshop.round,
			voted: summary.voted,
			line: `${room.lines.heading}. ${room.lines.presenter}`,
			privacy: room.lines.privacy
		},
		joined: summary.joined,
		submitted: summary.submitted,
		pending: summary.pending,
		released: summary.released,
		needed: visible ? Math.max(0, k - summary.pending) : Math.max(0, k - summary.submitted),
		// A closed self-paced workshop keeps the late responses out of the team result (release.ts, rule 3).
		leftOut:
			workshop.status === 'closed' && workshop.mode === 'self_paced' && visible && summary.pending > 0
				? leftOutOfTeamLine(summary.pending, k)
				: null,
		minGroupSize: k,
		expectedGroupSize: workshop.expectedGroupSize,
		cap: workshop.cap,
		dataVersion: summary.dataVersion,
		team: summary.stats && bank ? teamView(bank, summary.stats, workshop.mode) : null,
		lenses: summary.lenses,
		closing: workshop.status === 'open' && closing && bank ? closingLines(bank, { ...closing, minGroupSize: k }) : null
	};
}

/** The dashboard state of workshop `id`. Callers check that the request is the facilitator's. */
export async function dashboardStateOf(service: WorkshopService, id: string): Promise<DashboardState> {
	const summary = await service.summary(id);
	return dashboardState(summary, summary.workshop.status === 'open' ? await service.closingPreview(id) : null);
}

/** The dashboard streams (`event: summary`): built like the room’s (`roomHub` in room.ts): one state per change. */
export function dashboardHub() {
	return getStreamHub('dashboard', {
		event: 'summary',
		compute: async (id) => dashboardStateOf(await getWorkshops(), id),
		limits: DASHBOARD_STREAMS
	});
}
