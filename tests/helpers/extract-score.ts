// Scores extraction against the two corpora: real saved pages (graded truth) and written articles (exact truth).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { normalizeText } from '../../src/story/normalize.ts';

export const PAGES = 'tests/fixtures/pages';
export const ARTICLES = 'tests/fixtures/articles';

/** A quotation a reader of the page marked as a key quote ('good') or as a fine one for a card ('acceptable'). */
export interface TruthQuote {
  text: string;
  /** Who said it, as any of these spellings; null in the list (or null alone) means "nobody named". */
  speaker: (string | null)[] | null;
  grade: 'good' | 'acceptable';
}

/** The truth for one page, written by reading it (see tests/fixtures/pages/README.md). */
export interface Truth {
  headline: string;
  headlineAlso?: string[];
  /** Does anybody speak on the page in quotation marks? false: the right answer is no quote. */
  speech: boolean;
  quotes: TruthQuote[];
  /** The byline's people, comma-joined; null when the page names no person; undefined: not scored. */
  author?: string | null | undefined;
  authorAlso?: string[];
  lang: string;
  note?: string;
}

/** What an extractor returned, as far as scoring goes. */
export interface Extracted {
  headline?: string | undefined;
  quote?: string | undefined;
  quoteAuthor?: string | undefined;
  author?: string | undefined;
  lang?: string | undefined;
}

export type QuoteGrade = 'good' | 'acceptable' | 'bad' | 'missed' | 'none-right' | 'none-wrong';
export type BylineGrade = 'clean' | 'junk' | 'missed' | 'none';

export interface PageScore {
  headline: boolean;
  quote: QuoteGrade;
  /** Only for good/acceptable quotes: was the speaker right? */
  speaker?: boolean | undefined;
  /**
   * Only for good/acceptable quotes: right; partly (the right person, part of the name: "Javad Zarif" for "Mohammad
   * Javad Zarif"); wrong (somebody or something else: the worst); none where a name was due.
   */
  speakerGrade?: 'right' | 'partly' | 'wrong' | 'none' | undefined;
  byline: BylineGrade;
  lang: boolean;
  problems: string[];
}

export interface CorpusCase {
  name: string;
  /** html or text, as extractStory takes it. */
  input: { html?: string; text?: string };
  truth: Truth;
}

