/**
 * The steps of a facilitated workshop as pure functions of its row: each returns what the step changes (or the
 * release it needs) or throws the {@link WorkshopError} that refuses it. The service runs them on the row locked
 * for update; nothing here reads or writes the database.
 */
import { withoutSkipped } from '$scoring/answers';
import { splitLensAnswers, withLensAnswers } from '$scoring/lens/answer-key';
import type { Lens } from '$scoring/lens/schema';
import {
	agreeableAnswers,
	agreeableLensAnswers,
	facilitationItems,
	lensQuestionOf,
	type Agreement
} from '$scoring/present/team';
import type { Answers, QuestionBank } from '$scoring/schema';
import type { WorkshopRow } from '../db/schema';
import type { BatchWorkshop } from './repository';
import { CLOSED, NOT_FACILITATED, TIME_UP, VOTE_CLOSED, WorkshopError } from './errors';

type Row = Pick<
	WorkshopRow,
	'mode' | 'status' | 'phase' | 'currentItem' | 'round' | 'voteSeq' | 'minGroupSize' | 'questionReleases'
>;

/** No timer running: every step of the facilitation (and close and reopen) clears the one that ran. */
export const NO_TIMER = {
	timerKind: null,
	timerEndsAt: null,
	timerSeconds: null,
	timerClosesVote: false
} satisfies Partial<WorkshopRow>;

/** Any facilitation step: refused for a self-paced or closed workshop. */
export function assertFacilitable(row: Pick<WorkshopRow, 'mode' | 'status'>): void {
	if (row.mode !== 'facilitated') throw new WorkshopError(409, 'not_facilitated', NOT_FACILITATED);
	if (row.status === 'closed') throw new WorkshopError(409, 'closed', CLOSED);
}

/** The open (or revealed) item of `row`: a dimension, or a pinned lens's section. */
function currentItem(row: Pick<Row, 'currentItem'>, bank: QuestionBank, lenses: readonly Lens[]) {
	return facilitationItems(bank, lenses).find((i) => i.id === row.currentItem)!;
}

/**
 * Opens a blind vote on `item` (a dimension id, or a pinned lens's section: `<lens id>:<section id>`). Opening the
 * item just revealed is a re-vote; opening the item already open changes nothing (`{}`). @throws WorkshopError 400
 * for an item that is not one of the bank's or the lenses'.
 */
export function openVote(
	row: Row,
	bank: QuestionBank,
	item: unknown,
	lenses: readonly Lens[] = []
): Partial<WorkshopRow> {
	if (typeof item !== 'string' || !facilitationItems(bank, lenses).some((i) => i.id === item))
		throw new WorkshopError(
			400,
			'invalid',
			lenses.length
				? 'Choose one of the questionnaire’s dimensions or the lens’s sections to vote on.'
				: 'Choose one of the questionnaire’s dimensions to vote on.'
		);
	if (row.currentItem === item && row.phase === 'voting') return {};
	const again = row.currentItem === item && row.phase === 'revealed';
	return {
		phase: 'voting',
		currentItem: item,
		round: again ? row.round + 1 : 1,
		voteSeq: row.voteSeq + 1,
		shownQuestion: null,
		...NO_TIMER
	};
}

/**
 * Reveals the open vote once at least the minimum group size has voted (`voted`): the phase it moves to and the
 * questions whose changed answers are released. @throws WorkshopError 409 with no open vote or too few votes.
 */
export function reveal(
	row: Row,
	bank: QuestionBank,
	voted: number,
	lenses: readonly Lens[] = []
): { set: Partial<WorkshopRow>; questionIds: string[] } {
	if (row.phase !== 'voting' || !row.currentItem)
		throw new WorkshopError(409, 'vote_closed', 'No vote is open: open a vote first.');
	if (voted < row.minGroupSize)
		throw new WorkshopError(
			409,
			'too_few',
			`The votes can be revealed once ${row.minGroupSize} people have voted (${voted} so far), so no one’s vote can be read from them.`
		);
	const item = currentItem(row, bank, lenses);
	return { set: { phase: 'revealed', shownQuestion: null, ...NO_TIMER }, questionIds: item.questionIds };
}

