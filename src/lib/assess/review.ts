/**
 * What the questionnaire asks the respondent to look at before the result: the questions left unanswered (each
 * with the step it is on, so the page can go back to it) and the answers whose prerequisites are not met (a
 * practice that needs another first), with the level each would be counted at if kept, and the answers that cannot
 * be true beside another (counted as given: the respondent says which is wrong). Plain step data in, plain
 * data out: the browser runs it without the bank; the server runs it for the page without JavaScript.
 */
import type { Answers } from '$scoring/schema';
import { askedQuestions } from './progress';
import type { AssessStep, StepQuestion } from './steps';

export interface ReviewItem {
	questionId: string;
	text: string;
	/** 0-based step the question is on. */
	step: number;
}

export interface PrerequisiteBreak extends ReviewItem {
	given: string;
	/** The option it would be counted as if kept. */
	countedAs: string;
	/** What it needs: "<question>" at least "<option>". */
	needs: { text: string; atLeast: string }[];
}

/** An answer that cannot be true beside another (it counts as given; one of the two is wrong). */
export interface Contradiction extends ReviewItem {
	given: string;
	with: ReviewItem & { given: string };
}

export interface Review {
	unanswered: ReviewItem[];
	breaks: PrerequisiteBreak[];
	contradictions: Contradiction[];
}

/** The unanswered questions (optional steps aside) and the prerequisite breaks of `answers`. */
export function reviewOf(steps: AssessStep[], answers: Answers): Review {
	const byId = new Map<string, { q: StepQuestion; step: number }>();
	steps.forEach((s, step) => s.questions.forEach((q) => byId.set(q.id, { q, step })));
	const levelOf = (questionId: string): number | null => {
		const entry = byId.get(questionId);
		const option = entry?.q.options.find((o) => o.id === answers[questionId]);
		return option && !option.reserved ? option.level : null;
	};
	const unanswered: ReviewItem[] = [];
	const breaks: PrerequisiteBreak[] = [];
	const contradictions: Contradiction[] = [];
	steps.forEach((s, step) => {
		for (const q of askedQuestions(s, answers)) {
			const given = answers[q.id];
			if (given === undefined) {
				if (!s.optional) unanswered.push({ questionId: q.id, text: q.text, step });
				continue;
			}
			const option = q.options.find((o) => o.id === given);
			for (const c of option?.contradicts ?? []) {
				const other = byId.get(c.question);
				const answer = other && answers[c.question];
				if (!other || answer === undefined || !c.answers.includes(answer)) continue;
				contradictions.push({
					questionId: q.id,
					text: q.text,
					step,
					given: option!.label,
					with: {
						questionId: other.q.id,
						text: other.q.text,
						step: other.step,
						given: other.q.options.find((o) => o.id === answer)?.label ?? answer
					}
				});
			}
			const unmet = option?.requires.filter((r) => (levelOf(r.question) ?? -1) < r.level) ?? [];
			if (!option || unmet.length === 0) continue;
			const allowed = q.options.filter(
				(o) => !o.reserved && o.level <= option.level && o.requires.every((r) => (levelOf(r.question) ?? -1) >= r.level)
			);
			breaks.push({
				questionId: q.id,
				text: q.text,
				step,
				given: option.label,
				countedAs: (allowed[allowed.length - 1] ?? q.options[0]!).label,
				needs: unmet.map((r) => ({
					text: byId.get(r.question)?.q.text ?? r.question,
					atLeast: byId.get(r.question)?.q.options.find((o) => o.id === r.atLeast)?.label ?? r.atLeast
				}))
			});
		}
	});
	return { unanswered, breaks, contradictions };
}
