/**
 * Norming model 3.0 against the survey: fit the three fitted cut-offs on the simulated population so its group
 * shares come out as published (19 / 25 / 32 / 24 %), and report what the fit rests on — the Pioneer candidate
 * share, the parametric bootstrap over the survey's own sampling error (n = 406) that gives each fitted cut-off its
 * margin, the rubric and assumption sensitivity table, the borderline and `lifts: false` shares, and the survey's
 * group profiles as checks, never targets. docs/methodology.md, "Norming".
 */
import { SURVEY_2026, tierShares, type Benchmark } from '../content/survey';
import { DIMENSION_IDS, TIER_IDS, type Answers, type DimensionId, type QuestionBank, type TierId } from '../schema';
import { measure, type Measurement } from '../model/v3/measure';
import { liftPlan } from '../model/v3/plan';
import {
	CONTROL_WEIGHTS,
	CRITICAL_CAP,
	CUTOFFS,
	MIN_COVERAGE,
	groupOf,
	isBorderline,
	pioneerBlockers,
	type Axes,
	type Cutoffs
} from '../model/v3/tiers';
import {
	mulberry32,
	simulatePopulation,
	SIMULATION,
	type SimulatedOrganisation,
	type SimulationOptions
} from './simulate';

/** What the fit keeps of each simulated organisation: its axes and the parts control is weighted from. */
export interface Measured {
	axes: Axes;
	guards: number;
	dimensions: Record<DimensionId, number | null>;
	answers: Answers;
}

/** Measures every simulated organisation once. */
export function measurePopulation(bank: QuestionBank, population: SimulatedOrganisation[]): Measured[] {
	return population.map((o) => {
		const m: Measurement = measure(bank, o.answers);
		return {
			axes: m.axes,
			guards: m.guards,
			dimensions: Object.fromEntries(m.dimensions.map((d) => [d.dimension, d.score])) as Record<
				DimensionId,
				number | null
			>,
			answers: o.answers
		};
	});
}

/** Control re-weighted (the sensitivity table varies the weights). */
function reweighted(x: Measured, weights: Readonly<Record<keyof typeof CONTROL_WEIGHTS, number>>): Axes {
	if (weights === CONTROL_WEIGHTS) return x.axes;
	const f = x.axes.floors;
	const control =
		Math.round(
			(weights.governance * f.governance +
				weights.automation * f.automation +
				weights.risk_exposure * x.guards +
				weights.platform * f.platform) *
				10
		) / 10;
	return { ...x.axes, control };
}

/** Percentage (one decimal) of the population in each group (placed results only). */
export function sharesOf(axes: readonly Axes[], cutoffs: Cutoffs = CUTOFFS): Record<TierId, number> {
	const counts = Object.fromEntries(TIER_IDS.map((t) => [t, 0])) as Record<TierId, number>;
	let placed = 0;
	for (const a of axes) {
		const { tier } = groupOf(a, cutoffs);
		if (tier) {
			counts[tier]++;
			placed++;
		}
	}
	return Object.fromEntries(
		TIER_IDS.map((t) => [t, Math.round((counts[t] / Math.max(1, placed)) * 1000) / 10])
	) as Record<TierId, number>;
}

/** Share (%) of the population meeting every Pioneer condition but control: the most the robust cut-off can admit. */
export function candidateShare(axes: readonly Axes[], cutoffs: Cutoffs = CUTOFFS): number {
	const n = axes.filter((a) => a.coverage >= MIN_COVERAGE).length;
	const candidates = axes.filter(
		(a) => a.coverage >= MIN_COVERAGE && pioneerBlockers({ ...a, control: 100 }, cutoffs).length === 0
	).length;
	return Math.round((candidates / Math.max(1, n)) * 1000) / 10;
}

