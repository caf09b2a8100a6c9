/**
 * The team surfaces' labels and the sentences browser components need, dependency-free (like `./reserved`), so the
 * presenter view and the participant's phone can use them without loading the model's schemas (and zod) into the
 * browser. `./present-team` re-exports everything here.
 */

/** How a workshop runs. */
export type WorkshopMode = 'self_paced' | 'facilitated';
/** Where a facilitated workshop stands. */
export type FacilitationPhase = 'lobby' | 'voting' | 'revealed';
/** Where an agreed action stands. Only `open` actions carry into a follow-up session. */
export type ActionStatus = 'open' | 'done' | 'dropped';

/** Headings and button labels of the team surfaces, once. */
export const TEAM_LABELS = Object.freeze({
	modes: {
		self_paced: 'Self-paced',
		facilitated: 'Facilitated'
	} satisfies Record<WorkshopMode, string>,
	modeHints: {
		self_paced:
			'Everyone answers the whole questionnaire on their own phone, at their own pace; you watch the team result form.',
		facilitated:
			'You lead the room through one dimension at a time: a blind vote on phones, then you reveal the votes on the projector, the room discusses, may re-vote, and you record the answer the team agreed.'
	} satisfies Record<WorkshopMode, string>,
	display: 'Audience display',
	console: 'Facilitator console',
	openDisplay: 'Open the audience display',
	openConsole: 'Open the facilitator console',
	twoScreens:
		'Run the room from the facilitator console on your laptop or phone: it has the steps, the timer, the agreed answers, notes and actions. Put the audience display on the projector: it shows the join code, the open vote, the revealed question the console chooses, the timer and the team result — nothing you type. Every phone follows it.',
	closeWorkshop: 'Close workshop',
	seeTeamResult: 'See the team result',
	backToWorkshop: 'Back to the workshop',
	teamResultDescription:
		'The team result of a workshop of the AI infrastructure readiness check: the team’s group, its dimensions and its first steps, from the team’s combined answers.',
	teamScores: 'Team scores, 0–100',
	showOnDisplay: 'Show on the display',
	onDisplay: 'On the display',
	revealOrder: 'Revealed questions, most split first',
	nextUp: 'Next',
	mostSplit: 'Most split questions',
	closeConfirm: 'Close the workshop now',
	closeKeepOpen: 'Keep it open',
	saved: 'Saved.',
	orVoteOn: 'Or vote on',
	heldBack: 'earlier figures held back',
	backToTop: 'Back to the controls',
	connection: { live: 'live', polling: 'updating every 2 s', connecting: 'connecting…' },
	fullScreen: 'Full screen',
	exitFullScreen: 'Leave full screen',
	start: 'Open the first vote',
	open: 'Open the vote',
	reveal: 'Reveal the votes',
	revote: 'Re-vote',
	next: 'Next dimension',
	nextLensSection: 'Next lens section',
	close: 'Close and show the team result',
	reopen: 'Reopen the workshop',
	saveAgreement: 'Save',
	previousQuestion: 'Previous question',
	nextQuestion: 'Next question',
	agreedAnswer: 'Agreed team answer',
	noAgreedAnswer: 'None agreed: use the median',
	note: 'Discussion note',
	action: 'Agreed action',
	actionOwner: 'Owner (a role or a name)',
	actionDue: 'Due',
	actionStatus: 'Status',
	actionStatuses: {
		open: 'Open',
		done: 'Done',
		dropped: 'Dropped'
	} satisfies Record<ActionStatus, string>,
	followUp: 'New session from this one',
	submitVote: 'Submit my vote',
	timerLength: 'Timer',
	timerClosesVote: 'Close the vote at zero',
	startVoteTimer: 'Start the vote timer',
	startDiscussionTimer: 'Start the discussion timer',
	stopTimer: 'Stop the timer',
	yourVote: 'Your vote',
	teamResult: 'Team result',
	yourResult: 'Your result',
	dashboard: 'Dashboard',
	joinCode: 'Join code',
	agreed: 'Agreed',
	median: 'Median',
	notCovered: 'Not covered',
	reportKicker: 'AI Infrastructure Readiness Check · Team report',
	cover: 'Team result',
	summary: 'Executive summary',
	result: 'The team result',
	formed: 'How the team result was formed',
	scores: 'Dimension scores and how far individuals spread',
	survey: 'The team against the survey',
	confidence: 'Confidence against practice',
	tierSpread: 'Where individual answers place people',
	split: 'Where the team disagreed most',
	discussion: 'Discussion notes and agreed actions',
	plan: 'The team’s 30 / 60 / 90-day plan',
	method: 'How these figures were made'
});

/** What is wrong with typed text as a join code (`joinCodeProblem` in the server's tokens module). */
export type JoinCodeTypo =
	| { kind: 'empty' }
	| { kind: 'not_letters'; typed: string; characters: string[] }
	| { kind: 'never_used'; typed: string; characters: string[] }
	| { kind: 'length'; typed: string; length: number };

