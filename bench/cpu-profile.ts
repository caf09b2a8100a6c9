/**
 * Reads a V8 CPU profile (`node --cpu-prof`) of the built server and says where its time went within a window:
 * self time per function, with the source module it was bundled from (the build marks each module's start with a
 * `// <path>` comment line; its source maps only point at SvelteKit's intermediate output), grouped by area — SvelteKit and the adapter, zod, scoring, the database, our own server code, logging and metrics, Node's
 * runtime. Used by `bench:workshop` for the submit endpoint's profile.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
	children?: number[];
}

interface CpuProfile {
	nodes: ProfileNode[];
	startTime: number;
	samples: number[];
	timeDeltas: number[];
}

/** Where CPU time can go; the first seven are code that calls into Node and V8, the rest is Node, V8 and idle. */
export const AREAS = [
	'SvelteKit + adapter-node',
	'zod (validation)',
	'scoring (bank check)',
	'database (PGlite / postgres, drizzle)',
	'our server code (src/)',
	'logging + metrics (pino, prom-client)',
	'other packages',
	'Node runtime (http, streams, crypto)',
	'V8 native / builtins',
	'garbage collection',
	'idle'
] as const;
export type Area = (typeof AREAS)[number];
const CALLER_AREAS = new Set<Area>(AREAS.slice(0, 7));

/** The comment line with which the build starts each bundled module: `// src/lib/server/live.ts`. */
const MODULE_MARK = /^\/\/ ((?:node_modules|src|scoring|\.svelte-kit)\/\S+\.(?:[cm]?[jt]s|svelte|json))$/;

