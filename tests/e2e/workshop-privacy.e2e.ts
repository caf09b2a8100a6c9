/**
 * Privacy against the facilitator, over HTTP on the built server, on PGlite and PostgreSQL: a workshop goes from
 * n = 2 to n = 6 by submits and edits, one at a time; after every step the test takes what a facilitator can
 * see — the summary JSON, every event the dashboard stream pushed, and the team CSV — and looks for any two of them
 * whose difference is one person's response (tests/fixtures/differencing.ts; shown to find the leak in unbatched
 * figures by tests/lib/server/differencing.test.ts). There must be none, while the figures do move (three times).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CURRENT_BANK as BANK_V1 } from '../../scoring/bank';
import { readCsvTable } from '../../scoring/csv-table';
import type { Answers } from '../../scoring/schema';
import { TEAM_CSV_COLUMNS } from '../../scoring/team-csv';
import type { DashboardState } from '../../src/lib/workshop/types';
import { answersArb } from '../fixtures/answers';
import { fromDashboard, fromTeamCsv, leaks, type Observation } from '../fixtures/differencing';
import { SERVER_KINDS, openEventStream, type TargetServer } from './targets';
import { createWorkshop, joinWorkshop, submitAnswers } from './workshop-api';

/** Every answer moved to another option (or from N/A to one), so an edit changes the whole response. */
function edited(answers: Answers): Answers {
	const out: Answers = {};
	for (const q of BANK_V1.questions) {
		if (q.kind === 'profile') continue;
		const at = q.options.findIndex((o) => o.id === answers[q.id]);
		out[q.id] = q.options[(at + 1 + q.options.length) % q.options.length]!.id;
	}
	return out;
}

describe.each(SERVER_KINDS)('no step lets a facilitator derive one response, on $name', (kind) => {
	let server: TargetServer;
	beforeAll(async () => {
		server = await kind.start();
	}, 120_000);
	afterAll(async () => {
		await server?.stop();
	});

	test(
		'summary, stream and CSV from n = 2 to n = 6, submits and edits one at a time',
		{ timeout: 120_000 },
		async () => {
			const base = server.url;
			const workshop = await createWorkshop(base, 'Privacy', 3);
			const people = await Promise.all(Array.from({ length: 6 }, () => joinWorkshop(base, workshop.code)));
			const initial = fc.sample(answersArb(BANK_V1, 0), { numRuns: 6, seed: 1 });
			const stream = await openEventStream<DashboardState>(base, `${workshop.dashboard}/events`, workshop.cookie);
			await stream.waitFor(1);

			// n goes 2 → 6; edits in between; each step is one response created or changed.
			const steps: { who: number; answers: Answers; what: string }[] = [];
			const current: (Answers | null)[] = Array(6).fill(null);
			const submit = (who: number, what: string) => {
				const answers = current[who] ? edited(current[who]!) : initial[who]!;
				current[who] = answers;
				steps.push({ who, answers, what });
			};
			submit(0, 'n=1');
			submit(1, 'n=2');
			submit(0, 'edit'); // n = 2
			submit(2, 'n=3');
			submit(3, 'n=4');
			submit(1, 'edit'); // n = 4
			submit(4, 'n=5');
			submit(2, 'edit'); // n = 5
			submit(5, 'n=6');
			submit(3, 'edit'); // n = 6
			submit(0, 'edit');
			submit(4, 'edit');

			const observations: Observation[] = [];
			const byVersion = new Map<number, string>();
			const keep = (state: DashboardState, label: string) => {
				// Figures of one data version are identical wherever they are seen.
				const team = JSON.stringify(state.team);
				const seen = byVersion.get(state.dataVersion);
				if (seen !== undefined) expect(team, `${label}: version ${state.dataVersion}`).toBe(seen);
				else byVersion.set(state.dataVersion, team);
				const o = fromDashboard(label, state);
				if (o) observations.push(o);
			};
			let n = 0;
			for (const [i, step] of steps.entries()) {
				const events = stream.events.length;
				const res = await submitAnswers(base, workshop.code, people[step.who]!, step.answers, `privacy-${i}-key`);
				expect(res.status, `step ${i}`).toBeLessThan(300);
				if (step.what.startsWith('n=')) n++;
				// The stream pushes the change (counts move on every step, figures only in batches).
				await stream.waitFor(events + 1);
				const summary = (await (
					await fetch(`${base}${workshop.dashboard}/summary`, { headers: { cookie: workshop.cookie } })
				).json()) as DashboardState;
				expect(summary.submitted).toBe(n);
				keep(summary, `summary after step ${i} (${step.what})`);
				const csv = await fetch(`${base}${workshop.dashboard}/team.csv`, { headers: { cookie: workshop.cookie } });
				if (summary.team === null) expect(csv.status).toBe(409);
				else {
					expect(csv.status).toBe(200);
					const table = readCsvTable(await csv.text(), { what: 'a team CSV', columns: TEAM_CSV_COLUMNS });
					const rows = table.rows.map((r) => Object.fromEntries(TEAM_CSV_COLUMNS.map((c) => [c, table.get(r, c)])));
					const fromCsv = fromTeamCsv(`CSV after step ${i} (${step.what})`, rows);
					// The CSV holds exactly the summary's counts.
					expect(fromCsv.size).toBe(summary.team.size);
					expect([...fromCsv.counts.get(BANK_V1.questions[0]!.id)!.values()].reduce((a, b) => a + b, 0)).toBe(
						summary.team.size
					);
					observations.push(fromCsv);
				}
			}
			await new Promise((r) => setTimeout(r, 500));
			stream.close();
			for (const [i, event] of stream.events.entries()) keep(event, `stream event ${i}`);

			expect(leaks(observations)).toEqual([]);
			// Not vacuous: the figures were shown and moved — first at 3 responses, then twice more in batches of 3.
			const sizes = [...new Set(observations.map((o) => o.size))];
			expect(sizes).toEqual([3, 5, 6]);
			expect(byVersion.size).toBe(4); // none yet, then three releases
			const last = stream.events.at(-1)!;
			expect(last).toMatchObject({ submitted: 6, released: 6, pending: 2 });
		}
	);
});
