import { expect, test } from 'vitest';
import { beginShutdown, onShutdown } from '$lib/server/shutdown';

test('shutdown runs each registered stop once, skips unregistered ones, and runs late registrations at once', () => {
	const ran: string[] = [];
	onShutdown(() => ran.push('stream A'));
	const forget = onShutdown(() => ran.push('stream B'));
	onShutdown(() => {
		throw new Error('a failing stop does not keep the others from running');
	});
	onShutdown(() => ran.push('stream C'));
	forget();
	beginShutdown();
	beginShutdown();
	expect(ran).toEqual(['stream A', 'stream C']);
	onShutdown(() => ran.push('late'));
	expect(ran).toEqual(['stream A', 'stream C', 'late']);
});
