/**
 * Join codes and secret tokens. Codes are short and read aloud; tokens (facilitator, participant, session and key
 * secrets) are CSPRNG values stored only as SHA-256 hashes and compared in constant time.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** Join-code characters: no 0/O, 1/I/L, so a code read aloud or from a screen cannot be mistyped. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;
/** Bytes of CSPRNG entropy in facilitator and participant tokens (256 bits). */
const TOKEN_BYTES = 32;

/** SHA-256 of a token, hex: what is stored and compared. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A fresh 256-bit token, base64url. */
export function newToken(): string {
	return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** A random join code from {@link JOIN_CODE_ALPHABET}. */
export function newJoinCode(): string {
	let code = '';
	for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
	return code;
}

/**
 * A typed or linked code in canonical form (upper case, spaces and dashes removed), or null when it cannot be a
 * join code — so lookups are case-insensitive and junk never reaches the database.
 */
export function normaliseJoinCode(input: string): string | null {
	const code = input.replace(/[\s-]/g, '').toUpperCase();
	if (code.length !== JOIN_CODE_LENGTH) return null;
	for (const c of code) if (!JOIN_CODE_ALPHABET.includes(c)) return null;
	return code;
}

/** Why typed text is not a join code, so the message can be about what was typed. */
export type JoinCodeProblem =
	| { kind: 'empty' }
	/** Characters no code has: not a letter or digit. */
	| { kind: 'not_letters'; typed: string; characters: string[] }
	/** Letters and digits codes never use because they are easily misread (O, 0, I, L, 1). */
	| { kind: 'never_used'; typed: string; characters: string[] }
	| { kind: 'length'; typed: string; length: number };

/** What is wrong with typed text as a join code (as {@link normaliseJoinCode} reads it), or null when nothing is. */
export function joinCodeProblem(input: string): JoinCodeProblem | null {
	const typed = input.replace(/[\s-]/g, '').toUpperCase();
	if (!typed) return { kind: 'empty' };
	const chars = [...typed];
	const distinct = (test: (c: string) => boolean) => [...new Set(chars.filter(test))];
	const notLetters = distinct((c) => !/^[A-Z0-9]$/.test(c));
	if (notLetters.length) return { kind: 'not_letters', typed, characters: notLetters };
	const neverUsed = distinct((c) => !JOIN_CODE_ALPHABET.includes(c));
	if (neverUsed.length) return { kind: 'never_used', typed, characters: neverUsed };
	if (chars.length !== JOIN_CODE_LENGTH) return { kind: 'length', typed, length: chars.length };
	return null;
}

/** Whether `token` hashes to `hash` (hex), in constant time. */
export function tokenMatches(token: string | null | undefined, hash: string): boolean {
	if (!token) return false;
	const x = Buffer.from(hashToken(token), 'hex');
	const y = Buffer.from(hash, 'hex');
	return x.length === y.length && timingSafeEqual(x, y);
}
