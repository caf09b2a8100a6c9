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
