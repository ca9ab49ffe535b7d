// The key quote: find direct speech in any common quotation style and pick the one a share card should carry.
//
// THE RULE (each candidate is scored; the highest score wins; below MIN_SCORE there is no quote → null):
//   Candidates: text between a matched pair of quotation marks — “…” "…" ‘…’ '…' „…“ „…” ‚…‘ « … » » … « 「…」 『…』 —
//   inside one paragraph, and every <blockquote> (the page itself marked it as a quote).
//   Rejected outright:
//     - scare quotes and names: 3 words or fewer (CJK: under 6 characters), counted with Intl.Segmenter;
//     - the headline itself (same words, ignoring case and punctuation);
//     - longer than 600 characters (a card cannot carry it).
//   Points:
//     +4  attributed to a named speaker next to it: a speech verb in the article's language with a name
//         (said/says/told/sagte/so/a déclaré/selon/dijo/según/ha detto/disse/と述べた/表示/قال …), a possessive
//         or colon lead-in ("Altman’s response: “…”", "Altman: “…”"), or a blockquote's <cite>/"— Name" line
//     +3  attributed by pronoun ("he said", "a-t-il déclaré", «…», dijo.) — the speaker was named earlier
//     +2  a speech verb with an unnamed speaker ("said one analyst"); "said the coach" takes its author from
//         an earlier "coach Dorival Júnior" when the article has one
//     +2  the page marked it up as a <blockquote>
//     +2  sentence-like: starts like a sentence (capital or uncased script) and ends with . ! ? … inside or just
//         after the closing mark (or a comma handing over to the attribution); CJK quotes of 8+ characters count
//     +1  length in the card's sweet spot: 30–300 characters (CJK 10–150); −1 above 400
//     +0…1 position: earlier in the article scores higher (1 − paragraph index / paragraph count)
//     −3  Title Case without final punctuation (a book, film or law title, not speech)
//   MIN_SCORE = 3: a quote with a named or pronoun speaker always qualifies; any other must also be sentence-like
//   (and, unattributed, of card length). Ties go to the earlier quote. Only the first 100,000 characters count.
//   The quote keeps its words; a trailing hand-over comma ("…," she said) is dropped.
//   The speaker: the name next to the verb, without titles ("Bundeskanzler Olaf Scholz" → "Olaf Scholz"); a
//   lone surname becomes the full name the article uses elsewhere ("Altman" → "Sam Altman").
import { normalizeText } from '../story/normalize.ts';
import { type Attribution, attribute } from './attribution.ts';
import { fullName, lastName, NAME_SRC, roleHolder, tidyName } from './names.ts';
import type { Block } from './types.ts';

export const MIN_SCORE = 3;

export interface QuoteCandidate {
  text: string;
  block: number;
  attribution: Attribution;
  score: number;
  author?: string | undefined;
}

export interface PickedQuote {
  quote: string;
  quoteAuthor?: string | undefined;
}

// Each style: opening mark, body, closing mark. Single quotes must not be apostrophes (don’t, Altman’s, players').
const STYLES: RegExp[] = [
  /“([^“”]{2,600}?)”/gu,
  /„([^„“”]{2,600}?)[“”]/gu,
  /‚([^‚‘]{2,600}?)‘/gu,
  /「([^「」]{2,600}?)」/gu,
  /『([^『』]{2,600}?)』/gu,
  /"([^"]{2,600}?)"/gu,
  /(?<![\p{L}\p{N}])‘(\S.{0,598}?\S)’(?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}])'(\S.{0,598}?\S)'(?![\p{L}\p{N}])/gu,
];
const GUILLEMETS_FR = /«\s*([^«»]{2,600}?)\s*»/gu;
const GUILLEMETS_DE = /»\s*([^»«]{2,600}?)\s*«/gu;

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u;
const words = new Intl.Segmenter(undefined, { granularity: 'word' });
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const countWords = (s: string): number => [...words.segment(s)].filter((x) => x.isWordLike).length;
const countChars = (s: string): number => [...graphemes.segment(s)].length;
const comparable = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

interface Raw {
  text: string;
  block: number;
  before: string;
  after: string;
  kind: 'marks' | 'blockquote';
  cite?: string | undefined;
}

