// Indexes a newsroom's own typefaces (fonts/brand/brand.json + its font files) into fonts/index.json and rewrites
// FONTS_VERSION, without fetching anything. Usage: npm run fonts:brand [-- <fonts dir>]  (also run by npm run fonts)
//
// Why a subset per face: satori takes the first face in a family list that has a glyph, whatever our index says, so
// a brand face limited to some scripts ("scripts": ["Latin"]) is cut down to those scripts (plus digits,
// punctuation and marks, Script_Extensions Common and Inherited) with subset-font; everything else falls through to
// the bundled faces. The output is WOFF, whatever the input (TTF, OTF, WOFF).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';

const ROOT = new URL('..', import.meta.url).pathname;
export const BRAND_NAMES = { headline: 'Storycard Brand Headline', body: 'Storycard Brand Body' };

/** Sorted code points → compact "hex" / "hex-hex" ranges joined by commas (as fonts-build.mjs writes them). */
function toRanges(cps) {
  const sorted = [...new Set(cps)].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(i === j ? sorted[i].toString(16) : `${sorted[i].toString(16)}-${sorted[j].toString(16)}`);
    i = j + 1;
  }
  return out.join(',');
}

function fail(message) {
  throw new Error(`fonts/brand/brand.json: ${message}`);
}

/** Reads fonts/brand/brand.json (if any), writes fonts/brand/built/*.woff and the brand entries of index.json. */
export async function indexBrand(out) {
  const dir = join(out, 'brand');
  const built = join(dir, 'built');
  rmSync(built, { recursive: true, force: true });
  const manifestFile = join(dir, 'brand.json');
  const entries = [];
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const scripts = manifest.scripts ?? ['Latin'];
    if (!Array.isArray(scripts) || !scripts.every((s) => typeof s === 'string'))
      fail(`"scripts" must be a list of Unicode script names like ["Latin", "Greek"], got ${JSON.stringify(scripts)}`);
    let allowed;
    try {
      allowed = new RegExp(`[${[...scripts, 'Common', 'Inherited'].map((s) => `\\p{scx=${s}}`).join('')}]`, 'u');
    } catch {
      fail(
        `"scripts" names a script Unicode does not know: ${JSON.stringify(scripts)} (use names like "Latin", "Cyrillic", "Devanagari")`,
      );
    }
    mkdirSync(built, { recursive: true });
    for (const role of ['headline', 'body']) {
      const face = manifest[role];
      if (face === undefined) continue;
      if (typeof face?.weights !== 'object')
        fail(`"${role}.weights" must map weights to files, e.g. {"700": "Bold.ttf"}`);
      for (const [w, file] of Object.entries(face.weights)) {
        const weight = Number(w);
        if (![100, 200, 300, 400, 500, 600, 700, 800, 900].includes(weight))
          fail(`"${role}.weights" has weight "${w}"; expected 100, 200 … 900`);
        const path = join(dir, String(file));
        if (!existsSync(path)) fail(`"${role}.weights.${w}" names ${file}, which is not in fonts/brand/`);
        const src = readFileSync(path);
        const keep = fontkit
          .create(src)
          .characterSet.filter((cp) => cp >= 0x20 && allowed.test(String.fromCodePoint(cp)));
        if (!keep.some((cp) => cp > 0x20)) fail(`${file} has no character of ${scripts.join(', ')}`);
        const woff = await subsetFont(src, String.fromCodePoint(...keep), { targetFormat: 'woff' });
        const name = `brand/built/${role}-${weight}.woff`;
        writeFileSync(join(out, name), woff);
        entries.push({
          file: name,
          name: BRAND_NAMES[role],
          weight,
          group: 'brand',
          ranges: toRanges(keep.filter((cp) => cp > 0x20 && !(cp >= 0x7f && cp <= 0xa0) && cp !== 0xfeff)),
        });
      }
    }
  }
  const indexFile = join(out, 'index.json');
  const index = JSON.parse(readFileSync(indexFile, 'utf8'));
  index.fonts = [...entries, ...index.fonts.filter((f) => f.group !== 'brand')];
  writeFileSync(indexFile, JSON.stringify(index, null, 1));
  return entries;
}

/** FONTS_VERSION: a hash over every file in fonts/ (names and bytes) but the README and the studio's faces. */
export function fontsVersion(out) {
  const walk = (d) =>
    readdirSync(d)
      .sort()
      .flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
  const files = walk(out).filter((f) => !f.endsWith('README.md') && !f.startsWith(join(out, 'studio/')));
  const hash = createHash('sha256');
  for (const f of files) hash.update(f.slice(out.length)).update(readFileSync(f));
  return { version: hash.digest('hex').slice(0, 12), files };
}

/** Rewrites the FONTS_VERSION line of src/render/fonts.ts (card addresses carry it: new fonts, new addresses). */
export function writeVersion(version) {
  const fontsTs = join(ROOT, 'src/render/fonts.ts');
  const src = readFileSync(fontsTs, 'utf8');
  writeFileSync(
    fontsTs,
    src.replace(/export const FONTS_VERSION = '[^']*';/, `export const FONTS_VERSION = '${version}';`),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = resolve(process.argv[2] ?? join(ROOT, 'fonts'));
  const entries = await indexBrand(out);
  const { version } = fontsVersion(out);
  if (out === resolve(ROOT, 'fonts')) writeVersion(version);
  console.log(
    JSON.stringify({ version, brand: entries.map((e) => ({ file: e.file, name: e.name, weight: e.weight })) }),
  );
}
