// Which fonts (and emoji images) a card's text needs, read from fonts/ through the runtime's loader.
//
// Why per-text selection: the base faces (Latin, Greek, Cyrillic, symbols; ~650 kB) cover most
// cards, but Arabic, Hebrew, symbol, maths and CJK faces would add megabytes to every render. The
// build (scripts/fonts-build.mjs) writes what each file really covers (its cmap) into fonts/index.json
// and fonts/cjk/<lang>.json, and we load a face only when the text has a code point nothing loaded so
// far covers. CJK comes in Google Fonts' ~100 unicode-range slices per language and weight, so a
// Chinese headline loads a handful of slices, not 6 MB.
//
// Satori walks fonts per glyph: first the CSS fontFamily list, then every other font in the order we
// return them. So the order below is the fallback order, and CJK slices of the text's own language
// (Japanese kanji shapes for Japanese text, Traditional for Taiwan/Hong Kong…) come before the others.
import { toBase64 } from '../base64.ts';
import { registerEmojiUri } from './emoji-svg.ts';
import type { FontSpec } from './types.ts';

export type FontLoader = (file: string) => Promise<ArrayBuffer>;
type Weight = FontSpec['weight'];

/** Changes whenever any file in fonts/ changes (rewritten by scripts/fonts-build.mjs). */
export const FONTS_VERSION = 'db252a31d698';

/** The scripts with their own Noto faces (fonts/index.json groups), and whether Noto has a serif for headlines. */
const SCRIPT_FACES = [
  ['devanagari', 'Devanagari', true],
  ['bengali', 'Bengali', true],
  ['gurmukhi', 'Gurmukhi', false],
  ['gujarati', 'Gujarati', true],
  ['oriya', 'Oriya', false],
  ['tamil', 'Tamil', true],
  ['telugu', 'Telugu', true],
  ['kannada', 'Kannada', false],
  ['malayalam', 'Malayalam', true],
  ['sinhala', 'Sinhala', true],
  ['thai', 'Thai', true],
  ['lao', 'Lao', true],
  ['khmer', 'Khmer', true],
  ['myanmar', 'Myanmar', true],
  ['ethiopic', 'Ethiopic', false],
  ['georgian', 'Georgian', true],
  ['armenian', 'Armenian', true],
  ['tibetan', 'Tibetan', false],
] as const;
type ScriptGroup = (typeof SCRIPT_FACES)[number][0];

const serifNames = SCRIPT_FACES.filter(([, , serif]) => serif).map(([, n]) => `Storycard Serif ${n}`);
const sansNames = SCRIPT_FACES.map(([, n]) => `Storycard ${n}`);

/**
 * CSS font-family lists for templates. A newsroom's brand faces first (fonts/brand/, when it has them and they
 * cover the character), then the bundled ones. Headline: Source Serif 4 (700, 800), Noto Naskh Arabic, Noto Serif Hebrew
 * and Noto Serif <script> (700) where Noto has a serif; then the body faces for scripts without one. Body: Inter
 * (400, 600, 700), Noto Sans Arabic / Hebrew / <script> (400, 700). Satori takes the first listed face that has
 * a glyph; faces not loaded for this text are skipped. Symbols, maths and CJK slices follow as unnamed fallbacks.
 */
export const FONT_FAMILIES = {
  headline: [
    'Storycard Brand Headline',
    'Storycard Serif',
    'Storycard Naskh',
    'Storycard Serif Hebrew',
    ...serifNames,
    'Storycard Sans',
    'Storycard Arabic',
    'Storycard Hebrew',
    ...sansNames,
  ].join(', '),
  body: ['Storycard Brand Body', 'Storycard Sans', 'Storycard Arabic', 'Storycard Hebrew', ...sansNames].join(', '),
} as const;

/**
 * Groups in fallback order; 'base' is always loaded, 'cjk' stands for the CJK slices. 'brand' is a newsroom's own
 * faces (fonts/brand/, indexed by scripts/fonts-brand.mjs), loaded when they cover a character of the text.
 */
