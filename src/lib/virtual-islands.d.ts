/** The island scripts' addresses, built by the `islands` plugin in vite.config.ts (see `src/lib/islands.ts`). */
declare module 'virtual:islands' {
	const islands: Record<keyof typeof import('$lib/islands-build').ISLANDS, import('$lib/islands').IslandScript>;
	export default islands;
}
