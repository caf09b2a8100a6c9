/**
 * The team PDF: the report document scored from the team answers, with the team block — who took part, how the
 * team answers were formed, how individuals spread across the tiers, the most split questions with their option
 * labels — all from the team statistics. Built once per data version and kept: downloading it again, from any
 * number of tabs, costs nothing until new responses are released.
 */
import { CURRENT_BANK } from '$scoring/bank';
import { presentResult } from '$scoring/present';
import { percent } from '$scoring/format';
import type { QuestionBank } from '$scoring/schema';
import { disagreementBand, mostSplit, type TeamStats } from '$scoring/team-stats';
import { answerText } from '$scoring/answer-labels';
import { TIER_LABELS } from '$scoring/tiers';
import type { ReportTeam } from '$lib/report/pdf-document';
import { buildReportPdf } from '$lib/report/pdf-node';
import { Lru } from './lru';
import type { WorkshopView } from './workshops';

/** Most split questions the report lists. */
const SPLIT_QUESTIONS = 5;

/** The team block of the report, from the team statistics. */
export function teamReport(bank: QuestionBank, stats: TeamStats): ReportTeam {
	const questions = new Map(bank.questions.map((q) => [q.id, q]));
	const placed = stats.tiers.filter((t) => t.count > 0);
	return {
		participants: stats.size,
		lines: [
			'Each question’s team answer is the option nearest the median of the team’s answers; the scores below are ' +
				'the team answers scored like one person’s.',
			`By their own answers: ${placed
				.map((t) => `${t.count} ${t.tier === 'unplaced' ? 'not placed (too few answers)' : TIER_LABELS[t.tier]}`)
				.join(', ')}.`
		],
		spread: mostSplit(stats, SPLIT_QUESTIONS).map((s) => {
			const q = questions.get(s.questionId)!;
			return {
				questionId: s.questionId,
				question: q.text,
				summary: `${disagreementBand(s.disagreement)} (${percent((s.disagreement ?? 0) * 100)}): ${s
					.options!.filter((o) => o.count > 0)
					.map((o) => `${o.count} × ${answerText(q, o.optionId)}`)
					.join('; ')}`
			};
		})
	};
}

const built = new Lru<string, Promise<Uint8Array>>(50);

/** The team PDF of `stats` (the workshop's figures at `dataVersion`), built once per workshop and data version. */
export function teamReportPdf(
	workshop: WorkshopView,
	bank: QuestionBank,
	stats: TeamStats,
	dataVersion: number,
	methodologyUrl: string
): Promise<Uint8Array> {
	const key = `${workshop.id}:${dataVersion}:${stats.size}`;
	let pdf = built.get(key);
	if (!pdf) {
		const generatedAt = new Date();
		pdf = buildReportPdf({
			view: presentResult({
				bank,
				answers: stats.teamAnswers,
				result: stats.result,
				current: CURRENT_BANK,
				organisation: workshop.organisation,
				date: generatedAt
			}),
			generatedAt,
			methodologyUrl,
			title: workshop.title,
			team: teamReport(bank, stats)
		}).then((buffer) => new Uint8Array(buffer));
		built.set(key, pdf);
		pdf.catch(() => built.delete(key));
	}
	return pdf;
}