const CHARACTER_NAMES: Record<string, string> = {
	O: 'the letter O',
	'0': 'the digit 0',
	I: 'the letter I',
	L: 'the letter L',
	'1': 'the digit 1'
};

/** A message about what was typed where a join code was expected, saying what is wrong with it. */
export function joinCodeMessage(problem: JoinCodeTypo): string {
	const and = (items: string[]) =>
		items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
	switch (problem.kind) {
		case 'empty':
			return 'Type the join code your facilitator shows: 6 letters and digits, for example 4KX9QM.';
		case 'not_letters':
			return `“${problem.typed}” has ${and(problem.characters.map((c) => `“${c}”`))}: a join code has only letters and digits, for example 4KX9QM.`;
		case 'never_used':
			return `“${problem.typed}” has ${and(problem.characters.map((c) => CHARACTER_NAMES[c] ?? `“${c}”`))}, which no join code uses (codes leave out O, 0, I, L and 1, so that none can be misread). Check ${problem.characters.length === 1 ? 'that character' : 'those characters'} on the facilitator’s screen.`;
		case 'length':
			return `“${problem.typed}” has ${problem.length} ${problem.length === 1 ? 'character' : 'characters'}; a join code has 6. Check it on the facilitator’s screen.`;
	}
}

/** A well-formed code no workshop has. */
export function unknownJoinCodeMessage(code: string): string {
	return `No workshop has the code “${code}”. Check it with your facilitator.`;
}

/** What a phone says beside its vote button about the vote it sent. */
export const VOTE_STATUS = Object.freeze({
	offline: 'You’re offline — your vote will be sent when you’re back online. Keep this page open.',
	sending: 'Sending your vote…',
	in: 'Your vote is in. You can change it until the facilitator reveals the votes.',
	notYet: 'Not sent yet.',
	empty: 'Choose an answer to at least one question first: a vote with nothing chosen is not sent.',
	changeVote: 'Change my vote'
});

/**
 * Said on the phone when a vote leaves questions unanswered, before it is sent: Enter in a field sends the form, and a
 * vote sent by accident with one answer of seven is not what the room discusses.
 */
export function partialVote(answered: number, asked: number): string {
	return `You answered ${answered} of ${asked} questions. Answer the rest, or press the button again to send your vote as it is: the questions left count as unanswered.`;
}

/** Where a participant's own answers place them (on their phone only), by the group's label. */
export function ownPlacement(groupLabel: string | null): string {
	return groupLabel ? `Your answers place you in ${groupLabel}.` : 'Too few answers to place you in a group.';
}

/** Where the team's answers place the team, by the group's label. */
export function teamPlacement(groupLabel: string | null): string {
	return groupLabel ? `The team is in ${groupLabel}.` : 'Too few team answers to place the team in a group.';
}

/** The QR code's text alternative. */
export function qrAlt(joinUrl: string): string {
	return `QR code for the join link ${joinUrl}`;
}

/** An open vote on the display: how many questions, answered where. */
export function blindQuestionsLine(questions: number): string {
	return `${questions === 1 ? '1 question' : `${questions} questions`}, answered blind on every phone.`;
}

/** A close sent without the confirmation (an old form, or a script): refused, nothing changes. */
export const CLOSE_UNCONFIRMED =
	'Closing needs your confirmation: open “Close and show the team result”, read what the close does, and confirm.';

/** How to join, on the audience display beside the QR code and the code. */
export function joinLine(host: string): string {
	return host
		? `Join on your phone: scan the code, or open ${host}/join and type`
		: 'Join on your phone: scan the code, or type';
}

/** Why the figures cannot give anyone away, for facilitated workshops (presenter, phones, dashboard). */
export function revealPrivacyLine(minGroupSize: number): string {
	return `A question’s figures change only when at least ${minGroupSize} answers to it have changed, so no one’s vote can be read from a reveal.`;
}

/**
 * What a participant is told before their first answer: what the facilitator will see (SECURITY.md has the full
 * account, including what a dishonest facilitator could try).
 */
export function facilitatorSeesLines(mode: WorkshopMode, minGroupSize: number): { items: string[]; closing: string } {
	const k = minGroupSize;
	const items =
		mode === 'facilitated'
			? [
					'How many people have joined, and how many have voted in the open vote.',
					`When the facilitator reveals a vote — shown on the screen and on every phone — for each question how many chose each option, once at least ${k} people have answered it.`,
					`A question’s figures change only when at least ${k} people have changed their answer to it together, so nobody can read one person’s vote from a reveal or a re-vote.`,
					'After the workshop closes, the team result: the answers the room agreed, and the median of the votes elsewhere.'
				]
			: [
					'How many people have joined and submitted.',
					`The team’s combined answers — for each question how many chose each option, the team’s scores and how spread out they are — once at least ${k} people have submitted.`,
					`Those figures change only when at least ${k} new or changed responses have come in together, so nobody can read one person’s answers from a change. Answers that come in after the last group, fewer than ${k}, stay out of the team result when the workshop closes — and if yours are among them, this page says so.`
				];
	return {
		items,
		closing:
			'Your facilitator never sees your answers on their own, your own result or your name next to anything. Your name is optional and only shown to you. The answers are stored on this site’s server until the workshop is deleted.'
	};
}

