// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface PageState {
			/** The questionnaire step (0-based) after client-side step navigation (shallow routing). */
			step?: number;
		}
	}
}

export {};
