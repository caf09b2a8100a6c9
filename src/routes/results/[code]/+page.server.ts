import { error } from '@sveltejs/kit';
import { encodeAnswerCode } from '$scoring/export/answer-code';
import { CURRENT_BANK } from '$scoring/content/banks';
import { carryAnswers } from '$scoring/content/migrate';
import { presentResult, questionText, RESULT_LABELS } from '$scoring/present/result';
import { ResultCodeError, scoreCode } from '$scoring/model/result-code';
import { isCurrent } from '$scoring/model';
import type { PageServerLoad } from './$types';

/**
 * A result, rendered on the server from the answer code alone: the URL is the shareable result, nothing is stored.
 * Every sentence comes from the presentation model (`scoring/present`), so the page, the PDF and the CSV agree.
 */
export const load: PageServerLoad = ({ params, url }) => {
	let scored: ReturnType<typeof scoreCode>;
	try {
		scored = scoreCode(params.code);
	} catch (e) {
		if (e instanceof ResultCodeError) error(400, { error: 'invalid', message: e.message });
		throw e;
	}
	const { bank, answers } = scored;
	const view = presentResult({ ...scored, current: CURRENT_BANK });
	// A result on a retired bank offers a retake on the current one, starting from the answers that still hold.
	const carried = view.retired ? carryAnswers(bank, answers, CURRENT_BANK) : null;
	return {
		code: params.code,
		url: `${url.origin}/results/${params.code}`,
		labels: RESULT_LABELS,
		view,
		// OSCAL exports exist for results of the current model (bank 3.0.0): practice findings and a plan.
		oscal: isCurrent(scored.result),
		retake: carried
			? {
					code: encodeAnswerCode(CURRENT_BANK, carried.answers),
					carried: carried.carried.length,
					notCarried: carried.notCarried.map((n) => questionText(bank, n.questionId))
				}
			: null
	};
};
