import { describe, expect, it } from 'vitest';
import { BANK_V1 } from '$scoring/content/banks';
import { escapeXml, RADAR_VIEWBOX, radarSvg, resultRadarAxes } from '../../../src/lib/report/radar-svg';
import { exampleResult } from './results';

const FIVE = [
	{ label: 'AI integration depth', value: 100 },
	{ label: 'Governance maturity', value: 0 },
	{ label: 'Infrastructure automation maturity', value: 50 },
	{ label: 'Risk exposure', value: 75 },
	{ label: 'Platform readiness', value: null }
];

/** The text of the axis labels (label lines and scores), in drawing order, joined by spaces. */
function labelText(svg: string): string {
	return [...svg.matchAll(/<text class="label"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
}

/** The `points` of the first polygon with this class, as [x, y] pairs. */
function polygon(svg: string, cls: string): [number, number][] {
	const match = new RegExp(`<polygon class="${cls}" points="([^"]+)"`).exec(svg);
	if (!match?.[1]) throw new Error(`no ${cls} polygon`);
	return match[1].split(' ').map((p) => p.split(',').map(Number) as [number, number]);
}

describe('radarSvg', () => {
	const svg = radarSvg(FIVE);

	it('draws one spoke, one value point and one label with its score per axis', () => {
		expect(svg.match(/<line class="axis"/g)).toHaveLength(5);
		expect(svg.match(/<circle class="value"/g)).toHaveLength(5);
		expect(polygon(svg, 'values')).toHaveLength(5);
		// Long labels wrap onto several lines but keep every word, followed by the score.
		expect(labelText(svg)).toBe(
			'AI integration depth 100 Governance maturity 0 Infrastructure automation maturity 50 Risk exposure 75 Platform readiness not answered'
		);
	});

	it('draws five grid rings, 100 on the outer ring and 0 or not answered at the centre', () => {
		const rings = [...svg.matchAll(/<polygon class="ring" points="([^"]+)"/g)].map((m) =>
			(m[1] ?? '').split(' ').map((p) => p.split(',').map(Number))
		);
		expect(rings).toHaveLength(5);
		const values = polygon(svg, 'values');
		expect(values[0]).toEqual(rings[4]?.[0]); // 100 on spoke 0 sits on the outer ring
		const centre = values[1]; // 0 on spoke 1
		expect(values[4]).toEqual(centre); // not answered is drawn at the centre too
		expect(centre?.[0]).toBeCloseTo(RADAR_VIEWBOX.width / 2, 0);
		// 50 % on spoke 2 sits between the centre and that spoke's outer ring point, half way.
		const outer2 = rings[4]?.[2] ?? [0, 0];
		expect(values[2]?.[0]).toBeCloseTo(((centre?.[0] ?? 0) + (outer2[0] ?? 0)) / 2, 0);
	});

	it('keeps every point, and every label at a generous estimate of its width, inside the view box', () => {
		expect(svg).toContain(`viewBox="0 0 ${RADAR_VIEWBOX.width} ${RADAR_VIEWBOX.height}"`);
		const inside = ([x, y]: number[]) => {
			expect(x).toBeGreaterThanOrEqual(0);
			expect(x).toBeLessThanOrEqual(RADAR_VIEWBOX.width);
			expect(y).toBeGreaterThanOrEqual(0);
			expect(y).toBeLessThanOrEqual(RADAR_VIEWBOX.height);
		};
		polygon(svg, 'values').forEach(inside);
		for (const m of svg.matchAll(/<(?:line|circle)[^>]*>/g))
			for (const [, x, y] of m[0].matchAll(/c?x\d?="([-\d.]+)"[^>]*?c?y\d?="([-\d.]+)"/g))
				inside([Number(x), Number(y)]);
		const labels = [
			...svg.matchAll(
				/<text class="label" x="([\d.]+)" y="([\d.]+)" text-anchor="(\w+)"[^>]*font-size="(\d+)"[^>]*>([^<]*)</g
			)
		];
		expect(labels.length).toBeGreaterThanOrEqual(10);
		for (const [, x, y, anchor, size, text] of labels) {
			// Roboto's widest common glyphs are about 0.6 em; ascenders about 0.75 em above the baseline.
			const width = (text ?? '').length * 0.6 * Number(size);
			const left = anchor === 'start' ? Number(x) : anchor === 'end' ? Number(x) - width : Number(x) - width / 2;
			inside([left, Number(y) - 0.75 * Number(size)]);
			inside([left + width, Number(y)]);
		}
	});

	it('clamps values outside 0–100 to the chart', () => {
		const clamped = polygon(radarSvg(FIVE.map((a, i) => ({ ...a, value: i === 0 ? 250 : -40 }))), 'values');
		expect(clamped[0]).toEqual(polygon(svg, 'values')[0]);
		expect(clamped[1]).toEqual(polygon(svg, 'values')[1]);
	});

	it('escapes every piece of text, so markup in a label stays text', () => {
		const hostile = radarSvg(
			[
				{ label: '<script>alert(1)</script>', value: 10 },
				{ label: 'a & b "quoted" \'single\'', value: 20 },
				{ label: '</text><image href="x"/>', value: 30 }
			],
			{ title: '<title>', fontFamily: 'x"/><script>' }
		);
		expect(hostile).not.toMatch(/<script|<image|<\/text><image/);
		expect(hostile).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
		expect(labelText(hostile)).toContain('a &#38; b &#34;quoted&#34; &#39;single&#39;');
		expect(hostile).toContain('<title>&#60;title&#62;</title>');
		expect(escapeXml('<&>"\'')).toBe('&#60;&#38;&#62;&#34;&#39;');
	});

	it('refuses fewer than three axes', () => {
		expect(() => radarSvg(FIVE.slice(0, 2))).toThrow(/at least 3 axes/);
	});
});

describe('resultRadarAxes', () => {
	it('has one axis per bank dimension with the reported score, marking the higher-is-worse one', () => {
		const result = exampleResult();
		const axes = resultRadarAxes(BANK_V1, result);
		expect(axes.map((a) => a.value)).toEqual(
			BANK_V1.dimensions.map((d) => result.dimensions.find((r) => r.dimension === d.id)?.score)
		);
		expect(axes.find((a) => a.label.startsWith('Risk exposure'))?.label).toBe('Risk exposure (lower is better)');
	});
});
