import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BANK_V3 as BANK } from '$scoring/content/banks';
import { parseCustomBenchmark } from '$scoring/export/custom-benchmark';
import {
	PORTFOLIO_STEP,
	organisationKey,
	portfolioBenchmarkCsv,
	portfolioOf,
	wholeShares,
	type PortfolioResult
} from '$scoring/norm/portfolio';
import { DIMENSION_IDS, TIER_IDS, type DimensionId } from '$scoring/schema';

const linked = BANK.questions.find((q) => q.benchmarks?.length)!;

let serial = 0;
function result(organisation: string | null, at: number, over: Partial<PortfolioResult> = {}): PortfolioResult {
	serial += 1;
	return {
		id: `r${String(serial).padStart(6, '0')}`,
		organisation,
		at,
		tier: 'fragmented',
		dimensions: Object.fromEntries(DIMENSION_IDS.map((d) => [d, 50])) as Record<DimensionId, number>,
		answers: {},
		...over
	};
}

const arbResult = (names: string[], from: number, to: number) =>
	fc.record({
		name: fc.constantFrom(...names, null),
		at: fc.integer({ min: from, max: to }),
		tier: fc.constantFrom(...TIER_IDS),
		score: fc.integer({ min: 0, max: 100 }),
		chose: fc.boolean()
	});

function toResults(
	rows: { name: string | null; at: number; tier: PortfolioResult['tier']; score: number; chose: boolean }[],
	prefix: string
): PortfolioResult[] {
	return rows.map((r, i) => ({
		id: `${prefix}${String(i).padStart(4, '0')}`,
		organisation: r.name,
		at: r.at,
		tier: r.tier,
		dimensions: Object.fromEntries(DIMENSION_IDS.map((d) => [d, r.score])) as Record<DimensionId, number>,
		answers: r.chose ? { [linked.id]: linked.benchmarks![0]!.matches[0]! } : {}
	}));
}

describe('organisationKey', () => {
	it('treats names differing only in case, spacing and surrounding blanks as one organisation', () => {
		expect(organisationKey('  ACME   Corp ', 'a')).toBe(organisationKey('acme corp', 'b'));
		expect(organisationKey('Acme\tCorp', 'a')).toBe(organisationKey('acme corp', 'b'));
		expect(organisationKey('Acme Corporation', 'a')).not.toBe(organisationKey('Acme Corp', 'b'));
	});

	it('makes a result without an organisation name an organisation of its own', () => {
		expect(organisationKey(null, 'a')).not.toBe(organisationKey(null, 'b'));
		expect(organisationKey('   ', 'a')).not.toBe(organisationKey('', 'b'));
	});
});

describe('wholeShares', () => {
	it('adds up to exactly 100 whatever the counts', () => {
		fc.assert(
			fc.property(fc.array(fc.nat(50), { minLength: 4, maxLength: 4 }), (counts) => {
				fc.pre(counts.some((c) => c > 0));
				expect(wholeShares(counts).reduce((a, b) => a + b, 0)).toBe(100);
			})
		);
	});
});

