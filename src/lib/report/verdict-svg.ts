/**
 * The verdict picture (see `pictureOf` in scoring/present/result) as a self-contained SVG string for the PDF, and the
 * plot geometry the page's component shares, so both draw the same picture from the same data.
 */
import type { PictureView } from '$scoring/present/result';

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

const escape = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The picture as an SVG string (pdfmake's `svg` node); `fontFamily` is the font the PDF registers. */
export function verdictSvg(picture: PictureView, fontFamily = 'Roboto'): string {
	const parts: string[] = [];
	for (const r of picture.regions) {
		const opacity = r.group === picture.region ? 0.95 : 0.6;
		parts.push(
			`<rect x="${plotX(r.x0)}" y="${plotY(r.y1)}" width="${plotX(r.x1) - plotX(r.x0)}" height="${plotY(r.y0) - plotY(r.y1)}" fill="${FILLS[r.group]}" fill-opacity="${opacity}" stroke="#ffffff" stroke-width="2"/>`,
			`<text x="${plotX(r.x0) + 6}" y="${plotY(r.y1) + 16}" font-size="12" font-weight="bold" fill="#1f2937">${escape(r.label)}</text>`,
			`<text x="${plotX(r.x0) + 6}" y="${plotY(r.y1) + 30}" font-size="10" fill="#4b5563">survey ${escape(r.share)}</text>`
		);
	}
	parts.push(
		`<line x1="${PLOT.left}" y1="${PLOT.bottom}" x2="${PLOT.right}" y2="${PLOT.bottom}" stroke="#6b7280"/>`,
		`<line x1="${PLOT.left}" y1="${PLOT.bottom}" x2="${PLOT.left}" y2="${PLOT.top}" stroke="#6b7280"/>`,
		`<text x="${PLOT.right}" y="${PLOT.bottom + 26}" font-size="11" text-anchor="end" fill="#1f2937">${escape(picture.x.label)}</text>`,
		`<text x="${PLOT.left - 8}" y="${PLOT.top - 8}" font-size="11" fill="#1f2937">${escape(picture.y.label)}</text>`
	);
	for (const tick of [0, 50, 100])
		parts.push(
			`<text x="${plotX(tick)}" y="${PLOT.bottom + 13}" font-size="9" text-anchor="middle" fill="#4b5563">${tick}</text>`,
			`<text x="${PLOT.left - 6}" y="${plotY(tick) + 3}" font-size="9" text-anchor="end" fill="#4b5563">${tick}</text>`
		);
	const label = pointLabel(picture);
	parts.push(
		`<circle cx="${plotX(picture.point.x)}" cy="${plotY(picture.point.y)}" r="7" fill="#1d4ed8" stroke="#ffffff" stroke-width="2"/>`,
		`<text x="${label.x}" y="${label.y}" font-size="12" font-weight="bold" text-anchor="${label.anchor}" fill="#111827">${escape(picture.point.label)}</text>`
	);
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${PLOT.width} ${PLOT.height}" width="${PLOT.width}" height="${PLOT.height}" font-family="${escape(fontFamily)}">${parts.join('')}</svg>`;
}
