/**
 * `npm run norm`: simulates the surveyed population (seeded, see scoring/norm.ts) and prints what the norming can
 * and cannot show: the simulated tier shares under the shipped cut-offs beside the survey's (a match by
 * construction), every linked figure as a target, the group profiles as validation checks with their gaps, the
 * sensitivity table (cut-offs and shares as the assumptions vary), the bootstrap at n = 406, and the margins and
 * "placed lower" figures the app ships. Exits 1 when a shipped share is more than 3 points off, or when a shipped
 * margin or modelled figure no longer matches. `--size N` runs at a smaller size (the test suite does).
 */
import { SURVEY_2026, tierShares } from '../../scoring/content/survey';
import { CURRENT_BANK } from '../../scoring/content/banks/index';
import {
	SIMULATION,
	bootstrap,
	cutoffMargins,
	fitCutoffs,
	groupProfileCheck,
	modelledBelow,
	populationAxes,
	sensitivityTable,
	sharesOf,
	simulatePopulation,
	simulatedFigureShares,
	typicalProfiles
} from '../../scoring/norm/norm';
import { MODELLED_BELOW, MODELLED_PROFILES } from '../../scoring/present/modelled';
import { TIER_IDS } from '../../scoring/schema';
import { BORDERLINE_MARGINS, TIER_CUTOFFS, TIER_LABELS } from '../../scoring/model/v2/tiers';

const TOLERANCE = 3;
const sizeArg = process.argv.indexOf('--size');
const size = sizeArg > 0 ? Number(process.argv[sizeArg + 1]) : SIMULATION.size;
if (!Number.isInteger(size) || size < 100) {
	console.error('error: --size must be a whole number of at least 100');
	process.exit(2);
}
const full = size === SIMULATION.size;
const bank = CURRENT_BANK;
const survey = tierShares(SURVEY_2026);
const population = simulatePopulation(bank, SURVEY_2026, { ...SIMULATION, size });
const axes = populationAxes(bank, population);
const shipped = sharesOf(axes, TIER_CUTOFFS);
const fitted = fitCutoffs(axes);
const f1 = (n: number) => n.toFixed(1).padStart(5);
let ok = true;

console.log(`Bank ${bank.id} ${bank.version}; ${size} simulated organisations, seed ${SIMULATION.seed}`);
console.log(
	`correlation(use, control) ${SIMULATION.correlation}, loading ${SIMULATION.loading}, outcomes' use weight ${SIMULATION.outcomeUseWeight}, confidence loading ${SIMULATION.confidenceLoading}\n`
);
console.log(`Shipped cut-offs: ${JSON.stringify(TIER_CUTOFFS)}`);
console.log('Tier shares (a match by construction: three fitted cut-offs, three free shares)');
console.log('tier         simulated  survey  diff');
for (const t of TIER_IDS) {
	const diff = shipped[t] - survey[t];
	if (Math.abs(diff) > TOLERANCE) ok = false;
	console.log(
		`${TIER_LABELS[t].padEnd(12)} ${f1(shipped[t])} %  ${f1(survey[t])} %  ${diff >= 0 ? '+' : ''}${diff.toFixed(1)}`
	);
}
console.log(`A fresh fit would choose: ${JSON.stringify(fitted)}`);

console.log('\nTargets: linked survey figures (all respondents)');
for (const row of simulatedFigureShares(bank, population))
	console.log(
		`  ${row.figure.padEnd(26)} ${row.questionId.padEnd(26)} simulated ${f1(row.simulated)} %  published ${f1(row.published)} %${row.target ? '' : '  (check: overlaps a target)'}`
	);

console.log('\nValidation checks: the survey’s group profiles (shipped cut-offs; reported, not tuned)');
for (const c of groupProfileCheck(bank, population, TIER_CUTOFFS)) {
	const gap =
		c.simulated === null
			? 'n/a'
			: `${c.simulated - c.published >= 0 ? '+' : ''}${(c.simulated - c.published).toFixed(1)}`;
	console.log(
		`  ${TIER_LABELS[c.group]} who ${c.statement}: simulated ${c.simulated === null ? 'n/a' : `${c.simulated.toFixed(1)} %`}, survey ${c.published} %, gap ${gap} (${c.how})`
	);
}

console.log('\nSensitivity: one assumption changed at a time (refit cut-offs; shares under the shipped cut-offs)');
const rows = sensitivityTable(bank, size);
console.log(
	'  band    assumption                  value                  useDeep controlHigh controlLow | Exposed Fragm. Outpac. Pioneer'
);
for (const r of rows)
	console.log(
		`  ${r.band.padEnd(7)} ${r.assumption.padEnd(27)} ${r.value.padEnd(22)} ${f1(r.refit.useDeep)}   ${f1(r.refit.controlHigh)}      ${f1(r.refit.controlLow)}    | ${TIER_IDS.map((t) => f1(r.shares[t])).join('   ')}`
	);
const boot = bootstrap(axes);
console.log(`\nBootstrap: ${boot.samples} samples of ${boot.sampleSize} (5th–95th percentile)`);
for (const t of TIER_IDS)
	console.log(`  ${TIER_LABELS[t].padEnd(12)} share ${f1(boot.shares[t].low)} – ${f1(boot.shares[t].high)} %`);
for (const [k, v] of Object.entries(boot.cutoffs)) console.log(`  ${k.padEnd(12)} refit ${f1(v.low)} – ${f1(v.high)}`);

const margins = cutoffMargins(rows, boot);
const below = modelledBelow(rows, boot);
console.log(`\nBorderline margins (points): ${JSON.stringify(margins)}`);
console.log(`Modelled share placed lower, per tier: ${JSON.stringify(below)}`);
if (full) {
	for (const k of ['useDeep', 'controlHigh', 'controlLow'] as const)
		if (margins[k] !== BORDERLINE_MARGINS[k]) {
			console.error(
				`BORDERLINE_MARGINS.${k} is ${BORDERLINE_MARGINS[k]}, the norming gives ${margins[k]}: update scoring/tiers.ts.`
			);
			ok = false;
		}
	const profiles = typicalProfiles(bank, population);
	console.log(`Typical profile per group (median scores): ${JSON.stringify(profiles)}`);
	if (JSON.stringify(profiles) !== JSON.stringify(MODELLED_PROFILES)) {
		console.error('MODELLED_PROFILES differs from the norming: update scoring/modelled.ts.');
		ok = false;
	}
	if (JSON.stringify(below) !== JSON.stringify(MODELLED_BELOW)) {
		console.error('MODELLED_BELOW differs from the norming: update scoring/modelled.ts.');
		ok = false;
	}
}
if (!ok) {
	console.error(
		`\nThe shipped norming constants no longer match (shares within ±${TOLERANCE} points, margins, modelled figures).`
	);
	process.exitCode = 1;
}
