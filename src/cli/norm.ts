/**
 * `npm run norm`: simulates the surveyed population (seeded, see scoring/norm.ts), prints the simulated tier shares
 * under the shipped cut-offs beside the survey's, the cut-offs a fresh fit would choose, every linked figure's
 * simulated share, and the group profile check. Exits 1 when a shipped share is more than 3 points off.
 */
import { SURVEY_2026, tierShares } from '../../scoring/benchmark';
import { CURRENT_BANK } from '../../scoring/bank/index';
import {
	SIMULATION,
	fitCutoffs,
	groupProfileCheck,
	populationAxes,
	sharesOf,
	simulatePopulation,
	simulatedFigureShares
} from '../../scoring/norm';
import { TIER_IDS } from '../../scoring/schema';
import { TIER_CUTOFFS, TIER_LABELS } from '../../scoring/tiers';

const TOLERANCE = 3;
const bank = CURRENT_BANK;
const survey = tierShares(SURVEY_2026);
const population = simulatePopulation(bank);
const axes = populationAxes(bank, population);
const shipped = sharesOf(axes, TIER_CUTOFFS);
const fitted = fitCutoffs(axes);
const fmt = (n: number) => n.toFixed(1).padStart(5);

console.log(`Bank ${bank.id} ${bank.version}; ${SIMULATION.size} simulated organisations, seed ${SIMULATION.seed}`);
console.log(
	`correlation(use, control) ${SIMULATION.correlation}, practice loading ${SIMULATION.loading}, confidence loading ${SIMULATION.confidenceLoading}\n`
);
console.log(`Shipped cut-offs: ${JSON.stringify(TIER_CUTOFFS)}`);
console.log('tier         simulated  survey  diff');
let ok = true;
for (const t of TIER_IDS) {
	const diff = shipped[t] - survey[t];
	if (Math.abs(diff) > TOLERANCE) ok = false;
	console.log(
		`${TIER_LABELS[t].padEnd(12)} ${fmt(shipped[t])} %  ${fmt(survey[t])} %  ${diff >= 0 ? '+' : ''}${diff.toFixed(1)}`
	);
}
console.log(`\nA fresh fit would choose: ${JSON.stringify(fitted)} → ${JSON.stringify(sharesOf(axes, fitted))}`);

console.log('\nLinked survey figures (all respondents):');
for (const row of simulatedFigureShares(bank, population))
	console.log(
		`  ${row.figure.padEnd(26)} ${row.questionId.padEnd(28)} simulated ${fmt(row.simulated)} %  published ${fmt(row.published)} %`
	);

console.log('\nGroup profile check (shipped cut-offs; reported, not tuned):');
for (const c of groupProfileCheck(bank, population, TIER_CUTOFFS))
	console.log(
		`  ${TIER_LABELS[c.group]} who ${c.statement}: simulated ${c.simulated === null ? 'n/a' : `${c.simulated.toFixed(1)} %`}, survey ${c.published} % (${c.questionId ?? 'no question'}: ${c.matches.join(', ')})`
	);

if (!ok) {
	console.error(`\nA simulated tier share is more than ${TOLERANCE} points from the survey: re-fit TIER_CUTOFFS.`);
	process.exitCode = 1;
}
