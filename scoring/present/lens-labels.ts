/**
 * The lens section's headings and labels, dependency-free (like `./result-labels`), so the results page and its
 * components import them directly and the browser loads nothing of the model for them.
 */
import { MAPPING_NOT_CONFORMANCE } from './result-labels';

export const LENS_LABELS = Object.freeze({
	high: 'High risk',
	medium: 'Medium risk',
	clear: 'No risk marked',
	yourAnswer: 'Your answer',
	teamAnswer: 'Team answer',
	agreedInDiscussion: 'Agreed in discussion (a facilitated workshop): it stands for the median of the answers.',
	nextStep: 'Next step',
	references: `Framework references (${MAPPING_NOT_CONFORMANCE.toLowerCase()})`,
	sources: 'Built from',
	never: 'A lens never changes your survey group: that stays the survey model’s. Its findings stand beside it.',
	teamNever:
		'A lens never changes the team’s survey group: that stays the survey model’s. Its findings come from the team’s answers, released like the survey’s, never from one person’s.',
	workspace:
		'A workspace keeps the survey answers of this result; the lens’s answers and findings stay in this page’s address.'
});
