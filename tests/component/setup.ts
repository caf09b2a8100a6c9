/** What jsdom lacks and the components use: `matchMedia` (a light-scheme, wide-screen browser). */
if (!window.matchMedia)
	window.matchMedia = (query: string) =>
		({
			matches: false,
			media: query,
			onchange: null,
			addEventListener: () => {},
			removeEventListener: () => {},
			addListener: () => {},
			removeListener: () => {},
			dispatchEvent: () => false
		}) as MediaQueryList;

/** jsdom has no layout, so nothing is ever resized: a ResizeObserver that never calls back (tests that resize bring their own). */
if (typeof window.ResizeObserver === 'undefined')
	window.ResizeObserver = class {
		observe() {}
		unobserve() {}
		disconnect() {}
	};
