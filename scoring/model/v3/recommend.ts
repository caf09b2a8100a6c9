/**
 * The roadmap of model 3.0: one step for every practice question below its strongest level or not known, from the
 * level counted (or, when unknown, from finding out), to the option the step reaches. Critical gaps first, then the
 * plan's steps, then the practices that would have caught a severe finding, then weight × shortfall.
 */
import { answerOf, levelOf, round1 } from '../../answers';
import { VARIES, type Answers, type QuestionBank } from '../../schema';
import { indexOf, statusOf, type Measurement } from './measure';
import { stepStart, stepTarget } from './plan';
import type { LiftPlan, Recommendation } from './result';
import { CUTOFFS, FLOOR_DIMENSIONS, type Cutoffs } from './tiers';

const PRIORITY_CRITICAL = 1000;
const PRIORITY_PLAN = 500;
const PRIORITY_CATCHES = 300;
/** Multiplier for a step in a dimension that holds the result back. */
export const BLOCKING_BOOST = 1.5;
const EFFORT_BONUS = { low: 10, medium: 5, high: 0 } as const;

/** Dimensions holding the result back: below a floor or the control the next group needs; risk while guards are open. */
function blocking(m: Measurement, c: Cutoffs): Set<string> {
	const out = new Set<string>();
	if (m.tier === 'pioneer' || m.tier === null) return out;
	for (const d of FLOOR_DIMENSIONS) if (m.axes.floors[d] < c.floor) out.add(d);
	if (m.criticalOpen.length || m.weakGuards.length || m.tier === 'exposed') out.add('risk_exposure');
	return out;
}

/** The roadmap's steps, most urgent first. */
export function recommendations(
	bank: QuestionBank,
	answers: Answers,
	m: Measurement,
	plan: LiftPlan | null,
	c: Cutoffs = CUTOFFS
): Recommendation[] {
	const index = indexOf(bank);
	const boost = blocking(m, c);
	const critical = new Set(m.criticalOpen.map((g) => g.questionId));
	const weak = new Set(m.weakGuards.map((g) => g.questionId));
	const planned = new Set(plan?.changes.map((x) => x.questionId) ?? []);
	const out: Recommendation[] = [];
	for (const q of index.practice) {
		const given = answerOf(answers, q.id);
		const status = statusOf(q, given);
		const from = stepStart(index, answers, q);
		const top = Math.max(...q.options.map((o) => o.score));
		if (status === 'option' && from.score === top) continue;
		const to = stepTarget(q, from);
		const step = from.next;
		if (!to || !step) continue;
		// Severe findings this practice would have caught, were it at the level that counts as looking.
		const catches = m.criticalFindings
			.filter((f) => {
				const d = index.outcomes.find((o) => o.question.id === f.questionId)?.detection;
				return d?.question.id === q.id && (status !== 'option' || levelOf(q, from.id) < d.level);
			})
			.map((f) => f.questionId);
		const isCritical = critical.has(q.id);
		const lifts = planned.has(q.id);
		out.push({
			questionId: q.id,
			dimension: q.dimension!,
			priority: round1(
				(isCritical ? PRIORITY_CRITICAL : 0) +
					(lifts ? PRIORITY_PLAN : 0) +
					(catches.length ? PRIORITY_CATCHES : 0) +
					(q.weight ?? 1) * (100 - from.score) * (boost.has(q.dimension!) ? BLOCKING_BOOST : 1) * 0.1 +
					EFFORT_BONUS[step.effort]
			),
			title: step.title,
			action: step.action,
			effort: step.effort,
			from: status === 'option' ? from.id : status === 'varies' ? VARIES : null,
			to: to.id,
			critical: isCritical,
			weakGuard: weak.has(q.id),
			lifts,
			catches,
			theme: q.theme ?? null,
			references: q.references ?? []
		});
	}
	return out.sort((a, b) => b.priority - a.priority);
}
