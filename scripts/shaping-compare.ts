// Draws each sample headline of a complex script twice with the same bundled face: once through the card's path
// (satori's harfbuzz + resvg) and once by Chromium (its own HarfBuzz), so a person can compare conjuncts, vowel
// signs and reordering side by side. Usage: tsx scripts/shaping-compare.ts [out-dir]   (needs /usr/bin/chromium)

import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { chromium } from 'playwright-core';
import satori from 'satori';
import { FONT_FAMILIES, fontsFor } from '../src/render/fonts.ts';
import { SAMPLES } from '../templates/samples.ts';

const out = process.argv[2] ?? '/tmp/shaping';
const load = async (file: string) => {
  const b = readFileSync(new URL(`../fonts/${file}`, import.meta.url));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};
const rows = SAMPLES.filter((s) => s.goldenSizes).flatMap((s) => [
  { id: s.id, text: s.story.headline, family: FONT_FAMILIES.headline, weight: 700 as const },
  { id: s.id, text: s.story.quote ?? '', family: FONT_FAMILIES.body, weight: 400 as const },
]);
const W = 1400;
const H = 64;
const SIZE = 34;
const fonts = await fontsFor(rows.map((r) => r.text).join(' '), load);

// 1. satori + resvg, the card's path.
const svg = await satori(
  {
    type: 'div',
    props: {
      style: { display: 'flex', flexDirection: 'column', width: W, background: '#fff', color: '#000' },
      children: rows.map((r) => ({
        type: 'div',
        props: {
          style: {
            display: 'flex',
            height: H,
            fontSize: SIZE,
            fontFamily: r.family,
            fontWeight: r.weight,
            whiteSpace: 'nowrap',
          },
          children: r.text,
        },
      })),
    },
  } as never,
  { width: W, height: H * rows.length, fonts },
);
await writeFile(join(out, 'satori.png'), new Resvg(svg).render().asPng());

// 2. Chromium, the same faces declared by the same names, nothing else to fall back on but them.
const faces = fonts
  .map(
    (f) =>
      `@font-face{font-family:"${f.name}";font-weight:${f.weight};src:url(data:font/woff;base64,${Buffer.from(f.data).toString('base64')}) format("woff")}`,
  )
  .join('\n');
const esc = (s: string) => s.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
const html = `<!doctype html><meta charset="utf-8"><style>${faces}
body{margin:0;width:${W}px;background:#fff;color:#000}
div{height:${H}px;font-size:${SIZE}px;white-space:nowrap;line-height:normal}</style>
${rows
  .map(
    (r) =>
      `<div style='font-family:${r.family
        .split(', ')
        .map((n) => `"${n}"`)
        .join(',')};font-weight:${r.weight}'>${esc(r.text)}</div>`,
  )
  .join('\n')}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: W, height: H * rows.length } });
await page.setContent(html);
await page.evaluate(() => document.fonts.ready);
await page.screenshot({ path: join(out, 'chromium.png'), fullPage: true });
await browser.close();
console.log(`${out}/satori.png and ${out}/chromium.png: ${rows.length} rows, ${fonts.length} fonts`);
