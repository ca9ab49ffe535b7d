// Gender for "she said": a pronoun marked for gender goes to a person the text marks with the same gender, or to
// nobody when the text cannot tell two people apart (a wrong name is worse than none).
//
// What marks a person's gender in the text: an honorific before the surname (Mr, Mrs, Ms, M., Mme, Herr, Frau,
// Señor, Señora…), a gendered role word next to the name ("spokeswoman Ana Ruiz", "Kanzlerin Merkel", "la
// ministra Izkia Siches"), or a back-reference — a sentence about the person followed by one that opens with a
// gendered pronoun ("Hori Parata is an elder of the tribe. He …"), or an English possessive in the person's own
// sentence ("Sonya Zoghlin, the attorney, said her client…").

export type Gender = 'f' | 'm';

// Pronouns that mark the speaker's gender, just after the quote ("she said", "confie-t-elle", "sagte er").
const FEMININE = /^[\s,.;:—–-]*(?:\p{L}+[\s-](?:t-)?)?(?:she|elle|ella|lei|ela|она|вона)(?![\p{L}])/iu;
const MASCULINE = /^[\s,.;:—–-]*(?:\p{L}+[\s-](?:t-)?)?(?:he|il|er|él|lui|ele|он|він)(?![\p{L}])/iu;

/** The gender a pronoun just after a quote marks, if any. */
export const pronounGender = (after: string): Gender | undefined =>
  FEMININE.test(after) ? 'f' : MASCULINE.test(after) ? 'm' : undefined;

const HONORIFIC: Record<Gender, string> = {
  m: '(?:M\\.|Mr\\.?|Monsieur|Herr|Señor|Sr\\.|Signor|Sig\\.|Senhor|господин|г-н)',
  f: '(?:Mme|Madame|Mrs\\.?|Ms\\.?|Frau|Señora|Sra\\.|Signora|Sig\\.ra|Senhora|госпожа|г-жа)',
};
const ROLE: Record<Gender, string> = {
  m: '(?:spokesman|chairman|congressman|businessman|sportsman|husband|father|son|brother|grandfather|king|prince|actor|Sprecher|Kanzler|Vater|Sohn|Bruder|el presidente|el ministro|el portavoz|le ministre|le président|il ministro|o ministro)',
  f: '(?:spokeswoman|chairwoman|congresswoman|businesswoman|sportswoman|wife|mother|daughter|sister|grandmother|queen|princess|actress|Sprecherin|Kanzlerin|Ministerin|Präsidentin|Mutter|Tochter|Schwester|la presidenta|la ministra|la portavoz|la ministre|la présidente|la ministra|a ministra)',
};
// German "Er" marks a man; "Sie" is also "they" and the polite "you", so it marks nobody.
const BACK: Record<Gender, string> = { m: '(?:He|Il|Él|Lui|Ele|Er|Он|Він)', f: '(?:She|Elle|Ella|Lei|Ela|Она|Вона)' };
// English possessives later in the person's own sentence ("Zoghlin, Carlineo’s attorney, said her client…").
const POSSESSIVE: Record<Gender, string> = { m: '(?:his|him|himself)', f: '(?:her|herself)' };
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Does the text mark `name` (by its surname) with gender `g`? `possessive`: also by "her"/"his" after it. */
function marked(g: Gender, name: string, body: string, possessive: boolean): boolean {
  const surname = escapeRe(name.split(' ').at(-1)!);
  const given = name.includes(' ') ? `(?:${escapeRe(name.split(' ')[0]!)}\\s+)?` : '';
  const before = `(?<![\\p{L}])(?:${HONORIFIC[g]}|${ROLE[g]})\\s+(?:\\p{Lu}\\p{L}+\\s+)?${surname}(?![\\p{L}])`;
  const back = `${given}${surname}(?![\\p{L}])[^.!?\\n]{0,160}[.!?]\\s+${BACK[g]}(?![\\p{L}])`;
  const own = `${given}${surname}(?![\\p{L}])[^.!?\\n“”"]{0,100}?\\s${POSSESSIVE[g]}(?![\\p{L}])`;
  return new RegExp(possessive ? `${before}|${back}|${own}` : `${before}|${back}`, 'u').test(body);
}

/**
 * What the text says of a person's gender: 'f', 'm', or undefined when it says nothing (or both). `possessive`
 * counts "her"/"his" in the person's sentence too — weaker evidence, used only for people the text has speaking.
 */
export function genderOf(name: string, body: string, possessive = true): Gender | undefined {
  // Once per name and article: a hostile page repeats a few names under thousands of "he said".
  if (body !== cachedBody) {
    cachedBody = body;
    cache.clear();
  }
  const key = `${possessive ? 1 : 0}${name}`;
  if (cache.has(key)) return cache.get(key);
  const f = marked('f', name, body, possessive);
  const m = marked('m', name, body, possessive);
  const g = f === m ? undefined : f ? 'f' : 'm';
  cache.set(key, g);
  return g;
}
let cachedBody = '';
const cache = new Map<string, Gender | undefined>();

/**
 * Who a gendered pronoun means among the people named before it (most recent first): the first whose gender the
 * text confirms, skipping those it marks with the other gender; a person of unknown gender only when no one
 * further back is confirmed with this gender (then it would be a guess between two); else nobody.
 * (Measured: requiring a confirmed gender always dropped four right speakers on the tuned pages and written
 * articles — "a-t-il déclaré" after a cyclist nobody calls "il" elsewhere — and fixed none.)
 */
export function byGender(people: string[], g: Gender, body: string): string | undefined {
  const seen = [...new Set(people)];
  for (const [i, p] of seen.entries()) {
    const known = genderOf(p, body);
    if (known === g) return p;
    // Unknown gender: only if no one after it in view is confirmed with this gender (else it is ambiguous).
    if (known === undefined) return seen.slice(i + 1).some((q) => genderOf(q, body, false) === g) ? undefined : p;
  }
  return undefined;
}
