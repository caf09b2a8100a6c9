/**
 * A consultant's client portfolio: the results they own (closed workshops' team results, workspace milestones),
 * one per organisation, as a distribution of groups and dimension scores — and as a custom benchmark CSV in the
 * format `parseCustomBenchmark` reads (docs/formats.md). Pure: the server gathers the results
 * (`src/lib/server/portfolio`), this decides what may be shown.
 *
 * Privacy rules (docs/portfolio.md):
 * - Organisations are told apart by their name, normalised ({@link organisationKey}); a result without a name is an
 *   organisation of its own.
 * - No figure comes from fewer than {@link PORTFOLIO_STEP} organisations, and the set cannot be chosen.
 * - The set changes only in steps of {@link PORTFOLIO_STEP}: of `n` organisations only the first
 *   `floor(n / 5) * 5` count, in the order they entered the portfolio (their earliest result). Each counts with its
 *   latest result as of the step — the moment the last counted organisation entered — so neither a 6th client nor
 *   a new result of a counted client changes any figure until 5 more organisations exist. Two views therefore differ
 *   by at least 5 organisations, never by one client.
 */
import { GROUP_ORDER } from '../model/v3/tiers';
import { DIMENSION_IDS, type Answers, type DimensionId, type QuestionBank, type TierId } from '../schema';
import { CUSTOM_BENCHMARK_COLUMNS } from '../export/custom-benchmark';
import { writeCsv } from '../export/csv-table';

/** Fewest organisations a figure is shown from, and the step by which the counted set grows. */
export const PORTFOLIO_STEP = 5;

/** One owned result: a closed workshop's team result or a workspace milestone. */
export interface PortfolioResult {
	/** Unique among the results (e.g. `workshop:<uuid>`, `milestone:<uuid>`); breaks ties of time. */
	id: string;
	/** The organisation as typed (a workshop's organisation, a workspace's name); null or blank = none given. */
	organisation: string | null;
	/** When the result came to be (a workshop's close, a milestone's save), ms since the epoch. */
	at: number;
	tier: TierId;
	/** Dimension scores 0–100; null where the result has none (not answered, or not covered by the team). */
	dimensions: Partial<Record<DimensionId, number | null>>;
	answers: Answers;
}

/**
 * How organisations are told apart: the name trimmed, case-folded (Unicode NFKC, then lower case) and with runs of
 * whitespace collapsed to one space — "ACME  Corp " and "acme corp" are one organisation, "Acme Corporation"
 * another. A result without a name is an organisation of its own (keyed by the result's id).
 */
