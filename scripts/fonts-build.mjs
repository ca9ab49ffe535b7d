// Rebuilds fonts/ (font files, coverage indexes, emoji SVGs, licences) from pinned npm packages.
// Usage: node scripts/fonts-build.mjs   — then commit fonts/ and the FONTS_VERSION line it rewrites.
// Packages are fetched with `npm pack` into .tmp/fonts-src (never into node_modules: the CJK packages
// are ~70 MB each), so only this script needs the registry; the repo and runtime use fonts/ alone.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';
import { indexBrand } from './fonts-brand.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'fonts');
const SRC = join(ROOT, '.tmp/fonts-src');

const PKG = {
  serif: '@expo-google-fonts/source-serif-4@0.4.1',
  sans: '@expo-google-fonts/inter@0.4.2',
  naskh: '@fontsource/noto-naskh-arabic@5.3.0',
  arabic: '@fontsource/noto-sans-arabic@5.3.0',
  serifHebrew: '@fontsource/noto-serif-hebrew@5.3.0',
  hebrew: '@fontsource/noto-sans-hebrew@5.3.0',
  symbols: '@fontsource/noto-sans-symbols-2@5.3.0',
  math: '@fontsource/noto-sans-math@5.3.0',
  sc: '@fontsource/noto-sans-sc@5.3.0',
  tc: '@fontsource/noto-sans-tc@5.3.0',
  jp: '@fontsource/noto-sans-jp@5.3.0',
  kr: '@fontsource/noto-sans-kr@5.3.0',
  emoji: '@iconify-json/twemoji@1.2.5',
};

/**
 * The world's other scripts: [group, fontsource subset, sans family, serif family or null, name]. Body text uses
 * Noto Sans (400, 700); headlines use Noto Serif 700 where Google Fonts has one, matching the Latin pairing
 * (Source Serif 4 over Inter), else the sans 700. Tibetan has no Noto Sans: Noto Serif Tibetan plays both roles.
 */
const SCRIPTS = [
  ['devanagari', 'devanagari', 'noto-sans-devanagari', 'noto-serif-devanagari', 'Devanagari'],
  ['bengali', 'bengali', 'noto-sans-bengali', 'noto-serif-bengali', 'Bengali'],
  ['gurmukhi', 'gurmukhi', 'noto-sans-gurmukhi', null, 'Gurmukhi'],
  ['gujarati', 'gujarati', 'noto-sans-gujarati', 'noto-serif-gujarati', 'Gujarati'],
  ['oriya', 'oriya', 'noto-sans-oriya', null, 'Oriya'],
  ['tamil', 'tamil', 'noto-sans-tamil', 'noto-serif-tamil', 'Tamil'],
  ['telugu', 'telugu', 'noto-sans-telugu', 'noto-serif-telugu', 'Telugu'],
  ['kannada', 'kannada', 'noto-sans-kannada', null, 'Kannada'],
  ['malayalam', 'malayalam', 'noto-sans-malayalam', 'noto-serif-malayalam', 'Malayalam'],
  ['sinhala', 'sinhala', 'noto-sans-sinhala', 'noto-serif-sinhala', 'Sinhala'],
  ['thai', 'thai', 'noto-sans-thai', 'noto-serif-thai', 'Thai'],
  ['lao', 'lao', 'noto-sans-lao', 'noto-serif-lao', 'Lao'],
  ['khmer', 'khmer', 'noto-sans-khmer', 'noto-serif-khmer', 'Khmer'],
  ['myanmar', 'myanmar', 'noto-sans-myanmar', 'noto-serif-myanmar', 'Myanmar'],
  ['ethiopic', 'ethiopic', 'noto-sans-ethiopic', null, 'Ethiopic'],
  ['georgian', 'georgian', 'noto-sans-georgian', 'noto-serif-georgian', 'Georgian'],
  ['armenian', 'armenian', 'noto-sans-armenian', 'noto-serif-armenian', 'Armenian'],
  ['tibetan', 'tibetan', null, 'noto-serif-tibetan', 'Tibetan'],
];
// fontsource has no newer Noto Serif Lao than 5.0.8; every other package is 5.3.0.
const pkgVersion = (id) => (id === 'noto-serif-lao' ? '5.0.8' : '5.3.0');
for (const [, , sans, serif] of SCRIPTS) {
  for (const id of [sans, serif]) if (id) PKG[id] = `@fontsource/${id}@${pkgVersion(id)}`;
}

