/**
 * The judgement's properties over the real bank 3.0.0 (fast-check), the ones docs/methodology.md promises. Run counts
 * are explicit and small enough to finish on a loaded 2-core machine; each test has a time budget of its own.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { levelOf } from '$scoring/answers';
import { BANK_V3 } from '$scoring/content/banks';
import { OVERCONFIDENCE_GAP } from '$scoring/model/v3/lines';
import { measure } from '$scoring/model/v3/measure';
import { MAX_CHANGES } from '$scoring/model/v3/plan';
import { score } from '$scoring/model/v3/score';
import { compareGroups } from '$scoring/model/v3/tiers';
import { points } from '$scoring/present/format';
import { planItemDependsOn, presentResult } from '$scoring/present/result';
import { decodeAnswerCode } from '$scoring/export/answer-code';
import { DONT_KNOW, NOT_TRACKED, VARIES, type Answers, type TierId } from '$scoring/schema';
import { allAt, answersArb } from '../fixtures/answers';

const bank = BANK_V3;
const practice = bank.questions.filter((q) => q.kind === 'practice');
const use = bank.questions.filter((q) => q.kind === 'use');
const outcomes = bank.questions.filter((q) => q.kind === 'outcome');
const best = allAt(bank, 'best');
const RUNS = { numRuns: 60 };
const BUDGET = 120_000;

/** `after` is not below `before` in the partial order (unplaced is below every group). */
function notLower(after: TierId | null, before: TierId | null): boolean {
	if (before === null) return true;
	if (after === null) return false;
	return compareGroups(after, before) !== -1;
}

/** The questions a plan step's target needs at a level first. */
const needs = (c: { questionId: string; to: string }) =>
	(bank.questions.find((q) => q.id === c.questionId)!.options.find((o) => o.id === c.to)!.requires ?? []).map(
		(r) => r.question
	);

const isPioneer = (answers: Answers) => measure(bank, answers).tier === 'pioneer';

/** `after` is above `before` in the partial order (placed is above unplaced). */
function higher(after: TierId | null, before: TierId | null): boolean {
	if (after === null) return false;
	if (before === null) return true;
	return compareGroups(after, before) === 1;
}

