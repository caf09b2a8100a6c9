/**
 * `npm run norm`: norms model 3.0 against the survey and prints what the norming can and cannot show — the simulated
 * group shares under the shipped cut-offs beside the survey's (and the miss, where the rules admit fewer Pioneers
 * than it reports), the Pioneer candidate share, every linked figure, the parametric bootstrap over the survey's
 * sampling error and the margins it gives, the rubric and assumption sensitivity table, the borderline and
 * `lifts: false` shares, and the survey's group profiles as checks. Exits 1 when a shipped cut-off, margin or
 * modelled profile no longer matches what the norming gives, or when the robust cut-off falls within the weak
 * cut-off's margin. `--size N` runs at a smaller size (the test suite does). docs/methodology.md, "Norming".
 */
import { SURVEY_2026, tierShares } from '$scoring/content/survey';
import { CURRENT_BANK } from '$scoring/content/banks/index';
import {
	borderlineShare,
	candidateShare,
	fitCutoffs,
	fittedMargins,
	groupProfileCheck,
	liftsFalseShares,
	measurePopulation,
	parametricBootstrap,
	sensitivityTable,
	sharesOf,
	typicalProfiles
} from '$scoring/norm/fit';
import { simulatePopulation, SIMULATION, questionTargets } from '$scoring/norm/simulate';
import { MODELLED_PROFILES } from '$scoring/present/modelled';
import { TIER_IDS, type TierId } from '$scoring/schema';
import { CUTOFFS, MARGINS } from '$scoring/model/v3/tiers';

const sizeArg = process.argv.indexOf('--size');
const size = sizeArg > 0 ? Number(process.argv[sizeArg + 1]) : SIMULATION.size;
if (!Number.isInteger(size) || size < 200) {
	console.error('error: --size must be a whole number of at least 200');
	process.exit(2);
}
const full = size === SIMULATION.size;
const bank = CURRENT_BANK;
const survey = tierShares(SURVEY_2026);
const LABEL: Record<TierId, string> = {
	exposed: 'Exposed',
	fragmented: 'Fragmented',
	outpacing: 'Outpacing',
	pioneer: 'Pioneer'
};
const f1 = (n: number) => n.toFixed(1).padStart(5);
const problems: string[] = [];
const started = Date.now();

const population = simulatePopulation(bank, SURVEY_2026, { ...SIMULATION, size });
const measured = measurePopulation(bank, population);
const axes = measured.map((x) => x.axes);
const shipped = sharesOf(axes, CUTOFFS);
const fitted = fitCutoffs(axes);

console.log(`Bank ${bank.id} ${bank.version}; ${size} simulated organisations, seed ${SIMULATION.seed}`);
console.log(`Simulation: ${JSON.stringify({ ...SIMULATION, size })}\n`);
console.log(`Shipped cut-offs: ${JSON.stringify(CUTOFFS)}`);
console.log(
	`A fresh fit chooses: controlHigh ${fitted.controlHigh}, controlLow ${fitted.controlLow}, useDeep ${fitted.useDeep}`
);
console.log(`Pioneer candidates (every condition but control): ${candidateShare(axes)} %\n`);
console.log('Group shares under the shipped cut-offs');
console.log('group        simulated  survey  diff');
for (const t of [...TIER_IDS].reverse()) {
	const diff = shipped[t] - survey[t];
	console.log(
		`${LABEL[t].padEnd(12)} ${f1(shipped[t])} %  ${f1(survey[t])} %  ${diff >= 0 ? '+' : ''}${diff.toFixed(1)}${Math.abs(diff) > 3 ? '  (miss: see below)' : ''}`
	);
}
if (Math.abs(shipped.pioneer - survey.pioneer) > 3)
	console.log(
		`The rules admit ${shipped.pioneer} % Pioneers where the survey reports ${survey.pioneer} %: only ${candidateShare(axes)} % meet every Pioneer condition but control (no critical gap, no weak guard, no severe finding, floors). The rules win; the difference lands in Fragmented and Outpacing in the survey's proportion.`
	);

