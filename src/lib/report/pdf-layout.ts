/**
 * A small tagged-PDF layout engine on pdfkit, shared by both reports in Node and in the browser. A report is a
 * {@link ReportDocument}: plain data (headings, paragraphs of styled runs, lists, tables, figures, groups kept on
 * one page) that this module lays out on A4 pages and paints with pdfkit, writing the structure tree as it goes:
 * H1–H3 (each H2 and H3 also a bookmark), P, L/LI/Lbl/LBody, Table/THead/TBody/TR/TH/TD, Figure with its text
 * alternative, Link with its annotation. Running footers, repeated table headers, rules, bars and chart ticks are
 * artifacts. The catalogue says the language, that the title is displayed, and that the file is tagged.
 *
 * Why our own layout and not pdfkit's `text()` flow: a block must be measured before it is placed (a heading never
 * sits alone at the foot of a page, a plan step is never split), and a paragraph mixes fonts, colours and links
 * within a line; both need the lines known before anything is painted.
 */
import type { Drawing, Shape } from './drawing';

// ── The document ───────────────────────────────────────────────────────────────────────────────────────────────

/** A piece of text with its own style inside a paragraph or cell. */
export interface Run {
	text: string;
	bold?: boolean;
	colour?: string;
	size?: number;
	/** An absolute URL the text links to. */
	link?: string;
}
export type Inline = string | Run;

export interface TextStyle {
	size?: number;
	bold?: boolean;
	colour?: string;
	align?: 'left' | 'center' | 'right';
}

/** Space above and below a block, in pt (the space above is dropped at the top of a page). */
export interface Spacing {
	before?: number;
	after?: number;
}

export type TableCell = ({ runs: Inline[] } & TextStyle) | { bar: Bar };

/** A horizontal bar in a table cell: decoration beside the figure it draws (painted as an artifact). */
export interface Bar {
	/** 0–1 of `width`. */
	share: number;
	width: number;
	colour: string;
	/** A light outline of the full width. */
	frame?: boolean;
}

export type Block =
	| ({ kind: 'heading'; level: 1 | 2 | 3; text: string } & TextStyle & Spacing)
	| ({
			kind: 'text';
			runs: Inline[];
			/** Stays on the page of what follows (a label). */ keepWithNext?: boolean;
	  } & TextStyle &
			Spacing)
	| ({ kind: 'list'; ordered?: boolean; items: (Inline[] | Block[])[] } & TextStyle & Spacing)
	| ({
			kind: 'table';
			/** Column widths in pt; `'*'` columns share what is left. */
			widths: (number | '*')[];
			/** The header row (TH, scope Column); null for a table whose first column heads each row instead. */
			header: string[] | null;
			rows: TableCell[][];
			/** Light rules under the header and between rows. */
			rules?: boolean;
	  } & TextStyle &
			Spacing)
	| ({ kind: 'figure'; drawing: Drawing; alt: string; width: number } & Spacing)
	| ({ kind: 'group'; blocks: Block[]; keepTogether?: boolean; indent?: number } & Spacing)
	| { kind: 'pageBreak' };

export interface HeadingStyle {
	size: number;
	colour?: string;
	before: number;
	after: number;
}

export interface ReportDocument {
	info: { title: string; subject: string; creator: string; creationDate: Date };
	/** BCP 47, e.g. `en-GB`. */
	lang: string;
	/** Page margins in pt: left, top, right, bottom (A4). */
	margins: [number, number, number, number];
	/** Base text size and line height (a multiple of the font's own line height). */
	text: { size: number; colour: string; lineHeight: number };
	headings: Record<1 | 2 | 3, HeadingStyle>;
	/** Small print at the foot of every page but the cover: its text and the page label, both artifacts. */
	footer: { text: string; page: (page: number, count: number) => string; colour: string; size: number } | null;
	blocks: Block[];
}

/** The two font files a report embeds (TrueType or WOFF bytes). */
export interface ReportFonts {
	regular: Uint8Array;
	bold: Uint8Array;
}

// ── pdfkit, as this module uses it ─────────────────────────────────────────────────────────────────────────────

