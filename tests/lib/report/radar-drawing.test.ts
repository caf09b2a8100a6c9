import { describe, expect, it } from 'vitest';
import type { Drawing, Point, Shape } from '$lib/report/drawing';
import { RADAR_VIEWBOX, radarDrawing } from '$lib/report/radar-drawing';

const FIVE = [
	{ label: 'AI integration depth', value: 100 },
	{ label: 'Governance maturity', value: 0 },
	{ label: 'Infrastructure automation maturity', value: 50 },
	{ label: 'Risk exposure', value: 75 },
	{ label: 'Platform readiness', value: 25 }
];

/** The text of every shape with `role`, in drawing order. */
const textsOf = (drawing: Drawing, role: string) =>
	drawing.shapes.flatMap((s) => (s.kind === 'text' && s.role === role ? [s.text] : []));

const shapes = (role: string, drawing = radarDrawing(FIVE)) => drawing.shapes.filter((s) => s.role === role);

/** The points of the first polygon with this role. */
function polygon(role: string, drawing = radarDrawing(FIVE)): readonly Point[] {
	const shape = drawing.shapes.find((s) => s.kind === 'polygon' && s.role === role);
	if (shape?.kind !== 'polygon') throw new Error(`no ${role} polygon`);
	return shape.points;
}

describe('radarDrawing', () => {
	const drawing = radarDrawing(FIVE);

	it('draws one spoke, one value point and one label with its score per axis', () => {
		expect(shapes('axis')).toHaveLength(5);
		expect(shapes('value')).toHaveLength(5);
		expect(polygon('values')).toHaveLength(5);
		// Long labels wrap onto several lines but keep every word, followed by the score.
		expect(textsOf(drawing, 'label').join(' ')).toBe(
			'AI integration depth 100 Governance maturity 0 Infrastructure automation maturity 50 Risk exposure 75 Platform readiness 25'
		);
	});

	it('draws five grid rings, 100 on the outer ring and 0 at the centre', () => {
		const rings = shapes('ring').map((s) => (s.kind === 'polygon' ? s.points : []));
		expect(rings).toHaveLength(5);
		const values = polygon('values');
		expect(values[0]).toEqual(rings[4]?.[0]); // 100 on spoke 0 sits on the outer ring
		const centre = values[1]!; // 0 on spoke 1
		expect(centre[0]).toBeCloseTo(RADAR_VIEWBOX.width / 2, 0);
		// 50 % on spoke 2 sits between the centre and that spoke's outer ring point, half way.
		const outer2 = rings[4]![2]!;
		expect(values[2]![0]).toBeCloseTo((centre[0] + outer2[0]) / 2, 0);
	});

	it('marks the scale labels (50, 100) as ticks and nothing else', () => {
		const ticks = drawing.shapes.filter((s) => s.kind === 'text' && s.tick);
		expect(ticks.map((s) => (s.kind === 'text' ? s.text : ''))).toEqual(['50', '100']);
	});

	it('keeps every point, and every label at a generous estimate of its width, inside the drawing', () => {
		expect(drawing).toMatchObject(RADAR_VIEWBOX);
		const inside = ([x, y]: readonly number[]) => {
			expect(x).toBeGreaterThanOrEqual(0);
			expect(x).toBeLessThanOrEqual(RADAR_VIEWBOX.width);
			expect(y).toBeGreaterThanOrEqual(0);
			expect(y).toBeLessThanOrEqual(RADAR_VIEWBOX.height);
		};
		polygon('values').forEach(inside);
		for (const s of drawing.shapes) {
			if (s.kind === 'line') [s.from, s.to].forEach(inside);
			if (s.kind === 'circle') inside(s.centre);
		}
		const labels = drawing.shapes.filter((s): s is Extract<Shape, { kind: 'text' }> => s.kind === 'text');
		expect(labels.length).toBeGreaterThanOrEqual(10);
		for (const { at, anchor, size, text } of labels) {
			// Roboto's widest common glyphs are about 0.6 em; ascenders about 0.75 em above the baseline.
			const width = text.length * 0.6 * size;
			const left = anchor === 'start' ? at[0] : anchor === 'end' ? at[0] - width : at[0] - width / 2;
			inside([left, at[1] - 0.75 * size]);
			inside([left + width, at[1]]);
		}
	});

	it('draws no polygon where an axis has no value (at the centre it would read as 0): a dot per value and the words', () => {
		const partial = radarDrawing(FIVE.map((a, i) => (i === 0 ? a : { ...a, value: null, missing: 'not covered' })));
		expect(partial.shapes.some((s) => s.kind === 'polygon' && s.role === 'values')).toBe(false);
		const dots = shapes('value', partial);
		expect(dots).toHaveLength(1);
		expect(dots[0]).toMatchObject({ centre: polygon('values')[0] });
		expect(textsOf(partial, 'label').filter((t) => t === 'not covered')).toHaveLength(4);
		expect(textsOf(radarDrawing([{ ...FIVE[0]!, value: null }, ...FIVE.slice(1)]), 'label')).toContain('not answered');
	});

	it('clamps values outside 0–100 to the chart', () => {
		const clamped = polygon('values', radarDrawing(FIVE.map((a, i) => ({ ...a, value: i === 0 ? 250 : -40 }))));
		expect(clamped[0]).toEqual(polygon('values')[0]);
		expect(clamped[1]).toEqual(polygon('values')[1]);
	});

	it('keeps label text as given: markup is characters, never interpreted', () => {
		const hostile = radarDrawing([
			{ label: '<script>alert(1)</script>', value: 10 },
			{ label: 'a & b "quoted"', value: 20 },
			{ label: '</text><image/>', value: 30 }
		]);
		expect(textsOf(hostile, 'label')).toEqual([
			'<script>alert(1)</script>',
			'10',
			'a & b "quoted"',
			'20',
			'</text><image/>',
			'30'
		]);
	});

	it('refuses fewer than three axes', () => {
		expect(() => radarDrawing(FIVE.slice(0, 2))).toThrow(/at least 3 axes/);
	});
});
