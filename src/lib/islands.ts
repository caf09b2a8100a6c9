/**
 * Islands: a page that sets `csr = false` renders on the server as usual, and wraps each part that needs the browser
 * in `<Island>` (`$lib/components/Island.svelte`), which writes the part's props as JSON beside it. The page's one
 * script (`<IslandScripts>`, built by the `islands` plugin in vite.config.ts) hydrates each with Svelte alone:
 * without SvelteKit's router, devalue and the route table, the first load is Svelte's runtime and those parts.
 * Used by /assess (the questionnaire) and a result page (its downloads, charts and browser-kept comparisons).
 */
import { hydrate, type Component } from 'svelte';
import { scrollRegion } from '$lib/actions/scroll-region';

/** A built island script: its address under the app's assets and the files it imports (the page preloads them). */
export interface IslandScript {
	src: string;
	preload: string[];
}

/** The components a page's islands may name, by name; the page and its script import the same registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each island's props are checked where it is rendered
export type IslandRegistry = Record<string, Component<any>>;

/**
 * Gives the wide tables outside the islands, which are never hydrated, what `<TableScroll>` gives its own once the
 * page runs: a tab stop and edge shadows only while the table is wider than the screen, and the line saying it scrolls.
 */
function enhanceScrollRegions(): void {
	for (const node of document.querySelectorAll<HTMLElement>('[data-scroll-region]')) {
		if (node.closest('[data-island]')) continue;
		const hint = node.previousElementSibling;
		scrollRegion(node, ({ overflow }) => {
			if (hint instanceof HTMLElement && hint.classList.contains('scroll-hint')) hint.hidden = !overflow;
		});
	}
}

/**
 * Hydrates every island of the page with its component from `registry` and the props written beside it, and
 * enhances the wide tables outside them. `browserProps` adds, per component, props that exist only in the browser
 * (the questionnaire's navigation).
 */
export function hydrateIslands<R extends IslandRegistry>(
	registry: R,
	browserProps: { [N in keyof R]?: () => Record<string, unknown> } = {}
): void {
	enhanceScrollRegions();
	for (const target of document.querySelectorAll<HTMLElement>('[data-island]')) {
		const name = target.dataset.island!;
		const component = registry[name];
		if (!component) throw new Error(`no island component named ${name}`);
		const props = { ...(JSON.parse(target.dataset.props ?? '{}') as object), ...browserProps[name]?.() };
		hydrate(component, { target, props });
		// Says the page's script ran, as SvelteKit's start-up does with its global (the e2e tests wait for either).
		target.dataset.hydrated = '';
	}
}