/** pdfkit's document class: `pdfkit` in Node, `pdfkit/js/pdfkit.standalone.js` in the browser. */
export type PdfKitConstructor = new (options: object) => PDFKit.PDFDocument;
type Pdf = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
/** Options pdfkit 0.19 accepts that its type definitions do not list yet. */
type StructOptions = PDFKit.Mixins.StructureElementOptions & {
	bbox?: [number, number, number, number];
	scope?: 'Row' | 'Column';
};

const A4 = { width: 595.28, height: 841.89 };
const FONT = { regular: 'report-regular', bold: 'report-bold' } as const;
const RULE = { header: '#6b7280', row: '#d1d5db' };
const CELL_PADDING = { x: 4, y: 2 };
const LIST_INDENT = 12;

/** Renders `report` to the bytes of a tagged PDF. */
export function renderReport(
	PDFDocument: PdfKitConstructor,
	fonts: ReportFonts,
	report: ReportDocument
): Promise<Uint8Array> {
	const [left, top, right, bottom] = report.margins;
	const doc = new PDFDocument({
		size: 'A4',
		margins: { left, top, right, bottom },
		autoFirstPage: false,
		bufferPages: true,
		pdfVersion: '1.7',
		tagged: true,
		lang: report.lang,
		displayTitle: true,
		// No default font: a standard font (Helvetica) would be loaded, and is never used; ours are registered below.
		font: '',
		info: {
			Title: report.info.title,
			Subject: report.info.subject,
			Creator: report.info.creator,
			CreationDate: report.info.creationDate
		}
	});
	doc.registerFont(FONT.regular, fonts.regular as unknown as string);
	doc.registerFont(FONT.bold, fonts.bold as unknown as string);
	const chunks: Uint8Array[] = [];
	const done = new Promise<Uint8Array>((resolve, reject) => {
		doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
		doc.on('end', () => resolve(concat(chunks)));
		doc.on('error', reject);
	});
	const layout = new Layout(doc, report);
	layout.run();
	doc.end();
	return done;
}

function concat(chunks: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return out;
}

// ── Text: runs to measured lines ───────────────────────────────────────────────────────────────────────────────

interface Style {
	size: number;
	bold: boolean;
	colour: string;
	link: string | undefined;
}

/** A word (with the spaces after it) that a line may break after. */
interface Piece {
	text: string;
	style: Style;
	width: number;
	/** The spaces after the word, and their width. */
	spaces: string;
	space: number;
	/** A line break follows (the text had one). */
	breakAfter: boolean;
}

interface Line {
	pieces: Piece[];
	width: number;
	height: number;
	ascent: number;
}

/** A unit of the flow: painted whole at (x, y) on one page. */
interface Unit {
	height: number;
	/** Space above, dropped at the top of a page. */
	before: number;
	/** Space below: kept from what follows, but may fall into the bottom margin. */
	after?: number;
	paint(y: number): void;
	/** Stays on the page of the unit after it (headings). */
	keepWithNext?: boolean;
	/** Starts a new page. */
	pageBreak?: boolean;
	/** Painted first when this unit opens a new page (a table's header, as an artifact); returns its height. */
	repeat?: (y: number) => number;
	repeatHeight?: number;
}

/** Where a block's structure goes: its parent element, created when first painted. */
type Parent = () => Struct;

class Layout {
	private readonly page = { top: 0, bottom: 0, left: 0, width: 0 };
	private y = 0;
	private pageCount = 0;
	private open: { target: Struct | 'artifact'; page: number } | null = null;
	private readonly root: Struct;
	private lastSection: PDFKit.PDFOutline | null = null;

	constructor(
		private readonly doc: Pdf,
		private readonly report: ReportDocument
	) {
		const [left, top, right, bottom] = report.margins;
		this.page = { top, bottom: A4.height - bottom, left, width: A4.width - left - right };
		this.root = doc.struct('Document');
	}

	run(): void {
		this.newPage();
		this.doc.addStructure(this.root);
		const units = this.report.blocks.flatMap((b) => this.units(b, this.page.left, this.page.width, () => this.root));
		this.flow(units);
		this.close();
		this.footers();
		this.root.end();
	}

	// ── Pages and marked content ──

	private newPage(): void {
		this.close();
		this.doc.addPage({ size: 'A4', margin: 0 });
		this.pageCount++;
		this.y = this.page.top;
	}