/** The value on a half-point grid in [from, 100] whose share (from `shareAt`) is closest to `target`. */
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
 * Fits the three fitted cut-offs, one at a time on a half-point grid, the others fixed by argument:
 * 1. `controlHigh`, robust control, so that the share of organisations with control at or above it is the survey's
 *    19 % that "have the governance foundations needed for AI readiness" (the `governance_foundations` figure);
 * 2. `controlLow` (below `controlHigh`) so that Exposed (AI in use; control below the bar, or severe exposure) takes
 *    the Exposed share;
 * 3. `useDeep` so that Outpacing and Fragmented share what is left in the survey's proportion (25 : 32).
 * Pioneer is then whatever the rules give — every condition, robust control — and is reported beside the survey's
 * 19 %: where the rules admit fewer, the rules win and the miss is reported (docs/methodology.md).
 */
export function fitCutoffs(
	axes: readonly Axes[],
	targets: Record<TierId, number> = tierShares(SURVEY_2026),
	fixed: Cutoffs = CUTOFFS,
	foundations: number = figureShare('governance_foundations')
): Cutoffs {
	const placed = axes.filter((a) => a.coverage >= MIN_COVERAGE);
	const pct = (count: number) => (count / Math.max(1, placed.length)) * 100;
	const controlHigh = closest((v) => pct(placed.filter((a) => a.control >= v).length), foundations);
	const withHigh = { ...fixed, controlHigh };
	const rest = placed.filter((a) => groupOf(a, withHigh).tier !== 'pioneer');
	const exposedAt = (a: Axes, low: number) =>
		a.aiChange >= fixed.useFloor &&
		(a.control < low + fixed.criticalWeight * Math.min(CRITICAL_CAP, a.criticalInUse) ||
			a.exposure >= fixed.exposureSevere);
	const controlLow = Math.min(
		closest((v) => pct(rest.filter((a) => exposedAt(a, v)).length), targets.exposed),
		controlHigh - 0.5
	);
	const shapes = rest.filter((a) => !exposedAt(a, controlLow));
	const outpacingShare =
		(pct(shapes.length) * targets.outpacing) / Math.max(1e-9, targets.outpacing + targets.fragmented);
	const useDeep = closest((v) => pct(shapes.filter((a) => a.use >= v).length), outpacingShare);
	return { ...fixed, controlHigh, controlLow, useDeep };
}

/** A published all-respondent share by figure id. */
function figureShare(id: string, benchmark: Benchmark = SURVEY_2026): number {
	return benchmark.figures.find((f) => f.id === id)?.share ?? 19;
}

/** A 5th–95th percentile range. */
export interface Range {
	low: number;
	high: number;
}

function percentileRange(values: number[]): Range {
	const sorted = [...values].sort((a, b) => a - b);
	const pick = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
	return { low: pick(0.05), high: pick(0.95) };
}

/** What the parametric bootstrap over the survey's sampling error gives. */
export interface Bootstrap {
	samples: number;
	size: number;
	/** Fitted cut-offs across the resampled surveys. */
	cutoffs: Record<'controlHigh' | 'controlLow' | 'useDeep', Range>;
	/** Group shares under the shipped cut-offs across the resampled surveys. */
	shares: Record<TierId, Range>;
}

/** Binomial(n, p) by summing Bernoulli draws (n = 406 is small). */
function binomial(uniform: () => number, n: number, p: number): number {
	let k = 0;
	for (let i = 0; i < n; i++) if (uniform() < p) k++;
	return k;
}

/**
 * The parametric bootstrap: each resample redraws every published figure as Binomial(406, p) / 406 and the group
 * shares as Multinomial(406, shares), simulates a population from the redrawn figures, and refits the cut-offs to
 * the redrawn shares — so the survey's own sampling error reaches the fitted cut-offs.
 */
