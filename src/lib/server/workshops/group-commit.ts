/**
 * Group commit of submissions: everything that arrives while one transaction runs goes into the next one, and each
 * submission is acknowledged only after its transaction commits. One batch holds at most one submission per
 * participant; a submission refused for its own reason (closed, no open vote, invalid merge) fails alone, and an
 * unexpected failure of a batch retries each of its submissions alone.
 */
import { randomUUID } from 'node:crypto';
import type { Answers, QuestionBank } from '$scoring/schema';
import { surveyAnswersOf } from '$scoring/lens/answer-key';
import type { Lens } from '$scoring/lens/schema';
import { AnswersError, validateAnswers } from '$scoring/model/v2/score';
import type { SubmitOutcome } from './dto';
import { NOT_FOUND, WorkshopError } from './errors';
import { answersItem, mergeVote, submissionRefusal } from './facilitation';
import { releaseSelfPaced } from './release';
import type { WorkshopRepository } from './repository';

/** Most submissions one group-commit transaction takes. */
const MAX_BATCH = 200;

/** A submission, already validated, waiting for its group commit. */
export interface QueuedSubmission {
	workshopId: string;
	bank: QuestionBank;
	/** The workshop's pinned lenses this site has: their sections are voted on too. */
	lenses?: readonly Lens[];
	participantId: string;
	answers: Answers;
	idempotencyKey: string;
}

interface Waiting extends QueuedSubmission {
	resolve: (outcome: SubmitOutcome) => void;
	reject: (error: unknown) => void;
}

type ItemResult = { ok: SubmitOutcome } | { error: WorkshopError };

/**
 * Writes one batch in one transaction; per-item refusals are results, unexpected failures throw. Returns the
 * workshops whose responses changed.
 */
async function commitBatch(
	repository: WorkshopRepository,
	batch: readonly QueuedSubmission[]
): Promise<{ results: ItemResult[]; changed: Set<string> }> {
	const changed = new Set<string>();
	const results = await repository.transaction(async (tx) => {
		// FOR SHARE: a concurrent close, reveal or new vote either precedes this batch or waits for it.
		const rows = await tx.workshopsForShare([...new Set(batch.map((b) => b.workshopId))]);
		const workshopOf = new Map(rows.map((r) => [r.id, r]));
		// A vote closed by its timer is closed for everything in the batch read after zero.
		const now = Date.now();
		const results: (ItemResult | undefined)[] = batch.map((item) => {
			const row = workshopOf.get(item.workshopId);
			if (!row) return { error: new WorkshopError(404, 'not_found', NOT_FOUND) };
			const refusal = submissionRefusal(row, now);
			return refusal && { error: refusal };
		});
		// A vote in a facilitated workshop changes only the open item's answers: the rest stay as stored.
		const prepared = new Map<number, { answers: Answers; votedSeq: number | null }>();
		const votes = batch
			.map((item, i) => ({ item, i }))
			.filter(({ item, i }) => !results[i] && workshopOf.get(item.workshopId)!.mode === 'facilitated');
		if (votes.length) {
			const stored = await tx.storedAnswers(
				votes.map((v) => v.item.participantId),
				true
			);
			for (const { item, i } of votes) {
				const row = workshopOf.get(item.workshopId)!;
				const answers = mergeVote(
					item.bank,
					stored.get(item.participantId) ?? {},
					item.answers,
					row.currentItem!,
					item.lenses
				);
				try {
					// Lens answers were checked against the pinned lens when submitted; the survey's are checked merged.
					validateAnswers(item.bank, surveyAnswersOf(answers));
					const voted = answersItem(item.bank, item.answers, row.currentItem!, item.lenses);
					prepared.set(i, { answers, votedSeq: voted ? row.voteSeq : null });
				} catch (error) {
					if (!(error instanceof AnswersError)) throw error;
					results[i] = { error: new WorkshopError(400, 'invalid', error.message) };
				}
			}
		}
		const writes = batch
			.map((item, i) => ({ item, i }))
			.filter(({ i }) => results[i] === undefined)
			.map(({ item, i }) => ({
				index: i,
				write: {
					id: randomUUID(),
					workshopId: item.workshopId,
					participantId: item.participantId,
					answers: prepared.get(i)?.answers ?? item.answers,
					idempotencyKey: item.idempotencyKey,
					votedSeq: prepared.get(i)?.votedSeq ?? null
				}
			}));
		if (writes.length) {
			const written = await tx.upsertResponses(writes.map((w) => w.write));
			const inserted = new Map(written.map((w) => [w.participantId, w.inserted]));
			// A retry of the stored submission wrote nothing: it is answered with what is stored.
			const unchanged = writes.filter(({ write }) => !inserted.has(write.participantId));
			const stored = unchanged.length
				? await tx.storedAnswers(unchanged.map(({ write }) => write.participantId))
				: new Map<string, Answers>();
			for (const { index, write } of writes) {
				const { participantId, answers } = write;
				if (inserted.has(participantId)) {
					changed.add(write.workshopId);
					results[index] = { ok: { status: inserted.get(participantId) ? 'created' : 'updated', answers } };
				} else results[index] = { ok: { status: 'unchanged', answers: stored.get(participantId) ?? answers } };
			}
			// Self-paced workshops release in batches as responses arrive; facilitated ones only at a reveal or close.
			for (const id of changed) {
				const row = workshopOf.get(id)!;
				if (row.mode === 'self_paced') await releaseSelfPaced(tx, row);
			}
		}
		return results as ItemResult[];
	});
	return { results, changed };
}

