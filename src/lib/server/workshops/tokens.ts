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

/** Whether `token` hashes to `hash` (hex), in constant time. */
export function tokenMatches(token: string | null | undefined, hash: string): boolean {
	if (!token) return false;
	const x = Buffer.from(hashToken(token), 'hex');
	const y = Buffer.from(hash, 'hex');
	return x.length === y.length && timingSafeEqual(x, y);
}
