// Share-page slugs and canonical article URLs: readable, short, and stable enough to spot a story we already have.
import slugify from '@sindresorhus/slugify';

export const SLUG_BASE_MAX = 60;
const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz'; // no 0/o/1/l/i: suffixes get read aloud and retyped

/** Random suffix that keeps two stories with one headline apart (31^6 ≈ 8.9e8 values; retried on collision). */
export function slugSuffix(length = 6): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** `sam-altman-rejects-elon-musks-974-billion-openai-…-k3x9qp`: transliterated headline, ≤ 60 chars, + suffix. */
export function makeSlug(headline: string, suffix = slugSuffix()): string {
  let base = slugify(headline, { decamelize: false });
  if (base.length > SLUG_BASE_MAX) {
    base = base.slice(0, SLUG_BASE_MAX);
    // Cut at a word boundary when one is reasonably close, so the slug doesn't end mid-word.
    const dash = base.lastIndexOf('-');
    if (dash > SLUG_BASE_MAX / 2) base = base.slice(0, dash);
  }
  base = base.replace(/-+$/, '');
  return base ? `${base}-${suffix}` : suffix;
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