/** npm pack + untar once; returns the unpacked package directory. */
function pkgDir(spec) {
  const dir = join(SRC, spec.replace(/[@/]/g, '_'));
  if (existsSync(join(dir, 'package/package.json'))) return join(dir, 'package');
  mkdirSync(dir, { recursive: true });
  const out = execFileSync('npm', ['pack', spec, '--json', '--pack-destination', dir], { encoding: 'utf8' });
  const tgz = JSON.parse(out)[0].filename;
  execFileSync('tar', ['xzf', join(dir, tgz), '-C', dir]);
  rmSync(join(dir, tgz));
  return join(dir, 'package');
}

/** Sorted code points → compact "hex" / "hex-hex" ranges joined by commas. */
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

/**
 * Re-encode a WOFF 1.0 file: inflate every table and deflate it again with zlib. Some fontsource
 * files (e.g. noto-sans-sc slice 101) hold zlib streams that tiny-inflate, used by fontkit and
 * opentype.js, rejects; re-encoding keeps the bytes of every table and makes every parser agree.
 */
function rewoff(buf) {
  if (buf.toString('latin1', 0, 4) !== 'wOFF') throw new Error('expected a WOFF file');
  const n = buf.readUInt16BE(12);
  const tables = [];
  for (let i = 0; i < n; i++) {
    const o = 44 + i * 20;
    const [off, comp, orig] = [buf.readUInt32BE(o + 4), buf.readUInt32BE(o + 8), buf.readUInt32BE(o + 12)];
    const raw = comp < orig ? inflateSync(buf.subarray(off, off + comp)) : buf.subarray(off, off + orig);
    if (raw.length !== orig) throw new Error('WOFF table length mismatch');
    const z = deflateSync(raw, { level: 9 });
    tables.push({ tag: buf.subarray(o, o + 4), sum: buf.readUInt32BE(o + 16), orig, data: z.length < orig ? z : raw });
  }
  const pad = (x) => (x + 3) & ~3;
  let offset = 44 + n * 20;
  const parts = [];
  const dir = Buffer.alloc(n * 20);
  tables.forEach((t, i) => {
    t.tag.copy(dir, i * 20);
    dir.writeUInt32BE(offset, i * 20 + 4);
    dir.writeUInt32BE(t.data.length, i * 20 + 8);
    dir.writeUInt32BE(t.orig, i * 20 + 12);
    dir.writeUInt32BE(t.sum, i * 20 + 16);
    const padded = Buffer.alloc(pad(t.data.length));
    t.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  const head = Buffer.from(buf.subarray(0, 44));
  head.writeUInt32BE(offset, 8); // total length
  head.fill(0, 24, 44); // no metadata or private block
  return Buffer.concat([head, dir, ...parts]);
}

/** Code points a font really maps (its cmap), minus controls and spaces satori never asks fonts for. */
function coverage(buf) {
  const font = fontkit.create(buf);
  return font.characterSet.filter((cp) => cp > 0x20 && !(cp >= 0x7f && cp <= 0xa0) && cp !== 0xfeff);
}

// Start clean (README.md is hand-written and stays; studio/ is the studio's own faces, built by fonts-studio.mjs;
// brand/ is the newsroom's own, indexed by fonts-brand.mjs below).
mkdirSync(OUT, { recursive: true });
for (const f of readdirSync(OUT))
  if (f !== 'README.md' && f !== 'studio' && f !== 'brand') rmSync(join(OUT, f), { recursive: true });
mkdirSync(join(OUT, 'LICENSES'), { recursive: true });

const fonts = []; // non-CJK fonts: { file, name, weight, group, ranges }

function addFont(file, buf, name, weight, group) {
  writeFileSync(join(OUT, file), buf);
  fonts.push({ file, name, weight, group, ranges: toRanges(coverage(buf)) });
}

// Latin/Greek/Cyrillic faces: full Google Fonts TTFs re-encoded as WOFF (every glyph kept, layout
// features kept so harfbuzz still kerns and composes Vietnamese stacked accents).
async function expoFace(key, prefix, styles, name, family, group) {
  const dir = pkgDir(PKG[key]);
  for (const [weight, style] of styles) {
    const ttf = readFileSync(join(dir, style, `${prefix}_${style}.ttf`));
    const text = String.fromCodePoint(...fontkit.create(ttf).characterSet);
    const woff = await subsetFont(ttf, text, { targetFormat: 'woff' });
    addFont(`${family}-${weight}.woff`, woff, name, weight, group);
  }
  copyLicence(dir, family);
}

function fontsourceFace(key, id, subset, weights, name, group) {
  const dir = pkgDir(PKG[key]);
  for (const w of weights) {
    const buf = rewoff(readFileSync(join(dir, 'files', `${id}-${subset}-${w}-normal.woff`)));
    addFont(`${id}-${w}.woff`, buf, name, w, group);
  }
  copyLicence(dir, id);
}

/**
 * A script face without its space (U+0020, U+00A0): satori sets a word's trailing space in the word's own face,
 * and Noto Sinhala's space is half an em (Devanagari's 0.29, Source Serif's 0.22), so a Sinhala headline drew
 * gaps twice as wide as Chromium, which takes the space from the first face listed (ours: Source Serif, Inter).
 * Without it, spaces come from the Latin faces in both. Every other glyph and all layout tables are kept.
 */
async function scriptFace(key, id, subset, weights, name, group) {
  const dir = pkgDir(PKG[key]);
  for (const w of weights) {
    const buf = rewoff(readFileSync(join(dir, 'files', `${id}-${subset}-${w}-normal.woff`)));
    const keep = fontkit.create(buf).characterSet.filter((cp) => cp !== 0x20 && cp !== 0xa0);
    const woff = await subsetFont(buf, String.fromCodePoint(...keep), { targetFormat: 'woff' });
    addFont(`${id}-${w}.woff`, woff, name, w, group);
  }
  copyLicence(dir, id);
}

function copyLicence(dir, family) {
  const lic = readdirSync(dir).find((f) => /^(LICEN[CS]E|OFL)/i.test(f));
  if (!lic) throw new Error(`no licence file in ${dir}`);
  writeFileSync(join(OUT, 'LICENSES', `${family}.txt`), readFileSync(join(dir, lic)));
}

await expoFace(
  'serif',
  'SourceSerif4',
  [
    [700, '700Bold'],
    [800, '800ExtraBold'],
  ],
  'Storycard Serif',
  'source-serif-4',
  'base',
);
await expoFace(
  'sans',
  'Inter',
  [
    [400, '400Regular'],
    [600, '600SemiBold'],
    [700, '700Bold'],
  ],
  'Storycard Sans',
  'inter',
  'base',
);
fontsourceFace('naskh', 'noto-naskh-arabic', 'arabic', [700], 'Storycard Naskh', 'arabic');
fontsourceFace('arabic', 'noto-sans-arabic', 'arabic', [400, 700], 'Storycard Arabic', 'arabic');
fontsourceFace('serifHebrew', 'noto-serif-hebrew', 'hebrew', [700], 'Storycard Serif Hebrew', 'hebrew');
fontsourceFace('hebrew', 'noto-sans-hebrew', 'hebrew', [400, 700], 'Storycard Hebrew', 'hebrew');
fontsourceFace('symbols', 'noto-sans-symbols-2', 'symbols', [400], 'Storycard Symbols', 'symbols');
// fontsource files Noto Sans Math's whole repertoire under its "latin" subset name.
fontsourceFace('math', 'noto-sans-math', 'latin', [400], 'Storycard Math', 'math');
for (const [group, subset, sans, serif, name] of SCRIPTS) {
  if (serif && sans) await scriptFace(serif, serif, subset, [700], `Storycard Serif ${name}`, group);
  if (sans) await scriptFace(sans, sans, subset, [400, 700], `Storycard ${name}`, group);
  else await scriptFace(serif, serif, subset, [400, 700], `Storycard ${name}`, group);
}

// CJK: fontsource ships Google Fonts' unicode-range slices (~100 per weight, frequency-ordered).
// We keep the numbered slices for 400 and 700 and index what each slice really covers.
const CJK_WEIGHTS = [400, 700];
const cjk = {};
for (const lang of ['sc', 'tc', 'jp', 'kr']) {
  const dir = pkgDir(PKG[lang]);
  const id = `noto-sans-${lang}`;
  mkdirSync(join(OUT, 'cjk', lang), { recursive: true });
  const chunks = [];
  const ids = readdirSync(join(dir, 'files'))
    .map((f) => new RegExp(`^${id}-(\\d+)-400-normal\\.woff$`).exec(f)?.[1])
    .filter(Boolean)
    .map(Number)
    .sort((a, b) => a - b);
  for (const n of ids) {
    let cps;
    for (const w of CJK_WEIGHTS) {
      const buf = rewoff(readFileSync(join(dir, 'files', `${id}-${n}-${w}-normal.woff`)));
      writeFileSync(join(OUT, 'cjk', lang, `${n}-${w}.woff`), buf);
      const got = coverage(buf);
      if (cps && got.join() !== cps.join()) throw new Error(`${lang} slice ${n}: weights cover different code points`);
      cps = got;
    }
    chunks.push({ id: n, ranges: toRanges(cps) });
  }
  writeFileSync(join(OUT, 'cjk', `${lang}.json`), JSON.stringify({ lang, weights: CJK_WEIGHTS, chunks }));
  copyLicence(dir, id);
  cjk[lang] = chunks.length;
}

// Emoji: Twemoji (CC-BY 4.0) from Iconify's JSON set, one SVG per emoji. File names are the code
// points in lowercase hex joined by "-", with every U+FE0F removed (fonts.ts normalises the same way).
{
  const dir = pkgDir(PKG.emoji);
  const icons = JSON.parse(readFileSync(join(dir, 'icons.json'), 'utf8'));
  const chars = JSON.parse(readFileSync(join(dir, 'chars.json'), 'utf8'));
  mkdirSync(join(OUT, 'emoji'), { recursive: true });
  const resolve = (name) => {
    const alias = icons.aliases?.[name];
    if (!alias) return icons.icons[name];
    if (Object.keys(alias).length > 1) throw new Error(`alias with transforms not handled: ${name}`);
    return resolve(alias.parent);
  };
  const keys = [];
  for (const [seq, name] of Object.entries(chars)) {
    const icon = resolve(name);
    if (!icon) throw new Error(`no icon for ${seq} (${name})`);
    const key = seq
      .split('-')
      .map((h) => Number.parseInt(h, 16))
      .filter((cp) => cp !== 0xfe0f)
      .map((cp) => cp.toString(16))
      .join('-');
    const w = icon.width ?? icons.width ?? 36;
    const h = icon.height ?? icons.height ?? 36;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${icon.left ?? 0} ${icon.top ?? 0} ${w} ${h}">${icon.body}</svg>`;
    writeFileSync(join(OUT, 'emoji', `${key}.svg`), svg);
    keys.push(key);
  }
  writeFileSync(join(OUT, 'emoji', 'index.json'), JSON.stringify(keys.sort()));
  writeFileSync(
    join(OUT, 'LICENSES', 'twemoji.txt'),
    'Twemoji graphics: Copyright 2019 Twitter, Inc and other contributors; Copyright 2024 jdecked and\n' +
      'other contributors (https://github.com/jdecked/twemoji). Licensed under CC-BY 4.0:\n' +
      'https://creativecommons.org/licenses/by/4.0/\n' +
      `Taken from the npm package ${PKG.emoji} (Iconify's JSON packaging of the same artwork);\n` +
      'converted to one standalone SVG per emoji, artwork unchanged.\n',
  );
}

writeFileSync(join(OUT, 'index.json'), JSON.stringify({ fonts }, null, 1));
await indexBrand(OUT); // the newsroom's faces (fonts/brand/brand.json), first in index.json

// FONTS_VERSION: a hash over every file in fonts/ (names and bytes), written into src/render/fonts.ts.
function walk(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
}
// fonts/studio/ is never drawn on a card: it is not part of the version that card addresses carry.
const files = walk(OUT).filter((f) => !f.endsWith('README.md') && !f.startsWith(join(OUT, 'studio/')));
const hash = createHash('sha256');
let total = 0;
for (const f of files) {
  const buf = readFileSync(f);
  total += buf.length;
  hash.update(f.slice(OUT.length)).update(buf);
}
const version = hash.digest('hex').slice(0, 12);
const fontsTs = join(ROOT, 'src/render/fonts.ts');
if (existsSync(fontsTs)) {
  const src = readFileSync(fontsTs, 'utf8');
  writeFileSync(
    fontsTs,
    src.replace(/export const FONTS_VERSION = '[^']*';/, `export const FONTS_VERSION = '${version}';`),
  );
}
const sizeOf = (pred) => files.filter(pred).reduce((n, f) => n + statSync(f).size, 0);
console.log(
  JSON.stringify(
    {
      version,
      files: files.length,
      totalBytes: total,
      baseBytes: fonts.filter((f) => f.group === 'base').reduce((n, f) => n + statSync(join(OUT, f.file)).size, 0),
      fontBytes: Object.fromEntries(fonts.map((f) => [f.file, statSync(join(OUT, f.file)).size])),
      scriptBytes: Object.fromEntries(
        SCRIPTS.map(([g]) => [
          g,
          fonts.filter((f) => f.group === g).reduce((n, f) => n + statSync(join(OUT, f.file)).size, 0),
        ]),
      ),
      cjkChunks: cjk,
      cjkBytes: Object.fromEntries(['sc', 'tc', 'jp', 'kr'].map((l) => [l, sizeOf((f) => f.includes(`/cjk/${l}/`))])),
      emojiBytes: sizeOf((f) => f.includes('/emoji/')),
    },
    null,
    1,
  ),
);
