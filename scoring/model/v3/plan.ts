/**
 * The lift plan of model 3.0: at most five changes a leader can start on Monday. Critical gaps come first (an
 * Exposed plan starts with every open one), each raised to exactly the option its step `reaches`; then weak guards
 * (for Pioneer), the practice that would have caught each severe finding, then the practice changes that close the
 * most of what is still short. A prerequisite a change needs is a change too. No change touches a use or outcome
 * answer, and none widens what AI may do (every target is a practice option above the one answered).
 */
import { answerOf, levelOf } from '../../answers';
import type { Answers, Option, Question, QuestionBank } from '../../schema';
import { indexOf, measure, statusOf, type BankIndex, type Measurement } from './measure';
import type { AnswerChange, LiftPlan } from './result';
import { CUTOFFS, FLOOR_DIMENSIONS, MARGINS, weakBar, type Cutoffs } from './tiers';

/** A plan has at most this many changes. */
export const MAX_CHANGES = 5;
/** A change found by the search raises a question by at most this many levels (critical and weak-guard steps go to their target). */
export const MAX_LEVELS_PER_STEP = 2;

const unsafe = (o: Option | undefined) => Boolean(o?.critical || o?.weakGuard);

/** The option a step from `from` reaches: its `reaches`, else the next level up (null at the top). */
export function stepTarget(q: Question, from: Option): Option | null {
	if (from.reaches) return q.options.find((o) => o.id === from.reaches) ?? null;
	return q.options.find((o) => o.score > from.score) ?? null;
}

/** Where a step on `q` starts: the option counted, or — unknown ("don't know", "varies", no answer) — the weakest. */
export function stepStart(index: BankIndex, answers: Answers, q: Question): Option {
	const given = answerOf(answers, q.id);
	if (statusOf(q, given) !== 'option') return q.options[0]!;
	const option = q.options.find((o) => o.id === given)!;
	// An answer its prerequisites do not allow starts from where it is counted.
	return measureCache(index, answers).get(q.id) ?? option;
}

/** Counted practice answers per answers object (the plan reads them many times). */
const counted = new WeakMap<Answers, Map<string, Option>>();
function measureCache(index: BankIndex, answers: Answers): Map<string, Option> {
	let map = counted.get(answers);
	if (!map) {
		map = new Map();
		const m = measure(index.bank, answers);
		for (const q of index.practice) {
			const given = answerOf(answers, q.id);
			const inconsistent = m.inconsistencies.find((i) => i.questionId === q.id);
			const id = inconsistent ? inconsistent.countedAs : given;
			const option = q.options.find((o) => o.id === id);
			if (option) map.set(q.id, option);
		}
		counted.set(answers, map);
	}
	return map;
}

interface Draft {
	answers: Answers;
	changes: AnswerChange[];
}

/**
 * The changes that give `q` the option `target` in `draft`, prerequisites first; null when over the limit. A question
 * already planned keeps its place: at or above the target nothing changes, below it the step is raised where it
 * stands. It keeps the reason it was planned for, unless it is a critical gap, which is always named as one.
 */
