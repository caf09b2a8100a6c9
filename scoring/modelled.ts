/**
 * Figures the norming produces that results show: for each tier, the share of surveyed organisations our model
 * would place lower "if the surveyed organisations answered as our model assumes", with its uncertainty. Computed by
 * `modelledBelow` in `scoring/norm.ts` and pasted here; `npm run norm` fails when they drift.
 */
import type { TierId } from './schema';

export const MODELLED_BELOW: Readonly<Record<TierId, { share: number; plusMinus: number }>> = Object.freeze({
	exposed: { share: 0, plusMinus: 1 },
	fragmented: { share: 24, plusMinus: 3 },
	outpacing: { share: 56, plusMinus: 5 },
	pioneer: { share: 81, plusMinus: 4 }
});
