/**
 * The cheapest path to Pioneer, found by a search over the bank (never written by hand): starting from every practice
 * question at its weakest level that is neither critical nor a weak guard, raise one level at a time the question
 * that closes the most of what Pioneer still lacks per level (detection where an outcome could be severe — raised
 * straight to the level that detects it —, the floors, robust foundations), until the rules
 * place the answers in Pioneer; then drop every raise that is not needed. Use answers are "none" (Pioneer never
 * depends on them), outcomes "none that we know of" with whatever detection the path leaves (never severe). The
 * result shows what the rules let through at the least effort: docs/methodology.md prints it.
 */
import { levelOf } from '../answers';
import { measure, type Measurement } from '../model/v3/measure';
import { CUTOFFS, FLOOR_DIMENSIONS, type Cutoffs } from '../model/v3/tiers';
import type { Answers, Option, Question, QuestionBank } from '../schema';

export interface CheapestPath {
	answers: Answers;
	/** Levels raised above each question's weakest safe level, summed. */
	levels: number;
	/** The practice questions above their weakest safe level, with the option chosen. */
	raised: { questionId: string; optionId: string; level: number; top: boolean }[];
	measurement: Measurement;
}

const safe = (o: Option) => !o.critical && !o.weakGuard;

/** Searches the cheapest Pioneer answers of `bank` (see the module comment). */
export function cheapestPathToPioneer(bank: QuestionBank, cutoffs: Cutoffs = CUTOFFS): CheapestPath {
	const practice = bank.questions.filter((q) => q.kind === 'practice');
	const base: Answers = {};
	for (const q of bank.questions) {
		if (q.kind === 'use') base[q.id] = q.options[0]!.id;
		if (q.kind === 'practice') base[q.id] = q.options.find(safe)!.id;
		if (q.kind === 'outcome')
			base[q.id] = (q.options.find((o) => o.nothingFound) ?? q.options[q.options.length - 1]!).id;
	}
	const shortfall = (m: Measurement) =>
		FLOOR_DIMENSIONS.reduce((s, d) => s + Math.max(0, cutoffs.floor - m.axes.floors[d]), 0) +
		Math.max(0, cutoffs.controlHigh - m.control) +
		25 * (m.criticalOpen.length + m.weakGuards.length + m.axes.outcomesUnknown);
	// A detection practice only rules an outcome in once it reaches the level that detects it: raise it that far at once.
	const detects = new Map<string, string>();
	for (const q of bank.questions)
		if (q.kind === 'outcome' && q.detectedBy) {
			const d = bank.questions.find((x) => x.id === q.detectedBy!.question)!;
			const known = detects.get(d.id);
			if (!known || levelOf(d, q.detectedBy.atLeast) > levelOf(d, known)) detects.set(d.id, q.detectedBy.atLeast);
		}
	let answers = { ...base };
	let m = measure(bank, answers, cutoffs);
	const next = (q: Question, current: string) =>
		q.options.find((o) => o.score > q.options.find((x) => x.id === current)!.score && safe(o));
	for (let guard = 0; m.tier !== 'pioneer' && guard < 400; guard++) {
		let best: { answers: Answers; m: Measurement; gain: number } | null = null;
		const before = shortfall(m);
		for (const q of practice) {
			let option = next(q, answers[q.id]!);
			if (!option) continue;
			const detecting = detects.get(q.id);
			if (detecting && levelOf(q, option.id) < levelOf(q, detecting))
				option = q.options.find((o) => o.id === detecting)!;
			// Raising one question may need its prerequisites raised with it.
			const trial = { ...answers, [q.id]: option.id };
			for (const r of option.requires ?? []) {
				const pre = bank.questions.find((x) => x.id === r.question)!;
				if (levelOf(pre, trial[pre.id]) < levelOf(pre, r.atLeast)) trial[pre.id] = r.atLeast;
			}
			const tm = measure(bank, trial, cutoffs);
			const cost = practice.reduce((s, x) => s + levelOf(x, trial[x.id]) - levelOf(x, answers[x.id]), 0);
			const gain = (tm.tier === 'pioneer' ? before + 1 : before - shortfall(tm)) / Math.max(1, cost);
			if (gain > 1e-9 && (!best || gain > best.gain + 1e-9)) best = { answers: trial, m: tm, gain };
		}
		if (!best) break;
		answers = best.answers;
		m = best.m;
	}
	// Drop each raise that Pioneer does not need (one level at a time, latest questions first).
	for (const q of [...practice].reverse())
		for (;;) {
			const current = q.options.find((o) => o.id === answers[q.id])!;
			const lower = [...q.options]
				.reverse()
				.find((o) => o.score < current.score && safe(o) && levelOf(q, o.id) >= levelOf(q, base[q.id]));
			if (!lower) break;
			const trial = { ...answers, [q.id]: lower.id };
			const tm = measure(bank, trial, cutoffs);
			if (tm.tier !== 'pioneer' || tm.inconsistencies.length > 0) break;
			answers = trial;
			m = tm;
		}
	const raised = practice
		.filter((q) => answers[q.id] !== base[q.id])
		.map((q) => ({
			questionId: q.id,
			optionId: answers[q.id]!,
			level: levelOf(q, answers[q.id]),
			top: levelOf(q, answers[q.id]) === Math.max(...q.options.map((o) => levelOf(q, o.id)))
		}));
	return {
		answers,
		levels: practice.reduce((s, q) => s + levelOf(q, answers[q.id]) - levelOf(q, base[q.id]), 0),
		raised,
		measurement: m
	};
}
