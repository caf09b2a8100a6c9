/**
 * The team PDF for the client (`$lib/report/team-pdf-document`), from the team statistics and what the facilitator
 * recorded, worded by `$scoring/present-team`. Built once per data version and kept: downloading it again, from any
 * number of tabs, costs nothing until new answers are released or an agreement changes.
 */
import { presentTeamReport, type Agreement, type PreviousSession, type TeamReportView } from '$scoring/present/team';
import type { QuestionBank } from '$scoring/schema';
import type { TeamStats } from '$scoring/model/team-stats';
import type { TeamLensSection } from '$scoring/present/lens';
import { buildTeamReportPdf } from '$lib/report/pdf-node';
import { Lru } from './lru';
import type { WorkshopView } from './workshops/dto';

/**
 * What the facilitator recorded, when the report is made, where the public methodology is, and (a follow-up) the
 * session it was started from.
 */
export interface TeamReportContext {
	agreements: readonly Agreement[];
	previous?: PreviousSession | null;
	generatedAt: Date;
	/** Absolute address of the methodology page. */
	methodologyUrl: string;
	/** The workshop's lenses: their findings from the released answers, or why there are none. */
	lenses?: readonly TeamLensSection[];
	/** Submitted responses not in the figures (they came after the last release). */
	leftOut?: number;
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
	const view = teamReportView(workshop, bank, stats, context);
	return buildTeamReportPdf({ view, generatedAt: context.generatedAt, lenses: context.lenses ?? [] });
}

const built = new Lru<string, Promise<Uint8Array>>(50);

/**
 * The team PDF of `stats` (the workshop's figures at `dataVersion`), built once per workshop and data version (and,
 * for a follow-up, the data version of the session beside it).
 */
export function teamReportPdf(
	workshop: WorkshopView,
	bank: QuestionBank,
	stats: TeamStats,
	dataVersion: number,
	records: {
		agreements: readonly Agreement[];
		previous: PreviousSession | null;
		lenses?: readonly TeamLensSection[];
		leftOut?: number;
	},
	methodologyUrl: string
): Promise<Uint8Array> {
	// A late response changes what the report says of who is left out, not the data version.
	const key = `${workshop.id}:${dataVersion}:${stats.size}:${records.previous?.dataVersion ?? ''}:${records.leftOut ?? 0}`;
	let pdf = built.get(key);
	if (!pdf) {
		pdf = renderTeamReport(workshop, bank, stats, { ...records, generatedAt: new Date(), methodologyUrl });
		built.set(key, pdf);
		pdf.catch(() => built.delete(key));
	}
	return pdf;
}