/** The area of a source path (a node_modules path or a path inside the repository). */
function areaOfSource(path: string): Area {
	if (
		/node_modules\/(@sveltejs|svelte|devalue|cookie|set-cookie-parser|polka|sirv|mrmime|@polka|totalist)\//.test(path)
	)
		return 'SvelteKit + adapter-node';
	if (/node_modules\/zod\//.test(path)) return 'zod (validation)';
	if (/node_modules\/(@electric-sql|drizzle-orm|postgres|tinytar)\//.test(path))
		return 'database (PGlite / postgres, drizzle)';
	if (
		/node_modules\/(pino|pino-std-serializers|sonic-boom|thread-stream|prom-client|tdigest|bintrees|@opentelemetry)/.test(
			path
		)
	)
		return 'logging + metrics (pino, prom-client)';
	if (/(^|\/)scoring\//.test(path)) return 'scoring (bank check)';
	if (/(^|\/)src\//.test(path)) return 'our server code (src/)';
	if (/node_modules\//.test(path)) return 'other packages';
	// What is left in the build is SvelteKit's generated glue (.svelte-kit/, the adapter's files).
	return 'SvelteKit + adapter-node';
}

export interface FunctionTime {
	name: string;
	/** The source module (for bundled code) or file, and the line in the file that ran. */
	where: string;
	area: Area;
	selfMs: number;
}

export interface ProfileSummary {
	/** ms of samples inside the window, idle included. */
	windowMs: number;
	/** Self time per area (ms). */
	self: Map<Area, number>;
	/** The same with Node's and V8's own time charged to the nearest calling area (ms). */
	charged: Map<Area, number>;
	functions: FunctionTime[];
}

/**
 * Summarises the profile at `file` between `fromUs` and `toUs` (microseconds on the monotonic clock that both
 * `process.hrtime` and V8's profiler use, so a bench can mark the window from another process).
 */
export function summariseProfile(file: string, fromUs: number, toUs: number): ProfileSummary {
	const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
	const modules = new Map<string, { line: number; path: string }[]>();
	/** The module a line of bundled file `url` came from: the nearest `// <path>` line above it. */
	const moduleAt = (url: string, line: number) => {
		let marks = modules.get(url);
		if (!marks) {
			marks = [];
			const lines = readFileSync(fileURLToPath(url), 'utf8').split('\n');
			for (let i = 0; i < lines.length; i++) {
				const path = MODULE_MARK.exec(lines[i]!)?.[1];
				if (path) marks.push({ line: i, path });
			}
			modules.set(url, marks);
		}
		return marks.findLast((m) => m.line <= line)?.path;
	};

	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

	const described = new Map<number, { area: Area; name: string; where: string }>();
	const describe = (id: number) => {
		let d = described.get(id);
		if (d) return d;
		const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
		const name = functionName || '(anonymous)';
		let area: Area;
		let where = url;
		if (functionName === '(idle)') area = 'idle';
		else if (functionName === '(garbage collector)') area = 'garbage collection';
		else if (url === '') area = 'V8 native / builtins';
		else if (url.startsWith('node:')) area = 'Node runtime (http, streams, crypto)';
		else if (url.startsWith('wasm://')) area = 'database (PGlite / postgres, drizzle)';
		else if (url.includes('/node_modules/')) {
			// A package loaded from node_modules (not bundled): its name says the area.
			area = areaOfSource(url);
			where = `${url.slice(url.lastIndexOf('/node_modules/') + 14)}:${lineNumber + 1}`;
		} else {
			// The build: SvelteKit, its adapter, and our src/ and scoring/ bundled, each module marked.
			const file = url.slice(url.lastIndexOf('/') + 1).replace(/-[\w-]{8}\.js$/, '');
			const module = url.startsWith('file://') ? moduleAt(url, lineNumber) : undefined;
			area = module ? areaOfSource(module) : 'SvelteKit + adapter-node';
			where = `${module ? `${module.replace(/^node_modules\//, '')} in ` : ''}${file}:${lineNumber + 1}`;
		}
		d = { area, name, where };
		described.set(id, d);
		return d;
	};
	/** The area of the nearest frame, from `id` up, that belongs to code which calls into Node and V8. */
	const chargedArea = (id: number): Area => {
		for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
			const { area } = describe(at);
			if (CALLER_AREAS.has(area)) return area;
		}
		return describe(id).area;
	};

	const self = new Map<Area, number>();
	const charged = new Map<Area, number>();
	const functions = new Map<string, FunctionTime>();
	let windowMs = 0;
	let time = profile.startTime;
	for (let i = 0; i < profile.samples.length; i++) {
		time += profile.timeDeltas[i]!;
		// A sample stands for the time until the next one.
		const duration = (profile.timeDeltas[i + 1] ?? 0) / 1000;
		if (time < fromUs || time > toUs) continue;
		const id = profile.samples[i]!;
		const d = describe(id);
		windowMs += duration;
		self.set(d.area, (self.get(d.area) ?? 0) + duration);
		const owner = chargedArea(id);
		charged.set(owner, (charged.get(owner) ?? 0) + duration);
		if (d.area === 'idle') continue;
		const key = `${d.name} ${d.where}`;
		const f = functions.get(key) ?? { name: d.name, where: d.where, area: d.area, selfMs: 0 };
		f.selfMs += duration;
		functions.set(key, f);
	}
	return { windowMs, self, charged, functions: [...functions.values()].sort((a, b) => b.selfMs - a.selfMs) };
}

/** Prints the areas (self and charged, as shares of busy time) and the top `top` functions by self time. */
export function printProfile(summary: ProfileSummary, top = 15): void {
	const busy = summary.windowMs - (summary.self.get('idle') ?? 0);
	const share = (ms: number) => `${((ms / busy) * 100).toFixed(1)} %`;
	console.log(
		`\nBusy ${busy.toFixed(0)} ms of ${summary.windowMs.toFixed(0)} ms sampled (the rest idle). "Charged": Node's and V8's own time counted to the nearest calling area.\n`
	);
	console.log('| area | self ms | self share | charged share |');
	console.log('| --- | ---: | ---: | ---: |');
	for (const area of AREAS) {
		if (area === 'idle') continue;
		const ms = summary.self.get(area) ?? 0;
		console.log(`| ${area} | ${ms.toFixed(0)} | ${share(ms)} | ${share(summary.charged.get(area) ?? 0)} |`);
	}
	console.log('\n| area | its top functions by self time (ms) |');
	console.log('| --- | --- |');
	for (const area of AREAS.slice(0, 7)) {
		const top3 = summary.functions.filter((f) => f.area === area).slice(0, 3);
		if (top3.length)
			console.log(`| ${area} | ${top3.map((f) => `${f.name} (${f.where}) ${f.selfMs.toFixed(0)}`).join('; ')} |`);
	}
	console.log(`\n| top self time | where | area | ms | share |`);
	console.log('| --- | --- | --- | ---: | ---: |');
	for (const f of summary.functions.slice(0, top))
		console.log(`| ${f.name} | ${f.where} | ${f.area} | ${f.selfMs.toFixed(0)} | ${share(f.selfMs)} |`);
}
