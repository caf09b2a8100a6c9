/**
 * A horizontally scrollable region (a wide table on a phone) that a keyboard can reach and a reader can see is
 * scrollable. While its content is wider than it, the element is focusable (`tabindex="0"`, so arrow keys scroll
 * it) and carries `data-overflow`, which app.css turns into edge shadows on the side that has more; when everything
 * fits, it is no tab stop. The element must be named (`aria-label`, or `aria-labelledby` its table's caption): a
 * focusable region without a name is read as "region" alone.
 *
 * Used by `<TableScroll>` (src/lib/components/TableScroll.svelte) and, for `.table-scroll` wrappers not yet written
 * as `<TableScroll>`, by `enhanceScrollRegions` from the root layout.
 */

export interface ScrollState {
	/** The content is wider than the region. */
	overflow: boolean;
}

/** A region and what it does once measured. */
interface Region {
	node: HTMLElement;
	apply: (overflow: boolean) => void;
}

/** The region each observed element (a region, or its content) belongs to; one observer for every region. */
const regionOf = new WeakMap<Element, Region>();
let observer: ResizeObserver | undefined;

/**
 * The observer's first notice comes after the first layout, for every region at once: all are measured, then all
 * are marked. (Measuring each region as it mounts, between the marks, forced one layout per region: on the
 * methodology page, 40 layouts and a third of a second of blocking time on a phone.)
 */
function sizes(): ResizeObserver {
	observer ??= new ResizeObserver((entries) => {
		const regions = new Set(entries.flatMap((e) => regionOf.get(e.target) ?? []));
		const measured = [...regions].map((r) => [r, r.node.scrollWidth > r.node.clientWidth + 1] as const);
		for (const [region, overflow] of measured) region.apply(overflow);
	});
	return observer;
}

/** Keeps `node`'s focusability and `data-overflow` in step with its width; returns the clean-up. */
export function scrollRegion(node: HTMLElement, onchange?: (state: ScrollState) => void): () => void {
	let last: boolean | null = null;
	const region: Region = {
		node,
		apply: (overflow) => {
			if (overflow === last) return;
			last = overflow;
			node.toggleAttribute('data-overflow', overflow);
			if (overflow) node.tabIndex = 0;
			else node.removeAttribute('tabindex');
			onchange?.({ overflow });
		}
	};
	// The content can grow without the region changing size (a live table, fonts loading): watch both.
	const watched = [node, ...node.children];
	for (const element of watched) {
		regionOf.set(element, region);
		sizes().observe(element);
	}
	return () => {
		for (const element of watched) {
			sizes().unobserve(element);
			regionOf.delete(element);
		}
	};
}

let captionIds = 0;

/**
 * Makes one `.table-scroll` wrapper a named, keyboard-reachable scroll region: `role="region"`, named by its
 * table's caption (or `fallbackLabel`), then `scrollRegion`. Returns the clean-up, or null when the wrapper
 * already is one.
 */
export function enhanceTableScroll(node: HTMLElement, fallbackLabel = 'Table'): (() => void) | null {
	if (node.hasAttribute('data-scroll-region')) return null;
	node.setAttribute('data-scroll-region', '');
	node.setAttribute('role', 'region');
	if (!node.hasAttribute('aria-label') && !node.hasAttribute('aria-labelledby')) {
		const caption = node.querySelector('caption');
		if (caption?.textContent?.trim()) {
			caption.id ||= `table-caption-${++captionIds}`;
			node.setAttribute('aria-labelledby', caption.id);
		} else node.setAttribute('aria-label', fallbackLabel);
	}
	return scrollRegion(node);
}

/**
 * Enhances every `.table-scroll` under `root`, now and as pages render new ones (client-side navigation, a
 * section opened, a live update); returns the clean-up. The root layout runs it once.
 */
export function enhanceScrollRegions(root: HTMLElement): () => void {
	const cleanups = new Map<HTMLElement, () => void>();
	const scan = () => {
		for (const node of root.querySelectorAll<HTMLElement>('.table-scroll:not([data-scroll-region])')) {
			const cleanup = enhanceTableScroll(node);
			if (cleanup) cleanups.set(node, cleanup);
		}
		for (const [node, cleanup] of cleanups)
			if (!node.isConnected) {
				cleanup();
				cleanups.delete(node);
			}
	};
	const observer = new MutationObserver(scan);
	observer.observe(root, { childList: true, subtree: true });
	scan();
	return () => {
		observer.disconnect();
		for (const cleanup of cleanups.values()) cleanup();
		cleanups.clear();
	};
}