	/** Marks what is painted next as content of `target` (one marked-content sequence per element and page). */
	private content(target: Struct, tag: string): void {
		if (this.open?.target === target && this.open.page === this.pageCount) return;
		this.close();
		target.add(this.doc.markStructureContent(tag));
		this.open = { target, page: this.pageCount };
	}

	/** Marks what is painted next as an artifact: layout, not content. */
	private artifact(type: 'Layout' | 'Pagination' = 'Layout'): void {
		if (this.open?.target === 'artifact' && this.open.page === this.pageCount) return;
		this.close();
		this.doc.markContent('Artifact', { type });
		this.open = { target: 'artifact', page: this.pageCount };
	}

	private close(): void {
		if (this.open) this.doc.endMarkedContent();
		this.open = null;
	}

	private child(parent: Parent, type: string, options: StructOptions = {}): Struct {
		const element = this.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions);
		parent().add(element);
		return element;
	}

	/** A structure element created the first time it is asked for (so it is created on the page it starts on). */
	private lazy(parent: Parent, type: string, options: StructOptions = {}): Parent {
		let element: Struct | undefined;
		return () => (element ??= this.child(parent, type, options));
	}

	// ── The flow ──

	private flow(units: Unit[]): void {
		units.forEach((unit, i) => {
			if (unit.pageBreak) {
				this.newPage();
				return;
			}
			const atTop = this.y === this.page.top;
			let needed = (atTop ? 0 : unit.before) + unit.height;
			// A heading takes what follows it along: the chain of headings and the first unit after them.
			for (let j = i; units[j]?.keepWithNext && units[j + 1] && !units[j + 1]!.pageBreak; j++)
				needed += (units[j]!.after ?? 0) + units[j + 1]!.before + units[j + 1]!.height;
			if (!atTop && this.y + needed > this.page.bottom) {
				this.newPage();
				if (unit.repeat) this.y += unit.repeat(this.y);
			} else if (!atTop) this.y += unit.before;
			unit.paint(this.y);
			this.y += unit.height + (unit.after ?? 0);
		});
	}

	private footers(): void {
		const footer = this.report.footer;
		if (!footer) return;
		const { doc } = this;
		const range = doc.bufferedPageRange();
		for (let i = 1; i < range.count; i++) {
			doc.switchToPage(range.start + i);
			this.artifact('Pagination');
			const y = A4.height - this.report.margins[3] + 20;
			const label = footer.page(i + 1, range.count);
			doc.font(FONT.regular).fontSize(footer.size).fillColor(footer.colour);
			doc.text(footer.text, this.page.left, y, { lineBreak: false });
			doc.text(label, this.page.left + this.page.width - doc.widthOfString(label), y, { lineBreak: false });
			this.close();
		}
	}

	// ── Blocks to units ──

	private units(block: Block, x: number, width: number, parent: Parent): Unit[] {
		switch (block.kind) {
			case 'pageBreak':
				return [{ height: 0, before: 0, pageBreak: true, paint: () => {} }];
			case 'heading':
				return this.heading(block, x, width, parent);
			case 'text': {
				const element = this.lazy(parent, 'P');
				const units = this.paragraph(block.runs, block, x, width, () => [element(), 'P'], block);
				if (block.keepWithNext) units[units.length - 1] = { ...units.at(-1)!, keepWithNext: true };
				return units;
			}
			case 'list':
				return this.list(block, x, width, parent);
			case 'table':
				return this.table(block, x, width, parent);
			case 'figure':
				return this.figure(block, x, width, parent);
			case 'group': {
				const indent = block.indent ?? 0;
				const inner = block.blocks.flatMap((b) => this.units(b, x + indent, width - indent, parent));
				const spaced = withSpacing(inner, block);
				return block.keepTogether ? this.together(spaced) : spaced;
			}
		}
	}

	/** Units painted as one: never split across pages unless taller than a page. */
	private together(units: Unit[]): Unit[] {
		if (units.length < 2) return units;
		const offsets: number[] = [];
		let height = 0;
		units.forEach((u, i) => {
			if (i) height += u.before + (units[i - 1]!.after ?? 0);
			offsets.push(height);
			height += u.height;
		});
		if (height > this.page.bottom - this.page.top) return units;
		return [
			{
				height,
				before: units[0]!.before,
				after: units.at(-1)!.after,
				paint: (y) => units.forEach((u, i) => u.paint(y + offsets[i]!))
			}
		];
	}

	private heading(block: Extract<Block, { kind: 'heading' }>, x: number, width: number, parent: Parent): Unit[] {
		const style = this.report.headings[block.level];
		const element = this.lazy(parent, `H${block.level}`);
		const lines = this.lines([block.text], { size: style.size, bold: true, colour: style.colour }, width);
		const height = lines.reduce((h, l) => h + l.height, 0);
		return [
			{
				height,
				before: block.before ?? style.before,
				after: style.after,
				keepWithNext: true,
				paint: (y) => {
					this.bookmark(block.level, block.text);
					this.paintLines(lines, x, y, width, block.align ?? 'left', () => [element(), `H${block.level}`]);
				}
			}
		];
	}

	private bookmark(level: 1 | 2 | 3, title: string): void {
		const outline = this.doc.outline;
		if (level === 3 && this.lastSection) this.lastSection.addItem(title);
		else {
			const item = outline.addItem(title);
			if (level === 2) this.lastSection = item;
		}
	}

	/**
	 * A paragraph's lines as units. `target` gives the element and tag its text is marked with (a P, a cell, a
	 * list body); links become Link elements inside it.
	 */
	private paragraph(
		runs: Inline[],
		style: TextStyle,
		x: number,
		width: number,
		target: () => [Struct, string],
		spacing: Spacing = {}
	): Unit[] {
		const lines = this.lines(runs, style, width);
		const units = lines.map((line): Unit => ({
			height: line.height,
			before: 0,
			paint: (y) => this.paintLines([line], x, y, width, style.align ?? 'left', target)
		}));
		return withSpacing(units, spacing);
	}

	private list(block: Extract<Block, { kind: 'list' }>, x: number, width: number, parent: Parent): Unit[] {
		const list = this.lazy(parent, 'L');
		const units = block.items.flatMap((item, i) => {
			const li = this.lazy(list, 'LI');
			const label = this.lazy(li, 'Lbl');
			const body = this.lazy(li, 'LBody');
			const marker = block.ordered ? `${i + 1}.` : '•';
			const inner = isInlines(item)
				? this.paragraph(item, block, x + LIST_INDENT, width - LIST_INDENT, () => [body(), 'LBody'])
				: item.flatMap((b) => this.units(b, x + LIST_INDENT, width - LIST_INDENT, body));
			const first = inner[0];
			if (!first) return [];
			const size = block.size ?? this.report.text.size;
			inner[0] = {
				...first,
				before: first.before,
				paint: (y) => {
					this.content(label(), 'Lbl');
					this.font(false, size, block.colour ?? this.report.text.colour);
					this.doc.text(marker, x + (block.ordered ? 0 : 2), y, { lineBreak: false });
					first.paint(y);
				}
			};
			return inner;
		});
		return withSpacing(units, { before: block.before ?? 2, after: block.after ?? 4 });
	}

	private table(block: Extract<Block, { kind: 'table' }>, x: number, width: number, parent: Parent): Unit[] {
		const fixed = block.widths.reduce<number>((n, w) => n + (w === '*' ? 0 : w), 0);
		const stars = block.widths.filter((w) => w === '*').length;
		const widths = block.widths.map((w) => (w === '*' ? Math.max(20, (width - fixed) / Math.max(1, stars)) : w));
		const lefts = widths.map((_, i) => x + widths.slice(0, i).reduce((a, b) => a + b, 0));
		const tableWidth = widths.reduce((a, b) => a + b, 0);
		const table = this.lazy(parent, 'Table');
		const base: TextStyle = { size: block.size, colour: block.colour };

		type Row = { height: number; paint: (y: number, as: 'content' | 'artifact') => void };
		const row = (cells: TableCell[], header: boolean, section: Parent): Row => {
			const tr = this.lazy(section, 'TR');
			const laid = cells.map((cell, c) => {
				const inner = widths[c]! - 2 * CELL_PADDING.x;
				const headsRow = !header && block.header === null && c === 0;
				const type = header || headsRow ? 'TH' : 'TD';
				const element = this.lazy(tr, type, type === 'TH' ? { scope: header ? 'Column' : 'Row' } : {});
				if ('bar' in cell) return { height: 13, type, element, lines: null, bar: cell.bar, style: {} as TextStyle };
				const style: TextStyle = header
					? { ...base, bold: true, colour: RULE.header, align: cell.align }
					: { ...base, ...pick(cell) };
				const lines = this.lines(cell.runs, style, inner);
				return { height: lines.reduce((h, l) => h + l.height, 0), type, element, lines, bar: null, style };
			});
			const height = Math.max(...laid.map((c) => c.height)) + 2 * CELL_PADDING.y;
			return {
				height,
				paint: (y, as) => {
					laid.forEach((cell, c) => {
						const cx = lefts[c]! + CELL_PADDING.x;
						const cy = y + CELL_PADDING.y;
						// Every cell gets its element (an empty one too), so rows and columns line up for a reader.
						const element = as === 'content' ? cell.element() : null;
						if (cell.bar) {
							this.artifact();
							this.bar(cell.bar, cx, cy);
						} else if (cell.lines) {
							const inner = widths[c]! - 2 * CELL_PADDING.x;
							this.paintLines(cell.lines, cx, cy, inner, cell.style.align ?? 'left', () =>
								element ? [element, cell.type] : null
							);
						}
					});
				}
			};
		};

		const rule = (y: number, colour: string, lineWidth: number) => {
			this.artifact();
			this.doc
				.moveTo(x, y)
				.lineTo(x + tableWidth, y)
				.lineWidth(lineWidth)
				.strokeColor(colour)
				.stroke();
		};
		const units: Unit[] = [];
		const head = block.header
			? row(
					block.header.map((h) => ({ runs: [h] })),
					true,
					this.lazy(table, 'THead')
				)
			: null;
		const repeat = head
			? (y: number) => {
					head.paint(y, 'artifact');
					if (block.rules) rule(y + head.height, RULE.header, 1);
					return head.height;
				}
			: undefined;
		if (head)
			units.push({
				height: head.height,
				before: 0,
				keepWithNext: true,
				paint: (y) => {
					head.paint(y, 'content');
					if (block.rules) rule(y + head.height, RULE.header, 1);
				}
			});
		const body = this.lazy(table, 'TBody');
		block.rows.forEach((cells, r) => {
			const laid = row(cells, false, body);
			units.push({
				height: laid.height,
				before: 0,
				repeat,
				repeatHeight: head?.height,
				paint: (y) => {
					if (block.rules && r > 0) rule(y, RULE.row, 0.5);
					laid.paint(y, 'content');
				}
			});
		});
		return withSpacing(units, { before: block.before ?? 4, after: block.after ?? 8 });
	}

	private bar(bar: Bar, x: number, y: number): void {
		const { doc } = this;
		if (bar.frame)
			doc
				.rect(x, y + 2, bar.width, 9)
				.lineWidth(0.5)
				.strokeColor(RULE.row)
				.stroke();
		if (bar.share > 0)
			doc
				.rect(x, y + 2, Math.max(1, bar.share * bar.width), bar.frame ? 9 : 10)
				.fillColor(bar.colour)
				.fill();
	}

	private figure(block: Extract<Block, { kind: 'figure' }>, x: number, width: number, parent: Parent): Unit[] {
		const scale = block.width / block.drawing.width;
		const height = block.drawing.height * scale;
		const left = x + (width - block.width) / 2;
		return withSpacing(
			[
				{
					height,
					before: 0,
					paint: (y) => {
						const figure = this.child(parent, 'Figure', {
							alt: block.alt,
							bbox: [left, y, left + block.width, y + height]
						});
						for (const shape of block.drawing.shapes) {
							if (shape.kind === 'text' && shape.tick) this.artifact();
							else this.content(figure, 'Figure');
							this.shape(shape, left, y, scale);
						}
					}
				}
			],
			block
		);
	}

	// ── Painting ──

	private font(bold: boolean, size: number, colour: string): void {
		this.doc
			.font(bold ? FONT.bold : FONT.regular)
			.fontSize(size)
			.fillColor(colour);
	}

	/**
	 * Paints measured lines from (x, y); each piece is marked as content of `target()` (or of a Link inside it).
	 * A null target paints an artifact (a repeated table header).
	 */
	private paintLines(
		lines: Line[],
		x: number,
		y: number,
		width: number,
		align: 'left' | 'center' | 'right',
		target: () => [Struct, string] | null
	): void {
		const links = new Map<string, Struct>();
		for (const line of lines) {
			let at = x + (align === 'center' ? (width - line.width) / 2 : align === 'right' ? width - line.width : 0);
			const segments = segmentsOf(line);
			for (const segment of segments) {
				const into = target();
				if (!into) this.artifact('Pagination');
				else if (segment.style.link) {
					let link = links.get(segment.style.link);
					if (!link) {
						link = this.doc.struct('Link');
						into[0].add(link);
						links.set(segment.style.link, link);
					}
					this.content(link, 'Link');
				} else this.content(into[0], into[1]);
				const { size, bold, colour } = segment.style;
				this.font(bold, size, colour);
				const top = y + line.ascent - this.ascent(bold, size);
				this.doc.text(segment.text, at, top, { lineBreak: false });
				if (segment.style.link && into) {
					const link = links.get(segment.style.link)!;
					this.doc.link(at, top, segment.width, size * 1.2, segment.style.link, {
						structParent: link
					} as object);
				}
				at += segment.width;
			}
			y += line.height;
		}
		// A Link element is complete once its text is painted; ending it here writes its annotation's page.
		for (const link of links.values()) link.end();
	}

	private shape(shape: Shape, left: number, top: number, scale: number): void {
		const { doc } = this;
		const px = (x: number) => left + x * scale;
		const py = (y: number) => top + y * scale;
		doc.save();
		const stroke = (s: { stroke?: string; strokeWidth?: number; dash?: readonly [number, number] }) => {
			doc.lineWidth((s.strokeWidth ?? 1) * scale).strokeColor(s.stroke ?? '#000000');
			if (s.dash) doc.dash(s.dash[0] * scale, { space: s.dash[1] * scale });
		};
		const paint = (s: { stroke?: string; fill?: string; fillOpacity?: number }) => {
			if (s.fill) doc.fillColor(s.fill, s.fillOpacity ?? 1);
			if (s.fill && s.stroke) doc.fillAndStroke();
			else if (s.fill) doc.fill();
			else if (s.stroke) doc.stroke();
		};
		switch (shape.kind) {
			case 'polygon':
				doc.polygon(...shape.points.map(([x, y]) => [px(x), py(y)] as [number, number]));
				stroke(shape);
				paint(shape);
				break;
			case 'line':
				doc.moveTo(px(shape.from[0]), py(shape.from[1])).lineTo(px(shape.to[0]), py(shape.to[1]));
				stroke(shape);
				doc.stroke();
				break;
			case 'circle':
				doc.circle(px(shape.centre[0]), py(shape.centre[1]), shape.r * scale);
				stroke(shape);
				paint(shape);
				break;
			case 'rect':
				doc.rect(px(shape.x), py(shape.y), shape.width * scale, shape.height * scale);
				stroke(shape);
				paint(shape);
				break;
			case 'text': {
				const size = shape.size * scale;
				this.font(shape.bold ?? false, size, shape.fill);
				const textWidth = doc.widthOfString(shape.text);
				const shift = shape.anchor === 'middle' ? textWidth / 2 : shape.anchor === 'end' ? textWidth : 0;
				doc.text(shape.text, px(shape.at[0]) - shift, py(shape.at[1]) - this.ascent(shape.bold ?? false, size), {
					lineBreak: false
				});
				break;
			}
		}
		doc.restore();
	}

	// ── Measuring ──

	private ascent(bold: boolean, size: number): number {
		this.doc.font(bold ? FONT.bold : FONT.regular);
		return ((this.doc as unknown as { _font: { ascender: number } })._font.ascender / 1000) * size;
	}

	private measure(text: string, style: Style): number {
		return this.doc
			.font(style.bold ? FONT.bold : FONT.regular)
			.fontSize(style.size)
			.widthOfString(text);
	}

	/** Breaks runs into lines of at most `width` pt: at spaces, and after a hyphen or slash inside a word. */
	private lines(runs: Inline[], style: TextStyle, width: number): Line[] {
		const base: Style = {
			size: style.size ?? this.report.text.size,
			bold: style.bold ?? false,
			colour: style.colour ?? this.report.text.colour,
			link: undefined
		};
		const pieces: Piece[] = [];
		for (const run of runs) {
			const r: Run = typeof run === 'string' ? { text: run } : run;
			const s: Style = {
				size: r.size ?? base.size,
				bold: r.bold ?? base.bold,
				colour: r.colour ?? base.colour,
				link: r.link
			};
			r.text.split('\n').forEach((chunk, n, all) => {
				// Lines break at spaces and tabs only: a no-break space (as in "56 %") holds its words together.
				for (const [, word = '', spaces = ''] of chunk.matchAll(/([^ \t]*)([ \t]*)/g)) {
					if (!word && !spaces) continue;
					const parts = word ? word.split(/(?<=[-/])(?=[^ \t])/) : [''];
					parts.forEach((part, k) => {
						const last = k === parts.length - 1;
						pieces.push({
							text: part,
							style: s,
							width: part ? this.measure(part, s) : 0,
							spaces: last ? spaces : '',
							space: last && spaces ? this.measure(spaces, s) : 0,
							breakAfter: false
						});
					});
				}
				if (n < all.length - 1 && pieces.length) pieces.at(-1)!.breakAfter = true;
			});
		}
		const lines: Line[] = [];
		let current: Piece[] = [];
		let used = 0;
		const finish = () => {
			const sizes = current.length ? current.map((p) => p.style) : [base];
			const tallest = sizes.reduce((a, b) => (b.size > a.size ? b : a));
			const trimmed = current.length ? used - current.at(-1)!.space : 0;
			lines.push({
				pieces: current,
				width: trimmed,
				height: this.lineHeight(tallest.size),
				ascent: Math.max(...sizes.map((st) => this.ascent(st.bold, st.size)))
			});
			current = [];
			used = 0;
		};
		for (const piece of pieces) {
			if (!piece.text && !current.length) continue; // no space at the start of a line
			if (current.length && used + piece.width > width) finish();
			if (!current.length && piece.width > width) {
				// A word longer than the line (a long URL): break it between characters.
				for (const part of splitToWidth(piece, width, (t) => this.measure(t, piece.style))) {
					current.push(part);
					used = part.width + part.space;
					finish();
				}
				continue;
			}
			current.push(piece);
			used += piece.width + piece.space;
			if (piece.breakAfter) finish();
		}
		if (current.length || !lines.length) finish();
		return lines;
	}

	private lineHeight(size: number): number {
		return this.doc.font(FONT.regular).fontSize(size).currentLineHeight(true) * this.report.text.lineHeight;
	}
}

