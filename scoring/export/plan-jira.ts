/**
 * A workspace's tracked plan as a CSV for Jira's CSV importer (docs/formats.md, "Plan for Jira"): one row per plan
 * item, a header row with a Summary column (the one column the importer requires), and no punctuation in the
 * header names (the importer's advice). Jira maps assignees to its own accounts, so the free-text owner goes in the
 * description; labels are written one per `Labels` column, the way Jira itself exports several. Dates are
 * `yyyy-MM-dd` (the wizard's date format setting). Cells are formula-safe (`safeCell`). Pure.
 */
import type { PlanItem, PlanItemStatus } from '../model/workspace';
import { frameworkOf, frameworkReference } from '../content/frameworks';
import { writeCsv } from './csv-table';

/** The header row, in order. `Labels` repeats: Jira takes a field's several values from repeated columns. */
export const JIRA_CSV_COLUMNS = [
	'Summary',
	'Issue Type',
	'Status',
	'Resolution',
	'Priority',
	'Due date',
	'Labels',
	'Labels',
	'Labels',
	'Description'
] as const;

/** The value written in the Status and Resolution columns for each plan status (Jira's default names). */
export const JIRA_STATUS: Readonly<Record<PlanItemStatus, { status: string; resolution: string }>> = Object.freeze({
	todo: { status: 'To Do', resolution: '' },
	doing: { status: 'In Progress', resolution: '' },
	done: { status: 'Done', resolution: 'Done' },
	wont_do: { status: 'Done', resolution: "Won't Do" }
});

/** The label every row carries, and the label of each horizon. */
export const JIRA_LABELS = Object.freeze({
	all: 'ai-readiness',
	critical: 'critical-gap',
	horizons: { d30: 'plan-30-days', d60: 'plan-60-days', d90: 'plan-90-days' } as const
});

/** What the plan's rows say about where they come from. */
export interface PlanSource {
	workspace: string;
	/** The latest milestone: its number, date (`YYYY-MM-DD`) and question bank version. */
	milestone: { seq: number; date: string; bankVersion: string };
}

const STATUS_WORDS: Readonly<Record<PlanItemStatus, string>> = {
	todo: 'to do',
	doing: 'doing',
	done: 'done',
	wont_do: 'won’t do'
};

function referencesLine(ids: readonly string[]): string | null {
	const refs = ids.flatMap((id) => {
		const ref = frameworkReference(id);
		return ref ? [`${ref.code} (${frameworkOf(ref).name})`] : [];
	});
	return refs.length ? `Framework references (a mapping, not conformance): ${refs.join('; ')}.` : null;
}

/** The Description cell: the action, where the step starts, the owner and notes, references and the source. */
export function jiraDescription(item: PlanItem, source: PlanSource): string {
	return [
		item.action,
		item.fromTo,
		item.owner ? `Owner: ${item.owner} (as typed in the readiness check; assign the issue in Jira).` : null,
		`Status in the readiness check: ${STATUS_WORDS[item.status]}.`,
		item.notes ? `Notes: ${item.notes}` : null,
		referencesLine(item.references),
		`From the AI infrastructure readiness check: workspace “${source.workspace}”, plan of milestone ${item.fromMilestone}, question ${item.questionId}.`
	]
		.filter((line): line is string => line !== null)
		.join('\n\n');
}

/** The plan as Jira's importer reads it: UTF-8 without a byte-order mark, CRLF, one row per item. */
export function planToJiraCsv(items: readonly PlanItem[], source: PlanSource): string {
	const rows = items.map((item) => {
		const { status, resolution } = JIRA_STATUS[item.status];
		return [
			item.title,
			'Task',
			status,
			resolution,
			item.critical ? 'High' : 'Medium',
			item.due ?? '',
			JIRA_LABELS.all,
			item.horizon ? JIRA_LABELS.horizons[item.horizon] : '',
			item.critical ? JIRA_LABELS.critical : '',
			jiraDescription(item, source)
		];
	});
	return writeCsv([JIRA_CSV_COLUMNS, ...rows], { bom: false });
}

/** The download's file name: `ai-readiness-plan-<YYYY-MM-DD>.csv`. */
export function planFileName(date: string, extension: 'csv' | 'md'): string {
	return `ai-readiness-plan-${date}.${extension}`;
}
