/**
 * The questionnaire's steps, derived from a question bank: one step per dimension (its practice questions, then
 * its self-rated confidence question) and an optional "About you" step for the profile questions. Every question
 * gets the reserved "Not applicable / don't know" option last. Used by the server; the browser receives the
 * resulting plain data, so it never loads the bank's schemas.
 */
import { NOT_APPLICABLE, type QuestionBank, type Question } from '$scoring/schema';
import { NOT_APPLICABLE_LABEL, PREFER_NOT_TO_SAY_LABEL } from '$scoring/answer-labels';

export interface StepOption {
	id: string;
	label: string;
}

export interface StepQuestion {
	id: string;
	kind: Question['kind'];
	text: string;
	why: string | null;
	options: StepOption[];
}

export interface AssessStep {
	/** A dimension id, or `about` for the profile step. */
	id: string;
	title: string;
	description: string;
	optional: boolean;
	questions: StepQuestion[];
}

function stepQuestion(q: Question): StepQuestion {
	return {
		id: q.id,
		kind: q.kind,
		text: q.text,
		why: q.why ?? null,
		options: [
			...q.options.map((o) => ({ id: o.id, label: o.label })),
			{ id: NOT_APPLICABLE, label: q.kind === 'profile' ? PREFER_NOT_TO_SAY_LABEL : NOT_APPLICABLE_LABEL }
		]
	};
}

/** The steps of the questionnaire for `bank`, in the order they are shown. */
export function assessmentSteps(bank: QuestionBank): AssessStep[] {
	const steps: AssessStep[] = bank.dimensions.map((d) => {
		const inDimension = bank.questions.filter((q) => q.dimension === d.id && q.kind !== 'profile');
		// Practice first, so the self-rating comes after the respondent has looked at the evidence.
		const ordered = [
			...inDimension.filter((q) => q.kind === 'practice'),
			...inDimension.filter((q) => q.kind === 'confidence')
		];
		return {
			id: d.id,
			title: d.label,
			description: d.description,
			optional: false,
			questions: ordered.map(stepQuestion)
		};
	});
	const profile = bank.questions.filter((q) => q.kind === 'profile');
	if (profile.length > 0)
		steps.push({
			id: 'about',
			title: 'About you',
			description: 'Optional. Helps you read the comparison with the survey; it never changes your score.',
			optional: true,
			questions: profile.map(stepQuestion)
		});
	return steps;
}

/** The 0-based step index for a `?step=` value (1-based); anything invalid or out of range is clamped. */
export function stepIndexFromParam(param: string | null, stepCount: number): number {
	const n = Number.parseInt(param ?? '', 10);
	if (!Number.isFinite(n) || n < 1) return 0;
	return Math.min(n, stepCount) - 1;
}
