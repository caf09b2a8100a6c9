/** The one error every model throws for answers it refuses, so callers catch one class whatever the bank. */

/** Why an answer set was refused; `code` says what kind of problem, `questionId` where (data, not text to parse). */
export class AnswersError extends Error {
	constructor(
		message: string,
		readonly code: 'not_an_object' | 'unknown_question' | 'not_an_option' | 'reserved_not_accepted',
		readonly questionId: string | null = null
	) {
		super(message);
		this.name = 'AnswersError';
	}
}
