// fonts/ read through the Worker's static-assets binding, outside a render: for checking glyph coverage from text.
import type { FontLoader } from '../render/fonts.ts';

const loaders = new WeakMap<Fetcher, FontLoader>();

/**
 * A font loader over the ASSETS binding, one per binding (so loadGlyphCoverage reads the indexes once per isolate).
 * Only the coverage indexes go through it: faces are read by the render runtime (src/runtime/workerd.ts).
 */
export function fontAssets(assets: Fetcher): FontLoader {
  let load = loaders.get(assets);
  if (!load) {
    load = async (file) => {
      const res = await assets.fetch(`https://assets.local/${file}`);
      if (!res.ok) {
        await res.body?.cancel();
        throw new Error(`fonts: "${file}" is not in fonts/ (static assets answered ${res.status})`);
      }
      return res.arrayBuffer();
    };
    loaders.set(assets, load);
  }
  return load;
}