/** Headlines compare as a reader sees them: same characters, any quotation-mark or dash style, any width. */
const headlineForm = (s: string): string =>
  normalizeText(s)
    .normalize('NFKC')
    .replace(/[“”„‟"«»「」]/gu, '"')
    .replace(/[‘’‚‛`´]/gu, "'")
    .replace(/[‐‑‒–—―]/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim();

/** Quotes compare by their words: letters and digits in order, any case, any punctuation. */
const words = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const nameForm = (s: string): string => normalizeText(s).normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();

/** A returned quote matches a truth quote when it is the same words, or one holds most of the other. */
function sameQuote(got: string, want: string): boolean {
  const a = words(got);
  const b = words(want);
  if (!a || !b) return false;
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.includes(short) && short.length / long.length >= 0.6;
}

/** Author names as a set: "A, B and C" → {a, b, c}. */
const authorSet = (s: string): string[] =>
  normalizeText(s)
    .split(/\s*(?:,|;|\s&\s|\sand\s|\sund\s|\set\s|\sy\s|\se\s)\s*/u)
    .map(nameForm)
    .filter(Boolean)
    .sort();

const sameAuthors = (a: string, b: string): boolean => authorSet(a).join('|') === authorSet(b).join('|');

export function scorePage(got: Extracted, truth: Truth): PageScore {
  const problems: string[] = [];
  const headlines = [truth.headline, ...(truth.headlineAlso ?? [])].map(headlineForm);
  const headline = !!got.headline && headlines.includes(headlineForm(got.headline));
  if (!headline)
    problems.push(`headline: got ${JSON.stringify(got.headline ?? null)}, want ${JSON.stringify(truth.headline)}`);

  let quote: QuoteGrade;
  let speaker: boolean | undefined;
  let speakerGrade: PageScore['speakerGrade'];
  if (!got.quote) quote = truth.speech ? 'missed' : 'none-right';
  else if (!truth.speech) quote = 'none-wrong';
  else {
    const matches = truth.quotes.filter((q) => sameQuote(got.quote!, q.text));
    const best = matches.find((q) => q.grade === 'good') ?? matches[0];
    quote = best ? best.grade : 'bad';
    if (best) {
      const allowed = best.speaker ?? [null];
      speaker = allowed.some((s) =>
        s === null ? !got.quoteAuthor : !!got.quoteAuthor && nameForm(s) === nameForm(got.quoteAuthor),
      );
      const part = (name: string) => {
        const want = allowed.filter((a): a is string => !!a).map((a) => nameForm(a).split(' '));
        const have = nameForm(name).split(' ');
        return want.some((w) => have.length < w.length && have.every((t) => w.includes(t)));
      };
      speakerGrade = speaker ? 'right' : !got.quoteAuthor ? 'none' : part(got.quoteAuthor) ? 'partly' : 'wrong';
      if (!speaker)
        problems.push(
          `speaker (${speakerGrade}): got ${JSON.stringify(got.quoteAuthor ?? null)}, want ${JSON.stringify(allowed)}`,
        );
    }
  }
  if (quote === 'bad' || quote === 'none-wrong' || quote === 'missed') {
    const want = truth.quotes.find((q) => q.grade === 'good')?.text ?? null;
    problems.push(`quote (${quote}): got ${JSON.stringify(got.quote ?? null)}, want ${JSON.stringify(want)}`);
  }

  let byline: BylineGrade;
  const authors = truth.author ? [truth.author, ...(truth.authorAlso ?? [])] : [];
  if (truth.author === undefined) byline = 'none';
  else if (!got.author) byline = authors.length ? 'missed' : 'none';
  else byline = authors.some((a) => sameAuthors(got.author!, a)) ? 'clean' : 'junk';
  if (byline === 'junk' || byline === 'missed')
    problems.push(
      `byline (${byline}): got ${JSON.stringify(got.author ?? null)}, want ${JSON.stringify(truth.author)}`,
    );

  const lang = (got.lang ?? '').split('-')[0]!.toLowerCase() === truth.lang;
  if (!lang) problems.push(`lang: got ${JSON.stringify(got.lang ?? null)}, want ${JSON.stringify(truth.lang)}`);
  return { headline, quote, speaker, speakerGrade, byline, lang, problems };
}

/** The real saved pages of one part (`tuning` or `heldout`), gunzipped. */
/** tuning/ (tuned on), heldout/ (issues 13 and 20), heldout-2/ to -5/ (issue 20's later rounds): never tuned on. */
export function loadPages(
  part: 'tuning' | 'heldout' | 'heldout-2' | 'heldout-3' | 'heldout-4' | 'heldout-5',
): CorpusCase[] {
  const dir = join(PAGES, part);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.html\.gz$/, '');
      const html = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
      const truth = JSON.parse(readFileSync(join(dir, `${name}.truth.json`), 'utf8')) as Truth;
      return { name, input: { html }, truth };
    });
}

interface ArticleExpected {
  headline: string;
  quote: string | null;
  quoteAuthor: string | null;
  author?: string | null;
  lang?: string;
}

/** The written articles (exact truth), as graded truth: the one expected quote is the only good one. */
export function loadArticles(sub = ''): CorpusCase[] {
  const dir = join(ARTICLES, sub);
  return readdirSync(dir)
    .filter((f) => /\.(txt|html)$/.test(f))
    .sort()
    .map((f) => {
      const name = f.replace(/\.(txt|html)$/, '');
      const content = readFileSync(join(dir, f), 'utf8');
      const e = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as ArticleExpected;
      const truth: Truth = {
        headline: e.headline,
        speech: e.quote !== null,
        quotes: e.quote === null ? [] : [{ text: e.quote, speaker: [e.quoteAuthor], grade: 'good' }],
        // Only articles whose expected file names an author (or says null) are scored on bylines.
        author: e.author,
        lang: (e.lang ?? '').split('-')[0]!.toLowerCase(),
      };
      return { name, input: f.endsWith('.html') ? { html: content } : { text: content }, truth };
    });
}

export interface Totals {
  n: number;
  headline: number;
  speech: number;
  good: number;
  acceptable: number;
  bad: number;
  missed: number;
  noSpeech: number;
  noneRight: number;
  speakerOf: number;
  speaker: number;
  speakerWrong: number;
  speakerPartly: number;
  speakerNone: number;
  bylines: number;
  clean: number;
  junk: number;
  bylineMissed: number;
  langOf: number;
  lang: number;
}

/** Add up page scores. Articles without a declared lang or author are not counted for those. */
export function total(scores: { score: PageScore; truth: Truth }[]): Totals {
  const t: Totals = {
    n: 0,
    headline: 0,
    speech: 0,
    good: 0,
    acceptable: 0,
    bad: 0,
    missed: 0,
    noSpeech: 0,
    noneRight: 0,
    speakerOf: 0,
    speaker: 0,
    speakerWrong: 0,
    speakerPartly: 0,
    speakerNone: 0,
    bylines: 0,
    clean: 0,
    junk: 0,
    bylineMissed: 0,
    langOf: 0,
    lang: 0,
  };
  for (const { score: s, truth } of scores) {
    t.n++;
    t.headline += +s.headline;
    if (truth.speech) {
      t.speech++;
      if (s.quote === 'good') t.good++;
      else if (s.quote === 'acceptable') t.acceptable++;
      else if (s.quote === 'bad') t.bad++;
      else if (s.quote === 'missed') t.missed++;
    } else {
      t.noSpeech++;
      t.noneRight += +(s.quote === 'none-right');
    }
    if (s.speaker !== undefined) {
      t.speakerOf++;
      t.speaker += +s.speaker;
      t.speakerWrong += +(s.speakerGrade === 'wrong');
      t.speakerNone += +(s.speakerGrade === 'none');
      t.speakerPartly += +(s.speakerGrade === 'partly');
    }
    if (s.byline !== 'none') {
      t.bylines++;
      t.clean += +(s.byline === 'clean');
      t.junk += +(s.byline === 'junk');
      t.bylineMissed += +(s.byline === 'missed');
    }
    if (truth.lang) {
      t.langOf++;
      t.lang += +s.lang;
    }
  }
  return t;
}

/** One short line per language: "de  n 14 | head 14/14 | quote 9/10 | none 4/4 | spk 9/9 wrong 0 none 0 | by 8/9 | lang 14/14". */
export function byLanguage(scores: { score: PageScore; truth: Truth }[]): string[] {
  const langs = [...new Set(scores.map((s) => s.truth.lang || '?'))].sort();
  return langs.map((l) => {
    const t = total(scores.filter((s) => (s.truth.lang || '?') === l));
    return `${l.padEnd(3)} n ${String(t.n).padStart(2)} | head ${t.headline}/${t.n} | quote ${t.good + t.acceptable}/${t.speech} | none ${t.noneRight}/${t.noSpeech} | spk ${t.speaker}/${t.speakerOf} wrong ${t.speakerWrong} none ${t.speakerNone} | by ${t.clean}/${t.bylines} | lang ${t.lang}/${t.langOf}`;
  });
}

const pct = (x: number, n: number): string => (n ? `${((100 * x) / n).toFixed(1)}%` : '–');

/** One line per metric, the way the closing notes quote them. */
export function describe(t: Totals): string[] {
  return [
    `headline            ${t.headline}/${t.n} ${pct(t.headline, t.n)}`,
    `quote (${t.speech} with speech) good ${t.good}, acceptable ${t.acceptable}, bad ${t.bad}, missed ${t.missed} → good or acceptable ${pct(t.good + t.acceptable, t.speech)}`,
    `no quote where nobody speaks ${t.noneRight}/${t.noSpeech} ${pct(t.noneRight, t.noSpeech)}`,
    `speaker             right ${t.speaker}/${t.speakerOf} ${pct(t.speaker, t.speakerOf)}, partly ${t.speakerPartly}, WRONG ${t.speakerWrong}, none ${t.speakerNone} (of good or acceptable quotes)`,
    `byline clean        ${t.clean}/${t.bylines} ${pct(t.clean, t.bylines)} (junk ${t.junk}, missed ${t.bylineMissed})`,
    `lang                ${t.lang}/${t.langOf} ${pct(t.lang, t.langOf)}`,
  ];
}
