/**
 * A horizontally scrollable region (a wide table on a phone) that a keyboard can reach and a reader can see is
 * scrollable. While its content is wider than it, the element is focusable (`tabindex="0"`, so arrow keys scroll
 * it) and carries `data-overflow`, which app.css turns into edge shadows on the side that has more; when everything
 * fits, it is no tab stop. The element must be named (`aria-label`, or `aria-labelledby` its table's caption): a
 * focusable region without a name is read as "region" alone.
 *
 * Used by `<TableScroll>` (src/lib/components/TableScroll.svelte), the one way a page writes a wide table.
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