export function organisationKey(organisation: string | null, resultId: string): string {
	const name = (organisation ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
	return name === '' ? `unnamed:${resultId}` : `name:${name}`;
}

/** The spread of one dimension's scores across the counted organisations. */
export interface DimensionSpread {
	dimension: DimensionId;
	/** How many counted organisations have a score for it. */
	scored: number;
	/** Quartiles (linear interpolation), rounded to whole points; null when fewer than 5 organisations scored it. */
	p25: number | null;
	median: number | null;
	p75: number | null;
}

/** The figures of a portfolio at or above the threshold. */
export interface PortfolioFigures {
	/** How many organisations the figures come from: a multiple of 5. */
	sample: number;
	/** Organisations per group, most mature first. */
	tiers: { tier: TierId; count: number; share: number }[];
	dimensions: DimensionSpread[];
	/** The counted organisations' results, for the per-question shares of the CSV. */
	answers: Answers[];
}

/** What the portfolio page may show. */
export interface Portfolio {
	/** Organisations with a result. */
	organisations: number;
	/** Organisations the figures come from: `floor(organisations / 5) * 5`. */
	counted: number;
	/** Below the threshold: how many more organisations are needed (else 0). */
	needed: number;
	/** Until the next step: how many more organisations before the figures change again. */
	untilNextStep: number;
	/** Null below the threshold: no figure at all. */
	figures: PortfolioFigures | null;
}

/** The value at quantile `q` of sorted `values` (linear interpolation between closest ranks). */
function quantile(sorted: readonly number[], q: number): number {
	const at = (sorted.length - 1) * q;
	const lo = Math.floor(at);
	const hi = Math.ceil(at);
	return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/**
 * Whole-number percentages of `counts` that add up to exactly 100 (largest remainder; ties go to the earlier
 * entry), so the CSV's tier shares always pass the importer's 100 ± 1 check.
 */
export function wholeShares(counts: readonly number[]): number[] {
	const total = counts.reduce((a, b) => a + b, 0);
	if (total === 0) return counts.map(() => 0);
	const exact = counts.map((c) => (c * 100) / total);
	const shares = exact.map(Math.floor);
	let left = 100 - shares.reduce((a, b) => a + b, 0);
	const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
	for (const { i } of order) {
		if (left <= 0) break;
		shares[i]! += 1;
		left -= 1;
	}
	return shares;
}

const byTime = (a: PortfolioResult, b: PortfolioResult) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The portfolio of `results` under the rules of the module comment: which organisations count, and their figures
 * (none below {@link PORTFOLIO_STEP}). The order of `results` does not matter.
 */
export function portfolioOf(results: readonly PortfolioResult[]): Portfolio {
	const byOrganisation = new Map<string, PortfolioResult[]>();
	for (const r of [...results].sort(byTime)) {
		const key = organisationKey(r.organisation, r.id);
		const list = byOrganisation.get(key);
		if (list) list.push(r);
		else byOrganisation.set(key, [r]);
	}
	// Each organisation's results, oldest first; organisations in the order they entered (their earliest result).
	const organisations = [...byOrganisation.values()].sort((a, b) => byTime(a[0]!, b[0]!));
	const n = organisations.length;
	const counted = Math.floor(n / PORTFOLIO_STEP) * PORTFOLIO_STEP;
	const base = { organisations: n, counted, untilNextStep: PORTFOLIO_STEP - (n % PORTFOLIO_STEP) };
	if (counted === 0) return { ...base, needed: PORTFOLIO_STEP - n, figures: null };

	// The step: when the last counted organisation entered. Nothing newer is looked at until the next step.
	const step = organisations[counted - 1]![0]!;
	const chosen = organisations.slice(0, counted).map((list) => list.filter((r) => byTime(r, step) <= 0).at(-1)!);

	const tierCounts = GROUP_ORDER.map((tier) => chosen.filter((r) => r.tier === tier).length);
	const shares = wholeShares(tierCounts);
	const dimensions = DIMENSION_IDS.map((dimension): DimensionSpread => {
		const scores = chosen
			.map((r) => r.dimensions[dimension])
			.filter((s): s is number => typeof s === 'number' && Number.isFinite(s))
			.sort((a, b) => a - b);
		const enough = scores.length >= PORTFOLIO_STEP;
		const q = (p: number) => (enough ? Math.round(quantile(scores, p)) : null);
		return { dimension, scored: scores.length, p25: q(0.25), median: q(0.5), p75: q(0.75) };
	});
	return {
		...base,
		needed: 0,
		figures: {
			sample: counted,
			tiers: GROUP_ORDER.map((tier, i) => ({ tier, count: tierCounts[i]!, share: shares[i]! })),
			dimensions,
			answers: chosen.map((r) => r.answers)
		}
	};
}

/** The per-question shares the CSV carries: questions of `bank` tied to a survey figure, by that figure's options. */
export function portfolioQuestionShares(
	figures: PortfolioFigures,
	bank: QuestionBank
): { questionId: string; optionIds: string[]; share: number }[] {
	return bank.questions.flatMap((q) => {
		const link = q.benchmarks?.[0];
		if (!link) return [];
		const chose = figures.answers.filter((a) => {
			const answer = Object.hasOwn(a, q.id) ? a[q.id] : undefined;
			return answer !== undefined && link.matches.includes(answer);
		}).length;
		return [{ questionId: q.id, optionIds: [...link.matches], share: Math.round((chose * 100) / figures.sample) }];
	});
}

/** Longest benchmark name the importer accepts. */
const NAME_MAX = 120;

/**
 * The portfolio as a custom benchmark CSV (docs/formats.md): name, sample (the counted organisations), the four
 * tier shares (whole percentages adding up to 100) and, per question of `bank` tied to a survey figure, the share
 * of organisations whose result chose one of that figure's options (organisations that skipped it count as not).
 * Written by `writeCsv`, so every cell is safe to open in a spreadsheet.
 */
export function portfolioBenchmarkCsv(figures: PortfolioFigures, bank: QuestionBank, name: string): string {
	const tiers = new Map(figures.tiers.map((t) => [t.tier, t.share]));
	const rows: (string | number)[][] = [
		[...CUSTOM_BENCHMARK_COLUMNS],
		['name', '', name.trim().slice(0, NAME_MAX) || 'Client portfolio', ''],
		['sample', '', figures.sample, ''],
		...GROUP_ORDER.map((t) => ['tier', t, tiers.get(t) ?? 0, '']),
		...portfolioQuestionShares(figures, bank).map((s) => ['question', s.questionId, s.share, s.optionIds.join(' ')])
	];
	return writeCsv(rows);
}
