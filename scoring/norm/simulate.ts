/**
 * The simulated surveyed population the norming fits cut-offs on: a seeded population whose answers reproduce the
 * survey's published per-question shares. Each organisation draws an adoption trait, a common control factor and one
 * factor per control dimension (so it can be uneven: strong governance with weak automation), and an outcome trait;
 * each answer is cut from its trait by thresholds that reproduce its option shares. Answers respect the bank's
 * prerequisites, weak detection hides findings half the time, and no simulated organisation answers "don't know".
 * Deterministic: the same bank, options and seed give the same population. docs/methodology.md, "Norming".
 */
import { levelOf } from '../answers';
import { SURVEY_2026, type Benchmark } from '../content/survey';
import type { Answers, DimensionId, Question, QuestionBank } from '../schema';
import { countedPractice, indexOf } from '../model/v3/measure';

/** Parameters of the simulated population; {@link SIMULATION} holds the documented defaults. */
export interface SimulationOptions {
	size: number;
	seed: number;
	/** Correlation of adoption with the common control factor. */
	correlation: number;
	/** Correlation of each control dimension's factor with the common control factor (dimensions correlate at its square). */
	dimensionCorrelation: number;
	/** Loading of an answer on its trait (the rest is per-question noise). */
	loading: number;
	/** Weight of adoption against control in the outcome trait: more AI-driven change, more incidents at equal control. */
	outcomeUseWeight: number;
	/** Loading of a confidence answer on its dimension's trait. */
	confidenceLoading: number;
	/** Share (%) answering a confidence question at a confident level when no figure ties it. */
	confidentShare: number;
	/** Tilt of the questions tied to no figure (log-odds per level step; 0 spreads them evenly). */
	unlinkedTilt: number;
	/** Probability that an organisation whose detecting practice is weak does not see a finding it had. */
	missedWhenNotLooking: number;
	/**
	 * Multiplier on the share of severe outcome options (found by outsiders; customer or regulator impact). An even
	 * spread over the options would make them as common as milder ones; no figure says how many are severe. The
	 * published share of a figure stays whole: the mass moves to its milder options.
	 */
	severeScale: number;
}

/**
 * The documented simulation: 20,000 organisations, fixed seed. Adoption and control correlate at 0.4; each control
 * dimension's factor correlates 0.7 with the common factor (about 0.5 between dimensions), so uneven organisations
 * exist; answers load 0.75 on their factor. Outcomes follow control, less half of adoption. Confidence loads 0.4
 * and is drawn high (86 % confident, the survey's figure). Severe outcomes are drawn at 0.4 of an even spread within
 * their figure (e.g. 4.8 % of organisations had a misconfiguration found by an outsider, of the 36 % that had one),
 * an assumption the sensitivity table varies.
 */
export const SIMULATION: Readonly<SimulationOptions> = Object.freeze({
	size: 20_000,
	seed: 20_260_624,
	correlation: 0.4,
	dimensionCorrelation: 0.7,
	loading: 0.75,
	outcomeUseWeight: 0.5,
	confidenceLoading: 0.4,
	confidentShare: 86,
	unlinkedTilt: 0,
	missedWhenNotLooking: 0.5,
	severeScale: 0.4
});

/** A deterministic 32-bit PRNG (mulberry32) returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Standard normal draws from a uniform PRNG (Box–Muller). */
export function normalSource(uniform: () => number): () => number {
	let spare: number | null = null;
	return () => {
		if (spare !== null) {
			const s = spare;
			spare = null;
			return s;
		}
		const u = 1 - uniform();
		const v = uniform();
		const r = Math.sqrt(-2 * Math.log(u));
		spare = r * Math.sin(2 * Math.PI * v);
		return r * Math.cos(2 * Math.PI * v);
	};
}

/** Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export function inverseNormalCdf(p: number): number {
	if (p <= 0) return -Infinity;
	if (p >= 1) return Infinity;
	const a = [
		-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239
	];
	const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
	const c = [
		-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
		2.938163982698783
	];
	const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
	const poly = (k: number[], x: number) => k.reduce((acc, v) => acc * x + v, 0);
	const low = 0.02425;
	if (p < low) {
		const q = Math.sqrt(-2 * Math.log(p));
		return poly(c, q) / (poly(d, q) * q + 1);
	}
	if (p > 1 - low) {
		const q = Math.sqrt(-2 * Math.log(1 - p));
		return -poly(c, q) / (poly(d, q) * q + 1);
	}
	const q = p - 0.5;
	const r = q * q;
	return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

/** One published share a question's simulated answers must reproduce. */
export interface QuestionTarget {
	matches: string[];
	/** Share (%) answering one of `matches`. */
	share: number;
	/** The figure id, or `confidence`. */
	basis: string;
}

/**
 * What a question's simulated answers must reproduce: every all-respondent figure tied to it whose options do not
 * overlap an earlier one's; a confidence question tied to no figure puts {@link SimulationOptions.confidentShare} on
 * its confident options. `figures` may replace the published shares (the parametric bootstrap does).
 */
export function questionTargets(
	question: Question,
	benchmark: Benchmark = SURVEY_2026,
	options: SimulationOptions = SIMULATION,
	figures: Readonly<Record<string, number>> = {}
): QuestionTarget[] {
	const targets: QuestionTarget[] = [];
	const used = new Set<string>();
	for (const link of question.benchmarks ?? []) {
		const figure = benchmark.figures.find((f) => f.id === link.figure);
		if (!figure || figure.base !== 'all' || link.matches.some((m) => used.has(m))) continue;
		link.matches.forEach((m) => used.add(m));
		targets.push({ matches: link.matches, share: Math.min(99, figures[figure.id] ?? figure.share), basis: figure.id });
	}
	if (targets.length === 0 && question.kind === 'confidence')
		targets.push({
			matches: question.options.filter((o) => o.score >= 75).map((o) => o.id),
			share: options.confidentShare,
			basis: 'confidence'
		});
	return targets;
}

/**
 * Share (0–1) of each option, options in ascending score order: each target's share split evenly over its options,
 * the rest evenly over the other options — or tilted by {@link SimulationOptions.unlinkedTilt} when no target
 * applies. Severe options are scaled by {@link SimulationOptions.severeScale} (the rest renormalised).
 */
export function optionShares(
	question: Question,
	targets: QuestionTarget[],
	options: Pick<SimulationOptions, 'unlinkedTilt' | 'severeScale'> = SIMULATION
): { optionId: string; share: number }[] {
	const ordered = [...question.options].sort((a, b) => a.score - b.score);
	const assigned = new Map<string, number>();
	for (const t of targets) for (const m of t.matches) assigned.set(m, t.share / 100 / t.matches.length);
	const rest = ordered.filter((o) => !assigned.has(o.id));
	const left = 1 - [...assigned.values()].reduce((a, b) => a + b, 0);
	let shares: { optionId: string; share: number }[];
	if (rest.length === 0) {
		const total = [...assigned.values()].reduce((a, b) => a + b, 0);
		shares = ordered.map((o) => ({ optionId: o.id, share: (assigned.get(o.id) ?? 0) / total }));
	} else {
		const span = Math.max(1, rest.length - 1);
		const weights = rest.map((_, i) => (targets.length === 0 ? Math.exp(options.unlinkedTilt * (i - span / 2)) : 1));
		const sum = weights.reduce((a, b) => a + b, 0);
		const restShare = new Map(rest.map((o, i) => [o.id, (left * weights[i]!) / sum]));
		shares = ordered.map((o) => ({ optionId: o.id, share: assigned.get(o.id) ?? restShare.get(o.id) ?? 0 }));
	}
	if (options.severeScale !== 1 && question.options.some((o) => o.severe)) {
		// Severe options are scaled; the mass moves to the other options of the same figure (so the published share
		// holds), or — tied to no figure — to every other option.
		const severe = new Set(question.options.filter((o) => o.severe).map((o) => o.id));
		const group = targets.find((t) => t.matches.some((m) => severe.has(m)))?.matches ?? shares.map((x) => x.optionId);
		const receivers = group.filter((id) => !severe.has(id));
		let moved = 0;
		shares = shares.map((x) => {
			if (!severe.has(x.optionId)) return x;
			moved += x.share * (1 - options.severeScale);
			return { ...x, share: x.share * options.severeScale };
		});
		const receiving = shares.filter((x) => receivers.includes(x.optionId)).reduce((a, x) => a + x.share, 0);
		shares = shares.map((x) =>
			receivers.includes(x.optionId) ? { ...x, share: x.share + (moved * x.share) / Math.max(1e-9, receiving) } : x
		);
	}
	return shares;
}

