// Is a platform's stored post the one we sent? Platforms rewrite links, escape HTML and add media links, so compare loosely.

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&apos;': "'",
};

export function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(amp|lt|gt|quot|apos|#39);/g, (m) => ENTITIES[m] ?? m);
}

/** Mastodon's status HTML → its text: paragraphs and line breaks become newlines, tags go, entities decode. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/p>\s*<p>/gi, '\n\n')
      .replace(/<[^>]*>/g, ''),
  );
}

/**
 * The comparable core of a post text: Unicode-normalised, links reduced to a marker (platforms shorten or wrap
 * them), whitespace collapsed.
 */
export function comparable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/(https?:\/\/)?([\w-]+\.)+[a-z]{2,}(\/[^\s]*)?/gi, '<link>')
    .replace(/\s+/g, ' ')
    .trim();
}

export function sameText(stored: string, sent: string): boolean {
  return comparable(stored) === comparable(sent);
}

const normalLink = (u: string) => {
  try {
    return new URL(u).href;
  } catch {
    return u;
  }
};

/**
 * Is a stored post the one we sent? The same words (links masked: platforms shorten and wrap them) and, when we
 * know the link we sent, that link among the post's own (a different story with the same words is not ours).
 */
export function samePost(stored: { text: string; links: string[] }, sent: { text: string; link?: string | undefined }) {
  if (!sameText(stored.text, sent.text)) return false;
  if (!sent.link) return true;
  const want = normalLink(sent.link);
  return stored.links.some((l) => normalLink(l) === want);
}

/** The http(s) links in a text, as written. */
export const linksIn = (text: string): string[] => text.match(/https?:\/\/[^\s<>"]+/g) ?? [];
