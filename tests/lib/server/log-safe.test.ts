import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { reportServerError } from '$lib/server/errors';
import { describeError, redactMessage } from '$lib/server/log-safe';
import { getLogger } from '$lib/server/observability/log';
import { createWorkshopService } from '$lib/server/workshops/service';
import { DATABASE_KINDS, useDatabase } from './databases';

afterEach(() => {
	vi.restoreAllMocks();
});

/** Values that must never reach a log: a person's name, a join code, a token hash, an answer. */
const SECRETS = ['Ada Lovelace', 'QWERTY', 'f'.repeat(64), 'very_confident'];

describe.each(DATABASE_KINDS)('a failed query on $name', (kind) => {
	const database = useDatabase(kind);

	test('is logged with its SQL and SQLSTATE, never its parameters or the values the database quotes back', async () => {
		const { db } = database();
		const service = createWorkshopService(database());
		const { workshop } = await service.createWorkshop({ title: 'Logs' });
		await service.createWorkshop({ title: 'Another' });
		const failures: unknown[] = [];
		// A unique violation (the database quotes the key's value in its detail) and a bad uuid (quoted in the message).
		for (const query of [
			sql`insert into participants (id, workshop_id, token_hash, display_name) values
			    (gen_random_uuid(), ${workshop.id}, ${SECRETS[2]}, ${SECRETS[0]}),
			    (gen_random_uuid(), ${workshop.id}, ${SECRETS[2]}, ${SECRETS[0]})`,
			sql`select * from workshops where id = ${SECRETS[1]}::uuid and title = ${SECRETS[3]}`,
			sql`select 1 / (length(${SECRETS[0]}) - 12) from workshops where join_code <> 'QWERTY'`
		])
			await db.execute(query).catch((e: unknown) => failures.push(e));
		expect(failures).toHaveLength(3);
		const log = vi.spyOn(getLogger(), 'error').mockImplementation(() => {});
		for (const error of failures) {
			const text = describeError(error, { stack: true });
			for (const secret of SECRETS) expect(text, text).not.toContain(secret);
			expect(text).toMatch(/SQLSTATE (23505|22P02|22012)/);
			reportServerError({
				error,
				event: { request: new Request('http://x/w/QWERTY?key=secret'), route: { id: '/w/[code]' } },
				status: 500,
				message: 'Internal Error'
			} as Parameters<typeof reportServerError>[0]);
		}
		const logged = log.mock.calls
			.flat()
			.map((x) => JSON.stringify(x))
			.join('\n');
		for (const secret of [...SECRETS, 'key=secret']) expect(logged).not.toContain(secret);
		expect(logged).toContain('insert into participants');
		expect(logged).toContain('constraint participants_token_hash_key');
	});
});

test('messages lose parameters, literals and quoted values; identifiers stay', () => {
	expect(redactMessage('Failed query: select * from "workshops" where "id" = $1\nparams: Ada,QWERTY')).toBe(
		'Failed query: select * from "workshops" where "id" = $1'
	);
	expect(redactMessage('invalid input syntax for type uuid: "QWERTY"')).toBe('invalid input syntax for type uuid: …');
	expect(redactMessage("where name = 'Ada' and code = 'it''s'")).toBe("where name = '…' and code = '…'");
	expect(redactMessage('Key (join_code)=(QWERTY) already exists.')).toBe('Key (…)=(…) already exists.');
	expect(redactMessage('duplicate key value violates unique constraint "workshops_join_code_key"')).toContain(
		'"workshops_join_code_key"'
	);
	expect(describeError("plain string with 'Ada'")).toBe("plain string with '…'");
	expect(describeError(null)).toBe('');
});