export function parametricBootstrap(
	bank: QuestionBank,
	samples = 120,
	size = 3000,
	benchmark: Benchmark = SURVEY_2026,
	seed = 406
): Bootstrap {
	const uniform = mulberry32(seed);
	const n = benchmark.sample;
	const published = tierShares(benchmark);
	const cuts = { controlHigh: [] as number[], controlLow: [] as number[], useDeep: [] as number[] };
	const shares = Object.fromEntries(TIER_IDS.map((t) => [t, [] as number[]])) as Record<TierId, number[]>;
	for (let s = 0; s < samples; s++) {
		const figures: Record<string, number> = {};
		for (const f of benchmark.figures)
			if (f.base === 'all') figures[f.id] = (binomial(uniform, n, f.share / 100) / n) * 100;
		// Multinomial over the four groups as successive binomials.
		const redrawn = {} as Record<TierId, number>;
		let left = n;
		let mass = 1;
		for (const [i, t] of TIER_IDS.entries()) {
			const p = published[t] / 100;
			const k = i === TIER_IDS.length - 1 ? left : binomial(uniform, left, Math.min(1, p / mass));
			redrawn[t] = (k / n) * 100;
			left -= k;
			mass -= p;
		}
		const population = simulatePopulation(bank, benchmark, { ...SIMULATION, size, seed: seed * 1000 + s }, figures);
		const axes = measurePopulation(bank, population).map((x) => x.axes);
		const fit = fitCutoffs(axes, redrawn, CUTOFFS, figures.governance_foundations);
		cuts.controlHigh.push(fit.controlHigh);
		cuts.controlLow.push(fit.controlLow);
		cuts.useDeep.push(fit.useDeep);
		const got = sharesOf(axes);
		for (const t of TIER_IDS) shares[t].push(got[t]);
	}
	return {
		samples,
		size,
		cutoffs: {
			controlHigh: percentileRange(cuts.controlHigh),
			controlLow: percentileRange(cuts.controlLow),
			useDeep: percentileRange(cuts.useDeep)
		},
		shares: Object.fromEntries(TIER_IDS.map((t) => [t, percentileRange(shares[t])])) as Bootstrap['shares']
	};
}

/** The margin of each fitted cut-off: the half-width of its bootstrap range, rounded up to a whole point. */
export function fittedMargins(boot: Bootstrap): Record<'controlHigh' | 'controlLow' | 'useDeep', number> {
	const half = (r: Range) => Math.max(1, Math.ceil((r.high - r.low) / 2));
	return {
		controlHigh: half(boot.cutoffs.controlHigh),
		controlLow: half(boot.cutoffs.controlLow),
		useDeep: half(boot.cutoffs.useDeep)
	};
}

/** One row of the sensitivity table. */
export interface SensitivityRow {
	group: 'assumption' | 'rubric';
	assumption: string;
	value: string;
	/** The fitted cut-offs a refit chooses under this row. */
	refit: Pick<Cutoffs, 'controlHigh' | 'controlLow' | 'useDeep'>;
	/** Group shares under the shipped cut-offs. */
	shares: Record<TierId, number>;
	/** Pioneer candidates (%). */
	candidates: number;
}

/** The simulation assumptions the table varies, one at a time. */
export const ASSUMPTION_VARIANTS: readonly {
	assumption: string;
	value: string;
	options: Partial<SimulationOptions>;
}[] = [
	{ assumption: 'correlation(adoption, control)', value: '0.2', options: { correlation: 0.2 } },
	{ assumption: 'correlation(adoption, control)', value: '0.6', options: { correlation: 0.6 } },
	{
		assumption: 'dimension factors’ correlation with control',
		value: '0.5 (dimensions ≈ 0.25)',
		options: { dimensionCorrelation: 0.5 }
	},
	{
		assumption: 'dimension factors’ correlation with control',
		value: '0.9 (dimensions ≈ 0.8)',
		options: { dimensionCorrelation: 0.9 }
	},
	{ assumption: 'loading', value: '0.6', options: { loading: 0.6 } },
	{ assumption: 'loading', value: '0.85', options: { loading: 0.85 } },
	{ assumption: 'unlinked questions', value: 'tilted weak (−0.3)', options: { unlinkedTilt: -0.3 } },
	{ assumption: 'unlinked questions', value: 'tilted strong (+0.3)', options: { unlinkedTilt: 0.3 } },
	{ assumption: 'outcomes’ adoption weight', value: '0', options: { outcomeUseWeight: 0 } },
	{ assumption: 'outcomes’ adoption weight', value: '1', options: { outcomeUseWeight: 1 } },
	{ assumption: 'findings missed without detection', value: '25 %', options: { missedWhenNotLooking: 0.25 } },
	{ assumption: 'findings missed without detection', value: '75 %', options: { missedWhenNotLooking: 0.75 } },
	{ assumption: 'severe outcomes', value: 'half as common', options: { severeScale: 0.5 } },
	{ assumption: 'severe outcomes', value: 'twice as common', options: { severeScale: 2 } }
];

