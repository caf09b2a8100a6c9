/**
 * The workspace's trend chart, drawn with chart.js: one line per dimension across the milestones, the group under
 * each date. Loaded on demand (dynamic import), like the radar, and registers only what a line chart needs. Each
 * series has its own colour, point shape and dash, so it reads without colour too; a milestone scored by an older
 * model is a hollow point joined by a dashed segment (a change of model is not a change of practice).
 */
import {
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip,
	type PointStyle
} from 'chart.js';
import type { TrendView } from '$scoring/present/workspace';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);

const SHAPES: PointStyle[] = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot'];
const DASHES: number[][] = [[], [8, 4], [2, 3], [10, 3, 2, 3], [4, 4]];
const TOKENS = ['--accent', '--tier-pioneer', '--tier-fragmented', '--tier-outpacing', '--tier-exposed'];

function palette(element: HTMLElement) {
	const style = getComputedStyle(element);
	const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
	return {
		series: TOKENS.map((t) => token(t, '#0b5c7a')),
		ink: token('--ink', '#1c1f24'),
		muted: token('--ink-muted', '#4f5560'),
		line: token('--line', '#d3d6cf'),
		surface: token('--surface', '#ffffff')
	};
}

/** Draws the trend on `canvas`; returns functions to recolour it (light/dark) and to destroy it. */
export function drawTrend(canvas: HTMLCanvasElement, chart: TrendView['chart']) {
	const latestModel = Math.max(...chart.models);
	const older = (i: number) => chart.models[i] !== latestModel;
	let c = palette(canvas);
	const datasets = () =>
		chart.series.map((s, i) => ({
			label: s.label,
			data: s.values,
			borderColor: c.series[i % c.series.length],
			backgroundColor: c.series[i % c.series.length],
			borderDash: DASHES[i % DASHES.length],
			borderWidth: 2,
			pointStyle: SHAPES[i % SHAPES.length],
			pointRadius: 5,
			pointBorderWidth: 2,
			pointBackgroundColor: s.values.map((_, j) => (older(j) ? c.surface : c.series[i % c.series.length]!)),
			spanGaps: true,
			segment: {
				borderDash: (ctx: { p0DataIndex: number; p1DataIndex: number }) =>
					chart.models[ctx.p0DataIndex] !== chart.models[ctx.p1DataIndex] ? [3, 5] : undefined
			}
		}));
	const instance = new Chart(canvas, {
		type: 'line',
		data: { labels: chart.labels, datasets: datasets() },
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			scales: {
				y: {
					min: 0,
					max: 100,
					ticks: { stepSize: 25, color: c.muted },
					grid: { color: c.line }
				},
				x: { ticks: { color: c.ink, font: { size: 11 } }, grid: { color: c.line } }
			},
			plugins: {
				legend: {
					position: 'bottom',
					labels: {
						color: c.ink,
						usePointStyle: true,
						boxWidth: 10,
						font: { size: 11 },
						// Each series' own colour, not its first point's (hollow when it is an older model's).
						generateLabels: (chart) =>
							Chart.defaults.plugins.legend.labels
								.generateLabels(chart)
								.map((item) => ({ ...item, fillStyle: item.strokeStyle }))
					}
				},
				tooltip: { enabled: true }
			}
		}
	});
	return {
		recolour() {
			c = palette(canvas);
			instance.data.datasets = datasets();
			const scales = instance.options.scales as {
				x: { ticks: { color: string }; grid: { color: string } };
				y: { ticks: { color: string }; grid: { color: string } };
			};
			scales.x.ticks.color = c.ink;
			scales.x.grid.color = c.line;
			scales.y.ticks.color = c.muted;
			scales.y.grid.color = c.line;
			const legend = instance.options.plugins?.legend?.labels;
			if (legend) legend.color = c.ink;
			instance.update();
		},
		destroy: () => instance.destroy()
	};
}
