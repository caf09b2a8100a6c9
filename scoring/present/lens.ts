/**
 * Every sentence a lens's findings are shown with — on the results page, in the PDF — from the lens and its
 * findings (`scoring/lens/findings`). The survey result is worded elsewhere; nothing here can move it.
 */
import { DONT_KNOW_LABEL, SKIPPED_LABEL } from './answer-labels';
import { LENS_LABELS } from './lens-labels';
import { LENS_DONT_KNOW, LENS_NOT_APPLICABLE } from '../lens/check';
import { lensQuestions, type LensFinding, type LensResult } from '../lens/findings';
import type { TeamLens } from '../lens/team';
import type { Lens, LensQuestion, LensRisk } from '../lens/schema';

/** One question of the lens as the findings show it. */
export interface LensItemView {
	questionId: string;
	/** What was answered (an option id, `dk`, `na`), or null when unanswered. */
	answerId: string | null;
	section: string;
	question: string;
	/** The answer as given ("Not answered" when none). */
	answer: string;
	/** What the answer counts as, when that is not the answer itself ("don't know", unanswered, a refused N/A). */
	note: string | null;
	risk: LensRisk | null;
	because: string | null;
	step: { title: string; action: string } | null;
	references: { code: string; title: string }[];
}

export interface LensView {
	id: string;
	version: string;
	/** "Lens: <title>". */
	heading: string;
	description: string;
	/** "Lens <id>, version <version>: <changes>". */
	versionLine: string;
	/** The counts: high and medium risk, and how many answers count as the weakest. */
	summary: string;
	never: string;
	/** What an item's answer is called: "Your answer", or "Team answer" in a workshop. */
	answerLabel: string;
	high: LensItemView[];
	medium: LensItemView[];
	clear: LensItemView[];
	sources: { title: string; publisher: string | null; url: string }[];
}

