/**
 * The dimension radar chart, drawn with chart.js. Loaded on demand (dynamic import) so chart.js stays out of every
 * page's first load; registers only the pieces a radar needs.
 */
import { Chart, Filler, LineElement, PointElement, RadarController, RadialLinearScale, Tooltip } from 'chart.js';

Chart.register(RadarController, RadialLinearScale, PointElement, LineElement, Filler, Tooltip);

export interface RadarPoint {
	label: string;
	value: number | null;
}

/** Splits a label into lines of about `width` characters, so long dimension names fit around a phone-sized chart. */
export function wrapLabel(label: string, width = 14): string[] {
	const lines: string[] = [];
	for (const word of label.split(' ')) {
		const last = lines.at(-1);
		if (last !== undefined && last.length + word.length + 1 <= width) lines[lines.length - 1] = `${last} ${word}`;
		else lines.push(word);
	}
	return lines;
}

/** Colours read from the page's design tokens, so the chart follows light and dark mode. */
function palette(element: HTMLElement) {
	const style = getComputedStyle(element);
	const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
	return {
		accent: token('--accent', '#0b5c7a'),
		accentSoft: token('--accent-soft', '#e1eef3'),
		ink: token('--ink', '#1c1f24'),
		muted: token('--ink-muted', '#4f5560'),
		line: token('--line', '#d3d6cf'),
		surface: token('--surface', '#ffffff')
	};
}

/** Draws the radar on `canvas`; returns a function that redraws it in the current colours and one to destroy it. */
export function drawRadar(canvas: HTMLCanvasElement, points: RadarPoint[], seriesLabel: string) {
	const colours = () => palette(canvas);
	let c = colours();
	const chart = new Chart(canvas, {
		type: 'radar',
		data: {
			labels: points.map((p) => wrapLabel(p.label)),
			datasets: [
				{
					label: seriesLabel,
					data: points.map((p) => p.value),
					borderColor: c.accent,
					backgroundColor: c.accentSoft,
					pointBackgroundColor: c.accent,
					pointBorderColor: c.surface,
					pointRadius: 4,
					borderWidth: 2,
					fill: true,
					spanGaps: true
				}
			]
		},
		options: {
			responsive: true,
			maintainAspectRatio: true,
			aspectRatio: 1.1,
			animation: false,
			layout: { padding: 4 },
			scales: {
				r: {
					min: 0,
					max: 100,
					ticks: { stepSize: 25, color: c.muted, backdropColor: c.surface },
					grid: { color: c.line },
					angleLines: { color: c.line },
					pointLabels: { color: c.ink, font: { size: 11 }, padding: 6 }
				}
			},
			plugins: { tooltip: { enabled: true } }
		}
	});
	return {
		recolour() {
			c = colours();
			const dataset = chart.data.datasets[0];
			if (dataset) {
				dataset.borderColor = c.accent;
				dataset.backgroundColor = c.accentSoft;
				dataset.pointBackgroundColor = c.accent;
				dataset.pointBorderColor = c.surface;
			}
			const r = chart.options.scales?.r as
				| {
						ticks: { color: string; backdropColor: string };
						grid: { color: string };
						angleLines: { color: string };
						pointLabels: { color: string };
				  }
				| undefined;
			if (r) {
				r.ticks.color = c.muted;
				r.ticks.backdropColor = c.surface;
				r.grid.color = c.line;
				r.angleLines.color = c.line;
				r.pointLabels.color = c.ink;
			}
			chart.update();
		},
		/** Shows new values (e.g. a live team result) without redrawing the chart from scratch. */
		setPoints(next: RadarPoint[]) {
			chart.data.labels = next.map((p) => wrapLabel(p.label));
			const dataset = chart.data.datasets[0];
			if (dataset) dataset.data = next.map((p) => p.value);
			chart.update();
		},
		destroy: () => chart.destroy()
	};
}