/** The rubric ranges the table varies, one at a time: each weight ±25 %, each fixed cut-off and floor ±5 points. */
export function rubricVariants(): {
	assumption: string;
	value: string;
	cutoffs: Cutoffs;
	weights: Record<keyof typeof CONTROL_WEIGHTS, number>;
}[] {
	const out: ReturnType<typeof rubricVariants> = [];
	for (const d of Object.keys(CONTROL_WEIGHTS) as (keyof typeof CONTROL_WEIGHTS)[])
		for (const f of [0.75, 1.25]) {
			const raw = { ...CONTROL_WEIGHTS, [d]: CONTROL_WEIGHTS[d] * f };
			const sum = Object.values(raw).reduce((a, b) => a + b, 0);
			const weights = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v / sum])) as Record<
				keyof typeof CONTROL_WEIGHTS,
				number
			>;
			out.push({
				assumption: `weight of ${d.replace('risk_exposure', 'guards')}`,
				value: f < 1 ? '−25 %' : '+25 %',
				cutoffs: CUTOFFS,
				weights
			});
		}
	const fixed: [keyof Cutoffs, string][] = [
		['floor', 'Pioneer floors'],
		['useFloor', 'use floor (AI in real use)'],
		['exposureSevere', 'severe exposure']
	];
	for (const [key, label] of fixed)
		for (const delta of [-5, 5])
			out.push({
				assumption: label,
				value: `${CUTOFFS[key] + delta}`,
				cutoffs: { ...CUTOFFS, [key]: CUTOFFS[key] + delta },
				weights: CONTROL_WEIGHTS
			});
	for (const w of [0, 16])
		out.push({
			assumption: 'weight of an open critical gap in use',
			value: `${w} points`,
			cutoffs: { ...CUTOFFS, criticalWeight: w },
			weights: CONTROL_WEIGHTS
		});
	return out;
}

/** The sensitivity table: assumptions (re-simulated at `size`) and rubric ranges (on the baseline population). */
export function sensitivityTable(bank: QuestionBank, baseline: readonly Measured[], size = 5000): SensitivityRow[] {
	const rows: SensitivityRow[] = [];
	const row = (
		group: SensitivityRow['group'],
		assumption: string,
		value: string,
		axes: Axes[],
		shipped: Cutoffs,
		fitFrom: Cutoffs
	) => {
		const refit = fitCutoffs(axes, undefined, fitFrom);
		rows.push({
			group,
			assumption,
			value,
			refit: { controlHigh: refit.controlHigh, controlLow: refit.controlLow, useDeep: refit.useDeep },
			shares: sharesOf(axes, shipped),
			candidates: candidateShare(axes, shipped)
		});
	};
	row(
		'assumption',
		'baseline',
		'as documented',
		baseline.map((x) => x.axes),
		CUTOFFS,
		CUTOFFS
	);
	for (const v of ASSUMPTION_VARIANTS) {
		const population = simulatePopulation(bank, SURVEY_2026, { ...SIMULATION, size, ...v.options });
		row(
			'assumption',
			v.assumption,
			v.value,
			measurePopulation(bank, population).map((x) => x.axes),
			CUTOFFS,
			CUTOFFS
		);
	}
	for (const v of rubricVariants()) {
		const axes = baseline.map((x) => reweighted(x, v.weights));
		row('rubric', v.assumption, v.value, axes, v.cutoffs, v.cutoffs);
	}
	return rows;
}

/** Share (%) of placed results within a margin of a cut-off that decides their group. */
export function borderlineShare(axes: readonly Axes[], cutoffs: Cutoffs = CUTOFFS): number {
	const placed = axes.filter((a) => a.coverage >= MIN_COVERAGE);
	return Math.round((placed.filter((a) => isBorderline(a, cutoffs)).length / Math.max(1, placed.length)) * 1000) / 10;
}

