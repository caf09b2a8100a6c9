/**
 * The team presentation model: agreed answers in the team statistics, the facilitated workshop's items, the room
 * every phone and the presenter view show, and the team report's content.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { isCurrent } from '$scoring/model';
import { BANK_V1, BANK_V2, BANK_V3 } from '$scoring/content/banks/index';
import { GROUP_SUMMARIES, planOf } from '$scoring/present/result';
import { answerText } from '$scoring/present/answer-labels';
import {
	actionLine,
	actionsSentence,
	agreeableAnswers,
	closingLines,
	clockTime,
	followUpLine,
	previousSessionLines,
	recordsInReviewOrder,
	facilitationItems,
	facilitatorSeesLines,
	formationSentence,
	leftOutLine,
	leftOutOfTeamLine,
	presentConsole,
	presentRoom,
	presentTeamPage,
	presentTeamReport,
	teamConfidenceSentence,
	type Agreement,
	teamDimensionRows,
	type RoomInput
} from '$scoring/present/team';
import { AnswersError } from '$scoring/answers';
import { teamStatsToCsv } from '$scoring/export/team-csv';
import { DONT_KNOW, NOT_APPLICABLE, NOT_TRACKED, VARIES } from '$scoring/schema';
import { teamStats } from '$scoring/model/team-stats';
import { TIER_LABELS } from '$scoring/present/labels';
import { points, signedPoints } from '$scoring/present/format';
import { allAt, answersArb } from '../fixtures/answers';
import { EMPTY_RECORD } from '../fixtures/agreements';
import { previousSession } from '../fixtures/team';

const bank = BANK_V3;
const sets = fc.sample(answersArb(bank, 0), { numRuns: 5, seed: 7 });

describe('agreed answers in the team statistics', () => {
	const plain = teamStats(bank, sets, { minGroupSize: 3 })!;
	const q = plain.questions.find((x) => x.options && x.medianAnswer !== x.options.at(-1)!.optionId)!;
	const top = bank.questions.find((x) => x.id === q.questionId)!.options.at(-1)!.id;

	it('an agreed answer replaces the median as the team answer and says so; the rest stay medians', () => {
		const stats = teamStats(bank, sets, { minGroupSize: 3, agreed: { [q.questionId]: top } })!;
		const agreed = stats.questions.find((x) => x.questionId === q.questionId)!;
		expect(agreed).toMatchObject({ teamAnswer: top, teamAnswerSource: 'agreed', medianAnswer: q.medianAnswer });
		expect(stats.teamAnswers[q.questionId]).toBe(top);
		expect(stats.formed).toEqual({ agreed: 1, median: plain.formed.median - 1 });
		// The counts are the answers' own: an agreement changes no count.
		expect(agreed.options).toEqual(q.options);
		for (const other of stats.questions.filter((x) => x.questionId !== q.questionId))
			expect(other.teamAnswerSource).toBe(
				plain.questions.find((x) => x.questionId === other.questionId)!.teamAnswerSource
			);
	});

	it('an agreed answer the bank does not accept is refused; one the team’s own gate rules out is no team answer', () => {
		expect(() => teamStats(bank, sets, { agreed: { nope: 'x' } })).toThrow(AnswersError);
		expect(() => teamStats(bank, sets, { agreed: { profile_role: 'ceo' } })).toThrow(AnswersError);
		expect(() => teamStats(bank, sets, { agreed: { [q.questionId]: 'zzz' } })).toThrow(AnswersError);
		// Bank 3.0.0 asks every question of everyone: "not applicable" is no answer to a guard.
		expect(() => teamStats(bank, sets, { agreed: { risk_agent_guardrails: NOT_APPLICABLE } })).toThrow(AnswersError);
		// On bank 2.0.0, where agents act for everyone, "not applicable" on an agent question is no team answer.
		const v2 = [allAt(BANK_V2, 'best'), allAt(BANK_V2, 'best'), allAt(BANK_V2, 'worst')].map((a) => ({
			...a,
			ai_agents: 'prod_scoped'
		}));
		const stats = teamStats(BANK_V2, v2, { agreed: { risk_agent_guardrails: NOT_APPLICABLE } })!;
		expect(stats.questions.find((x) => x.questionId === 'risk_agent_guardrails')).toMatchObject({
			teamAnswer: null,
			teamAnswerSource: null
		});
	});

	it('says how the team answers were formed', () => {
		expect(formationSentence({ formed: { agreed: 0, median: 40 } }, 'self_paced')).toBe(
			'Each question’s team answer is the answer given nearest the median of the team’s answers.'
		);
		expect(formationSentence({ formed: { agreed: 0, median: 40 } })).toMatch(
			/No team answer has been agreed yet: all 40/
		);
		expect(formationSentence({ formed: { agreed: 1, median: 1 } })).toBe(
			'1 team answer was agreed in discussion; the 1 other is the answer given nearest the median of the team’s answers.'
		);
		expect(formationSentence({ formed: { agreed: 3, median: 37 } })).toBe(
			'3 team answers were agreed in discussion; the 37 others are the answer given nearest the median of the team’s answers.'
		);
	});
});

describe('facilitated items', () => {
	it('one per dimension, every scored and confidence question in exactly one, confidence last, never profile', () => {
		for (const b of [BANK_V1, BANK_V2]) {
			const items = facilitationItems(b);
			expect(items.map((i) => i.id)).toEqual(b.dimensions.map((d) => d.id));
			const ids = items.flatMap((i) => i.questionIds);
			expect(new Set(ids).size).toBe(ids.length);
			expect([...ids].sort()).toEqual(
				b.questions
					.filter((q) => q.kind !== 'profile')
					.map((q) => q.id)
					.sort()
			);
			for (const item of items)
				expect(b.questions.find((q) => q.id === item.questionIds.at(-1))!.kind).toBe('confidence');
		}
	});

	it('what a team may agree on: the options, “don’t know”, and “not applicable” only where a gate can skip', () => {
		const policy = bank.questions.find((q) => q.id === 'gov_formal_policy')!;
		expect(agreeableAnswers(bank, policy).map((a) => a.id)).toEqual([
			...policy.options.map((o) => o.id),
			DONT_KNOW,
			VARIES
		]);
		const outcome = bank.questions.find((q) => q.id === 'out_drift')!;
		expect(
			agreeableAnswers(bank, outcome)
				.map((a) => a.id)
				.slice(-2)
		).toEqual([DONT_KNOW, NOT_TRACKED]);
		// A workshop still on bank 2.0.0 keeps its gates.
		const gated = BANK_V2.questions.find((q) => q.id === 'risk_agent_guardrails')!;
		expect(
			agreeableAnswers(BANK_V2, gated)
				.map((a) => a.id)
				.slice(-2)
		).toEqual([DONT_KNOW, NOT_APPLICABLE]);
		expect(agreeableAnswers(BANK_V2, gated).at(-1)!.label).toBe('Not applicable');
	});
});

const roomBase: RoomInput = {
	bank,
	mode: 'facilitated',
	status: 'open',
	phase: 'lobby',
	item: null,
	round: 0,
	voteSeq: 0,
	joined: 5,
	voted: 0,
	minGroupSize: 3,
	dataVersion: 1,
	stats: null,
	agreements: []
};

describe('the room', () => {
	const stats = teamStats(bank, sets, { minGroupSize: 3, agreed: { gov_formal_policy: 'app_code' } })!;
	const base: RoomInput = {
		bank,
		mode: 'facilitated',
		status: 'open',
		phase: 'lobby',
		item: null,
		round: 0,
		voteSeq: 0,
		joined: 5,
		voted: 0,
		minGroupSize: 3,
		dataVersion: 1,
		stats: null,
		agreements: []
	};

	it('a timer: shown in its own phase only, with its absolute end and what zero does, in words', () => {
		const voteTimer = { kind: 'vote', endsAt: 1_000_000, seconds: 120, closesVote: true } as const;
		const voting = { ...base, phase: 'voting', item: 'governance', round: 1, voteSeq: 1 } as const;
		expect(presentRoom({ ...voting, timer: voteTimer }).timer).toEqual({
			kind: 'vote',
			endsAt: 1_000_000,
			seconds: 120,
			atZero: 'closes_vote',
			label: 'Time to vote',
			untilZero: 'At zero the vote closes: later votes are not counted.',
			zeroLine: 'Time is up: the vote is closed. Votes sent now are not counted.'
		});
		expect(presentRoom({ ...voting, timer: { ...voteTimer, closesVote: false } }).timer).toMatchObject({
			atZero: 'advisory',
			zeroLine: 'Time is up. Votes still count until the facilitator reveals them.'
		});
		// A vote timer is not shown once the vote is revealed, nor anything once closed.
		expect(presentRoom({ ...voting, phase: 'revealed', timer: voteTimer }).timer).toBeNull();
		const discussion = { kind: 'discussion', endsAt: 5, seconds: 300, closesVote: false } as const;
		expect(presentRoom({ ...voting, phase: 'revealed', timer: discussion }).timer).toMatchObject({
			kind: 'discussion',
			atZero: 'advisory',
			label: 'Discussion time'
		});
		expect(presentRoom({ ...voting, status: 'closed', timer: voteTimer }).timer).toBeNull();
		expect(presentRoom(base).timer).toBeNull();
	});

	it('a timer reads as minutes and seconds, rounded up, never below zero', () => {
		expect([0, -5, 1, 999, 1000, 59_001, 60_000, 600_000].map(clockTime)).toEqual([
			'0:00',
			'0:00',
			'0:01',
			'0:01',
			'0:01',
			'1:00',
			'1:00',
			'10:00'
		]);
	});

	it('the lobby: nothing to reveal, no team result, the first item next', () => {
		const room = presentRoom(base);
		expect(room).toMatchObject({
			item: null,
			reveal: null,
			team: null,
			canReveal: false,
			next: { id: 'ai_integration' }
		});
		expect(room.lines.heading).toBe('Waiting for the first vote');
		expect(room.lines.votes).toBe('5 people have joined');
	});

	it('a vote: the reveal waits for the minimum of votes; a re-vote says so', () => {
		const voting = { ...base, phase: 'voting' as const, item: 'governance', round: 1, voteSeq: 2, voted: 2 };
		expect(presentRoom(voting)).toMatchObject({ canReveal: false, reveal: null, next: { id: 'automation' } });
		expect(presentRoom(voting).lines.presenter).toBe('The votes can be revealed once 3 people have voted.');
		expect(presentRoom(voting).lines.votes).toBe('2 votes of 5 joined');
		expect(presentRoom({ ...voting, voted: 3 }).canReveal).toBe(true);
		const again = presentRoom({ ...voting, round: 2, voted: 3 });
		expect(again.lines.heading).toBe('Re-vote: Governance maturity');
		expect(again.lines.phone).toMatch(/submit them again to keep them/);
	});

	it('a reveal: most split first (no figures last), options by label, the median and the agreed answer — no note', () => {
		const input = {
			...base,
			phase: 'revealed' as const,
			item: 'governance',
			round: 1,
			voteSeq: 1,
			stats,
			agreements: [
				{
					...EMPTY_RECORD,
					questionId: 'gov_formal_policy',
					agreedAnswer: 'app_code',
					note: 'A note',
					action: 'An action',
					actionOwner: 'The private owner',
					actionDue: '2031-02-03'
				}
			]
		};
		const room = presentRoom(input);
		// An action's owner and due date never reach the phones either.
		expect(JSON.stringify(room)).not.toMatch(/private owner|2031-02-03/);
		const items = facilitationItems(bank);
		const ids = items.find((i) => i.id === 'governance')!.questionIds;
		expect([...room.reveal!.map((q) => q.questionId)].sort()).toEqual([...ids].sort());
		// Most split first, ties in questionnaire order, suppressed questions last; numbered in that order.
		const key = (q: (typeof room.reveal & {})[number]) => (q.disagreement === null ? -1 : q.disagreement);
		for (let i = 1; i < room.reveal!.length; i++) {
			const [a, b] = [room.reveal![i - 1]!, room.reveal![i]!];
			expect(key(a) > key(b) || (key(a) === key(b) && ids.indexOf(a.questionId) < ids.indexOf(b.questionId))).toBe(
				true
			);
		}
		expect(room.reveal!.map((q) => q.number)).toEqual(room.reveal!.map((_, i) => i + 1));
		expect(room.shown).toBe(0);
		expect(room.lines.where).toBe(`Dimension 2 of 5 · question 1 of ${ids.length}, most split first`);
		const policy = room.reveal!.find((q) => q.questionId === 'gov_formal_policy')!;
		const question = bank.questions.find((q) => q.id === 'gov_formal_policy')!;
		expect(policy.options!.map((o) => o.label)).toEqual(
			[...question.options].sort((a, b) => a.score - b.score).map((o) => o.label)
		);
		expect(policy.options!.reduce((n, o) => n + o.count, 0)).toBe(policy.answered);
		const agreedLabel = question.options.find((o) => o.id === 'app_code')!.label;
		expect(policy).toMatchObject({ agreed: agreedLabel, agreedLine: `Agreed: ${agreedLabel}` });
		expect(policy.median).toBe(
			question.options.find((o) => o.id === stats.questions.find((x) => x.questionId === question.id)!.medianAnswer)!
				.label
		);
		// Nothing the facilitator types reaches the room; the console has it.
		expect(JSON.stringify(room)).not.toMatch(/A note|An action/);
		const consoleView = presentConsole({ ...input, closing: null });
		expect(consoleView.records!.find((r) => r.questionId === 'gov_formal_policy')).toMatchObject({
			agreedId: 'app_code',
			note: 'A note',
			action: 'An action'
		});
		expect(consoleView.records!.map((r) => r.questionId)).toEqual(room.reveal!.map((q) => q.questionId));
		// The display shows the question the console chose.
		const chosen = room.reveal![2]!.questionId;
		expect(presentRoom({ ...input, shownQuestion: chosen }).shown).toBe(2);
		expect(presentRoom({ ...input, shownQuestion: 'not_in_it' }).shown).toBe(0);
		expect(room.lines.privacy).toBe(
			'A question’s figures change only when at least 3 answers to it have changed, so no one’s vote can be read from a reveal.'
		);
		// Before anything is released the reveal says why nothing shows.
		const empty = presentRoom({ ...base, phase: 'revealed', item: 'governance', round: 1 });
		expect(empty.reveal![0]!.suppressed).toMatch(/once at least 3 answers to a question are in/);
	});

	it('a re-vote says, per question, whether it shows this round’s figures or earlier ones held back', () => {
		const ids = facilitationItems(bank).find((i) => i.id === 'governance')!.questionIds;
		const [moved, held] = ids as [string, string];
		// Vote 3 opened round 1 of governance; vote 4 is its re-vote. `moved` was released by vote 4, `held` by vote 3.
		const input = {
			...base,
			phase: 'revealed' as const,
			item: 'governance',
			round: 2,
			voteSeq: 4,
			stats,
			questionReleases: { [moved]: 4, [held]: 3 }
		};
		const room = presentRoom(input);
		const q = (id: string) => room.reveal!.find((x) => x.questionId === id)!;
		expect(q(moved)).toMatchObject({
			figures: 'this_vote',
			figuresLine: 'Round 2 figures: at least 3 answers to this question changed in the re-vote.'
		});
		expect(q(held)).toMatchObject({
			figures: 'held',
			figuresLine:
				'Round 1 figures, held back: a question’s figures change only once at least 3 answers to it have changed, so a smaller change stays hidden.'
		});
		// A question released before this run of votes (an earlier visit to the dimension) says so.
		expect(
			presentRoom({ ...input, questionReleases: { [held]: 1 } }).reveal!.find((x) => x.questionId === held)
		).toMatchObject({
			figures: 'held',
			figuresLine: expect.stringMatching(/^Figures from an earlier vote, held back:/)
		});
		// A first round says nothing of rounds.
		const first = presentRoom({ ...input, round: 1, voteSeq: 3, questionReleases: { [held]: 3 } });
		expect(first.reveal!.find((x) => x.questionId === held)).toMatchObject({ figures: 'this_vote', figuresLine: null });
		// The console says at every re-vote that small changes stay hidden — open and revealed.
		for (const phase of ['voting', 'revealed'] as const)
			expect(presentConsole({ ...input, phase, closing: null }).lines.revote).toMatch(
				/^Re-vote: a question’s figures change only once at least 3 people have changed their answer to it\. A smaller change stays hidden/
			);
		expect(presentConsole({ ...input, round: 1, closing: null }).lines.revote).toBeNull();
	});

	it('closed: the team result with how it was formed and its answer code; none below the minimum', () => {
		const closed = presentRoom({ ...base, status: 'closed', phase: 'revealed', item: 'platform', stats });
		expect(closed.reveal).toBeNull();
		expect(stats.result.tier).not.toBeNull();
		expect(closed.team!.headline).toBe(`The team is in ${closed.team!.tierLabel}.`);
		expect(closed.team!.formed).toMatch(/1 team answer was agreed in discussion/);
		expect(closed.team!.code).toEqual(expect.any(String));
		expect(presentRoom({ ...base, status: 'closed' }).team).toMatchObject({ code: null, tierLabel: null });
	});
});

describe('what a participant is told before the first answer', () => {
	it('self-paced: the batches of responses, and late answers left out at close', () => {
		const { items, closing } = facilitatorSeesLines('self_paced', 3);
		expect(items.join(' ')).toMatch(
			/once at least 3 people have submitted.*at least 3 new or changed responses.*fewer than 3, stay out of the team result when the workshop closes/
		);
		expect(items.join(' ')).not.toMatch(/once, when the workshop closes/);
		expect(closing).toMatch(/never sees your answers on their own/);
	});
	it('facilitated: reveals, re-votes and the agreed team result', () => {
		const { items } = facilitatorSeesLines('facilitated', 4);
		expect(items.join(' ')).toMatch(
			/once at least 4 people have answered it.*at least 4 people have changed their answer/
		);
		expect(items.join(' ')).not.toMatch(/stay out of the team result/);
	});
});

describe('late answers left out at close', () => {
	it('the participant is told whether none or only their last changes are in the team result', () => {
		expect(leftOutLine(3, false)).toMatch(/^Your answers are not in the team result: .*fewer than 3 people/);
		expect(leftOutLine(3, true)).toMatch(/^The team result holds your earlier answers, not your last changes/);
	});
	it('the facilitator is told how many, and what reopening would take', () => {
		expect(leftOutOfTeamLine(1, 3)).toMatch(
			/^1 response came in after the figures last changed and is not included .* once 2 more new or changed responses arrive\.$/
		);
		expect(leftOutOfTeamLine(2, 3)).toMatch(
			/^2 responses .* are not included .* once 1 more new or changed response arrives\.$/
		);
	});
});

describe('the team report', () => {
	const agreements: Agreement[] = [
		{
			...EMPTY_RECORD,
			questionId: 'plat_platform_team',
			note: 'Platform is two people.',
			action: 'Hire.',
			actionOwner: 'Head of platform',
			actionDue: '2026-06-30'
		},
		{ ...EMPTY_RECORD, questionId: 'gov_formal_policy', agreedAnswer: 'app_code', action: 'Publish it.' }
	];
	const stats = teamStats(bank, sets, { minGroupSize: 3, agreed: { gov_formal_policy: 'app_code' } })!;
	const input = {
		bank,
		stats,
		mode: 'facilitated' as const,
		title: 'Offsite',
		organisation: 'Example',
		agreements,
		generatedAt: new Date('2026-07-01T10:00:00Z'),
		methodologyUrl: 'https://readiness.example/methodology'
	};
	const report = presentTeamReport(input);

	it('reads the team’s group with the sentence a person’s result uses, never the survey’s description', () => {
		const tier = stats.result.tier!;
		expect(report.cover.tierSummary).toBe(GROUP_SUMMARIES[tier]);
		expect(report.summary[0]).toMatch(
			new RegExp(`place the team in ${TIER_LABELS[tier]}.*\\. ${GROUP_SUMMARIES[tier].replace(/[.()]/g, '\\$&')}$`)
		);
		const page = presentTeamPage({ bank, stats, mode: 'facilitated', minGroupSize: 3 });
		expect(page.summary).toBe(GROUP_SUMMARIES[tier]);
	});

	it('discussion notes in questionnaire order, saying whether the answer was agreed or the median', () => {
		expect(report.discussion.items.map((d) => d.questionId)).toEqual(['gov_formal_policy', 'plat_platform_team']);
		expect(report.discussion.items[0]!.answer).toMatch(/^Agreed: Approved; covers application code only/);
		expect(report.discussion.items[1]).toMatchObject({
			note: 'Platform is two people.',
			action: 'Hire. Owner: Head of platform · due 2026-06-30 · open'
		});
		expect(report.discussion.items[0]!.action).toBe('Publish it. Owner: not named · no due date · open');
		expect(report.discussion.items[1]!.answer).toMatch(/^No answer agreed; median: /);
		expect(presentTeamReport({ ...input, agreements: [], mode: 'self_paced' }).discussion.empty).toMatch(/self-paced/);
	});

	it('the plan is planOf the team answers; the summary leaves AI integration depth out of strongest and weakest', () => {
		expect(isCurrent(stats.result)).toBe(true);
		if (isCurrent(stats.result)) expect(report.plan).toEqual(planOf(bank, stats.result));
		const line = report.summary.find((s) => s.includes('the highest team score is in'))!;
		expect(line).not.toMatch(/AI integration depth|risk exposure/i);
		expect(
			report.summary.some((s) =>
				/^Risk exposure: [\d.]+ of 100 \(higher means more exposed\), from team answers to \d+ of \d+ questions\.$/.test(
					s
				)
			)
		).toBe(true);
		expect(report.cover.facts).toContainEqual(['Workshop', 'Facilitated workshop']);
		expect(report.formed.rows.reduce((n, r) => n + r.agreed, 0)).toBe(1);
	});

	it('says how many submitted responses are not in the figures, in the report and the CSV; nothing when none are', () => {
		const late = presentTeamReport({ ...input, leftOut: 1 });
		expect(late.summary[1]).toBe(
			'1 response came in after the figures last changed and is not included in the team result: fewer than 3, they would show their senders’ answers as the difference they make.'
		);
		expect(presentTeamReport({ ...input, leftOut: 0 }).summary).toEqual(report.summary);
		const rows = Papa.parse<Record<string, string>>(
			teamStatsToCsv(bank, stats, { leftOut: 1 }).replace(/^\uFEFF/, ''),
			{
				header: true
			}
		).data;
		expect(rows.find((r) => r.metric === 'left_out')).toMatchObject({ section: 'team', value: '1' });
		expect(teamStatsToCsv(bank, stats)).not.toContain('left_out');
	});

	it('every comparison in the executive summary says on what it rests', () => {
		const [tier, strongest, , confidence, split] = report.summary;
		expect(tier).toMatch(
			/^These figures come from the answers of \d+ people(, not all of whom answered every question \(each figure says how many it rests on\))?\. The team answers to \d+ of the \d+ scored questions place the team in /
		);
		// Strongest and weakest: the highest and lowest of the practice dimensions, each with the answers behind it.
		expect(strongest).toMatch(
			/^Of the 3 practice dimensions the team result covers, the highest team score is in .+ \([\d.]+ of 100, from team answers to \d+ of \d+ questions\); the lowest is in .+ \([\d.]+ of 100, from team answers to \d+ of \d+ questions\)\.$/
		);
		expect(confidence).toMatch(/comparing its answers to the confidence questions with its practice scores\.$/);
		expect(split).toMatch(/\(disagreement \d+\u00a0% among \d+ people who chose an option\)/);
	});

	it('a gap resting on a team answer counted lower than given says why, so it never reads as contradicting it', () => {
		let checked = 0;
		fc.assert(
			fc.property(answersArb(bank), (answers) => {
				const stats = teamStats(bank, [answers, answers, answers], { minGroupSize: 3 })!;
				if (!isCurrent(stats.result)) return;
				const r = presentTeamReport({ ...input, stats, agreements: [] });
				for (const g of r.gaps.items) {
					const counted = stats.result.inconsistencies.find(
						(i) => i.questionId === g.questionId && i.kind !== 'contradiction'
					);
					if (!counted) continue;
					checked++;
					expect(g.basis).toContain(
						`the team answered “${answerText(
							bank.questions.find((q) => q.id === g.questionId)!,
							counted.given
						)}”, counted as`
					);
				}
			}),
			{ numRuns: 60 }
		);
		expect(checked).toBeGreaterThan(0);
	});

	it('the executive summary has the team’s critical gaps and severe findings, each with the team answer it rests on', () => {
		const worst = teamStats(bank, [allAt(bank, 'worst'), allAt(bank, 'worst'), allAt(bank, 'worst')], {
			minGroupSize: 3
		})!;
		const r = presentTeamReport({ ...input, stats: worst, agreements: [] });
		expect(r.gaps.heading).toBe('Critical gaps, weak guards and severe findings');
		expect(r.gaps.empty).toBeNull();
		const kinds = new Set(r.gaps.items.map((g) => g.kind));
		expect(kinds.has('critical_gap')).toBe(true);
		expect(kinds.has('severe_finding')).toBe(true);
		for (const g of r.gaps.items) {
			const q = bank.questions.find((x) => x.id === g.questionId)!;
			expect(g.sentence).not.toBe('');
			expect(g.basis).toBe(
				`The team answer to “${q.text}” is “${answerText(q, worst.teamAnswers[g.questionId]!)}”, the median of 3 answers.`
			);
		}
		const best = teamStats(bank, [allAt(bank, 'best'), allAt(bank, 'best'), allAt(bank, 'best')], { minGroupSize: 3 })!;
		expect(presentTeamReport({ ...input, stats: best, agreements: [] }).gaps).toMatchObject({
			items: [],
			empty: 'The team answers show no critical gap, severe finding or weak guard.'
		});
	});

	it('a team that agrees on everything has no split questions, and says so', () => {
		const same = teamStats(bank, [allAt(bank, 'best'), allAt(bank, 'best'), allAt(bank, 'best')])!;
		const r = presentTeamReport({ ...input, stats: same, agreements: [] });
		expect(r.split).toMatchObject({ questions: [], empty: 'The team gave the same answer to every question shown.' });
		expect(r.plan.empty).not.toBeNull();
	});

	it('labels inside sentences keep acronyms', () => {
		expect(
			teamConfidenceSentence(
				{ dimension: 'ai_integration', confidence: 50, practice: null, gap: null, overconfident: false },
				'AI integration depth'
			)
		).toMatch(/^In AI integration depth, /);
	});
});

describe('actions and follow-up sessions', () => {
	const action = (questionId: string, over: Partial<Agreement>): Agreement => ({
		...EMPTY_RECORD,
		questionId,
		action: `Act on ${questionId}.`,
		...over
	});

	it('an action reads with its owner, due date, status and the session it was carried from', () => {
		expect(
			actionLine(
				action('q', {
					action: 'Rotate the deploy keys',
					actionOwner: 'Head of platform',
					actionDue: '2026-09-30',
					carriedFrom: '2026-05-01'
				})
			)
		).toBe(
			'Rotate the deploy keys — Owner: Head of platform · due 2026-09-30 · open · carried from the session of 2026-05-01'
		);
		expect(actionLine(action('q', { actionStatus: 'dropped' }))).toBe(
			'Act on q. Owner: not named · no due date · dropped'
		);
		expect(actionLine(EMPTY_RECORD)).toBeNull();
	});

	it('the summary counts actions by status, open ones past their date, and those carried', () => {
		const records = [
			action('a', { actionDue: '2026-06-30' }),
			action('b', { actionDue: '2026-07-01', carriedFrom: '2026-05-01' }),
			action('c', { actionStatus: 'done', carriedFrom: '2026-05-01' }),
			{ ...EMPTY_RECORD, questionId: 'd', note: 'Only a note.' }
		];
		expect(actionsSentence(records, '2026-07-01')).toBe(
			'3 actions: 2 open (1 past its due date), 1 done. 2 were carried from an earlier session and reviewed first.'
		);
		expect(actionsSentence([records[3]!], '2026-07-01')).toBeNull();
	});

	it('carried actions are listed first, then the rest in the bank’s order; unknown questions are left out', () => {
		const [first, second, third] = bank.questions.filter((q) => q.kind !== 'profile').map((q) => q.id);
		const ordered = recordsInReviewOrder(bank, [
			action(third!, {}),
			action('gone', { carriedFrom: '2026-05-01' }),
			action(first!, {}),
			action(second!, { carriedFrom: '2026-05-01' })
		]);
		expect(ordered.map((a) => a.questionId)).toEqual([second, first, third]);
	});

	it('the dashboard says what a follow-up carries and what stays behind', () => {
		expect(followUpLine(0, 0)).toMatch(/No action is open, so none is carried\./);
		expect(followUpLine(2, 0)).toMatch(/2 open actions are carried, to be reviewed first\./);
		expect(followUpLine(3, 1)).toMatch(
			/2 open actions are carried, to be reviewed first; 1 stays here \(the current questionnaire no longer asks its question\)\./
		);
		expect(followUpLine(1, 1)).toMatch(
			/The open action stays here: the current questionnaire no longer asks its question\./
		);
	});

	const better = teamStats(bank, [allAt(bank, 'best'), allAt(bank, 'best'), allAt(bank, 'best')], { minGroupSize: 3 })!;
	const worse = teamStats(bank, [allAt(bank, 'worst'), allAt(bank, 'worst'), allAt(bank, 'worst')], {
		minGroupSize: 3
	})!;
	const previous = previousSession(bank, worse);

	it('a follow-up’s report sets the last session’s team result beside this one', () => {
		const report = presentTeamReport({
			bank,
			stats: better,
			mode: 'facilitated',
			title: 'Follow-up: Offsite',
			organisation: null,
			agreements: [action('gov_formal_policy', { carriedFrom: '2026-05-01', actionStatus: 'done' })],
			generatedAt: new Date('2026-07-01T10:00:00Z'),
			methodologyUrl: 'https://readiness.example/methodology',
			previous
		});
		const beside = report.summary.find((s) => s.startsWith('Beside the last session'))!;
		expect(beside).toContain('(“Offsite”, 2026-05-01, 3 people)');
		expect(beside).toContain(
			`the team moved up from ${TIER_LABELS[worse.result.tier!]} to ${TIER_LABELS[better.result.tier!]}`
		);
		expect(beside).toContain(
			`foundations from ${points(worse.result.control)} to ${points(better.result.control)} (${signedPoints(better.result.control! - worse.result.control!)})`
		);
		expect(report.summary.find((s) => s.startsWith('Since the last session, by dimension'))).toMatch(
			/governance maturity from [\d.]+ to [\d.]+ \(\+/
		);
		expect(report.cover.facts).toContainEqual([
			'Last session',
			`${TIER_LABELS[worse.result.tier!]}, foundations ${points(worse.result.control)} of 100 (2026-05-01)`
		]);
		expect(report.summary).toContain(
			'1 action: 0 open, 1 done. 1 was carried from an earlier session and reviewed first.'
		);
		expect(report.discussion.items[0]!.action).toMatch(/done · carried from the session of 2026-05-01$/);
	});

	it('a last session without a team result says so instead of comparing', () => {
		expect(previousSessionLines({ ...previous, stats: null }, { bank, stats: better })).toEqual([
			'The last session (“Offsite”, 2026-05-01) has no team result to set beside this one: fewer than 3 people had answers in its figures.'
		]);
	});
});

describe('a session closed part-way: dimensions not covered', () => {
	const governance = facilitationItems(bank).find((i) => i.id === 'governance')!;
	// Four people voted on governance only: the other dimensions have no answers at all.
	const only = (answers: ReturnType<typeof allAt>) =>
		Object.fromEntries(Object.entries(answers).filter(([id]) => governance.questionIds.includes(id)));
	// Each governance question's second-strongest option: a plan step above it, and (as the team answer of an even
	// split with the strongest) an answer somebody chose.
	const secondBest = Object.fromEntries(
		governance.questionIds.map((id) => {
			const q = bank.questions.find((x) => x.id === id)!;
			const byScore = [...q.options].sort((a, b) => a.score - b.score);
			return [id, byScore[Math.max(0, byScore.length - 2)]!.id];
		})
	);
	const sets = [only(allAt(bank, 'best')), secondBest, secondBest, only(allAt(bank, 'best'))];
	const stats = teamStats(bank, sets, { minGroupSize: 3 })!;
	const uncovered = bank.dimensions.filter((d) => d.id !== 'governance');

	it('every surface’s dimension rows: a score for governance, none for the rest', () => {
		const rows = teamDimensionRows(bank, stats);
		expect(rows.find((r) => r.dimension === 'governance')).toMatchObject({ covered: true });
		expect(rows.find((r) => r.dimension === 'governance')!.score).not.toBeNull();
		for (const d of uncovered)
			expect(rows.find((r) => r.dimension === d.id)).toMatchObject({
				covered: false,
				score: null,
				scoreText: 'Not covered'
			});
		const room = presentRoom({ ...roomBase, status: 'closed', stats });
		expect(room.team!.dimensions.filter((d) => !d.covered).map((d) => d.score)).toEqual(
			uncovered.map(() => 'Not covered')
		);
		expect(room.team!.notCovered).toBe(
			'AI integration depth, infrastructure automation maturity, risk exposure and platform readiness are not covered: each needs answers from at least 3 people, so the team result gives them no score, no spread and no plan items.'
		);
	});

	it('the team report: no score, spread, strongest or weakest, foundations or plan item from a dimension not covered', () => {
		const report = presentTeamReport({
			bank,
			stats,
			mode: 'facilitated',
			title: 'Closed early',
			organisation: null,
			agreements: [],
			generatedAt: new Date('2026-07-01T10:00:00Z'),
			methodologyUrl: 'https://readiness.example/methodology'
		});
		for (const d of uncovered) {
			const row = report.dimensions.find((r) => r.dimension === d.id)!;
			expect(row).toMatchObject({ scoreText: 'Not covered', spread: '—', respondents: 0 });
			expect(report.confidence.find((c) => c.label === d.label)).toMatchObject({
				confidence: '—',
				practice: '—',
				gap: '—',
				sentence: `${d.label} is not covered: it needs answers from at least 3 people.`
			});
		}
		expect(report.summary.join(' ')).not.toMatch(/Strongest|Weakest|Risk exposure: /);
		expect(report.summary).toContain(room().team!.notCovered);
		expect(report.index).toBe('—');
		expect(report.cover.facts).toContainEqual([
			'Team foundations',
			'Not given: it rests on infrastructure automation maturity, risk exposure and platform readiness, not covered'
		]);
		// The scores page gives no foundations figure either (it printed "Team index 10.3" with three dimensions empty).
		expect(report.scoresNote).toMatch(/^Team foundations: Not given: it rests on /);
		expect(report.scoresNote).not.toMatch(/\d of 100/);
		// No clean bill for what nobody answered.
		expect(report.gaps.items).toEqual([]);
		expect(report.gaps.empty).toMatch(
			/in the covered dimensions\. .*were not covered, so nothing there is ruled out\.$/
		);
		expect(report.gaps.empty ?? '').not.toBe('The team answers show no critical gap, severe finding or weak guard.');
		const planned = [...report.plan.horizons.flatMap((h) => h.items), ...report.plan.appendix];
		expect(planned.length).toBeGreaterThan(0);
		for (const item of planned)
			for (const step of item.steps)
				expect(bank.questions.find((q) => q.id === step.questionId)!.dimension, step.questionId).toBe('governance');
	});

	function room() {
		return presentRoom({ ...roomBase, status: 'closed', stats });
	}
});

describe('what the close confirmation says', () => {
	const all = bank.dimensions.map((d) => d.id);
	const lines = (notCovered: string[], released = 5, leftOut = 0) =>
		closingLines(bank, { released, notCovered: notCovered as never, minGroupSize: 3, leftOut });

	it('nothing not covered; too few for any team result', () => {
		expect(lines([])).toMatchObject({ covered: 'Every dimension is covered: at least 3 people answered each.' });
		expect(lines(all, 2).covered).toMatch(
			/^Fewer than 3 people have answers in the team result, so closing now gives no team result/
		);
		expect(lines(all, 2).group).toBe('The team will not be placed in a group.');
	});

	it('what the uncovered dimensions do to the group, from the bank’s rules alone', () => {
		// Governance alone cannot place a team: fewer than half the questions that place one.
		expect(lines(all.filter((d) => d !== 'governance')).group).toMatch(/will not be placed in a group/);
		expect(lines(['platform']).group).toMatch(/cannot be placed in Pioneer.*can place the team in Exposed/);
		expect(lines(['ai_integration']).group).toMatch(/AI adoption counts as none towards Outpacing/);
		expect(lines(['platform']).covered).toMatch(
			/^Platform readiness is not covered: it needs answers from at least 3 people/
		);
	});

	it('a self-paced close says how many late responses stay out', () => {
		expect(lines([], 5, 2).leftOut).toMatch(
			/^2 responses came in after the figures last changed: closing now leaves them out/
		);
		expect(lines([], 5, 0).leftOut).toBeNull();
	});
});

describe('placement sentences on the phones', () => {
	it('speak of groups, never of tiers, for a person and for the team, placed or not', async () => {
		const { ownPlacement, teamPlacement } = await import('$scoring/present/team-labels');
		for (const label of [...Object.values(TIER_LABELS), null]) {
			for (const sentence of [ownPlacement(label), teamPlacement(label)]) {
				expect(sentence).not.toMatch(/\btiers?\b/i);
				if (label) expect(sentence).toContain(label);
				else expect(sentence).toMatch(/in a group\.$/);
			}
		}
		expect(teamPlacement(null)).toMatch(/^Too few team answers/);
		expect(ownPlacement(null)).toBe('Too few answers to place you in a group.');
	});
});
