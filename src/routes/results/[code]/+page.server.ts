import { error } from '@sveltejs/kit';
import { SURVEY_2026 } from '$scoring/benchmark';
import { CURRENT_BANK } from '$scoring/bank';
import { encodeAnswerCode } from '$scoring/answer-code';
import { carryAnswers } from '$scoring/migrate';
import {
	answerLabel,
	borderlineNote,
	confidenceGapSentence,
	coverageSentence,
	criticalGapLines,
	liftContextNote,
	provisionalNote,
	readinessNote,
	retiredBankNote,
	dimensionLabel,
	dimensionRows,
	liftHeading,
	liftSteps,
	questionText,
	surveyPosition,
	surveySource,
	tierDistribution,
	tierExplanation,
	tierHeadline
} from '$scoring/explain';
import { ResultCodeError, scoreAnswerCode } from '$lib/server/result-code';
import { TIER_LABELS } from '$scoring/tiers';
import type { PageServerLoad } from './$types';

/**
 * A result, rendered on the server from the answer code alone: the URL is the shareable result, nothing is stored.
 * Every sentence comes from `scoring/explain` so the page, the PDF and the CSV agree.
 */
export const load: PageServerLoad = ({ params, url }) => {
	let scored: ReturnType<typeof scoreAnswerCode>;
	try {
		scored = scoreAnswerCode(params.code);
	} catch (e) {
		if (e instanceof ResultCodeError) error(400, e.message);
		throw e;
	}
	const { bank, result, answers } = scored;
	const benchmark = SURVEY_2026;
	const retired = retiredBankNote(bank, CURRENT_BANK);
	const carried = retired ? carryAnswers(bank, answers, CURRENT_BANK) : null;

	return {
		code: params.code,
		url: `${url.origin}/results/${params.code}`,
		bank: { id: bank.id, version: bank.version, title: bank.title },
		result,
		tier: result.tier,
		tierLabel: result.tier ? TIER_LABELS[result.tier] : null,
		headline: tierHeadline(result),
		explanation: tierExplanation(result, benchmark),
		borderline: borderlineNote(result),
		retired: carried
			? {
					note: retired,
					retakeCode: encodeAnswerCode(CURRENT_BANK, carried.answers),
					carried: carried.carried.length,
					notCarried: carried.notCarried.map((n) => questionText(bank, n.questionId))
				}
			: null,
		criticalGaps: criticalGapLines(bank, result, answers),
		provisional: provisionalNote(bank, result),
		liftContext: liftContextNote(result),
		readiness: result.readiness
			? {
					note: readinessNote(result),
					steps: liftSteps(bank, { target: 'pioneer', changes: result.readiness.changes })
				}
			: null,
		coverage: coverageSentence(result),
		dimensions: dimensionRows(bank, result),
		position: result.tier ? surveyPosition(benchmark, result.tier) : null,
		distribution: tierDistribution(benchmark, result.tier),
		survey: {
			name: benchmark.name,
			sample: benchmark.sample,
			fielded: benchmark.fielded,
			source: surveySource(benchmark)
		},
		benchmarkLines: result.benchmarkLines.map((line) => ({
			...line,
			question: questionText(bank, line.questionId)
		})),
		gaps: result.confidenceGaps.map((gap) => {
			const label = dimensionLabel(bank, gap.dimension);
			return { ...gap, label, sentence: confidenceGapSentence(gap, label) };
		}),
		// Bank 1.x lift plans could ask for more AI use; a retired result shows its retake offer instead.
		lift:
			result.liftPlan && !retired
				? { heading: liftHeading(result.liftPlan), steps: liftSteps(bank, result.liftPlan) }
				: null,
		roadmap: result.recommendations.map((r) => ({
			questionId: r.questionId,
			title: r.title,
			action: r.action,
			effort: r.effort,
			priority: r.priority,
			dimension: dimensionLabel(bank, r.dimension),
			because: r.because.map((b) => ({
				question: questionText(bank, b.questionId),
				answer: answerLabel(bank, b.questionId, b.optionId)
			}))
		}))
	};
};
