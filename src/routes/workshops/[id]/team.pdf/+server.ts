import { json } from '@sveltejs/kit';
import { answerText } from '$scoring/answer-labels';
import { SURVEY_2026 } from '$scoring/benchmark';
import { findBank } from '$scoring/bank';
import { buildReportPdf } from '$lib/report/pdf-node';
import { facilitatorToken, jsonError } from '$lib/server/http';
import { getWorkshops } from '$lib/server/workshops';
import type { RequestHandler } from './$types';

/** Questions with the widest spread printed in the team report. */
const SPREAD_QUESTIONS = 5;

/** The team report PDF (the same document as an individual report, scored from the team's consensus answers). */
export const GET: RequestHandler = async ({ params, url, cookies }) => {
	const service = await getWorkshops();
	try {
		const workshop = await service.getForFacilitator(params.id, facilitatorToken(cookies, url, params.id));
		const { aggregate } = await service.summary(workshop.id);
		const bank = findBank(workshop.bank, workshop.version);
		if (!aggregate || !bank)
			return json(
				{
					error: 'too_few',
					message: `The team report is available once ${workshop.minGroupSize} people have submitted.`
				},
				{ status: 409 }
			);
		const questions = new Map(bank.questions.map((q) => [q.id, q]));
		const spread = aggregate.spread
			.filter((s) => (s.disagreement ?? 0) > 0)
			.sort((a, b) => (b.disagreement ?? 0) - (a.disagreement ?? 0))
			.slice(0, SPREAD_QUESTIONS)
			.map((s) => ({
				questionId: s.questionId,
				summary: s.counts
					.filter((c) => c.count > 0)
					.map((c) => `${c.count} × ${answerText(questions.get(s.questionId)!, c.optionId)}`)
					.join('; ')
			}));
		const pdf = await buildReportPdf({
			bank,
			result: aggregate.result,
			benchmark: SURVEY_2026,
			generatedAt: new Date(),
			title: workshop.title,
			team: { participants: aggregate.size, spread }
		});
		return new Response(new Uint8Array(pdf), {
			headers: {
				'content-type': 'application/pdf',
				'content-disposition': `attachment; filename="workshop-${workshop.code}-team-report.pdf"`,
				'cache-control': 'no-store'
			}
		});
	} catch (e) {
		return jsonError(e);
	}
};
