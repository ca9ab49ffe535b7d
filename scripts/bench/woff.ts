// WOFF 1.0 → the TrueType/OpenType file inside it, for the bench's Takumi wasm row only: Takumi's wasm build
// answers "Unsupported font format" for WOFF 1.0 (its native build reads it), and fonts/ ships WOFF 1.0.
// The format is a header, a table directory and zlib-compressed tables (https://www.w3.org/TR/WOFF/).

async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The sfnt (TTF/OTF) inside a WOFF 1.0 file; any other file is handed back as it is. */
export async function sfntOf(woff: Uint8Array): Promise<Uint8Array> {
  const src = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (src.getUint32(0) !== 0x774f4646) return woff; // not "wOFF"
  const flavor = src.getUint32(4);
  const numTables = src.getUint16(12);
  const tables: { tag: number; checksum: number; data: Uint8Array }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const offset = src.getUint32(at + 4);
    const compLength = src.getUint32(at + 8);
    const origLength = src.getUint32(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    tables.push({
      tag: src.getUint32(at),
      checksum: src.getUint32(at + 16),
      data: compLength < origLength ? await inflate(raw) : raw,
    });
  }
  const pad = (n: number) => (n + 3) & ~3;
  const headerBytes = 12 + 16 * numTables;
  const total = tables.reduce((sum, t) => sum + pad(t.data.byteLength), headerBytes);
  const out = new Uint8Array(total);
  const dst = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  dst.setUint32(0, flavor);
  dst.setUint16(4, numTables);
  dst.setUint16(6, searchRange);
  dst.setUint16(8, entrySelector);
  dst.setUint16(10, numTables * 16 - searchRange);
  let offset = headerBytes;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    dst.setUint32(at, t.tag);
    dst.setUint32(at + 4, t.checksum);
    dst.setUint32(at + 8, offset);
    dst.setUint32(at + 12, t.data.byteLength);
    out.set(t.data, offset);
    offset += pad(t.data.byteLength);
  });
  return out;
}
