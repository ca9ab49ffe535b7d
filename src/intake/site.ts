// The site's own names (og:site_name, publisher, host) in a comparable form: never a headline, never an author.

export interface SiteNames {
  siteName?: string | undefined;
  publisher?: string | undefined;
  /** The page's host, when its URL is known. */
  host?: string | undefined;
}

/** Letters and digits only, lower case, compatibility forms folded: "Le Monde.fr" → "lemondefr". */
export const squash = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** "Le Monde.fr" → "lemondefr"; "www.wday.ru" → "wdayru" and "wday". */
export function siteKeys(site: SiteNames): string[] {
  const keys = [site.siteName, site.publisher].filter((s): s is string => !!s).map(squash);
  if (site.host) {
    const host = site.host.replace(/^www\d?\./, '');
    keys.push(squash(host), squash(host.split('.')[0]!));
  }
  return [...new Set(keys.filter((k) => k.length >= 3))];
}

/**
 * Does this text name the site? Equal to a key; or holding one with little else ("Ultima Hora Mallorca" holds
 * "ultimahora"); or held by one ("Folha" in "Folha de S.Paulo"). "Why Le Monde changed its paywall" does not.
 */
export function namesSite(text: string, keys: string[]): boolean {
  const s = squash(text);
  if (!s) return false;
  return keys.some(
    (k) => s === k || (k.length >= 4 && s.includes(k) && s.length <= k.length + 10) || (s.length >= 4 && k.includes(s)),
  );
}
