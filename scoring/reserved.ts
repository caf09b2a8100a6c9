/**
 * The reserved answers, dependency-free so browser code (the questionnaire) can use them without loading the
 * model's schemas. `scoring/schema` re-exports them.
 */

/**
 * The reserved answer "Not applicable". In bank 1.x it also meant "don't know" and was excluded from scores; from
 * bank 2.0.0 it is accepted only on a question a gating answer skips (see `Question.skipWhen`), and on profile
 * questions as "prefer not to say".
 */
export const NOT_APPLICABLE = 'na' as const;

/**
 * The reserved answer "Don't know" (bank 2.0.0 on): always available on use, practice, outcome and confidence
 * questions, and never helps — it scores as the question's weakest answer (see docs/methodology.md).
 */
export const DONT_KNOW = 'dk' as const;

/**
 * The reserved answer "Varies by team" (bank 3.0.0 on, practice questions): an honest answer where teams differ.
 * It counts as answered and scores as the question's weakest level — a guard is only as strong as the weakest team
 * that relies on it — and, on a question with a critical option, the gap is "not ruled out" (never stated for you).
 */
export const VARIES = 'varies' as const;

/**
 * The reserved answer "We do not track this" (bank 3.0.0 on, outcome questions): counts as answered; scores as the
 * mildest reported outcome and is shown as "not ruled out", exactly as "none that we know of" is where the practice
 * that would detect it is weak — not looking never beats looking.
 */
export const NOT_TRACKED = 'not_tracked' as const;

/** Answers that are not options of the question. */
export const RESERVED_ANSWERS: readonly string[] = [NOT_APPLICABLE, DONT_KNOW, VARIES, NOT_TRACKED];
