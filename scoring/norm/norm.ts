/**
 * Norming: a seeded simulation of a surveyed population whose answers reproduce the survey's published
 * per-question shares (the targets), used to fit the three fitted tier cut-offs so the simulated tier shares come
 * out 19 / 25 / 32 / 24 % — a match by construction, since three cut-offs fit three degrees of freedom. What the
 * simulation can test is reported beside the fit: the survey's group profiles as validation checks, and a
 * sensitivity table showing how the cut-offs and shares move with the simulation's assumptions and on bootstrap
 * samples of 406. Deterministic: the same bank, options and seed give the same population. docs/methodology.md.
 */
import { isSkipped } from '../answers';
import { SURVEY_2026, tierShares, type Benchmark } from '../content/survey';
import {
	DIMENSION_IDS,
	TIER_IDS,
	type Answers,
	type DimensionId,
	type Question,
	type QuestionBank,
	type TierId
} from '../schema';
import { measure } from '../model/v2/score';
import { TIER_CUTOFFS, exposureOf, tierFor, type TierAxes, type TierCutoffs } from '../model/v2/tiers';

/** Parameters of the simulated population; {@link SIMULATION} holds the documented defaults. */
export interface SimulationOptions {
	/** Number of simulated organisations. */
	size: number;
	/** PRNG seed. */
	seed: number;
	/** Correlation of the two latent traits, use and control. */
	correlation: number;
	/** Loading of a use, practice or outcome answer on its trait (the rest is per-question noise). */
	loading: number;
	/** Weight of use against control in the outcome trait: more AI-driven change, more incidents at equal control. */
	outcomeUseWeight: number;
	/** Loading of a self-rated confidence answer on its dimension's trait: confidence follows practice only loosely. */
	confidenceLoading: number;
	/** Share (%) answering a confidence question at a "confident" level, when the question is not tied to a figure. */
	confidentShare: number;
	/** Confidence options scoring at least this count as "confident". */
	confidentScore: number;
	/**
	 * Tilt of the questions tied to no figure: 0 spreads their answers evenly over the options; negative puts more on
	 * the weak options, positive on the strong ones (log-odds per level step across the range).
	 */
	unlinkedTilt: number;
}

/**
 * The documented simulation: 20 000 organisations, fixed seed. Use and control correlate at 0.4 (organisations
 * that adopt AI deeply tend to control it somewhat better, but the survey's Outpacing and Exposed groups show the two
 * part ways often). Each answer loads 0.75 on its trait; outcomes follow control, less half of use. Confidence
 * loads 0.4 and is drawn high: 86 % answer at a confident level, the survey's "confident in their ability to govern".
 */
