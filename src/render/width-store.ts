// Word widths remembered across renders in this isolate (or Node process): each piece of text is measured by satori
// once per (fonts, type style, text), and later cards that set the same words in the same faces skip the measuring
// pass. Bounded in entries and in bytes, least recently used first out.
//
// Why the key holds the fonts themselves: satori picks each glyph from the first listed face that has it and falls
// back through every other loaded face, so a width depends on the whole font set (which faces, their names, weights
// and bytes), not only on the style's family name. Fonts are told apart by the identity of their bytes (the runtime
// adapters hand back the same ArrayBuffer for a file every render), as satori's own parsed-font cache does: changed
// bytes are a new buffer, so a changed font is a miss, never a stale width. The type style (family list, weight,
// letter spacing: everything a template sets that changes an advance) is the rest of the key; line height changes
// no width.
import type { FontSpec } from './types.ts';

/** Most widths kept; a card measures 50–150 pieces, so this is some hundreds of cards' words. */
export const MAX_WIDTHS = 20_000;
/** Most bytes kept: the keys' UTF-16 text plus a Map entry's overhead, estimated. */
export const MAX_WIDTH_BYTES = 2_000_000;
const ENTRY_OVERHEAD = 64;
/** Most font sets and type styles interned to short ids (each is a few hundred characters of names). */
const MAX_INTERNED = 256;

const bufferIds = new WeakMap<ArrayBuffer, number>();
let nextId = 0;

/** A string's small id, kept for the most recent MAX_INTERNED strings; ids are never reused. */
function interner() {
  const ids = new Map<string, number>();
  return (s: string): number => {
    let id = ids.get(s);
    if (id === undefined) {
      id = ++nextId;
      if (ids.size >= MAX_INTERNED) ids.delete(ids.keys().next().value as string);
      ids.set(s, id);
    }
    return id;
  };
}
const fontSetId = interner();
const styleId = interner();

/** The font set as the key sees it: each face's bytes (by identity), name, weight, style and language, in order. */
export function fontSetKey(fonts: readonly FontSpec[]): number {
  let key = '';
  for (const f of fonts) {
    let id = bufferIds.get(f.data);
    if (id === undefined) {
      id = ++nextId;
      bufferIds.set(f.data, id);
    }
    key += `${id}/${f.name}/${f.weight}/${f.style}/${f.lang ?? ''};`;
  }
  return fontSetId(key);
}

export interface WidthStyle {
  fontFamily: string;
  fontWeight: number;
  letterSpacing?: number | undefined;
}

const entries = new Map<string, number>();
let bytes = 0;
let counts = { hits: 0, misses: 0 };

const sizeOf = (key: string) => key.length * 2 + ENTRY_OVERHEAD;

/** The key of `text` in `style` with the font set `fonts` (from fontSetKey). */
export function widthKey(fonts: number, style: WidthStyle, text: string): string {
  const s = styleId(`${style.fontFamily}|${style.fontWeight}|${style.letterSpacing ?? 0}`);
  return `${fonts}:${s}:${text}`;
}

export function recallWidth(key: string): number | undefined {
  const w = entries.get(key);
  if (w === undefined) {
    counts.misses++;
    return undefined;
  }
  counts.hits++;
  // Most recently used last: eviction takes from the front.
  entries.delete(key);
  entries.set(key, w);
  return w;
}

export function rememberWidth(key: string, width: number): void {
  const size = sizeOf(key);
  if (size > MAX_WIDTH_BYTES) return;
  if (entries.has(key)) {
    entries.delete(key);
    bytes -= size;
  }
  entries.set(key, width);
  bytes += size;
  while (entries.size > MAX_WIDTHS || bytes > MAX_WIDTH_BYTES) {
    const oldest = entries.keys().next().value as string;
    entries.delete(oldest);
    bytes -= sizeOf(oldest);
  }
}

/** What the store holds and how it has answered since the last clear: for tests and the bench. */
export function widthStoreStats(): { entries: number; bytes: number; hits: number; misses: number } {
  return { entries: entries.size, bytes, ...counts };
}

/** Forget every width: the bench's cold renders, and tests that need a first render. */
export function clearWidthStore(): void {
  entries.clear();
  bytes = 0;
  counts = { hits: 0, misses: 0 };
}
