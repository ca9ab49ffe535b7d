// Share-page slugs and canonical article URLs: readable in the headline's own script, short, and stable enough to
// spot a story we already have.

/** The readable part's length cap, in characters (code points), never cutting a letter from its marks. */
export const SLUG_BASE_MAX = 60;
const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz'; // no 0/o/1/l/i: suffixes get read aloud and retyped
/** The random suffix every slug ends with: it alone tells stories apart (the words are for people). */
export const SUFFIX = new RegExp(`(?:^|-)([${ALPHABET}]{6})$`);

/** Random suffix that keeps two stories with one headline apart (31^6 ≈ 8.9e8 values; retried on collision). */
export function slugSuffix(length = 6): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

// Letters with their combining marks (Devanagari vowel signs, Thai tone marks) and digits, in any script.
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
// An apostrophe inside a word joins it ("musk's" → "musks", "l'état" → "létat"), as people write slugs by hand.
const APOSTROPHE = /(?<=[\p{L}\p{N}])['’ʼ](?=[\p{L}\p{N}])/gu;
const words = new Intl.Segmenter(undefined, { granularity: 'word' });

/** `base` cut to `max` code points at a word boundary (Thai and Japanese have no spaces: the segmenter finds them). */
function cap(base: string, max: number): string {
  if ([...base].length <= max) return base;
  let out = '';
  let length = 0;
  for (const { segment } of words.segment(base)) {
    const n = [...segment].length;
    if (length + n > max) break;
    out += segment;
    length += n;
  }
  // One word longer than the cap (a German compound, a long Thai run without a break found): cut it at a grapheme.
  if (length < max / 2) {
    out = '';
    length = 0;
    for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(base)) {
      const n = [...segment].length;
      if (length + n > max) break;
      out += segment;
      length += n;
    }
  }
  return out;
}

/**
 * `東京都-新たな気候対策を発表-k3x9qp`, `sam-altman-rejects-elon-musks-97-4-billion-k3x9qp`: the headline's letters and
 * digits in its own script (NFC, lower-cased), words joined by `-`, at most 60 characters, then the suffix. Sent
 * percent-encoded (`shareUrl`), shown decoded by browsers and link previews.
 */
export function makeSlug(headline: string, suffix = slugSuffix()): string {
  const text = headline.normalize('NFC').toLowerCase().replace(APOSTROPHE, '');
  const base = cap((text.match(WORD) ?? []).join('-'), SLUG_BASE_MAX).replace(/-+$/, '');
  return base ? `${base}-${suffix}` : suffix;
}

/** A share page's path for a slug: percent-encoded, so every client and crawler can fetch it as it is. */
export function sharePath(slug: string): string {
  return `/s/${encodeURIComponent(slug)}`;
}

const TRACKING = /^(utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref_src)$/i;

/** The key two submissions of one article share: fragment and tracking parameters dropped, host lower-cased. */
export function canonicalUrl(url: string): string {
  const u = new URL(url);
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (TRACKING.test(key)) u.searchParams.delete(key);
  u.searchParams.sort();
  return u.toString();
}