/** The record of which vote last released each question, after `released` were released by vote `voteSeq`. */
export function recordReleases(
	row: Pick<WorkshopRow, 'questionReleases' | 'voteSeq'>,
	released: readonly string[]
): Partial<WorkshopRow> {
	if (!released.length) return {};
	return {
		questionReleases: { ...row.questionReleases, ...Object.fromEntries(released.map((q) => [q, row.voteSeq])) }
	};
}

/**
 * Shows one question of the revealed vote on the audience display. @throws WorkshopError 409 when nothing is
 * revealed, 400 for a question that is not one of the revealed dimension's.
 */
export function showQuestion(
	row: Pick<Row, 'phase' | 'currentItem'>,
	bank: QuestionBank,
	questionId: unknown,
	lenses: readonly Lens[] = []
): Partial<WorkshopRow> {
	if (row.phase !== 'revealed' || !row.currentItem)
		throw new WorkshopError(409, 'vote_closed', 'Reveal a vote before choosing the question the display shows.');
	const item = currentItem(row, bank, lenses);
	if (typeof questionId !== 'string' || !item.questionIds.includes(questionId))
		throw new WorkshopError(400, 'invalid', 'Choose one of the revealed dimension’s questions to show.');
	return { shownQuestion: questionId };
}

/**
 * Opens the revealed item's vote again, and names its questions: their agreed answers no longer stand (the room is
 * asked again, so an answer agreed on the earlier figures would sit beside new ones). @throws WorkshopError 409 when
 * nothing is revealed.
 */
export function revote(
	row: Row,
	bank: QuestionBank,
	lenses: readonly Lens[] = []
): { set: Partial<WorkshopRow>; questionIds: string[] } {
	if (row.phase !== 'revealed' || !row.currentItem)
		throw new WorkshopError(409, 'vote_closed', 'Reveal a vote before opening a re-vote.');
	const item = currentItem(row, bank, lenses);
	return {
		set: { phase: 'voting', round: row.round + 1, voteSeq: row.voteSeq + 1, shownQuestion: null, ...NO_TIMER },
		questionIds: item.questionIds
	};
}

/**
 * Starts a timer of `seconds` from `now` (epoch ms): for the open vote (then `closesVote` says whether votes after
 * zero are refused) or for the discussion of the revealed vote (advisory). Starting one replaces the one running.
 * @throws WorkshopError 409 in the lobby, 400 for a discussion timer that would close a vote.
 */
export function startTimer(
	row: Pick<Row, 'phase' | 'currentItem'>,
	timer: { seconds: number; closesVote: boolean },
	now: number
): Partial<WorkshopRow> {
	if (!row.currentItem || row.phase === 'lobby')
		throw new WorkshopError(409, 'vote_closed', 'Open a vote before starting a timer.');
	const kind = row.phase === 'voting' ? 'vote' : 'discussion';
	if (kind === 'discussion' && timer.closesVote)
		throw new WorkshopError(400, 'invalid', 'A discussion timer cannot close a vote: no vote is open.');
	return {
		timerKind: kind,
		timerEndsAt: new Date(now + timer.seconds * 1000),
		timerSeconds: timer.seconds,
		timerClosesVote: timer.closesVote
	};
}

/** Whether the open vote's timer has reached zero and closes the vote. */
function voteTimeUp(
	row: Pick<WorkshopRow, 'phase' | 'timerKind' | 'timerEndsAt' | 'timerClosesVote'>,
	now: number
): boolean {
	return (
		row.phase === 'voting' &&
		row.timerKind === 'vote' &&
		row.timerClosesVote &&
		row.timerEndsAt !== null &&
		row.timerEndsAt.getTime() <= now
	);
}

/** What the facilitator writes for one question: an {@link Agreement} but where its action came from (kept). */
export type AgreementInput = Omit<Agreement, 'carriedFrom'>;

/**
 * What the facilitator records for one question, checked against the bank or, for a lens question (its
 * `lensAnswerKey`), the pinned lens. @throws WorkshopError 400 for an unknown question or an answer that is not one
 * of its answers.
 */