describe('portfolioOf', () => {
	it('shows no figure below 5 organisations, only how many more are needed', () => {
		const four = ['A', 'B', 'C', 'D'].map((n, i) => result(n, i));
		// Many results of the same four organisations are still four organisations.
		const again = four.map((r) => result(r.organisation!.toLowerCase(), r.at + 100));
		const portfolio = portfolioOf([...four, ...again]);
		expect(portfolio).toMatchObject({ organisations: 4, counted: 0, needed: 1, figures: null });
	});

	it('counts only the first multiple of 5 organisations, in the order they entered', () => {
		const seven = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((n, i) =>
			result(n, i, { tier: i < 5 ? 'pioneer' : 'exposed' })
		);
		const portfolio = portfolioOf(seven);
		expect(portfolio.organisations).toBe(7);
		expect(portfolio.counted).toBe(5);
		expect(portfolio.untilNextStep).toBe(3);
		expect(portfolio.figures!.tiers.find((t) => t.tier === 'pioneer')).toEqual({
			tier: 'pioneer',
			count: 5,
			share: 100
		});
	});

	it('counts an organisation once, with its latest result as of the step', () => {
		const five = ['A', 'B', 'C', 'D', 'E'].map((n, i) => result(n, i * 10, { tier: 'exposed' }));
		const update = result('a', 15, { tier: 'pioneer' }); // A again, before E entered: within the step
		const portfolio = portfolioOf([...five, update]);
		expect(portfolio.counted).toBe(5);
		expect(portfolio.figures!.tiers.find((t) => t.tier === 'pioneer')!.count).toBe(1);
		expect(portfolio.figures!.tiers.find((t) => t.tier === 'exposed')!.count).toBe(4);
	});

	it('leaves out a dimension fewer than 5 counted organisations have a score for', () => {
		const five = ['A', 'B', 'C', 'D', 'E'].map((n, i) =>
			result(n, i, { dimensions: { governance: i * 10, platform: i === 0 ? null : 40 } })
		);
		const figures = portfolioOf(five).figures!;
		expect(figures.dimensions.find((d) => d.dimension === 'governance')).toEqual({
			dimension: 'governance',
			scored: 5,
			p25: 10,
			median: 20,
			p75: 30
		});
		expect(figures.dimensions.find((d) => d.dimension === 'platform')).toMatchObject({ scored: 4, median: null });
	});

	it('never shows a figure from fewer than 5 organisations, and counts a multiple of 5 (property)', () => {
		const names = ['Acme', 'acme ', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Tyrell'];
		fc.assert(
			fc.property(fc.array(arbResult(names, 0, 1000), { maxLength: 30 }), (rows) => {
				const p = portfolioOf(toResults(rows, 'x'));
				expect(p.counted % PORTFOLIO_STEP).toBe(0);
				expect(p.counted).toBeLessThanOrEqual(p.organisations);
				if (p.organisations < PORTFOLIO_STEP) {
					expect(p.figures).toBeNull();
					expect(p.needed).toBe(PORTFOLIO_STEP - p.organisations);
				} else {
					expect(p.figures!.sample).toBe(p.counted);
					expect(p.figures!.tiers.reduce((s, t) => s + t.count, 0)).toBe(p.counted);
				}
			})
		);
	});

	it('changes no figure when fewer than 5 organisations are added, whatever else the owner adds (property)', () => {
		const names = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Tyrell'];
		const newcomers = ['Newco 1', 'Newco 2', 'Newco 3', 'Newco 4', 'Newco 5', 'Newco 6'];
		fc.assert(
			fc.property(
				fc.array(arbResult(names, 0, 1000), { minLength: 1, maxLength: 25 }),
				// Later results: new results of organisations already there, and new organisations.
				fc.array(arbResult([...names, ...newcomers], 1001, 2000), { maxLength: 20 }),
				(before, later) => {
					const first = toResults(before, 'a');
					const added = toResults(later, 'b');
					const p0 = portfolioOf(first);
					const p1 = portfolioOf([...first, ...added]);
					if (p1.organisations - p0.organisations >= PORTFOLIO_STEP - (p0.organisations % PORTFOLIO_STEP)) return;
					// Not enough new organisations to complete a step: every figure is as it was (none, or the same).
					expect(p1.counted).toBe(p0.counted);
					expect(p1.figures).toEqual(p0.figures);
				}
			)
		);
	});
});

describe('portfolioBenchmarkCsv', () => {
	const five = ['A', 'B', 'C', 'D', 'E'].map((n, i) =>
		result(n, i, {
			tier: TIER_IDS[i % 4],
			answers: i < 2 ? { [linked.id]: linked.benchmarks![0]!.matches[0]! } : {}
		})
	);
	const figures = portfolioOf(five).figures!;

	it('is read unchanged by the custom benchmark importer', () => {
		const custom = parseCustomBenchmark(portfolioBenchmarkCsv(figures, BANK, 'Client portfolio'), BANK);
		expect(custom.name).toBe('Client portfolio');
		expect(custom.sample).toBe(5);
		expect(custom.tiers).toEqual({ exposed: 40, fragmented: 20, outpacing: 20, pioneer: 20 });
		expect(custom.questions.find((q) => q.questionId === linked.id)).toMatchObject({
			share: 40,
			optionIds: linked.benchmarks![0]!.matches
		});
	});

	it('keeps a name that looks like a formula from running in a spreadsheet', () => {
		const text = portfolioBenchmarkCsv(figures, BANK, '=HYPERLINK("http://x")');
		expect(text).toContain(`'=HYPERLINK`);
		expect(parseCustomBenchmark(text, BANK).name).toBe('=HYPERLINK("http://x")');
	});
});