function withChange(
	index: BankIndex,
	original: Answers,
	draft: Draft,
	q: Question,
	target: Option,
	reason: AnswerChange['reason'],
	depth = 0
): Draft | null {
	if (depth > 3) return null;
	const kept = draft.changes.find((c) => c.questionId === q.id);
	const named = (c: AnswerChange): AnswerChange => (reason === 'critical_gap' ? { ...c, reason } : c);
	if (kept && levelOf(q, kept.to) >= levelOf(q, target.id))
		return { ...draft, changes: draft.changes.map((c) => (c === kept ? named(c) : c)) };
	let next: Draft = draft;
	for (const r of target.requires ?? []) {
		const pre = index.byId.get(r.question)!;
		const now = next.answers[pre.id];
		if (statusOf(pre, now) === 'option' && levelOf(pre, now) >= levelOf(pre, r.atLeast)) continue;
		// Where the answer's own step reaches far enough, that step (it keeps what the answer has: a short-lived session
		// becomes a short-lived scoped identity, not a long-lived secret); else the lowest safe level that does.
		const own = stepTarget(pre, stepStart(index, original, pre));
		const need =
			own && !unsafe(own) && levelOf(pre, own.id) >= levelOf(pre, r.atLeast)
				? own
				: pre.options.filter((o) => levelOf(pre, o.id) >= levelOf(pre, r.atLeast) && !unsafe(o))[0];
		if (!need) return null;
		const inner = withChange(index, original, next, pre, need, 'prerequisite', depth + 1);
		if (!inner) return null;
		next = inner;
	}
	// A change starts where the answer is counted (an answer its prerequisites do not allow counts lower).
	const given = answerOf(original, q.id);
	const change: AnswerChange = {
		questionId: q.id,
		from: statusOf(q, given) === 'option' ? stepStart(index, original, q).id : null,
		to: target.id,
		reason: kept?.reason ?? reason
	};
	const changes = kept
		? next.changes.map((c) => (c.questionId === q.id ? named(change) : c))
		: [...next.changes, change];
	if (changes.length > MAX_CHANGES) return null;
	return { answers: { ...next.answers, [q.id]: target.id }, changes };
}

/**
 * The changes in their order, each after the steps its target needs (a step raised in place may need one planned
 * later): a needed step moves up to just before the first step that needs it.
 */
function prerequisitesFirst(index: BankIndex, changes: AnswerChange[]): AnswerChange[] {
	const ordered: AnswerChange[] = [];
	const place = (c: AnswerChange, seen: Set<string>) => {
		if (ordered.includes(c) || seen.has(c.questionId)) return;
		seen.add(c.questionId);
		const target = index.byId.get(c.questionId)!.options.find((o) => o.id === c.to);
		for (const r of target?.requires ?? []) {
			const needed = changes.find((x) => x.questionId === r.question);
			if (needed) place(needed, seen);
		}
		ordered.push(c);
	};
	for (const c of changes) place(c, new Set());
	return ordered;
}

/**
 * Points still short of the goal, for the greedy search. Out of Exposed, the search aims past the cut-offs' margins,
 * so the plan does not leave a result balanced on a cut-off.
 */
function shortfall(m: Measurement, target: LiftPlan['target'], c: Cutoffs): number {
	if (target === 'out_of_exposed')
		return (
			Math.max(0, weakBar(m.axes, c) + MARGINS.controlLow - m.control) +
			Math.max(0, m.exposure - (c.exposureSevere - MARGINS.exposureSevere))
		);
	return (
		FLOOR_DIMENSIONS.reduce((s, d) => s + Math.max(0, c.floor - m.axes.floors[d]), 0) +
		Math.max(0, c.controlHigh - m.control) +
		25 * (m.criticalOpen.length + m.weakGuards.length)
	);
}

const reached = (m: Measurement, target: LiftPlan['target']) =>
	target === 'pioneer' ? m.tier === 'pioneer' : m.tier !== null && m.tier !== 'exposed';

/**
 * The lift plan for validated answers and their measurement; null for a Pioneer or an unplaced result.
 * `lifts: false` when five changes cannot reach the next group, or when what holds the result back is not a
 * practice (a severe finding, an outcome left unknown): the plan then gives the first five steps all the same.
 */
