/**
 * The verdict picture (see `pictureOf` in scoring/present/result) as a {@link Drawing} for the PDF, and the plot
 * geometry the page's component shares, so both draw the same picture from the same data.
 */
import type { PictureView } from '$scoring/present/result';
import type { Drawing, Point, Shape } from './drawing';

/** The drawing's coordinate system: the plot area inside margins for the axis labels. */
export const PLOT = { width: 560, height: 330, left: 46, right: 540, top: 24, bottom: 296 } as const;

/** Adoption (0–100) to x. */
export function plotX(value: number): number {
	return PLOT.left + (Math.max(0, Math.min(100, value)) / 100) * (PLOT.right - PLOT.left);
}

/** Foundations (0–100) to y (up is more). */
export function plotY(value: number): number {
	return PLOT.bottom - (Math.max(0, Math.min(100, value)) / 100) * (PLOT.bottom - PLOT.top);
}

/** Where a region's name and survey share are written: its top-left corner (the box they take, roughly). */
function regionLabelBox(r: PictureView['regions'][number]) {
	const x = plotX(r.x0) + 6;
	const top = plotY(r.y1);
	return { x0: x, x1: x + Math.max(r.label.length * 8, 80), y0: top + 3, y1: top + 34 };
}

/**
 * Where the point's label goes: beside the dot — above or below it, right or left of it — on the first side where
 * it stays inside the drawing and clear of every region's name and share (near a corner the first choice would
 * print over them); the dot's own side when none is clear.
 */
export function pointLabel(picture: PictureView): { x: number; y: number; anchor: 'start' | 'end' } {
	const px = plotX(picture.point.x);
	const py = plotY(picture.point.y);
	const width = picture.point.label.length * 8.5;
	const right = picture.point.x > 70;
	const below = picture.point.y > 90;
	const sides: { dx: number; dy: number; anchor: 'start' | 'end' }[] = [];
	for (const b of [below, !below])
		for (const r of [right, !right]) sides.push({ dx: r ? -10 : 10, dy: b ? 16 : -8, anchor: r ? 'end' : 'start' });
	const boxes = picture.regions.map(regionLabelBox);
	const clear = (side: (typeof sides)[number]) => {
		const x0 = side.anchor === 'end' ? px + side.dx - width : px + side.dx;
		const x1 = x0 + width;
		const y1 = py + side.dy + 3;
		const y0 = y1 - 15;
		if (x0 < 0 || x1 > PLOT.width || y0 < 0 || y1 > PLOT.bottom) return false;
		return boxes.every((b) => x1 <= b.x0 || x0 >= b.x1 || y1 <= b.y0 || y0 >= b.y1);
	};
	const side = sides.find(clear) ?? sides[0]!;
	return { x: px + side.dx, y: py + side.dy, anchor: side.anchor };
}

const FILLS: Record<string, string> = {
	pioneer: '#d7f0e2',
	outpacing: '#fdeccf',
	fragmented: '#e4e7ee',
	exposed: '#f7d9d9'
};

/** An arrow from `from` to `to` with a small head, in the axis label's colour. */
function arrow(from: Point, to: Point): Shape[] {
	const [dx, dy] = [to[0] - from[0], to[1] - from[1]];
	const length = Math.hypot(dx, dy);
	const [ux, uy] = [dx / length, dy / length];
	const head: Point[] = [
		to,
		[to[0] - 4 * ux - 3 * uy, to[1] - 4 * uy + 3 * ux],
		[to[0] - 4 * ux + 3 * uy, to[1] - 4 * uy - 3 * ux]
	];
	return [
		{ kind: 'line', role: 'axis-arrow', from, to: [to[0] - 3 * ux, to[1] - 3 * uy], stroke: '#1f2937', strokeWidth: 1 },
		{ kind: 'polygon', role: 'axis-arrow', points: head, fill: '#1f2937' }
	];
}

/** The picture: the four regions with their survey shares, the two axes with their ticks, and the point. */
export function verdictDrawing(picture: PictureView): Drawing {
	const shapes: Shape[] = [];
	const text = (role: string, x: number, y: number, value: string, size: number, more: Partial<Shape> = {}): Shape =>
		({ kind: 'text', role, at: [x, y], text: value, size, fill: '#1f2937', anchor: 'start', ...more }) as Shape;
	for (const r of picture.regions) {
		const x = plotX(r.x0);
		const y = plotY(r.y1);
		shapes.push(
			{
				kind: 'rect',
				role: 'region',
				x,
				y,
				width: plotX(r.x1) - x,
				height: plotY(r.y0) - y,
				fill: FILLS[r.group],
				fillOpacity: r.group === picture.region ? 0.95 : 0.6,
				stroke: '#ffffff',
				strokeWidth: 2
			},
			text('region', x + 6, y + 16, r.label, 12, { bold: true }),
			text('share', x + 6, y + 30, `survey ${r.share}`, 10, { fill: '#4b5563' })
		);
	}
	// The report font has no arrow glyph: an axis label's trailing "→" (more this way) is drawn as an arrow instead,
	// pointing along its axis.
	const bare = (label: string) => label.replace(/\s*→$/, '');
	const xArrow = bare(picture.x.label) !== picture.x.label;
	const yArrow = bare(picture.y.label) !== picture.y.label;
	shapes.push(
		{ kind: 'line', role: 'axis', from: [PLOT.left, PLOT.bottom], to: [PLOT.right, PLOT.bottom], stroke: '#6b7280' },
		{ kind: 'line', role: 'axis', from: [PLOT.left, PLOT.bottom], to: [PLOT.left, PLOT.top], stroke: '#6b7280' },
		text('axis', PLOT.right - (xArrow ? 16 : 0), PLOT.bottom + 26, bare(picture.x.label), 11, { anchor: 'end' }),
		text('axis', PLOT.left - 8 + (yArrow ? 12 : 0), PLOT.top - 8, bare(picture.y.label), 11),
		...(xArrow ? arrow([PLOT.right - 12, PLOT.bottom + 22], [PLOT.right, PLOT.bottom + 22]) : []),
		...(yArrow ? arrow([PLOT.left - 4, PLOT.top - 7], [PLOT.left - 4, PLOT.top - 19]) : [])
	);
	for (const tick of [0, 50, 100])
		shapes.push(
			text('tick', plotX(tick), PLOT.bottom + 13, String(tick), 9, { anchor: 'middle', fill: '#4b5563', tick: true }),
			text('tick', PLOT.left - 6, plotY(tick) + 3, String(tick), 9, { anchor: 'end', fill: '#4b5563', tick: true })
		);
	const label = pointLabel(picture);
	shapes.push(
		{
			kind: 'circle',
			role: 'point',
			centre: [plotX(picture.point.x), plotY(picture.point.y)],
			r: 7,
			fill: '#1d4ed8',
			stroke: '#ffffff',
			strokeWidth: 2
		},
		text('point', label.x, label.y, picture.point.label, 12, { bold: true, anchor: label.anchor, fill: '#111827' })
	);
	return { width: PLOT.width, height: PLOT.height, shapes };
}
