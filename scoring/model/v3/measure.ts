/**
 * Measuring bank 3.0.0 answers: each answer resolved (prerequisites, detection, "don't know", "varies by team",
 * "not tracked", no answer), the dimension scores, the axes, and what keeps the result from Pioneer. The cheap part
 * of `score()`, reused by the plan search and the norming; deterministic and pure.
 */
import { answerOf, levelOf, round1 } from '../../answers';
import {
	DIMENSION_IDS,
	DONT_KNOW,
	NOT_TRACKED,
	VARIES,
	type Answers,
	type DimensionId,
	type Option,
	type Question,
	type QuestionBank
} from '../../schema';
import type { CriticalFinding, DimensionResult, GuardGap, Inconsistency, UnknownOutcome } from './result';
import {
	CONTROL_WEIGHTS,
	CUTOFFS,
	FLOOR_DIMENSIONS,
	PRACTICE_COVERAGE,
	THIN_COVERAGE,
	exposureOf,
	groupOf,
	type Axes,
	type Cutoffs
} from './tiers';

/** How a question was answered. */
export type AnswerStatus = 'option' | 'dk' | 'varies' | 'not_tracked' | 'unanswered';

interface OutcomeIndex {
	question: Question;
	/** Score of "none that we know of". */
	noneScore: number;
	/** Score of the mildest reported finding: the best option below "none". */
	mildestScore: number;
	minScore: number;
	severe: boolean;
	detection: { question: Question; level: number } | null;
}

/** What measuring needs of a bank, computed once per bank. */
export interface BankIndex {
	bank: QuestionBank;
	byId: Map<string, Question>;
	use: Question[];
	practice: Question[];
	outcomes: OutcomeIndex[];
	rootCause: Question | null;
	practiceOf: Record<DimensionId, Question[]>;
	/** Practice questions with a critical option, and those with a weak guard (but no critical option). */
	critical: Question[];
	weak: Question[];
	/** Practice options that have prerequisites, for the clamping pass. */
	hasRequires: Question[];
	/** Questions with an option that contradicts another answer. */
	contradicting: Question[];
	/** Per question: option id → option, and option id → level (0 = weakest). */
	options: Map<string, Map<string, Option>>;
	levels: Map<string, Map<string, number>>;
}

const indexes = new WeakMap<QuestionBank, BankIndex>();

/** The bank's index (cached). */
export function indexOf(bank: QuestionBank): BankIndex {
	const cached = indexes.get(bank);
	if (cached) return cached;
	const byId = new Map(bank.questions.map((q) => [q.id, q]));
	const practice = bank.questions.filter((q) => q.kind === 'practice');
	const outcomes = bank.questions
		.filter((q) => q.kind === 'outcome' && !q.rootCause)
		.map((q) => {
			const none = q.options.find((o) => o.nothingFound)!;
			const reported = q.options.filter((o) => o.score < none.score);
			const d = q.detectedBy ? byId.get(q.detectedBy.question) : undefined;
			return {
				question: q,
				noneScore: none.score,
				mildestScore: Math.max(...reported.map((o) => o.score)),
				minScore: Math.min(...q.options.map((o) => o.score)),
				severe: q.options.some((o) => o.severe),
				detection: d && q.detectedBy ? { question: d, level: levelOf(d, q.detectedBy.atLeast) } : null
			};
		});
	const index: BankIndex = {
		bank,
		byId,
		use: bank.questions.filter((q) => q.kind === 'use'),
		practice,
		outcomes,
		rootCause: bank.questions.find((q) => q.rootCause) ?? null,
		practiceOf: Object.fromEntries(DIMENSION_IDS.map((d) => [d, practice.filter((q) => q.dimension === d)])) as Record<
			DimensionId,
			Question[]
		>,
		critical: practice.filter((q) => q.options.some((o) => o.critical)),
		weak: practice.filter((q) => !q.options.some((o) => o.critical) && q.options.some((o) => o.weakGuard)),
		hasRequires: practice.filter((q) => q.options.some((o) => o.requires?.length)),
		contradicting: bank.questions.filter((q) => q.options.some((o) => o.contradicts?.length)),
		options: new Map(bank.questions.map((q) => [q.id, new Map(q.options.map((o) => [o.id, o]))])),
		levels: new Map(bank.questions.map((q) => [q.id, new Map(q.options.map((o) => [o.id, levelOf(q, o.id)]))]))
	};
	indexes.set(bank, index);
	return index;
}

