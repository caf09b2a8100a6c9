import { expect, test } from 'vitest';
import { optionalText } from '$lib/server/text';

test('a discussion note keeps its line breaks (normalised), refuses other control characters, and empty is none', () => {
	const note = optionalText('The note', 30);
	expect(note.parse(' One line.\r\nAnother.\rThird\t ')).toBe('One line.\nAnother.\nThird');
	expect(note.parse(undefined)).toBeNull();
	expect(note.parse('  \u200b\n ')).toBeNull();
	for (const bad of ['a\u0000b', 'a\u0007b', 'a\u001bb', 'a\u0085b'])
		expect(note.safeParse(bad).error?.issues[0]?.message, JSON.stringify(bad)).toMatch(/control characters/);
	expect(note.safeParse('x'.repeat(31)).error?.issues[0]?.message).toBe('The note is at most 30 characters');
});
