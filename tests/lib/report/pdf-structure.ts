/**
 * Reads a PDF's logical structure the way assistive technology gets it, with a third-party reader (pdf.js): the
 * structure tree of every page with the text each element holds, the text painted as artifacts, the bookmarks,
 * and the catalogue entries a reader uses (language, title display, the tagged flag). And `qpdf --check`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A structure element with the text of its content and of everything below it. */
export interface Element {
	role: string;
	alt?: string;
	/** Its own and its descendants' text, whitespace collapsed. */
	text: string;
	children: Element[];
	page: number;
}

export interface Outline {
	title: string;
	items: Outline[];
}

export interface PdfStructure {
	/** The structure tree's top elements, page by page (pdf.js gives each page's part of the tree). */
	roots: Element[][];
	/** Text painted as artifacts, per page. */
	artifacts: string[][];
	/** Text painted outside any marked content, per page (none in a fully tagged file). */
	unmarked: string[][];
	outline: Outline[];
	language: unknown;
	displayDocTitle: unknown;
	marked: unknown;
	title: unknown;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

interface RawNode {
	role?: string;
	alt?: string;
	type?: string;
	id?: string;
	children?: RawNode[];
}

export async function pdfStructure(bytes: Uint8Array): Promise<PdfStructure> {
	const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
	try {
		const roots: Element[][] = [];
		const artifacts: string[][] = [];
		const unmarked: string[][] = [];
		for (let n = 1; n <= doc.numPages; n++) {
			const page = await doc.getPage(n);
			const content = await page.getTextContent({ includeMarkedContent: true });
			// Text by marked-content id, artifacts, and text outside any marked content.
			const byId = new Map<string, string>();
			const stack: { id: string | null; tag: string }[] = [];
			const pageArtifacts: string[] = [];
			const pageUnmarked: string[] = [];
			for (const item of content.items) {
				if ('type' in item) {
					if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent')
						stack.push({ id: (item as { id?: string | null }).id ?? null, tag: (item as { tag?: string }).tag ?? '' });
					else if (item.type === 'endMarkedContent') stack.pop();
					continue;
				}
				if (!item.str.trim()) continue;
				const artifact = stack.some((m) => m.tag === 'Artifact');
				const id = [...stack].reverse().find((m) => m.id)?.id;
				if (artifact) pageArtifacts.push(item.str);
				else if (id) byId.set(id, `${byId.get(id) ?? ''} ${item.str}`);
				else pageUnmarked.push(item.str);
			}
			const tree = (await page.getStructTree()) as RawNode | null;
			const build = (node: RawNode): Element | null => {
				if (node.type === 'content') return null;
				const children = (node.children ?? []).map(build).filter((c): c is Element => c !== null);
				const own = (node.children ?? []).filter((c) => c.type === 'content' && c.id).map((c) => byId.get(c.id!) ?? '');
				const parts: string[] = [];
				// Keep the reading order: content and child elements as they come.
				let k = 0;
				let o = 0;
				for (const c of node.children ?? []) {
					if (c.type === 'content') parts.push(own[o++] ?? '');
					else if (c.type !== 'object') parts.push(children[k++]?.text ?? '');
				}
				return { role: node.role ?? '', alt: node.alt, text: squash(parts.join(' ')), children, page: n };
			};
			roots.push((tree?.children ?? []).map(build).filter((c): c is Element => c !== null));
			artifacts.push(pageArtifacts);
			unmarked.push(pageUnmarked);
		}
		const toOutline = (items: { title: string; items: unknown[] }[] | null): Outline[] =>
			(items ?? []).map((i) => ({
				title: i.title,
				items: toOutline(i.items as { title: string; items: unknown[] }[])
			}));
		const { info } = await doc.getMetadata();
		const meta = info as Record<string, unknown>;
		return {
			roots,
			artifacts,
			unmarked,
			outline: toOutline(await doc.getOutline()),
			language: meta.Language,
			displayDocTitle: ((await doc.getViewerPreferences()) as Record<string, unknown> | null)?.DisplayDocTitle,
			marked: ((await doc.getMarkInfo()) as Record<string, unknown> | null)?.Marked,
			title: meta.Title
		};
	} finally {
		await doc.destroy();
	}
}

/** Every element with `role`, in document order, over all pages. */
export function elements(structure: PdfStructure, role: string): Element[] {
	const out: Element[] = [];
	const visit = (e: Element) => {
		if (e.role === role) out.push(e);
		e.children.forEach(visit);
	};
	structure.roots.flat().forEach(visit);
	return out;
}

/** `qpdf --check` on the file: its exit status and output (qpdf exits 0 when it finds no error, 3 on warnings). */
export function qpdfCheck(bytes: Uint8Array): { status: number | null; output: string } {
	const dir = mkdtempSync(join(tmpdir(), 'qpdf-'));
	try {
		const file = join(dir, 'report.pdf');
		writeFileSync(file, bytes);
		const run = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
		if (run.error)
			throw new Error(`qpdf could not be run (${run.error.message}): install Debian's qpdf (npm test installs it)`);
		return { status: run.status, output: `${run.stdout}${run.stderr}` };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
