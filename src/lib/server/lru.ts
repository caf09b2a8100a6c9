/** A small least-recently-used map: past `max` entries the least recently used one is dropped. */
export class Lru<K, V> {
	readonly #entries = new Map<K, V>();
	constructor(readonly max: number) {}

	get(key: K): V | undefined {
		const value = this.#entries.get(key);
		if (value !== undefined) {
			this.#entries.delete(key);
			this.#entries.set(key, value);
		}
		return value;
	}

	set(key: K, value: V): void {
		this.#entries.delete(key);
		this.#entries.set(key, value);
		while (this.#entries.size > this.max) {
			const oldest = this.#entries.keys().next();
			if (oldest.done) break;
			this.#entries.delete(oldest.value);
		}
	}

	delete(key: K): void {
		this.#entries.delete(key);
	}

	get size(): number {
		return this.#entries.size;
	}
}
