/** What the benches share: a seeded PRNG, a bounded pool of timed tasks, percentiles and the load average. */
import { loadavg } from 'node:os';

/** Seeded PRNG (mulberry32), so every run makes the same choices. */
export function prng(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * Runs `task(i)` for i < n with at most `concurrency` in flight, optionally paced evenly over `spreadMs`; returns
 * each task's latency in ms.
 */
export async function pool(n: number, concurrency: number, task: (i: number) => Promise<void>, spreadMs = 0) {
	const latencies: number[] = new Array(n);
	let next = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: Math.min(concurrency, n) }, async () => {
			while (next < n) {
				const i = next++;
				// Paced: task i starts at i × spread / n, as people finishing over a few seconds would.
				const due = started + (i * spreadMs) / n;
				if (due > performance.now()) await new Promise((r) => setTimeout(r, due - performance.now()));
				const t = performance.now();
				await task(i);
				latencies[i] = performance.now() - t;
			}
		})
	);
	return { latencies, elapsed: performance.now() - started };
}

/** The `p`th percentile of ascending `sorted` (nearest rank, the larger one). */
export function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The 1-minute load average now, as printed beside every figure (the machine is shared). */
export function load1(): string {
	return loadavg()[0]!.toFixed(2);
}
