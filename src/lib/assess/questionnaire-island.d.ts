/** The address of /assess's client script (`src/lib/assess/island.ts`, built by vite.config.ts's plugin). */
declare module 'virtual:questionnaire-island' {
	const src: string;
	export default src;
}