/**
 * The submission queue over one repository. `submit` resolves once the submission's transaction has committed;
 * `onChanged` is told of every workshop whose responses a committed batch changed.
 */
export function createSubmissionQueue(repository: WorkshopRepository, onChanged: (workshopId: string) => void) {
	const queue: Waiting[] = [];
	let committing = false;

	/** Up to MAX_BATCH queued submissions, at most one per participant (a second waits for the next batch). */
	function takeBatch(): Waiting[] {
		const batch: Waiting[] = [];
		const seen = new Set<string>();
		for (let i = 0; i < queue.length && batch.length < MAX_BATCH;) {
			const item = queue[i]!;
			if (seen.has(item.participantId)) i++;
			else {
				seen.add(item.participantId);
				batch.push(item);
				queue.splice(i, 1);
			}
		}
		return batch;
	}

	async function commitAndSettle(batch: Waiting[]): Promise<void> {
		const { results, changed } = await commitBatch(repository, batch);
		batch.forEach((item, i) => {
			const r = results[i]!;
			if ('ok' in r) item.resolve(r.ok);
			else item.reject(r.error);
		});
		for (const id of changed) onChanged(id);
	}

	async function drain(): Promise<void> {
		if (committing) return;
		committing = true;
		try {
			while (queue.length) {
				// Let the requests that arrived meanwhile reach the queue first (PGlite runs its queries on this thread,
				// so during a transaction no request is read): turns of the event loop while the queue still grows.
				for (let turns = 0, seen = -1; turns < 8 && queue.length !== seen && queue.length < MAX_BATCH; turns++) {
					seen = queue.length;
					await new Promise((resolve) => setImmediate(resolve));
				}
				const batch = takeBatch();
				try {
					await commitAndSettle(batch);
				} catch (error) {
					if (batch.length === 1) {
						batch[0]!.reject(error);
						continue;
					}
					// One bad item must not fail the others: commit each alone.
					for (const item of batch) {
						try {
							await commitAndSettle([item]);
						} catch (e) {
							item.reject(e);
						}
					}
				}
			}
		} finally {
			committing = false;
		}
	}

	return {
		/** Queues a validated submission; resolves with its outcome once committed. */
		submit(submission: QueuedSubmission): Promise<SubmitOutcome> {
			return new Promise<SubmitOutcome>((resolve, reject) => {
				queue.push({ ...submission, resolve, reject });
				void drain();
			});
		}
	};
}
