// Reading a body of unknown size without trusting it: stop (and cancel the stream) as soon as it is too big.

export type Capped = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; read: number };

/** The whole body if it is at most `maxBytes`; otherwise how much was read when it crossed the line. */
export async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Capped> {
  if (!body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { ok: false, read: size };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}
