/**
 * How the questionnaire moves between its steps in the page and hands its form to the server. Two implementations:
 * SvelteKit's router for a workshop's /w/<code> (`kit-navigation.svelte.ts`), and the History API for /assess, which
 * renders without SvelteKit's client and hydrates the questionnaire alone (`history-navigation.svelte.ts`,
 * `island.ts`), so its first load carries Svelte's runtime and the questionnaire, not the router.
 */

/**
 * What the questionnaire decides when a button posts its form, given the button's `go` value: `handled` (it moved
 * between steps, or opened the review, in the page: nothing is sent) or `send` (the form goes to the server's action).
 */
export type SubmitDecision = 'handled' | 'send';

export interface StepNavigation {
	/** The step the current history entry shows (0-based), or undefined for the step the server rendered. Reactive. */
	readonly step: number | undefined;
	/** The page's address names a step (`?step=`): a saved draft's step does not override it. */
	readonly addressNamesStep: boolean;
	/** Adds a history entry for a step. */
	push(url: string, step: number): void;
	/** Replaces the current history entry with a step's. */
	replace(url: string, step: number): void;
	/** Runs `fn` once the page can take `replace()` (after hydration). Call it while the component initialises. */
	onReady(fn: () => void): void;
	/**
	 * Wires the form: `decide` says whether a submission is handled in the page; `afterSend` runs when a sent form's
	 * answer was applied in the page (SvelteKit), and never where the browser loads the answer as a new page.
	 */
	enhance(
		form: HTMLFormElement,
		options: { decide: (go: string | null) => SubmitDecision; afterSend: () => void }
	): { destroy(): void };
}

/** Where nothing navigates: a server-rendered page, whose step is the one the server rendered. */
export const STATIC_NAVIGATION: StepNavigation = {
	step: undefined,
	addressNamesStep: false,
	push: () => {},
	replace: () => {},
	onReady: () => {},
	enhance: () => ({ destroy: () => {} })
};
