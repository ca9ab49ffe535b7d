// Emoji drawn once per card, parsed once per isolate: satori writes each emoji as an <image> holding its own SVG
// document (a data: URI), which resvg decodes and parses again for every use — about 3 ms each natively and 50 ms
// in wasm, so a 300-emoji headline held a workerd isolate for 16 s. Here each distinct emoji becomes one <symbol>
// and every use a <use>: the same vector shapes in the same boxes, at the cost of one parse per card.
import { fromBase64 } from '../base64.ts';

/** Our own emoji data: URIs (src/render/fonts.ts registers each one it hands satori): nothing else is inlined. */
const EMOJI_URIS = new Set<string>();
export const registerEmojiUri = (uri: string) => EMOJI_URIS.add(uri);

const PREFIX = 'data:image/svg+xml;base64,';
const IMAGE = /<image href="(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+)"([^>]*)\/>/g;

/** Each emoji's <symbol> body, decoded and id-prefixed once per isolate. */
const symbols = new Map<string, { viewBox: string; body: string }>();

function symbolOf(uri: string, n: number): { viewBox: string; body: string } {
  let s = symbols.get(uri);
  if (!s) {
    const bytes = fromBase64(uri.slice(PREFIX.length));
    const doc = new TextDecoder().decode(bytes);
    const viewBox = /<svg[^>]*\bviewBox="([^"]+)"/.exec(doc)?.[1] ?? '0 0 36 36';
    // Ids inside one emoji (a clipPath, a reused shape) must not meet another emoji's in the same document.
    const p = `emoji${n}-`;
    const body = doc
      .replace(/^[\s\S]*?<svg[^>]*>/, '')
      .replace(/<\/svg>\s*$/, '')
      .replace(/\bid="([^"]+)"/g, `id="${p}$1"`)
      .replace(/\bhref="#([^"]+)"/g, `href="#${p}$1"`)
      .replace(/url\(#([^)]+)\)/g, `url(#${p}$1)`);
    s = { viewBox, body };
    symbols.set(uri, s);
  }
  return s;
}

/** The SVG with every emoji image replaced by a <use> of one <symbol> per distinct emoji; `count` is the uses. */
export function inlineEmoji(svg: string): { svg: string; count: number } {
  const ids = new Map<string, string>();
  let defs = '';
  let count = 0;
  const out = svg.replace(IMAGE, (image, uri: string, attrs: string) => {
    if (!EMOJI_URIS.has(uri)) return image;
    count++;
    let id = ids.get(uri);
    if (!id) {
      id = `emoji${ids.size}`;
      ids.set(uri, id);
      const { viewBox, body } = symbolOf(uri, ids.size - 1);
      defs += `<symbol id="${id}" viewBox="${viewBox}">${body}</symbol>`;
    }
    return `<use href="#${id}"${attrs}/>`;
  });
  if (!count) return { svg, count };
  return { svg: out.replace(/^(<svg[^>]*>)/, `$1<defs>${defs}</defs>`), count };
}
