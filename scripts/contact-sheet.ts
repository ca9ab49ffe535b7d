// Lay many card PNGs out on one sheet, labelled, so a person can review goldens or a batch at a glance.
// Usage: tsx scripts/contact-sheet.ts <out.png> <card.png>... [--cols N] [--width PX]
import { readFile, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import { fontsFor } from '../src/render/fonts.ts';
import { createNodeRuntime } from '../src/runtime/node.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { cols: { type: 'string', default: '4' }, width: { type: 'string', default: '360' } },
});
const [out, ...files] = positionals;
if (!out || files.length === 0) {
  console.error('usage: tsx scripts/contact-sheet.ts <out.png> <card.png>... [--cols N] [--width PX]');
  process.exit(2);
}
const cols = Number(values.cols);
const cellW = Number(values.width);
const gap = 16;
// Two lines of 12 px caption: a name longer than its cell wraps, then ends in an ellipsis, never into the next cell.
const label = 36;
const runtime = createNodeRuntime();

/**
 * A caption drawn with the cards' own fonts (every script: file names are headlines in their own script), as an SVG
 * of paths clipped to its cell. System fonts drew boxes for names in Japanese or Hindi on machines without them.
 */
async function caption(text: string): Promise<string> {
  const fonts = await fontsFor(text, runtime.loadFont);
  const style = { display: 'block', width: cellW, fontSize: 12, lineHeight: 1.3, color: '#222', lineClamp: 2 };
  const element = { type: 'div', props: { style: { ...style, wordBreak: 'break-all' }, children: text } };
  return runtime.satori(element, { width: cellW, height: label - 4, fonts });
}
const cells = await Promise.all(
  files.map(async (f) => {
    const bytes = await readFile(f);
    const { width, height } = PNG.sync.read(bytes);
    return {
      // template/size/sample.png, so a sheet of goldens says which card each one is.
      name: relative(process.cwd(), f).split('/').slice(-3).join('/'),
      href: `data:image/png;base64,${bytes.toString('base64')}`,
      caption: '',
      h: (height / width) * cellW,
    };
  }),
);
for (const c of cells) c.caption = Buffer.from(await caption(c.name)).toString('base64');
const rows: (typeof cells)[] = [];
for (let i = 0; i < cells.length; i += cols) rows.push(cells.slice(i, i + cols));
let y = gap;
let body = '';
for (const row of rows) {
  const rowH = Math.max(...row.map((c) => c.h));
  row.forEach((c, i) => {
    const x = gap + i * (cellW + gap);
    body += `<rect x="${x - 1}" y="${y - 1}" width="${cellW + 2}" height="${c.h + 2}" fill="#999"/>`;
    body += `<image href="${c.href}" x="${x}" y="${y}" width="${cellW}" height="${c.h}"/>`;
    body += `<image href="data:image/svg+xml;base64,${c.caption}" x="${x}" y="${y + rowH + 4}" width="${cellW}" height="${label - 4}"/>`;
  });
  y += rowH + label + gap;
}
const width = gap + cols * (cellW + gap);
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}"><rect width="100%" height="100%" fill="#fff"/>${body}</svg>`;
await writeFile(out, new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng());
console.log(`wrote ${out} (${cells.length} cards)`);
