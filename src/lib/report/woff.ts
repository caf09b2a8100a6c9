/**
 * WOFF 1.0 to the TrueType/OpenType file it wraps. fontkit reads WOFF, but inflates a table again on every access,
 * which made a report take seconds; inflated once here, the font works at TrueType speed and still downloads as
 * WOFF (about half the size). `inflate` is zlib's inflate: `zlib.inflateSync` in Node, a `DecompressionStream`
 * ('deflate') in the browser.
 */
export async function woffToSfnt(
	woff: Uint8Array,
	inflate: (data: Uint8Array) => Uint8Array | Promise<Uint8Array>
): Promise<Uint8Array> {
	const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
	if (woff.byteLength < 44 || view.getUint32(0) !== 0x774f4646) throw new Error('the report font is not a WOFF file');
	const numTables = view.getUint16(12);
	const tables: { tag: number; checksum: number; data: Uint8Array }[] = [];
	for (let i = 0; i < numTables; i++) {
		const entry = 44 + i * 20;
		const offset = view.getUint32(entry + 4);
		const compressed = view.getUint32(entry + 8);
		const length = view.getUint32(entry + 12);
		const stored = woff.subarray(offset, offset + compressed);
		const data = compressed < length ? await inflate(stored) : stored;
		if (data.byteLength !== length) throw new Error('the report font is damaged (a table has the wrong length)');
		tables.push({ tag: view.getUint32(entry), checksum: view.getUint32(entry + 16), data });
	}
	const padded = (n: number) => (n + 3) & ~3;
	const size = 12 + 16 * numTables + tables.reduce((n, t) => n + padded(t.data.byteLength), 0);
	const out = new Uint8Array(size);
	const sfnt = new DataView(out.buffer);
	const log2 = Math.floor(Math.log2(numTables));
	sfnt.setUint32(0, view.getUint32(4)); // the wrapped font's flavour
	sfnt.setUint16(4, numTables);
	sfnt.setUint16(6, 16 * 2 ** log2);
	sfnt.setUint16(8, log2);
	sfnt.setUint16(10, 16 * numTables - 16 * 2 ** log2);
	let at = 12 + 16 * numTables;
	tables.forEach((t, i) => {
		const record = 12 + 16 * i;
		sfnt.setUint32(record, t.tag);
		sfnt.setUint32(record + 4, t.checksum);
		sfnt.setUint32(record + 8, at);
		sfnt.setUint32(record + 12, t.data.byteLength);
		out.set(t.data, at);
		at += padded(t.data.byteLength);
	});
	return out;
}
