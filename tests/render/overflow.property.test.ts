// Property: for any headline and quote (1–300 / 0–600 characters, any script), rendering never throws,
// and no text is drawn outside its box or the canvas.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listTemplates, renderCard } from '../../src/render/index.ts';
import type { RenderRuntime, SizeName } from '../../src/render/types.ts';
import { createNodeRuntime } from '../../src/runtime/node.ts';
import { HEADLINE_MAX, parseStory, QUOTE_MAX } from '../../src/story/schema.ts';

interface DrawnNode {
  left: number;
  top: number;
  width: number;
  height: number;
  textContent?: string;
}

/** The Node runtime, recording the layout of every node in the final (full-size) render. */
function recordingRuntime() {
  const base = createNodeRuntime();
  const drawn: DrawnNode[] = [];
  const runtime: RenderRuntime = {
    ...base,
    satori(element, options) {
      if (!('height' in options)) return base.satori(element, options);
      drawn.length = 0;
      return base.satori(element, { ...options, onNodeDetected: (n: DrawnNode) => drawn.push(n) });
    },
  };
  return { runtime, drawn };
}

const WORDS = [
  'Minister',
  'announces',
  'plan',
  'Łódź',
  'Zürich',
  'Київ',
  'Αθήνα',
  'وزير',
  'المالية',
  'הכנסת',
  'אישרה',
  '東京都',
  '来年度から',
  '国家统计局',
  '서울시',
  '대중교통',
  '🚀',
  '👩‍💻',
  '🇫🇷',
  'π≠∞',
  '±1²',
  '€2.5bn',
  'https://example.com/a/very/long/path?with=query&and=more',
  'x'.repeat(100),
  '—',
  '“quoted”',
  '«cité»',
];

const textOf = (max: number) =>
  fc
    .array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' })), {
      minLength: 1,
      maxLength: 60,
    })
    .map((ws) => ws.join(' ').slice(0, max))
    .filter((s) => s.trim().length > 0);

const SIZES: SizeName[] = ['og', 'x', 'square', 'portrait', 'story'];

describe('text always fits', () => {
  const { runtime, drawn } = recordingRuntime();
  for (const template of listTemplates()) {
    it(`${template.name}: random stories never overflow their boxes or the canvas`, async () => {
      await fc.assert(
        fc.asyncProperty(
          textOf(HEADLINE_MAX),
          fc.option(textOf(QUOTE_MAX), { nil: undefined }),
          fc.constantFrom(...SIZES),
          async (headline, quote, size) => {
            const story = parseStory({
              headline,
              quote,
              quoteAuthor: quote ? 'A. Speaker' : undefined,
              siteName: 'Wire',
            });
            const { report, fitted } = await renderCard({ story, template: template.name, size }, runtime);
            expect(report.width).toBeGreaterThan(0);
            for (const n of drawn) {
              if (!n.textContent) continue;
              expect(n.left, `"${n.textContent}" starts left of the canvas`).toBeGreaterThanOrEqual(-0.5);
              expect(n.top, `"${n.textContent}" starts above the canvas`).toBeGreaterThanOrEqual(-0.5);
              expect(n.left + n.width, `"${n.textContent}" runs off the right edge`).toBeLessThanOrEqual(
                report.width + 0.5,
              );
              expect(n.top + n.height, `"${n.textContent}" runs off the bottom`).toBeLessThanOrEqual(
                report.height + 0.5,
              );
            }
            for (const field of [fitted.headline, fitted.quote]) {
              if (!field) continue;
              const node = drawn.find((n) => n.textContent === field.text);
              expect(node, `fitted text "${field.text.slice(0, 30)}" is drawn`).toBeDefined();
              expect(node!.height).toBeLessThanOrEqual(field.box.height + 0.5);
              expect(node!.width).toBeLessThanOrEqual(field.box.width + 0.5);
            }
          },
        ),
        { numRuns: 12, seed: 20261126 },
      );
    }, 180_000);
  }
});