function plural(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`;
}

function quoted(text: string): string {
	return `“${text.replace(/[.]$/, '')}”`;
}

/** An answer to a lens question as it reads: the option's label, "Don't know", the N/A label, or "Not answered". */
export function lensAnswerLabel(question: LensQuestion, given: string | null): string {
	if (given === null) return SKIPPED_LABEL;
	if (given === LENS_DONT_KNOW) return DONT_KNOW_LABEL;
	if (given === LENS_NOT_APPLICABLE) return question.notApplicable?.label ?? 'Not applicable';
	return question.options.find((o) => o.id === given)?.label ?? given;
}

/** How a finding's answer reads, and what it counts as when that differs. */
function answerOf(lens: Lens, question: LensQuestion, f: LensFinding): { answer: string; note: string | null } {
	const counted = question.options.find((o) => o.id === f.countedAs);
	const weakest = counted ? `it counts as the weakest answer, ${quoted(counted.label)}` : '';
	const answer = lensAnswerLabel(question, f.given);
	if (f.status === 'unanswered') return { answer, note: `Not answered: ${weakest}.` };
	if (f.status === 'dont_know') return { answer, note: `“${DONT_KNOW_LABEL}” never helps: ${weakest}.` };
	if (f.status === 'not_applicable') {
		if (!f.notApplicableRefused) return { answer, note: null };
		const condition = question.notApplicable?.onlyIf;
		const gate = lensQuestions(lens).find((q) => q.question.id === condition?.question)?.question;
		const answers = (condition?.answers ?? [])
			.map((a) =>
				a === LENS_NOT_APPLICABLE
					? quoted(gate?.notApplicable?.label ?? 'Not applicable')
					: quoted(gate?.options.find((o) => o.id === a)?.label ?? a)
			)
			.join(' or ');
		return {
			answer,
			note: `“Not applicable” counts here only with the answer ${answers} to ${quoted(gate?.text ?? '')}; ${weakest}.`
		};
	}
	return { answer, note: null };
}

/** The lens section of a result: its findings grouped by risk, each with its next step and references. */
export function presentLens(lens: Lens, result: LensResult): LensView {
	const questions = new Map(lensQuestions(lens).map((q) => [q.question.id, q.question]));
	const sections = new Map(lens.sections.map((s) => [s.id, s.title]));
	const references = new Map((lens.references ?? []).map((r) => [r.id, r]));
	const items = result.findings.map((f): LensItemView => {
		const question = questions.get(f.questionId)!;
		return {
			questionId: f.questionId,
			answerId: f.given,
			section: sections.get(f.sectionId) ?? f.sectionId,
			question: question.text,
			...answerOf(lens, question, f),
			risk: f.risk,
			because: f.because,
			step: f.nextStep,
			references: (question.references ?? []).flatMap((id) => {
				const r = references.get(id);
				return r ? [{ code: r.code, title: r.title }] : [];
			})
		};
	});
	const weakest = result.findings.filter(
		(f) => f.status === 'unanswered' || f.status === 'dont_know' || f.notApplicableRefused
	).length;
	const counts =
		result.high.length + result.medium.length === 0
			? `No high- or medium-risk findings in ${plural(items.length, 'question', 'questions')}.`
			: `${plural(result.high.length, 'high-risk finding', 'high-risk findings')} and ${plural(result.medium.length, 'medium-risk finding', 'medium-risk findings')} in ${plural(items.length, 'question', 'questions')}.`;
	return {
		id: lens.id,
		version: lens.version,
		heading: `Lens: ${lens.title}`,
		description: lens.description,
		versionLine: `Lens ${lens.id}, version ${lens.version}: ${lens.changes}`,
		summary: weakest
			? `${counts} ${plural(weakest, 'answer counts', 'answers count')} as the weakest option (“${DONT_KNOW_LABEL}”, unanswered, or “not applicable” where it does not hold).`
			: counts,
		never: LENS_LABELS.never,
		answerLabel: LENS_LABELS.yourAnswer,
		high: items.filter((i) => i.risk === 'high'),
		medium: items.filter((i) => i.risk === 'medium'),
		clear: items.filter((i) => i.risk === null),
		sources: lens.sources.map((s) => ({ title: s.title, publisher: s.publisher ?? null, url: s.url }))
	};
}

/** What the results page says when a code names a lens version this site does not have. */
export function lensMissingNote(id: string, version: string): string {
	return `These answers include lens ${id} version ${version}, which this site does not have, so its findings cannot be shown. The survey result above is complete without it.`;
}

function people(n: number): string {
	return plural(n, 'person', 'people');
}

/**
 * A workshop's lens section from the team lens (`../lens/team`): the same findings view, from the team answers, with
 * what a question without a team answer means, and how many people's released answers it comes from.
 */
export function presentTeamLens(lens: Lens, team: TeamLens & { result: LensResult }): LensView {
	const view = presentLens(lens, team.result);
	const k = team.minGroupSize;
	const none = new Set(team.questions.filter((q) => q.teamAnswer === null).map((q) => q.questionId));
	const agreed = new Set(team.questions.filter((q) => q.teamAnswerSource === 'agreed').map((q) => q.questionId));
	const noTeamAnswer = (item: LensItemView): LensItemView => {
		if (agreed.has(item.questionId)) return { ...item, note: item.note ?? LENS_LABELS.agreedInDiscussion };
		if (!none.has(item.questionId)) return item;
		const counted = team.result.findings.find((f) => f.questionId === item.questionId)?.countedAs;
		const question = lensQuestions(lens).find((q) => q.question.id === item.questionId)!.question;
		const weakest = question.options.find((o) => o.id === counted)?.label ?? '';
		return {
			...item,
			answer: 'No team answer',
			note: `Fewer than ${people(k)} chose an answer here, so there is no team answer: it counts as the weakest answer, ${quoted(weakest)}.`
		};
	};
	// The team answer is one answer; a riskier answer some chose must not vanish behind it. Counts come only from
	// released figures that are shown (at least the minimum chose an option), as the survey's option counts do.
	const RANK = { high: 2, medium: 1 } as const;
	const rank = (risk: LensRisk | null) => (risk ? RANK[risk] : 0);
	const riskOf = (questionId: string, optionId: string) =>
		lens.risks.find((r) => r.question === questionId && r.answers.includes(optionId))?.risk ?? null;
	const split = (item: LensItemView): LensItemView => {
		const tally = team.questions.find((q) => q.questionId === item.questionId)?.options;
		if (!tally) return item;
		const chose = tally.reduce((n, o) => n + o.count, 0);
		const riskier = (['high', 'medium'] as const)
			.filter((risk) => rank(risk) > rank(item.risk))
			.map((risk) => ({
				risk,
				count: tally.filter((o) => riskOf(item.questionId, o.optionId) === risk).reduce((n, o) => n + o.count, 0)
			}))
			.filter((r) => r.count > 0);
		if (!riskier.length) return item;
		const words = riskier.map((r) => `${r.count} of ${chose} chose an answer marked ${r.risk} risk`).join('; ');
		return { ...item, note: [item.note, `Not unanimous: ${words}.`].filter(Boolean).join(' ') };
	};
	const decorate = (item: LensItemView) => split(noTeamAnswer(item));
	const items = { high: view.high.map(decorate), medium: view.medium.map(decorate), clear: view.clear.map(decorate) };
	const divided = [...items.high, ...items.medium, ...items.clear].filter((i) => i.note?.includes('Not unanimous'));
	return {
		...view,
		summary: [
			`From the released answers of ${people(team.size)}.`,
			view.summary,
			divided.length
				? `On ${divided.length === 1 ? '1 question' : `${divided.length} questions`} some chose an answer riskier than the team’s: marked “Not unanimous” below.`
				: ''
		]
			.filter(Boolean)
			.join(' '),
		never: LENS_LABELS.teamNever,
		answerLabel: LENS_LABELS.teamAnswer,
		...items
	};
}

/** A lens a workshop pinned, on the team side: its findings from the team's released answers, or why there are none. */
export interface TeamLensSection {
	id: string;
	version: string;
	/** The lens's title; null when the site no longer has this version. */
	title: string | null;
	/** "Lens: <title>" (or the pin, when missing). */
	heading: string;
	/** Why there are no findings (missing, too few released, not covered); null when `view` shows them. */
	note: string | null;
	view: LensView | null;
}

/** A pinned lens by name: “<title>” (<id> <version>), or the pin alone when the site no longer has it. */
function pinnedLensName(pinned: { id: string; version: string; title: string | null }): string {
	return pinned.title ? `“${pinned.title}” (${pinned.id} ${pinned.version})` : `${pinned.id} ${pinned.version}`;
}

/** The team report cover's line for a lens the workshop pinned. */
export function lensCoverFact(pinned: { id: string; version: string; title: string | null }): [string, string] {
	return ['Lens', pinnedLensName(pinned)];
}

/** What a workshop says of a lens it pinned when there are no findings to show: why not, in words. */
export function teamLensNote(
	pinned: { id: string; version: string; title: string | null },
	state:
		| { kind: 'missing' }
		| { kind: 'waiting'; minGroupSize: number }
		| { kind: 'not_covered'; answeredBy: number; minGroupSize: number }
): string {
	const name = pinnedLensName(pinned);
	if (state.kind === 'missing')
		return `This workshop uses lens ${pinned.id} version ${pinned.version}, which this site no longer has, so its questions are not asked and it has no findings. The survey part of the workshop is complete without it.`;
	if (state.kind === 'waiting')
		return `The lens ${name} shows its findings once the answers of at least ${people(state.minGroupSize)} are released, like the team result.`;
	return `Fewer than ${people(state.minGroupSize)} answered the lens ${name} (${state.answeredBy} of the released responses did), so it has no team answers and no findings: no one’s answers can be read from it.`;
}
