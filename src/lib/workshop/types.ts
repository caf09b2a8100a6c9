/**
 * What the facilitator dashboard shows, as plain data: built on the server (`$lib/server/dashboard`) from the team
 * statistics (`$scoring/team-stats`), sent as page data, over the event stream and by the polling fallback, and
 * rendered by the dashboard's components. Types only, so browser code can import them.
 */
import type { DistributionRow } from '$scoring/present/result';
import type { TeamDimensionRow } from '$scoring/present/team';
import type { FacilitationPhase, WorkshopMode } from '$scoring/present/team-labels';
import type { DimensionId, TierId } from '$scoring/schema';
import type { TeamLensSection } from '$scoring/present/lens';

export type {
	ConsoleRecord,
	ConsoleState,
	RevealQuestion,
	RoomState,
	RoomTeam,
	RoomTimer
} from '$scoring/present/team';
export type { FacilitationPhase, WorkshopMode };

/** One option of a question with how many chose it. */
export interface OptionCell {
	label: string;
	count: number;
	/** Share of those who chose an option, 0–1. */
	share: number;
}

/** How the team answered one question. */
export interface QuestionView {
	questionId: string;
	question: string;
	/** The dimension's label ('' for none). */
	dimension: string;
	answered: number;
	/** Reserved answers (N/A, don't know) with their labels. */
	reserved: { label: string; count: number }[];
	skipped: number;
	/** 0–1; null when fewer than the minimum group size chose an option (suppressed). */
	disagreement: number | null;
	/** The disagreement in words (`disagreementBand`). */
	band: string;
	/** The team answer's label; null when there is none. */
	teamAnswer: string | null;
	/** How the team answer was formed: agreed in discussion, or the median of the answers. */
	source: 'agreed' | 'median' | null;
	/** Every option, lowest score first; null when suppressed. */
	options: OptionCell[] | null;
}

/** One dimension: the team score, the confidence gap from the same team answers, and the spread of individuals. */
export interface DimensionView {
	dimension: DimensionId;
	label: string;
	score: number | null;
	confidence: number | null;
	practice: number | null;
	gap: number | null;
	overconfident: boolean;
	respondents: number;
	answeredBy: number;
	/** Whether at least the minimum group size answered the dimension; when not, every figure is null. */
	covered: boolean;
	/** Standard deviation of individual scores, points; null below the minimum group size. */
	spread: number | null;
	/** The confidence gap in a sentence. */
	sentence: string;
}

export interface TeamView {
	size: number;
	tier: TierId | null;
	tierLabel: string | null;
	/** Team foundations (control), 0–100. */
	control: number | null;
	/** How many responses, how the team answers were formed, the foundations and coverage, in sentences. */
	figuresLine: string;
	coverage: number;
	/** How the team answers were formed (agreed in discussion, the median), in a sentence. */
	formed: string;
	/** How many team answers were agreed, and how many are medians. */
	agreed: number;
	median: number;
	/** The team result's dimension scores (none for a dimension not covered): the radar and its table. */
	dimensions: TeamDimensionRow[];
	/** Which dimensions the team result does not cover, in a sentence; null when it covers every one. */
	notCovered: string | null;
	/** The survey's tier distribution with the team's tier marked, and the sentence that places it. */
	survey: { distribution: DistributionRow[]; sentence: string | null; source: string };
	/** Per dimension: confidence gap and spread. */
	confidence: DimensionView[];
	/** Individuals per tier, most mature first; empty when withheld (a group under the minimum size). */
	tierCounts: { tier: TierId | 'unplaced'; label: string; count: number }[];
	/** Why the counts are withheld, when they are. */
	tierCountsWithheld: string | null;
	/** The few questions the team is most split on, most first. */
	mostSplit: QuestionView[];
	/** Every practice and confidence question, most split first (suppressed ones last). */
	questions: QuestionView[];
	bank: string;
	version: string;
}

/** A facilitated workshop's progress, on the dashboard. */
export interface FacilitationView {
	phase: FacilitationPhase;
	/** The dimension open for voting or revealed; null before the first vote. */
	item: string | null;
	round: number;
	voted: number;
	/** Where the workshop stands, in a sentence. */
	line: string;
	/** Why the figures cannot give anyone away. */
	privacy: string;
}

export interface DashboardState {
	status: 'open' | 'closed';
	mode: WorkshopMode;
	/** Null for a self-paced workshop. */
	facilitation: FacilitationView | null;
	joined: number;
	submitted: number;
	/** New or changed responses not yet in the figures. */
	pending: number;
	/** Responses in the figures. */
	released: number;
	/** How many more new or changed responses the figures wait for before they change. */
	needed: number;
	/** A closed self-paced workshop: how many responses are not in the team result, and why; else null. */
	leftOut: string | null;
	minGroupSize: number;
	expectedGroupSize: number;
	cap: number;
	/** Changes exactly when the figures can change. */
	dataVersion: number;
	/** Null below the minimum group size. */
	team: TeamView | null;
	/** Each lens the workshop pinned: its findings from the released answers, or why there are none. */
	lenses: TeamLensSection[];
	/** While open: what closing now would do (the close confirmation), in sentences; null once closed. */
	closing: { covered: string; group: string; leftOut: string | null } | null;
}
