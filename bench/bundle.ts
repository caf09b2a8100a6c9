/**
 * First-load JavaScript of the questionnaire and a results page, in KB gzip, measured on the built app:
 * starts `build/index.js`, fetches each page's server-rendered HTML, and sums every script it loads before any
 * interaction (its modulepreloads and the `import()`s of its inline start-up script). chart.js is
 * found through the Vite manifest, so the report says whether it is part of a first load.
 *
 * Run after `npm run build`: `npm run bench:bundle` (or through `npm run bench`, which builds when there is no build).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CURRENT_BANK } from '$scoring/content/banks';
import { encodeAnswerCode } from '$scoring/export/answer-code';
import { ISLANDS_MANIFEST } from '$lib/islands-build';
import { startServer } from '../tests/e2e/server';

/**
 * The first-load budget of /assess (KB gzip). /assess runs without SvelteKit's client: its scripts are the
 * questionnaire's island (`src/lib/islands.ts`), 24.1 KB in 3 files in December 2026, mostly Svelte's runtime (shared
 * with a result page's island). Through SvelteKit's client it was 47.7 KB, as the router, devalue and the route table
 * come first (35.3 KB of framework chunk alone).
 */
const ASSESS_BUDGET_KB = 40;
/** Where the build keeps what the browser fetches. */
export const CLIENT_DIR = 'build/client';
const MANIFEST = '.svelte-kit/output/client/.vite/manifest.json';

interface ManifestChunk {
	file: string;
	src?: string;
	imports?: string[];
	dynamicImports?: string[];
}

/**
 * The script URLs a page loads at start-up: its modulepreloads (HTML links or the `link` response header, where
 * SvelteKit puts them) and the start-up script's `import()`s.
 */
function firstLoadScripts(html: string, linkHeader: string): string[] {
	const urls = new Set<string>();
	for (const m of linkHeader.matchAll(/<([^>]+)>;\s*rel="modulepreload"/g)) urls.add(m[1]!);
	for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]*href="([^"]+)"/g)) urls.add(m[1]!);
	for (const m of html.matchAll(/<link[^>]+href="([^"]+)"[^>]*rel="modulepreload"/g)) urls.add(m[1]!);
	for (const m of html.matchAll(/import\("([^"]+\.js)"\)/g)) urls.add(m[1]!);
	for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) urls.add(m[1]!);
	return [...urls];
}

/** The built file behind a script URL, which may be relative to the page (`../_app/immutable/...`). */
function builtFile(url: string, pagePath: string): string {
	return join(CLIENT_DIR, new URL(url, `http://localhost${pagePath}`).pathname);
}

/** The files' total size compressed with gzip -9, in KB. */
export function gzipKB(files: string[]): number {
	return files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0) / 1024;
}

const readManifest = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>;

/** Built files whose manifest key (source path) matches `pattern`, in SvelteKit's build or the island scripts'. */
function builtFilesOf(pattern: RegExp): Set<string> {
	const files = new Set<string>();
	for (const manifest of [readManifest(MANIFEST), readManifest(ISLANDS_MANIFEST)])
		for (const [key, chunk] of Object.entries(manifest)) if (pattern.test(key)) files.add(join(CLIENT_DIR, chunk.file));
	return files;
}

/**
 * Built files that hold chart.js: chunks of node_modules/chart.js (and its colour library) and the radar module
 * that imports it, into which the bundler may have inlined it.
 */
const chartFiles = () =>
	builtFilesOf(/node_modules\/(chart\.js|@kurkle\/color)\/|src\/lib\/components\/results\/radar\.ts$/);

/** Built files that hold pdfkit or the report document (loaded only when the user asks for the PDF). */
const pdfFiles = () => builtFilesOf(/node_modules\/pdfkit\/|src\/lib\/report\/pdf-(browser|document|layout)\.ts$/);

/** Files a dynamic import of a result page's island script brings in (the chunk and its static imports). */
function dynamicClosure(srcSuffix: string): string[] {
	const manifest = readManifest(ISLANDS_MANIFEST);
	const start = Object.keys(manifest).find((k) => k.endsWith(srcSuffix));
	if (!start) return [];
	const seen = new Set<string>();
	const visit = (key: string) => {
		if (seen.has(key)) return;
		seen.add(key);
		for (const i of manifest[key]?.imports ?? []) visit(i);
	};
	visit(start);
	return [...seen].map((k) => join(CLIENT_DIR, manifest[k]!.file));
}

