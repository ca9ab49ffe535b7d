// Quotation candidates: every span between a pair of quotation marks in the body, every dialogue-dash quote
// (Polish, Nordic, Slavic, Romance: "– Text – mówi X." / "– Text, X sanoi."), and every <blockquote>.
import { NAME_SRC, tidyName } from './names.ts';
import type { Block } from './types.ts';
import { INV, VERB } from './verbs.ts';

// Each style: opening mark, body, closing mark. Single quotes must not be apostrophes (don’t, Altman’s, players').
const STYLES: RegExp[] = [
  /“([^“”]{2,600}?)”/gu,
  /„([^„“”"]{2,600}?)[“”"]/gu,
  /‚([^‚‘]{2,600}?)‘/gu,
  /「([^「」]{2,600}?)」/gu,
  /『([^『』]{2,600}?)』/gu,
  /״([^״]{2,600}?)״/gu,
  /(?<!„[^"“”]{0,600})"([^"]{2,600}?)"/gu,
  /(?<![\p{L}\p{N}])‘(\S.{0,598}?\S)’(?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}])'(\S.{0,598}?\S)'(?![\p{L}\p{N}])/gu,
];
// Swedish and Finnish open and close with ”: only in a paragraph without “ (else ” B “ would pair wrongly).
const SWEDISH = /”([^“”]{2,600}?)”/gu;
// 《…》 marks a title in Chinese (and sometimes speech in Korean): the CJK rule admits it only beside a speech verb.
const TITLE_MARKS = /《([^《》]{2,600}?)》/gu;
const GUILLEMETS_FR = /«\s*([^«»]{2,600}?)\s*»/gu;
const GUILLEMETS_DE = /»\s*([^»«]{2,600}?)\s*«/gu;

// Every character that opens a quotation style below, or a dialogue dash.
const MARKS = /[“”"„‚‘'「『״«»《–—-]/u;

export interface Raw {
  text: string;
  block: number;
  before: string;
  after: string;
  kind: 'marks' | 'blockquote';
  cite?: string | undefined;
  /** The quote is (nearly) its whole paragraph. */
  standalone: boolean;
  /** The quote starts in the middle of a sentence of the paragraph. */
  embedded: boolean;
  /** The text before the quote in its own paragraph. */
  lead: string;
  /** The quote's paragraph ends before its closing mark: it goes on in the next paragraph. */
  open?: boolean;
  /** The quote goes on from an unclosed one in the paragraph before. */
  continues?: boolean;
  /** A dialogue-dash quote ("– Text, X sanoi."). */
  dash?: boolean;
}

// A dialogue dash opens the paragraph or follows a colon ("opublikował film: - Rozmowy idą świetnie…").
// Spanish sets its raya against the words: "—Vamos a garantizar… —dijo Sánchez." (an em dash, no space inside).
const DASH_OPEN = /(?:^|:\s+)(?:[–—-]\s+|—(?=\p{Lu}|[¿¡«"“]))(?=\S)/u;
const DASH_CLOSE = /\s[–—-]\s+|\s—(?=\p{Ll})/u;
// …or follows a sentence's end inside the paragraph, before a capital.
const DASH_MID = /[.!?…]\s+[–—]\s+(?=\p{Lu})/u;
let handover: RegExp | undefined;
/**
 * A dialogue-dash quote in a paragraph: from the dash to a closing dash ("– Text – mówi X.") or to the comma that
 * hands over to a speech verb ("– Text, Ilkka Hämälä sanoi." / "– Text, sier Pål Bjerketvedt."); without either,
 * the rest of the paragraph (a quote going on from the one before).
 */
function dashQuote(text: string): { start: number; end: number; after: string } | undefined {
  const open = text.match(DASH_OPEN) ?? text.match(DASH_MID);
  if (!open || open.index! > 400) return undefined;
  const start = open.index! + open[0].length;
  const rest = text.slice(start);
  const close = rest.match(DASH_CLOSE);
  // After a sentence in mid-paragraph ("…Zilga. – Stosunkowo prosta… – mówi Juha Karvonen"), only a closing dash
  // handing over to a speech verb makes it a quote: a dash there is as often an aside.
  if (!DASH_OPEN.test(text)) {
    handover ??= new RegExp(`(?<![\\p{L}])(?:${VERB}|${INV})(?![\\p{L}])`, 'giu');
    const verbNext = close && new RegExp(`^\\s*[–—-]\\s+(?:${VERB}|${INV})(?![\\p{L}])`, 'iu');
    if (!close || close.index! <= 10 || !verbNext!.test(rest.slice(close.index!))) return undefined;
  }
  if (close && close.index! > 10) return { start, end: start + close.index!, after: rest.slice(close.index!) };
  // The hand-over: a speech verb in the paragraph's last 240 characters (one pass over them), and the last comma
  // before it within 80 characters, with no sentence end between ("…, Ilkka Hämälä sanoi." / "…, sier Pål").
  const tailAt = Math.max(0, rest.length - 240);
  const tail = rest.slice(tailAt);
  handover ??= new RegExp(`(?<![\\p{L}])(?:${VERB}|${INV})(?![\\p{L}])`, 'giu');
  handover.lastIndex = 0;
  let at = -1;
  // The last verb with a comma before it: a verb inside the quoted words is not the hand-over.
  for (const verb of tail.matchAll(handover)) {
    const comma = tail.lastIndexOf(',', verb.index);
    if (comma < 0 || verb.index - comma > 80 || /[.!?]/u.test(tail.slice(comma, verb.index))) continue;
    if (tailAt + comma > 10) at = tailAt + comma;
  }
  if (at > 0) return { start, end: start + at, after: rest.slice(at) };
  return { start, end: text.length, after: '' };
}

const unwrap = (s: string): string => s.replace(/^[\s“”"„«»「『‘’'״]+/u, '').replace(/[\s“”"«»」』‘’'״]+$/u, '');

const wordsOf = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * A pull quote: the page repeats its own words (often trimmed) in large type. Most of the blockquote's word
 * trigrams stand in another block of the article — the author's prose, or a quotation that is a candidate there
 * with its attribution — so the blockquote is no quotation of its own. `body` holds the other blocks' trigrams.
 */
function repeatsBody(text: string, body: () => Set<string>): boolean {
  const ws = wordsOf(text);
  if (ws.length < 5) return false;
  let found = 0;
  for (let i = 0; i + 2 < ws.length; i++) if (body().has(`${ws[i]} ${ws[i + 1]} ${ws[i + 2]}`)) found++;
  return found / (ws.length - 2) >= 0.6;
}

// A key quote sits in the article, not 100,000 characters in (that is comments or a pasted archive); the cap
// also keeps a 2 MB input from costing seconds.
export const SCAN_CHARS = 100_000;
/**
 * At most this many quotations are weighed: the most any of the 383 saved pages has is 132 (the next 82), and each
 * one costs an attribution — 300 made 2 MB of "“…,” said John Smith." paragraphs cost twice the work.
 */
export const MAX_CANDIDATES = 150;

/** Every quotation in the body, with the text around it for attribution. */
export function candidates(blocks: Block[]): Raw[] {
  const out: Raw[] = [];
  let seen = 0;
  // Trigrams of the paragraphs (within the scan), built only when a page has a blockquote without a cite.
  let trigrams: Set<string> | undefined;
  const body = (): Set<string> => {
    if (trigrams) return trigrams;
    trigrams = new Set();
    let chars = 0;
    for (const p of blocks) {
      if (p.kind !== 'p') continue;
      chars += p.text.length;
      if (chars > SCAN_CHARS) break;
      const ws = wordsOf(p.text);
      for (let i = 0; i + 2 < ws.length; i++) trigrams.add(`${ws[i]} ${ws[i + 1]} ${ws[i + 2]}`);
    }
    return trigrams;
  };
  blocks.forEach((b, i) => {
    seen += b.text.length;
    if (b.kind === 'heading' || seen > SCAN_CHARS + b.text.length || out.length >= MAX_CANDIDATES) return;
    const prev = blocks[i - 1]?.kind === 'p' ? blocks[i - 1]!.text : '';
    if (b.kind === 'blockquote') {
      const text = unwrap(b.text);
      if (!b.cite && repeatsBody(text, body)) return;
      // A short paragraph after it that hands over with a dash ("— zaznaczył.", "– sagte sie.") is its attribution.
      const next = blocks[i + 1]?.kind === 'p' ? blocks[i + 1]!.text : '';
      out.push({
        text,
        block: i,
        before: prev,
        after: next.length <= 120 && /^[–—-]\s*\S/u.test(next) ? next.replace(/^[–—-]\s*/u, ' ') : '',
        kind: 'blockquote',
        cite: b.cite,
        standalone: true,
        embedded: false,
        lead: '',
      });
      return;
    }
    const text = b.text.length > SCAN_CHARS ? b.text.slice(0, SCAN_CHARS) : b.text;
    // Most paragraphs hold no quotation mark and no dash: one test, not every style's scan.
    if (!MARKS.test(text)) return;
    // »…« (German) or «…» (French): the first guillemet that opens a pair decides — not a stray closing one
    // ("“Uomini, non dimenticate la prostata!». … «Non si va al lavoro…»" is Italian «…»).
    const firstGuillemet = text.match(/«\s?[\p{L}\p{N}¿¡…-][^«»]{1,600}?»|»[\p{L}\p{N}…-][^«»]{1,600}?«/u)?.[0][0];
    const styles = [...STYLES, firstGuillemet === '»' ? GUILLEMETS_DE : GUILLEMETS_FR, TITLE_MARKS];
    if (!text.includes('“')) styles.push(SWEDISH);
    const previous = out.at(-1);
    const continues = previous?.open === true && previous.block === i - 1;
    const dash = dashQuote(text);
    if (dash) {
      const lead = text.slice(Math.max(0, dash.start - 200), dash.start).replace(/[–—-]\s*$/u, '');
      out.push({
        text: text.slice(dash.start, dash.end).trim(),
        block: i,
        before: lead.trim() ? lead : prev,
        after: dash.after,
        kind: 'marks',
        standalone: dash.start < 3,
        embedded: false,
        lead,
        dash: true,
        // "– Näin on tulevaisuudessakin…" with no hand-over: the speaker of the dash quote just before.
        continues: !dash.after && previous?.dash === true && previous.block === i - 1,
      });
    }
    for (const re of styles) {
      for (const m of text.matchAll(re)) {
        const start = m.index;
        const end = start + m[0].length;
        // A quote that opens its paragraph is often introduced by the one before ("Altman wrote:").
        const lead = text.slice(Math.max(0, start - 200), start);
        const before = start < 3 && prev ? `${prev} ${lead}` : lead;
        const body = m[1]!.trim();
        out.push({
          text: body,
          block: i,
          before,
          after: text.slice(end, end + 150),
          kind: 'marks',
          standalone: m[0].length >= 0.8 * text.length,
          embedded: /[\p{L}\p{N},]\s*$/u.test(lead),
          lead,
          continues: continues && start < 3,
        });
      }
    }
    // English convention for a quote over several paragraphs: each opens with a mark, only the last one closes.
    const open = text.match(/(?:^|\s)([“"«„])([^“”"«»„]{20,600})$/u);
    if (open && !/[”"»“]/u.test(open[2]!)) {
      const start = open.index! + open[0].indexOf(open[1]!);
      const lead = text.slice(Math.max(0, start - 200), start);
      out.push({
        text: open[2]!.trim(),
        block: i,
        before: start < 3 && prev ? `${prev} ${lead}` : lead,
        after: '',
        kind: 'marks',
        standalone: start < 3,
        embedded: /[\p{L}\p{N},]\s*$/u.test(lead),
        lead,
        open: true,
        continues: continues && start < 3,
      });
    }
  });
  return out.slice(0, MAX_CANDIDATES);
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
