// File names for rendered cards: the headline in its own script, safe on every file system.

/** Longest stem, in UTF-8 bytes: file systems allow 255 per name, and the stem is followed by `.quote.og.png`. */
const MAX_STEM_BYTES = 120;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const utf8 = new TextEncoder();

/**
 * `東京都、新たな気候対策を発表` → `東京都-新たな気候対策を発表`, `Elon Musk’s $97.4 Billion` → `elon-musks-97-4-billion`: a readable stem: letters, marks and digits of any
 * script kept (lower-cased), everything else (spaces, punctuation, path separators, control characters) one `-`,
 * cut at a word boundary to at most 120 bytes. Empty (a headline of emoji or punctuation only) → "card".
 */
export function fileStem(headline: string): string {
  const words = headline
    .normalize('NFC')
    .toLowerCase()
    .replace(/(?<=\p{L})['’ʼ](?=\p{L})/gu, '') // musk’s → musks, not musk-s
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
  let stem = '';
  for (const word of words) {
    const next = stem ? `${stem}-${word}` : word;
    if (utf8.encode(next).length <= MAX_STEM_BYTES) {
      stem = next;
      continue;
    }
    // The first word alone is too long (a URL-like token, a CJK headline with no spaces): cut between graphemes.
    if (!stem)
      for (const { segment } of segmenter.segment(word)) {
        if (utf8.encode(stem + segment).length > MAX_STEM_BYTES) break;
        stem += segment;
      }
    break;
  }
  return stem || 'card';
}

/** Stems for a batch: the same headline twice gets `-2`, `-3`, … so no file overwrites another. */
export function uniqueStems(headlines: string[]): string[] {
  const used = new Set<string>();
  return headlines.map((h) => {
    const stem = fileStem(h);
    let name = stem;
    for (let n = 2; used.has(name); n++) name = `${stem}-${n}`;
    used.add(name);
    return name;
  });
}