const GROUP_ORDER = [
  'brand',
  'base',
  'arabic',
  'hebrew',
  ...SCRIPT_FACES.map(([g]) => g),
  'cjk',
  'symbols',
  'math',
] as const satisfies readonly string[];
type Group = 'brand' | 'base' | 'arabic' | 'hebrew' | ScriptGroup | 'cjk' | 'symbols' | 'math';
const CJK_LANGS = ['sc', 'tc', 'jp', 'kr'] as const;
export type CjkLang = (typeof CJK_LANGS)[number];
const CJK_NAMES: Record<CjkLang, string> = { sc: 'SC', tc: 'TC', jp: 'JP', kr: 'KR' };

interface IndexEntry {
  file: string;
  name: string;
  weight: Weight;
  group: Exclude<Group, 'cjk'>;
  ranges: string;
}
interface CjkIndex {
  weights: Weight[];
  chunks: { id: number; ranges: string }[];
}
/** Sorted, non-overlapping [start, end, tag] triples, searched by bisection. */
type RangeTable = { starts: Uint32Array; ends: Uint32Array; tags: Int32Array };

export interface FontsForOptions {
  /** The story's BCP 47 language: picks Japanese/Korean/Traditional/Simplified Han shapes first. */
  lang?: string | undefined;
}

// ---- loading, cached per loader (bytes) and per buffer (parsed indexes) ----

const byLoader = new WeakMap<FontLoader, Map<string, Promise<ArrayBuffer>>>();
const parsed = new WeakMap<ArrayBuffer, unknown>();

function loadCached(load: FontLoader, file: string): Promise<ArrayBuffer> {
  let files = byLoader.get(load);
  if (!files) {
    files = new Map();
    byLoader.set(load, files);
  }
  let p = files.get(file);
  if (!p) {
    p = load(file).then(
      (buf) => buf,
      (cause: unknown) => {
        files.delete(file); // a failed read may succeed next time
        throw new Error(`fonts: could not load "${file}" from fonts/: ${String(cause)}`, { cause });
      },
    );
    files.set(file, p);
  }
  return p;
}

/** Parse once per buffer: adapters that cache bytes hand back the same ArrayBuffer every render. */
async function loadParsed<T>(load: FontLoader, file: string, parse: (json: unknown) => T): Promise<T> {
  const buf = await loadCached(load, file);
  if (parsed.has(buf)) return parsed.get(buf) as T;
  const value = parse(JSON.parse(new TextDecoder().decode(buf)));
  parsed.set(buf, value);
  return value;
}

function rangeTable(entries: [ranges: string, tag: number][]): RangeTable {
  let rows: [number, number, number][] = [];
  for (const [ranges, tag] of entries) {
    for (const part of ranges.split(',')) {
      if (!part) continue;
      const [a = '', b] = part.split('-');
      const start = Number.parseInt(a, 16);
      rows.push([start, b === undefined ? start : Number.parseInt(b, 16), tag]);
    }
  }
  rows.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  // Slices may overlap (shared punctuation); clip each range to what earlier ones leave uncovered so
  // bisection sees disjoint ranges. Any covering tag is a right answer.
  let end = -1;
  for (const r of rows) {
    if (r[0] <= end) r[0] = end + 1;
    if (r[0] <= r[1]) end = r[1];
  }
  rows = rows.filter((r) => r[0] <= r[1]);
  return {
    starts: Uint32Array.from(rows, (r) => r[0]),
    ends: Uint32Array.from(rows, (r) => r[1]),
    tags: Int32Array.from(rows, (r) => r[2]),
  };
}

/** Tag of the range holding cp, or -1. */
function lookup(t: RangeTable, cp: number): number {
  let lo = 0;
  let hi = t.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((t.starts[mid] ?? 0) <= cp) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi >= 0 && cp <= (t.ends[hi] ?? -1) ? (t.tags[hi] ?? -1) : -1;
}

