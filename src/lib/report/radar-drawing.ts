/**
 * The five dimension scores as a vector radar chart (a {@link Drawing}), painted into both PDFs in Node and in the
 * browser. No markup: every label is a text shape holding the characters it shows.
 */
import { points } from '$scoring/present/format';
import type { Drawing, Point, Shape } from './drawing';

/** One spoke of the radar: its label lines and its 0–100 value (null = not answered: no point, only the words). */
export interface RadarAxis {
	label: string;
	value: number | null;
	/** Printed instead of a value that is null ("not answered" unless given, e.g. "not covered" on the team's radar). */
	missing?: string;
}

export interface RadarOptions {
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
const GRID = '#c8ccd2';

/** Position of a value on spoke `i` of `n`; spoke 0 points straight up, the rest follow clockwise. */
function point(i: number, n: number, value: number): Point {
	const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
	const r = (RADIUS * Math.min(100, Math.max(0, value))) / 100;
	return [CENTRE.x + r * Math.cos(angle), CENTRE.y + r * Math.sin(angle)];
}

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
 * Draws a radar chart: rings at 20/40/60/80/100 (the 50 and 100 marks as ticks), one spoke and label per axis, the
 * overlays as dashed outlines, the values as a filled polygon with a dot per value. Where an axis has no value (not
 * answered, not covered) there is no polygon — drawn to the centre it would read as a score of 0 — only a dot per
 * value given, and the axis's label says why it has none.
 */
export function radarDrawing(axes: readonly RadarAxis[], options: RadarOptions = {}): Drawing {
	const n = axes.length;
	if (n < 3) throw new Error(`a radar chart needs at least 3 axes, got ${n}`);
	const shapes: Shape[] = [];
	for (const v of RINGS)
		shapes.push({
			kind: 'polygon',
			role: 'ring',
			points: axes.map((_, i) => point(i, n, v)),
			stroke: GRID,
			strokeWidth: 0.75
		});
	axes.forEach((_, i) =>
		shapes.push({
			kind: 'line',
			role: 'axis',
			from: [CENTRE.x, CENTRE.y],
			to: point(i, n, 100),
			stroke: GRID,
			strokeWidth: 0.75
		})
	);
	for (const v of [50, 100]) {
		const [x, y] = point(0, n, v);
		shapes.push({
			kind: 'text',
			role: 'tick',
			at: [x + 3, y + 10],
			text: String(v),
			size: 8,
			fill: '#6b7280',
			anchor: 'start',
			tick: true
		});
	}
	(options.overlays ?? []).forEach((overlay, k) =>
		shapes.push({
			kind: 'polygon',
			role: 'overlay',
			points: axes.map((_, i) => point(i, n, overlay.values[i] ?? 0)),
			stroke: OVERLAY_COLOURS[k % OVERLAY_COLOURS.length],
			strokeWidth: 1.5,
			dash: [5, 3]
		})
	);
	const values = axes.flatMap((a, i) => (a.value === null ? [] : [point(i, n, a.value)]));
	if (values.length === n)
		shapes.push({
			kind: 'polygon',
			role: 'values',
			points: values,
			fill: '#2563eb',
			fillOpacity: 0.25,
			stroke: '#1d4ed8',
			strokeWidth: 1.5
		});
	for (const p of values) shapes.push({ kind: 'circle', role: 'value', centre: p, r: 2.5, fill: '#1d4ed8' });

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
		lines.forEach((line, j) =>
			shapes.push({
				kind: 'text',
				role: 'label',
				at: [x, firstBaseline + j * LINE_HEIGHT],
				text: line,
				size: FONT_SIZE,
				bold: j === lines.length - 1,
				fill: '#111827',
				anchor
			})
		);
	});
	return { ...RADAR_VIEWBOX, shapes };
}
