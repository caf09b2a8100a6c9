/**
 * What the lens schema cannot say, checked on a lens that passed it: ids are unique, every reference resolves (a
 * risk rule, next step, "not applicable" condition or framework reference naming something the lens does not
 * have is refused), and the risk rules are sound. Each problem carries the path of the field at fault, so the
 * parser can name its line.
 */
import type { Lens, LensRisk } from './schema';

/** Answers that are not options: "don't know" and "not applicable". No option may take these ids. */
export const LENS_DONT_KNOW = 'dk';
export const LENS_NOT_APPLICABLE = 'na';

/** A path into the lens file, as zod reports one: keys and array indices. */
export type LensPath = (string | number)[];

export interface LensCheckProblem {
	path: LensPath;
	message: string;
}

/** `sections[0].questions[2].id` from `['sections', 0, 'questions', 2, 'id']`: how messages name a field. */
export function fieldName(path: readonly PropertyKey[]): string {
	return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('');
}

const RISK_RANK: Record<LensRisk, number> = { high: 2, medium: 1 };

/** Every question of a lens with where it is (section index, question index), in lens order. */
function questionsOf(lens: Lens) {
	return lens.sections.flatMap((section, s) =>
		section.questions.map((question, q) => ({ question, path: ['sections', s, 'questions', q] as LensPath }))
	);
}

