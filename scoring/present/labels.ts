/**
 * The names of a result's headline figures, one wording for every surface (results page, PDF, CSV): if two
 * surfaces word a figure differently, one of them is wrong.
 */
export const METRIC_LABELS = Object.freeze({
	index: 'Readiness index',
	use: 'AI use',
	control: 'Control',
	coverage: 'Coverage',
	tier: 'Group',
	notPlaced: 'Not placed',
	notPlacedTooFew: 'Not placed (too few answers)'
});
