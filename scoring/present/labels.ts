/**
 * The names of groups and headline figures, one wording for every surface (results page, PDF, CSV, workshops): if
 * two surfaces word a figure differently, one of them is wrong. Dependency-free, so browser components can import it.
 */
import type { TierId } from '../schema';

/** Each group in the survey's words. */
export const TIER_LABELS: Readonly<Record<TierId, string>> = Object.freeze({
	exposed: 'Exposed',
	fragmented: 'Fragmented',
	outpacing: 'Outpacing',
	pioneer: 'Pioneer'
});

export const METRIC_LABELS = Object.freeze({
	use: 'AI adoption',
	control: 'Foundations',
	exposure: 'Risk exposure',
	exposureScale: 'higher = more exposed',
	coverage: 'Coverage',
	tier: 'Group',
	notPlaced: 'Not placed',
	notPlacedTooFew: 'Not placed (too few answers)',
	/** Frozen models' headline index (bank 1.x and 2.0.0 results). */
	index: 'Readiness index'
});
