/**
 * Free text people type (workshop titles, organisations, display names): one line, no control characters, and —
 * where text is required — at least one character that shows. Checked before anything is stored, so a NUL byte
 * (which PostgreSQL cannot store in text) or a title of only zero-width characters is a clear 400, never a 500.
 */
import { z } from 'zod';

/** Characters refused anywhere in such text: C0 and C1 controls (NUL, tab, line breaks, DEL, …) and lone surrogates. */
const REFUSED = /[\p{Cc}\p{Cs}]/u;

/**
 * A character that shows: not white space, not a format or default-ignorable character (zero-width space and
 * joiners, soft hyphen, word joiner, BOM, Hangul fillers, variation selectors…), not a combining mark on its own,
 * and not the blank braille pattern.
 */
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Cs}\p{M}\u2800]/u;

/** True when `text` has at least one character that shows. */
export function hasVisibleCharacter(text: string): boolean {
	return VISIBLE.test(text);
}

/** True when `text` holds a character no line of text may hold. */
export function hasRefusedCharacter(text: string): boolean {
	return REFUSED.test(text);
}

function line(what: string, max: number) {
	return z
		.string()
		.refine((s) => !hasRefusedCharacter(s), `${what} cannot contain control characters (such as line breaks or NUL)`)
		.transform((s) => s.trim())
		.refine((s) => s.length <= max, `${what} is at most ${max} characters`);
}

/** A trimmed line of at most `max` characters with at least one visible character (else the message `empty`). */
export function requiredLine(what: string, max: number, empty: string) {
	return line(what, max).refine(hasVisibleCharacter, empty);
}

/** An optional trimmed line of at most `max` characters; empty or nothing but invisible characters → null. */
export function optionalLine(what: string, max: number) {
	return line(what, max)
		.optional()
		.transform((s) => (s && hasVisibleCharacter(s) ? s : null));
}

/** Characters refused in multi-line text: as in a line, but tab and line breaks are allowed. */
const REFUSED_IN_TEXT = /(?![\t\n\r])[\p{Cc}\p{Cs}]/u;

/**
 * Optional multi-line text (a discussion note): line breaks normalised to `\n`, trimmed, at most `max` characters;
 * other control characters refused; empty or nothing visible → null.
 */
export function optionalText(what: string, max: number) {
	return z
		.string()
		.refine((s) => !REFUSED_IN_TEXT.test(s), `${what} cannot contain control characters (such as NUL)`)
		.transform((s) => s.replace(/\r\n?/g, '\n').trim())
		.refine((s) => s.length <= max, `${what} is at most ${max} characters`)
		.optional()
		.transform((s) => (s && hasVisibleCharacter(s) ? s : null));
}
