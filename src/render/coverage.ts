// Which characters of a card's text no bundled face can draw, read from the faces' cmaps, never by drawing.
//
// Why: satori draws a `.notdef` box for a character no font covers and says nothing, and resvg rasterises the box
// happily, so a Hindi or Cherokee headline would ship as a row of boxes marked ready. The coverage is what the font
// build wrote from each file's cmap (fonts/index.json for every face, fonts/cjk/<lang>.json for the CJK slices) plus
// the emoji set (fonts/emoji/index.json): the same data src/render/fonts.ts loads faces by, so "covered" here means
// fontsFor loads a face that has the glyph. Checking is a lookup per code point: no extra satori pass.
import { emojiKeys, type FontLoader } from './fonts.ts';

/** A character the card could not draw: which text slot it is in, the character, and its code point(s). */
export interface MissingGlyph {
  /** The slot (headline, quote, quoteAuthor, siteName, kicker…) or story field the character is in. */
  field: string;
  /** The character as the reader would have seen it (a whole emoji sequence for an emoji). */
  char: string;
  /** "U+E000"; an emoji sequence names each code point ("U+1F9D1 U+200D U+1F680"). */
  codePoint: string;
}

/** What the bundled faces and the emoji set can draw. Built once per font loader by loadGlyphCoverage. */
export interface GlyphCoverage {
  /** True when some bundled face has a glyph for this code point. */
  covers(cp: number): boolean;
  /** True when the emoji set has a picture for this grapheme (or the one fontsFor falls back to). */
  hasEmoji(grapheme: string): boolean;
}

/** The CJK slice indexes the font build writes (src/render/fonts.ts loads the same ones). */
const CJK_INDEXES = ['sc', 'tc', 'jp', 'kr'];

/**
 * A grapheme drawn as an emoji picture: emoji presentation, a flag's regional indicators, a pictograph asking for
 * emoji style, a keycap. A letter followed by a stray joiner or U+FE0F is still a letter drawn by a face.
 */
const EMOJI = /\p{Emoji_Presentation}|\p{Regional_Indicator}|\p{Extended_Pictographic}\u{FE0F}|\u{20E3}/u;
/** Spaces, controls and format characters (joiners, bidi marks, soft hyphen) draw nothing: never "missing". */
const INVISIBLE = /^[\s\p{Cc}\p{Cf}]$/u;
const isVariationSelector = (cp: number) => (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
/**
 * Private-use and unassigned code points are missing whatever a face maps there: Inter, for one, draws its own
 * private glyphs at U+E000, which are not what a newsroom's private character (or a code point Unicode has not
 * given yet) means. Surrogates cannot reach here (a lone surrogate is refused when the story is read).
 */
const NEVER_DRAWN = /^[\p{Co}\p{Cn}]$/u;

/** Merged, sorted [start, end] ranges of every face's cmap, searched by bisection. */
class RangeSet {
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;
  constructor(ranges: Iterable<string>) {
    const rows: [number, number][] = [];
    for (const list of ranges) {
      for (const part of list.split(',')) {
        if (!part) continue;
        const [a = '', b] = part.split('-');
        const start = Number.parseInt(a, 16);
        rows.push([start, b === undefined ? start : Number.parseInt(b, 16)]);
      }
    }
    rows.sort((x, y) => x[0] - y[0]);
    const merged: [number, number][] = [];
    for (const r of rows) {
      const last = merged.at(-1);
      if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    }
    this.starts = Uint32Array.from(merged, (r) => r[0]);
    this.ends = Uint32Array.from(merged, (r) => r[1]);
  }
  has(cp: number): boolean {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.starts[mid] ?? 0) <= cp) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && cp <= (this.ends[hi] ?? -1);
  }
}

const bytes = (load: FontLoader, file: string) => load(file);
const parse = (buf: ArrayBuffer): unknown => JSON.parse(new TextDecoder().decode(buf));

const cache = new WeakMap<FontLoader, Promise<GlyphCoverage>>();