interface MainIndex {
  entries: IndexEntry[];
  /** Per group (not cjk): which code points it covers. */
  coverage: Map<Group, RangeTable>;
}

const loadIndex = (load: FontLoader) =>
  loadParsed(load, 'index.json', (json): MainIndex => {
    const entries = (json as { fonts: IndexEntry[] }).fonts;
    const coverage = new Map<Group, RangeTable>();
    for (const g of GROUP_ORDER) {
      const of = entries.filter((e) => e.group === g);
      if (of.length) coverage.set(g, rangeTable(of.map((e) => [e.ranges, 0])));
    }
    return { entries, coverage };
  });

const loadCjk = (load: FontLoader, lang: CjkLang) =>
  loadParsed(load, `cjk/${lang}.json`, (json) => {
    const idx = json as CjkIndex;
    return { weights: idx.weights, table: rangeTable(idx.chunks.map((c) => [c.ranges, c.id])) };
  });

// ---- what the text needs ----

export const EMOJI_PRESENTATION =
  /\p{Emoji_Presentation}|\p{Regional_Indicator}|\u{FE0F}|\u{20E3}|\u{200D}|\p{Emoji_Modifier}/u;
/** Code points no font draws: spaces, controls, joiners, emoji tags (plus variation selectors, below). */
const INVISIBLE = /[\s\p{Cc}\p{Cf}]/u;
const isVariationSelector = (cp: number) => (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
const CJK_SCRIPT =
  /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Bopomofo}\u3000-\u303F\uFF00-\uFFEF]/u;

let segmenter: Intl.Segmenter | undefined;

/** Code points fonts must draw. Emoji-presentation graphemes are skipped: satori draws them as images. */
function drawnCodePoints(text: string): Set<number> {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const out = new Set<number>();
  for (const { segment } of segmenter.segment(text)) {
    if (EMOJI_PRESENTATION.test(segment)) continue;
    for (const ch of segment) {
      const cp = ch.codePointAt(0) ?? 0;
      if (!INVISIBLE.test(ch) && !isVariationSelector(cp)) out.add(cp);
    }
  }
  return out;
}

const TRADITIONAL = '們這個國來說時會對為於與學後發經過還點關開問題實現從應當灣臺體無長東動麼認樣讓進電話見運業';
const SIMPLIFIED = '们这个国来说时会对为于与学后发经过还点关开问题实现从应当湾台体无长东动么认样让进电话见运业';

/** Which CJK language's shapes come first: the story's lang, else kana/hangul, else Traditional vs Simplified. */
export function cjkOrder(text: string, lang?: string): CjkLang[] {
  let first: CjkLang = 'sc';
  const l = (lang ?? '').toLowerCase();
  if (l.startsWith('ja')) first = 'jp';
  else if (l.startsWith('ko')) first = 'kr';
  else if (/^zh-(hant|tw|hk|mo)/.test(l)) first = 'tc';
  else if (l.startsWith('zh')) first = 'sc';
  else if (/[\p{sc=Hiragana}\p{sc=Katakana}]/u.test(text)) first = 'jp';
  else if (/\p{sc=Hangul}/u.test(text)) first = 'kr';
  else {
    let trad = 0;
    let simp = 0;
    for (const ch of text) {
      if (TRADITIONAL.includes(ch)) trad++;
      else if (SIMPLIFIED.includes(ch)) simp++;
    }
    if (trad > simp) first = 'tc';
  }
  return [first, ...CJK_LANGS.filter((x) => x !== first)];
}

interface Pick {
  file: string;
  name: string;
  weight: Weight;
}

/**
 * The satori fonts this text needs: the base faces always, then Arabic, Hebrew, CJK slices, symbols
 * and maths only for code points nothing earlier covers. Order is satori's fallback order.
 */
