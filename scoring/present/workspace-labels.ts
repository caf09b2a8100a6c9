/**
 * The workspace surfaces' labels and fixed sentences, dependency-free (like `./team-labels`), so browser components
 * can use them without loading the model into the browser. `./workspace` re-exports everything here.
 */
import type { PlanItemStatus } from '../model/workspace';
import { SITE_LABELS } from './site';

/** "1 milestone", "3 milestones". */
export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Every heading, label and fixed sentence of the workspace surfaces, once. */
export const WORKSPACE_LABELS = Object.freeze({
	product: SITE_LABELS.product,
	eyebrow: 'Workspace',
	listHeading: SITE_LABELS.nav.workspaces,
	listDescription:
		'Workspaces of the AI infrastructure readiness check: results kept over time for an organisation or a team, with evidence and a tracked plan.',
	listLead:
		'A workspace keeps an organisation’s or a team’s results over time: the trend across re-assessments, what changed since the last one, evidence for each answer, and the plan as items with owners and due dates.',
	listBrowser: 'Workspaces this browser can open',
	listAccount: 'Workspaces of your account',
	listNone:
		'This browser holds no workspace yet. Take the assessment and choose “Save to a workspace” on the result, or open a workspace’s private link.',
	listHowTo: 'To start a workspace, take the assessment and choose “Save to a workspace” on the result.',
	startAssessment: 'Take the assessment',
	milestoneCount: (n: number) => plural(n, 'milestone', 'milestones'),
	openWorkspace: 'Open',
	// Saving a result (on the results page).
	saveHeading: 'Save to a workspace',
	saveLead:
		'A workspace keeps your results over time for an organisation or a team: the trend across re-assessments, what changed since the last one, evidence for each answer, and the plan as tracked items with owners and due dates.',
	savePrivacy:
		'Saving sends this result’s answers to this site’s server, which keeps them in the workspace — with the name you give, if any — until the workspace is deleted; anyone who can open the workspace can read them. Nothing of this result is stored on the server unless you press “Save to workspace”.',
	saveWhere: 'Save to',
	saveNew: 'A new workspace',
	saveName: 'Organisation or team (the workspace’s name)',
	saveSavedBy: 'Your name (optional, shown beside this milestone)',
	saveButton: 'Save to workspace',
	saveSignIn: 'With sign-in on, a new workspace belongs to accounts: sign in to create one.',
	saveSignInButton: 'Sign in to save',
	// The workspace page.
	description:
		'A workspace of the AI infrastructure readiness check: results over time, evidence per answer and a tracked plan.',
	latest: 'Latest milestone',
	openMilestone: (seq: number) => `Milestone ${seq}: the answers and their evidence`,
	trend: 'Trend',
	trendCaption: 'Group and dimension scores at each milestone (0–100; risk exposure: higher = more exposed)',
	trendChart: 'The trend as a chart',
	trendOne: 'The trend starts with the second milestone: save another result here after a re-assessment.',
	trendChartFailed: 'The chart could not be loaded; the table has the same numbers.',
	since: 'Since the last milestone',
	doneReview: 'Plan items done since the last milestone',
	plan: 'The plan, tracked',
	planLead:
		'Each step of a milestone’s 30 / 60 / 90-day plan becomes an item here, once: give it an owner (a person or a team, as free text), a due date and a status. The next milestone shows which done items changed answers and which did not.',
	planEmpty: 'No plan steps yet: the plan of a milestone scored by model 3.0 fills this list.',
	planOther: 'Other steps',
	planShow: 'Show',
	planShowAll: 'All items',
	planShowOpen: 'Open items only (to do, doing)',
	planShown: (shown: number, all: number) => `Showing ${shown} of ${plural(all, 'item', 'items')}.`,
	planExports: 'Export the plan',
	jiraCsv: 'Download for Jira (CSV)',
	checklist: 'Download as a Markdown checklist',
	oscalPlan: 'Download as OSCAL POA&M (JSON)',
	jiraNote:
		'The CSV is made for Jira’s CSV importer: the docs say which field each column maps to and which settings to choose in its wizard. The OSCAL POA&M (1.1.3) carries each item’s owner, due date and status for compliance tools; like every export here it is labelled a self-assessment, not an audit.',
	item: {
		owner: 'Owner',
		ownerHint: 'A person or a team, as free text (Jira gets it in the description).',
		due: 'Due date',
		status: 'Status',
		notes: 'Notes',
		save: 'Save item',
		saved: 'Saved.',
		update: 'Update',
		from: 'From milestone',
		critical: 'Closes a critical gap',
		references: 'Framework references (a mapping, not conformance)',
		noOwner: 'No owner yet',
		noDue: 'No due date',
		overdue: 'Overdue',
		doneOn: 'Done on'
	},
	statuses: Object.freeze({ todo: 'To do', doing: 'Doing', done: 'Done', wont_do: 'Won’t do' } as Record<
		PlanItemStatus,
		string
	>),
	milestones: 'Milestones',
	milestonesCaption: 'Every milestone, the newest first',
	milestoneColumns: {
		milestone: 'Milestone',
		date: 'Date',
		kind: 'What',
		bank: 'Question bank',
		group: 'Group',
		savedBy: 'Saved by',
		evidence: 'Evidence'
	},
	savedResult: 'Saved result',
	notNamed: 'not named',
	addTeam: 'Add a closed workshop’s team result',
	addTeamLead:
		'A workshop you facilitate from this browser can add its team result here once it is closed: the team answers as they stood at close, frozen — later changes to the workshop do not change this milestone.',
	addTeamNone:
		'This browser facilitates no closed workshop with a team result. Close a workshop (from its dashboard) once the minimum group size has submitted, then come back.',
	addTeamChoose: 'Workshop',
	addTeamButton: 'Add its team result',
	addTeamSavedBy: 'Your name (optional, shown beside this milestone)',
	another: 'Add a milestone',
	anotherLead:
		'Re-assess and save the new result here: take the assessment again starting from the latest answers, change what has changed, and choose “Save to a workspace” on the result.',
	retake: 'Re-assess, starting from the latest answers',
	share: 'Who can open this workspace',
	/** Under the heading: the address bar drops the key, so the address there does not open the workspace elsewhere. */
	shareHint:
		'To share this workspace, send its private link (under “Who can open this workspace”): the address in your browser’s bar does not open it on another device.',
	privateLink: 'Private link',
	privateLinkNote:
		'Anyone holding this link can open this workspace, read its answers and evidence, change the plan and save results to it: share it like a password.',
	privateLinkUnknown:
		'This browser opened the workspace through your account, so it does not hold the private link (only its hash is kept). Whoever saved the first result has it.',
	replaceLink: 'Replace the private link',
	replaceLinkLead:
		'For a link sent to the wrong person, or held by someone who should no longer see this workspace: the current link stops working at once, for everyone who holds it. This browser gets the new one; send it to whoever should keep access.',
	replaceLinkButton: 'Replace the link now',
	linkReplaced:
		'The private link was replaced: the old one opens nothing now. The new one is above; send it to whoever should keep access.',
	deleteHeading: 'Delete this workspace',
	deleteLead:
		'Deletes it for everyone who can open it: every milestone with its answers and the names saved with it, the evidence and the plan. It cannot be undone.',
	deleteConfirm: 'Type the workspace’s name to confirm',
	deleteButton: 'Delete the workspace',
	deleted: 'The workspace was deleted, with its milestones, evidence and plan.',
	inviteHeading: 'Invite a co-owner',
	inviteLead:
		'A co-owner signs in with their own account and then opens this workspace from “Workspaces” on any device. The link works once, within 7 days.',
	inviteButton: 'Create a one-time link',
	inviteLink: 'One-time link (works once, for 7 days):',
	members: 'Accounts',
	roles: Object.freeze({ owner: 'Owner', 'co-owner': 'Co-owner' }),
	// The milestone page.
	milestone: (seq: number) => `Milestone ${seq}`,
	milestoneDescription:
		'A milestone of a workspace of the AI infrastructure readiness check: the result as it was saved, and the evidence for each answer.',
	evidence: 'Evidence per answer',
	evidenceLead:
		'For each answer, a note and links to what backs it — a policy, a dashboard, a ticket, a pipeline run. Links must be web addresses (https://…); nothing is uploaded. Evidence stays with this milestone; the next milestone starts with the evidence of every answer that did not change.',
	evidenceNote: 'Note',
	evidenceLinks: 'Links (one web address per line)',
	evidenceSave: 'Save evidence',
	evidenceSaved: 'Evidence saved.',
	evidenceFor: 'for',
	evidenceAdd: 'Add evidence',
	evidenceEdit: 'Edit evidence',
	evidenceNone: 'Asserted: no evidence given.',
	answer: 'Answer',
	downloads: 'Download this milestone',
	csvWithEvidence: 'Download CSV (answers with evidence)',
	pdfWithEvidence: 'Download PDF (with evidence)',
	oscalWithEvidence: 'Download OSCAL Assessment Results (JSON, with evidence)',
	reportColumns: { question: 'Question', evidence: 'Evidence' },
	openResult: 'Open as a result page',
	backToWorkspace: 'Back to the workspace',
	invite: {
		heading: (name: string) => `Co-own the workspace “${name}”`,
		description: 'An invitation to co-own a workspace of the AI infrastructure readiness check.',
		lead: 'You have been invited to co-own this workspace: you will find it under “Workspaces” when signed in, on any device. The link works once.',
		accept: 'Accept and add to my workspaces',
		signIn: 'Sign in first; you come back here to accept.',
		signInButton: 'Sign in with your organisation account'
	},
	footer: SITE_LABELS.storage.workspace
});
