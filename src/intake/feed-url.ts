// Feed item identity: links with tracking parameters stripped, and the keys (GUID, canonical link) an item is known by.
import { canonicalUrl } from '../story/slug.ts';

/**
 * Query parameters that only say where a click came from. Feeds add them to every link (utm_* most of all) and
 * change them between fetches, so a link is compared, and stored as a story's url, without them.
 */
const TRACKING =
  /^(utm_.*|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|li_fat_id|mc_cid|mc_eid|igshid|ref_src|_ga|_gl|_hsenc|_hsmi|mkt_tok|oly_anon_id|oly_enc_id|vero_id|wt_mc|wt_zmc|cmpid|at_medium|at_campaign|at_custom\d*|rss|from_rss|ns_mchannel|ns_source|ncid|s_cid|sr_share)$/i;

/** The item's link as an absolute http(s) URL without tracking parameters or fragment; undefined if it is not one. */
export function cleanLink(link: string | undefined, base?: string): string | undefined {
  if (!link?.trim()) return undefined;
  let u: URL;
  try {
    u = new URL(link.trim(), base);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (TRACKING.test(key)) u.searchParams.delete(key);
  // `?` left behind when every parameter was tracking.
  return u.toString().replace(/\?$/, '');
}

/**
 * The keys an item is known by in its feed. The link key ignores the scheme and a leading `www.`: feeds move
 * from http to https and back, and that is no new story.
 */
export function itemKeys(item: { guid?: string | undefined; link?: string | undefined }): string[] {
  const keys: string[] = [];
  const guid = item.guid?.trim();
  if (guid) keys.push(`guid:${guid.slice(0, 500)}`);
  if (item.link) {
    const canonical = canonicalUrl(item.link).replace(/^https?:\/\/(www\.)?/i, '');
    keys.push(`url:${canonical.slice(0, 1000)}`);
  }
  return keys;
}