const responsesCount = (n: number) => (n === 1 ? '1 response' : `${n} responses`);

/**
 * After close, to a participant whose response (`released`: an earlier version of it) is not in the team result:
 * it came in after the last release with fewer than the minimum group size after it.
 */
export function leftOutLine(minGroupSize: number, released: boolean): string {
	return released
		? `The team result holds your earlier answers, not your last changes: fewer than ${minGroupSize} people changed their answers after the team result last changed, and adding your changes on their own would let someone work out what you changed.`
		: `Your answers are not in the team result: they came in after it last changed, and fewer than ${minGroupSize} people answered after that, so adding them on their own would let someone work out your answers. They still make your own result.`;
}

/** How many submitted responses are not in the team result, and why (the team report and CSV say it too). */
export function leftOutOfFiguresLine(count: number, minGroupSize: number): string {
	const verb = count === 1 ? 'is' : 'are';
	return `${responsesCount(count)} came in after the figures last changed and ${verb} not included in the team result: fewer than ${minGroupSize}, they would show their senders’ answers as the difference they make.`;
}

/** After close, to the facilitator: how many responses are not in the team result, why, and what reopening does. */
export function leftOutOfTeamLine(count: number, minGroupSize: number): string {
	return `${leftOutOfFiguresLine(count, minGroupSize)} Their senders are told on their phones. If you reopen the workshop, they are added once ${minGroupSize - count} more new or changed ${minGroupSize - count === 1 ? 'response arrives' : 'responses arrive'}.`;
}

/** Beside an action carried into this session: the session it was first agreed in. */
export function carriedFromLine(date: string): string {
	return `Carried from the session of ${date}: review it first.`;
}

/**
 * Under "New session from this one": what the follow-up starts with — the open actions it carries (those on questions
 * the current questionnaire no longer asks stay behind) and this session's team result beside the new one.
 */
export function followUpLine(open: number, notCarried: number): string {
	const carried = open - notCarried;
	const its = (n: number) => (n === 1 ? 'its question' : 'their questions');
	const actions =
		open === 0
			? 'No action is open, so none is carried.'
			: carried === 0
				? `${open === 1 ? 'The open action stays' : `The ${open} open actions stay`} here: the current questionnaire no longer asks ${its(open)}.`
				: `${carried === 1 ? '1 open action is' : `${carried} open actions are`} carried, to be reviewed first${
						notCarried > 0
							? `; ${notCarried} ${notCarried === 1 ? 'stays' : 'stay'} here (the current questionnaire no longer asks ${its(notCarried)})`
							: ''
					}.`;
	return `Starts a follow-up workshop for the same client, with a new join code. ${actions} The new team PDF and CSV show this session’s team result beside the new one.`;
}

/** Before a self-paced workshop closes: how many responses the close leaves out of the team result, and why. */
export function closingLeavesOutLine(count: number, minGroupSize: number): string {
	const one = count === 1;
	return `${responsesCount(count)} came in after the figures last changed: closing now leaves ${one ? 'it' : 'them'} out of the team result, because fewer than ${minGroupSize} would show ${one ? 'its sender’s answers' : 'their senders’ answers'} as the difference ${one ? 'it makes' : 'they make'}.`;
}

/** What a timer times. */
export type TimerKind = 'vote' | 'discussion';

/** The lengths the presenter can pick for a timer, in seconds. */
export const TIMER_CHOICES: readonly number[] = [30, 60, 90, 120, 180, 300, 600];

/** A timer's length or what is left of it, as the room reads it: "0:45", "3:00", "10:00". */
export function clockTime(ms: number): string {
	const seconds = Math.max(0, Math.ceil(ms / 1000));
	return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A timer's label, what reaching zero will do, and what is said when it has. */
export function timerLines(kind: TimerKind, closesVote: boolean): { label: string; untilZero: string; zero: string } {
	if (kind === 'discussion')
		return {
			label: 'Discussion time',
			untilZero: 'A guide for the discussion: nothing closes at zero.',
			zero: 'Time is up for this discussion.'
		};
	return closesVote
		? {
				label: 'Time to vote',
				untilZero: 'At zero the vote closes: later votes are not counted.',
				zero: 'Time is up: the vote is closed. Votes sent now are not counted.'
			}
		: {
				label: 'Time to vote',
				untilZero: 'A guide: votes still count after zero, until the facilitator reveals them.',
				zero: 'Time is up. Votes still count until the facilitator reveals them.'
			};
}