export async function fontsFor(text: string, load: FontLoader, options: FontsForOptions = {}): Promise<FontSpec[]> {
  const index = await loadIndex(load);
  let pending = [...drawnCodePoints(text)];
  const picks: Pick[] = [];
  const take = (g: Group) => {
    const cov = index.coverage.get(g);
    if (!cov) return;
    const before = pending.length;
    pending = pending.filter((cp) => lookup(cov, cp) < 0);
    if (g === 'base' || pending.length < before) {
      for (const e of index.entries) if (e.group === g) picks.push({ file: e.file, name: e.name, weight: e.weight });
    }
  };
  for (const g of GROUP_ORDER) {
    if (g === 'cjk') {
      if (pending.some((cp) => CJK_SCRIPT.test(String.fromCodePoint(cp)))) await takeCjk();
    } else take(g);
  }
  // Code points still pending have no glyph in fonts/; satori will try loadAdditionalAsset for them.

  async function takeCjk() {
    for (const lang of cjkOrder(text, options.lang)) {
      if (!pending.length) return;
      const { weights, table } = await loadCjk(load, lang);
      const chunks = new Set<number>();
      pending = pending.filter((cp) => {
        const id = lookup(table, cp);
        if (id >= 0) chunks.add(id);
        return id < 0;
      });
      for (const id of [...chunks].sort((a, b) => a - b)) {
        for (const w of weights)
          picks.push({ file: `cjk/${lang}/${id}-${w}.woff`, name: `Storycard ${CJK_NAMES[lang]} ${id}`, weight: w });
      }
    }
  }

  return Promise.all(
    picks.map(async (p) => ({
      name: p.name,
      weight: p.weight,
      style: 'normal' as const,
      data: await loadCached(load, p.file),
    })),
  );
}

// ---- emoji ----

const loadEmojiIndex = (load: FontLoader) => loadParsed(load, 'emoji/index.json', (json) => new Set(json as string[]));

const hex = (cps: number[]) => cps.map((cp) => cp.toString(16)).join('-');

/** File names to try for a grapheme, best first (names drop every U+FE0F, as the build writes them). */
export function emojiKeys(grapheme: string): string[] {
  const cps = [...grapheme].map((c) => c.codePointAt(0) ?? 0).filter((cp) => cp !== 0xfe0f && cp !== 0xfe0e);
  const keys = [hex(cps)];
  const noTone = cps.filter((cp) => cp < 0x1f3fb || cp > 0x1f3ff);
  if (noTone.length !== cps.length) keys.push(hex(noTone));
  const zwj = cps.indexOf(0x200d);
  // A ZWJ sequence newer than the artwork: show its first emoji rather than nothing.
  if (zwj > 0) keys.push(hex(cps.slice(0, zwj)), hex(cps.slice(0, zwj).filter((cp) => cp < 0x1f3fb || cp > 0x1f3ff)));
  return [...new Set(keys)];
}

const dataUris = new WeakMap<ArrayBuffer, string>();

function svgDataUri(buf: ArrayBuffer): string {
  let uri = dataUris.get(buf);
  if (!uri) {
    uri = `data:image/svg+xml;base64,${toBase64(new Uint8Array(buf))}`;
    dataUris.set(buf, uri);
    registerEmojiUri(uri); // so the drawn SVG can inline it (src/render/emoji-svg.ts)
  }
  return uri;
}

/**
 * For satori's loadAdditionalAsset('emoji', segment): the Twemoji SVG of an emoji grapheme (ZWJ
 * sequences, skin tones, flags, keycaps; U+FE0F ignored) as a data: URI, or undefined when the set
 * has no picture for it. Never throws: a missing emoji must not cost the card.
 */
export function emojiLoader(load: FontLoader): (grapheme: string) => Promise<string | undefined> {
  return async (grapheme) => {
    try {
      const index = await loadEmojiIndex(load);
      const key = emojiKeys(grapheme).find((k) => index.has(k));
      return key ? svgDataUri(await loadCached(load, `emoji/${key}.svg`)) : undefined;
    } catch {
      return undefined;
    }
  };
}