console.log('\nLinked figures (simulated share beside the published one)');
for (const q of bank.questions)
	for (const t of questionTargets(q)) {
		if (t.basis === 'confidence') continue;
		const simulated =
			(population.filter((o) => t.matches.includes(o.answers[q.id] ?? '')).length / population.length) * 100;
		console.log(`  ${t.basis.padEnd(26)} ${q.id.padEnd(26)} ${f1(simulated)} %  published ${f1(t.share)} %`);
	}

console.log('\nGroup profiles (checks, not targets)');
for (const p of groupProfileCheck(measured, CUTOFFS))
	console.log(
		`  ${LABEL[p.group].padEnd(10)} ${p.statement.padEnd(56)} simulated ${p.simulated === null ? '  —  ' : f1(p.simulated) + ' %'}  published ${p.published} %  (${p.how})`
	);

console.log(
	`\nBorderline results: ${borderlineShare(axes, CUTOFFS)} % (within a margin of a cut-off that decides the group)`
);
const lifts = liftsFalseShares(bank, measured, full ? 2000 : 150);
console.log('Plans that cannot reach the next group in five changes (lifts: false), by group:');
for (const [t, e] of Object.entries(lifts))
	console.log(`  ${LABEL[t as TierId].padEnd(10)} ${f1(e.liftsFalse)} % of ${e.n}`);

const boot = parametricBootstrap(bank, full ? 120 : 8, full ? 3000 : 400);
const margins = fittedMargins(boot);
console.log(
	`\nParametric bootstrap over the survey's sampling error (${boot.samples} resampled surveys of ${SURVEY_2026.sample}, ${boot.size} organisations each):`
);
for (const [k, r] of Object.entries(boot.cutoffs))
	console.log(`  ${k.padEnd(12)} 90 % range ${r.low}–${r.high}  → margin ±${margins[k as keyof typeof margins]}`);
for (const t of [...TIER_IDS].reverse())
	console.log(`  ${LABEL[t].padEnd(12)} share under shipped cut-offs ${boot.shares[t].low}–${boot.shares[t].high} %`);

const rows = sensitivityTable(bank, measured, full ? 5000 : 400);
console.log(
	'\nSensitivity (one change at a time): the cut-offs a refit chooses, and the shares under the shipped ones'
);
console.log('  what'.padEnd(52) + 'value'.padEnd(26) + 'high   low  deep   Pio  Out  Fra  Exp  cand');
for (const r of rows)
	console.log(
		`  ${`${r.group}: ${r.assumption}`.padEnd(50)}${r.value.padEnd(26)}${f1(r.refit.controlHigh)} ${f1(r.refit.controlLow)} ${f1(r.refit.useDeep)} ${[r.shares.pioneer, r.shares.outpacing, r.shares.fragmented, r.shares.exposed].map(f1).join('')} ${f1(r.candidates)}`
	);

if (full) {
	for (const k of ['controlHigh', 'controlLow', 'useDeep'] as const) {
		if (fitted[k] !== CUTOFFS[k])
			problems.push(`CUTOFFS.${k} is ${CUTOFFS[k]}, the norming fits ${fitted[k]}: update scoring/model/v3/tiers.ts.`);
		if (margins[k] !== MARGINS[k])
			problems.push(
				`MARGINS.${k} is ${MARGINS[k]}, the bootstrap gives ${margins[k]}: update scoring/model/v3/tiers.ts.`
			);
	}
	if (JSON.stringify(typicalProfiles(measured, CUTOFFS)) !== JSON.stringify(MODELLED_PROFILES))
		problems.push(
			`MODELLED_PROFILES differs from the norming: update scoring/present/modelled.ts to ${JSON.stringify(typicalProfiles(measured, CUTOFFS))}.`
		);
}
if (CUTOFFS.controlHigh - CUTOFFS.controlLow <= MARGINS.controlLow)
	problems.push(
		`The robust cut-off (${CUTOFFS.controlHigh}) is within the weak cut-off's margin (${CUTOFFS.controlLow} ± ${MARGINS.controlLow}).`
	);
console.log(`\nFinished in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
for (const p of problems) console.error(`norm: ${p}`);
process.exitCode = problems.length ? 1 : 0;
