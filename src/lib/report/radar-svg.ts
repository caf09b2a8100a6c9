/**
 * The five dimension scores as a vector radar chart: a self-contained SVG string with no DOM and no fonts of its
 * own, so the same drawing goes into the PDF (pdfmake `svg` node) in Node and in the browser.
 */
import type { AnyResult } from '$scoring/model';
import type { QuestionBank } from '$scoring/schema';
import { points } from '$scoring/present/format';

/** One spoke of the radar: its label lines and its 0–100 value (null = not answered, drawn at the centre). */
export interface RadarAxis {
	label: string;
	value: number | null;
	/** Printed instead of a value that is null ("not answered" unless given). */
	missing?: string;
}

export interface RadarOptions {
	/** Font family the text asks for; pdfmake maps it to a font registered with the document. */
	fontFamily?: string;
	/** Accessible title of the drawing. */
	title?: string;
	/** Comparison profiles drawn as dashed outlines under the values (e.g. a group's modelled typical profile). */
	overlays?: readonly { label: string; values: readonly (number | null)[] }[];
}

/** Outline colours of the overlays, in order (the values are always the blue polygon). */
export const OVERLAY_COLOURS = ['#b45309', '#6b7280'] as const;

/** The drawing's coordinate system (also its intrinsic size in pt). */
export const RADAR_VIEWBOX = { width: 560, height: 380 } as const;

const CENTRE = { x: RADAR_VIEWBOX.width / 2, y: RADAR_VIEWBOX.height / 2 + 6 };
const RADIUS = 130;
const RINGS = [20, 40, 60, 80, 100];
const LABEL_GAP = 14;
const FONT_SIZE = 11;
const LINE_HEIGHT = 13;
/** Labels longer than this wrap onto a second line so they stay inside the view box. */
const WRAP_AT = 22;

/** Escapes text for use in SVG/XML character data and attribute values. */
export function escapeXml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Position of a value on spoke `i` of `n`; spoke 0 points straight up, the rest follow clockwise. */
function point(i: number, n: number, value: number): { x: number; y: number } {
	const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
	const r = (RADIUS * Math.min(100, Math.max(0, value))) / 100;
	return { x: CENTRE.x + r * Math.cos(angle), y: CENTRE.y + r * Math.sin(angle) };
}

const fmt = (n: number) => n.toFixed(1);

/** Splits a label at spaces into lines of at most {@link WRAP_AT} characters (a longer word stays whole). */
function wrap(label: string): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of label.split(/\s+/).filter(Boolean)) {
		if (line && line.length + 1 + word.length > WRAP_AT) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}

/**
 * Draws a radar chart: rings at 20/40/60/80/100, one spoke and label per axis, the values as a filled polygon
 * with a dot per value. All text is XML-escaped, so any label is drawn as the characters it contains.
 */
export function radarSvg(axes: readonly RadarAxis[], options: RadarOptions = {}): string {
	const n = axes.length;
	if (n < 3) throw new Error(`a radar chart needs at least 3 axes, got ${n}`);
	const font = escapeXml(options.fontFamily ?? 'Roboto');
	const ring = (v: number) =>
		axes
			.map((_, i) => point(i, n, v))
			.map((p) => `${fmt(p.x)},${fmt(p.y)}`)
			.join(' ');
	const values = axes.map((a, i) => point(i, n, a.value ?? 0));

	const parts: string[] = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${RADAR_VIEWBOX.width}" height="${RADAR_VIEWBOX.height}" viewBox="0 0 ${RADAR_VIEWBOX.width} ${RADAR_VIEWBOX.height}">`
	];
	if (options.title) parts.push(`<title>${escapeXml(options.title)}</title>`);
	for (const v of RINGS)
		parts.push(`<polygon class="ring" points="${ring(v)}" fill="none" stroke="#c8ccd2" stroke-width="0.75"/>`);
	axes.forEach((_, i) => {
		const end = point(i, n, 100);
		parts.push(
			`<line class="axis" x1="${fmt(CENTRE.x)}" y1="${fmt(CENTRE.y)}" x2="${fmt(end.x)}" y2="${fmt(end.y)}" stroke="#c8ccd2" stroke-width="0.75"/>`
		);
	});
	for (const v of [50, 100]) {
		const p = point(0, n, v);
		parts.push(
			`<text x="${fmt(p.x + 3)}" y="${fmt(p.y + 10)}" font-family="${font}" font-size="8" fill="#6b7280">${v}</text>`
		);
	}
	(options.overlays ?? []).forEach((overlay, k) => {
		const pts = axes.map((_, i) => point(i, n, overlay.values[i] ?? 0));
		parts.push(
			`<polygon class="overlay" points="${pts.map((p) => `${fmt(p.x)},${fmt(p.y)}`).join(' ')}" fill="none" stroke="${OVERLAY_COLOURS[k % OVERLAY_COLOURS.length]}" stroke-width="1.5" stroke-dasharray="5 3"/>`
		);
	});
	parts.push(
		`<polygon class="values" points="${values.map((p) => `${fmt(p.x)},${fmt(p.y)}`).join(' ')}" fill="#2563eb" fill-opacity="0.25" stroke="#1d4ed8" stroke-width="1.5"/>`
	);
	for (const p of values)
		parts.push(`<circle class="value" cx="${fmt(p.x)}" cy="${fmt(p.y)}" r="2.5" fill="#1d4ed8"/>`);

	axes.forEach((axis, i) => {
		const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
		const cos = Math.cos(angle);
		const sin = Math.sin(angle);
		const x = CENTRE.x + (RADIUS + LABEL_GAP) * cos;
		const y = CENTRE.y + (RADIUS + LABEL_GAP) * sin;
		const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
		const lines = [...wrap(axis.label), axis.value === null ? (axis.missing ?? 'not answered') : points(axis.value)];
		// Labels above the centre grow upwards, those below grow downwards, so none overlaps the chart.
		const firstBaseline = sin < -0.2 ? y - (lines.length - 1) * LINE_HEIGHT : sin > 0.2 ? y + FONT_SIZE : y + 4;
		lines.forEach((line, j) => {
			const last = j === lines.length - 1;
			parts.push(
				`<text class="label" x="${fmt(x)}" y="${fmt(firstBaseline + j * LINE_HEIGHT)}" text-anchor="${anchor}" font-family="${font}" font-size="${FONT_SIZE}"${last ? ' font-weight="bold"' : ''} fill="#111827">${escapeXml(line)}</text>`
			);
		});
	});
	parts.push('</svg>');
	return parts.join('');
}

/**
 * The radar axes of a result: one per bank dimension, in the bank's order, labelled with the dimension's label
 * (marked "lower is better" for a higher-is-worse dimension) and valued with the score as reported.
 */
export function resultRadarAxes(bank: QuestionBank, result: AnyResult): RadarAxis[] {
	return bank.dimensions.map((d) => ({
		label: d.orientation === 'higher-is-worse' ? `${d.label} (lower is better)` : d.label,
		value: result.dimensions.find((r) => r.dimension === d.id)?.score ?? null
	}));
}