/** How an answer reads: its status and, for an option, the option. */
export function statusOf(q: Question, given: string | undefined): AnswerStatus {
	if (given === undefined) return 'unanswered';
	if (given === DONT_KNOW) return 'dk';
	if (given === VARIES) return 'varies';
	if (given === NOT_TRACKED) return 'not_tracked';
	return q.options.some((o) => o.id === given) ? 'option' : 'unanswered';
}

/**
 * The practice answers as counted: an option whose prerequisites are not met counts as the highest option of its
 * question (no higher than the one given) whose prerequisites are; repeated until nothing changes, since one
 * counted-down answer can undo another's prerequisite. Returns the counted options and the inconsistencies.
 */
export function countedPractice(
	index: BankIndex,
	answers: Answers
): { counted: Map<string, Option>; inconsistencies: Inconsistency[] } {
	const counted = new Map<string, Option>();
	for (const q of index.practice) {
		const given = answerOf(answers, q.id);
		const option = given === undefined ? undefined : index.options.get(q.id)!.get(given);
		if (option) counted.set(q.id, option);
	}
	const met = (o: Option) =>
		(o.requires ?? []).every((r) => {
			const levels = index.levels.get(r.question)!;
			const now = counted.get(r.question);
			return now !== undefined && levels.get(now.id)! >= levels.get(r.atLeast)!;
		});
	for (let round = 0; round < index.hasRequires.length + 1; round++) {
		let changed = false;
		for (const q of index.hasRequires) {
			const now = counted.get(q.id);
			if (!now || met(now)) continue;
			// Strictly lower: an option of equal score means something else (full guardrails is not "kept out of production").
			const allowed = q.options.filter((o) => o.score < now.score && met(o));
			const best = allowed[allowed.length - 1] ?? q.options[0]!;
			counted.set(q.id, best);
			changed = true;
		}
		if (!changed) break;
	}
	const inconsistencies: Inconsistency[] = [];
	for (const q of index.practice) {
		const given = answerOf(answers, q.id);
		const now = counted.get(q.id);
		if (now && given !== now.id) {
			const option = q.options.find((o) => o.id === given)!;
			inconsistencies.push({
				kind: 'prerequisite',
				questionId: q.id,
				given: given!,
				countedAs: now.id,
				requires: option.requires ?? [],
				with: null
			});
		}
	}
	return { counted, inconsistencies };
}

/** The numbers a group is placed from (see {@link measure}). */
export interface Measurement {
	dimensions: DimensionResult[];
	use: number;
	aiChange: number;
	control: number;
	exposure: number;
	guards: number;
	outcomes: number;
	coverage: number;
	practiceCoverage: number;
	answered: number;
	dontKnow: number;
	unanswered: string[];
	criticalGaps: string[];
	criticalOpen: GuardGap[];
	weakGuards: GuardGap[];
	criticalFindings: CriticalFinding[];
	unknownOutcomes: UnknownOutcome[];
	inconsistencies: Inconsistency[];
	provisional: boolean;
	provisionalBecause: ('coverage' | 'thin_dimension' | 'unanswered_critical')[];
	thinDimensions: DimensionId[];
	floorsBelow: DimensionId[];
	axes: Axes;
	tier: ReturnType<typeof groupOf>['tier'];
	rule: ReturnType<typeof groupOf>['rule'];
}

