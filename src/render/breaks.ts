// Where a line may break, by script: at spaces (Korean keeps words whole), between BudouX phrases in
// Japanese and Chinese, between dictionary words in Thai, Lao, Khmer and Myanmar, after the tsheg in Tibetan,
// never before closing or after opening punctuation (kinsoku), never inside a grapheme cluster.
//
// Why our own break units and not satori's line breaker: satori breaks by UAX #14, which splits Korean
// words between syllables (물가 안 / 정) and Japanese anywhere between ideographs (全会一 / 致で).
// Newsrooms break Korean at spaces only (CSS `word-break: keep-all`) and Japanese/Chinese between
// phrases; BudouX (Google's phrase segmenter, a small model, pure JS, runs in workerd) finds those.
import { jaModel, Parser, zhHansModel, zhHantModel } from 'budoux';
import { splitGraphemes } from './text.ts';

/** A piece of text no line may break inside, with the spaces that follow it (dropped at a line end). */
export interface Unit {
  text: string;
  space: string;
}

/** Hiragana, katakana and Han (incl. CJK punctuation and full-width forms): text BudouX segments. */
const CJK = /[\u3000-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u{20000}-\u{3134F}]/u;
const KANA = /[\u3040-\u30FF]/u;
const KANJI = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF々]/u;
const ALNUM = /[0-9A-Za-z\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A.,%]/u;

/**
 * Characters a line must not start with (JIS X 4051 kinsoku, plus Western closing punctuation): closing
 * brackets and quotes, commas and full stops, small kana, the prolonged sound mark, iteration marks.
 */
const NO_START = new Set([
  ...'、。，．・：；？！‼⁇⁈⁉ー〜～…‥',
  ...'）〕］｝〉》」』】〙〗〟’”»›',
  ...'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻ゝゞヽヾ',
  ...',.:;!?)]}%',
  // Sentence and phrase marks of South and South-East Asian scripts: danda, Thai/Lao repetition and
  // abbreviation marks, Khmer khan, Myanmar section marks, Tibetan shad, Ethiopic full stop and comma.
  ...'।॥ๆฯໆ។៕၊။།༎።፣፤',
]);
/** Characters a line must not end with: opening brackets and quotes. */
const NO_END = new Set([...'（〔［｛〈《「『【〘〖〝‘“«‹„‚', ...'([{']);

const parsers = new Map<string, Parser>();
function parser(model: 'ja' | 'zh-hans' | 'zh-hant'): Parser {
  let p = parsers.get(model);
  if (!p) {
    p = new Parser(model === 'ja' ? jaModel : model === 'zh-hant' ? zhHantModel : zhHansModel);
    parsers.set(model, p);
  }
  return p;
}

/** Which BudouX model reads this word: the story's language when it names one, else kana means Japanese. */
function modelFor(word: string, lang: string | undefined): 'ja' | 'zh-hans' | 'zh-hant' {
  const l = (lang ?? '').toLowerCase();
  if (l.startsWith('ja')) return 'ja';
  if (l.startsWith('zh')) return /-(tw|hk|mo|hant)\b/.test(l) ? 'zh-hant' : 'zh-hans';
  return KANA.test(word) ? 'ja' : 'zh-hans';
}

/**
 * BudouX phrases of one space-free word, cut only at grapheme boundaries (never inside a surrogate pair).
 * The Chinese models often cut a two-character word into two one-character "phrases" (季 | 度, 同 | 比):
 * a run of one-character phrases is kept together.
 */
function phrases(word: string, lang: string | undefined): string[] {
  const model = modelFor(word, lang);
  // Never inside a run of Latin letters or digits (2030, 3.5%, AI): JIS X 4051 keeps them whole too. In
  // Japanese, a cut between two kanji falls inside a compound (全会 | 一致): phrases end at kana.
  const between = (i: number, re: RegExp) => re.test(word[i - 1] ?? '') && re.test(word[i] ?? '');
  const cuts = new Set(
    parser(model)
      .parseBoundaries(word)
      .filter((i) => !between(i, ALNUM) && !(model === 'ja' && between(i, KANJI))),
  );
  const out: string[] = [];
  let current = '';
  let at = 0;
  for (const g of splitGraphemes(word)) {
    if (current && cuts.has(at)) {
      out.push(current);
      current = '';
    }
    current += g;
    at += g.length;
  }
  if (current) out.push(current);
  if (model === 'ja') return out;
  const joined: string[] = [];
  for (const p of out) {
    const prev = joined[joined.length - 1];
    if (prev !== undefined && splitGraphemes(p).length === 1 && splitGraphemes(prev).length === 1) {
      joined[joined.length - 1] = prev + p;
    } else joined.push(p);
  }
  return joined;
}