/** Per group below Pioneer, the share (%) whose plan cannot reach the next group in five changes (`lifts: false`). */
export function liftsFalseShares(
	bank: QuestionBank,
	measured: readonly Measured[],
	limit = 1000
): Partial<Record<TierId, { n: number; liftsFalse: number }>> {
	const out: Partial<Record<TierId, { n: number; no: number }>> = {};
	for (const x of measured.slice(0, limit)) {
		const m = measure(bank, x.answers);
		if (!m.tier || m.tier === 'pioneer') continue;
		const plan = liftPlan(bank, x.answers, m);
		const e = (out[m.tier] ??= { n: 0, no: 0 });
		e.n++;
		if (!plan?.lifts) e.no++;
	}
	return Object.fromEntries(
		Object.entries(out).map(([t, e]) => [t, { n: e.n, liftsFalse: Math.round((e.no / Math.max(1, e.n)) * 1000) / 10 }])
	) as Partial<Record<TierId, { n: number; liftsFalse: number }>>;
}

/** A survey group profile beside the simulated group's: a check, never a target. */
export interface ProfileCheck {
	figure: string;
	group: TierId;
	statement: string;
	published: number;
	simulated: number | null;
	how: string;
}

const at = (a: Answers, id: string, options: string[]) => options.includes(a[id] ?? '');

/** The survey's group profiles as bank 3.0.0 answers tell them. */
export const PROFILE_RULES: readonly {
	figure: string;
	group: TierId;
	how: string;
	among?: (a: Answers) => boolean;
	doing: (a: Answers) => boolean;
}[] = [
	{
		figure: 'exposed_formal_policy',
		group: 'exposed',
		how: 'gov_formal_policy approved (app_code, code_and_iac or full)',
		doing: (a) => at(a, 'gov_formal_policy', ['app_code', 'code_and_iac', 'full'])
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
		how: 'gov_formal_policy approved, and gov_policy_enforcement spot checks or better',
		doing: (a) =>
			at(a, 'gov_formal_policy', ['app_code', 'code_and_iac', 'full']) &&
			at(a, 'gov_policy_enforcement', ['spot_checks', 'key_rules_automated', 'automated_attested'])
	},
	{
		figure: 'pioneer_ai_iac',
		group: 'pioneer',
		how: 'ai_iac_generation other than none (as the source states it: uses AI-generated infrastructure code)',
		doing: (a) => a.ai_iac_generation !== undefined && a.ai_iac_generation !== 'none'
	}
];

/** Compares the simulated groups with the survey's group profiles. */
export function groupProfileCheck(
	measured: readonly Measured[],
	cutoffs: Cutoffs = CUTOFFS,
	benchmark: Benchmark = SURVEY_2026
): ProfileCheck[] {
	const tiers = measured.map((x) => groupOf(x.axes, cutoffs).tier);
	return PROFILE_RULES.map((rule) => {
		const f = benchmark.figures.find((x) => x.id === rule.figure);
		const members = measured.filter((x, i) => tiers[i] === rule.group && (rule.among?.(x.answers) ?? true));
		const doing = members.filter((x) => rule.doing(x.answers)).length;
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

/** The median reported score of each dimension in each simulated group: the radar's "typical" overlays (modelled). */
export function typicalProfiles(
	measured: readonly Measured[],
	cutoffs: Cutoffs = CUTOFFS
): Record<TierId, Record<DimensionId, number>> {
	const median = (values: number[]) => {
		const sorted = [...values].sort((a, b) => a - b);
		return sorted.length ? Math.round(sorted[Math.floor(sorted.length / 2)]!) : 0;
	};
	const groups = Object.fromEntries(TIER_IDS.map((t) => [t, [] as Measured[]])) as Record<TierId, Measured[]>;
	for (const x of measured) {
		const { tier } = groupOf(x.axes, cutoffs);
		if (tier) groups[tier].push(x);
	}
	return Object.fromEntries(
		TIER_IDS.map((t) => [
			t,
			Object.fromEntries(DIMENSION_IDS.map((d) => [d, median(groups[t].map((x) => x.dimensions[d] ?? 0))]))
		])
	) as Record<TierId, Record<DimensionId, number>>;
}

/** Re-exported for readers of the norming. */
