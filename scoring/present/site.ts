/**
 * The words every page's frame shows — the site's name, its navigation, and the footer line saying where the
 * page's answers are kept — dependency-free and small, since the root layout loads them on every first load.
 */
export const SITE_LABELS = Object.freeze({
	product: 'AI infrastructure readiness check',
	nav: {
		label: 'Site',
		workshop: 'Run a workshop',
		join: 'Join',
		workspaces: 'Workspaces',
		methodology: 'Methodology',
		myWorkshops: 'My workshops',
		signIn: 'Sign in',
		signOut: 'Sign out'
	},
	skip: 'Skip to content',
	/** Where the answers behind the page are stored, by kind of page. */
	storage: {
		assessment:
			'Your answers stay in your browser; a result link carries them in its address, and nothing is stored on the server unless you save a result to a workspace.',
		workshop:
			'Workshop answers are stored on this site’s server so the team result can be formed; the facilitator sees only combined figures, never one person’s answers.',
		workspace:
			'Results saved to a workspace are stored on this site’s server; anyone who holds the workspace’s private link, or whose account it belongs to, can read them.'
	},
	methodologyLead: 'The benchmark figures, their sources and how scores are computed:',
	methodologyLink: 'methodology'
});
