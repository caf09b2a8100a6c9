import CustomBenchmark from '$lib/components/results/CustomBenchmark.svelte';
import DimensionScores from '$lib/components/results/DimensionScores.svelte';
import Downloads from '$lib/components/results/Downloads.svelte';
import SinceLastTime from '$lib/components/results/SinceLastTime.svelte';
import SaveToWorkspace from '$lib/components/workspaces/SaveToWorkspace.svelte';

/**
 * The islands of a result page (`src/lib/islands.ts`): what needs the browser — the downloads (the PDF and CSV are
 * made here), the radar chart, the comparison with earlier results and the custom benchmark (both kept in this
 * browser) and saving to a workspace. Everything else on the page is server-rendered HTML and is not hydrated.
 */
export const RESULT_ISLANDS = { CustomBenchmark, DimensionScores, Downloads, SinceLastTime, SaveToWorkspace };
