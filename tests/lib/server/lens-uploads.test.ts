/**
 * The lens upload service on each database: an upload is refused with the lines `npm run lens -- lint` gives, a
 * valid one is a draft only its owner sees, the owner replaces and publishes it, a published version never changes,
 * a new version needs a higher number and its own change summary, an id belongs to one account and never to the
 * operator's folder, the limits name themselves, and a published version joins the catalog (synchronous lookups).
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, test } from 'vitest';
import { createAccountService } from '$lib/server/auth/accounts';
import { lensCatalog, type LensCatalog } from '$lib/server/lenses/service';
import {
	createLensUploadService,
	LensUploadError,
	MAX_UPLOADED_LENS_QUESTIONS,
	type LensUpload
} from '$lib/server/lenses/uploads';
import { parseLens } from '$scoring/lens/parse';
import { BAD_LENS_FILES, EXAMPLE_LENS_TEXT, GOOD_UPLOAD_FILE } from '../../fixtures/lens';
import { DATABASE_KINDS, queryRows, useDatabase } from './databases';

const GOOD = readFileSync(GOOD_UPLOAD_FILE, 'utf8');
const file = (text: string, name = 'lens.yaml'): LensUpload => ({ name, bytes: new TextEncoder().encode(text) });
const v11 = (text = GOOD) =>
	text.replace("version: '1.0'", "version: '1.1'").replace('changes: First version.', 'changes: Reworded a label.');

/** The LensUploadError a promise rejects with (fails if it resolves or rejects otherwise). */
async function refusal(promise: Promise<unknown>): Promise<LensUploadError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(LensUploadError);
	return error as LensUploadError;
}

