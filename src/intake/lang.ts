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

/**
 * The article's language: the page's declared tag (kept, it is more specific: "en-GB") unless the text clearly
 * says otherwise — its script decides, or franc ranks the declared language below its two best guesses (or
 * scores it under 0.8 of the best) on a body long enough to judge (a German article declaring lang="en").
 */
export function articleLang(declared: string | undefined, body: string): string | undefined {
  const g = guess(body);
  if (!declared) return g?.lang;
  if (!g || primary(g.lang) === primary(declared)) return declared;
  if (g.byScript) return g.lang;
  if (count(body.slice(0, 4000), /\p{L}/gu) < 200) return declared;
  // Kept when franc finds the declared language a close second: short texts in related languages score close.
  const iso3 = ISO3[primary(declared)];
  const rank = g.scores?.findIndex(([c]) => c === iso3) ?? -1;
  const fit = rank >= 0 ? g.scores![rank]![1] : 0;
  return rank >= 0 && rank <= 1 && fit >= 0.8 ? declared : g.lang;
}
