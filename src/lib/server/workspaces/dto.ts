/**
 * What goes in and out of the workspace service: the forms it accepts (zod schemas, checked before anything is
 * written) and the views it returns (never a token hash).
 */
import { z } from 'zod';
import { PLAN_ITEM_STATUSES, type Evidence, type Milestone, type PlanItem } from '$scoring/model/workspace';
import type { MilestoneRow, EvidenceRow, PlanItemRow } from '../db/workspace-schema';
import { optionalLine, optionalText, requiredLine } from '../text';

/** A workspace keeps at most this many milestones (AWS Well-Architected keeps 100 per workload). */
export const MAX_MILESTONES = 100;
/** Links per answer, and the longest link. */
export const MAX_LINKS = 10;
export const MAX_LINK_LENGTH = 2000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "Save to a workspace": a new one (`target` `new`, with its name) or one this browser or account can open (its id). */
export const SaveResultSchema = z.strictObject({
	target: z
		.string({ error: 'Choose where to save: a new workspace or one of yours' })
		.refine((t) => t === 'new' || UUID.test(t), 'Choose where to save: a new workspace or one of yours'),
	name: z.string().default(''),
	savedBy: optionalLine('Your name', 60)
});
/** The name of a new workspace. */
export const WorkspaceNameSchema = requiredLine(
	'The workspace name',
	120,
	'Name the workspace: the organisation or team it is for'
);

/** Why a line of the links field is not a link this site keeps; null when it is one. */
function linkProblem(line: string, n: number): string | null {
	const which = `Link ${n}`;
	if (line.length > MAX_LINK_LENGTH) return `${which} is longer than ${MAX_LINK_LENGTH} characters`;
	if (/\s/.test(line)) return `${which} contains a space; put one web address on each line`;
	let url: URL;
	try {
		url = new URL(line);
	} catch {
		return `${which} (“${line.slice(0, 60)}”) is not a web address: write it in full, starting with https://`;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		return `${which} starts with “${url.protocol}”: only web addresses (https:// or http://) are kept`;
	if (!url.hostname) return `${which} names no site`;
	if (url.username || url.password)
		return `${which} carries a user name or password: remove them — everyone who can open this workspace would read them`;
	return null;
}

/**
 * The links field (one web address a line): each line checked, blank lines ignored, repeats dropped, at most
 * {@link MAX_LINKS}; stored as the browser would write the address (`URL.href`).
 */
const LinksField = z
	.string()
	.max(MAX_LINKS * (MAX_LINK_LENGTH + 2), `Give at most ${MAX_LINKS} links`)
	.default('')
	.transform((text, ctx) => {
		const lines = text
			.split(/\r\n?|\n/)
			.map((l) => l.trim())
			.filter((l) => l !== '');
		if (lines.length > MAX_LINKS) {
			ctx.addIssue({ code: 'custom', message: `Give at most ${MAX_LINKS} links (you gave ${lines.length})` });
			return z.NEVER;
		}
		const links: string[] = [];
		lines.forEach((line, i) => {
			const problem = linkProblem(line, i + 1);
			if (problem) ctx.addIssue({ code: 'custom', message: problem });
			else {
				const href = new URL(line).href;
				if (!links.includes(href)) links.push(href);
			}
		});
		return links;
	});

/** Evidence for one answer: a note and links. Both empty removes it. */
export const EvidenceSchema = z.strictObject({
	questionId: z.string({ error: 'Name the question' }).regex(/^[a-z][a-z0-9_]{0,63}$/, 'Name the question'),
	note: optionalText('The note', 2000),
	links: LinksField
});

/** A real calendar day `YYYY-MM-DD` between 2000 and 2099, or '' for none. */
const DueDate = z
	.string()
	.default('')
	.refine((s) => {
		if (s === '') return true;
		const match = /^(20\d\d)-(\d\d)-(\d\d)$/.exec(s);
		if (!match) return false;
		const day = new Date(`${s}T00:00:00Z`);
		return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === s;
	}, 'The due date must be a day written YYYY-MM-DD (for example 2027-03-31), between 2000 and 2099')
	.transform((s) => (s === '' ? null : s));

/** What a person sets on a plan item. */
export const PlanItemUpdateSchema = z.strictObject({
	itemId: z.string({ error: 'Name the plan item' }).regex(UUID, 'Name the plan item'),
	owner: optionalLine('The owner', 120),
	due: DueDate,
	status: z.enum(PLAN_ITEM_STATUSES, { error: 'Choose a status: to do, doing, done or won’t do' }),
	notes: optionalText('The notes', 2000),
	/** The item's `updatedAt` as the form showed it; when given, a save over a later one is refused. */
	updatedAt: z.iso
		.datetime({ error: 'Reload the page: this form does not say which version of the item it changes' })
		.optional()
});

/** "Add a closed workshop's team result": which workshop, and optionally who adds it. */
export const AddWorkshopSchema = z.strictObject({
	workshopId: z.string({ error: 'Choose a workshop' }).regex(UUID, 'Choose a workshop'),
	savedBy: optionalLine('Your name', 60)
});

/** Whether `id` can be a workspace (or item, or workshop) id: anything else is never looked up. */
export function isUuid(id: string): boolean {
	return UUID.test(id);
}

/** A workspace as anyone who may open it sees it. */
export interface WorkspaceSummary {
	id: string;
	name: string;
	createdAt: Date;
	milestones: number;
	latestAt: Date | null;
}

export function milestoneOf(row: MilestoneRow): Milestone {
	return {
		id: row.id,
		seq: row.seq,
		createdAt: row.createdAt,
		source: row.source,
		bankId: row.bankId,
		bankVersion: row.bankVersion,
		answers: row.answers,
		savedBy: row.savedBy,
		workshop: row.workshopTitle !== null ? { title: row.workshopTitle, size: row.teamSize ?? 0 } : null,
		doneReview: row.doneReview
	};
}

export function evidenceOf(row: Pick<EvidenceRow, 'questionId' | 'note' | 'links' | 'carriedFrom'>): Evidence {
	return { questionId: row.questionId, note: row.note, links: row.links, carriedFrom: row.carriedFrom };
}

export function planItemOf(row: PlanItemRow): PlanItem {
	return {
		id: row.id,
		key: row.key,
		questionId: row.questionId,
		title: row.title,
		action: row.action,
		fromTo: row.fromTo,
		horizon: row.horizon === 'd30' || row.horizon === 'd60' || row.horizon === 'd90' ? row.horizon : null,
		critical: row.critical,
		references: row.references,
		owner: row.owner,
		due: row.dueDate,
		status: row.status,
		notes: row.notes,
		fromMilestone: row.fromMilestone,
		doneAt: row.doneAt ? row.doneAt.toISOString() : null,
		updatedAt: row.updatedAt.toISOString()
	};
}
