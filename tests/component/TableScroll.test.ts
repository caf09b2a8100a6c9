/**
 * <TableScroll> and the root layout's enhancement of `.table-scroll` wrappers. jsdom has no layout, so each test
 * gives the region a width and its content a width, and resizes through a ResizeObserver stand-in.
 */
import { render, screen } from '@testing-library/svelte';
import { createRawSnippet, flushSync } from 'svelte';
import { afterEach, describe, expect, test } from 'vitest';
import TableScroll from '$lib/components/TableScroll.svelte';

/** Every observer created, so a test can say "this element was resized". */
const observers: { callback: ResizeObserverCallback; targets: Set<Element> }[] = [];
class FakeResizeObserver {
	private entry: { callback: ResizeObserverCallback; targets: Set<Element> };
	constructor(callback: ResizeObserverCallback) {
		this.entry = { callback, targets: new Set() };
		observers.push(this.entry);
	}
	observe(target: Element) {
		this.entry.targets.add(target);
	}
	unobserve(target: Element) {
		this.entry.targets.delete(target);
	}
	disconnect() {
		this.entry.targets.clear();
	}
}

/** Sets the region's visible width and its content's width, then tells the observers. */
function resize(region: HTMLElement, clientWidth: number, scrollWidth: number) {
	Object.defineProperty(region, 'clientWidth', { value: clientWidth, configurable: true });
	Object.defineProperty(region, 'scrollWidth', { value: scrollWidth, configurable: true });
	for (const o of observers)
		if (o.targets.has(region)) o.callback([{ target: region } as unknown as ResizeObserverEntry], o as never);
	flushSync();
}

const table = createRawSnippet(() => ({
	render: () => '<table><caption>Dimension scores</caption><tr><td>1</td></tr></table>'
}));

// Before any region is observed (the regions share one observer).
globalThis.ResizeObserver = FakeResizeObserver as unknown as typeof ResizeObserver;
afterEach(() => {
	document.body.innerHTML = '';
});

describe('<TableScroll>', () => {
	test('while its table is wider: a tab stop, marked for the edge shadows, with the "scroll sideways" line', () => {
		render(TableScroll, { label: 'Dimension scores', children: table });
		const region = screen.getByRole('region', { name: 'Dimension scores' });
		resize(region, 328, 417);
		expect(region.tabIndex).toBe(0);
		expect(region.hasAttribute('data-overflow')).toBe(true);
		expect(screen.getByText('Scroll sideways to see every column →').hidden).toBe(false);
	});

	test('when the table fits: no tab stop, no shadows, no line — and back when it grows again', () => {
		render(TableScroll, { label: 'Dimension scores', children: table });
		const region = screen.getByRole('region', { name: 'Dimension scores' });
		const hint = screen.getByText('Scroll sideways to see every column →');
		resize(region, 900, 600);
		expect(region.hasAttribute('tabindex')).toBe(false);
		expect(region.hasAttribute('data-overflow')).toBe(false);
		expect(hint.hidden).toBe(true);
		resize(region, 328, 600);
		expect(region.tabIndex).toBe(0);
		expect(hint.hidden).toBe(false);
	});
});
