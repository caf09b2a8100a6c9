/**
 * The client portfolio in words (the portfolio page, and the workshop dashboard's comparison): labelled groups and
 * dimension spreads, with no figure below the threshold (`scoring/norm/portfolio`). Plain data, safe to send to the
 * browser: never an organisation's name or answers.
 */
import { PORTFOLIO_STEP, type Portfolio } from '../norm/portfolio';
import type { DimensionId, QuestionBank, TierId } from '../schema';
import { TIER_LABELS } from './labels';

export interface PortfolioView {
	organisations: number;
	counted: number;
	needed: number;
	untilNextStep: number;
	/** Why the figures look as they do, in a sentence. */
	line: string;
	figures: {
		sample: number;
		tiers: { tier: TierId; label: string; count: number; share: number }[];
		dimensions: {
			dimension: DimensionId;
			label: string;
			lowerIsBetter: boolean;
			scored: number;
			p25: number | null;
			median: number | null;
			p75: number | null;
		}[];
	} | null;
}

const organisationsText = (n: number) => (n === 1 ? '1 organisation' : `${n} organisations`);

/** The portfolio as the page shows it, dimensions labelled by `bank`. */
export function presentPortfolio(portfolio: Portfolio, bank: QuestionBank): PortfolioView {
	const { organisations, counted, needed, untilNextStep } = portfolio;
	const line =
		portfolio.figures === null
			? `Your portfolio has ${organisationsText(organisations)}. No figure is shown from fewer than ${PORTFOLIO_STEP}: ${needed} more ${needed === 1 ? 'is' : 'are'} needed.`
			: `The figures come from ${organisationsText(counted)} of the ${organisations} in your portfolio — the first ${counted} to enter it. They change when ${untilNextStep} more ${untilNextStep === 1 ? 'organisation joins' : 'organisations join'}, never for one client.`;
	return {
		organisations,
		counted,
		needed,
		untilNextStep,
		line,
		figures: portfolio.figures && {
			sample: portfolio.figures.sample,
			tiers: portfolio.figures.tiers.map((t) => ({ ...t, label: TIER_LABELS[t.tier] })),
			dimensions: bank.dimensions.flatMap((d) => {
				const spread = portfolio.figures!.dimensions.find((s) => s.dimension === d.id);
				return spread ? [{ ...spread, label: d.label, lowerIsBetter: d.orientation === 'higher-is-worse' }] : [];
			})
		}
	};
}