export const SIMULATION: Readonly<SimulationOptions> = Object.freeze({
	size: 20_000,
	seed: 20_260_624,
	correlation: 0.4,
	loading: 0.75,
	outcomeUseWeight: 0.5,
	confidenceLoading: 0.4,
	confidentShare: 86,
	confidentScore: 75,
	unlinkedTilt: 0
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
function normalSource(uniform: () => number): () => number {
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
	const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
	const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
	const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
	const [d0, d1, d2, d3] = d as [number, number, number, number];
	const low = 0.02425;
	if (p < low) {
		const q = Math.sqrt(-2 * Math.log(p));
		return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
	}
	if (p > 1 - low) {
		const q = Math.sqrt(-2 * Math.log(1 - p));
		return -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
	}
	const q = p - 0.5;
	const r = q * q;
	return (
		((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
		(((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
	);
}

/** One published share a question's simulated answers must reproduce. */
export interface QuestionTarget {
	/** Options counted by the share. */
	matches: string[];
	/** Share (%) of the population answering one of `matches` (among those the question applies to). */
	share: number;
	/** The figure id, or `confidence` (drawn high). */
	basis: string;
}

/**
 * What a question's simulated answers must reproduce: every figure tied to it that covers all respondents and whose
 * options do not overlap an earlier one's (so "no review" 33 % and "minimal review" 43 % are both targets, and the
 * broader "without thorough review" 78 % is left as a check); a confidence question tied to no figure puts
 * {@link SimulationOptions.confidentShare} on its confident options. A gated question's share is of the
 * organisations it applies to: the published share ÷ the share its gate lets through (`asked`).
 */
export function questionTargets(
	question: Question,
	benchmark: Benchmark = SURVEY_2026,
	options: SimulationOptions = SIMULATION,
	asked = 1
): QuestionTarget[] {
	const targets: QuestionTarget[] = [];
	const used = new Set<string>();
	for (const link of question.benchmarks ?? []) {
		const figure = benchmark.figures.find((f) => f.id === link.figure);
		if (!figure || figure.base !== 'all' || link.matches.some((m) => used.has(m))) continue;
		link.matches.forEach((m) => used.add(m));
		targets.push({ matches: link.matches, share: Math.min(99, figure.share / asked), basis: figure.id });
	}
	if (targets.length === 0 && question.kind === 'confidence')
		targets.push({
			matches: question.options.filter((o) => o.score >= options.confidentScore).map((o) => o.id),
			share: options.confidentShare,
			basis: 'confidence'
		});
	return targets;
}

/**
 * Share (0–1) of each option, options in ascending score order: each target's share split evenly over its options,
 * the rest over the other options — evenly, or tilted by {@link SimulationOptions.unlinkedTilt} when no target
 * applies at all.
 */
export function optionShares(
	question: Question,
	targets: QuestionTarget[],
	tilt = 0
): { optionId: string; share: number }[] {
	const ordered = [...question.options].sort((a, b) => a.score - b.score);
	const assigned = new Map<string, number>();
	for (const t of targets) for (const m of t.matches) assigned.set(m, t.share / 100 / t.matches.length);
	const rest = ordered.filter((o) => !assigned.has(o.id));
	const left = 1 - [...assigned.values()].reduce((a, b) => a + b, 0);
	if (rest.length === 0) {
		const total = [...assigned.values()].reduce((a, b) => a + b, 0);
		return ordered.map((o) => ({ optionId: o.id, share: (assigned.get(o.id) ?? 0) / total }));
	}
	const span = Math.max(1, rest.length - 1);
	const weights = rest.map((_, i) => (targets.length === 0 ? Math.exp(tilt * (i - span / 2)) : 1));
	const sum = weights.reduce((a, b) => a + b, 0);
	const restShare = new Map(rest.map((o, i) => [o.id, (left * weights[i]!) / sum]));
	return ordered.map((o) => ({ optionId: o.id, share: assigned.get(o.id) ?? restShare.get(o.id) ?? 0 }));
}

/** One simulated organisation: its latent traits (standard normal) and its answers. */
export interface SimulatedOrganisation {
	use: number;
	control: number;
	answers: Answers;
}

/** Share (0–1) of organisations a gated question applies to, from its gate question's simulated option shares. */
function askedShare(bank: QuestionBank, question: Question, benchmark: Benchmark, options: SimulationOptions): number {
	if (!question.skipWhen) return 1;
	const gate = bank.questions.find((q) => q.id === question.skipWhen?.question);
	if (!gate) return 1;
	const shares = optionShares(gate, questionTargets(gate, benchmark, options), options.unlinkedTilt);
	const skipped = shares
		.filter((s) => question.skipWhen?.answers.includes(s.optionId))
		.reduce((a, s) => a + s.share, 0);
	return Math.max(0.05, 1 - skipped);
}

/**
 * Simulates the surveyed population. Each organisation draws two correlated standard-normal traits, use and
 * control; outcomes follow control less {@link SimulationOptions.outcomeUseWeight} × use (standardised). Each
 * answer is loading × trait + noise, cut by ordered thresholds (normal quantiles of the cumulative option
 * shares), so every question reproduces its {@link optionShares} in expectation. Use questions follow use,
 * confidence questions their dimension's trait, the rest control; a question its gate skips is left unanswered
 * and profile questions are not drawn.
 */
export function simulatePopulation(
	bank: QuestionBank,
	benchmark: Benchmark = SURVEY_2026,
	options: SimulationOptions = SIMULATION
): SimulatedOrganisation[] {
	const items = bank.questions
		.filter((q) => q.kind !== 'profile')
		.map((q) => {
			const asked = askedShare(bank, q, benchmark, options);
			const shares = optionShares(q, questionTargets(q, benchmark, options, asked), options.unlinkedTilt);
			let cumulative = 0;
			const thresholds = shares.map((s) => inverseNormalCdf((cumulative += s.share)));
			thresholds[thresholds.length - 1] = Infinity;
			const loading = q.kind === 'confidence' ? options.confidenceLoading : options.loading;
			const trait: 'use' | 'control' | 'outcome' =
				q.kind === 'use' || (q.kind === 'confidence' && q.dimension === 'ai_integration')
					? 'use'
					: q.kind === 'outcome'
						? 'outcome'
						: 'control';
			return {
				question: q,
				trait,
				loading,
				noise: Math.sqrt(1 - loading * loading),
				optionIds: shares.map((s) => s.optionId),
				thresholds
			};
		});
	const normal = normalSource(mulberry32(options.seed));
	const spread = Math.sqrt(1 - options.correlation * options.correlation);
	const k = options.outcomeUseWeight;
	const outcomeScale = Math.sqrt(1 + k * k - 2 * k * options.correlation);
	const population: SimulatedOrganisation[] = [];
	for (let i = 0; i < options.size; i++) {
		const use = normal();
		const control = options.correlation * use + spread * normal();
		const traits = { use, control, outcome: (control - k * use) / outcomeScale };
		const answers: Answers = {};
		for (const item of items) {
			const latent = item.loading * traits[item.trait] + item.noise * normal();
			let j = 0;
			while (latent >= (item.thresholds[j] as number)) j++;
			answers[item.question.id] = item.optionIds[j] as string;
		}
		for (const item of items) if (isSkipped(item.question, answers)) delete answers[item.question.id];
		population.push({ use, control, answers });
	}
	return population;
}

/** The tier axes of every simulated organisation. */
export function populationAxes(bank: QuestionBank, population: SimulatedOrganisation[]): TierAxes[] {
	return population.map((o) => measure(bank, o.answers).axes);
}

/** Percentage (one decimal) of axes falling in each tier under `cutoffs`. */
export function sharesOf(axes: TierAxes[], cutoffs: TierCutoffs = TIER_CUTOFFS): Record<TierId, number> {
	const counts = Object.fromEntries(TIER_IDS.map((t) => [t, 0])) as Record<TierId, number>;
	for (const a of axes) counts[tierFor(a, cutoffs)]++;
	return Object.fromEntries(
		TIER_IDS.map((t) => [t, Math.round((counts[t] / Math.max(1, axes.length)) * 1000) / 10])
	) as Record<TierId, number>;
}

/** The value in 0–100 (step 0.5) whose share (from `shareAt`) is closest to `target` (percent). */
function closest(shareAt: (v: number) => number, target: number, from = 0): number {
	let best = from;
	let bestError = Infinity;
	for (let v = from; v <= 100; v += 0.5) {
		const error = Math.abs(shareAt(v) - target);
		if (error < bestError - 1e-9) {
			best = v;
			bestError = error;
		}
	}
	return best;
}

/**
 * Fits the three fitted cut-offs to the target tier shares on simulated axes, one rule at a time on a half-point
 * grid, with the use floor and the two exposure cut-offs fixed by argument:
 * 1. `controlLow` so that Exposed (AI in use, control < controlLow or exposure ≥ exposureSevere) takes the Exposed share;
 * 2. `useDeep` so that deep use outside Exposed takes the Outpacing + Pioneer share;
 * 3. `controlHigh` (> controlLow) so that Pioneer (deep use, robust control, exposure not high, no critical gap) takes
 *    the Pioneer share.
 */
export function fitCutoffs(
	axes: TierAxes[],
	targets: Record<TierId, number> = tierShares(SURVEY_2026),
	fixed: Pick<TierCutoffs, 'useFloor' | 'exposureHigh' | 'exposureSevere'> = TIER_CUTOFFS
): TierCutoffs {
	const n = Math.max(1, axes.length);
	const pct = (count: number) => (count / n) * 100;
	const exposedAt = (a: TierAxes, low: number) =>
		a.aiChange >= fixed.useFloor && (a.control < low || a.exposure >= fixed.exposureSevere);
	const controlLow = closest((v) => pct(axes.filter((a) => exposedAt(a, v)).length), targets.exposed);
	const outside = axes.filter((a) => !exposedAt(a, controlLow));
	const useDeep = closest((v) => pct(outside.filter((a) => a.use >= v).length), targets.outpacing + targets.pioneer);
	const candidates = outside.filter((a) => a.use >= useDeep && a.exposure < fixed.exposureHigh && a.criticalGaps === 0);
	const controlHigh = closest(
		(v) => pct(candidates.filter((a) => a.control >= v).length),
		targets.pioneer,
		controlLow + 0.5
	);
	return { ...fixed, useDeep, controlHigh, controlLow };
}

/** One comparison of a survey group profile with the simulated group: a validation check, never a target. */
export interface ProfileCheck {
	figure: string;
	group: TierId;
	statement: string;
	published: number;
	/** Share (%) of the simulated group doing it; null when the group is empty. */
	simulated: number | null;
	/** How the check reads the answers, in words. */
	how: string;
}

/** A group-profile check: which simulated organisations of a group count as doing what the figure says. */
interface ProfileRule {
	figure: string;
	group: TierId;
	how: string;
	/** Among the group, the organisations the share is of (default: all of them). */
	among?: (a: Answers) => boolean;
	doing: (a: Answers) => boolean;
}

const at = (a: Answers, id: string, options: string[]) => options.includes(a[id] ?? '');

/**
 * The survey's group profiles, each told by bank 2.0.0's answers: Exposed with a formal policy (4 %) and confident in
 * their governance (70 %) and using AI-generated IaC (69 %); Pioneers actively enforcing a formal policy (71 %) and
 * using AI-generated IaC inside governed pipelines (86 %).
 */
export const PROFILE_RULES: readonly ProfileRule[] = [
	{
		figure: 'exposed_formal_policy',
		group: 'exposed',
		how: 'gov_formal_policy approved or approved_full',
		doing: (a) => at(a, 'gov_formal_policy', ['approved', 'approved_full'])
	},
	{
		figure: 'exposed_confident',
		group: 'exposed',
		how: 'conf_governance confident or very',
		doing: (a) => at(a, 'conf_governance', ['confident', 'very'])
	},
	{
		figure: 'exposed_ai_iac',
		group: 'exposed',
		how: 'ai_iac_generation other than none',
		doing: (a) => a.ai_iac_generation !== undefined && a.ai_iac_generation !== 'none'
	},
	{
		figure: 'pioneer_enforce_policy',
		group: 'pioneer',
		how: 'gov_formal_policy approved or better, and gov_policy_enforcement spot checks or better',
		doing: (a) =>
			at(a, 'gov_formal_policy', ['approved', 'approved_full']) &&
			at(a, 'gov_policy_enforcement', ['spot_checks', 'key_rules_automated', 'fully_automated'])
	},
	{
		figure: 'pioneer_ai_iac_governed',
		group: 'pioneer',
		how: 'of those generating IaC with AI: risk_ai_iac_review peer_review_checks or governed_pipeline',
		among: (a) => a.ai_iac_generation !== undefined && a.ai_iac_generation !== 'none',
		doing: (a) => at(a, 'risk_ai_iac_review', ['peer_review_checks', 'governed_pipeline'])
	}
];

/** Compares the simulated groups with the survey's group profiles ({@link PROFILE_RULES}). */
export function groupProfileCheck(
	bank: QuestionBank,
	population: SimulatedOrganisation[],
	cutoffs: TierCutoffs = TIER_CUTOFFS,
	benchmark: Benchmark = SURVEY_2026
): ProfileCheck[] {
	const tiers = populationAxes(bank, population).map((a) => tierFor(a, cutoffs));
	return PROFILE_RULES.map((rule) => {
		const f = benchmark.figures.find((x) => x.id === rule.figure);
		const members = population.filter((o, i) => tiers[i] === rule.group && (rule.among?.(o.answers) ?? true));
		const doing = members.filter((o) => rule.doing(o.answers)).length;
		return {
			figure: rule.figure,
			group: rule.group,
			statement: f?.statement ?? rule.figure,
			published: f?.share ?? 0,
			simulated: members.length ? Math.round((doing / members.length) * 1000) / 10 : null,
			how: rule.how
		};
	});
}

/** Simulated share (%) of every question tied to an all-respondent figure, beside the published share. */
export function simulatedFigureShares(
	bank: QuestionBank,
	population: SimulatedOrganisation[],
	benchmark: Benchmark = SURVEY_2026
): { questionId: string; figure: string; published: number; simulated: number; target: boolean }[] {
	return bank.questions.flatMap((q) =>
		(q.benchmarks ?? []).flatMap((link) => {
			const figure = benchmark.figures.find((f) => f.id === link.figure);
			if (!figure || figure.base !== 'all') return [];
			const targets = questionTargets(q, benchmark);
			const doing = population.filter((o) => link.matches.includes(o.answers[q.id] ?? '')).length;
			return [
				{
					questionId: q.id,
					figure: figure.id,
					published: figure.share,
					simulated: Math.round((doing / Math.max(1, population.length)) * 1000) / 10,
					target: targets.some((t) => t.basis === figure.id)
				}
			];
		})
	);
}

/** One row of the sensitivity table: an assumption changed, the cut-offs a refit would choose, the shares now. */
export interface SensitivityRow {
	assumption: string;
	value: string;
	/** `near`: a neighbouring assumption, used for the margins; `stress`: far off, reported to show what moves. */
	band: 'near' | 'stress';
	/** The three fitted cut-offs a refit on this population chooses. */
	refit: Pick<TierCutoffs, 'useDeep' | 'controlHigh' | 'controlLow'>;
	/** Tier shares under the shipped cut-offs. */
	shares: Record<TierId, number>;
}

/**
 * The assumptions the sensitivity table varies, one at a time, from {@link SIMULATION}. `near` rows are the
 * neighbouring values we cannot rule out; `stress` rows are far off and show how much the cut-offs would have to move
 * if the survey's population were very different from what the model assumes.
 */
export const SENSITIVITY_VARIANTS: readonly {
	assumption: string;
	value: string;
	band: 'near' | 'stress';
	options: Partial<SimulationOptions>;
}[] = [
	{ assumption: 'baseline', value: 'as documented', band: 'near', options: {} },
	{ assumption: 'correlation(use, control)', value: '0.2', band: 'near', options: { correlation: 0.2 } },
	{ assumption: 'correlation(use, control)', value: '0.6', band: 'near', options: { correlation: 0.6 } },
	{ assumption: 'loading', value: '0.7', band: 'near', options: { loading: 0.7 } },
	{ assumption: 'loading', value: '0.8', band: 'near', options: { loading: 0.8 } },
	{ assumption: 'unlinked questions', value: 'tilted weak (−0.1)', band: 'near', options: { unlinkedTilt: -0.1 } },
	{ assumption: 'unlinked questions', value: 'tilted strong (+0.1)', band: 'near', options: { unlinkedTilt: 0.1 } },
	{ assumption: 'outcomes’ use weight', value: '0', band: 'near', options: { outcomeUseWeight: 0 } },
	{ assumption: 'outcomes’ use weight', value: '1', band: 'near', options: { outcomeUseWeight: 1 } },
	{ assumption: 'seed', value: '1', band: 'near', options: { seed: 1 } },
	{ assumption: 'seed', value: '2', band: 'near', options: { seed: 2 } },
	{ assumption: 'correlation(use, control)', value: '0', band: 'stress', options: { correlation: 0 } },
	{ assumption: 'correlation(use, control)', value: '0.8', band: 'stress', options: { correlation: 0.8 } },
	{ assumption: 'loading', value: '0.6', band: 'stress', options: { loading: 0.6 } },
	{ assumption: 'loading', value: '0.9', band: 'stress', options: { loading: 0.9 } },
	{ assumption: 'unlinked questions', value: 'tilted weak (−0.3)', band: 'stress', options: { unlinkedTilt: -0.3 } },
	{ assumption: 'unlinked questions', value: 'tilted strong (+0.3)', band: 'stress', options: { unlinkedTilt: 0.3 } }
];

/** Runs every {@link SENSITIVITY_VARIANTS} row at `size` organisations. */
export function sensitivityTable(bank: QuestionBank, size: number = SIMULATION.size): SensitivityRow[] {
	return SENSITIVITY_VARIANTS.map((v) => {
		const axes = populationAxes(bank, simulatePopulation(bank, SURVEY_2026, { ...SIMULATION, size, ...v.options }));
		const { useDeep, controlHigh, controlLow } = fitCutoffs(axes);
		return {
			assumption: v.assumption,
			value: v.value,
			band: v.band,
			refit: { useDeep, controlHigh, controlLow },
			shares: sharesOf(axes)
		};
	});
}

/** What the bootstrap at the survey's sample size says: the 5th–95th percentile of each share and refitted cut-off. */
export interface Bootstrap {
	samples: number;
	sampleSize: number;
	shares: Record<TierId, { low: number; high: number }>;
	cutoffs: Record<'useDeep' | 'controlHigh' | 'controlLow', { low: number; high: number }>;
}

function percentileRange(values: number[]): { low: number; high: number } {
	const sorted = [...values].sort((a, b) => a - b);
	const pick = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
	return { low: pick(0.05), high: pick(0.95) };
}

/**
 * Draws `samples` bootstrap samples of `sampleSize` (the survey's 406) from the simulated axes: the spread of the
 * tier shares under the shipped cut-offs, and of the cut-offs refitted on each sample.
 */
export function bootstrap(axes: TierAxes[], samples = 400, sampleSize = 406, seed = 406): Bootstrap {
	const uniform = mulberry32(seed);
	const shares = Object.fromEntries(TIER_IDS.map((t) => [t, [] as number[]])) as Record<TierId, number[]>;
	const cuts = { useDeep: [] as number[], controlHigh: [] as number[], controlLow: [] as number[] };
	for (let s = 0; s < samples; s++) {
		const sample = Array.from({ length: sampleSize }, () => axes[Math.floor(uniform() * axes.length)] as TierAxes);
		const got = sharesOf(sample);
		for (const t of TIER_IDS) shares[t].push(got[t]);
		const refit = fitCutoffs(sample);
		cuts.useDeep.push(refit.useDeep);
		cuts.controlHigh.push(refit.controlHigh);
		cuts.controlLow.push(refit.controlLow);
	}
	return {
		samples,
		sampleSize,
		shares: Object.fromEntries(TIER_IDS.map((t) => [t, percentileRange(shares[t])])) as Bootstrap['shares'],
		cutoffs: {
			useDeep: percentileRange(cuts.useDeep),
			controlHigh: percentileRange(cuts.controlHigh),
			controlLow: percentileRange(cuts.controlLow)
		}
	};
}

/**
 * The uncertainty margin of each fitted cut-off, in points: the larger of the half-range of its refits across the
 * `near` sensitivity rows and the half-width of its bootstrap interval at n = 406, rounded up to a whole point.
 * Pasted into `BORDERLINE_MARGINS`.
 */
export function cutoffMargins(
	rows: SensitivityRow[],
	boot: Bootstrap
): Record<'useDeep' | 'controlHigh' | 'controlLow', number> {
	const margin = (key: 'useDeep' | 'controlHigh' | 'controlLow') => {
		const values = rows.filter((r) => r.band === 'near').map((r) => r.refit[key]);
		const half = (Math.max(...values) - Math.min(...values)) / 2;
		const bootHalf = (boot.cutoffs[key].high - boot.cutoffs[key].low) / 2;
		return Math.ceil(Math.max(half, bootHalf));
	};
	return { useDeep: margin('useDeep'), controlHigh: margin('controlHigh'), controlLow: margin('controlLow') };
}

/**
 * "Placed lower" for each tier as the model reads it: the simulated share of organisations in lower tiers under the
 * shipped cut-offs, and its uncertainty (± the largest deviation across the `near` sensitivity rows and the
 * bootstrap's half-width at n = 406).
 */
export function modelledBelow(
	rows: SensitivityRow[],
	boot: Bootstrap
): Record<TierId, { share: number; plusMinus: number }> {
	const below = (shares: Record<TierId, number>, tier: TierId) =>
		TIER_IDS.slice(0, TIER_IDS.indexOf(tier)).reduce((s, t) => s + shares[t], 0);
	const baseline = rows[0]!.shares;
	return Object.fromEntries(
		TIER_IDS.map((tier) => {
			const share = below(baseline, tier);
			const spread = Math.max(
				...rows.filter((r) => r.band === 'near').map((r) => Math.abs(below(r.shares, tier) - share)),
				...TIER_IDS.slice(0, TIER_IDS.indexOf(tier)).map((t) => (boot.shares[t].high - boot.shares[t].low) / 2)
			);
			return [tier, { share: Math.round(share), plusMinus: Math.max(1, Math.round(spread)) }];
		})
	) as Record<TierId, { share: number; plusMinus: number }>;
}

/**
 * The typical profile of each simulated group: the median of each dimension's reported score (exposure for risk
 * exposure) among its members, whole points. What a result's radar overlays as "typical of the group (modelled)".
 */
export function typicalProfiles(
	bank: QuestionBank,
	population: SimulatedOrganisation[],
	cutoffs: TierCutoffs = TIER_CUTOFFS
): Record<TierId, Record<DimensionId, number>> {
	const groups = Object.fromEntries(TIER_IDS.map((t) => [t, [] as ReturnType<typeof measure>[]])) as Record<
		TierId,
		ReturnType<typeof measure>[]
	>;
	for (const o of population) {
		const m = measure(bank, o.answers, cutoffs);
		if (m.tier) groups[m.tier].push(m);
	}
	const median = (values: number[]) => {
		const sorted = [...values].sort((a, b) => a - b);
		return sorted.length ? Math.round(sorted[Math.floor(sorted.length / 2)]!) : 0;
	};
	return Object.fromEntries(
		TIER_IDS.map((t) => [
			t,
			Object.fromEntries(
				DIMENSION_IDS.map((d) => [
					d,
					median(groups[t].map((m) => m.dimensions.find((x) => x.dimension === d)?.score ?? 0))
				])
			)
		])
	) as Record<TierId, Record<DimensionId, number>>;
}

/** Re-exported so the norming and its readers compute exposure the one way the model does. */
export { exposureOf };
