/**
 * The steps of a facilitated workshop as pure functions of its row: each returns what the step changes (or the
 * release it needs) or throws the {@link WorkshopError} that refuses it. The service runs them on the row locked
 * for update; nothing here reads or writes the database.
 */
import { withoutSkipped } from '$scoring/answers';
import { agreeableAnswers, facilitationItems, type Agreement } from '$scoring/present-team';
import type { Answers, QuestionBank } from '$scoring/schema';
import type { WorkshopRow } from '../db/schema';
import type { BatchWorkshop } from './repository';
import { CLOSED, NOT_FACILITATED, VOTE_CLOSED, WorkshopError } from './errors';

type Row = Pick<WorkshopRow, 'mode' | 'status' | 'phase' | 'currentItem' | 'round' | 'voteSeq' | 'minGroupSize'>;

/** Any facilitation step: refused for a self-paced or closed workshop. */
export function assertFacilitable(row: Pick<WorkshopRow, 'mode' | 'status'>): void {
	if (row.mode !== 'facilitated') throw new WorkshopError(409, 'not_facilitated', NOT_FACILITATED);
	if (row.status === 'closed') throw new WorkshopError(409, 'closed', CLOSED);
}

/**
 * Opens a blind vote on `item` (a dimension id). Opening the item just revealed is a re-vote; opening the item
 * already open changes nothing (`{}`). @throws WorkshopError 400 for an item that is not one of the bank's.
 */
export function openVote(row: Row, bank: QuestionBank, item: unknown): Partial<WorkshopRow> {
	if (typeof item !== 'string' || !facilitationItems(bank).some((i) => i.id === item))
		throw new WorkshopError(400, 'invalid', 'Choose one of the questionnaire’s dimensions to vote on.');
	if (row.currentItem === item && row.phase === 'voting') return {};
	const again = row.currentItem === item && row.phase === 'revealed';
	return { phase: 'voting', currentItem: item, round: again ? row.round + 1 : 1, voteSeq: row.voteSeq + 1 };
}

/**
 * Reveals the open vote once at least the minimum group size has voted (`voted`): the phase it moves to and the
 * questions whose changed answers are released. @throws WorkshopError 409 with no open vote or too few votes.
 */
export function reveal(
	row: Row,
	bank: QuestionBank,
	voted: number
): { set: Partial<WorkshopRow>; questionIds: string[] } {
	if (row.phase !== 'voting' || !row.currentItem)
		throw new WorkshopError(409, 'vote_closed', 'No vote is open: open a vote first.');
	if (voted < row.minGroupSize)
		throw new WorkshopError(
			409,
			'too_few',
			`The votes can be revealed once ${row.minGroupSize} people have voted (${voted} so far), so no one’s vote can be read from them.`
		);
	const item = facilitationItems(bank).find((i) => i.id === row.currentItem)!;
	return { set: { phase: 'revealed' }, questionIds: item.questionIds };
}

/** Opens the revealed item's vote again. @throws WorkshopError 409 when nothing is revealed. */
export function revote(row: Row): Partial<WorkshopRow> {
	if (row.phase !== 'revealed' || !row.currentItem)
		throw new WorkshopError(409, 'vote_closed', 'Reveal a vote before opening a re-vote.');
	return { phase: 'voting', round: row.round + 1, voteSeq: row.voteSeq + 1 };
}

/**
 * What the facilitator records for one question, checked against the bank. @throws WorkshopError 400 for an
 * unknown question or an answer that is not one of its answers.
 */
export function agreement(
	bank: QuestionBank,
	input: { questionId: string; answer: string; note: string | null; action: string | null }
): Agreement {
	const { questionId, answer, note, action } = input;
	const question = bank.questions.find((q) => q.id === questionId && q.kind !== 'profile');
	if (!question) throw new WorkshopError(400, 'invalid', `There is no question "${questionId}" to agree on.`);
	if (answer !== '' && !agreeableAnswers(bank, question).some((a) => a.id === answer))
		throw new WorkshopError(400, 'invalid', `"${answer}" is not an answer to this question.`);
	return { questionId, agreedAnswer: answer || null, note, action };
}

/** Why a submission to this workshop is refused now (closed; a facilitated workshop without an open vote), if it is. */
export function submissionRefusal(row: BatchWorkshop): WorkshopError | undefined {
	if (row.status === 'closed') return new WorkshopError(409, 'closed', CLOSED);
	if (row.mode === 'facilitated' && (row.phase !== 'voting' || !row.currentItem))
		return new WorkshopError(409, 'vote_closed', VOTE_CLOSED);
	return undefined;
}

/**
 * A facilitated vote: the stored answers with the open item's questions replaced by the submitted ones (answers
 * to other questions in the submission are ignored), without answers to gated questions that are not asked.
 */
export function mergeVote(bank: QuestionBank, stored: Answers, submitted: Answers, item: string): Answers {
	const questions = new Set(facilitationItems(bank).find((i) => i.id === item)?.questionIds ?? []);
	const merged: Answers = {};
	for (const [q, a] of Object.entries(stored)) if (!questions.has(q)) merged[q] = a;
	for (const [q, a] of Object.entries(submitted)) if (questions.has(q)) merged[q] = a;
	return withoutSkipped(bank, merged);
}
