// Lay many card PNGs out on one sheet, labelled, so a person can review goldens or a batch at a glance.
// Usage: tsx scripts/contact-sheet.ts <out.png> <card.png>... [--cols N] [--width PX]
import { readFile, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';

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
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const cells = await Promise.all(
  files.map(async (f) => {
    const bytes = await readFile(f);
    const { width, height } = PNG.sync.read(bytes);
    return {
      // template/size/sample.png, so a sheet of goldens says which card each one is.
      name: relative(process.cwd(), f).split('/').slice(-3).join('/'),
      href: `data:image/png;base64,${bytes.toString('base64')}`,
      h: (height / width) * cellW,
    };
  }),
);
const gap = 16;
const label = 18;
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
    body += `<text x="${x}" y="${y + rowH + 14}" font-size="12" font-family="sans-serif">${esc(c.name)}</text>`;
  });
  y += rowH + label + gap;
}
const width = gap + cols * (cellW + gap);
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}"><rect width="100%" height="100%" fill="#fff"/>${body}</svg>`;
await writeFile(out, new Resvg(svg, { font: { loadSystemFonts: true } }).render().asPng());
console.log(`wrote ${out} (${cells.length} cards)`);
