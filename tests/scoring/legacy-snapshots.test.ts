/**
 * Old results keep working, exactly: every bank 1.0.0 and 2.0.0 answer set snapshotted before model 3.0 (the golden
 * sets and 1,000 simulated organisations per bank, tests/fixtures/legacy/) scores byte for byte as it did — through
 * the CLI from its answer code and from answers JSON, and from the result CSV that version exported.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeAnswerCode } from '$scoring/export/answer-code';
import { BANKS } from '$scoring/content/banks';
import { parseResultCsv } from '$scoring/export/result-csv';
import { runScoreCli } from '../../src/cli/score';

interface Snapshot {
	bank: string;
	version: string;
	entries: { name: string; code: string; sha256: string }[];
}

const dir = 'tests/fixtures/legacy';
const read = (version: string): Snapshot => JSON.parse(readFileSync(`${dir}/${version}.json`, 'utf8')) as Snapshot;
const gz = <T>(file: string): T => JSON.parse(gunzipSync(readFileSync(`${dir}/${file}`)).toString('utf8')) as T;
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** The CLI's stdout for one argument (a code or a file path); fails the test on any error line. */
function cli(arg: string): string {
	let out = '';
	let err = '';
	const status = runScoreCli([arg], { stdout: (t) => (out += t), stderr: (t) => (err += t) });
	expect(err).toBe('');
	expect(status).toBe(0);
	return out;
}

describe.each(['1.0.0', '2.0.0'])('bank %s scores as it did before model 3.0', (version) => {
	const snapshot = read(version);
	const golden = gz<{ name: string; result: unknown }[]>(`${version}.golden.json.gz`);

	it('holds the golden sets and 1,000 simulated organisations', () => {
		expect(snapshot.entries.filter((e) => e.name.startsWith('simulated')).length).toBe(1000);
		expect(golden.length).toBeGreaterThanOrEqual(3);
	});

	it('golden sets: the same result JSON, field for field', () => {
		for (const g of golden) {
			const entry = snapshot.entries.find((e) => e.name === g.name)!;
			expect(JSON.parse(cli(entry.code)), g.name).toEqual(g.result);
		}
	});

	it('every answer code: the same bytes from the CLI', { timeout: 120_000 }, () => {
		const changed = snapshot.entries.filter((e) => sha(cli(e.code)) !== e.sha256).map((e) => e.name);
		expect(changed).toEqual([]);
	});

	it('answers JSON: the same bytes as the code (golden sets and every tenth organisation)', { timeout: 60_000 }, () => {
		const tmp = mkdtempSync('/tmp/legacy-json-');
		const sample = snapshot.entries.filter((e, i) => !e.name.startsWith('simulated') || i % 10 === 0);
		for (const [i, e] of sample.entries()) {
			const { bank, answers } = decodeAnswerCode(e.code, BANKS);
			const file = `${tmp}/${i}.json`;
			writeFileSync(file, JSON.stringify({ bank: bank.id, version: bank.version, answers }));
			expect(sha(cli(file)), e.name).toBe(e.sha256);
		}
	});

	it('the result CSV this version exported imports to the same answers and scores the same', () => {
		const csvs = gz<{ name: string; csv: string }[]>(`${version}.csv.json.gz`);
		expect(csvs.length).toBe(golden.length);
		for (const { name, csv } of csvs) {
			const entry = snapshot.entries.find((e) => e.name === name)!;
			const imported = parseResultCsv(csv);
			const decoded = decodeAnswerCode(entry.code, BANKS);
			expect(imported.bank.version, name).toBe(version);
			expect(imported.answers, name).toEqual(decoded.answers);
		}
	});
});
