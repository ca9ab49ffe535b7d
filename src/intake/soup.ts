// Tag soup: pages nested deeper than any article are flattened before parsing, or refused.
import { StorycardError } from '../errors.ts';

// DOM parsing and Readability both slow down with the square of nesting depth (100,000 nested <div>s take
// linkedom alone 15 s). No real article nests that deep, but tag soup can; so such pages lose their layout-only
// tags (div, span, font, tables…) before parsing, and pages still too deep are refused.
export const MAX_DEPTH = 400;
const NOT_NESTING =
  /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr|param|p|li|td|tr|th|dt|dd|option)$/i;
const LAYOUT_TAGS =
  /<\/?(?:div|span|section|font|center|table|thead|tbody|tfoot|tr|td|th|b|i|u|em|strong|small|big|a|nobr|main|header|footer|nav|aside)\b[^>]*>/gi;
export function nestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    if (NOT_NESTING.test(m[2]!) || m[3]) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) max = depth;
  }
  return max;
}

/** The HTML to parse: as given, or flattened when nested deeper than any article. */
export function parseable(html: string): string {
  if (nestingDepth(html) <= MAX_DEPTH) return html;
  const flat = html.replace(LAYOUT_TAGS, ' ');
  const depth = nestingDepth(flat);
  if (depth > MAX_DEPTH) {
    throw new StorycardError(
      'invalid_request',
      `html: expected an article page nested at most ${MAX_DEPTH} elements deep, received one nested ${depth} deep`,
    );
  }
  return flat;
}
