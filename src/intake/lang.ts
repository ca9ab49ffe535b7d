// Guess an article's language: the script decides where it can, franc-min (trigrams) decides the rest, and the
// text outvotes the page's own lang attribute when the two clearly disagree.
import { francAll } from 'franc-min';

/** A BCP 47 tag from what a page declares ("en_US", "de-DE", "fra"), or undefined if it is not one. */
export function canonicalLang(tag: string | undefined | null): string | undefined {
  if (!tag) return undefined;
  try {
    const [canon] = Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'));
    return canon && canon !== 'und' ? canon : undefined;
  } catch {
    return undefined;
  }
}

const count = (s: string, re: RegExp): number => s.match(re)?.length ?? 0;
const primary = (tag: string): string => tag.split('-')[0]!.toLowerCase();

// franc's ISO 639-3 codes for the BCP 47 tags pages declare most, to ask franc how well the declared one fits.
const ISO3: Record<string, string> = {
  en: 'eng',
  de: 'deu',
  fr: 'fra',
  es: 'spa',
  it: 'ita',
  pt: 'por',
  nl: 'nld',
  ru: 'rus',
  uk: 'ukr',
  bg: 'bul',
  pl: 'pol',
  cs: 'ces',
  sv: 'swe',
  da: 'dan',
  nb: 'nob',
  no: 'nob',
  fi: 'fin',
  tr: 'tur',
  ro: 'ron',
  hu: 'hun',
  id: 'ind',
};

interface Guess {
  lang: string;
  /** Decided by the script (kana, Hangul, Hebrew, Russian-only letters…), not by a trigram model. */
  byScript: boolean;
  /** franc's scores, best first (1 = the best), when franc decided. */
  scores?: [string, number][];
}

/**
 * Script first, because trigram models are weakest exactly where the script is decisive: any kana means
 * Japanese; Han without kana means Chinese; Hangul means Korean; Arabic script Arabic; Hebrew script Hebrew;
 * Cyrillic with ы or э (which Bulgarian and Ukrainian do not write) Russian, with і, ї or є Ukrainian. The rest
 * goes to franc-min (trigrams over ~80 languages), mapped from ISO 639-3 to BCP 47. Too little text → undefined.
 */
function guess(text: string): Guess | undefined {
  const sample = text.slice(0, 4000);
  const letters = count(sample, /\p{L}/gu);
  if (letters < 20) return undefined;
  const kana = count(sample, /[\u3040-\u30ff]/gu);
  const han = count(sample, /\p{Script=Han}/gu);
  const share = (re: RegExp) => count(sample, re) > letters * 0.3;
  if (kana >= 5 && kana + han > letters * 0.3) return { lang: 'ja', byScript: true };
  if (han > letters * 0.3) return { lang: 'zh', byScript: true };
  if (share(/\p{Script=Hangul}/gu)) return { lang: 'ko', byScript: true };
  if (share(/\p{Script=Arabic}/gu)) return { lang: 'ar', byScript: true };
  if (share(/\p{Script=Hebrew}/gu)) return { lang: 'he', byScript: true };
  if (share(/\p{Script=Cyrillic}/gu)) {
    if (count(sample, /[іїєґ]/giu) >= 3) return { lang: 'uk', byScript: true };
    if (count(sample, /[ыэ]/giu) >= 3) return { lang: 'ru', byScript: true };
  }
  const scores = francAll(sample, { minLength: 20 });
  const code = scores[0]?.[0];
  const lang = code && code !== 'und' ? canonicalLang(code) : undefined;
  return lang ? { lang, byScript: false, scores } : undefined;
}

/** The language of a text, or undefined when there is too little to tell. */
export const detectLang = (text: string): string | undefined => guess(text)?.lang;