/**
 * The coverage of every face in fonts/ and of the emoji set, read through the runtime's font loader once. The CJK
 * slice indexes (~220 kB of ranges) are only parsed the first time a code point the other faces lack is looked up,
 * so a Latin card never pays for them.
 */
export function loadGlyphCoverage(load: FontLoader): Promise<GlyphCoverage> {
  let p = cache.get(load);
  if (!p) {
    p = (async () => {
      const [index, emoji, ...cjkFiles] = await Promise.all([
        bytes(load, 'index.json'),
        bytes(load, 'emoji/index.json'),
        ...CJK_INDEXES.map((l) => bytes(load, `cjk/${l}.json`)),
      ]);
      const faces = new RangeSet((parse(index) as { fonts: { ranges: string }[] }).fonts.map((f) => f.ranges));
      let cjk: RangeSet | undefined;
      const cjkSet = () =>
        (cjk ??= new RangeSet(
          cjkFiles.flatMap((buf) => (parse(buf) as { chunks: { ranges: string }[] }).chunks.map((c) => c.ranges)),
        ));
      const pictures = new Set(parse(emoji) as string[]);
      return {
        covers: (cp: number) => faces.has(cp) || cjkSet().has(cp),
        hasEmoji: (grapheme: string) => emojiKeys(grapheme).some((k) => pictures.has(k)),
      };
    })();
    p.catch(() => cache.delete(load)); // a failed read may succeed next time
    cache.set(load, p);
  }
  return p;
}

const codePointsOf = (s: string) =>
  [...s].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ');

let graphemes: Intl.Segmenter | undefined;

/**
 * Every character of these texts that no bundled face (or emoji picture) can draw, once per field and character,
 * in reading order. Pure: give it the coverage loadGlyphCoverage read. Empty when everything can be drawn.
 */
export function missingGlyphs(
  fields: Record<string, string | undefined> | [field: string, text: string | undefined][],
  coverage: GlyphCoverage,
): MissingGlyph[] {
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const out: MissingGlyph[] = [];
  for (const [field, text] of Array.isArray(fields) ? fields : Object.entries(fields)) {
    if (!text) continue;
    const seen = new Set<string>();
    const miss = (char: string) => {
      if (seen.has(char)) return;
      seen.add(char);
      out.push({ field, char, codePoint: codePointsOf(char) });
    };
    for (const { segment } of graphemes.segment(text)) {
      // Emoji are drawn as pictures, whole sequences at a time (src/render/fonts.ts emojiLoader).
      if (EMOJI.test(segment)) {
        if (!coverage.hasEmoji(segment)) miss(segment);
        continue;
      }
      for (const ch of segment) {
        const cp = ch.codePointAt(0) ?? 0;
        if (NEVER_DRAWN.test(ch)) miss(ch);
        else if (INVISIBLE.test(ch) || isVariationSelector(cp)) continue;
        else if (!coverage.covers(cp)) miss(ch);
      }
    }
  }
  return out;
}

/**
 * The story's own text a card may draw, checked without rendering: what publishing and the bot's planner use to
 * hold a story whose card would show boxes. The template's own words (a kicker) are ours, checked by tests.
 */
export function storyMissingGlyphs(
  story: {
    headline: string;
    quote?: string | undefined;
    quoteAuthor?: string | undefined;
    siteName?: string | undefined;
    author?: string | undefined;
  },
  coverage: GlyphCoverage,
): MissingGlyph[] {
  return missingGlyphs(
    {
      headline: story.headline,
      quote: story.quote,
      quoteAuthor: story.quoteAuthor,
      siteName: story.siteName,
      author: story.author,
    },
    coverage,
  );
}

/** One line naming the characters, for warnings: `"" U+E000 (headline), "Ꭰ" U+13A0 (headline)`. */
export function describeMissing(missing: readonly MissingGlyph[], max = 8): string {
  const shown = missing.slice(0, max).map((m) => `"${m.char}" ${m.codePoint} (${m.field})`);
  const more = missing.length > max ? ` and ${missing.length - max} more` : '';
  return `${shown.join(', ')}${more}`;
}
