/**
 * Questionnaire progress in the browser: which answers are known to the steps, how many are answered, and the
 * autosave of answers to localStorage. Browser-safe: imports only types from `scoring/`, so the questionnaire's
 * first load does not carry the model's schemas.
 */
import type { Answers } from '$scoring/schema';
import { isStepQuestionSkipped, type AssessStep } from './steps';

/** Form fields that carry an answer are named `a.<questionId>`; other fields (the step, the button) are not. */
export const ANSWER_FIELD_PREFIX = 'a.';

/** `path` with `?step=<n>` (or `&step=<n>` when the path already has a query, e.g. a lens link). */
export function stepHref(path: string, step: number): string {
	return `${path}${path.includes('?') ? '&' : '?'}step=${step}`;
}

/** The form field name for a question's answer. */
export function answerField(questionId: string): string {
	return ANSWER_FIELD_PREFIX + questionId;
}

/** Keeps only the entries of `raw` that name a question of `steps` and one of its options (or N/A). */
export function keepKnownAnswers(steps: AssessStep[], raw: unknown): Answers {
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
	const entries = raw as Record<string, unknown>;
	const known: Answers = {};
	for (const step of steps)
		for (const q of step.questions) {
			const value = entries[q.id];
			if (typeof value === 'string' && q.options.some((o) => o.id === value)) known[q.id] = value;
		}
	return known;
}

/** The questions of a step that are asked, given the answers so far (a gating answer skips some). */
export function askedQuestions(step: AssessStep, answers: Answers) {
	return step.questions.filter((q) => !isStepQuestionSkipped(q, answers));
}

/** Number of asked questions in `steps` that have an answer ("don't know" counts: the respondent chose it). */
export function countAnswered(steps: AssessStep[], answers: Answers): number {
	return steps.reduce((n, s) => n + askedQuestions(s, answers).filter((q) => answers[q.id] !== undefined).length, 0);
}

/** Number of questions in `steps` that are asked, given the answers so far. */
export function countQuestions(steps: AssessStep[], answers: Answers = {}): number {
	return steps.reduce((n, s) => n + askedQuestions(s, answers).length, 0);
}

/**
 * The localStorage key for answers to one bank version: answers never leak between bank versions. A workshop's
 * draft is scoped by its join code, so it never mixes with the private assessment or another workshop.
 */
export function storageKey(bankId: string, version: string, workshopCode?: string): string {
	const key = `ai-readiness:answers:${bankId}@${version}`;
	return workshopCode ? `${key}:workshop:${workshopCode}` : key;
}

/**
 * The sessionStorage key of a facilitated vote's draft: the answers chosen on the phone and not sent yet, for one vote
 * (its sequence number) of one workshop. A reload keeps them; the next vote, another tab or another workshop does not.
 */
export function voteDraftKey(bankId: string, version: string, workshopCode: string, voteSeq: number): string {
	return `${storageKey(bankId, version, workshopCode)}:vote:${voteSeq}`;
}

/** The key for answers given through a lens: apart from the plain assessment's, one per lens version. */
export function lensStorageKey(key: string, lens: { id: string; version: string } | null): string {
	return lens ? `${key}:lens:${lens.id}@${lens.version}` : key;
}

/** Whether two sets of answers hold the same answer to every question. */
export function sameAnswers(a: Answers, b: Answers): boolean {
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	return [...keys].every((k) => a[k] === b[k]);
}

/** When progress was saved, in the reader's own clock and words ("6 Dec 2026, 14:02"); empty when not a date. */
export function savedWhen(iso: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return '';
	return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** What is saved: the answers, the step the respondent was on (0-based), and when. */
export interface SavedProgress {
	answers: Answers;
	step: number;
	savedAt: string;
}

export type SaveOutcome = { ok: true; savedAt: string } | { ok: false; reason: string };

/** The minimal part of the Web Storage API the autosave uses. */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PROBE_KEY = 'ai-readiness:probe';

/**
 * The browser's localStorage, or the reason it cannot be used: some browsers throw on merely reading
 * `window.localStorage` when storage is disabled, and private modes may have a zero quota, so it is probed with a write.
 */
export function openStorage(
	get: () => ProgressStorage = () => window.localStorage
): { storage: ProgressStorage } | { storage: null; reason: string } {
	try {
		const storage = get();
		if (!storage) return { storage: null, reason: 'this browser has no local storage' };
		// Probe with a write: a disabled or zero-quota storage only fails when written to.
		storage.setItem(PROBE_KEY, '1');
		storage.removeItem(PROBE_KEY);
		return { storage };
	} catch (e) {
		return { storage: null, reason: describeStorageError(e) };
	}
}

function describeStorageError(e: unknown): string {
	const name = e instanceof Error || e instanceof DOMException ? e.name : '';
	if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return 'the browser’s storage is full';
	if (name === 'SecurityError') return 'the browser blocks storage for this site';
	return 'the browser refused to store data';
}

/** Saves progress; never throws (a failure is returned so the page can warn). */
export function saveProgress(
	storage: ProgressStorage | null,
	key: string,
	progress: { answers: Answers; step: number },
	now: Date = new Date()
): SaveOutcome {
	if (!storage) return { ok: false, reason: 'the browser blocks storage for this site' };
	const savedAt = now.toISOString();
	try {
		storage.setItem(key, JSON.stringify({ ...progress, savedAt } satisfies SavedProgress));
		return { ok: true, savedAt };
	} catch (e) {
		return { ok: false, reason: describeStorageError(e) };
	}
}

/**
 * Reads saved progress, keeping only answers that fit `steps` (a stale or hand-edited entry never injects an
 * unknown answer). Null when nothing usable is saved.
 */
export function loadProgress(storage: ProgressStorage | null, key: string, steps: AssessStep[]): SavedProgress | null {
	if (!storage) return null;
	let raw: unknown;
	try {
		const text = storage.getItem(key);
		if (text === null) return null;
		raw = JSON.parse(text);
	} catch {
		return null;
	}
	if (typeof raw !== 'object' || raw === null) return null;
	const saved = raw as Partial<Record<keyof SavedProgress, unknown>>;
	const answers = keepKnownAnswers(steps, saved.answers);
	const step =
		typeof saved.step === 'number' && Number.isInteger(saved.step)
			? Math.max(0, Math.min(saved.step, steps.length - 1))
			: 0;
	const savedAt = typeof saved.savedAt === 'string' ? saved.savedAt : '';
	return { answers, step, savedAt };
}

/** Removes saved progress; returns false when the browser refused. */
export function clearProgress(storage: ProgressStorage | null, key: string): boolean {
	if (!storage) return false;
	try {
		storage.removeItem(key);
		return true;
	} catch {
		return false;
	}
}