const unwrap = (s: string): string => s.replace(/^[\s“”"„«»「『‘’']+/u, '').replace(/[\s“”"«»」』‘’']+$/u, '');

// A key quote sits in the article, not 100,000 characters in (that is comments or a pasted archive); the cap
// also keeps a 2 MB input from costing seconds.
const SCAN_CHARS = 100_000;

/** Every quotation in the body, with the text around it for attribution. */
function candidates(blocks: Block[]): Raw[] {
  const out: Raw[] = [];
  let seen = 0;
  blocks.forEach((b, i) => {
    seen += b.text.length;
    if (b.kind === 'heading' || seen > SCAN_CHARS + b.text.length) return;
    const prev = blocks[i - 1]?.kind === 'p' ? blocks[i - 1]!.text : '';
    if (b.kind === 'blockquote') {
      out.push({ text: unwrap(b.text), block: i, before: prev, after: '', kind: 'blockquote', cite: b.cite });
      return;
    }
    const text = b.text.length > SCAN_CHARS ? b.text.slice(0, SCAN_CHARS) : b.text;
    const firstGuillemet = text.match(/[«»]/u)?.[0];
    const styles = [...STYLES, firstGuillemet === '»' ? GUILLEMETS_DE : GUILLEMETS_FR];
    for (const re of styles) {
      for (const m of text.matchAll(re)) {
        const start = m.index;
        const end = start + m[0].length;
        // A quote that opens its paragraph is often introduced by the one before ("Altman wrote:").
        const lead = text.slice(Math.max(0, start - 200), start);
        const before = start < 3 && prev ? `${prev} ${lead}` : lead;
        out.push({ text: m[1]!.trim(), block: i, before, after: text.slice(end, end + 150), kind: 'marks' });
      }
    }
  });
  return out;
}

/** "— Sam Altman (@sama) February 10, 2025" → "Sam Altman". */
export function citeName(cite: string): string | undefined {
  const s = cite
    .replace(/^[\s—–-]+/u, '')
    .split(/\s*[(,|]|\s+on\s+|\s+\d/u)[0]!
    .trim();
  if (!s) return undefined;
  const latin = s.match(new RegExp(NAME_SRC, 'u'));
  if (latin) return tidyName(latin[0]);
  return s.length <= 60 ? s : undefined;
}

const TERMINAL = /[.!?…。！？]$/u;

function score(c: Raw, attribution: Attribution, position: number, headline: string): number {
  const cjk = CJK.test(c.text);
  const n = countChars(c.text);
  if (n > 600) return -Infinity;
  if (cjk ? n < 6 : countWords(c.text) <= 3) return -Infinity;
  if (headline && comparable(c.text) === comparable(headline)) return -Infinity;
  let s = 0;
  if (attribution.kind === 'named') s += 4;
  else if (attribution.kind === 'pronoun') s += 3;
  else if (attribution.kind === 'unnamed') s += 2;
  if (c.kind === 'blockquote') s += 2;
  const startsLikeSentence = !/^[\p{Ll}]/u.test(c.text);
  const ends =
    TERMINAL.test(c.text) || /^[.!?。！？]/u.test(c.after) || (/[,，]$/u.test(c.text) && attribution.kind !== 'none');
  if (cjk ? n >= 8 : startsLikeSentence && ends) s += 2;
  if (cjk ? n >= 10 && n <= 150 : n >= 30 && n <= 300) s += 1;
  if (n > 400) s -= 1;
  s += 1 - position;
  const ws = c.text.split(/\s+/);
  const capitalised = ws.filter((w) => /^\p{Lu}/u.test(w)).length;
  if (!cjk && ws.length >= 3 && capitalised / ws.length >= 0.75 && !TERMINAL.test(c.text)) s -= 3;
  return s;
}

/** Score every candidate (exported for the eval script's diagnostics). */
export function scoreQuotes(blocks: Block[], headline = ''): QuoteCandidate[] {
  const raws = candidates(blocks);
  const body = blocks
    .map((b) => b.text)
    .join('\n')
    .slice(0, SCAN_CHARS);
  // Who "he" or "the coach" is: the headline, the lede (where people are introduced) and the paragraphs just
  // before the quote; bounded, so an article with thousands of paragraphs stays linear.
  const contextOf = (c: Raw): string => {
    const near = [...blocks.slice(0, Math.min(3, c.block)), ...blocks.slice(Math.max(3, c.block - 10), c.block)];
    return [headline, ...near.map((b) => b.text), c.before].join('\n');
  };
  const names = new Map<string, string>();
  const full = (name: string): string => {
    if (!names.has(name)) names.set(name, fullName(name, body, headline));
    return names.get(name)!;
  };
  const scored: QuoteCandidate[] = [];
  for (const c of raws) {
    let attribution = attribute(c.before, c.after);
    const cited = c.cite ? citeName(c.cite) : undefined;
    if (cited) attribution = { kind: 'named', name: cited };
    let author: string | undefined;
    if (attribution.kind === 'named') author = full(attribution.name);
    else if (attribution.kind === 'pronoun') {
      // "he said": the speaker is the last one named before, or the last person mentioned before.
      const earlier = scored.filter((q) => q.block <= c.block && q.attribution.kind === 'named').at(-1);
      const named = earlier?.author ?? lastName(contextOf(c));
      author = named ? full(named) : undefined;
    } else if (attribution.kind === 'unnamed' && attribution.role) {
      // "said the coach": the article named the coach earlier ("O técnico Dorival Júnior").
      const named = roleHolder(attribution.role, contextOf(c));
      author = named ? full(named) : undefined;
    }
    const position = blocks.length > 1 ? c.block / blocks.length : 0;
    const text = c.text.replace(/[,，;:]$/u, '').trim();
    scored.push({ text, block: c.block, attribution, score: score(c, attribution, position, headline), author });
  }
  return scored;
}

/** The key quote of an article and who said it, or null when it has no direct quote worth a card. */
export function pickQuote(blocks: Block[], headline = ''): PickedQuote | null {
  const best = scoreQuotes(blocks, headline)
    .filter((q) => q.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.block - b.block)[0];
  if (!best) return null;
  return { quote: normalizeText(best.text), quoteAuthor: best.author };
}
