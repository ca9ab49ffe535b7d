// Where lines break on real cards, read from the layout report's lineTexts: every script, every template.
import { jaModel, Parser, zhHansModel, zhHantModel } from 'budoux';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/render/index.ts';
import type { FieldReport, SizeName } from '../../src/render/types.ts';
import { parseStory, type StoryInput } from '../../src/story/schema.ts';
import { registry as templates } from '../../templates/index.ts';
import { SAMPLES } from '../../templates/samples.ts';
import { HELD_OUT } from '../fixtures/held-out.ts';
import { goldenRuntime } from '../helpers/golden.ts';

const runtime = goldenRuntime();
const SIZES: SizeName[] = ['og', 'square', 'story'];
const all = [...SAMPLES, ...HELD_OUT];
const byId = (id: string) => all.find((s) => s.id === id)?.story as StoryInput;

async function fields(story: StoryInput, template: string, size: SizeName) {
  const { report } = await renderSvg({ story: parseStory(story), template, size }, runtime, templates);
  return report.fields;
}

/** Offsets in `text` where one drawn line ends and the next begins (a space between them is skipped). */
function breaks(text: string, f: FieldReport): { at: number; space: boolean }[] {
  const out: { at: number; space: boolean }[] = [];
  let at = 0;
  f.lineTexts.forEach((line, i) => {
    expect(text.slice(at, at + line.length), `line ${i} is the text's next part`).toBe(line);
    at += line.length;
    if (i < f.lineTexts.length - 1) {
      const space = text[at] === ' ';
      out.push({ at, space });
      if (space) at++;
    }
  });
  expect(at, 'the lines hold the whole text').toBe(text.length);
  return out;
}

const cases = (ids: string[]) =>
  ids.flatMap((id) => templates.list().flatMap((t) => SIZES.map((size) => [id, t.name, size] as const)));

describe('line breaks by script (from lineTexts)', () => {
  it.each(cases(['korean', 'ko-rates']))('%s: Korean breaks only at spaces (%s, %s)', async (id, template, size) => {
    const f = await fields(byId(id), template, size);
    for (const name of ['headline', 'quote'] as const) {
      const field = f[name];
      if (!field || field.truncated) continue;
      for (const b of breaks(field.text, field)) expect(b.space, `${name} broke inside a word`).toBe(true);
    }
  });

  const models = { ja: jaModel, 'zh-hans': zhHansModel, 'zh-hant': zhHantModel };
  it.each(cases(['japanese', 'ja-diet', 'chinese', 'zh-tw-energy']))(
    '%s: Japanese and Chinese break between BudouX phrases (%s, %s)',
    async (id, template, size) => {
      const story = byId(id);
      const lang = story.lang ?? '';
      const model = lang.startsWith('ja') ? models.ja : lang === 'zh-TW' ? models['zh-hant'] : models['zh-hans'];
      const f = await fields(story, template, size);
      for (const name of ['headline', 'quote'] as const) {
        const field = f[name];
        if (!field) continue;
        const text = field.text.replace(/…$/u, '');
        const boundaries = new Set(new Parser(model).parseBoundaries(text));
        for (const b of breaks(field.text, field)) {
          expect(
            b.space || boundaries.has(b.at),
            `${name} broke at ${b.at} inside a phrase: ${field.lineTexts.join(' | ')}`,
          ).toBe(true);
        }
        for (const line of field.lineTexts.slice(1))
          expect(line).not.toMatch(/^[、。，．：；？！」』）〕］》〉ーっゃゅょッャュョ]/u);
      }
    },
  );

  const words = new Intl.Segmenter(undefined, { granularity: 'word' });
  it.each(cases(['thai', 'khmer', 'lao', 'burmese']))(
    '%s: Thai, Khmer, Lao and Burmese lines start only at a word, never inside one (%s, %s)',
    async (id, template, size) => {
      const f = await fields(byId(id), template, size);
      for (const name of ['headline', 'quote'] as const) {
        const field = f[name];
        if (!field) continue;
        // Word starts found independently of the renderer, by ICU's dictionary breaker.
        const starts = new Set([...words.segment(field.text)].map((s) => s.index));
        for (const b of breaks(field.text, field)) {
          expect(
            b.space || starts.has(b.at),
            `${name} broke at ${b.at} inside a word: ${field.lineTexts.join(' | ')}`,
          ).toBe(true);
        }
      }
    },
  );

  const indic = [
    'hindi',
    'bengali',
    'punjabi',
    'gujarati',
    'odia',
    'tamil',
    'telugu',
    'kannada',
    'malayalam',
    'sinhala',
  ];
  const longWord = {
    id: 'hi-long-word',
    story: { headline: 'प्रक्षेपणकेंद्र'.repeat(14), quote: 'स्त्री'.repeat(40), lang: 'hi' },
  };
  it.each([...indic, 'tibetan', 'hi-long-word'].flatMap((id) => templates.list().map((t) => [id, t.name] as const)))(
    '%s: no line starts with a virama, a vowel sign or a nukta (%s)',
    async (id, template) => {
      const story = id === longWord.id ? longWord.story : byId(id);
      const f = await fields(story, template, 'og');
      for (const name of ['headline', 'quote'] as const) {
        const field = f[name];
        if (!field) continue;
        breaks(field.text, field);
        for (const line of field.lineTexts.slice(1))
          expect(line, `${name}: ${field.lineTexts.join(' | ')}`).not.toMatch(/^[\p{M}\u200C\u200D]/u);
      }
    },
  );

  it.each([
    ['fr-guillemets', '«', '»'],
    ['de-sagte', '„', '“'],
    ['ja-diet', '「', '」'],
    ['es-short-quote', '«', '»'],
    ['he-housing', '"', '"'],
  ])('%s: the quote is drawn with its own marks, once', async (id, open, close) => {
    const story = byId(id);
    for (const t of templates.list().filter((t) => t.name !== 'headline' && t.name !== 'breaking')) {
      const f = await fields(story, t.name, 'story');
      const text = f.quote?.text ?? '';
      expect(text.replace(/\u00a0/g, ' '), `${t.name}: drawn as sent`).toBe(story.quote);
      const count = (ch: string) => [...text].filter((c) => c === ch).length;
      expect(count(open), `${t.name}: ${text}`).toBe(open === close ? 2 : 1);
      expect(count(close)).toBe(open === close ? 2 : 1);
    }
  });

  it.each(cases(['demo', 'long', 'en-wildfire', 'noquote']))(
    '%s: Latin headlines and quotes never leave a word alone on the last line (%s, %s)',
    async (id, template, size) => {
      const f = await fields(byId(id), template, size);
      for (const name of ['headline', 'quote'] as const) {
        const field = f[name];
        if (!field || field.truncated || field.lines < 2) continue;
        // A word alone under a line of several is an orphan; a stack of one word a line is not.
        const words = (line?: string) => line?.split(' ').length ?? 0;
        const [before, last] = [field.lineTexts.at(-2), field.lineTexts.at(-1)];
        if (words(before) > 1) expect(words(last), `${name}: ${field.lineTexts.join(' | ')}`).toBeGreaterThan(1);
      }
    },
  );
});
