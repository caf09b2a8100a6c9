/**
 * `npm run lens`: lint names each problem's file, line and field and exits 1; publish records a version's content
 * hash; a published version changed without a new version is refused, by lint, by publish and by the server's
 * folder load; the shipped example folder loads. Two runs go through the npm script itself: the example, and one lens
 * with each kind of error issue 19 names (tests/fixtures/lenses/bad-*.yaml), each refused with its line and field.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/lens';
import { LensFileError, loadLensFolder, LOCK_FILE } from '$lib/server/lenses/folder';
import { BAD_LENS_FILES, lineOf, SMALL_LENS } from '../fixtures/lens';

const dir = mkdtempSync(join(tmpdir(), 'lens-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	const status = run(
		args,
		(l) => out.push(l),
		(l) => err.push(l)
	);
	return { status, out, err };
}

function write(name: string, text: string): string {
	const path = join(dir, name);
	writeFileSync(path, text);
	return path;
}

/** The folder's load refused: its lines. */
function folderProblems(): string[] {
	try {
		loadLensFolder(dir);
	} catch (e) {
		if (e instanceof LensFileError) return e.lines;
		throw e;
	}
	throw new Error('the folder loaded');
}

describe('npm run lens', () => {
	it('lint: a valid lens is ok; a broken one gets FILE:LINE:COLUMN: field: message and exit 1', () => {
		const good = write('small.yaml', SMALL_LENS);
		expect(cli('lint', good)).toEqual({
			status: 0,
			out: [`${good}: ok: lens small-lens 1.0, 2 questions, not published yet (npm run lens -- publish ${good})`],
			err: []
		});
		const text = SMALL_LENS.replace('            label: Never.\n            level: 0\n', '            label: Never.\n');
		const bad = write('broken.yml', text);
		const result = cli('lint', good, bad);
		expect(result.status).toBe(1);
		expect(result.err).toEqual([
			`${bad}:${lineOf(text, '- id: never')}:13: sections[0].questions[1].options[0].level: every option needs a level (0 = weakest)`
		]);
		rmSync(bad);
	});

	it('publish records the content hash; a published version changed without a new version is refused', () => {
		const file = join(dir, 'small.yaml');
		expect(cli('publish', file).out).toEqual([`${file}: published small-lens@1.0 in ${join(dir, LOCK_FILE)}`]);
		expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toEqual({
			'small-lens@1.0': expect.stringMatching(/^sha256:[0-9a-f]{64}$/)
		});
		expect(loadLensFolder(dir).map((l) => `${l.lens.id}@${l.lens.version}`)).toEqual(['small-lens@1.0']);

		// Layout and comments are not content: still the published version.
		writeFileSync(file, `# reformatted\n${SMALL_LENS.replace("version: '1.0'", 'version: "1.0"')}`);
		expect(cli('lint', file).status).toBe(0);

		// A changed label under the same version is refused everywhere.
		writeFileSync(file, SMALL_LENS.replace('label: Every year.', 'label: Once a year.'));
		const message = `${file}: lens small-lens 1.0 changed after it was published (its content hash differs from the one in ${LOCK_FILE}). A published version never changes: give the change a new version (e.g. 1.1) with a change summary in "changes", then publish it.`;
		expect(cli('lint', file)).toEqual({ status: 1, out: [], err: [message] });
		expect(cli('publish', file)).toEqual({ status: 1, out: [], err: [message] });
		expect(folderProblems()).toEqual([message]);

		// The same change as version 1.1 publishes; going back to 1.0 content as 1.0 is fine, an older number is not.
		writeFileSync(
			file,
			SMALL_LENS.replace('label: Every year.', 'label: Once a year.').replace("version: '1.0'", "version: '1.1'")
		);
		expect(cli('publish', file).status).toBe(0);
		expect(Object.keys(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')))).toEqual([
			'small-lens@1.0',
			'small-lens@1.1'
		]);
		writeFileSync(file, SMALL_LENS.replace("version: '1.0'", "version: '0.9'"));
		expect(cli('publish', file).err).toEqual([
			`${file}: version 0.9 is not above 1.1, the newest published version of lens small-lens`
		]);
		rmSync(file);
	});

	it('the server refuses a folder with an unpublished lens, naming the command that publishes it', () => {
		const file = write('other.yaml', SMALL_LENS.replace('id: small-lens', 'id: other-lens'));
		expect(folderProblems()).toEqual([
			`${file}: lens other-lens 1.0 is not published: run \`npm run lens -- publish ${file}\`, which records its content hash in ${LOCK_FILE}`
		]);
		rmSync(file);
	});

	it('the shipped example folder loads, and the npm script lints it', () => {
		expect(loadLensFolder('lenses').map((l) => `${l.lens.id}@${l.lens.version}`)).toEqual([
			'eu-dora-ai-engineering@1.0',
			'eu-dora-ai-engineering@1.1'
		]);
		const script = spawnSync('npm', ['run', '-s', 'lens', '--', 'lint', 'lenses/eu-dora-ai-engineering.yaml'], {
			encoding: 'utf8'
		});
		expect(script.stdout.trim()).toBe(
			'lenses/eu-dora-ai-engineering.yaml: ok: lens eu-dora-ai-engineering 1.1, 12 questions, published in lenses.lock.json'
		);
		expect(script.status).toBe(0);
	}, 60_000);

	it('the npm script refuses a lens with each kind of error, naming its line and field, and exits 1', () => {
		const script = spawnSync('npm', ['run', '-s', 'lens', '--', 'lint', ...BAD_LENS_FILES.map((b) => b.file)], {
			encoding: 'utf8'
		});
		expect(script.stdout).toBe('');
		expect(script.stderr.trim().split('\n')).toEqual(BAD_LENS_FILES.map((b) => `${b.file}${b.line}`));
		expect(script.status).toBe(1);
	}, 60_000);

	it('prints usage and exits 2 for an unknown command', () => {
		expect(cli('frobnicate')).toEqual({
			status: 2,
			out: [],
			err: ['usage: npm run lens -- lint FILE... | publish FILE | schema']
		});
	});
});
