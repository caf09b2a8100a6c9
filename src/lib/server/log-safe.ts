/**
 * Errors as the server log may hold them: never a query's parameters (names, join codes, token hashes, answers)
 * and never a value quoted back by the database. drizzle's `DrizzleQueryError` puts every parameter into its
 * message ("Failed query: … params: …") and keeps them in `params`; PostgreSQL's messages and `detail` quote the
 * offending value (`Key (join_code)=(ABC234) already exists`, `invalid input syntax for type uuid: "…"`). So an
 * error is described by its class, its SQLSTATE and constraint, its message with parameters, string literals and
 * quoted values replaced by `…` (identifiers stay), and its stack frames — never by printing the error object.
 */

interface ErrorLike {
	name?: unknown;
	message?: unknown;
	stack?: unknown;
	cause?: unknown;
	code?: unknown;
	constraint_name?: unknown;
	constraint?: unknown;
	query?: unknown;
}

/** The message with parameters and quoted values removed. */
export function redactMessage(message: string): string {
	return (
		message
			// drizzle: "Failed query: <sql>\nparams: <values>" — the SQL has only placeholders; the values go.
			.replace(/\n?params:[\s\S]*$/, '')
			// String literals, "(column)=(value)" details, and whatever follows "invalid …:" or "malformed …:" —
			// that is the value itself. Double-quoted identifiers (tables, columns, constraints) stay.
			.replace(/'(?:[^'\\]|\\.|'')*'/g, "'…'")
			.replace(/\([^()]*\)=\([^()]*\)/g, '(…)=(…)')
			.replace(/((?:invalid|malformed)[^:\n]*:)[^\n]*/gi, '$1 …')
			.replace(/\s+/g, ' ')
			.trim()
			.slice(0, 500)
	);
}

function frames(stack: unknown): string {
	if (typeof stack !== 'string') return '';
	return stack
		.split('\n')
		.filter((line) => /^\s+at /.test(line))
		.slice(0, 12)
		.join('\n');
}

/**
 * One error (and its causes) described without personal data. `stack` adds the stack frames of the outermost
 * error (file and line numbers only).
 */
export function describeError(error: unknown, options: { stack?: boolean } = {}): string {
	const parts: string[] = [];
	let e: unknown = error;
	for (let depth = 0; e !== undefined && e !== null && depth < 4; depth++) {
		if (typeof e !== 'object') {
			parts.push(typeof e === 'string' ? redactMessage(e) : typeof e);
			break;
		}
		const x = e as ErrorLike;
		const name = typeof x.name === 'string' ? x.name : 'Error';
		const code = typeof x.code === 'string' && /^[0-9A-Z]{5}$/.test(x.code) ? ` [SQLSTATE ${x.code}]` : '';
		const constraint = x.constraint_name ?? x.constraint;
		const on = typeof constraint === 'string' && /^\w+$/.test(constraint) ? ` (constraint ${constraint})` : '';
		const message = typeof x.message === 'string' ? redactMessage(x.message) : '';
		parts.push(`${name}${code}${on}: ${message}`);
		e = x.cause;
	}
	const trace = options.stack ? frames((error as ErrorLike | null)?.stack) : '';
	return parts.join(' ← caused by ') + (trace ? `\n${trace}` : '');
}
