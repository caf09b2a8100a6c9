/**
 * The release rule: the privacy core of a workshop. What the facilitator (and, after close, the participants) can
 * see of the team is computed only from *released* answers; this module decides what is released and when.
 *
 * The rule (spec; tests/lib/server/workshops/release.test.ts checks each line):
 * 1. A new or edited response is *pending*: it is not in any figure. An edit back to what was released is not a
 *    change (the response is no longer pending).
 * 2. Self-paced workshops release all pending responses together, and only when at least `k` (the minimum group
 *    size) are pending — or, while fewer than `k` are released (no figure has been shown yet), once there are `k`
 *    responses in all. So any two figures the facilitator sees differ by at least `k` responses.
 * 3. Closing releases nothing more: responses that came in after the last release, fewer than `k`, stay out of the
 *    team result (releasing them would show the difference they make). Their participants are told, and the
 *    facilitator sees how many; reopening lets them in with the next `k`.
 * 4. Facilitated workshops release question by question, at a reveal (the open dimension's questions) and at close
 *    (every question): a question's changed answers are released together once at least `k` responses changed
 *    their answer to *that* question since its last release — a batch of `k` changed responses is not enough, since
 *    each may have changed a different question. What is not released stays pending.
 * 5. Releases of one workshop are serialised (`lockReleases`), so two transactions never each release part of one
 *    batch.
 */
import { answerOf } from '$scoring/answers';
import type { Answers } from '$scoring/schema';
import type { PendingResponse, ReleaseCounts, ReleaseWrite, WorkshopStatements } from './repository';

/** Rule 2: whether a self-paced workshop's pending responses are released now. */
export function selfPacedReleaseDue(counts: ReleaseCounts, k: number): boolean {
	const { pending, released, total } = counts;
	return pending > 0 && (pending >= k || (released < k && total >= k));
}

/** Whether two answer sets give the same answer (or none) to every question. */
function sameAnswers(a: Answers, b: Answers): boolean {
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	for (const key of keys) if (answerOf(a, key) !== answerOf(b, key)) return false;
	return true;
}

/**
 * Rule 4: the questions whose pending answers are released — of `questionIds`, or of every question a pending
 * response answers now or answered when last released (`null`) — those at least `k` responses changed.
 */
export function questionsDue(rows: readonly PendingResponse[], questionIds: readonly string[] | null, k: number) {
	const questions = questionIds ?? [
		...new Set(rows.flatMap((r) => [...Object.keys(r.answers), ...Object.keys(r.released ?? {})]))
	];
	return questions.filter(
		(q) => rows.filter((r) => answerOf(r.answers, q) !== answerOf(r.released ?? {}, q)).length >= k
	);
}

/**
 * Rule 4: what releasing `due` writes — each response that changed one of them gets those answers released, and
 * stays pending if it still differs from what is released.
 */
export function releaseWrites(rows: readonly PendingResponse[], due: readonly string[]): ReleaseWrite[] {
	const writes: ReleaseWrite[] = [];
	for (const r of rows) {
		const released: Answers = { ...(r.released ?? {}) };
		let changed = false;
		for (const q of due) {
			const now = answerOf(r.answers, q);
			if (now === answerOf(released, q)) continue;
			changed = true;
			if (now === undefined) delete released[q];
			else released[q] = now;
		}
		if (changed) writes.push({ id: r.id, released, pending: !sameAnswers(r.answers, released) });
	}
	return writes;
}

/**
 * Rule 2 in a transaction, after a submission: releases a self-paced workshop's pending responses when that is due.
 * Returns whether anything was released.
 */
export async function releaseSelfPaced(
	tx: WorkshopStatements,
	workshop: { id: string; minGroupSize: number }
): Promise<boolean> {
	const { id, minGroupSize: k } = workshop;
	await tx.lockReleases(id);
	if (!selfPacedReleaseDue(await tx.releaseCounts(id, k), k)) return false;
	await tx.releaseAllPending(id);
	return true;
}

/**
 * Rule 4 in a transaction: releases a facilitated workshop's changed answers to `questionIds` (at a reveal) or to
 * every question (`null`, at close). Returns the questions released (none: nothing was).
 */
export async function releaseQuestions(
	tx: WorkshopStatements,
	workshop: { id: string; minGroupSize: number },
	questionIds: readonly string[] | null
): Promise<string[]> {
	await tx.lockReleases(workshop.id);
	const rows = await tx.pendingResponsesForUpdate(workshop.id);
	const due = questionsDue(rows, questionIds, workshop.minGroupSize);
	if (!due.length) return [];
	await tx.writeReleases(releaseWrites(rows, due));
	return due;
}

/**
 * What the team result would hold if the workshop closed now, for the close confirmation: every response's
 * released answers, with a facilitated workshop's close release (rule 4, every question) applied in memory and a
 * self-paced one's pending responses left out (rule 3). Nothing is written; the caller shows only counts from it
 * (who answered which dimension), never figures, so no confirmation shows answers ahead of the close.
 */
export function releasedAtClose(
	rows: readonly (PendingResponse & { pending: boolean })[],
	mode: 'self_paced' | 'facilitated',
	k: number
): Answers[] {
	const pending = rows.filter((r) => r.pending);
	const writes =
		mode === 'facilitated'
			? new Map(releaseWrites(pending, questionsDue(pending, null, k)).map((w) => [w.id, w]))
			: null;
	return rows.flatMap((r) => {
		const released = writes?.get(r.id)?.released ?? r.released;
		return released ? [released] : [];
	});
}
