/**
 * <TableScroll> and the root layout's enhancement of `.table-scroll` wrappers. jsdom has no layout, so each test
 * gives the region a width and its content a width, and resizes through a ResizeObserver stand-in.
 */
import { render, screen } from '@testing-library/svelte';
import { createRawSnippet, flushSync } from 'svelte';
import { afterEach, describe, expect, test } from 'vitest';
import { enhanceScrollRegions } from '$lib/actions/scroll-region';
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

describe('the layout’s enhancement of plain .table-scroll wrappers', () => {
	test('named by its table’s caption, focusable while it overflows', () => {
		document.body.innerHTML =
			'<main><div class="table-scroll"><table><caption>Confidence against practice</caption></table></div></main>';
		const stop = enhanceScrollRegions(document.querySelector('main')!);
		const region = screen.getByRole('region', { name: 'Confidence against practice' });
		resize(region, 328, 417);
		expect(region.tabIndex).toBe(0);
		expect(region.hasAttribute('data-overflow')).toBe(true);
		resize(region, 900, 417);
		expect(region.hasAttribute('tabindex')).toBe(false);
		stop();
	});

	test('a wrapper rendered later (navigation, an opened section) is enhanced too; one without a caption is still named', async () => {
		document.body.innerHTML = '<main></main>';
		const main = document.querySelector('main')!;
		const stop = enhanceScrollRegions(main);
		main.insertAdjacentHTML('beforeend', '<div class="table-scroll"><table><tr><td>x</td></tr></table></div>');
		await new Promise((r) => setTimeout(r));
		const region = screen.getByRole('region', { name: 'Table' });
		resize(region, 328, 500);
		expect(region.tabIndex).toBe(0);
		stop();
	});

	test('leaves a <TableScroll> region as it is', () => {
		render(TableScroll, { label: 'Own label', children: table });
		const stop = enhanceScrollRegions(document.body);
		const region = screen.getByRole('region', { name: 'Own label' });
		expect(region.hasAttribute('aria-labelledby')).toBe(false);
		stop();
	});
});