export function agreement(
	bank: QuestionBank,
	input: { questionId: string; answer: string } & Omit<AgreementInput, 'questionId' | 'agreedAnswer'>,
	lenses: readonly Lens[] = []
): AgreementInput {
	const { questionId, answer, ...record } = input;
	const inLens = lensQuestionOf(lenses, questionId);
	const question = bank.questions.find((q) => q.id === questionId && q.kind !== 'profile');
	const agreeable = inLens ? agreeableLensAnswers(inLens.question) : question ? agreeableAnswers(bank, question) : null;
	if (!agreeable) throw new WorkshopError(400, 'invalid', `There is no question "${questionId}" to agree on.`);
	if (answer !== '' && !agreeable.some((a) => a.id === answer))
		throw new WorkshopError(400, 'invalid', `"${answer}" is not an answer to this question.`);
	return {
		questionId,
		agreedAnswer: answer || null,
		note: record.note,
		action: record.action,
		actionOwner: record.actionOwner,
		actionDue: record.actionDue,
		actionStatus: record.actionStatus
	};
}

/** A follow-up's title: "Follow-up: " and the first session's title (never "Follow-up: Follow-up: …"), cut to fit. */
export function followUpTitle(title: string, max: number): string {
	const text = `Follow-up: ${title.replace(/^(Follow-up: )+/, '')}`;
	return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The open actions of a session as a follow-up on `bank` starts with them: each on the same question (questions
 * carry by id), open, with the date of the session it was first agreed in (`heldOn`, unless it was carried there
 * already); no agreed answer or note — those belong to the earlier session. Actions whose question `bank` does not
 * ask stay behind (`notCarried`).
 */
export function carriedActions(
	agreements: readonly Agreement[],
	bank: QuestionBank,
	heldOn: string
): { carried: Agreement[]; notCarried: number } {
	const asked = new Set(bank.questions.filter((q) => q.kind !== 'profile').map((q) => q.id));
	const open = agreements.filter((a) => a.action !== null && a.actionStatus === 'open');
	const carried = open
		.filter((a) => asked.has(a.questionId))
		.map((a) => ({
			questionId: a.questionId,
			agreedAnswer: null,
			note: null,
			action: a.action,
			actionOwner: a.actionOwner,
			actionDue: a.actionDue,
			actionStatus: 'open' as const,
			carriedFrom: a.carriedFrom ?? heldOn
		}));
	return { carried, notCarried: open.length - carried.length };
}

/**
 * Why a submission to this workshop is refused at `now` (closed; a facilitated workshop without an open vote, or
 * whose vote timer has closed it), if it is.
 */
export function submissionRefusal(row: BatchWorkshop, now: number): WorkshopError | undefined {
	if (row.status === 'closed') return new WorkshopError(409, 'closed', CLOSED);
	if (row.mode === 'facilitated' && (row.phase !== 'voting' || !row.currentItem))
		return new WorkshopError(409, 'vote_closed', VOTE_CLOSED);
	if (row.mode === 'facilitated' && voteTimeUp(row, now)) return new WorkshopError(409, 'vote_closed', TIME_UP);
	return undefined;
}

/**
 * Whether `submitted` answers at least one question of the open item: a vote with nothing chosen is no vote, and is
 * not counted among those who voted (it showed as a vote and helped unlock the reveal).
 */
export function answersItem(
	bank: QuestionBank,
	submitted: Answers,
	item: string,
	lenses: readonly Lens[] = []
): boolean {
	const questions = facilitationItems(bank, lenses).find((i) => i.id === item)?.questionIds ?? [];
	return questions.some((q) => submitted[q] !== undefined);
}

/**
 * A facilitated vote: the stored answers with the open item's questions replaced by the submitted ones (answers
 * to other questions in the submission are ignored), without answers to gated questions that are not asked. A
 * lens section's vote (`lenses`: the pinned ones) replaces its lens questions' answers the same way; lens answers
 * are kept beside the survey's.
 */
export function mergeVote(
	bank: QuestionBank,
	stored: Answers,
	submitted: Answers,
	item: string,
	lenses: readonly Lens[] = []
): Answers {
	const questions = new Set(facilitationItems(bank, lenses).find((i) => i.id === item)?.questionIds ?? []);
	const merged: Answers = {};
	for (const [q, a] of Object.entries(stored)) if (!questions.has(q)) merged[q] = a;
	for (const [q, a] of Object.entries(submitted)) if (questions.has(q)) merged[q] = a;
	const { survey, lenses: byLens } = splitLensAnswers(merged);
	let kept = withoutSkipped(bank, survey);
	for (const [id, answers] of byLens) kept = withLensAnswers(kept, { lens: { id }, answers });
	return kept;
}