describe('properties of the 3.0.0 judgement', () => {
	it(
		'no use answer — “don’t know” and no answer included — moves anyone into or out of Pioneer',
		{ timeout: BUDGET },
		() => {
			fc.assert(
				fc.property(answersArb(bank, 1), fc.constantFrom(...use), (answers, q) => {
					const before = isPioneer(answers);
					for (const value of [...q.options.map((o) => o.id), DONT_KNOW, undefined]) {
						const changed = { ...answers };
						if (value === undefined) delete changed[q.id];
						else changed[q.id] = value;
						expect(isPioneer(changed)).toBe(before);
					}
				}),
				RUNS
			);
			// And on the answers most likely to be Pioneer: every use answer at once, from none to the deepest.
			for (const level of ['none', 'deepest'] as const) {
				const answers = { ...best };
				for (const q of use) answers[q.id] = (level === 'none' ? q.options[0] : q.options[q.options.length - 1])!.id;
				expect(isPioneer(answers)).toBe(true);
			}
		}
	);

	it('each control dimension at its weakest level that is not critical, all else best, is not Pioneer', () => {
		for (const dimension of ['governance', 'automation', 'risk_exposure', 'platform'] as const) {
			const answers = { ...best };
			for (const q of practice.filter((x) => x.dimension === dimension))
				answers[q.id] = q.options.find((o) => !o.critical)!.id;
			expect(measure(bank, answers).tier, dimension).not.toBe('pioneer');
		}
	});

	it(
		'any critical answer or severe finding, whatever else is given, keeps the result out of Pioneer and is listed',
		{
			timeout: BUDGET
		},
		() => {
			const critical = practice.flatMap((q) => q.options.filter((o) => o.critical).map((o) => [q, o] as const));
			const severe = outcomes.flatMap((q) => q.options.filter((o) => o.severe).map((o) => [q, o] as const));
			fc.assert(
				fc.property(answersArb(bank), fc.constantFrom(...critical, ...severe), (answers, [q, o]) => {
					const r = measure(bank, { ...answers, [q.id]: o.id });
					expect(r.tier).not.toBe('pioneer');
					if (q.kind === 'practice') expect(r.criticalGaps).toContain(q.id);
					else expect(r.criticalFindings.map((f) => f.questionId)).toContain(q.id);
				}),
				RUNS
			);
		}
	);

	it('a better practice answer never lowers the group in the partial order', { timeout: BUDGET }, () => {
		fc.assert(
			fc.property(answersArb(bank), fc.constantFrom(...practice), (answers, q) => {
				const current = q.options.find((o) => o.id === answers[q.id]);
				const before = measure(bank, answers).tier;
				for (const o of q.options)
					if (!current || o.score > current.score)
						expect(notLower(measure(bank, { ...answers, [q.id]: o.id }).tier, before)).toBe(true);
			}),
			RUNS
		);
	});

	it('a better outcome answer never lowers the group in the partial order', { timeout: BUDGET }, () => {
		fc.assert(
			fc.property(answersArb(bank, 0), fc.constantFrom(...outcomes), (answers, q) => {
				const current = q.options.find((o) => o.id === answers[q.id])!;
				const before = measure(bank, answers).tier;
				for (const o of q.options.filter((x) => x.score > current.score))
					expect(notLower(measure(bank, { ...answers, [q.id]: o.id }).tier, before)).toBe(true);
			}),
			RUNS
		);
	});

	it(
		'“don’t know”, “varies by team” or no answer never raise the group; “not tracked” never beats a finding reported',
		{ timeout: BUDGET },
		() => {
			const scored = bank.questions.filter((q) => q.kind === 'practice' || q.kind === 'outcome');
			fc.assert(
				fc.property(answersArb(bank, 0), fc.constantFrom(...scored), (answers, q) => {
					const before = measure(bank, answers).tier;
					const unknowns = [DONT_KNOW, undefined, q.kind === 'practice' ? VARIES : NOT_TRACKED];
					for (const value of unknowns) {
						if (value === NOT_TRACKED && q.rootCause) continue; // the root-cause question takes no "not tracked"
						const changed = { ...answers };
						if (value === undefined) delete changed[q.id];
						else changed[q.id] = value;
						// "Not tracked" scores as the mildest reported finding: never above an answer that found nothing.
						const given = q.options.find((o) => o.id === answers[q.id]);
						if (
							value === NOT_TRACKED &&
							given &&
							!given.severe &&
							given.score < (q.options.find((o) => o.nothingFound)?.score ?? 100)
						)
							continue;
						expect(higher(measure(bank, changed).tier, before), `${q.id} → ${value ?? 'no answer'}`).toBe(false);
					}
				}),
				RUNS
			);
		}
	);

	it('all else equal, weak detection with “none that we know of” is never above strong detection with the mildest finding, and never a severe finding', () => {
		for (const q of outcomes.filter((x) => x.detectedBy)) {
			const d = bank.questions.find((x) => x.id === q.detectedBy!.question)!;
			const need = levelOf(d, q.detectedBy!.atLeast);
			const weak = d.options.find((o) => levelOf(d, o.id) < need)!;
			const strong = d.options.find((o) => levelOf(d, o.id) >= need)!;
			const none = q.options.find((o) => o.nothingFound)!;
			const mildest = q.options.filter((o) => o.score < none.score).at(-1)!;
			for (const base of [best, allAt(bank, 'worst')]) {
				const notLooking = score(bank, { ...base, [d.id]: weak.id, [q.id]: none.id });
				const looking = score(bank, { ...base, [d.id]: strong.id, [q.id]: mildest.id });
				expect(
					notLooking.criticalFindings.some((f) => f.questionId === q.id),
					q.id
				).toBe(false);
				expect(notLooking.unknownOutcomes.some((u) => u.questionId === q.id && u.reason === 'weak_detection')).toBe(
					true
				);
				if (notLooking.tier && looking.tier)
					expect(
						compareGroups(notLooking.tier, looking.tier),
						`${q.id} from ${base === best ? 'best' : 'worst'}`
					).not.toBe(1);
			}
		}
	});

	it(
		'plans: at most five changes, practice only, each above the answer, neither critical nor a weak guard, and after the steps it needs; critical targets are `reaches`; Exposed plans start with every open critical gap that fits; lifts: true reaches the next group',
		{ timeout: BUDGET },
		() => {
			fc.assert(
				fc.property(answersArb(bank), (answers) => {
					const r = score(bank, answers);
					const plan = r.liftPlan;
					if (!plan) return;
					expect(plan.changes.length).toBeLessThanOrEqual(MAX_CHANGES);
					const applied = { ...answers };
					for (const c of plan.changes) {
						const q = bank.questions.find((x) => x.id === c.questionId)!;
						expect(q.kind).toBe('practice');
						const target = q.options.find((o) => o.id === c.to)!;
						expect(target.critical).toBeUndefined();
						expect(target.weakGuard).toBeUndefined();
						const from = q.options.find((o) => o.id === c.from);
						if (from) expect(target.score).toBeGreaterThan(from.score);
						if (c.reason === 'critical_gap') {
							const criticalOption = from?.critical ? from : q.options.find((o) => o.critical)!;
							expect(c.to).toBe(criticalOption.reaches);
						}
						applied[c.questionId] = c.to;
					}
					// Each step comes after the steps its target needs.
					plan.changes.forEach((c, i) => {
						for (const q of needs(c)) expect(plan.changes.findIndex((x) => x.questionId === q)).toBeLessThan(i);
					});
					if (r.tier === 'exposed') {
						// Stated gaps first, then those not ruled out, each in bank order; a gap a later step needs comes first.
						const open = [
							...r.criticalOpen.filter((g) => g.optionId),
							...r.criticalOpen.filter((g) => !g.optionId)
						].map((g) => g.questionId);
						const critical = plan.changes.filter((c) => c.reason === 'critical_gap').map((c) => c.questionId);
						const inOrder = critical.filter((id) => !plan.changes.some((c) => needs(c).includes(id)));
						expect(inOrder).toEqual(open.filter((id) => inOrder.includes(id)));
						// Nothing but critical gaps and their prerequisites comes before the last critical change.
						const last = plan.changes.map((c) => c.reason).lastIndexOf('critical_gap');
						const first = plan.changes.slice(0, last + 1);
						expect(first.every((c) => c.reason === 'critical_gap' || c.reason === 'prerequisite')).toBe(true);
						// A gap is left out only when it and the steps it still needs do not fit in five.
						const closed = { ...answers };
						for (const c of first) closed[c.questionId] = c.to;
						for (const id of open.filter((x) => !critical.includes(x))) {
							const q = bank.questions.find((x) => x.id === id)!;
							const given = q.options.find((o) => o.id === answers[id]);
							const target = q.options.find(
								(o) => o.id === (given?.critical ? given : q.options.find((o) => o.critical)!).reaches
							)!;
							const missing = (target.requires ?? []).filter((need) => {
								const now = closed[need.question];
								const pre = bank.questions.find((x) => x.id === need.question)!;
								return !pre.options.some((o) => o.id === now) || levelOf(pre, now!) < levelOf(pre, need.atLeast);
							});
							expect(first.length + 1 + missing.length, `${id} left out`).toBeGreaterThan(MAX_CHANGES);
						}
					}
					if (plan.lifts) {
						const reached = measure(bank, applied).tier;
						if (plan.target === 'pioneer') expect(reached).toBe('pioneer');
						else expect(reached === null || reached === 'exposed').toBe(false);
					}
				}),
				{ numRuns: 40 }
			);
		}
	);

	it(
		'every roadmap step starts from the level counted and a critical step targets exactly `reaches`',
		{ timeout: BUDGET },
		() => {
			fc.assert(
				fc.property(answersArb(bank), (answers) => {
					for (const s of score(bank, answers).recommendations) {
						const q = bank.questions.find((x) => x.id === s.questionId)!;
						const from = q.options.find((o) => o.id === s.from);
						const to = q.options.find((o) => o.id === s.to)!;
						if (from) {
							expect(to.score).toBeGreaterThan(from.score);
							if (from.critical || from.reaches) expect(s.to).toBe(from.reaches);
						}
						expect(to.critical).toBeUndefined();
					}
				}),
				RUNS
			);
		}
	);

	it('every number in a first-screen sentence is the value displayed beside it', { timeout: BUDGET }, () => {
		fc.assert(
			fc.property(answersArb(bank), (answers) => {
				const result = score(bank, answers);
				const view = presentResult({ bank, answers, result });
				const cards = Object.fromEntries(view.scores.cards.map((c) => [c.label, c.value]));
				const rows = Object.fromEntries(view.scores.dimensions.map((d) => [d.dimension, points(d.score)]));
				const displayed: Record<string, string | undefined> = {
					control: cards.Foundations,
					use: cards['AI adoption'],
					exposure: view.scores.cards[2]?.value,
					governance: rows.governance,
					automation: rows.automation,
					platform: rows.platform,
					criticalCount: String(view.gaps.filter((g) => g.kind === 'critical_gap').length),
					weakCount: String(result.weakGuards.length),
					unansweredCount: String(view.unanswered.count)
				};
				for (const sentence of view.verdict.why)
					for (const token of sentence.tokens) {
						expect(sentence.text).toContain(token.value);
						// A figure reads as a word: never run into the text beside it ("4weak guards").
						const at = sentence.text.indexOf(token.value);
						expect(sentence.text.slice(at + token.value.length), sentence.text).not.toMatch(/^[A-Za-z]/);
						expect(sentence.text.slice(0, at), sentence.text).not.toMatch(/[A-Za-z]$/);
						expect(view.figures[token.field]).toBe(token.value);
						if (displayed[token.field] !== undefined) expect(token.value).toBe(displayed[token.field]);
					}
				// And no digit in a why sentence comes from anywhere but a token.
				for (const sentence of view.verdict.why) {
					let rest = sentence.text;
					for (const t of sentence.tokens) rest = rest.replace(t.value, '');
					expect(rest.replace(/Pioneer|AI|\(s\)/g, ''), sentence.text).not.toMatch(/\d/);
				}
			}),
			RUNS
		);
	});
	it('the 30 / 60 / 90-day plan lists no item before one it needs done first', { timeout: BUDGET }, () => {
		let dependent = 0;
		fc.assert(
			fc.property(answersArb(bank, 3), (answers) => {
				const result = score(bank, answers);
				const listed = presentResult({ bank, answers, result }).plan.horizons.flatMap((h) => h.items);
				listed.forEach((item, i) => {
					for (const later of listed.slice(i + 1)) {
						const needsLater = planItemDependsOn(bank, item, later) && !planItemDependsOn(bank, later, item);
						expect(needsLater, `${item.theme} is listed before ${later.theme}, which it needs`).toBe(false);
						if (planItemDependsOn(bank, later, item)) dependent++;
					}
				});
			}),
			{ numRuns: 200 }
		);
		// The property is about plans that hold a prerequisite and what needs it: the runs must include some.
		expect(dependent).toBeGreaterThan(0);
	});
	it(
		'the first screen names what the model weighs: open critical questions in the summary, the raised weak bar in the why, adoption never against confidence, the lift note matching the plan, unanswered critical questions first',
		{ timeout: BUDGET },
		() => {
			fc.assert(
				fc.property(answersArb(bank, 3), (answers) => {
					const result = score(bank, answers);
					const view = presentResult({ bank, answers, result });
					const gaps = result.criticalGaps.length;
					const unknown = result.criticalOpen.length - gaps;
					if (result.tier !== null) {
						if (gaps) expect(view.verdict.summary).toContain(`${gaps} critical gap`);
						if (unknown) expect(view.verdict.summary).toContain(`${unknown} critical question`);
						if (!gaps && !unknown) expect(view.verdict.summary).not.toMatch(/critical (gap|question)s? to/);
					}
					const near = result.nearestCutoff;
					const raised = result.criticalOpen.filter((g) => g.inUse).length;
					const nearest = view.verdict.why.find((w) => w.text.startsWith('The nearest cut-off is '));
					if (nearest)
						expect(nearest.text.includes(', which is 22.5 raised 8 for ')).toBe(
							near?.condition === 'control_weak' && raised > 0 && result.rule !== 'exposed_control'
						);
					const adoption = result.confidenceGaps.find((g) => g.dimension === 'ai_integration')!;
					expect(adoption).toMatchObject({ practice: null, gap: null, overconfident: false });
					if (view.lift && result.liftPlan) {
						expect(view.lift.note.includes('would place you')).toBe(result.liftPlan.lifts);
						// Only a plan that reaches the next group is headed as the way there.
						expect(view.lift.heading.startsWith('What would')).toBe(result.liftPlan.lifts);
					}
					// An unanswered question carries what it leaves not ruled out (shown beside the link to answer it),
					// and those that leave something open come first.
					for (const q of view.unanswered.questions)
						expect(q.notRuledOut).toEqual(
							view.notRuledOut.filter((l) => l.questionId === q.questionId).map((l) => l.sentence)
						);
					// The coverage sentence adds up on its own base: answered, "don't know" and unanswered make the total.
					const [, answered, total, dk, blank] = view.scores.coverage.match(
						/^You answered (\d+) of the (\d+) scored questions(?: \((?:(\d+) (?:is|are) “don’t know”)?(?:, )?(?:(\d+) (?:is|are) unanswered)?\))?;/
					)!;
					expect(Number(answered) + Number(dk ?? 0) + Number(blank ?? 0)).toBe(Number(total));
					// A gap or weak guard on an answer counted lower than given says why, beside the answer it quotes.
					for (const gap of view.gaps)
						if (
							result.inconsistencies.some(
								(i) => i.questionId === gap.questionId && i.kind === 'prerequisite' && i.countedAs !== i.given
							)
						)
							expect(gap.detail).toMatch(/, counted as “.+” because /);
					// A reason never rests on a count of nothing ("0 outcomes … are unknown").
					for (const w of view.verdict.why) expect(w.text).not.toMatch(/^0 /);
					// With no flagged dimension, the sentence says what would be flagged, so a +10 gap in the table
					// beside it does not read as a contradiction.
					expect(view.confidenceNone === null).toBe(result.confidenceGaps.some((g) => g.overconfident));
					if (view.confidenceNone) expect(view.confidenceNone).toContain(`${OVERCONFIDENCE_GAP} points or more`);
					const open = view.unanswered.questions.map((q) => q.notRuledOut.length > 0);
					expect(open).toEqual([...open].sort((a, b) => Number(b) - Number(a)));
				}),
				RUNS
			);
		}
	);
	it('robust foundations held back by an outcome not looked for: the reason counts it, and adoption is not said to outrun them', () => {
		// A platform lead's re-assessment read "0 outcomes that could have been severe are unknown" (the count left out
		// outcomes not looked for) and "adoption … ahead of what your foundations support" beside foundations of 97.
		const answers: Answers = {
			...best,
			gov_ai_literacy: 'required',
			auto_cost_guardrails: 'estimates',
			out_misconfig_prod: 'none',
			auto_config_scanning: 'none'
		};
		const result = score(bank, answers);
		const view = presentResult({ bank, answers, result });
		expect([result.tier, result.rule]).toEqual(['outpacing', 'outcome_unknown']);
		expect(view.verdict.why.map((w) => w.text)).toEqual([
			'1 outcome that could have been severe is unknown: find out what happened.',
			`Your AI adoption (${points(result.use)}) is deep and your foundations (${points(result.control)}) are robust: what keeps you from Pioneer is said above, never how much AI you use.`
		]);
	});
	it('a reviewer’s Outpacing result: the summary, the raised bar, the lift note and the adoption row say what the model did', () => {
		// A CTO's reading of this result found the summary counting 1 critical item where the bar counted 2, and a lift
		// list introduced as "enough to move you up a group" under a note saying five changes are not enough.
		const { answers } = decodeAnswerCode(
			'ai_readiness.3.0.0.c77788886767266667777656667778775626077689666876667786786662fsbjO'
		);
		const result = score(bank, answers);
		const view = presentResult({ bank, answers, result });
		expect(result.tier).toBe('outpacing');
		expect(view.verdict.summary).toMatch(/ 1 critical gap to close and 1 critical question to rule out first\.$/);
		expect(view.verdict.why[0]!.text).toBe(
			'1 critical gap keeps you out of Pioneer, whatever else is true: AI agents can merge or apply their own changes.'
		);
		expect(view.verdict.why.map((w) => w.text)).toContain(
			'The nearest cut-off is foundations at 38.5 (you: 39.5), which is 22.5 raised 8 for each of 2 open critical questions; across it you would be Exposed.'
		);
		expect(result.liftPlan?.lifts).toBe(false);
		expect(view.lift?.note).toBe('Five changes are not enough to get there; these are the first 5, in order.');
		const adoption = view.confidence.find((c) => c.label === 'AI integration depth')!;
		expect(adoption).toMatchObject({ practice: '—', gap: '—', overconfident: false });
		expect(adoption.sentence).toMatch(/^You rated your confidence in AI integration depth at 50; it is not compared/);
		expect(view.gaps.map((g) => g.kind)).toEqual(['critical_gap', 'weak_guard', 'weak_guard']);
		// Its survey comparisons cite their sources; the one published at one address is linked.
		expect(view.benchmark.footnotes).toContainEqual({
			label: 'SecurityBrief US, "AI infrastructure incidents hit 93%, Spacelift warns", 26 June 2026',
			url: 'https://securitybrief.news/story/ai-infrastructure-incidents-hit-93-spacelift-warns'
		});
		expect(view.benchmark.footnotes).toContainEqual({
			label: 'Coverage by The Register, IT Brief and unite.ai, June 2026',
			url: null
		});
	});
});
