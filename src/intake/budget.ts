// The work budget for HTML: one linear pass that drops what no article needs and caps what a DOM would choke on.
//
// Parsing and Readability cost grows with everything in the page, not with the article: 2 MB of comment
// fragments or entities held the Worker for 4–35 s. workerd's clock does not move while a request computes, so
// the budget counts work (characters and tags) instead of time. Before any parsing, this pass
//   - cuts comments, <script>, <style>, <noscript>, <template> and <svg> (an <svg><title> in an <h1> is how
//     "POLITICO Politico Logo" became a headline), keeping the JSON-LD scripts' text aside;
//   - cuts <rt>/<rp> ruby readings, so 子(こ)ども reads 子ども;
//   - caps any one text run at MAX_RUN characters and the page at MAX_TAGS tags and MAX_TEXT characters of text.
// Real pages in tests/fixtures/pages stay inside these caps, but not far: the tuned pages reach 8,277 tags
// (pt-htmldate-1542250510) and 121,255 characters of text (en-readability-bug-1255978), so the caps cannot be
// lowered to make hostile pages cheaper without cutting real articles.

export const MAX_RUN = 20_000;
export const MAX_TAGS = 10_000;
export const MAX_TEXT = 300_000;
/** JSON-LD kept: at most this many scripts of at most this many characters each. */
export const MAX_JSONLD_SCRIPTS = 20;
export const MAX_JSONLD_CHARS = 200_000;

export interface PreparedHtml {
  html: string;
  /** The text of every <script type="application/ld+json"> (within the caps above). */
  jsonLd: string[];
  /** True when a cap cut the page short. */
  truncated: boolean;
}

// Elements whose whole content goes: none of it is article text, and browsers do not render most of it.
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'rt', 'rp', 'iframe', 'object']);
const NAME = /^<\/?([a-zA-Z][\w:-]*)/;

// Where each skipped element's closing tag is searched for. A search of the whole page's lower-cased copy, as this
// was, cost a 2 MB copy, and its offsets drift from the page's wherever lower-casing changes a length ("İ" becomes
// two characters): after a Turkish title, the end of a <script> was looked for in the wrong place.
const CLOSING = new Map<string, RegExp>();
function closingTag(input: string, name: string, from: number): number {
  let re = CLOSING.get(name);
  if (!re) {
    re = new RegExp(`</${name}`, 'gi');
    CLOSING.set(name, re);
  }
  re.lastIndex = from;
  return re.exec(input)?.index ?? -1;
}

/**
 * Cut and cap `input` in one left-to-right pass. Every search starts where the last one ended (indexOf on the
 * text, or a case-blind search for a closing tag), so no input makes it quadratic: an unclosed comment or tag
 * ends the page.
 */
export function prepareHtml(input: string): PreparedHtml {
  const out: string[] = [];
  const jsonLd: string[] = [];
  let tags = 0;
  let text = 0;
  let truncated = false;
  let at = 0;
  while (at < input.length) {
    const lt = input.indexOf('<', at);
    const runEnd = lt < 0 ? input.length : lt;
    if (runEnd > at) {
      const room = Math.min(MAX_RUN, MAX_TEXT - text);
      const run = runEnd - at;
      out.push(input.slice(at, at + Math.min(run, room)));
      text += Math.min(run, room);
      if (text >= MAX_TEXT) {
        truncated = true;
        break;
      }
    }
    if (lt < 0) {
      at = input.length;
      break;
    }
    if (input.startsWith('<!--', lt)) {
      const close = input.indexOf('-->', lt + 4);
      at = close < 0 ? input.length : close + 3;
      continue;
    }
    const gt = input.indexOf('>', lt + 1);
    const name = NAME.exec(input.slice(lt, lt + 64))?.[1]?.toLowerCase();
    if (gt < 0 || (!name && !/^<[!?]/.test(input.slice(lt, lt + 2)))) {
      // A "<" that starts no tag is text; one that never closes ends the page, as it would in a browser.
      if (gt < 0) break;
      out.push('<');
      text++;
      at = lt + 1;
      continue;
    }
    const tag = input.slice(lt, gt + 1);
    if (name && SKIP.has(name)) {
      if (tag[1] !== '/' && !tag.endsWith('/>')) {
        const isJsonLd = name === 'script' && /type\s*=\s*["']?application\/ld\+json/i.test(tag);
        let close = closingTag(input, name, gt + 1);
        // A JSON-LD script left open (newstown.co.kr's has no </script>) would swallow the page: it ends with <head>.
        if (close < 0 && isJsonLd) close = closingTag(input, 'head', gt + 1);
        const bodyEnd = close < 0 ? input.length : close;
        if (isJsonLd) {
          if (jsonLd.length < MAX_JSONLD_SCRIPTS && bodyEnd - gt - 1 <= MAX_JSONLD_CHARS)
            jsonLd.push(input.slice(gt + 1, bodyEnd));
        }
        const closeGt = close < 0 ? -1 : input.indexOf('>', close);
        at =
          closeGt < 0 ? input.length : input.slice(close, close + 6).toLowerCase() === '</head' ? close : closeGt + 1;
      } else at = gt + 1;
      continue;
    }
    out.push(tag);
    at = gt + 1;
    if (++tags >= MAX_TAGS) {
      truncated = true;
      break;
    }
  }
  return { html: out.join(''), jsonLd, truncated: truncated || at < input.length };
}