/** The problems of a lens the schema accepted; an empty list when it is sound. */
export function checkLens(lens: Lens): LensCheckProblem[] {
	const problems: LensCheckProblem[] = [];
	const add = (path: LensPath, message: string) => problems.push({ path, message });

	/** Reports the second and later uses of an id among `items`. */
	function unique(items: { id: string }[], path: LensPath, what: string) {
		const first = new Map<string, number>();
		items.forEach((item, i) => {
			const earlier = first.get(item.id);
			if (earlier === undefined) first.set(item.id, i);
			else
				add([...path, i, 'id'], `duplicate ${what} id "${item.id}" (first used at ${fieldName([...path, earlier])})`);
		});
	}

	unique(lens.sources, ['sources'], 'source');
	unique(lens.references ?? [], ['references'], 'reference');
	unique(lens.sections, ['sections'], 'section');
	const questions = questionsOf(lens);
	const seenQuestion = new Map<string, LensPath>();
	// A question whose option ids repeat is reported once; its risk rules and next steps are not judged on top.
	const ambiguous = new Set<string>();
	for (const { question, path } of questions) {
		const earlier = seenQuestion.get(question.id);
		if (earlier) add([...path, 'id'], `duplicate question id "${question.id}" (first used at ${fieldName(earlier)})`);
		else seenQuestion.set(question.id, path);
		const before = problems.length;
		unique(question.options, [...path, 'options'], 'option');
		if (problems.length > before) ambiguous.add(question.id);
		question.options.forEach((o, i) => {
			if (o.id === LENS_DONT_KNOW || o.id === LENS_NOT_APPLICABLE)
				add(
					[...path, 'options', i, 'id'],
					`"${o.id}" is reserved for ${o.id === LENS_DONT_KNOW ? '“don’t know”' : '“not applicable”'}; choose another option id`
				);
		});
	}

	const sourceIds = new Set(lens.sources.map((s) => s.id));
	(lens.references ?? []).forEach((r, i) => {
		if (!sourceIds.has(r.source))
			add(
				['references', i, 'source'],
				`names source "${r.source}", which the lens does not cite (sources: ${[...sourceIds].join(', ')})`
			);
	});
	const referenceIds = new Set((lens.references ?? []).map((r) => r.id));
	// The first question of each id (a later duplicate is reported above).
	const byId = new Map([...questions].reverse().map((q) => [q.question.id, q.question]));

	/** A question named by a rule, or a problem when it does not exist. */
	function namedQuestion(path: LensPath, id: string) {
		const question = byId.get(id);
		if (!question) add(path, `names question "${id}", which the lens does not have`);
		return question && !ambiguous.has(id) ? question : undefined;
	}
	/** Reports answers that are not options of `question`, and answers named twice. */
	function namedOptions(
		path: LensPath,
		question: NonNullable<ReturnType<typeof namedQuestion>>,
		answers: string[],
		{ notApplicable = false } = {}
	) {
		const seen = new Set<string>();
		answers.forEach((answer, i) => {
			if (notApplicable && answer === LENS_NOT_APPLICABLE && !question.notApplicable)
				add([...path, i], `names "${LENS_NOT_APPLICABLE}", but question "${question.id}" offers no “not applicable”`);
			else if (!(notApplicable && answer === LENS_NOT_APPLICABLE) && !question.options.some((o) => o.id === answer))
				add(
					[...path, i],
					`names option "${answer}", which question "${question.id}" does not have (options: ${question.options.map((o) => o.id).join(', ')})`
				);
			else if (seen.has(answer)) add([...path, i], `names option "${answer}" twice`);
			seen.add(answer);
		});
	}

	for (const { question, path } of questions) {
		(question.references ?? []).forEach((ref, i) => {
			if (!referenceIds.has(ref))
				add([...path, 'references', i], `names reference "${ref}", which the lens's references do not have`);
		});
		const onlyIf = question.notApplicable?.onlyIf;
		if (onlyIf) {
			const at: LensPath = [...path, 'notApplicable', 'onlyIf'];
			if (onlyIf.question === question.id)
				add([...at, 'question'], 'a question cannot be the condition of its own "not applicable"');
			else {
				const gate = namedQuestion([...at, 'question'], onlyIf.question);
				if (gate) namedOptions([...at, 'answers'], gate, onlyIf.answers, { notApplicable: true });
			}
		}
	}

	// Risk rules: each option at most once per question, risk never rising with the level, the best option free.
	const marked = new Map<string, Map<string, { risk: LensRisk; rule: number }>>();
	lens.risks.forEach((rule, r) => {
		const question = namedQuestion(['risks', r, 'question'], rule.question);
		if (!question) return;
		namedOptions(['risks', r, 'answers'], question, rule.answers);
		const risks = marked.get(question.id) ?? new Map<string, { risk: LensRisk; rule: number }>();
		marked.set(question.id, risks);
		rule.answers.forEach((answer, i) => {
			if (!question.options.some((o) => o.id === answer)) return;
			const earlier = risks.get(answer);
			if (earlier && earlier.rule !== r)
				add(
					['risks', r, 'answers', i],
					`bad risk rule: option "${answer}" of question "${question.id}" is already marked ${earlier.risk} risk by risks.${earlier.rule}; an answer has one risk`
				);
			else if (!earlier) risks.set(answer, { risk: rule.risk, rule: r });
		});
	});
	for (const [questionId, risks] of marked) {
		const question = byId.get(questionId)!;
		const best = Math.max(...question.options.map((o) => o.level));
		const rank = (optionId: string) => {
			const m = risks.get(optionId);
			return m ? RISK_RANK[m.risk] : 0;
		};
		for (const option of question.options) {
			const mark = risks.get(option.id);
			if (!mark) continue;
			const at: LensPath = ['risks', mark.rule, 'answers', lens.risks[mark.rule]!.answers.indexOf(option.id)];
			if (option.level === best) {
				add(
					at,
					`bad risk rule: marks option "${option.id}", the best answer of question "${questionId}" (level ${best}), as ${mark.risk} risk; the best answer must be one to aim for`
				);
				continue;
			}
			const weaker = question.options.find((o) => o.level < option.level && rank(o.id) < RISK_RANK[mark.risk]);
			if (weaker)
				add(
					at,
					`bad risk rule: marks option "${option.id}" (level ${option.level}) ${mark.risk} risk while "${weaker.id}", a lower level (${weaker.level}), is ${risks.get(weaker.id)?.risk ?? 'no'} risk; risk must not rise with the level`
				);
		}
	}

	// Next steps: each option at most once per question; every risky answer has one.
	const stepped = new Map<string, Set<string>>();
	lens.nextSteps.forEach((step, s) => {
		const question = namedQuestion(['nextSteps', s, 'question'], step.question);
		if (!question) return;
		namedOptions(['nextSteps', s, 'answers'], question, step.answers);
		const options = stepped.get(question.id) ?? new Set<string>();
		stepped.set(question.id, options);
		step.answers.forEach((answer, i) => {
			if (options.has(answer) && step.answers.indexOf(answer) === i)
				add(['nextSteps', s, 'answers', i], `option "${answer}" of question "${question.id}" already has a next step`);
			options.add(answer);
		});
	});
	for (const [questionId, risks] of marked)
		for (const [optionId, mark] of risks)
			if (!stepped.get(questionId)?.has(optionId))
				add(
					['risks', mark.rule, 'answers', lens.risks[mark.rule]!.answers.indexOf(optionId)],
					`option "${optionId}" of question "${questionId}" is marked ${mark.risk} risk but no next step names it (add one to nextSteps)`
				);
	return problems;
}
