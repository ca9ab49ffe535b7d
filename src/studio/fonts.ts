// The studio's web fonts: an @font-face for every face it names, all served from fonts/, never the system's.
//
// Why: a browser that is asked for a face it lacks silently picks another. The studio's mock-ups would then look
// different on every machine (a fresh Debian has no Helvetica, Arial or Lato), and so would its screenshots. So the
// stylesheet names only faces declared here: the studio's own (fonts/studio/index.json: Arimo for Helvetica/Arial,
// Lato, Roboto, Noto Sans, JetBrains Mono) and the card faces (fonts/index.json and the CJK slices), each with its
// unicode-range so the browser downloads only what the text on screen needs.

/** One face as the manifests list it. */
interface Face {
  family: string;
  weight: number;
  /** Path inside fonts/. */
  file: string;
  /** CSS unicode-range ("U+0000-00FF,U+0131"). */
  unicodeRange: string;
}

export interface StudioFonts {
  /** The stylesheet: one @font-face per face. */
  css: string;
  /** Every file the stylesheet points at: the only files GET /studio/fonts/* serves. */
  files: Set<string>;
}

interface CardFontIndex {
  fonts: { file: string; name: string; weight: number; ranges: string }[];
}
interface CjkIndex {
  weights: number[];
  chunks: { id: number; ranges: string }[];
}

/** The CJK languages fonts/cjk/ holds, and the family each becomes in the studio. */
const CJK = { jp: 'Storycard JP', kr: 'Storycard KR', sc: 'Storycard SC', tc: 'Storycard TC' } as const;

/**
 * "21-7e,a1" (the card manifests' ranges) → "U+20,U+A0,U+21-7E,U+A1" (CSS). The manifests list drawn characters
 * only; spaces are added back, or the browser would take every space from a system font.
 */
export const cssRange = (ranges: string): string =>
  ['20', 'a0', ...ranges.split(',').filter(Boolean)].map((r) => `U+${r.toUpperCase()}`).join(',');

const fontFace = (f: Face): string => {
  const format = f.file.endsWith('.woff2') ? 'woff2' : 'woff';
  return (
    `@font-face { font-family: ${JSON.stringify(f.family)}; font-weight: ${f.weight}; font-display: swap; ` +
    `src: url("/studio/fonts/${f.file}") format("${format}"); unicode-range: ${f.unicodeRange}; }`
  );
};

/** Build the stylesheet from the manifests (read through `read`, a path inside fonts/ → parsed JSON). */
export async function buildStudioFonts(read: (path: string) => Promise<unknown>): Promise<StudioFonts> {
  const [studio, cards, ...cjk] = await Promise.all([
    read('studio/index.json') as Promise<{ faces: Face[] }>,
    read('index.json') as Promise<CardFontIndex>,
    ...Object.keys(CJK).map((lang) => read(`cjk/${lang}.json`) as Promise<CjkIndex>),
  ]);
  const faces: Face[] = [
    ...studio.faces,
    ...cards.fonts.map((f) => ({ family: f.name, weight: f.weight, file: f.file, unicodeRange: cssRange(f.ranges) })),
  ];
  Object.entries(CJK).forEach(([lang, family], i) => {
    const index = cjk[i]!;
    for (const weight of index.weights) {
      for (const chunk of index.chunks) {
        faces.push({
          family,
          weight,
          file: `cjk/${lang}/${chunk.id}-${weight}.woff`,
          unicodeRange: cssRange(chunk.ranges),
        });
      }
    }
  });
  return { css: `${faces.map(fontFace).join('\n')}\n`, files: new Set(faces.map((f) => f.file)) };
}

// One per isolate: the manifests only change with a deploy.
let loaded: Promise<StudioFonts> | undefined;

/** The studio's fonts from the Worker's static assets (fonts/). */
export function studioFonts(assets: Fetcher): Promise<StudioFonts> {
  loaded ??= buildStudioFonts(async (path) => {
    const res = await assets.fetch(`https://assets.local/${path}`);
    if (!res.ok) throw new Error(`fonts/${path} is missing from the static assets (${res.status})`);
    return res.json();
  }).catch((e) => {
    loaded = undefined; // a missing asset is a broken build, but let the next request say so again
    throw e;
  });
  return loaded;
}