/**
 * The published outcome shares are what respondents reported, and an organisation that does not look reports
 * "none that we know of" for part of what it had. So the shares drawn before that are the true ones — "none"
 * lowered, the findings raised in proportion — and the reported shares come out as published. Where a figure leaves
 * no room for missed findings (93 % report an AI-caused incident), the miss rate of that question is lowered until
 * it does. Returns the true shares and the question's miss rate.
 */
function calibrated(
	index: ReturnType<typeof indexOf>,
	q: Question,
	shares: { optionId: string; share: number }[],
	shareOf: (q: Question) => { optionId: string; share: number }[],
	missed: number
): { shares: { optionId: string; share: number }[]; missed: number } {
	const outcome = index.outcomes.find((o) => o.question === q);
	if (!outcome?.detection || missed === 0) return { shares, missed: 0 };
	const d = outcome.detection;
	const weak = shareOf(d.question)
		.filter((x) => levelOf(d.question, x.optionId) < d.level)
		.reduce((a, x) => a + x.share, 0);
	const none = q.options.find((o) => o.nothingFound)!.id;
	const reported = shares.find((x) => x.optionId === none)?.share ?? 0;
	const floor = 0.02;
	// Reported none = true none + (1 − true none) × weak × miss; the true none cannot fall below `floor`.
	const room = weak > 0 ? Math.max(0, (reported - floor) / ((1 - floor) * weak)) : 0;
	const miss = Math.min(missed, room);
	const hidden = weak * miss;
	const trueNone = Math.max(floor, (reported - hidden) / (1 - hidden));
	const scale = (1 - trueNone) / Math.max(1e-9, 1 - reported);
	return {
		shares: shares.map((x) => ({ ...x, share: x.optionId === none ? trueNone : x.share * scale })),
		missed: miss
	};
}

/** One simulated organisation: its traits and its answers. */
export interface SimulatedOrganisation {
	use: number;
	control: number;
	answers: Answers;
}

type Trait = 'use' | 'outcome' | DimensionId;

/** The answers to `ai_agents` that mean no agent acts yet. */
const NO_AGENTS = ['none', 'planned'];

/**
 * Options of the agent guards that describe agents acting (drawn only where agents act), and options that say no
 * agent acts yet (drawn only where none does); the rest — what the rules require — are open to both. An assumption
 * of the simulation, not of the model: anyone may answer any option.
 */
const AGENTS_ACTING: Readonly<Record<string, readonly string[]>> = {
	risk_agent_guardrails: ['unrestricted', 'watched'],
	risk_agent_separation: ['self_merge', 'prompter'],
	risk_control_plane: ['unrestricted']
};
const NO_AGENT_YET: Readonly<Record<string, readonly string[]>> = {
	risk_agent_guardrails: ['no_rules'],
	risk_agent_separation: ['no_rule'],
	risk_control_plane: ['no_rule']
};

/** The trait a question's answer follows. */
function traitOf(q: Question): Trait {
	if (q.kind === 'use') return 'use';
	if (q.kind === 'outcome') return 'outcome';
	return q.dimension ?? 'governance';
}

/**
 * Simulates the surveyed population (see the module comment). `figures` replaces published shares by id, for the
 * parametric bootstrap.
 */
