/**
 * Norming: a seeded simulation of a surveyed population whose answers reproduce the survey's published
 * per-question shares, used to fit the tier cut-offs (see `TIER_CUTOFFS`) so the simulated tier shares match the
 * survey's 19 / 25 / 32 / 24 %, and to check the rules against the survey's group profiles. Deterministic: the same
 * bank, options and seed always give the same population. Method and results: docs/methodology.md.
 */
import { SURVEY_2026, tierShares, type Benchmark } from './benchmark';
import { NOT_APPLICABLE, TIER_IDS, type Answers, type Question, type QuestionBank, type TierId } from './schema';
import { measure } from './score';
import { TIER_CUTOFFS, tierFor, type TierAxes, type TierCutoffs } from './tiers';

/** Parameters of the simulated population; {@link SIMULATION} holds the documented defaults. */
export interface SimulationOptions {
	/** Number of simulated organisations. */
	size: number;
	/** PRNG seed. */
	seed: number;
	/** Correlation of the two latent traits, use and control. */
	correlation: number;
	/** Loading of a practice answer on its trait (the rest is per-question noise). */
	loading: number;
	/** Loading of a self-rated confidence answer on its dimension's trait: confidence follows practice only loosely. */
	confidenceLoading: number;
	/** Share (%) answering a confidence question at a "confident" level, when the question is not tied to a figure. */
	confidentShare: number;
	/** Confidence options scoring at least this count as "confident". */
	confidentScore: number;
}

/**
 * The documented simulation: 20 000 organisations, fixed seed. Use and control correlate at 0.4 (organisations
 * that adopt AI deeply tend to control it somewhat better, but the survey's Outpacing and Exposed groups show the two
 * part ways often). Each practice answer loads 0.75 on its trait; confidence loads 0.4 and is drawn high: 86 % answer
 * at a confident level, the survey's "confident in their ability to govern AI".
 */
