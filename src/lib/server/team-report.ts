/**
 * The team PDF for the client (`$lib/report/team-pdf-document`), from the team statistics and what the facilitator
 * recorded, worded by `$scoring/present-team`. Built once per data version and kept: downloading it again, from any
 * number of tabs, costs nothing until new answers are released or an agreement changes.
 */
import { presentTeamReport, TEAM_LABELS, type Agreement, type TeamReportView } from '$scoring/present/team';
import type { QuestionBank } from '$scoring/schema';
import type { TeamStats } from '$scoring/model/team-stats';
import { radarSvg, resultRadarAxes } from '$lib/report/radar-svg';
import { buildTeamReportPdf } from '$lib/report/pdf-node';
import { REPORT_FONT } from '$lib/report/pdf-parts';
import { Lru } from './lru';
import type { WorkshopView } from './workshops/dto';

/** What the facilitator recorded, when the report is made, and where the public methodology is. */
export interface TeamReportContext {
	agreements: readonly Agreement[];
	generatedAt: Date;
	/** Absolute address of the methodology page. */
	methodologyUrl: string;
}

/** The team report's content for a workshop's figures. */
export function teamReportView(
	workshop: Pick<WorkshopView, 'title' | 'organisation' | 'mode'>,
	bank: QuestionBank,
	stats: TeamStats,
	context: TeamReportContext
): TeamReportView {
	return presentTeamReport({
		bank,
		stats,
		mode: workshop.mode,
		title: workshop.title,
		organisation: workshop.organisation,
		...context
	});
}

/** The team report PDF's bytes. */
export async function renderTeamReport(
	workshop: Pick<WorkshopView, 'title' | 'organisation' | 'mode'>,
	bank: QuestionBank,
	stats: TeamStats,
	context: TeamReportContext
): Promise<Uint8Array> {
	const { generatedAt } = context;
	const view = teamReportView(workshop, bank, stats, context);
	// A dimension the team result does not cover sits at the centre, saying so, never at a score of 0.
	const covered = new Set(stats.dimensions.filter((d) => d.covered).map((d) => d.dimension));
	const axes = resultRadarAxes(bank, stats.result).map((axis, i) =>
		covered.has(bank.dimensions[i]!.id) ? axis : { ...axis, value: null, missing: TEAM_LABELS.notCovered.toLowerCase() }
	);
	const radar = radarSvg(axes, {
		fontFamily: REPORT_FONT,
		title: 'Team dimension scores radar chart'
	});
	return new Uint8Array(await buildTeamReportPdf({ view, radarSvg: radar, generatedAt }));
}

const built = new Lru<string, Promise<Uint8Array>>(50);

/** The team PDF of `stats` (the workshop's figures at `dataVersion`), built once per workshop and data version. */
export function teamReportPdf(
	workshop: WorkshopView,
	bank: QuestionBank,
	stats: TeamStats,
	dataVersion: number,
	agreements: readonly Agreement[],
	methodologyUrl: string
): Promise<Uint8Array> {
	const key = `${workshop.id}:${dataVersion}:${stats.size}`;
	let pdf = built.get(key);
	if (!pdf) {
		pdf = renderTeamReport(workshop, bank, stats, { agreements, generatedAt: new Date(), methodologyUrl });
		built.set(key, pdf);
		pdf.catch(() => built.delete(key));
	}
	return pdf;
}
