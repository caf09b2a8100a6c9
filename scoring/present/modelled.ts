/**
 * Figures the norming produces that results show: for each tier, the share of surveyed organisations our model
 * would place lower "if the surveyed organisations answered as our model assumes", with its uncertainty. Computed by
 * `modelledBelow` in `scoring/norm.ts` and pasted here; `npm run norm` fails when they drift.
 */
import type { DimensionId, TierId } from '../schema';

export const MODELLED_BELOW: Readonly<Record<TierId, { share: number; plusMinus: number }>> = Object.freeze({
	exposed: { share: 0, plusMinus: 1 },
	fragmented: { share: 24, plusMinus: 3 },
	outpacing: { share: 56, plusMinus: 5 },
	pioneer: { share: 81, plusMinus: 4 }
});

/**
 * The typical profile of each group as the model simulates it: the median reported score of each dimension among
 * the simulated members (exposure for risk exposure). Computed by `typicalProfiles` in `scoring/norm.ts`; shown
 * on a result's radar as "typical of the group (modelled)", never as survey data.
 */
export const MODELLED_PROFILES: Readonly<Record<TierId, Record<DimensionId, number>>> = Object.freeze({
	exposed: { ai_integration: 49, governance: 17, automation: 18, risk_exposure: 61, platform: 17 },
	fragmented: { ai_integration: 29, governance: 46, automation: 47, risk_exposure: 23, platform: 51 },
	outpacing: { ai_integration: 70, governance: 49, automation: 50, risk_exposure: 50, platform: 53 },
	pioneer: { ai_integration: 75, governance: 81, automation: 80, risk_exposure: 22, platform: 86 }
});
