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

/** Answers that are not options of the question. */
export const RESERVED_ANSWERS: readonly string[] = [NOT_APPLICABLE, DONT_KNOW];
