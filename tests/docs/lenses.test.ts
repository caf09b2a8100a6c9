/**
 * docs/lenses.md and docs/formats.md held to the code: the sample lens parses, the sample lens code decodes, the
 * upload limits are the enforced ones.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { decodeAnswerCode, decodeLensAnswers } from '$scoring/export/answer-code';
import { MAX_LENS_ALIASES, MAX_LENS_CHARS, parseLens } from '$scoring/lens/parse';
import { MAX_UPLOADED_LENS_QUESTIONS } from '$lib/server/lenses/uploads';

test('the sample lens of docs/lenses.md is a valid lens', () => {
	const markdown = readFileSync('docs/lenses.md', 'utf8');
	const sample = /```yaml\n([\s\S]*?)```/.exec(markdown)![1]!;
	expect(parseLens(sample).sections[0]!.questions.map((q) => q.id)).toEqual(['register', 'review']);
});

test('the lens code of docs/formats.md decodes to the answers it describes', () => {
	const markdown = readFileSync('docs/formats.md', 'utf8');
	const survey = /^(ai_readiness\.3\.0\.0\.c\S+)\n/m.exec(markdown)![1]!;
	const lensPart = /rT86-(~eu-dora-ai-engineering\.1\.0\.l\w+)\n/.exec(markdown)![1]!;
	const decoded = decodeAnswerCode(survey + lensPart);
	expect(decoded.answers).toEqual(decodeAnswerCode(survey).answers);
	// The sample names version 1.0: the code decodes with that version's file, kept beside the newer one.
	const version10 = parseLens(readFileSync('lenses/eu-dora-ai-engineering-1.0.yaml', 'utf8'));
	expect(decodeLensAnswers(version10, decoded.lens!)).toEqual({
		framework_covers_ai: 'informal',
		ai_inventory: 'dk',
		agent_access: 'na',
		ai_providers_register: 'all'
	});
});

test('"Publish from the site" names the upload limits the code enforces', () => {
	const markdown = readFileSync('docs/lenses.md', 'utf8');
	const section = markdown.slice(markdown.indexOf('## Publish from the site'), markdown.indexOf('## In the OSCAL'));
	expect(section).toContain(`at most ${MAX_LENS_CHARS / 1024} KB`);
	expect(section).toContain(`at most ${MAX_LENS_ALIASES} YAML aliases`);
	expect(section).toContain(`at most ${MAX_UPLOADED_LENS_QUESTIONS} questions in an uploaded lens`);
});