export function liftPlan(bank: QuestionBank, answers: Answers, m: Measurement, c: Cutoffs = CUTOFFS): LiftPlan | null {
	if (m.tier === null || m.tier === 'pioneer') return null;
	const index = indexOf(bank);
	const target: LiftPlan['target'] = m.tier === 'exposed' ? 'out_of_exposed' : 'pioneer';
	let draft: Draft = { answers: { ...answers }, changes: [] };
	const add = (q: Question, to: Option | null, reason: AnswerChange['reason']) => {
		if (!to) return;
		const next = withChange(index, answers, draft, q, to, reason);
		if (next) draft = next;
	};
	const start = (q: Question) => stepStart(index, answers, q);

	// 1. Every open critical gap — stated first, then those not ruled out — to exactly the level its step reaches.
	const critical = [...m.criticalOpen].sort((a, b) => Number(a.optionId === null) - Number(b.optionId === null));
	for (const g of critical) {
		const q = index.byId.get(g.questionId)!;
		const from = start(q);
		const criticalOption = from.critical ? from : q.options.find((o) => o.critical)!;
		add(q, stepTarget(q, criticalOption), 'critical_gap');
	}
	// 2. Every weak guard — for Pioneer all of them, out of Exposed those on practices in use — to the first level
	// that is neither weak nor critical.
	for (const g of m.weakGuards)
		if (target === 'pioneer' || g.inUse) {
			const q = index.byId.get(g.questionId)!;
			const from = start(q);
			const weak = from.weakGuard ? from : q.options.find((o) => o.weakGuard)!;
			add(q, stepTarget(q, weak), 'weak_guard');
		}
	// 3. The practice that would have caught each severe finding, where it does not look yet.
	for (const f of m.criticalFindings) {
		const outcome = index.outcomes.find((o) => o.question.id === f.questionId);
		const d = outcome?.detection;
		if (!d) continue;
		const now = draft.answers[d.question.id];
		if (statusOf(d.question, now) === 'option' && levelOf(d.question, now) >= d.level) continue;
		add(d.question, d.question.options.find((o) => levelOf(d.question, o.id) >= d.level) ?? null, 'detection');
	}
	// 4. Greedy: the practice change that closes most of what is still short, per change it costs.
	let current = measure(bank, draft.answers, c);
	const done = (x: Measurement) => reached(x, target) && (target === 'pioneer' || shortfall(x, target, c) === 0);
	while (!done(current) && draft.changes.length < MAX_CHANGES) {
		const before = shortfall(current, target, c);
		let best: { draft: Draft; m: Measurement; gain: number; levels: number } | null = null;
		for (const q of index.practice) {
			if (draft.changes.some((x) => x.questionId === q.id)) continue;
			const from = start(q);
			const base = levelOf(q, from.id);
			const now = statusOf(q, draft.answers[q.id]) === 'option' ? levelOf(q, draft.answers[q.id]) : -1;
			for (const o of q.options) {
				const level = levelOf(q, o.id);
				if (level <= Math.max(base, now) || level > base + MAX_LEVELS_PER_STEP || unsafe(o)) continue;
				if (statusOf(q, answerOf(answers, q.id)) === 'option' && o.score <= from.score) continue;
				const next = withChange(index, answers, draft, q, o, target === 'pioneer' ? 'control' : 'exposure');
				if (!next) continue;
				const nm = measure(bank, next.answers, c);
				const cost = next.changes.length - draft.changes.length;
				const gain = (done(nm) ? before + 1 : before - shortfall(nm, target, c)) / cost;
				if (gain <= 1e-9) continue;
				if (!best || gain > best.gain + 1e-9 || (Math.abs(gain - best.gain) <= 1e-9 && level - base < best.levels))
					best = { draft: next, m: nm, gain, levels: level - base };
			}
		}
		if (!best) break;
		draft = best.draft;
		current = best.m;
	}
	// A floor change is named for what it lifts.
	const changes = prerequisitesFirst(index, draft.changes).map((ch) => {
		if (ch.reason !== 'control') return ch;
		const q = index.byId.get(ch.questionId)!;
		const d = q.dimension as (typeof FLOOR_DIMENSIONS)[number];
		return FLOOR_DIMENSIONS.includes(d) && m.axes.floors[d] < c.floor ? { ...ch, reason: 'floor' as const } : ch;
	});
	return { target, lifts: reached(current, target), changes };
}