export function simulatePopulation(
	bank: QuestionBank,
	benchmark: Benchmark = SURVEY_2026,
	options: SimulationOptions = SIMULATION,
	figures: Readonly<Record<string, number>> = {}
): SimulatedOrganisation[] {
	const index = indexOf(bank);
	const shareOf = (q: Question) => optionShares(q, questionTargets(q, benchmark, options, figures), options);
	const items = bank.questions
		.filter((q) => q.kind !== 'profile' && !q.rootCause)
		.map((q) => {
			const { shares, missed } = calibrated(index, q, shareOf(q), shareOf, options.missedWhenNotLooking);
			let cumulative = 0;
			const thresholds = shares.map((s) => inverseNormalCdf((cumulative += s.share)));
			thresholds[thresholds.length - 1] = Infinity;
			const loading = q.kind === 'confidence' ? options.confidenceLoading : options.loading;
			return {
				question: q,
				trait: traitOf(q),
				loading,
				noise: Math.sqrt(1 - loading * loading),
				optionIds: shares.map((s) => s.optionId),
				thresholds,
				missed
			};
		});
	const rootCause = index.rootCause;
	const missRate = new Map(items.map((item) => [item.question.id, item.missed]));
	// Without agents, the agent guards are answered as rules; with them, as practice (see AGENTS_ACTING).
	const agentsActive = (a: Answers) => !NO_AGENTS.includes(a.ai_agents ?? '');
	const restricted = new Map(
		items
			.filter((item) => AGENTS_ACTING[item.question.id])
			.map((item) => {
				const acting = AGENTS_ACTING[item.question.id]!;
				const notYet = NO_AGENT_YET[item.question.id]!;
				const pick = (keep: (id: string) => boolean) => {
					const q = item.question;
					const kept = optionShares(q, [], options).filter((s) => keep(s.optionId));
					const total = kept.reduce((a, s) => a + s.share, 0);
					let cumulative = 0;
					const thresholds = kept.map((s) => inverseNormalCdf((cumulative += s.share / total)));
					thresholds[thresholds.length - 1] = Infinity;
					return { optionIds: kept.map((s) => s.optionId), thresholds };
				};
				return [
					item.question.id,
					{ without: pick((id) => !acting.includes(id)), with: pick((id) => !notYet.includes(id)) }
				];
			})
	);
	const normal = normalSource(mulberry32(options.seed));
	const uniform = mulberry32(options.seed ^ 0x5eed);
	const spread = Math.sqrt(1 - options.correlation ** 2);
	const r = options.dimensionCorrelation;
	const dimSpread = Math.sqrt(1 - r * r);
	const k = options.outcomeUseWeight;
	const outcomeScale = Math.sqrt(1 + k * k - 2 * k * options.correlation);
	const population: SimulatedOrganisation[] = [];
	for (let i = 0; i < options.size; i++) {
		const use = normal();
		const control = options.correlation * use + spread * normal();
		const traits: Record<Trait, number> = {
			use,
			outcome: (control - k * use) / outcomeScale,
			governance: r * control + dimSpread * normal(),
			automation: r * control + dimSpread * normal(),
			risk_exposure: r * control + dimSpread * normal(),
			platform: r * control + dimSpread * normal(),
			ai_integration: use
		};
		const answers: Answers = {};
		for (const item of items) {
			const latent = item.loading * traits[item.trait] + item.noise * normal();
			const cut = restricted.get(item.question.id)?.[agentsActive(answers) ? 'with' : 'without'] ?? item;
			let j = 0;
			while (latent >= (cut.thresholds[j] as number)) j++;
			answers[item.question.id] = cut.optionIds[j] as string;
		}
		// Answers respect the bank's prerequisites: an answer they do not allow is drawn as the level they do.
		const { counted } = countedPractice(index, answers);
		for (const [id, option] of counted) answers[id] = option.id;
		// Weak detection hides a finding half the time: the organisation reports "none that we know of".
		let severe = false;
		for (const o of index.outcomes) {
			const q = o.question;
			const detector = o.detection ? counted.get(o.detection.question.id) : undefined;
			const looks =
				o.detection !== null &&
				detector !== undefined &&
				levelOf(o.detection.question, detector.id) >= o.detection.level;
			const none = q.options.find((x) => x.nothingFound)!;
			if (!looks && answers[q.id] !== none.id && uniform() < (missRate.get(q.id) ?? 0)) answers[q.id] = none.id;
			if (q.options.find((x) => x.id === answers[q.id])?.severe) severe = true;
		}
		// The root cause of a severe finding is fixed and verified more often where control is strong.
		if (rootCause) {
			const pick = (level: number) =>
				rootCause.options.find((o) => levelOf(rootCause, o.id) === level && !o.nothingFound)!.id;
			answers[rootCause.id] = severe
				? pick(Math.min(2, Math.max(0, Math.floor((control + 1.5 + normal() * 0.5) / 1.2))))
				: rootCause.options.find((o) => o.nothingFound)!.id;
		}
		population.push({ use, control, answers });
	}
	return population;
}