function withSpacing(units: Unit[], spacing: Spacing): Unit[] {
	if (!units.length) return units;
	const out = [...units];
	out[0] = { ...out[0]!, before: out[0]!.before + (spacing.before ?? 0) };
	const last = out.at(-1)!;
	out[out.length - 1] = { ...last, after: (last.after ?? 0) + (spacing.after ?? 0) };
	return out;
}

function isInlines(item: Inline[] | Block[]): item is Inline[] {
	return item.every((i) => typeof i === 'string' || !('kind' in i));
}

function pick(cell: TextStyle): TextStyle {
	const { size, bold, colour, align } = cell;
	return Object.fromEntries(
		Object.entries({ size, bold, colour, align }).filter(([, v]) => v !== undefined)
	) as TextStyle;
}

/** Consecutive pieces of one style as one string to paint, with its width. */
function segmentsOf(line: Line): { text: string; style: Style; width: number }[] {
	const out: { text: string; style: Style; width: number }[] = [];
	line.pieces.forEach((p, i) => {
		const last = i === line.pieces.length - 1;
		const text = p.text + (last ? '' : p.spaces);
		const width = p.width + (last ? 0 : p.space);
		const prev = out.at(-1);
		if (prev && sameStyle(prev.style, p.style)) {
			prev.text += text;
			prev.width += width;
		} else out.push({ text, style: p.style, width });
	});
	return out;
}

const sameStyle = (a: Style, b: Style) =>
	a.size === b.size && a.bold === b.bold && a.colour === b.colour && a.link === b.link;

function splitToWidth(piece: Piece, width: number, measure: (text: string) => number): Piece[] {
	const parts: Piece[] = [];
	let text = '';
	for (const char of piece.text) {
		if (text && measure(text + char) > width) {
			parts.push({ ...piece, text, width: measure(text), spaces: '', space: 0, breakAfter: false });
			text = '';
		}
		text += char;
	}
	parts.push({ ...piece, text, width: measure(text) });
	return parts;
}
