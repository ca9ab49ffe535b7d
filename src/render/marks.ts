// Quotation marks: the story's own, recognised in any style, or the language's when the quote has none. Never two pairs.
//
// Stories from CMSs and from extraction often carry their marks (« Nous avons tenu bon », „Das …“, sagte …,
// 「…」); a template that wrapped those again drew « « … » ». The fitter keeps the marks apart from the
// words, so a quote cut to fit still closes: “No thank you, but…”.

/** Openers and the closers each may pair with (a quote's marks follow its language, not ours). */
const PAIRS: Record<string, string> = {
  '“': '”“',
  '„': '“”',
  '‟': '”',
  '”': '”',
  '«': '»«',
  '»': '«»',
  '‹': '›‹',
  '›': '‹›',
  '「': '」',
  '『': '』',
  '〝': '〟〞',
  '‘': '’‘',
  '‚': '‘’',
  '’': '’',
  '"': '"',
  "'": "'",
  '＂': '＂',
};
const CLOSERS = new Set(Object.values(PAIRS).join(''));

export interface Marks {
  open: string;
  close: string;
}

/** A quote split into its enclosing marks and the words between them; `own` tells whose marks they are. */
export interface EnclosedQuote extends Marks {
  inner: string;
  /** The quote arrived with marks of its own (drawn as sent); false when the template adds the language's. */
  own: boolean;
}

const NBSP = '\u00a0';

/**
 * The language's quotation marks (BCP 47 primary subtag, region where the press differs): the one table, used by the
 * card and by the bot's post text alike. Hindi, Marathi, Nepali, Bengali, Tamil, Telugu and the other Indic presses,
 * Thai, Lao, Burmese and Sinhala print English-style “…” (the default); Amharic and Khmer «…»; Georgian „…“.
 */
export function languageMarks(lang: string | undefined): Marks {
  const tag = (lang ?? 'en').toLowerCase();
  const l = tag.split('-')[0] ?? 'en';
  if (['de', 'cs', 'sk', 'sl', 'lt', 'is', 'ka'].includes(l)) return { open: '„', close: '“' };
  if (['pl', 'ro', 'hu', 'hr', 'bg', 'nl'].includes(l)) return { open: '„', close: '”' };
  if (l === 'fr') return { open: `«${NBSP}`, close: `${NBSP}»` };
  if (l === 'ja') return { open: '「', close: '」' };
  // Taiwan and Hong Kong set 「」; mainland China “”.
  if (l === 'zh') return /-(tw|hk|mo|hant)\b/.test(tag) ? { open: '「', close: '」' } : { open: '“', close: '”' };
  if (l === 'sv' || l === 'fi') return { open: '”', close: '”' };
  if (l === 'da') return { open: '»', close: '«' };
  // Hebrew presses use plain double quotes, which read the same in either direction.
  if (l === 'he' || l === 'yi') return { open: '"', close: '"' };
  if (l === 'pt') return tag.includes('-br') ? { open: '“', close: '”' } : { open: '«', close: '»' };
  if (
    ['ar', 'fa', 'ur', 'es', 'it', 'ru', 'uk', 'be', 'ca', 'el', 'hy', 'no', 'nb', 'nn', 'am', 'ti', 'km'].includes(l)
  )
    return { open: '«', close: '»' };
  return { open: '“', close: '”' };
}

/**
 * The marks a quote is drawn with. Enclosed in marks of its own (any style, with or without the French
 * inner spaces): those, as sent. Carrying marks of its own but not around the whole text („Das ist gut“,
 * sagte sie): none added. Otherwise the language's.
 */
export function encloseQuote(quote: string, lang: string | undefined): EnclosedQuote {
  const text = quote.trim();
  const chars = [...text];
  const first = chars[0] ?? '';
  const last = chars[chars.length - 1] ?? '';
  const closers = PAIRS[first];
  if (closers && chars.length >= 2 && closers.includes(last)) {
    const body = chars.slice(1, -1).join('');
    const inner = body.trim();
    const lead = body.slice(0, body.length - body.trimStart().length);
    const trail = body.slice(body.trimEnd().length);
    // Inner spaces (French « … ») never break: they become no-break spaces glued to the marks.
    return {
      open: first + lead.replace(/\s/g, NBSP),
      close: trail.replace(/\s/g, NBSP) + last,
      inner: inner || body,
      own: true,
    };
  }
  // An apostrophe at either end is usually a word's ("’90s", "players’"), not a mark.
  const apostrophe = (c: string) => c === '’' || c === "'";
  if ((closers && !apostrophe(first)) || (CLOSERS.has(last) && !apostrophe(last)))
    return { open: '', close: '', inner: text, own: true };
  return { ...languageMarks(lang), inner: text, own: false };
}