describe.each(DATABASE_KINDS)('lens uploads on $name', (kind) => {
	const database = useDatabase(kind);
	let catalog: LensCatalog;
	let alice: string;
	let bob: string;
	const service = () => createLensUploadService(database(), catalog);
	const rowCount = async () =>
		(await queryRows<{ n: number }>(database(), sql`select count(*)::int as n from uploaded_lenses`))[0]!.n;

	beforeEach(async () => {
		await database().db.execute(sql`truncate table uploaded_lenses, accounts cascade`);
		catalog = lensCatalog([parseLens(EXAMPLE_LENS_TEXT)], 'lenses');
		const accounts = createAccountService(database());
		alice = (await accounts.signIn({ issuer: 'https://idp', subject: 'alice', displayName: 'Alice' }, 3600)).accountId;
		bob = (await accounts.signIn({ issuer: 'https://idp', subject: 'bob', displayName: 'Bob' }, 3600)).accountId;
	});

	test('each kind of error is refused with the line the CLI gives, and nothing is saved', async () => {
		for (const bad of BAD_LENS_FILES) {
			const name = bad.file.split('/').pop()!;
			const e = await refusal(service().upload(alice, file(readFileSync(bad.file, 'utf8'), name)));
			expect(e.status).toBe(400);
			expect(e.message).toBe('The lens was not saved: one problem.');
			expect(e.problems, bad.kind).toEqual([`${name}${bad.line}`]);
		}
		expect(await rowCount()).toBe(0);
	});

	test('a draft is its owner’s alone: others get “not found”; the owner replaces and publishes it', async () => {
		const { id, replaced } = await service().upload(alice, file(GOOD, 'good.yaml'));
		expect(replaced).toBe(false);
		const draft = await service().get(alice, id);
		expect(draft).toMatchObject({ lensId: 'upload-example', version: '1.0', status: 'draft', questions: 2 });
		expect(catalog.find('upload-example', '1.0')).toBeNull();

		// Each attempt starts only when awaited: a refusal started early and awaited later is an unhandled rejection.
		for (const attempt of [
			() => service().get(bob, id),
			() => service().publish(bob, id),
			() => service().replace(bob, id, file(GOOD)),
			() => service().get(alice, 'not-a-uuid')
		])
			expect((await refusal(attempt())).status).toBe(404);
		expect(await service().list(bob)).toEqual([]);

		// The same id and version again replaces the draft (from the list's form, or the draft's own).
		const changed = GOOD.replace('label: Every year.', 'label: Once a year.');
		expect(await service().upload(alice, file(changed))).toEqual({ id, replaced: true });
		expect((await service().get(alice, id)).source).toBe(changed);
		const other = await refusal(service().replace(alice, id, file(v11(changed))));
		expect(other.message).toBe(
			'This file is lens upload-example 1.1, and this draft is upload-example 1.0: upload it from “My lenses” to save it as a draft of its own.'
		);

		const published = await service().publish(alice, id);
		expect(published.status).toBe('published');
		expect(catalog.find('upload-example', '1.0')?.sections[0]!.questions[1]!.options[1]!.label).toBe('Once a year.');
		expect(catalog.latest('upload-example')?.version).toBe('1.0');
		expect(await rowCount()).toBe(1);
	});

	test('a published version never changes; a new one needs a higher version and its own change summary', async () => {
		const { id } = await service().upload(alice, file(GOOD));
		await service().publish(alice, id);

		const same = await refusal(service().upload(alice, file(`# a comment\n${GOOD}`)));
		expect(same.message).toBe('Lens upload-example 1.0 is already published with this content; nothing changed.');
		const changed = await refusal(service().upload(alice, file(GOOD.replace('label: Never.', 'label: Not at all.'))));
		expect(changed.status).toBe(409);
		expect(changed.message).toBe(
			'Lens upload-example 1.0 is published, and a published version never changes (this file’s content hash differs from the published one). Give the change a new version (e.g. 1.1) with a change summary in “changes”, then upload it.'
		);
		expect((await refusal(service().replace(alice, id, file(GOOD)))).status).toBe(409);

		const older = await refusal(service().upload(alice, file(GOOD.replace("version: '1.0'", "version: '0.9'"))));
		expect(older.message).toBe(
			'Version 0.9 is not above 1.0, the newest published version of lens upload-example: give it a higher major.minor (e.g. 1.1).'
		);
		const sameChanges = await refusal(service().upload(alice, file(GOOD.replace("version: '1.0'", "version: '1.1'"))));
		expect(sameChanges.message).toBe('“changes” is the same as in version 1.0: say what changed in version 1.1.');

		const next = await service().upload(alice, file(v11()));
		await service().publish(alice, next.id);
		expect(catalog.latest('upload-example')?.version).toBe('1.1');
		expect(catalog.find('upload-example', '1.0')).not.toBeNull();

		// Another instance (a fresh catalog) loads both published versions, and no draft.
		await service().upload(
			alice,
			file(v11().replace("version: '1.1'", "version: '2.0'").replace('Reworded a label.', 'New answers.'))
		);
		const restarted = lensCatalog([], null);
		await createLensUploadService(database(), restarted).loadPublished();
		expect(restarted.lenses.map((l) => `${l.id}@${l.version}`).sort()).toEqual([
			'upload-example@1.0',
			'upload-example@1.1'
		]);
	});

	test('an id belongs to the account that first uploaded it, and never to the operator’s folder', async () => {
		await service().upload(alice, file(GOOD));
		const taken = await refusal(service().upload(bob, file(v11())));
		expect(taken.status).toBe(409);
		expect(taken.message).toBe('The lens id “upload-example” belongs to another account; give your lens another id.');
		const folder = await refusal(service().upload(bob, file(EXAMPLE_LENS_TEXT, 'dora.yaml')));
		expect(folder.message).toBe(
			'The lens id “eu-dora-ai-engineering” is taken by a lens this site’s operator offers; give your lens another id.'
		);
		expect(await rowCount()).toBe(1);
	});

	test('limits: size (413), aliases, alias expansion and questions are refused with the limit named', async () => {
		const big = await refusal(service().upload(alice, file(`${GOOD}#${'x'.repeat(256 * 1024)}\n`, 'big.yaml')));
		expect(big.status).toBe(413);
		expect(big.problems).toEqual(['big.yaml: the file is 258 KB; a lens may be at most 256 KB']);

		const aliases = GOOD.replace(
			'    because: Nothing is registered.',
			'    because: &why Nothing is registered.'
		).concat(Array.from({ length: 51 }, (_, i) => `# ${i}\n`).join(''));
		const manyAliases = aliases.replace(
			'nextSteps:\n',
			`x-aliases: [${Array.from({ length: 51 }, () => '*why').join(', ')}]\nnextSteps:\n`
		);
		expect((await refusal(service().upload(alice, file(manyAliases, 'aliases.yaml')))).problems).toEqual([
			expect.stringMatching(/^aliases\.yaml:\d+:\d+: more than 50 YAML aliases; write the values out instead$/)
		]);

		// A "billion laughs": few aliases, each expanding the one before tenfold.
		const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
		for (let i = 1; i < 5; i++)
			laughs.push(
				`${'abcdefgh'[i]}: &${'abcdefgh'[i]} [${Array(10)
					.fill(`*${'abcdefgh'[i - 1]}`)
					.join(', ')}]`
			);
		const bomb = await refusal(service().upload(alice, file(`${laughs.join('\n')}\n${GOOD}`, 'bomb.yaml')));
		expect(bomb.problems).toEqual([expect.stringMatching(/^bomb\.yaml: the file could not be read: .*alias/i)]);

		const question = (i: number) =>
			`      - id: q${i}\n        text: Question ${i}?\n        options:\n          - { id: low, label: Low., level: 0 }\n          - { id: high, label: High., level: 1 }\n`;
		const sections = Array.from(
			{ length: 4 },
			(_, s) =>
				`  - id: s${s}\n    title: Section ${s}\n    questions:\n${Array.from({ length: 16 }, (_, i) => question(s * 16 + i)).join('')}`
		).join('');
		const many = GOOD.replace(/sections:\n[\s\S]*?risks:/, `sections:\n${sections}risks: []\nunused:`).replace(
			/unused:[\s\S]*$/,
			'nextSteps: []\n'
		);
		const tooMany = await refusal(service().upload(alice, file(many, 'many.yaml')));
		expect(tooMany.problems).toEqual([
			`many.yaml: sections: the lens has 64 questions; an uploaded lens may have at most ${MAX_UPLOADED_LENS_QUESTIONS} (split it into two lenses)`
		]);

		const latin1 = await refusal(
			service().upload(alice, { name: 'x.yaml', bytes: new Uint8Array([0x61, 0xe9, 0x0a]) })
		);
		expect(latin1.problems).toEqual(['x.yaml: not UTF-8 text; save the lens file as UTF-8']);
		expect(await rowCount()).toBe(0);
	});
});