// The script each declared language is written in (Latin when not listed): Persian declared on Arabic-script text
// is Persian, not "ar"; Ukrainian or Bulgarian declared on Cyrillic text is not overruled by the script alone.
const SCRIPT_OF: Record<string, string> = {
  ar: 'Arabic',
  fa: 'Arabic',
  ur: 'Arabic',
  ps: 'Arabic',
  ku: 'Arabic',
  sd: 'Arabic',
  ug: 'Arabic',
  he: 'Hebrew',
  yi: 'Hebrew',
  ru: 'Cyrillic',
  uk: 'Cyrillic',
  bg: 'Cyrillic',
  sr: 'Cyrillic',
  mk: 'Cyrillic',
  be: 'Cyrillic',
  kk: 'Cyrillic',
  ky: 'Cyrillic',
  mn: 'Cyrillic',
  tg: 'Cyrillic',
  el: 'Greek',
  hy: 'Armenian',
  ka: 'Georgian',
  hi: 'Devanagari',
  mr: 'Devanagari',
  ne: 'Devanagari',
  bn: 'Bengali',
  th: 'Thai',
  ja: 'Japanese',
  zh: 'Han',
  ko: 'Hangul',
};
const SCRIPTS: [string, RegExp][] = [
  ['Japanese', /[\u3040-\u30ff]/gu],
  ['Hangul', /\p{Script=Hangul}/gu],
  ['Han', /\p{Script=Han}/gu],
  ['Arabic', /\p{Script=Arabic}/gu],
  ['Hebrew', /\p{Script=Hebrew}/gu],
  ['Cyrillic', /\p{Script=Cyrillic}/gu],
  ['Greek', /\p{Script=Greek}/gu],
  ['Armenian', /\p{Script=Armenian}/gu],
  ['Georgian', /\p{Script=Georgian}/gu],
  ['Devanagari', /\p{Script=Devanagari}/gu],
  ['Bengali', /\p{Script=Bengali}/gu],
  ['Thai', /\p{Script=Thai}/gu],
  ['Latin', /\p{Script=Latin}/gu],
];
/** The script most of the text's letters are in (kana with Han counts as Japanese). */
function scriptOf(text: string): string | undefined {
  const sample = text.slice(0, 4000);
  let best: string | undefined;
  let most = 0;
  for (const [name, re] of SCRIPTS) {
    const n = count(sample, re) * (name === 'Japanese' ? 4 : 1);
    if (n > most) [best, most] = [name, n];
  }
  if (best === 'Han' && count(sample, /[\u3040-\u30ff]/gu) >= 5) return 'Japanese';
  return best;
}
const sameScript = (declared: string, script: string | undefined): boolean => {
  const want = SCRIPT_OF[primary(declared)] ?? 'Latin';
  return !script || want === script || (want === 'Japanese' && script === 'Han');
};

/**
 * The article's language: the page's declared tag (kept, it is more specific: "en-GB") unless the text clearly
 * says otherwise. Clearly: the text is in another script (lang="en" on a Russian page), or franc knows the
 * declared language and ranks it below its two best guesses, or under 0.8 of the best, on a body long enough to
 * judge (a German article declaring lang="en"). franc-min does not know Danish, Norwegian, Finnish, Lithuanian,
 * Albanian, Persian… — its guess for those is no evidence against the page, so their declared tag stands.
 */
export function articleLang(declared: string | undefined, body: string): string | undefined {
  const g = guess(body);
  if (!declared) return g?.lang;
  if (!g || primary(g.lang) === primary(declared)) return declared;
  if (!sameScript(declared, scriptOf(body))) return g.lang;
  // Within Cyrillic the letters are evidence (ы, э: Russian; і, ї, є: Ukrainian); Persian in Arabic script is not Arabic.
  if (g.byScript) return SCRIPT_OF[primary(declared)] === 'Cyrillic' ? g.lang : declared;
  if (count(body.slice(0, 4000), /\p{L}/gu) < 200) return declared;
  // Kept when franc finds the declared language a close second: short texts in related languages score close.
  const iso3 = ISO3[primary(declared)];
  const rank = g.scores?.findIndex(([c]) => c === iso3) ?? -1;
  if (rank < 0) return declared;
  const fit = g.scores![rank]![1];
  return rank <= 1 && fit >= 0.8 ? declared : g.lang;
}
