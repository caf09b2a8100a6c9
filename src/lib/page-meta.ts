/**
 * The `<head>` lines the root layout writes for pages that do not write them yet: a meta description (what a
 * search result or a link preview shows) and, for pages that must stay out of search engines, `noindex`. Every
 * other page writes its own in its `<svelte:head>`; tests/page-meta.test.ts checks that each page has exactly one
 * description, from its own file or from here, and the e2e suite reads them from the served pages.
 *
 * These routes belong to work in progress elsewhere (the results page, the workshop pages): when a page writes its
 * own description, delete its entry here (the test fails while both exist).
 */
import type { RouteId } from '$app/types';

export interface LayoutHead {
	description?: string;
	/** A page whose address is private to someone: a result, a workshop's join code, a facilitator's dashboard. */
	noindex?: boolean;
}

export const LAYOUT_HEAD: Partial<Record<RouteId, LayoutHead>> = {
	'/w/[code]': {
		description:
			'Join a team workshop of the AI infrastructure readiness check: answer on your phone; the facilitator sees only the team’s combined result.',
		noindex: true
	},
	'/workshops/[id]/present': {
		description:
			'The facilitator console of a facilitated AI infrastructure readiness workshop: the steps, the timer, the agreed answers, notes and actions.',
		noindex: true
	},
	'/workshops/[id]/display': {
		description:
			'The audience display of a facilitated AI infrastructure readiness workshop: the join code, the live vote count and the team’s answers as they are revealed.',
		noindex: true
	},
	'/workshops/[id]': {
		description:
			'A facilitator’s live dashboard for a team workshop of the AI infrastructure readiness check: the team result, where the team disagrees, and the join code.',
		noindex: true
	}
};
