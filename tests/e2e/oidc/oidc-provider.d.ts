// oidc-provider (a devDependency, the test identity provider) ships no types: the little the tests use.
declare module 'oidc-provider' {
	import type { IncomingMessage, ServerResponse } from 'node:http';

	export interface Account {
		accountId: string;
		claims: () => Promise<Record<string, unknown>>;
	}

	export default class Provider {
		constructor(issuer: string, configuration: Record<string, unknown>);
		callback(): (req: IncomingMessage, res: ServerResponse) => void;
		on(event: string, listener: (...args: unknown[]) => void): this;
	}
}
