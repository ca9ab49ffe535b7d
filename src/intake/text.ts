// Plain scraped text → Article: find the headline (a title line, often repeated), drop furniture, keep paragraphs.
import { normalizeText } from '../story/normalize.ts';
import { MAX_TEXT } from './budget.ts';
import { bylineOfLine } from './byline.ts';
import { DATELINE, toIsoDate } from './dates.ts';
import { BYLINE, isEndMarker, isFurniture, isSectionDateLine } from './furniture.ts';
import type { Article, Block } from './types.ts';

/** Lines read from scraped text (real articles have a few hundred). */
const MAX_LINES = 5_000;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u;
const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/** Size of a line in "words": CJK text has no spaces, so count two characters as a word. */
function size(s: string): number {
  return CJK.test(s) ? Math.ceil(s.replace(/\s/g, '').length / 2) : wordCount(s);
}

/** Breadcrumbs and nav rows: "Home > Tech > AI", "News | Sport | Weather". */
const isNavRow = (s: string): boolean => (s.match(/\s[>›»/|]\s/g)?.length ?? 0) >= 2;

/** Could this line be a headline? Title-sized, not furniture, not a byline or dateline. */
function titleLike(s: string): boolean {
  const n = size(s);
  return (
    n >= 3 &&
    n <= 30 &&
    s.length <= 300 &&
    !isFurniture(s) &&
    !BYLINE.test(s) &&
    !DATELINE.test(s) &&
    !isSectionDateLine(s) &&
    !isNavRow(s)
  );
}

/** Section headings are short and unpunctuated; they carry no quotes worth a card. */
function isHeading(s: string): boolean {
  if (/[.!。！…:："”»」』'’]$/u.test(s)) return false;
  if (/[?？]$/u.test(s)) return size(s) <= 6;
  return size(s) <= 12;
}

/**
 * The headline rule: (1) a title-like line that appears at least twice near the top (scrapers often catch
 * the <title>, the <h1> and the social card title) wins; (2) otherwise the first title-like line near the
 * top that does not end like a sentence; (3) otherwise the first title-like line at all.
 */
function findHeadline(lines: string[]): number {
  const top = lines.slice(0, Math.max(30, Math.ceil(lines.length * 0.4)));
  const seen = new Map<string, number>();
  for (const l of top) if (titleLike(l)) seen.set(l, (seen.get(l) ?? 0) + 1);
  const repeated = top.findIndex((l) => (seen.get(l) ?? 0) >= 2);
  if (repeated >= 0) return repeated;
  // Site names and section labels ("The Harbor Ledger") are title-like too, but headlines are longer.
  const head = lines.slice(0, 15);
  const unpunctuated = (min: number) => head.findIndex((l) => titleLike(l) && size(l) >= min && !/[.。]$/u.test(l));
  const found = unpunctuated(5);
  if (found >= 0) return found;
  if (unpunctuated(3) >= 0) return unpunctuated(3);
  return head.findIndex((l) => titleLike(l) && l.length <= 200);
}

/** Read scraped text. The headline may be undefined when no line looks like one. */
export function readText(raw: string): Article {
  // The same work budget as for HTML: an article is a few hundred lines, so 2 MB of lines is not read to the end.
  const lines = raw
    .slice(0, MAX_TEXT)
    .split(/\r\n?|\n/, MAX_LINES)
    .map((l) => normalizeText(l))
    .filter((l) => l !== '');
  const h = findHeadline(lines);
  const headline = h >= 0 ? lines[h] : undefined;
  let author: string | undefined;
  let publishedAt: string | undefined;
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (i === h || line === headline) continue;
    const names = i < h + 8 || i > lines.length - 4 ? bylineOfLine(line, { site: [] }) : [];
    if (names.length) {
      author ??= names.join(', ');
      publishedAt ??= toIsoDate(line); // "By Tom Becker | January 8, 2025"
      continue;
    }
    if (DATELINE.test(line) || isSectionDateLine(line)) {
      publishedAt ??= toIsoDate(line);
      continue;
    }
    if (isEndMarker(line) && blocks.some((b) => b.kind === 'p')) break;
    if (isFurniture(line) || isNavRow(line)) continue;
    // Lines above the headline are site furniture (site name, menus), not body.
    if (h >= 0 && i < h) continue;
    blocks.push({ text: line, kind: isHeading(line) ? 'heading' : 'p' });
  }
  return { headline, blocks, author, publishedAt };
}
