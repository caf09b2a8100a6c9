/**
 * First-load JavaScript of the questionnaire and a results page, in KB gzip, measured on the built app:
 * starts `build/index.js`, fetches each page's server-rendered HTML, and sums every script it loads before any
 * interaction (its modulepreloads and the `import()`s of its inline start-up script). chart.js is
 * found through the Vite manifest, so the report says whether it is part of a first load.
 *
 * Run after `npm run build`: `npm run bench:bundle`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BANK_V1 } from '../scoring/bank';
import { encodeAnswerCode } from '../scoring/answer-code';
import { startServer } from '../tests/e2e/server';

/** The first-load budget of /assess, from the design (KB gzip). */
const ASSESS_BUDGET_KB = 60;
const CLIENT_DIR = 'build/client';
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

function gzipKB(files: string[]): number {
	return files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0) / 1024;
}

/**
 * Built files that hold chart.js: chunks of node_modules/chart.js (and its colour library) and the radar module
 * that imports it, into which the bundler may have inlined it.
 */
function chartFiles(): Set<string> {
	const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, ManifestChunk>;
	const files = new Set<string>();
	for (const [key, chunk] of Object.entries(manifest))
		if (/node_modules\/(chart\.js|@kurkle\/color)\/|src\/lib\/components\/results\/radar\.ts$/.test(key))
			files.add(join(CLIENT_DIR, chunk.file));
	return files;
}

/** Files a dynamic import brings in (the chunk and its static imports), from the manifest. */
function dynamicClosure(srcSuffix: string): string[] {
	const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, ManifestChunk>;
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

async function main() {
	if (!existsSync('build/index.js') || !existsSync(MANIFEST)) {
		console.error('No build found: run `npm run build` first.');
		process.exit(1);
	}
	const charts = chartFiles();
	const everything = Object.fromEntries(BANK_V1.questions.map((q) => [q.id, q.options.at(-1)!.id]));
	const pages = [
		{ name: '/assess', path: '/assess' },
		{ name: '/results', path: `/results/${encodeAnswerCode(BANK_V1, everything)}` }
	];
	const server = await startServer();
	const rows: { page: string; files: number; kb: number; chart: boolean; files_: string[] }[] = [];
	try {
		for (const p of pages) {
			const res = await fetch(server.url + p.path);
			if (!res.ok) throw new Error(`${p.path} answered ${res.status}`);
			const files = firstLoadScripts(await res.text(), res.headers.get('link') ?? '').map((u) => builtFile(u, p.path));
			for (const f of files) if (!existsSync(f)) throw new Error(`${p.path} loads ${f}, which is not in the build`);
			rows.push({
				page: p.name,
				files: files.length,
				kb: gzipKB(files),
				chart: files.some((f) => charts.has(f)),
				files_: files
			});
		}
	} finally {
		await server.stop();
	}

	const radar = dynamicClosure('src/lib/components/results/radar.ts');
	const results = rows.find((r) => r.page === '/results')!;
	const afterCharts = gzipKB([...new Set([...results.files_, ...radar])]);
	const assess = rows.find((r) => r.page === '/assess')!;

	console.log('First-load JavaScript (gzip -9), measured on the built app');
	console.table(
		rows.map((r) => ({
			page: r.page,
			scripts: r.files,
			'KB gzip': Number(r.kb.toFixed(2)),
			'chart.js in first load': r.chart ? 'yes' : 'no'
		}))
	);
	for (const r of rows) console.log(`${r.page} loads: ${r.files_.map((f) => f.split('/').pop()).join(' ')}`);
	console.log(`/results after the radar chart loads (chart.js on demand): ${afterCharts.toFixed(1)} KB gzip`);
	console.log(
		`/assess budget: ${assess.kb.toFixed(1)} KB of ${ASSESS_BUDGET_KB} KB — ${assess.kb <= ASSESS_BUDGET_KB ? 'within budget' : 'OVER BUDGET'}`
	);
	console.log(`chart.js in /assess first load: ${assess.chart ? 'YES (should not be)' : 'no'}`);
	if (charts.size === 0) console.log('warning: no chart.js chunk found in the manifest');
}

await main();