export const SIMULATION: Readonly<SimulationOptions> = Object.freeze({
	size: 20_000,
	seed: 20_260_624,
	correlation: 0.4,
	loading: 0.75,
	confidenceLoading: 0.4,
	confidentShare: 86,
	confidentScore: 75
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

/** The options a question's simulated answers are split on, and the share (%) that lands on them. */
export interface QuestionTarget {
	/** Options counted by the share. */
	matches: string[];
	/** Share (%) of the population answering one of `matches`. */
	share: number;
	/** Where the share comes from: a figure id, `confidence` (drawn high) or `default` (even spread). */
	basis: string;
}

/**
 * What a question's simulated answers must reproduce. A question tied to an all-respondent figure reproduces that
 * figure's share on its matched options (for "bad behaviour" figures the bank matches the low options); a confidence
 * question not tied to a figure puts {@link SimulationOptions.confidentShare} on its confident options; any other
 * question (unlinked, or tied to a one-group figure) spreads evenly over its options.
 */
export function questionTarget(
	question: Question,
	benchmark: Benchmark = SURVEY_2026,
	options: SimulationOptions = SIMULATION
): QuestionTarget {
	const figure = question.benchmark && benchmark.figures.find((f) => f.id === question.benchmark?.figure);
	if (question.benchmark && figure && figure.base === 'all')
		return { matches: question.benchmark.matches, share: figure.share, basis: figure.id };
	if (question.kind === 'confidence')
		return {
			matches: question.options.filter((o) => o.score >= options.confidentScore).map((o) => o.id),
			share: options.confidentShare,
			basis: 'confidence'
		};
	return { matches: [], share: 0, basis: 'default' };
}

/**
 * Share (0–1) of each option, options in ascending score order: the target share split evenly over the matched
 * options, the rest split evenly over the others (an even spread when nothing is matched).
 */
export function optionShares(question: Question, target: QuestionTarget): { optionId: string; share: number }[] {
	const ordered = [...question.options].sort((a, b) => a.score - b.score);
	const matched = ordered.filter((o) => target.matches.includes(o.id)).length;
	const unmatched = ordered.length - matched;
	return ordered.map((o) => {
		if (matched === 0 || unmatched === 0) return { optionId: o.id, share: 1 / ordered.length };
		const isMatch = target.matches.includes(o.id);
		return {
			optionId: o.id,
			share: isMatch ? target.share / 100 / matched : (1 - target.share / 100) / unmatched
		};
	});
}

/** One simulated organisation: its latent traits (standard normal) and its answers. */
export interface SimulatedOrganisation {
	use: number;
	control: number;
	answers: Answers;
}

/**
 * Simulates the surveyed population. Each organisation draws two correlated standard-normal traits; each answer is
 * loading × trait + noise, cut by ordered thresholds (normal quantiles of the cumulative option shares), so every
 * question reproduces its {@link optionShares} in expectation. AI-integration questions follow use; all others
 * follow control. Profile questions are left unanswered.
 */
export function simulatePopulation(
	bank: QuestionBank,
	benchmark: Benchmark = SURVEY_2026,
	options: SimulationOptions = SIMULATION
): SimulatedOrganisation[] {
	const items = bank.questions
		.filter((q) => q.kind !== 'profile')
		.map((q) => {
			const shares = optionShares(q, questionTarget(q, benchmark, options));
			let cumulative = 0;
			const thresholds = shares.map((s) => inverseNormalCdf((cumulative += s.share)));
			thresholds[thresholds.length - 1] = Infinity;
			const loading = q.kind === 'confidence' ? options.confidenceLoading : options.loading;
			return {
				id: q.id,
				followsUse: q.dimension === 'ai_integration',
				loading,
				noise: Math.sqrt(1 - loading * loading),
				optionIds: shares.map((s) => s.optionId),
				thresholds
			};
		});
	const normal = normalSource(mulberry32(options.seed));
	const spread = Math.sqrt(1 - options.correlation * options.correlation);
	const population: SimulatedOrganisation[] = [];
	for (let i = 0; i < options.size; i++) {
		const use = normal();
		const control = options.correlation * use + spread * normal();
		const answers: Answers = {};
		for (const item of items) {
			const latent = item.loading * (item.followsUse ? use : control) + item.noise * normal();
			let k = 0;
			while (latent >= (item.thresholds[k] as number)) k++;
			answers[item.id] = item.optionIds[k] as string;
		}
		population.push({ use, control, answers });
	}
	return population;
}

/** The tier axes of every simulated organisation (all questions are answered, so none is null). */
export function populationAxes(bank: QuestionBank, population: SimulatedOrganisation[]): TierAxes[] {
	return population.map((o) => measure(bank, o.answers).axes as TierAxes);
}

/** Percentage (one decimal) of axes falling in each tier under `cutoffs`. */
export function sharesOf(axes: TierAxes[], cutoffs: TierCutoffs = TIER_CUTOFFS): Record<TierId, number> {
	const counts = Object.fromEntries(TIER_IDS.map((t) => [t, 0])) as Record<TierId, number>;
	for (const a of axes) counts[tierFor(a, cutoffs)]++;
	return Object.fromEntries(
		TIER_IDS.map((t) => [t, Math.round((counts[t] / Math.max(1, axes.length)) * 1000) / 10])
	) as Record<TierId, number>;
}

/** Simulated share (%) of each tier: simulate the population, score everyone, place the tiers. */
export function simulatedTierShares(
	bank: QuestionBank,
	cutoffs: TierCutoffs = TIER_CUTOFFS,
	benchmark: Benchmark = SURVEY_2026,
	options: SimulationOptions = SIMULATION
): Record<TierId, number> {
	return sharesOf(populationAxes(bank, simulatePopulation(bank, benchmark, options)), cutoffs);
}

/** Candidate cut-off values: 0–100 in `step` points. */
function grid(step: number): number[] {
	const values: number[] = [];
	for (let v = 0; v <= 100 + 1e-9; v += step) values.push(Math.round(v * 10) / 10);
	return values;
}

/** The value in `values` whose share (from `shareAt`) is closest to `target` (percent). */
function closest(values: number[], shareAt: (v: number) => number, target: number): number {
	let best = values[0] as number;
	let bestError = Infinity;
	for (const v of values) {
		const error = Math.abs(shareAt(v) - target);
		if (error < bestError) {
			best = v;
			bestError = error;
		}
	}
	return best;
}

/**
 * Fits the cut-offs to the target tier shares on simulated axes, one rule at a time on a `step`-point grid, with
 * `exposureHigh` fixed (default 50: more exposed than controlled):
 * 1. `controlLow` so that Exposed (control < controlLow and exposure ≥ exposureHigh) takes the Exposed share;
 * 2. `use` so that deep use outside Exposed takes the Outpacing + Pioneer share;
 * 3. `controlHigh` (≥ controlLow) so that deep use with robust control takes the Pioneer share.
 */
export function fitCutoffs(
	axes: TierAxes[],
	targets: Record<TierId, number> = tierShares(SURVEY_2026),
	exposureHigh = 50,
	step = 1
): TierCutoffs {
	const n = Math.max(1, axes.length);
	const pct = (count: number) => (count / n) * 100;
	const values = grid(step);
	const exposedAt = (a: TierAxes, low: number) => a.control < low && a.exposure >= exposureHigh;
	const controlLow = closest(values, (v) => pct(axes.filter((a) => exposedAt(a, v)).length), targets.exposed);
	const use = closest(
		values,
		(v) => pct(axes.filter((a) => a.use >= v && !exposedAt(a, controlLow)).length),
		targets.outpacing + targets.pioneer
	);
	const controlHigh = closest(
		values.filter((v) => v >= controlLow),
		(v) => pct(axes.filter((a) => a.use >= use && a.control >= v).length),
		targets.pioneer
	);
	return { use, controlHigh, controlLow, exposureHigh };
}

/** One comparison of a survey group profile with the simulated group. */
export interface ProfileCheck {
	/** The survey figure compared, e.g. `exposed_formal_policy`. */
	figure: string;
	group: TierId;
	statement: string;
	published: number;
	/** Share (%) of the simulated group doing it; null when the bank has no question to tell. */
	simulated: number | null;
	/** The question and options used to tell. */
	questionId: string | null;
	matches: string[];
}

/** The question tied to a figure, if any. */
function linked(bank: QuestionBank, figure: string): Question | undefined {
	return bank.questions.find((q) => q.benchmark?.figure === figure);
}

/**
 * Compares the simulated groups with the survey's group profiles: Exposed with a formal policy (4 %), Exposed
 * confident in their governance (70 %), Pioneers enforcing a policy (71 %). Each is told by the question tied to the
 * matching all-respondent figure (`formal_policy`; `confident_governance`, else the governance confidence question's
 * confident options); "enforcing" is the question tied to `pioneer_enforce_policy` if any, else the highest-scored
 * option(s) of the formal-policy question. The bank is not tuned to these; they are reported as a check.
 */
export function groupProfileCheck(
	bank: QuestionBank,
	population: SimulatedOrganisation[],
	cutoffs: TierCutoffs = TIER_CUTOFFS,
	benchmark: Benchmark = SURVEY_2026,
	options: SimulationOptions = SIMULATION
): ProfileCheck[] {
	const tiers = populationAxes(bank, population).map((a) => tierFor(a, cutoffs));
	const policy = linked(bank, 'formal_policy');
	const confidence =
		linked(bank, 'confident_governance') ??
		bank.questions.find((q) => q.kind === 'confidence' && q.dimension === 'governance');
	const enforce = linked(bank, 'pioneer_enforce_policy');
	const topOf = (q: Question, among: string[]) => {
		const candidates = q.options.filter((o) => among.includes(o.id));
		const top = Math.max(...candidates.map((o) => o.score));
		return candidates.filter((o) => o.score === top).map((o) => o.id);
	};
	const tell = (q: Question | undefined, matches: (q: Question) => string[]) =>
		q ? { questionId: q.id, matches: matches(q) } : { questionId: null, matches: [] };
	const checks: { figure: string; group: TierId; how: { questionId: string | null; matches: string[] } }[] = [
		{ figure: 'exposed_formal_policy', group: 'exposed', how: tell(policy, (q) => q.benchmark?.matches ?? []) },
		{
			figure: 'exposed_confident',
			group: 'exposed',
			how: tell(confidence, (q) =>
				q.benchmark?.figure === 'confident_governance'
					? q.benchmark.matches
					: q.options.filter((o) => o.score >= options.confidentScore).map((o) => o.id)
			)
		},
		{
			figure: 'pioneer_enforce_policy',
			group: 'pioneer',
			how: enforce
				? tell(enforce, (q) => q.benchmark?.matches ?? [])
				: tell(policy, (q) => topOf(q, q.benchmark?.matches ?? []))
		}
	];
	return checks.map(({ figure, group, how }) => {
		const f = benchmark.figures.find((x) => x.id === figure);
		let simulated: number | null = null;
		if (how.questionId) {
			const members = population.filter((_, i) => tiers[i] === group);
			const doing = members.filter((o) => {
				const answer = o.answers[how.questionId as string];
				return answer !== undefined && answer !== NOT_APPLICABLE && how.matches.includes(answer);
			}).length;
			simulated = members.length ? Math.round((doing / members.length) * 1000) / 10 : null;
		}
		return {
			figure,
			group,
			statement: f?.statement ?? figure,
			published: f?.share ?? 0,
			simulated,
			questionId: how.questionId,
			matches: how.matches
		};
	});
}

/** Simulated share (%) of every question tied to an all-respondent figure, beside the published share. */
export function simulatedFigureShares(
	bank: QuestionBank,
	population: SimulatedOrganisation[],
	benchmark: Benchmark = SURVEY_2026,
	options: SimulationOptions = SIMULATION
): { questionId: string; figure: string; published: number; simulated: number }[] {
	return bank.questions.flatMap((q) => {
		const target = questionTarget(q, benchmark, options);
		if (target.basis === 'default' || target.basis === 'confidence') return [];
		const doing = population.filter((o) => target.matches.includes(o.answers[q.id] ?? '')).length;
		return [
			{
				questionId: q.id,
				figure: target.basis,
				published: target.share,
				simulated: Math.round((doing / Math.max(1, population.length)) * 1000) / 10
			}
		];
	});
}
