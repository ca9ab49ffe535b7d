// Extraction accuracy over the article corpus: `npm run eval:extract` (add --verbose for candidate scores).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractStory } from '../src/intake/extract.ts';
import { readHtml } from '../src/intake/html.ts';
import { scoreQuotes } from '../src/intake/quotes.ts';
import { readText } from '../src/intake/text.ts';
import { normalizeText } from '../src/story/normalize.ts';

const ROOT = 'tests/fixtures/articles';
const verbose = process.argv.includes('--verbose');
const META = ['siteName', 'url', 'author', 'publishedAt', 'lang'] as const;

interface Expected {
  headline: string;
  quote: string | null;
  quoteAuthor: string | null;
  [field: string]: string | null;
}

const same = (a: unknown, b: unknown): boolean =>
  (a == null && b == null) || (typeof a === 'string' && typeof b === 'string' && normalizeText(a) === normalizeText(b));

function evaluate(dir: string): { n: number; headline: number; quote: number; author: number; meta: [number, number] } {
  const files = readdirSync(dir)
    .filter((f) => /\.(txt|html)$/.test(f))
    .sort();
  const totals = { n: 0, headline: 0, quote: 0, author: 0, meta: [0, 0] as [number, number] };
  for (const file of files) {
    const expected = JSON.parse(
      readFileSync(join(dir, file.replace(/\.(txt|html)$/, '.expected.json')), 'utf8'),
    ) as Expected;
    const content = readFileSync(join(dir, file), 'utf8');
    const isHtml = file.endsWith('.html');
    const got = extractStory(isHtml ? { html: content } : { text: content });
    const problems: string[] = [];
    const h = same(got.headline, expected.headline);
    const q = same(got.quote, expected.quote);
    const a = same(got.quoteAuthor, expected.quoteAuthor);
    if (!h) problems.push(`headline: got ${JSON.stringify(got.headline)}`);
    if (!q) problems.push(`quote: got ${JSON.stringify(got.quote ?? null)}`);
    if (!a) problems.push(`quoteAuthor: got ${JSON.stringify(got.quoteAuthor ?? null)}`);
    for (const field of META) {
      if (!(field in expected)) continue;
      totals.meta[1]++;
      if (same(got[field], expected[field])) totals.meta[0]++;
      else
        problems.push(`${field}: got ${JSON.stringify(got[field] ?? null)}, want ${JSON.stringify(expected[field])}`);
    }
    totals.n++;
    totals.headline += +h;
    totals.quote += +q;
    totals.author += +a;
    console.log(`${problems.length ? 'FAIL' : 'pass'}  ${file}`);
    for (const p of problems) console.log(`        ${p}`);
    if (verbose && (!q || !a)) {
      const article = isHtml ? readHtml(content) : readText(content);
      for (const c of scoreQuotes(article.blocks, article.headline)) {
        console.log(`        ${c.score.toFixed(2)} ${c.attribution.kind} ${c.author ?? '-'} | ${c.text.slice(0, 70)}`);
      }
    }
  }
  return totals;
}

const pct = (x: number, n: number): string => `${n ? ((100 * x) / n).toFixed(1) : '0.0'}% (${x}/${n})`;
let ok = true;
for (const [name, dir] of [
  ['corpus', ROOT],
  ['held-out', join(ROOT, 'heldout')],
] as const) {
  console.log(`\n== ${name} ==`);
  const t = evaluate(dir);
  console.log(
    `${name}: headline ${pct(t.headline, t.n)}, quote ${pct(t.quote, t.n)}, quoteAuthor ${pct(t.author, t.n)}, metadata fields ${pct(...t.meta)}`,
  );
  if (name === 'corpus' && (t.headline < t.n || t.quote < 0.9 * t.n)) ok = false;
}
process.exitCode = ok ? 0 : 1;
