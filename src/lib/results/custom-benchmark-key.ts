/**
 * Where the results page keeps a custom benchmark in this browser (the CSV text itself, validated again on every
 * load). Its own module, free of imports, so the page can look for a kept benchmark on load without fetching the
 * bank, the scorer and papaparse (`reports.ts`) when there is none.
 */
export const CUSTOM_BENCHMARK_KEY = 'ai-readiness:custom-benchmark';