/** One page's first load. */
export interface FirstLoad {
	page: string;
	files: string[];
	kb: number;
	chart: boolean;
	pdf: boolean;
}

/** The figures `npm run bench:bundle` prints. */
export interface BundleFigures {
	rows: FirstLoad[];
	/** KB gzip of /results once the radar chart (chart.js) has loaded. */
	resultsAfterChartsKb: number;
	assessKb: number;
	assessBudgetKb: number;
	chartFound: boolean;
}

/** Whether a build to measure exists. */
export function hasBuild(): boolean {
	return existsSync('build/index.js') && existsSync(MANIFEST) && existsSync(ISLANDS_MANIFEST);
}

/** Measures the first-load JavaScript of /, /assess and a results page on the built app (throws without a build). */
export async function benchBundle(): Promise<BundleFigures> {
	if (!hasBuild()) throw new Error('No build found: run `npm run build` first.');
	const charts = chartFiles();
	const pdf = pdfFiles();
	const everything = Object.fromEntries(CURRENT_BANK.questions.map((q) => [q.id, q.options.at(-1)!.id]));
	const pages = [
		{ name: '/', path: '/' },
		{ name: '/assess', path: '/assess' },
		{ name: '/results', path: `/results/${encodeAnswerCode(CURRENT_BANK, everything)}` }
	];
	const server = await startServer();
	const rows: FirstLoad[] = [];
	try {
		for (const p of pages) {
			const res = await fetch(server.url + p.path);
			if (!res.ok) throw new Error(`${p.path} answered ${res.status}`);
			const files = firstLoadScripts(await res.text(), res.headers.get('link') ?? '').map((u) => builtFile(u, p.path));
			for (const f of files) if (!existsSync(f)) throw new Error(`${p.path} loads ${f}, which is not in the build`);
			rows.push({
				page: p.name,
				files,
				kb: gzipKB(files),
				chart: files.some((f) => charts.has(f)),
				pdf: files.some((f) => pdf.has(f))
			});
		}
	} finally {
		await server.stop();
	}

	const radar = dynamicClosure('src/lib/components/results/radar.ts');
	const results = rows.find((r) => r.page === '/results')!;
	return {
		rows,
		resultsAfterChartsKb: gzipKB([...new Set([...results.files, ...radar])]),
		assessKb: rows.find((r) => r.page === '/assess')!.kb,
		assessBudgetKb: ASSESS_BUDGET_KB,
		chartFound: charts.size > 0
	};
}

/** Prints the bundle figures in full. */
export function printBundle(figures: BundleFigures): void {
	const { rows, assessKb } = figures;
	const assess = rows.find((r) => r.page === '/assess')!;
	console.log('First-load JavaScript (gzip -9), measured on the built app');
	console.table(
		rows.map((r) => ({
			page: r.page,
			scripts: r.files.length,
			'KB gzip': Number(r.kb.toFixed(2)),
			'chart.js in first load': r.chart ? 'yes' : 'no',
			'pdfkit in first load': r.pdf ? 'yes' : 'no'
		}))
	);
	for (const r of rows) console.log(`${r.page} loads: ${r.files.map((f) => f.split('/').pop()).join(' ')}`);
	console.log(
		`/results after the radar chart loads (chart.js on demand): ${figures.resultsAfterChartsKb.toFixed(1)} KB gzip`
	);
	console.log(
		`/assess budget: ${assessKb.toFixed(1)} KB of ${ASSESS_BUDGET_KB} KB — ${assessKb <= ASSESS_BUDGET_KB ? 'within budget' : 'OVER BUDGET'}`
	);
	console.log(`chart.js in /assess first load: ${assess.chart ? 'YES (should not be)' : 'no'}`);
	if (!figures.chartFound) console.log('warning: no chart.js chunk found in the manifest');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	if (!hasBuild()) {
		console.error('No build found: run `npm run build` first.');
		process.exit(1);
	}
	printBundle(await benchBundle());
}
