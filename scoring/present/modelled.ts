/**
 * The typical profile of each group as the model simulates it: the median reported score of each dimension among
 * the simulated members (exposure for risk exposure, higher = more exposed). Computed by `typicalProfiles` in
 * `scoring/norm/fit.ts` and pasted here; `npm run norm` fails when it drifts. Shown on a result's radar as
 * "typical of the group (modelled)", never as survey data.
 */
import type { DimensionId, TierId } from '../schema';

export const MODELLED_PROFILES: Readonly<Record<TierId, Record<DimensionId, number>>> = Object.freeze({
	exposed: { ai_integration: 54, governance: 24, automation: 27, risk_exposure: 58, platform: 24 },
	fragmented: { ai_integration: 34, governance: 46, automation: 49, risk_exposure: 28, platform: 52 },
	outpacing: { ai_integration: 76, governance: 56, automation: 60, risk_exposure: 42, platform: 65 },
	pioneer: { ai_integration: 70, governance: 83, automation: 85, risk_exposure: 10, platform: 88 }
});
