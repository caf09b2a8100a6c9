/**
 * A chart as a list of vector shapes in its own coordinate system (y down, like SVG), painted into the PDF by
 * `pdf-layout`. A shape marked `tick` is a scale mark (a tick label): the PDF paints it as an artifact, so a screen
 * reader reads the figure's text alternative and the figure's own labels, never a stray "50".
 */

export type Point = readonly [x: number, y: number];

interface Stroke {
	stroke?: string;
	strokeWidth?: number;
	/** Dash and gap lengths. */
	dash?: readonly [number, number];
}

interface Fill {
	fill?: string;
	/** 0–1; 1 when absent. */
	fillOpacity?: number;
}

export type Shape =
	| ({ kind: 'polygon'; role: string; points: readonly Point[] } & Stroke & Fill)
	| ({ kind: 'line'; role: string; from: Point; to: Point } & Stroke)
	| ({ kind: 'circle'; role: string; centre: Point; r: number } & Stroke & Fill)
	| ({ kind: 'rect'; role: string; x: number; y: number; width: number; height: number } & Stroke & Fill)
	| {
			kind: 'text';
			role: string;
			/** The baseline's anchor point. */
			at: Point;
			text: string;
			size: number;
			bold?: boolean;
			fill: string;
			anchor: 'start' | 'middle' | 'end';
			/** A scale mark: painted as an artifact. */
			tick?: boolean;
	  };

export interface Drawing {
	width: number;
	height: number;
	shapes: Shape[];
}
