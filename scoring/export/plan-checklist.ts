/**
 * A workspace's tracked plan as a Markdown checklist (docs/formats.md, "Plan as a Markdown checklist"): a task list
 * per horizon that GitHub, GitLab and most Markdown editors show with checkboxes — `[x]` for done and won't do
 * (struck through), `[ ]` for to do and doing. Text people typed (the workspace name, owners, notes) is escaped so
 * it shows as typed and can never become a link, an image, HTML or a heading. Pure.
 */
import { HORIZONS } from '../present/result';
import type { PlanItem } from '../model/workspace';
import { frameworkOf, frameworkReference } from '../content/frameworks';
import type { PlanSource } from './plan-jira';

/** How each status reads beside an item. */
const STATUS_WORDS = { todo: 'to do', doing: 'doing', done: 'done', wont_do: 'won’t do' } as const;

/** Markdown's inline punctuation: escaped wherever it occurs. */
const INLINE = /[\\`*_[\]<>|~#!]/g;
/** What starts a block at the beginning of a line: a list marker, a quote, a heading rule, an ordered list number. */
const LINE_START = /^(\s*)([-+=>]|\d+[.)])/;

/** One line of user text as Markdown that shows exactly that text. */
export function markdownText(text: string): string {
	return text
		.replace(INLINE, (c) => `\\${c}`)
		.replace(LINE_START, (_, space: string, mark: string) =>
			/^\d/.test(mark) ? `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}` : `${space}\\${mark}`
		);
}

/** Multi-line user text as lines of a list item, each escaped and indented under it. */
function indented(text: string, indent: string): string[] {
	return text
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '')
		.map((line) => `${indent}${markdownText(line)}`);
}

function itemLines(item: PlanItem): string[] {
	const closed = item.status === 'done' || item.status === 'wont_do';
	const title = `**${markdownText(item.title)}**`;
	const facts = [
		STATUS_WORDS[item.status],
		item.owner ? `owner: ${markdownText(item.owner)}` : 'no owner',
		item.due ? `due ${item.due}` : 'no due date'
	].join(' · ');
	const lines = [`- [${closed ? 'x' : ' '}] ${item.status === 'wont_do' ? `~~${title}~~` : title} — ${facts}`];
	lines.push(`  - ${markdownText(item.action)}`);
	lines.push(`  - ${markdownText(item.fromTo)}`);
	if (item.notes) lines.push('  - Notes:', ...indented(item.notes, '    '));
	const refs = item.references.flatMap((id) => {
		const ref = frameworkReference(id);
		// The framework's short name beside the code, as on the page: "A.5.1" alone is ISO 27001's or ISO 42001's.
		return ref
			? [
					`[${markdownText(`${frameworkOf(ref).short} ${ref.code}`)}](<${ref.url}> "${frameworkOf(ref).name.replaceAll('"', "'")}")`
				]
			: [];
	});
	if (refs.length) lines.push(`  - Framework references (a mapping, not conformance): ${refs.join(', ')}`);
	return lines;
}

/** The plan as a Markdown checklist, grouped by horizon in plan order; items without a horizon last. */
export function planToChecklist(items: readonly PlanItem[], source: PlanSource, exportedAt: string): string {
	const groups = [
		...HORIZONS.map((h) => ({ label: h.label, items: items.filter((i) => i.horizon === h.id) })),
		{ label: 'Other steps', items: items.filter((i) => i.horizon === null) }
	].filter((g) => g.items.length > 0);
	const out = [
		`# Plan: ${markdownText(source.workspace)}`,
		'',
		`From the AI infrastructure readiness check: the tracked plan of this workspace as of ${exportedAt}; the latest milestone is number ${source.milestone.seq} of ${source.milestone.date} (question bank ${source.milestone.bankVersion}). Checked: done, or won’t do (struck through).`
	];
	if (groups.length === 0) out.push('', 'No plan items yet.');
	for (const g of groups) out.push('', `## ${g.label}`, '', ...g.items.flatMap(itemLines));
	return `${out.join('\n')}\n`;
}
