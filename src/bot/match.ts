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