/**
 * Scripts that put no spaces between words: ICU's dictionary word breaker (Intl.Segmenter, word granularity) finds
 * the words. Its boundaries are grapheme boundaries, so a Thai vowel or tone mark or a Khmer subscript consonant
 * never starts a line. Thai and Myanmar break between those words: workerd's ICU and Node's find the same ones.
 * Khmer and Lao do not (workerd's ICU finds other words than Node 22's ICU 78 in long runs: ប្រកាសគម្រោងសាងសង់ is
 * one word there, three here), and a card must look the same on Cloudflare and in the CLI. So they break where
 * their writers mark words: at the zero-width space (Khmer keyboards type it with the space bar) and at spaces;
 * a run without either that no line can hold breaks between dictionary words after all.
 */
const SEA = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u19E0-\u19FF\uA9E0-\uA9FF\uAA60-\uAA7F]/u;
const MARKED_WORDS = /[\u0E80-\u0EFF\u1780-\u17FF\u19E0-\u19FF]/u;
const ZWSP_BREAK = /(?<=\u200B)(?=.)/u;
let wordSegmenter: Intl.Segmenter | undefined;

/** Dictionary words of a space-free Thai/Lao/Khmer/Myanmar run; punctuation stays with the word before it. */
function words(text: string): string[] {
  wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  const out: string[] = [];
  for (const { segment, isWordLike } of wordSegmenter.segment(text)) {
    const prev = out.length - 1;
    if (prev >= 0 && !isWordLike && !NO_END.has(out[prev]?.at(-1) ?? '')) out[prev] += segment;
    else out.push(segment);
  }
  return out;
}

/** Tibetan writes no spaces either: a line may break after the tsheg that ends each syllable. */
const TSHEG_BREAK = /(?<=\u0F0B)(?=.)/u;

/** Inside a Latin word, a break may follow a hyphen or dash between letters ("well-|known", "then—|now"). */
const DASH_BREAK = /(?<=\p{L}[-‐–—])(?=\p{L})/u;

/**
 * Kinsoku: glue a piece that starts with a no-start character onto the one before it, and a piece that
 * ends with a no-end character onto the one after it, when no space separates them.
 */
export function applyKinsoku(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const u of units) {
    const prev = out[out.length - 1];
    // Only pieces with no space between them can be glued: the graphemes are looked at only then (segmenting every
    // word of a spaced text for nothing was a measurable share of a card's fitting).
    if (prev && prev.space === '' && (NO_START.has(firstGrapheme(u.text)) || NO_END.has(lastGrapheme(prev.text)))) {
      prev.text += u.text;
      prev.space = u.space;
    } else out.push({ ...u });
  }
  return out;
}

const firstGrapheme = (text: string) => splitGraphemes(text)[0] ?? '';
const lastGrapheme = (text: string) => splitGraphemes(text).at(-1) ?? '';

/** The unbreakable pieces of `text`, in order. Joining text+space of every unit gives the text back. */
export function breakUnits(text: string, lang?: string): Unit[] {
  const units: Unit[] = [];
  for (const m of text.matchAll(/(\S+)(\s*)/gu)) {
    const word = m[1] as string;
    const space = m[2] as string;
    const pieces = CJK.test(word)
      ? phrases(word, lang)
      : MARKED_WORDS.test(word)
        ? word.split(ZWSP_BREAK)
        : SEA.test(word)
          ? words(word)
          : /\u0F0B/u.test(word)
            ? word.split(TSHEG_BREAK)
            : word.split(DASH_BREAK);
    pieces.forEach((p, i) => {
      units.push({ text: p, space: i === pieces.length - 1 ? space : '' });
    });
  }
  return applyKinsoku(units);
}

/** A combining mark (a virama, a vowel sign, a nukta, a Thai tone mark) that must never start a line. */
const MARK = /^[\p{M}\u200C\u200D]/u;

/**
 * A unit too wide for any line, split into graphemes (kinsoku still applies between them). A conjunct (ICU's
 * extended grapheme clusters join consonant + virama + consonant, Unicode 15.1) stays whole; a piece that would
 * still start with a combining mark goes with the one before it, whatever the runtime's Unicode version.
 */
export function splitUnit(unit: Unit): Unit[] {
  const gs: string[] = [];
  // A Khmer or Lao run too wide for any line: between its dictionary words; a single word: between graphemes.
  const byWord = SEA.test(unit.text) ? words(unit.text) : [];
  for (const g of byWord.length > 1 ? byWord : splitGraphemes(unit.text)) {
    if (gs.length && MARK.test(g)) gs[gs.length - 1] += g;
    else gs.push(g);
  }
  return applyKinsoku(gs.map((g, i) => ({ text: g, space: i === gs.length - 1 ? unit.space : '' })));
}