const weighted = (pairs: [number, number][], empty: number) => {
	let sum = 0;
	let w = 0;
	for (const [weight, value] of pairs) {
		sum += weight * value;
		w += weight;
	}
	return w > 0 ? round1(sum / w) : empty;
};

/** Whether a use question's answer says the practice is not in use ("don't know" and no answer: in use). */
function inUse(q: Question, answers: Answers): boolean {
	const rule = q.inUseUnless;
	if (!rule) return true;
	const given = answerOf(answers, rule.question);
	return !(given !== undefined && rule.answers.includes(given));
}

/**
 * Measures validated bank 3.0.0 answers. Every unknown counts against the answerer: "don't know", "varies by team"
 * and no answer score a practice at its weakest level (and leave a critical gap or weak guard "not ruled out"),
 * a use answer as no use (for depth) and the deepest use (for AI-driven change), an outcome at its worst. "Not
 * tracked", and "none that we know of" where the detecting practice is weak, score as the mildest reported outcome.
 */
export function measure(bank: QuestionBank, answers: Answers, cutoffs: Cutoffs = CUTOFFS): Measurement {
	const index = indexOf(bank);
	const unanswered: string[] = [];
	let answered = 0;
	let dontKnow = 0;
	const dims = Object.fromEntries(
		DIMENSION_IDS.map((d) => [d, { answered: 0, dk: 0, unanswered: 0, total: 0, practice: [] as [number, number][] }])
	) as Record<
		DimensionId,
		{ answered: number; dk: number; unanswered: number; total: number; practice: [number, number][] }
	>;

	// Use: depth credits only what is known; AI-driven change assumes the worst of what is not.
	const depth: [number, number][] = [];
	const change: [number, number][] = [];
	for (const q of index.use) {
		const status = statusOf(q, answerOf(answers, q.id));
		const w = q.weight ?? 1;
		const scores = q.options.map((o) => o.score);
		const option = status === 'option' ? q.options.find((o) => o.id === answers[q.id]) : undefined;
		depth.push([w, option?.score ?? Math.min(...scores)]);
		if (q.drivesChange !== false) change.push([w, option?.score ?? Math.max(...scores)]);
		const d = dims.ai_integration;
		d.total++;
		if (status === 'option') d.answered++;
		else if (status === 'dk') d.dk++;
		else {
			d.unanswered++;
			unanswered.push(q.id);
		}
	}

	// Practice, as counted after prerequisites.
	const { counted, inconsistencies } = countedPractice(index, answers);
	const criticalGaps: string[] = [];
	const criticalOpen: GuardGap[] = [];
	const weakGuards: GuardGap[] = [];
	let unansweredCritical = false;
	let practiceAnswered = 0;
	const practiceAnsweredOf: Record<string, number> = { governance: 0, automation: 0, risk_exposure: 0, platform: 0 };
	for (const q of index.practice) {
		const status = statusOf(q, answerOf(answers, q.id));
		const option = counted.get(q.id);
		const d = dims[q.dimension!];
		d.total++;
		if (status === 'option' || status === 'varies') {
			d.answered++;
			practiceAnswered++;
			practiceAnsweredOf[q.dimension!]!++;
		} else if (status === 'dk') d.dk++;
		else {
			d.unanswered++;
			unanswered.push(q.id);
		}
		d.practice.push([q.weight ?? 1, option?.score ?? q.options[0]!.score]);
		const known = status === 'option';
		if (q.options.some((o) => o.critical)) {
			if (known ? option!.critical : true) {
				criticalOpen.push({ questionId: q.id, optionId: known ? option!.id : null, inUse: inUse(q, answers) });
				if (known) criticalGaps.push(q.id);
				else if (status === 'unanswered') unansweredCritical = true;
			} else if (option!.weakGuard)
				weakGuards.push({ questionId: q.id, optionId: option!.id, inUse: inUse(q, answers) });
		} else if (q.options.some((o) => o.weakGuard) && (known ? Boolean(option!.weakGuard) : true))
			weakGuards.push({ questionId: q.id, optionId: known ? option!.id : null, inUse: inUse(q, answers) });
	}

	// Outcomes, weighed by how well the organisation looks.
	const badness: [number, number][] = [];
	const unknownOutcomes: UnknownOutcome[] = [];
	const findings: { questionId: string; optionId: string; caughtBy: string | null }[] = [];
	let outcomesUnknown = 0;
	let outcomeAnswered = 0;
	for (const o of index.outcomes) {
		const q = o.question;
		const given = answerOf(answers, q.id);
		const status = statusOf(q, given);
		const d = dims.risk_exposure;
		d.total++;
		const detectedBy = o.detection?.question.id ?? null;
		let score: number;
		if (status === 'option') {
			const option = q.options.find((x) => x.id === given)!;
			const seen = o.detection ? counted.get(o.detection.question.id) : undefined;
			const looks =
				o.detection !== null &&
				seen !== undefined &&
				index.levels.get(o.detection.question.id)!.get(seen.id)! >= o.detection.level;
			if (option.nothingFound && !looks) {
				score = o.mildestScore;
				unknownOutcomes.push({ questionId: q.id, reason: 'weak_detection', detectedBy });
				// Not looking never beats looking: what could have been severe and is not ruled out keeps Pioneer away.
				if (o.severe) outcomesUnknown++;
			} else score = option.score;
			if (option.severe) findings.push({ questionId: q.id, optionId: option.id, caughtBy: detectedBy });
			d.answered++;
			outcomeAnswered++;
		} else if (status === 'not_tracked') {
			score = o.mildestScore;
			unknownOutcomes.push({ questionId: q.id, reason: 'not_tracked', detectedBy });
			if (o.severe) outcomesUnknown++;
			d.answered++;
			outcomeAnswered++;
		} else {
			score = o.minScore;
			unknownOutcomes.push({ questionId: q.id, reason: status === 'dk' ? 'dont_know' : 'unanswered', detectedBy });
			if (o.severe) outcomesUnknown++;
			if (status === 'dk') d.dk++;
			else {
				d.unanswered++;
				unanswered.push(q.id);
			}
		}
		badness.push([q.weight ?? 1, 100 - score]);
	}

	// Root cause: a severe finding stops keeping the result from Pioneer once its cause is fixed and verified.
	let fixed = false;
	if (index.rootCause) {
		const q = index.rootCause;
		const given = answerOf(answers, q.id);
		const status = statusOf(q, given);
		const option = status === 'option' ? q.options.find((x) => x.id === given)! : undefined;
		fixed = Boolean(option?.verifiesFix);
		if (option?.nothingFound && findings.length > 0) {
			const notFixed = q.options[0]!;
			inconsistencies.push({
				kind: 'root_cause',
				questionId: q.id,
				given: option.id,
				countedAs: notFixed.id,
				requires: [],
				with: null
			});
		}
		dims.risk_exposure.total++;
		if (option) {
			dims.risk_exposure.answered++;
			outcomeAnswered++;
		} else if (status === 'dk') dims.risk_exposure.dk++;
		else {
			dims.risk_exposure.unanswered++;
			unanswered.push(q.id);
		}
	}
	const criticalFindings: CriticalFinding[] = findings.map((f) => ({ ...f, fixed }));

	// Answers that cannot be true beside another: listed, never counted differently.
	for (const q of index.contradicting) {
		const given = answerOf(answers, q.id);
		const option = given === undefined ? undefined : index.options.get(q.id)!.get(given);
		for (const c of option?.contradicts ?? []) {
			const other = answerOf(answers, c.question);
			if (other !== undefined && c.answers.includes(other))
				inconsistencies.push({
					kind: 'contradiction',
					questionId: q.id,
					given: given!,
					countedAs: null,
					requires: [],
					with: { question: c.question, answer: other }
				});
		}
	}

	// Confidence questions left unanswered are asked again too (they never count for or against the group).
	for (const q of bank.questions)
		if (q.kind === 'confidence' && answerOf(answers, q.id) === undefined) unanswered.push(q.id);

	const practiceScore = (d: DimensionId) => weighted(dims[d].practice, 0);
	const use = weighted(depth, 0);
	const aiChange = weighted(change, 0);
	const guards = weighted(dims.risk_exposure.practice, 0);
	const outcomes = weighted(badness, 0);
	const exposure = exposureOf(aiChange, guards, outcomes);
	const floors = {
		governance: practiceScore('governance'),
		automation: practiceScore('automation'),
		platform: practiceScore('platform')
	};
	const control = round1(
		CONTROL_WEIGHTS.governance * floors.governance +
			CONTROL_WEIGHTS.automation * floors.automation +
			CONTROL_WEIGHTS.risk_exposure * guards +
			CONTROL_WEIGHTS.platform * floors.platform
	);

	for (const d of DIMENSION_IDS) {
		const x = dims[d];
		answered += x.answered;
		dontKnow += x.dk;
	}
	const placementTotal = index.practice.length + index.outcomes.length + (index.rootCause ? 1 : 0);
	const coverage = placementTotal === 0 ? 0 : (practiceAnswered + outcomeAnswered) / placementTotal;
	const practiceCoverage = index.practice.length === 0 ? 0 : practiceAnswered / index.practice.length;
	const thinDimensions = (['governance', 'automation', 'risk_exposure', 'platform'] as const).filter((d) => {
		const total = index.practiceOf[d].length;
		return total > 0 && (practiceAnsweredOf[d] ?? 0) / total < THIN_COVERAGE;
	});
	const provisionalBecause: Measurement['provisionalBecause'] = [];
	if (practiceCoverage < PRACTICE_COVERAGE) provisionalBecause.push('coverage');
	if (thinDimensions.length > 0) provisionalBecause.push('thin_dimension');
	if (unansweredCritical) provisionalBecause.push('unanswered_critical');

	const axes: Axes = {
		use,
		aiChange,
		control,
		exposure,
		floors,
		criticalStated: criticalGaps.length,
		criticalUnknown: criticalOpen.length - criticalGaps.length,
		criticalInUse: criticalOpen.filter((g) => g.inUse).length,
		weakGuards: weakGuards.length,
		severeOpen: fixed ? 0 : findings.length,
		outcomesUnknown,
		provisional: provisionalBecause.length > 0,
		coverage
	};
	const { tier, rule } = groupOf(axes, cutoffs);

	const dimensions: DimensionResult[] = DIMENSION_IDS.map((d) => {
		const x = dims[d];
		const score = d === 'ai_integration' ? use : d === 'risk_exposure' ? exposure : floors[d as keyof typeof floors];
		return {
			dimension: d,
			score,
			contribution: d === 'risk_exposure' ? round1(100 - exposure) : score,
			answered: x.answered,
			dontKnow: x.dk,
			unanswered: x.unanswered,
			total: x.total,
			coverage: x.total === 0 ? 1 : x.answered / x.total
		};
	});
	return {
		dimensions,
		use,
		aiChange,
		control,
		exposure,
		guards,
		outcomes,
		coverage,
		practiceCoverage,
		answered,
		dontKnow,
		unanswered: orderedUnanswered(bank, unanswered),
		criticalGaps,
		criticalOpen,
		weakGuards,
		criticalFindings,
		unknownOutcomes,
		inconsistencies,
		provisional: axes.provisional,
		provisionalBecause,
		thinDimensions,
		floorsBelow: FLOOR_DIMENSIONS.filter((d) => floors[d] < cutoffs.floor),
		axes,
		tier,
		rule
	};
}

/** Question ids in bank order. */
function orderedUnanswered(bank: QuestionBank, ids: string[]): string[] {
	if (ids.length === 0) return ids;
	const set = new Set(ids);
	return bank.questions.filter((q) => set.has(q.id)).map((q) => q.id);
}
